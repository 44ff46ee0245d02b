"""A member's yes on Discord: the consent message of `/persona add ... subject:@member`, its Accept and
Decline buttons, `/persona pending`, and the sweep that expires unanswered requests.

`ask_in_channel` keeps the upload (`Commands.ask_consent`) and posts ONE message in the channel that
pings only the member, with the buttons (`ConsentButton`, a dynamic item matched by custom id
`persona:consent:accept|decline:<id>`: it works after a restart, the request being in the consent
record, not in memory). Only that member's press counts (anyone else gets an ephemeral refusal). The
consent message is edited (buttons removed) once the request is settled: accepted (then trained as
`/persona add` trains, the result told to the asker in the channel, a failure by DM), declined or
expired (the asker told in the channel). Messages addressed to someone ping that person only.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import re
from typing import TYPE_CHECKING

import discord

from bot.consent_flow import PENDING_SHOWN, ConsentDeclined, hours_text
from bot.discord_io import SEND_ERRORS, caller_of, defer, send
from bot.output import DISCORD_LIMIT, clip, outbound
from bot.presence import accepting
from bot.replies import Reply, code_text
from bot.webhooks import NO_PINGS

if TYPE_CHECKING:
    from bot.commands import Caller, Commands
    from bot.consent import PendingConsent
    from bot.persona_changes import AddRequest

log = logging.getLogger(__name__)

CONSENT_PREFIX = "persona:consent:"
SWEEP_INTERVAL_S = 60.0
LABEL_LIMIT = 80  # Discord's limit on a button label


def pinging(user_id: int) -> discord.AllowedMentions:
    """Allowed mentions that ping `user_id` and nobody else (no role, no @everyone, no reply ping)."""
    return discord.AllowedMentions(everyone=False, users=[discord.Object(user_id)], roles=False,
                                   replied_user=False)


# --- what the bot says ------------------------------------------------------------------------------------
# Mentions are put in as `<@id>` of ids (never text from users); the rest is the persona's name (a
# checked handle) in code and fixed words, or, for a training's result, through `outbound`.

def request_text(p: PendingConsent) -> str:
    return clip(
        f"<@{p.subject_id}>, <@{p.asker_id}> asks to make `{code_text(p.persona)}`, a persona that imitates "
        f"you, from the archive `{code_text(p.filename, 80)}`. Nothing is trained unless you press "
        f"**Accept** before <t:{int(p.expires_at)}:f> (<t:{int(p.expires_at)}:R>); **Decline**, or no "
        "answer, deletes the upload. Only you can answer; `/persona pending` lists what awaits you.")


def accepted_text(p: PendingConsent) -> str:
    return (f"✅ <@{p.subject_id}> accepted: `{code_text(p.persona)}` is being trained; <@{p.asker_id}> gets "
            "the result here.")


def declined_text(p: PendingConsent) -> str:
    return (f"❌ <@{p.subject_id}> declined: `{code_text(p.persona)}` is not trained, and the upload was "
            "deleted.")


def expired_text(p: PendingConsent) -> str:
    return (f"⌛ <@{p.subject_id}> did not answer in time: `{code_text(p.persona)}` is not trained, and the "
            "upload was deleted.")


# --- the buttons ------------------------------------------------------------------------------------------

class ConsentButton(discord.ui.DynamicItem[discord.ui.Button],
                    template=r"persona:consent:(?P<action>accept|decline):(?P<id>[0-9a-f]{32})"):
    """Accept or Decline on a consent message (and on `/persona pending`). Matched by custom id, so it
    works on any consent message after any restart; the click goes to the client's `ConsentDesk`."""

    def __init__(self, action: str, consent_id: str, label: str | None = None,
                 row: int | None = None) -> None:
        accept = action == "accept"
        button = discord.ui.Button(
            label=clip(label or ("Accept" if accept else "Decline"), LABEL_LIMIT),
            style=discord.ButtonStyle.success if accept else discord.ButtonStyle.danger,
            custom_id=f"{CONSENT_PREFIX}{action}:{consent_id}", row=row)
        super().__init__(button)
        self.action, self.consent_id = action, consent_id

    @classmethod
    async def from_custom_id(cls, interaction: discord.Interaction, item: discord.ui.Button,
                             match: re.Match[str], /) -> ConsentButton:
        return cls(match["action"], match["id"])

    async def interaction_check(self, interaction: discord.Interaction, /) -> bool:
        return await accepting(interaction)

    async def callback(self, interaction: discord.Interaction) -> None:
        desk: ConsentDesk = interaction.client.consent_desk  # type: ignore[attr-defined]  # install_consent
        await desk.clicked(interaction, self.consent_id, self.action == "accept")


def consent_buttons(consent_id: str) -> discord.ui.View:
    view = discord.ui.View(timeout=None)
    view.add_item(ConsentButton("accept", consent_id))
    view.add_item(ConsentButton("decline", consent_id))
    return view


# --- asking, answering, expiring ---------------------------------------------------------------------------

