"""The bot's Discord commands: the slash commands and message context menus, built from the declared
command set (`bot.command_set`), with the code each one runs, and the confirmation of /persona remove.

`install_commands` puts on a command tree: the top-level commands (`TopCommands`: /imitate, /help,
and the menus "Reply as persona…" and "Who asked?"), and the `/persona` group (`PersonaGroup`, an
`app_commands.Group` subclass: list, info, add, avatar, remove), `default_permissions(administrator)`
and servers-only as Discord's hints (the command layer checks for real). Each declared command becomes
an `app_commands.Command` whose callback's signature, option descriptions, choices, ranges and
autocomplete come from its declaration (`slash_command`: decorators cannot be written per command
when the declaration, not the code, names the options); it runs the holder's `on_<name>` method.

Every interaction is answered or deferred at once: fast checks first (a refusal is an immediate
ephemeral reply), then a defer, then the slow work in the follow-up. `/persona remove` only asks: a
persistent "Delete NAME" button (`RemoveButton`, a dynamic item matched by custom id) deletes, checked
again at the click; the removals a click has started live on the client's `RemoveConfirmation`.
"""

from __future__ import annotations

import hashlib
import inspect
import logging
import re
import time
from collections.abc import Callable, Coroutine
from typing import Any

import discord
from discord import app_commands

from bot.command_set import COMMANDS, GROUPS, MESSAGE_COMMANDS, Command, File, Group, Limits, User
from bot.commands import Commands
from bot.discord_consent import ask_in_channel, show_pending
from bot.discord_io import SEND_ERRORS, caller_of, defer, send
from bot.errors import InvalidRequest, PermissionDenied
from bot.output import clip, outbound
from bot.persona_changes import AddRequest, Archive
from bot.presence import PersonaPoster, accepting
from bot.replies import Reply, code_text

log = logging.getLogger(__name__)

# An interaction token lives 15 minutes; past this, a training's result goes to the channel instead.
TOKEN_LIFETIME_S = 14 * 60
REMOVE_PREFIX = "persona:remove:"
CUSTOM_ID_LIMIT = 100  # Discord's limit on a component's custom id

Handler = Callable[..., Coroutine[Any, Any, None]]
Autocomplete = Callable[[discord.Interaction, str], Coroutine[Any, Any, list[app_commands.Choice[str]]]]


def slash_command(command: Command, handler: Handler, limits: Limits,
                  persona_names: Autocomplete) -> app_commands.Command:
    """`command` as discord.py's Command: a callback whose signature has one parameter per declared
    option (its type, `Range` for a least value, optional with a None default), described, with its
    choices and the persona names as autocomplete, all from the declaration; it runs `handler`."""
    params = [inspect.Parameter("interaction", inspect.Parameter.POSITIONAL_OR_KEYWORD,
                                annotation=discord.Interaction)]
    for option in command.options:
        kind: Any = {File: discord.Attachment, User: discord.User}.get(option.type, option.type)
        if option.min_value is not None:
            kind = app_commands.Range[kind, option.min_value]
        params.append(inspect.Parameter(
            option.name, inspect.Parameter.KEYWORD_ONLY, annotation=kind if option.required else kind | None,
            default=inspect.Parameter.empty if option.required else None))

    async def callback(interaction: discord.Interaction, **options: Any) -> None:
        await handler(interaction, **options)

    callback.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]  # read by discord.py
    app_commands.describe(**{o.name: o.text(limits) for o in command.options})(callback)
    choices = {o.name: [app_commands.Choice(name=c, value=c) for c in o.choices]
               for o in command.options if o.choices}
    if choices:
        app_commands.choices(**choices)(callback)
    names = {o.name: persona_names for o in command.options if o.personas}
    if names:
        app_commands.autocomplete(**names)(callback)
    return app_commands.Command(name=command.leaf, description=command.discord_description, callback=callback)


def declared(group: Group | None) -> list[Command]:
    """The declared Discord commands of `group` (None: the top-level ones), in declared order."""
    name = group.name if group is not None else None
    return [c for c in COMMANDS if "discord" in c.where and c.group == name]


def install_commands(tree: app_commands.CommandTree, commands: Commands, poster: PersonaPoster) -> None:
    """Every declared command, group and message menu on `tree`."""
    top = TopCommands(commands, poster)
    limits = commands.settings.limits()
    for command in declared(None):
        tree.add_command(slash_command(command, getattr(top, command.handler), limits, top.persona_names))
    (persona,) = GROUPS  # one group today: another would get a Group subclass of its own, with its handlers
    tree.add_command(PersonaGroup(persona, commands, limits))
    for menu in MESSAGE_COMMANDS:
        tree.add_command(app_commands.ContextMenu(name=menu.name, callback=getattr(top, menu.handler)))


