"""The bot's command set, declared once: every command's name, its options (type, whether required,
choices, least value, description), its description, who may use it, and which front ends have it.

Everything else is built from this: `/help`'s text (`help_text`), the Discord command tree
(`bot.discord_commands`: one `app_commands.Command` per declared command, its options' types,
descriptions, choices and ranges from here) and the console's parser (`bot.console_input`: which words
are positional, which are `name=value`, their types, the usage line). A new command or option is
written here, plus the code that runs it in each front end (`on_<name>`, looked up by name).

Descriptions may name the configured limits (`{max_count}`, `{min_t}`, `{max_t}`, `{max_mb}`) and the
fixed ones (`{page_size}`, `{suffixes}`): `Limits.fields()` fills them in.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import Literal

from bot.archives import ARCHIVE_SUFFIXES
from bot.replies import LIST_PAGE_SIZE, LIST_SORTS, USAGE_ROWS

FrontEnd = Literal["discord", "console"]
BOTH: frozenset[FrontEnd] = frozenset({"discord", "console"})


class File:
    """An option's type: a file. On Discord an attachment; in the console a local path (a file, or for
    /persona add an unpacked archive folder)."""


class User:
    """An option's type: a Discord user (a member of the server). In the console, their user id."""


@dataclass(frozen=True)
class Option:
    name: str
    type: type  # str, int, float, File or User
    description: str  # Discord's description of the option; may name `Limits` fields
    required: bool = False
    choices: tuple[str, ...] = ()
    min_value: int | None = None
    personas: bool = False  # a persona's name: suggested as it is typed (Discord's autocomplete)
    # The console: "word" one word by its place, "rest" every word left (a prompt, a path with spaces),
    # "named" as `name=value` anywhere on the line.
    console: Literal["word", "rest", "named"] = "named"
    metavar: str = ""  # how the console's usage line shows the value (default: the option's name)
    in_usage: bool = True  # False: left out of the usage lines (told in its Discord description)

    def text(self, limits: Limits) -> str:
        return self.description.format(**limits.fields())

    @property
    def shown(self) -> str:
        return self.metavar or self.name


@dataclass(frozen=True)
class Command:
    name: str  # as typed after the slash: "imitate", "persona list"
    description: str  # Discord's one line (an admin command gets "(admin)" after it)
    help: str  # what /help says of it, after its usage; may name `Limits` fields
    options: tuple[Option, ...] = ()
    admin: bool = False  # changes personas: bot admins only, in a server (the command layer checks)
    # Who else may use it, said after its help ("the persona's subject or owner"); the command layer checks.
    who: str = ""
    # Only asks: on Discord a button confirms it, in the console the `confirm=yes` option.
    confirms: bool = False
    where: frozenset[FrontEnd] = BOTH
    console_note: str = ""  # after the console's usage line, in parentheses

    @property
    def group(self) -> str | None:
        return self.name.split(" ", 1)[0] if " " in self.name else None

    @property
    def leaf(self) -> str:
        """The name within its group (Discord's subcommand name)."""
        return self.name.rsplit(" ", 1)[-1]

    @property
    def handler(self) -> str:
        """The method each front end runs it with: `on_imitate`, `on_persona_list`."""
        return "on_" + self.name.replace(" ", "_").replace("-", "_")

    @property
    def discord_description(self) -> str:
        who = "; ".join(["admin"] * self.admin + [self.who] * bool(self.who)
                        + ["asks to confirm"] * self.confirms)
        return f"{self.description} ({who})" if who else self.description

    def console_options(self) -> tuple[Option, ...]:
        """The options typed in the console: its own, plus `confirm` where a button confirms on Discord."""
        confirm = (Option("confirm", str, "yes: do it", metavar="yes"),) if self.confirms else ()
        return self.options + confirm


@dataclass(frozen=True)
class Group:
    """A Discord command group (`/persona ...`). Discord sets default permissions and where a command
    may be used per group, not per subcommand, so these are the group's hints for all its commands;
    the command layer checks for real."""

    name: str
    description: str
    admins_only_hint: bool = False  # Discord: shown to administrators (a server may allow others)
    servers_only: bool = False  # Discord: only in servers that installed the bot


