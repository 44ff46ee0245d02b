"""The command set is declared once (`bot.command_set`): the Discord tree, /help and the console's
parser are built from it, so each must say exactly what the declaration says."""

from __future__ import annotations

import re
import types

import discord
import pytest
from discord import app_commands

from bot.command_set import (
    COMMANDS,
    GROUPS,
    MESSAGE_COMMANDS,
    Command,
    File,
    Limits,
    User,
    console_usage,
    find,
    help_text,
    usage,
)
from bot.commands import CommandSettings
from bot.config import Config
from bot.console import ConsoleCommands
from bot.console_input import parse_command, typed_command
from bot.discord_commands import install_commands
from bot.errors import InvalidRequest

OPTION_TYPES = {str: 3, int: 4, float: 10, File: 11, User: 6}  # Discord's option types
SUBCOMMAND, CHAT_INPUT, MESSAGE_MENU = 1, 1, 3


def discord_tree(limits_from: Config) -> dict[str, dict]:
    client = discord.Client(intents=discord.Intents.none())
    tree = app_commands.CommandTree(client)
    layer = types.SimpleNamespace(settings=CommandSettings.from_config(limits_from))
    install_commands(tree, layer, poster=None)  # type: ignore[arg-type]
    return {c.name: c.to_dict(tree) for c in tree.get_commands()}


def check_options(payload: dict, command: Command, limits: Limits) -> None:
    assert payload["description"] == command.discord_description
    assert [o["name"] for o in payload.get("options", [])] == [o.name for o in command.options]
    for sent, declared in zip(payload.get("options", []), command.options, strict=True):
        assert sent["type"] == OPTION_TYPES[declared.type], declared.name
        assert sent["description"] == declared.text(limits)
        assert sent.get("required", False) == declared.required
        assert [c["value"] for c in sent.get("choices", [])] == list(declared.choices)
        assert sent.get("min_value") == declared.min_value
        assert sent.get("autocomplete", False) == declared.personas


def test_the_discord_tree_is_the_declaration() -> None:
    cfg = Config.model_validate({"generation": {"max_count": 3, "min_temperature": 0.3},
                                 "discord": {"max_attachment_bytes": 5_000_000}})
    limits = CommandSettings.from_config(cfg).limits()
    tree = discord_tree(cfg)
    top = [c for c in COMMANDS if "discord" in c.where and c.group is None]
    assert list(tree) == [c.name for c in top] + [g.name for g in GROUPS] + [m.name for m in MESSAGE_COMMANDS]
    for command in top:
        assert tree[command.name]["type"] == CHAT_INPUT
        check_options(tree[command.name], command, limits)
    for group in GROUPS:
        sent = tree[group.name]
        assert sent["description"] == group.description
        assert (int(sent["default_member_permissions"] or 0) == 8) == group.admins_only_hint  # administrator
        assert (sent["contexts"] == [0] and sent["integration_types"] == [0]) == group.servers_only
        members = [c for c in COMMANDS if "discord" in c.where and c.group == group.name]
        assert [o["name"] for o in sent["options"]] == [c.leaf for c in members]
        for payload, command in zip(sent["options"], members, strict=True):
            assert payload["type"] == SUBCOMMAND
            check_options(payload, command, limits)
    for menu in MESSAGE_COMMANDS:
        assert tree[menu.name]["type"] == MESSAGE_MENU
    # The configured limits reach the descriptions.
    imitate = tree["imitate"]["options"]
    assert imitate[2]["description"] == "how many tweets, 1-3"
    assert imitate[3]["description"].startswith("0.3-")


def test_help_lists_every_declared_command() -> None:
    text = help_text(Limits(max_count=4, max_mb=2.5))
    for command in COMMANDS:
        shown = f"`{usage(command)}`" if "discord" in command.where else f"`/{command.name}`"
        assert shown in text, command.name
        if "discord" in command.where:
            who = " (admin)" if command.admin else f" ({command.who})" if command.who else ""
            assert f"`{usage(command)}`{who}: " in text
    for menu in MESSAGE_COMMANDS:
        assert f"**{menu.name}**" in text
    assert "1-4 tweets" in text and "up to 2.5 MB" in text
    assert "[sort]" not in text  # an option left out of the usage lines


def test_every_console_command_has_a_handler_and_parses_by_its_declaration() -> None:
    for command in COMMANDS:
        if "console" in command.where:
            assert callable(getattr(ConsoleCommands, command.handler, None)), command.handler
    name = typed_command('/persona add smithjd my folder/x.zip base=tiny author="Jo Smith"')
    assert name == "persona add"
    parsed = parse_command(name, '/persona add smithjd my folder/x.zip base=tiny author="Jo Smith"')
    assert parsed == (find("persona add"), {"base": "tiny", "author": "Jo Smith", "name": "smithjd",
                                            "archive": "my folder/x.zip"})
    assert parse_command("imitate", "/imitate m count=2")[1] == {"count": 2, "persona": "m"}
    assert typed_command("   ") is None and typed_command("# a comment") is None
    for line, expected in (("/persona info a b", "Usage: /persona info name"),
                           ("/persona add x", "Usage: /persona add NAME PATH [base=MODEL] [author="),
                           ("/help me", "Usage: /help"), ("/persona", "Unknown command '/persona'")):
        with pytest.raises(InvalidRequest, match=re.escape(expected)):
            parse_command(typed_command(line) or "", line)
    remove = find("persona remove")
    assert remove is not None and console_usage(remove) == "/persona remove name [confirm=yes]"