class ConsentDesk:
    """The Discord half of consent: posts the request, answers the buttons, settles requests."""

    def __init__(self, client: discord.Client, commands: Commands) -> None:
        self.client = client
        self.commands = commands

    async def ask(self, interaction: discord.Interaction, req: AddRequest) -> None:
        """Keep the upload, post the consent message (pinging only the member), tell the asker
        (ephemeral). Whatever fails is answered to the asker only; nothing is kept then."""
        commands = self.commands
        via = "edit" if await defer(interaction, ephemeral=True) else "response"
        try:
            p = await commands.ask_consent(req, interaction.channel_id or 0, asker_id=interaction.user.id)
        except Exception as exc:  # refused (BotError) or a bug: answered either way
            reply = dataclasses.replace(commands.error_reply("persona add", exc), public_fallback=False)
            await send(interaction, reply, via)
            return
        try:
            channel = self.client.get_partial_messageable(p.channel_id)
            message = await channel.send(request_text(p), view=consent_buttons(p.id),
                                         allowed_mentions=pinging(p.subject_id))
        except BaseException as exc:  # not posted: nobody can answer it, so nothing is kept
            await asyncio.shield(commands.withdraw_consent(p.id))
            if not isinstance(exc, Exception):  # cancelled: withdrawn all the same
                raise
            if isinstance(exc, SEND_ERRORS):
                log.warning("could not post consent request %s in channel %s: %s", p.id, p.channel_id, exc)
            else:
                log.exception("could not post consent request %s", p.id)
            await send(interaction, Reply("⚠️ I could not post the request in this channel, so nothing was "
                                          "kept; try in a channel where I can send messages.",
                                          ephemeral=True, public_fallback=False), via)
            return
        try:
            await commands.set_consent_message(p.id, message.id)
        except Exception:  # the buttons still work; only settling edits can't find the message
            log.exception("consent %s: could not record its message %s", p.id, message.id)
        hours = hours_text(commands.settings.consent.accept_hours)
        await send(interaction, Reply(f"was asked about `{code_text(p.persona)}`: nothing is trained unless "
                                      f"they accept within {hours}.", ephemeral=True, mention=p.subject_id,
                                      public_fallback=False), via)

    async def clicked(self, interaction: discord.Interaction, consent_id: str, accept: bool) -> None:
        """Accept or Decline pressed: only the member's press counts; refusals are ephemeral."""
        commands = self.commands
        try:
            p = await commands.answer_consent(caller_of(interaction), consent_id, accept)
        except ConsentDeclined as exc:  # opted out meanwhile: declined instead, and told so
            await self.settle(exc.pending, declined_text(exc.pending), interaction, str(exc))
            await self.tell(exc.pending, declined_text(exc.pending))
            return
        except Exception as exc:  # not theirs, no longer pending, queue full, or a bug
            await send(interaction, commands.error_reply("persona consent", exc), "response")
            return
        if not accept:
            await self.settle(p, declined_text(p), interaction,
                              "Declined: nothing is trained, and the upload was deleted.")
            await self.tell(p, declined_text(p))
            return
        await self.settle(p, accepted_text(p), interaction, f"Accepted: `{code_text(p.persona)}` is being "
                                                            "trained.")
        await self.train(p)

    async def train(self, p: PendingConsent) -> None:
        """Train an accepted request as /persona add does; the result to the asker in the channel, a
        failure (for the asker only) by DM, or where DMs are refused, only that it failed."""
        commands = self.commands
        result: Reply | None = None
        async for reply in commands.persona_add(commands.accepted_add(p)):
            if not reply.progress:
                result = reply
        if result is None:  # persona_add always ends with its result; be safe all the same
            return
        if result.public_fallback:
            await self.tell(p, outbound(result.text, DISCORD_LIMIT - 40), user_id=p.asker_id)
        elif not await self.dm(p.asker_id, result.text):
            await self.tell(p, f"❌ Training `{code_text(p.persona)}` failed. I could not DM you the reason.",
                            user_id=p.asker_id)

    async def expired(self, p: PendingConsent) -> None:
        """An unanswered request past its time (taken, upload deleted): its message and its asker told."""
        await self.settle(p, expired_text(p))
        await self.tell(p, expired_text(p))

    async def settle(self, p: PendingConsent, text: str, interaction: discord.Interaction | None = None,
                     note: str = "") -> None:
        """The consent message becomes `text`, without its buttons. Pressed on that message: by
        updating it (which answers the press); pressed elsewhere (/persona pending) or by the sweep:
        by an edit, and the press answered with `note` (ephemeral)."""
        message = interaction.message if interaction is not None else None
        on_it = message is not None and (message.id == p.message_id or
                                         (p.message_id is None and not message.flags.ephemeral))
        if interaction is not None and on_it:
            try:
                await interaction.response.edit_message(content=text, view=None, allowed_mentions=NO_PINGS)
                return
            except SEND_ERRORS as exc:  # the press is answered below; the message edited by its id
                log.warning("consent %s: could not update its message on the press: %s", p.id, exc)
        if p.message_id is not None:
            try:
                partial = self.client.get_partial_messageable(p.channel_id).get_partial_message(p.message_id)
                await partial.edit(content=text, view=None, allowed_mentions=NO_PINGS)
            except SEND_ERRORS as exc:  # deleted meanwhile, or no access any more
                log.warning("consent %s: could not edit message %s: %s", p.id, p.message_id, exc)
        if interaction is not None and not interaction.response.is_done():
            await send(interaction, Reply(note or "Done.", ephemeral=True, public_fallback=False), "response")

    async def tell(self, p: PendingConsent, text: str, user_id: int | None = None) -> bool:
        """A message in the request's channel addressed to (and pinging only) the asker; `text` is
        put after their mention as it is (it must be made of ids and checked names, or be outbound's)."""
        user = p.asker_id if user_id is None else user_id
        try:
            channel = self.client.get_partial_messageable(p.channel_id)
            await channel.send(clip(f"<@{user}> {text}"), allowed_mentions=pinging(user),
                               suppress_embeds=True)
            return True
        except SEND_ERRORS as exc:
            log.warning("consent %s: could not tell <@%s> in channel %s: %s", p.id, user, p.channel_id, exc)
            return False

    async def dm(self, user_id: int, text: str) -> bool:
        try:
            channel = await self.client.create_dm(discord.Object(user_id))
            await channel.send(outbound(text), allowed_mentions=NO_PINGS)
            return True
        except SEND_ERRORS as exc:  # DMs closed, or no DM channel with this user
            log.warning("could not DM user %s: %s", user_id, exc)
            return False