@dataclass(frozen=True)
class Limits:
    """The configured numbers the texts quote."""

    max_count: int = 5
    min_t: float = 0.1
    max_t: float = 2.0
    max_mb: float = 100.0

    def fields(self) -> dict[str, object]:
        return {**dataclasses.asdict(self), "page_size": LIST_PAGE_SIZE,
                "suffixes": ", ".join(ARCHIVE_SUFFIXES), "usage_rows": USAGE_ROWS}


PERSONA_NAME = "the persona"
CONSOLE_ONLY: frozenset[FrontEnd] = frozenset({"console"})
# What is about the member using it (their own personas, their consent): the console's user is the operator.
DISCORD_ONLY: frozenset[FrontEnd] = frozenset({"discord"})

# Not admins-only, not servers-only: members make, see and forget personas of themselves with it, in
# DMs too; each command says who may use it and the command layer checks.
GROUPS = (Group("persona", "The personas this bot speaks as"),)

COMMANDS = (
    Command(
        "imitate", "A tweet in a persona's voice",
        "a tweet in that persona's voice; without a prompt, a fresh one. `count` 1-{max_count} tweets, "
        "`temperature` {min_t}-{max_t} (higher: wilder), `seed` for a repeatable result.",
        (Option("persona", str, "whose voice", required=True, personas=True, console="word"),
         Option("prompt", str, "how the tweet starts (empty: a fresh tweet)", console="rest"),
         Option("count", int, "how many tweets, 1-{max_count}", metavar="N"),
         Option("temperature", float, "{min_t}-{max_t}; higher is wilder", metavar="T"),
         Option("seed", int, "the same seed gives the same tweet", metavar="S"))),
    # The buttons' twins in the console, which has no buttons: follow up tweet #N (default: the last).
    Command(
        "another", "Another tweet, same persona and prompt", "another tweet like tweet #N.",
        (Option("number", str, "which tweet", console="word", metavar="N"),), where=CONSOLE_ONLY),
    Command(
        "continue", "The persona answers its own tweet", "the persona answers tweet #N.",
        (Option("number", str, "which tweet", console="word", metavar="N"),), where=CONSOLE_ONLY),
    Command(
        "persona list", "The personas this bot serves", "the personas this bot serves, {page_size} a page.",
        (Option("page", int, "which page of the list ({page_size} personas a page); default 1",
                min_value=1, metavar="N"),
         Option("sort", str, "by name (default), or by how much each sounds like its person",
                choices=LIST_SORTS, in_usage=False))),
    Command(
        "persona info", "A persona's training data, base model and metrics",
        "the data a persona was trained on, its base model and its metrics.",
        (Option("name", str, PERSONA_NAME, required=True, personas=True, console="word"),)),
    Command(
        "persona add", "Train a persona from an X, Mastodon, Bluesky or Discord export",
        "train a persona from an X or Mastodon archive, a Bluesky .car, a Discord chat export "
        "(DiscordChatExporter JSON; `author`: whose messages) or a tweet file ({suffixes}), up to "
        "{max_mb} MB, fine-tuning `base` (a hub id such as gpt2, or tiny; default: the configured one); "
        "one training at a time, others queue.",
        (Option("name", str, "the persona's name: the handle", required=True, console="word",
                metavar="NAME"),
         Option("archive", File, "an X or Mastodon archive, a Bluesky .car, a Discord chat export",
                required=True, console="rest", metavar="PATH"),
         Option("base", str, "the base model to fine-tune (a hub id such as gpt2, or tiny); "
                             "default: the configured one", metavar="MODEL"),
         Option("author", str, "in a Discord chat export: whose messages (user id or name)",
                metavar="ID_OR_NAME"),
         Option("subject", User, "the member it imitates: nothing is trained until they accept",
                metavar="USER_ID")),
        admin=True,
        console_note="an X or Mastodon archive, a Bluesky .car, a Discord chat export, a tweet file"),
    Command(
        "persona me", "A persona of yourself, from your own export",
        "a persona of yourself in this server, from your own X, Mastodon or Bluesky archive, Discord "
        "data package or tweet file ({suffixes}), up to {max_mb} MB; `name` defaults to your username. "
        "Forget it any time with `/persona forget`.",
        (Option("archive", File, "your own export: an X or Mastodon archive, a Bluesky .car, your Discord "
                                 "data package", required=True, console="rest", metavar="PATH"),
         Option("name", str, "the persona's name (default: your username)", metavar="NAME")),
        who="members, of themselves", where=DISCORD_ONLY),
    Command(
        "persona pending", "Personas of you awaiting your answer",
        "the personas of you someone asked for, awaiting your Accept or Decline.",
        who="the member asked", where=DISCORD_ONLY),
    Command(
        "persona usage", "Who asked a persona of you for what",
        "who asked the persona for what, newest {usage_rows} (its subject or owner only).",
        (Option("name", str, PERSONA_NAME, required=True, personas=True, console="word"),),
        who="its subject or owner"),
    Command(
        "persona forget", "Forget a persona completely",
        "delete a persona and every trace of it: its files, its picture, the record of its messages, a "
        "training of it (its subject, its owner, or an admin of its server).",
        (Option("name", str, PERSONA_NAME, required=True, personas=True, console="word"),),
        who="its subject, owner or server's admins", confirms=True),
    Command(
        "persona forget-me", "Forget every persona of you, and never imitate you again",
        "forget every persona of you in every server, and refuse any new one (or your messages as "
        "a persona's context) until `/persona opt-in`.",
        who="anyone, for themselves", confirms=True, where=DISCORD_ONLY),
    Command(
        "persona opt-in", "Allow personas of you again",
        "take back `/persona forget-me`: personas of you may be made again (each with your Accept).",
        who="anyone, for themselves", where=DISCORD_ONLY),
    Command(
        "persona avatar", "Replace a persona's profile picture",
        "replace a persona's profile picture (PNG, JPEG, GIF or WebP).",
        (Option("name", str, PERSONA_NAME, required=True, personas=True, console="word", metavar="NAME"),
         Option("image", File, "a PNG, JPEG, GIF or WebP picture", required=True, console="rest",
                metavar="PATH")),
        admin=True, console_note="a PNG, JPEG, GIF or WebP file"),
    Command(
        "persona remove", "Delete a persona", "delete a persona and the record of its messages.",
        (Option("name", str, PERSONA_NAME, required=True, personas=True, console="word"),),
        admin=True, confirms=True),
    Command("help", "What this bot can do", "this message."),
)



