"""A member's yes before a persona imitates them, in the command layer: `/persona add ... subject:@member`
asks (`ask_consent`: the upload kept, the request stored), the member answers (`answer_consent`, from
the consent message's buttons or `/persona pending`), an accepted request trains as `/persona add`
does (`accepted_add`), an unanswered one expires (`expire_consents`); and the opt-out list
(`/persona forget-me`, `/persona opt-in`).

`ConsentFlow` is a part of `bot.commands.Commands` (its base class), kept apart so each module holds
one kind of work; it uses what `Commands` provides (settings, the consent record, the training queue,
the registry, `persona_add`). Every record access goes through `asyncio.to_thread`.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
import uuid
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.archives import check_archive_content, download
from bot.consent import PendingConsent, delete_upload
from bot.errors import BotError, InvalidRequest, PermissionDenied
from bot.persona_changes import AddRequest, Archive
from bot.replies import Reply, code_text, plural

if TYPE_CHECKING:
    from bot.commands import Caller, CommandSettings
    from bot.consent import ConsentStore
    from bot.personas import PersonaRegistry
    from bot.training_jobs import TrainingJobs

log = logging.getLogger(__name__)

PENDING_SHOWN = 10  # requests /persona pending lists with buttons (2 each: Discord allows 25 buttons)
NOT_PENDING = "This request is no longer waiting for an answer: it was answered, withdrawn or has expired."
NOT_YOURS = "Only the member this persona would imitate can answer."


class ConsentDeclined(BotError):
    """The member pressed Accept, but opted out of personas meanwhile: the request was declined (its
    upload deleted) instead. `pending` is the request, for the front end to settle as a decline."""

    kind = "declined"

    def __init__(self, pending: PendingConsent) -> None:
        self.pending = pending
        super().__init__("You opted out of personas (`/persona opt-in` takes that back), so this request "
                         "was declined instead: nothing is trained and the upload was deleted.")


def hours_text(hours: float) -> str:
    return plural(int(hours), "hour") if float(hours).is_integer() else f"{hours:g} hours"


class ConsentFlow:
    """Asking a member, their answer, expiry, and opt-outs."""

    if TYPE_CHECKING:  # provided by Commands
        settings: CommandSettings
        consents: ConsentStore
        jobs: TrainingJobs
        registry: PersonaRegistry
        opted_out_ids: set[int]  # the opt-out list as the fast checks read it (kept in step here)

        def persona_add(self, req: AddRequest) -> AsyncIterator[Reply]: ...
        def count(self, command: str, outcome: str) -> None: ...

    # --- asking -------------------------------------------------------------------------------------

    async def ask_consent(self, req: AddRequest, channel_id: int, *,
                          asker_id: int | None = None) -> PendingConsent:
        """Keep the upload of a checked /persona add (prepare_add) until its subject answers: downloaded
        (capped) into a folder of its own, its content checked, the request stored, expiring after
        `[consent] accept_hours`. `asker_id`: who asked (default `req.owner`, which a retrain leaves
        None). Raises BotError (the download deleted) when anything fails."""
        asker = asker_id if asker_id is not None else req.owner
        if req.subject is None or asker is None or req.guild_id is None:
            raise InvalidRequest("A member is asked only for a /persona add in a server that names them.")
        if req.archive.url is None:  # the console's local paths have no member to ask
            raise InvalidRequest("A member can only be asked about an archive uploaded on Discord.")
        if await self.opted_out(req.subject):
            raise PermissionDenied("That member opted out of personas: nobody can make one of them.")
        if await asyncio.to_thread(self.consents.is_pending, req.name):
            raise InvalidRequest(f"The name '{req.name}' is taken: choose another.")
        limit = self.settings.max_attachment_bytes
        path = await download(req.archive.url, req.archive.filename, self.consents.uploads, limit)
        try:
            await asyncio.to_thread(check_archive_content, path)
            now = time.time()
            pending = PendingConsent(
                id=uuid.uuid4().hex, persona=req.name, subject_id=req.subject, asker_id=asker,
                guild_id=req.guild_id, channel_id=channel_id, message_id=None, upload=str(path),
                filename=req.archive.filename, base=req.base, author=req.author, created_at=now,
                expires_at=now + self.settings.consent.accept_hours * 3600)
            await asyncio.to_thread(self.consents.add, pending)
        except BaseException:  # cancellation too: nothing waits for an answer, so nothing is kept
            await asyncio.to_thread(shutil.rmtree, path.parent, True)
            raise
        self.count("persona consent", "asked")
        log.info("consent %s: asked member %s for persona %s", pending.id, req.subject, req.name)
        return pending

    async def set_consent_message(self, consent_id: str, message_id: int) -> None:
        """Record the consent message a request's buttons are on (edited when it is answered or expires)."""
        await asyncio.to_thread(self.consents.set_message, consent_id, message_id)

    async def withdraw_consent(self, consent_id: str) -> PendingConsent | None:
        """Take a request back (its consent message could not be posted): upload deleted."""
        taken = await asyncio.to_thread(self.consents.take, consent_id)
        if taken is not None:
            await self._delete_uploads([taken])
        return taken

    # --- answering ----------------------------------------------------------------------------------

    async def answer_consent(self, caller: Caller, consent_id: str, accept: bool) -> PendingConsent:
        """The member's answer. Refused (nothing changes): an unknown, answered or expired request
        (InvalidRequest), anyone but the member (PermissionDenied), an Accept while the training queue
        has no room for that server (TrainingQueueFull: they can press again later). Accept: the request
        is taken, and the caller trains `accepted_add(p)`. Decline: taken and its upload deleted. A
        member who opted out meanwhile declines whatever they press (ConsentDeclined, already done)."""
        p = await asyncio.to_thread(self.consents.get, consent_id)
        if p is None:
            raise InvalidRequest(NOT_PENDING)
        if caller.user_id != p.subject_id:
            raise PermissionDenied(NOT_YOURS)
        if p.expires_at <= time.time():  # the sweep settles it (message edited, asker told)
            raise InvalidRequest(NOT_PENDING)
        if accept and await self.opted_out(p.subject_id):
            taken = await self._take(consent_id)
            self.count("persona consent", "declined")
            raise ConsentDeclined(taken)
        if accept:
            entry = self.registry.get(p.persona)
            if entry is not None and entry.meta.servers is not None and p.guild_id not in entry.meta.servers:
                # The name went to another server's persona meanwhile: never replace what is not ours.
                await self._take(consent_id)
                raise InvalidRequest(f"The name `{code_text(p.persona)}` was taken meanwhile: nothing was "
                                     "trained and the upload was deleted.")
            if self.jobs.busy_with(p.persona):
                raise InvalidRequest(f"A training for `{code_text(p.persona)}` is already queued or running; "
                                     "press Accept again once it has ended.")
            self.jobs.check_room(p.guild_id)  # full: raises, and the request stays for a later press
            taken = await asyncio.to_thread(self.consents.take, consent_id)
            if taken is None:  # a second quick press, or the sweep, got it first
                raise InvalidRequest(NOT_PENDING)
            self.count("persona consent", "accepted")
            log.info("consent %s: member %s accepted persona %s", p.id, p.subject_id, p.persona)
            return taken
        taken = await self._take(consent_id)
        self.count("persona consent", "declined")
        log.info("consent %s: member %s declined persona %s", p.id, p.subject_id, p.persona)
        return taken

    async def _take(self, consent_id: str) -> PendingConsent:
        """Take a request for good (declined): its upload deleted; InvalidRequest when already gone."""
        taken = await asyncio.to_thread(self.consents.take, consent_id)
        if taken is None:
            raise InvalidRequest(NOT_PENDING)
        await self._delete_uploads([taken])
        return taken

    def accepted_add(self, p: PendingConsent) -> AddRequest:
        """The /persona add an accepted request runs: its kept upload (owned: the training job deletes
        its folder when it ends), the asker as owner, the member as subject, usable in that server only."""
        return AddRequest(p.persona, Archive(p.filename, path=Path(p.upload), owned=True),
                          replacing=self.registry.get(p.persona) is not None, base=p.base,
                          guild_id=p.guild_id, author=p.author, owner=p.asker_id, subject=p.subject_id,
                          servers=(p.guild_id,))

    # --- expiry and withdrawal ------------------------------------------------------------------------

    async def expire_consents(self, now: float | None = None) -> list[PendingConsent]:
        """Take the requests past their time, uploads deleted; the front end tells whoever asked."""
        taken = await asyncio.to_thread(self.consents.take_expired, time.time() if now is None else now)
        await self._delete_uploads(taken)
        for p in taken:
            self.count("persona consent", "expired")
            log.info("consent %s: expired unanswered (persona %s)", p.id, p.persona)
        return taken

    async def forget_pending(self, persona: str, guilds: list[int] | None = None) -> int:
        """/persona forget: every request for that persona (made in one of `guilds`, the persona's
        servers, when given) withdrawn, uploads deleted; how many."""
        taken = await asyncio.to_thread(self.consents.take_persona, persona, guilds)
        await self._delete_uploads(taken)
        return len(taken)

    async def forget_pending_of(self, subject_id: int) -> int:
        """/persona forget-me: every request to imitate that member withdrawn, uploads deleted."""
        taken = await asyncio.to_thread(self.consents.take_subject, subject_id)
        await self._delete_uploads(taken)
        return len(taken)

    async def _delete_uploads(self, taken: list[PendingConsent]) -> None:
        root = self.consents.uploads
        for p in taken:
            await asyncio.to_thread(delete_upload, p, root)

    # --- /persona pending -----------------------------------------------------------------------------

    async def pending_for(self, user_id: int) -> list[PendingConsent]:
        """What awaits `user_id`'s answer, soonest to expire first."""
        return await asyncio.to_thread(self.consents.for_subject, user_id)

    async def pending_reply(self, caller: Caller,
                            pending: list[PendingConsent] | None = None) -> Reply:
        """What awaits the caller's answer (ephemeral): each request's persona, who asked, the server
        and when it expires; `pending`: the list already read (`pending_for`)."""
        if pending is None:
            pending = await self.pending_for(caller.user_id)
        self.count("persona pending", "ok")
        return pending_text(pending)

    # --- opting out -----------------------------------------------------------------------------------

    async def opted_out(self, user_id: int) -> bool:
        return await asyncio.to_thread(self.consents.is_opted_out, user_id)

    async def opt_out(self, user_id: int) -> bool:
        """Nobody may name `user_id` as a subject any more; True when newly opted out."""
        self.opted_out_ids.add(user_id)  # first: the fast checks refuse them from now on, whatever follows
        return await asyncio.to_thread(self.consents.opt_out, user_id)

    async def opt_in(self, user_id: int) -> bool:
        """The opt-out taken back; True when there was one."""
        was = await asyncio.to_thread(self.consents.opt_in, user_id)
        self.opted_out_ids.discard(user_id)  # only once the file no longer lists them
        return was


def pending_text(pending: list[PendingConsent]) -> Reply:
    """The /persona pending answer: one line per request (at most PENDING_SHOWN), each starting with
    who asked (shown as a mention, never pinged)."""
    if not pending:
        return Reply("Nothing is waiting for your answer.", ephemeral=True, public_fallback=False)
    shown = pending[:PENDING_SHOWN]
    lines = tuple((p.asker_id, f"asks to make `{code_text(p.persona)}` imitate you (server {p.guild_id}); "
                               f"expires <t:{int(p.expires_at)}:R>.") for p in shown)
    rest = len(pending) - len(shown)
    more = f" Showing the first {len(shown)}; {rest} more after these." if rest else ""
    text = (f"**{plural(len(pending), 'request')}** to imitate you, waiting for your answer. Accept trains "
            f"the persona; Decline deletes the upload.{more}")
    return Reply(text, ephemeral=True, more=lines, public_fallback=False)
