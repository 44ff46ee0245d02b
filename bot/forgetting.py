"""Forgetting, in the command layer: `/persona forget` (one persona, by whom it imitates, who made it
or an admin of its server), `/persona forget-me` (every persona of the caller, then their opt-out),
`/persona opt-in`, and `/persona usage` (who asked a persona of you for what).

A forget leaves nothing of the persona behind, in this order: its training stopped first (a running
one could otherwise swap a new folder in afterwards) with its upload, and any request awaiting its
subject's consent; its folder renamed away (the registry, the list and the picture's URL stop seeing
it at once) and deleted; the pool's weights, adapter slot, RAM-tier copy and copy guard (every replica
of the remote service: `Generator.forget`); its rows in the message record; its picture's cached bytes.
A generation of it already running finishes, and `Commands.imitate` then drops its answer.

`Forgetting` is a part of `bot.commands.Commands` (its base class), as `FollowUps` is.
"""

from __future__ import annotations

import asyncio
import logging
import os
import shutil
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import InvalidRequest, PermissionDenied
from bot.replies import (
    USAGE_ROWS,
    Reply,
    code_text,
    plural,
    shown_handles,
    shown_name,
    size_text,
    usage_reply,
)
from bot.scope import is_own

if TYPE_CHECKING:
    from bot.avatars import AvatarCache
    from bot.commands import Caller, CommandSettings
    from bot.generation import Generator
    from bot.message_log import MessageLog
    from bot.personas import PersonaRegistry
    from bot.training_jobs import TrainingJobs
    from training.checkpoint import PersonaMeta

log = logging.getLogger(__name__)

FORGOTTEN_KEPT_S = 3600.0  # how long a forget cancels trainings asked for before it


@dataclass(frozen=True)
class ForgetRequest:
    name: str
    meta: PersonaMeta