def persona_choices(commands: Commands, interaction: discord.Interaction,
                    current: str) -> list[app_commands.Choice[str]]:
    """The persona names the autocomplete offers for what is typed so far, among those usable there."""
    names = commands.autocomplete(current, caller_of(interaction))
    return [app_commands.Choice(name=name, value=name) for name in names]


class TopCommands:
    """/imitate, /help and the message menus: what each runs."""

    def __init__(self, commands: Commands, poster: PersonaPoster) -> None:
        self.layer = commands
        self.poster = poster

    async def persona_names(self, interaction: discord.Interaction,
                            current: str) -> list[app_commands.Choice[str]]:
        return persona_choices(self.layer, interaction, current)

    async def on_imitate(self, interaction: discord.Interaction, persona: str, prompt: str | None = None,
                         count: int | None = None, temperature: float | None = None,
                         seed: int | None = None) -> None:
        caller = caller_of(interaction)
        await self.poster.imitate(interaction, lambda: self.layer.prepare_imitate(
            caller, persona, prompt, count, temperature, seed), "imitate")

    async def on_help(self, interaction: discord.Interaction) -> None:
        await send(interaction, self.layer.help(), "response")

    async def on_reply_as(self, interaction: discord.Interaction, message: discord.Message) -> None:
        await self.poster.reply_as(interaction, message)

    async def on_who_asked(self, interaction: discord.Interaction, message: discord.Message) -> None:
        await self.poster.who_asked(interaction, message)