@dataclass(frozen=True)
class MessageCommand:
    """A message context menu (right-click → Apps), Discord only: no options, the message is the
    argument; Discord sends its text with the interaction, so no privileged intent is needed."""

    name: str
    handler: str  # the method the Discord front end runs it with


MESSAGE_COMMANDS = (MessageCommand("Reply as persona…", "on_reply_as"),
                    MessageCommand("Who asked?", "on_who_asked"))

BY_NAME = {c.name: c for c in COMMANDS}


def find(name: str) -> Command | None:
    return BY_NAME.get(name)


def usage(command: Command) -> str:
    """The command as /help shows it: `/persona add name archive [base] [author]`."""
    words = [o.name if o.required else f"[{o.name}]" for o in command.options if o.in_usage]
    return " ".join([f"/{command.name}", *words])


def console_usage(command: Command) -> str:
    """The command as the console's usage error shows it: `/persona add NAME PATH [base=MODEL] ...`."""
    words = []
    for o in command.console_options():
        if not o.in_usage:
            continue
        word = o.shown if o.console != "named" else f"{o.name}={o.shown}"
        words.append(word if o.required else f"[{word}]")
    note = f" ({command.console_note})" if command.console_note else ""
    return " ".join([f"/{command.name}", *words]) + note


def help_text(limits: Limits) -> str:
    """/help: each Discord command with its usage and what it does, then the buttons, the message
    menus, and how the console differs."""
    fields = limits.fields()
    lines = ["**Commands**"]
    for command in COMMANDS:
        if "discord" in command.where:
            admin = " (admin)" if command.admin else f" ({command.who})" if command.who else ""
            lines.append(f"`{usage(command)}`{admin}: {command.help.format(**fields)}")
    menus = " and ".join(f"**{menu.name}**" for menu in MESSAGE_COMMANDS)
    lines.append("On a persona's message: **Another** (a new tweet, same prompt), **Continue** (the persona "
                 "answers itself), **Delete** (whoever asked, or an admin). On any message (right-click → "
                 f"Apps): {menus}.")
    lines.append("In the console, options are `name=value`: `/imitate marlowe_bakes My dream is count=3 "
                 "temperature=0.8 seed=7`, `/persona list page=2`; `/persona add NAME PATH [base=MODEL]` "
                 "takes a local file or an unpacked archive folder; `/another` and `/continue` follow up "
                 "the last tweet (or `/continue N`, tweet #N).")
    return "\n".join(lines)