@dataclass
class Forgotten:
    """What one forget took away (the answer says it)."""

    files: int = 0
    bytes: int = 0
    records: int = 0
    trainings: int = 0  # a queued or running training stopped, its upload deleted
    pending: int = 0  # requests awaiting the subject's Accept, their uploads deleted
    seconds: float = 0.0
    # The generation backend confirmed it holds nothing of it (the remote service may not answer: its
    # replicas then drop it at their next rescan, and never serve it meanwhile).
    everywhere: bool = True

    def add(self, other: Forgotten) -> None:
        for name in ("files", "bytes", "records", "trainings", "pending"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.everywhere = self.everywhere and other.everywhere

    def rest(self) -> str:
        if self.everywhere:
            return "Nothing of it is left."
        return ("The generation service did not confirm: it never serves it again and drops it from "
                "memory within seconds.")

    def text(self) -> str:
        parts = [f"{plural(self.files, 'file')} ({size_text(self.bytes)})",
                 f"{plural(self.records, 'message record')}"]
        if self.trainings:
            parts.append(f"{plural(self.trainings, 'training')} stopped with its upload")
        if self.pending:
            parts.append(f"{plural(self.pending, 'request')} awaiting consent with its upload")
        return ", ".join(parts)


def remove_counted(folder: Path) -> tuple[int, int]:
    """Delete `folder` (never following links); return the files and bytes it held."""
    files = size = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            try:
                st = os.lstat(os.path.join(root, name))
            except FileNotFoundError:
                continue
            files += 1
            size += st.st_size
    shutil.rmtree(folder, ignore_errors=True)
    return files, size


class Forgetting:
    """/persona forget, forget-me, opt-in and usage."""

    if TYPE_CHECKING:  # provided by Commands
        settings: CommandSettings
        registry: PersonaRegistry
        pool: Generator
        jobs: TrainingJobs
        messages: MessageLog
        avatar_cache: AvatarCache | None
        opted_out_ids: set[int]
        owner_ids: set[int]
        forgotten_at: dict[str, float]

        def count(self, command: str, outcome: str) -> None: ...
        def is_admin(self, caller: Caller) -> bool: ...
        def _persona(self, name: str, caller: Caller) -> PersonaMeta: ...
        async def forget_pending(self, persona: str, guilds: list[int] | None = None) -> int: ...
        async def forget_pending_of(self, subject_id: int) -> int: ...
        async def opt_out(self, user_id: int) -> bool: ...
        async def opt_in(self, user_id: int) -> bool: ...

    def may_forget(self, caller: Caller, meta: PersonaMeta) -> bool:
        """Whom it imitates, who made it, the bot's owners, and admins of a server it belongs to (any
        server's administrators: it is their server's persona; for a persona of every server, the
        bot's admins)."""
        if caller.local or is_own(meta, caller) or caller.user_id in self.owner_ids:
            return True
        if meta.servers is None:
            return self.is_admin(caller)
        return caller.guild_id in meta.servers and (caller.administrator or self.is_admin(caller))

    # --- /persona forget ------------------------------------------------------------------------------

    def prepare_forget(self, caller: Caller, name: str) -> ForgetRequest:
        """Check a /persona forget at once (the persona is usable here, the caller may); raises BotError."""
        name = name.strip()
        meta = self._persona(name, caller)
        if not self.may_forget(caller, meta):
            raise PermissionDenied("Only the person a persona imitates, whoever made it, or an admin of "
                                   "its server can have it forgotten.")
        return ForgetRequest(name, meta)

    async def persona_forget(self, req: ForgetRequest) -> Reply:
        gone = await self.forget_persona(req.name)
        self.count("persona forget", "ok")
        return Reply(f"🧹 Forgot `{code_text(req.name)}` ({shown_name(req.meta)} {shown_handles(req.meta)}): "
                     f"{gone.text()}. {gone.rest()}", ephemeral=True, public_fallback=False)

    async def forget_persona(self, name: str) -> Forgotten:
        """Everything of persona `name`, gone (see the module docstring for the order); what went."""
        start = time.monotonic()
        gone = Forgotten()
        self._remember_forgetting(name, start)  # a training asked for before now never starts
        entry = self.registry.get(name)
        guilds = entry.meta.servers if entry is not None else None
        gone.trainings = int(await self.jobs.cancel(name))
        gone.pending = await self.forget_pending(name, guilds)
        doomed = await asyncio.to_thread(self._set_aside, name)
        gone.everywhere = await self.pool.forget(name) is not False
        if doomed is not None:
            gone.files, gone.bytes = await asyncio.to_thread(remove_counted, doomed)
        gone.records = await asyncio.to_thread(self.messages.forget_persona, name)
        if self.avatar_cache is not None:
            self.avatar_cache.forget(name)
        gone.seconds = time.monotonic() - start
        # The log keeps no name: forgetting it means the operator's log too.
        log.info("forgot a persona in %.3fs: %d files, %d bytes, %d records, %d trainings, %d pending",
                 gone.seconds, gone.files, gone.bytes, gone.records, gone.trainings, gone.pending)
        return gone

    def _remember_forgetting(self, name: str, now: float) -> None:
        self.forgotten_at[name] = now
        # Bounded: a training asked for an hour ago has long been queued or refused.
        for old in [n for n, t in self.forgotten_at.items() if now - t > FORGOTTEN_KEPT_S]:
            del self.forgotten_at[old]

    def _set_aside(self, name: str) -> Path | None:
        """The persona's folder renamed to a dot-folder (the registry, lists and picture URL stop seeing
        it at once; a kill midway leaves a `.removing-` folder that start-up deletes), with the `.old-`
        folder a swap without RENAME_EXCHANGE may have left (start-up would otherwise restore it)."""
        models_dir = self.settings.models_dir
        shutil.rmtree(models_dir / f".old-{name}", ignore_errors=True)
        doomed = models_dir / f".removing-{name}-{uuid.uuid4().hex[:8]}"
        try:
            os.rename(models_dir / name, doomed)
        except FileNotFoundError:
            return None  # only a training or a request awaiting consent was left
        except OSError as exc:
            raise InvalidRequest(f"Could not forget '{name}': {exc.strerror}.") from exc
        return doomed

    # --- /persona forget-me, opt-in ------------------------------------------------------------------

    async def forget_me(self, caller: Caller) -> Reply:
        """Every persona whose subject is the caller, in every server, forgotten; their messages kept as
        a persona's context deleted; their id on the opt-out list (first, so nothing new starts)."""
        user = caller.user_id
        await self.opt_out(user)  # the fast checks' set too
        names = {e.name for e in self.registry.entries() if e.meta.subject == user}
        names |= set(self.jobs.names_of_subject(user))
        gone = Forgotten()
        for name in sorted(names):
            gone.add(await self.forget_persona(name))
        gone.pending += await self.forget_pending_of(user)
        quoted = await asyncio.to_thread(self.messages.forget_context_of, user)
        self.count("persona forget-me", "ok")
        what = plural(len(names), "persona") + " of you" if names else "no persona of you existed"
        return Reply(f"🧹 Done: {what} forgotten ({gone.text()}), and {plural(quoted, 'record')} quoting "
                     "your messages deleted. From now on no persona can be made of you, and your messages "
                     "are never given to a persona to answer. `/persona opt-in` takes this back.",
                     ephemeral=True, public_fallback=False)

    async def persona_opt_in(self, caller: Caller) -> Reply:
        was = await self.opt_in(caller.user_id)  # the fast checks' set too
        self.count("persona opt-in", "ok")
        if not was:
            return Reply("You had not opted out: personas of you can be made, each with your Accept.",
                         ephemeral=True, public_fallback=False)
        return Reply("✅ Opted in again: personas of you can be made, each with your Accept, and your "
                     "messages can be answered by personas.", ephemeral=True, public_fallback=False)

    # --- /persona usage ---------------------------------------------------------------------------------

    def prepare_usage(self, caller: Caller, name: str) -> str:
        name = name.strip()
        meta = self._persona(name, caller)
        if not (caller.local or is_own(meta, caller)):
            raise PermissionDenied("Only the person a persona imitates, or whoever made it, can see who "
                                   "asked it for what.")
        return name

    async def persona_usage(self, name: str) -> Reply:
        records = await asyncio.to_thread(self.messages.usage, name, USAGE_ROWS)
        self.count("persona usage", "ok")
        return usage_reply(name, records)