class PersonaGroup(app_commands.Group):
    """/persona: its subcommands built from the declaration (`group`), each running `on_persona_<name>`.
    (The command layer is `self.layer`: a Group's `commands` are its subcommands.)"""

    def __init__(self, group: Group, commands: Commands, limits: Limits) -> None:
        servers = app_commands.AppCommandContext(guild=True) if group.servers_only else None
        installs = app_commands.AppInstallationType(guild=True) if group.servers_only else None
        admins = discord.Permissions(administrator=True) if group.admins_only_hint else None
        super().__init__(name=group.name, description=group.description, default_permissions=admins,
                         allowed_contexts=servers, allowed_installs=installs)
        self.layer = commands
        for command in declared(group):
            handler = getattr(self, command.handler)
            self.add_command(slash_command(command, handler, limits, self.persona_names))

    async def persona_names(self, interaction: discord.Interaction,
                            current: str) -> list[app_commands.Choice[str]]:
        return persona_choices(self.layer, interaction, current)

    async def on_persona_list(self, interaction: discord.Interaction, page: int | None = None,
                              sort: str | None = None) -> None:
        try:
            # the footer names the next page as Discord asks
            reply = self.layer.persona_list(caller_of(interaction), page, sort=sort)
        except Exception as exc:  # a page past the last (BotError) or a bug: answered either way
            reply = self.layer.error_reply("persona list", exc)
        await send(interaction, reply, "response")

    async def on_persona_info(self, interaction: discord.Interaction, name: str) -> None:
        try:
            reply = await self.layer.persona_info(name, caller_of(interaction))
        except Exception as exc:
            reply = self.layer.error_reply("persona info", exc)
        await send(interaction, reply, "response")

    async def on_persona_add(self, interaction: discord.Interaction, name: str, archive: discord.Attachment,
                             base: str | None = None, author: str | None = None,
                             subject: discord.User | None = None) -> None:
        commands = self.layer
        received = time.monotonic()
        source = Archive(archive.filename, archive.size, url=archive.url)
        caller = caller_of(interaction)
        try:
            if subject is not None and subject.bot:
                raise InvalidRequest("A bot cannot be a persona's subject: name a member, or no one.")
            req = commands.prepare_add(caller, name, source, base, author,
                                       subject.id if subject is not None else None)
        except Exception as exc:  # refused (BotError) or a bug: answered either way, never left hanging
            return await send(interaction, commands.error_reply("persona add", exc), "response")
        if req.subject is not None and req.subject != caller.user_id:
            # A member's persona: nothing is trained until they accept (they are asked in the channel).
            return await ask_in_channel(interaction, commands, req)
        await self.train(interaction, req, received)

    async def on_persona_me(self, interaction: discord.Interaction, archive: discord.Attachment,
                            name: str | None = None) -> None:
        commands = self.layer
        received = time.monotonic()
        try:
            req = commands.prepare_me(caller_of(interaction), Archive(archive.filename, archive.size,
                                      url=archive.url), name, interaction.user.name)
        except Exception as exc:
            return await send(interaction, commands.error_reply("persona me", exc), "response")
        await self.train(interaction, req, received)

    async def train(self, interaction: discord.Interaction, req: AddRequest, received: float) -> None:
        """An accepted /persona add or me: deferred, then its progress and result as the training goes."""
        commands = self.layer
        # Not deferred (Discord unreachable): the training still runs and its result goes to the channel.
        deferred = await defer(interaction)
        async for reply in commands.persona_add(req):
            token_alive = deferred and time.monotonic() - received < TOKEN_LIFETIME_S
            if reply.progress:
                if token_alive:
                    await send(interaction, reply, "progress")
            elif not reply.public_fallback:  # a failure: for the asker only, whatever happens
                if not token_alive or await send(interaction, reply, "followup") is None:
                    await tell_privately(interaction, req.name, reply)
            elif not token_alive:  # the interaction token has expired: a new message in the channel
                await send(interaction, reply, "channel")
            else:
                await send(interaction, reply, "followup" if reply.ephemeral else "edit")

    async def on_persona_pending(self, interaction: discord.Interaction) -> None:
        await show_pending(interaction, self.layer)

    async def on_persona_usage(self, interaction: discord.Interaction, name: str) -> None:
        try:
            name = self.layer.prepare_usage(caller_of(interaction), name)
        except Exception as exc:
            return await send(interaction, self.layer.error_reply("persona usage", exc), "response")
        deferred = await defer(interaction, ephemeral=True)
        try:
            reply = await self.layer.persona_usage(name)
        except Exception as exc:
            reply = self.layer.error_reply("persona usage", exc)
        await send(interaction, reply, "followup" if deferred else "response")

    async def on_persona_forget(self, interaction: discord.Interaction, name: str) -> None:
        try:
            req = self.layer.prepare_forget(caller_of(interaction), name)
        except Exception as exc:
            return await send(interaction, self.layer.error_reply("persona forget", exc), "response")
        text = (f"This forgets `{code_text(req.name)}` completely: its files, its picture, the record of its "
                "messages, and a training of it. It cannot be undone.")
        await send(interaction, Reply(text, ephemeral=True, public_fallback=False), "response",
                   view=remove_buttons(req.name, "forget"))

    async def on_persona_forget_me(self, interaction: discord.Interaction) -> None:
        text = ("This forgets every persona of you in every server the bot is in, deletes the records "
                "quoting your messages, and stops anyone making a persona of you (or having one answer "
                "your messages) until `/persona opt-in`.")
        await send(interaction, Reply(text, ephemeral=True, public_fallback=False), "response",
                   view=remove_buttons("", "forgetme"))

    async def on_persona_opt_in(self, interaction: discord.Interaction) -> None:
        try:
            reply = await self.layer.persona_opt_in(caller_of(interaction))
        except Exception as exc:
            reply = self.layer.error_reply("persona opt-in", exc)
        await send(interaction, reply, "response")

    async def on_persona_remove(self, interaction: discord.Interaction, name: str) -> None:
        try:
            req = self.layer.prepare_remove(caller_of(interaction), name)
        except Exception as exc:  # refused (BotError) or a bug: answered either way, never left hanging
            return await send(interaction, self.layer.error_reply("persona remove", exc), "response")
        # Nothing is deleted yet: the admin confirms with the button (checked again at the click).
        text = f"This deletes `{code_text(req.name)}` and the record of its messages."
        await send(interaction, Reply(text, ephemeral=True, public_fallback=False), "response",
                   view=remove_buttons(req.name))

    async def on_persona_avatar(self, interaction: discord.Interaction, name: str,
                                image: discord.Attachment) -> None:
        commands = self.layer
        try:
            req = commands.prepare_avatar(caller_of(interaction), name,
                                          Archive(image.filename, image.size, url=image.url))
        except Exception as exc:  # refused (BotError) or a bug: answered either way, never left hanging
            return await send(interaction, commands.error_reply("persona avatar", exc), "response")
        deferred = await defer(interaction)
        try:
            reply = await commands.persona_avatar(req)
        except Exception as exc:
            reply = commands.error_reply("persona avatar", exc)
        await send(interaction, reply, "followup" if deferred else "channel")


async def tell_privately(interaction: discord.Interaction, name: str, reply: Reply) -> None:
    """A /persona add failure the interaction can no longer carry (its token expired, or Discord refused
    the follow-up): by DM to whoever asked; where the DM is refused, only a line in the channel saying
    that it failed, never why (the reason may name the archive's people)."""
    try:
        await interaction.user.send(outbound(reply.text), allowed_mentions=discord.AllowedMentions.none())
        return
    except SEND_ERRORS as exc:  # DMs closed, or no DM channel with this user
        log.warning("could not DM the result of /persona add %s: %s", name, exc)
    await send(interaction, Reply(f"❌ Training `{code_text(name)}` failed. I could not DM the reason; "
                                  "run `/persona add` again to see it."), "channel")


# --- confirming /persona remove, forget and forget-me ----------------------------------------------------

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
