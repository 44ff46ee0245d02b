"""The bot's Discord commands: the slash commands and message context menus, built from the declared
command set (`bot.command_set`), with the code each one runs.

`install_commands` puts on a command tree: the top-level commands (`TopCommands`: /imitate, /help,
and the menus "Reply as persona…" and "Who asked?"), and the `/persona` group (`PersonaGroup`, an
`app_commands.Group` subclass: list, info, add, me, pending, usage, forget, forget-me, opt-in, avatar,
remove), open to everyone on Discord's side (the command layer checks who may do what). Each declared
command becomes an `app_commands.Command` whose callback's signature, option descriptions, choices,
ranges and autocomplete come from its declaration (`slash_command`: decorators cannot be written per
command when the declaration, not the code, names the options); it runs the holder's `on_<name>`.

Every interaction is answered or deferred at once: fast checks first (a refusal is an immediate
ephemeral reply), then a defer, then the slow work in the follow-up. `/persona remove`, `forget` and
`forget-me` only ask: their buttons are `bot.discord_confirm`'s. `/persona add` naming a member as
`subject` asks that member first (`bot.discord_consent`).
"""
from __future__ import annotations

import inspect
import logging
import time
from collections.abc import Callable, Coroutine
from typing import Any

import discord
from discord import app_commands

from bot.command_set import COMMANDS, GROUPS, MESSAGE_COMMANDS, Command, File, Group, Limits, User
from bot.commands import Commands
from bot.discord_confirm import remove_buttons
from bot.discord_consent import ask_in_channel, show_pending
from bot.discord_io import SEND_ERRORS, caller_of, defer, send
from bot.errors import InvalidRequest
from bot.output import outbound
from bot.persona_changes import AddRequest, Archive
from bot.presence import PersonaPoster
from bot.replies import Reply, code_text

log = logging.getLogger(__name__)

# An interaction token lives 15 minutes; past this, a training's result goes to the channel instead.
TOKEN_LIFETIME_S = 14 * 60

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
            return await ask_in_channel(interaction, req)
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