async def ask_in_channel(interaction: discord.Interaction, req: AddRequest) -> None:
    """`/persona add` with a `subject` other than the asker, once `prepare_add` accepted it: defers
    (ephemeral) at once, keeps the upload, posts the consent message, answers the asker (through the
    client's desk, which `install_consent` set)."""
    desk: ConsentDesk = interaction.client.consent_desk  # type: ignore[attr-defined]
    await desk.ask(interaction, req)


# --- /persona pending ---------------------------------------------------------------------------------------

async def pending_answer(commands: Commands, caller: Caller) -> tuple[Reply, discord.ui.View | None]:
    """The /persona pending answer (ephemeral) and its buttons: Accept and Decline per request, a row
    for every two requests (at most PENDING_SHOWN: 20 buttons)."""
    pending = await commands.pending_for(caller.user_id)
    reply = await commands.pending_reply(caller, pending)
    if not pending:
        return reply, None
    view = discord.ui.View(timeout=None)
    for i, p in enumerate(pending[:PENDING_SHOWN]):
        name = code_text(p.persona, 60)
        view.add_item(ConsentButton("accept", p.id, f"Accept {name}", row=i // 2))
        view.add_item(ConsentButton("decline", p.id, f"Decline {name}", row=i // 2))
    return reply, view


async def show_pending(interaction: discord.Interaction, commands: Commands) -> None:
    """`/persona pending`: what awaits the caller's answer, ephemeral, with the buttons."""
    try:
        reply, view = await pending_answer(commands, caller_of(interaction))
    except Exception as exc:
        await send(interaction, commands.error_reply("persona pending", exc), "response")
        return
    await send(interaction, reply, "response", view=view)


# --- expiry ---------------------------------------------------------------------------------------------

class ConsentSweeper:
    """Every `interval_s` (and once at start): requests past their time taken (uploads deleted), their
    messages edited and their askers told. Discord's errors are logged, never fatal."""

    def __init__(self, client: discord.Client, commands: Commands,
                 interval_s: float = SWEEP_INTERVAL_S) -> None:
        self.client = client
        self.commands = commands
        self.interval_s = interval_s
        self.desk: ConsentDesk = client.consent_desk  # type: ignore[attr-defined]  # install_consent
        self._task: asyncio.Task[None] | None = None

    def start(self) -> None:
        if self._task is None:
            self._task = asyncio.create_task(self._run(), name="consent-sweeper")

    async def _run(self) -> None:
        while True:
            await self.sweep()
            await asyncio.sleep(self.interval_s)

    async def sweep(self, now: float | None = None) -> list[PendingConsent]:
        """One pass; the requests it expired."""
        try:
            expired = await self.commands.expire_consents(now)
        except Exception:
            log.exception("consent sweep failed; trying again in %gs", self.interval_s)
            return []
        for p in expired:
            try:
                await self.desk.expired(p)
            except Exception:  # one request's message must not stop the others
                log.exception("consent %s: could not tell that it expired", p.id)
        return expired

    async def close(self) -> None:
        task, self._task = self._task, None
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


def install_consent(client: discord.Client, commands: Commands,
                    interval_s: float = SWEEP_INTERVAL_S) -> ConsentSweeper:
    """From the client's setup_hook: the Accept/Decline buttons of every consent message ever posted,
    and the expiry sweep, started. `await sweeper.close()` when the client closes."""
    desk = ConsentDesk(client, commands)
    client.consent_desk = desk  # type: ignore[attr-defined]  # found by the buttons, as .poster is
    client.add_dynamic_items(ConsentButton)
    sweeper = ConsentSweeper(client, commands, interval_s)
    sweeper.start()
    return sweeper
