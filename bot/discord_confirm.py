"""Confirming what cannot be undone: /persona remove, /persona forget and /persona forget-me only ask,
with a persistent button ("Delete NAME", "Forget NAME", "Forget every persona of me") and Cancel. The
buttons are dynamic items matched by custom id (`persona:<action>:<key>`), so a confirmation works
after a restart with nothing held meanwhile; the click is checked again (still allowed, still there,
whoever ran the command) by the client's `RemoveConfirmation`, which also refuses a second quick click.
"""

from __future__ import annotations

import hashlib
import logging
import re
from collections.abc import Callable, Coroutine
from typing import Any

import discord

from bot.commands import Commands
from bot.discord_io import SEND_ERRORS, caller_of, send
from bot.errors import InvalidRequest, PermissionDenied
from bot.output import clip, outbound
from bot.presence import accepting
from bot.replies import Reply, code_text

log = logging.getLogger(__name__)

REMOVE_PREFIX = "persona:remove:"
CUSTOM_ID_LIMIT = 100  # Discord's limit on a component's custom id


# What each confirmation's button does: its label (NAME: the persona), the command it confirms.
CONFIRMS = {"remove": ("Delete {name}", "🗑️", "persona remove"),
            "forget": ("Forget {name}", "🧹", "persona forget"),
            "forgetme": ("Forget every persona of me", "🧹", "persona forget-me")}
ME = "me"  # forget-me's key: the one who clicks is the one it forgets


def remove_key(name: str) -> str:
    """The persona in a custom id: its name, or for a name too long to fit (a blend of many handles)
    '#' and a digest of it, looked up among the personas at the click."""
    if len(REMOVE_PREFIX) + len(name) <= CUSTOM_ID_LIMIT:
        return name
    return "#" + hashlib.sha256(name.encode()).hexdigest()[:32]


def remove_buttons(name: str, action: str = "remove") -> discord.ui.View:
    """The confirmation's two buttons: do it (`action`: remove, forget, forgetme), or cancel."""
    key = ME if action == "forgetme" else remove_key(name)
    view = discord.ui.View(timeout=None)
    view.add_item(RemoveButton(action, key, name))
    view.add_item(RemoveButton("keep", key, name))
    return view


class RemoveConfirmation:
    """The click on "Delete NAME", "Forget NAME", "Forget every persona of me" or "Cancel": checked
    again (still allowed, still there, whoever ran the command), then done. `removing`: the personas
    whose removal a click has started, so a second quick click is refused (one per client; one event
    loop, so no lock is needed)."""

    def __init__(self, commands: Commands) -> None:
        self.commands = commands
        self.removing: set[str] = set()

    async def clicked(self, button: RemoveButton, interaction: discord.Interaction) -> None:
        commands = self.commands
        command = CONFIRMS.get(button.action, CONFIRMS["remove"])[2]
        meta = interaction.message.interaction_metadata if interaction.message is not None else None
        if meta is not None and meta.user.id != interaction.user.id:
            await send(interaction, commands.error_reply(command, PermissionDenied(
                f"Only whoever ran this /{command} can confirm it.")), "response")
            return
        if button.key == ME:  # forget-me: nothing to look up, the caller is the one forgotten
            if button.action == "keep":
                await self.settle(interaction, "Nothing was forgotten.")
                return
            await self.run(interaction, f"me:{interaction.user.id}", command,
                           lambda: commands.forget_me(caller_of(interaction)), "⏳ Forgetting…")
            return
        name = self.persona_name(button.key)
        if button.action == "keep":
            await self.settle(interaction, f"Kept `{code_text(name)}`.")
            return
        caller = caller_of(interaction)
        try:
            if name in self.removing:  # a second quick click, before the first took the buttons away
                raise InvalidRequest(f"`{code_text(name)}` is already being deleted.")
            # Checked again at the click: still allowed, still there.
            if button.action == "forget":
                req = commands.prepare_forget(caller, name)
                work = lambda: commands.persona_forget(req)  # noqa: E731
            else:
                removal = commands.prepare_remove(caller, name)
                work = lambda: commands.persona_remove(removal)  # noqa: E731
        except Exception as exc:
            await send(interaction, commands.error_reply(command, exc), "response")
            return
        await self.run(interaction, name, command, work, f"⏳ Deleting `{code_text(name)}`…")

    async def run(self, interaction: discord.Interaction, key: str, command: str,
                  work: Callable[[], Coroutine[Any, Any, Reply]], doing: str) -> None:
        if key in self.removing:
            await send(interaction, self.commands.error_reply(command, InvalidRequest(
                "That is already being done.")), "response")
            return
        self.removing.add(key)
        try:
            # The buttons go at once, so a later click cannot start a second removal either.
            settled = await self.settle(interaction, doing)
            try:
                reply = await work()
            except Exception as exc:
                reply = self.commands.error_reply(command, exc)
        finally:
            self.removing.discard(key)
        await send(interaction, reply, "edit" if settled else "followup")

    def persona_name(self, key: str) -> str:
        if not key.startswith("#"):
            return key
        found = [n for n in self.commands.registry.names() if remove_key(n) == key]
        return found[0] if found else key  # gone: prepare_remove says it is unknown

    @staticmethod
    async def settle(interaction: discord.Interaction, text: str) -> bool:
        """The confirmation message becomes `text`, without its buttons; False when Discord refused."""
        try:
            await interaction.response.edit_message(content=outbound(text), view=None)
            return True
        except SEND_ERRORS as exc:
            log.warning("could not update a confirmation: %s", exc)
            return False


class RemoveButton(discord.ui.DynamicItem[discord.ui.Button],
                   template=r"persona:(?P<action>remove|forget|forgetme|keep):(?P<key>[A-Za-z0-9_#-]+)"):
    """The buttons under the confirmation of /persona remove, forget and forget-me. A dynamic item,
    matched by its custom id, so a confirmation still works after a restart, with nothing held
    meanwhile; the click goes to the client's `RemoveConfirmation` (only whoever ran the command may
    press it: the message's `interaction_metadata`, which Discord sends with the click)."""

    def __init__(self, action: str, key: str, name: str | None = None) -> None:
        if action == "keep":
            button = discord.ui.Button(label="Cancel", style=discord.ButtonStyle.secondary,
                                       custom_id=f"persona:keep:{key}")
        else:
            label, emoji, _ = CONFIRMS[action]
            button = discord.ui.Button(label=clip(label.format(name=name or key), 80), emoji=emoji,
                                       style=discord.ButtonStyle.danger, custom_id=f"persona:{action}:{key}")
        super().__init__(button)
        self.action, self.key = action, key

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> RemoveButton:
        return cls(match["action"], match["key"])

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await accepting(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:
        removals: RemoveConfirmation = interaction.client.removals  # type: ignore[attr-defined]
        await removals.clicked(self, interaction)
