"""The commands that change the models folder: `/persona add`, `/persona avatar`, `/persona remove`,
in the command layer: their requests (`Archive`, `AddRequest`, `AvatarRequest`, `RemoveRequest`), their
checks (`prepare_*`: admin in a server, the persona, the training queue, sizes and names, before
anything is downloaded) and their slow halves (download, content check, training; the picture swapped
in; the folder renamed away).

`PersonaChanges` is a part of `bot.commands.Commands` (its base class), kept apart so each module holds
one kind of work; it uses what `Commands` provides (settings, registry, pool, training queue, record).
`models/` only ever changes atomically: training's swap, `set_avatar`'s rename, a removal's rename.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import shutil
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from bot.archives import ARCHIVE_SUFFIXES, check_archive_content, download, mb, read_capped
from bot.avatars import picture_path
from bot.errors import InvalidRequest, PermissionDenied, UnknownPersona
from bot.output import quote_user
from bot.replies import Reply, added_reply, progress_text, shown_handles, shown_name, training_failure_text
from bot.scope import usable_here
from training.avatar import MAX_AVATAR_BYTES, set_avatar
from training.checkpoint import PersonaMeta
from training.names import handle_characters, is_valid_persona_name

if TYPE_CHECKING:
    from bot.commands import Caller, CommandSettings
    from bot.consent import ConsentStore
    from bot.forgetting import Forgotten
    from bot.generation import Generator
    from bot.message_log import MessageLog
    from bot.personas import PersonaRegistry
    from bot.training_jobs import JobEvent, TrainingJob, TrainingJobs

log = logging.getLogger(__name__)

PROGRESS_EVERY_S = 2.0  # edits of a progress reply, at most this often (Discord rate-limits edits)


@dataclass(frozen=True)
class Archive:
    """The `archive` of `/persona add`: a Discord attachment (`url`) or a local path (console)."""

    filename: str
    size: int | None = None  # bytes, as Discord states it; None for a local folder
    url: str | None = None
    path: Path | None = None
    # A file the bot itself downloaded earlier (an upload kept while its subject decides): the training
    # job owns its folder (deleted when the job ends), and failures never show its path.
    owned: bool = False


@dataclass(frozen=True)
class AvatarRequest:
    name: str
    image: Archive
    meta: PersonaMeta


@dataclass(frozen=True)
class RemoveRequest:
    name: str
    meta: PersonaMeta


@dataclass
class AddRequest:
    name: str
    archive: Archive
    replacing: bool = False
    base: str | None = None  # the base model to fine-tune; None: [training] base
    guild_id: int | None = None  # where it was asked (the per-server bound of the training queue)
    author: str | None = None  # the person in a Discord chat export (its id or name)
    # Who and where (persona.json's owner, subject, servers): the Discord user who asked, the member it
    # imitates (None: a public account), the servers it may be used in (None: everywhere).
    owner: int | None = None
    subject: int | None = None
    servers: tuple[int, ...] | None = None
    asked_at: float = field(default_factory=time.monotonic)  # a forget after this cancels it


class PersonaChanges:
    """/persona add, avatar and remove: checked at once, then done."""

    if TYPE_CHECKING:  # provided by Commands
        settings: CommandSettings
        registry: PersonaRegistry
        pool: Generator
        jobs: TrainingJobs
        messages: MessageLog
        opted_out_ids: set[int]
        forgotten_at: dict[str, float]
        consents: ConsentStore

        def count(self, command: str, outcome: str) -> None: ...
        def error_reply(self, command: str, exc: BaseException) -> Reply: ...
        def _require_admin_in_server(self, caller: Caller, command: str) -> None: ...
        def _persona(self, name: str, caller: Caller) -> PersonaMeta: ...
        async def forget_persona(self, name: str) -> Forgotten: ...

    # --- /persona avatar ----------------------------------------------------------------------------

    def prepare_avatar(self, caller: Caller, name: str, image: Archive) -> AvatarRequest:
        """Check a /persona avatar before anything is downloaded; raises BotError."""
        self._require_admin_in_server(caller, "persona avatar")
        name = name.strip()
        meta = self._persona(name, caller)
        if self.jobs.busy_with(name):
            raise InvalidRequest(f"'{name}' is being trained; change its picture once the training ends.")
        if image.size is not None and image.size > MAX_AVATAR_BYTES:
            raise InvalidRequest(
                f"The picture is too large: {mb(image.size)}, at most {mb(MAX_AVATAR_BYTES)}.")
        if image.path is not None and not image.path.is_file():
            raise InvalidRequest(f"No such file: {image.path}")
        return AvatarRequest(name, image, meta)

    async def persona_avatar(self, req: AvatarRequest) -> Reply:
        """Replace a persona's picture: checked by its content (PNG, JPEG, GIF, WebP, size-bounded),
        then swapped in atomically with persona.json; a refused image changes nothing."""
        folder: Path | None = None
        try:
            if req.image.path is not None:
                data = await asyncio.to_thread(read_capped, req.image.path, MAX_AVATAR_BYTES)
            else:
                assert req.image.url is not None
                path = await download(req.image.url, req.image.filename, self.settings.downloads,
                                      MAX_AVATAR_BYTES)
                folder = path.parent
                data = await asyncio.to_thread(path.read_bytes)
            try:
                meta = await asyncio.to_thread(set_avatar, self.settings.models_dir / req.name, data)
            except ValueError as exc:
                raise InvalidRequest(f"That picture cannot be used: {exc}.") from None
            except FileNotFoundError:
                raise UnknownPersona(req.name, []) from None
        finally:
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)
        await self.pool.refresh()
        self.count("persona avatar", "ok")
        entry = self.registry.get(req.name)
        avatar = meta.avatar
        size = f" ({avatar.width}x{avatar.height})" if avatar is not None else ""
        return Reply(f"🖼️ New picture for `{req.name}` ({shown_name(meta)}){size}.",
                     picture=picture_path(entry) if entry is not None else None)

    # --- /persona add --------------------------------------------------------------------------------

    def prepare_add(self, caller: Caller, name: str, archive: Archive, base: str | None = None,
                    author: str | None = None, subject: int | None = None) -> AddRequest:
        """Check a /persona add before anything is downloaded or started; raises BotError. A persona
        added in a server is of that server (the console's: of every server, as the command line's);
        with a `subject` other than the asker, nothing is trained until they accept (the Discord front
        end asks them); a subject who opted out is refused here, before anything is downloaded."""
        self._require_admin_in_server(caller, "persona add")
        name = name.strip()
        base = (base or "").strip() or None
        author = " ".join((author or "").split()) or None
        if author is not None and (len(author) > 100 or author.startswith("-")):
            raise InvalidRequest("`author` is a Discord user id or name of at most 100 characters.")
        allowed = self.settings.bases_allowed
        if base is not None and base not in allowed:
            raise InvalidRequest(f"'{quote_user(base)}' is not a base model this bot trains from: choose "
                                 f"{' or '.join(allowed)} ([training] allowed_bases).")
        if author is not None and not caller.local:
            # A chat export's author is a Discord member: their persona needs their yes like any other.
            if author.isdigit() and subject is None:
                subject = int(author)
            if subject is None or (author.isdigit() and int(author) != subject):
                raise InvalidRequest("A Discord chat export holds a member's messages: name that member as "
                                     "`subject` (their user id as `author`); they are asked first.")
        if subject is not None and subject in self.opted_out_ids:
            raise PermissionDenied("That member asked not to be imitated: no persona of them can be made.")
        replacing = self._check_name(caller, name, "persona add")
        if replacing is not None and replacing.subject is not None:
            raise InvalidRequest(f"'{name}' is a persona of a member: only they can retrain it (`/persona "
                                 "me`); `/persona forget` deletes it.")
        self._check_upload(caller, archive)
        if caller.local:  # the operator's: usable everywhere, as the command line's (a retrain keeps them)
            owner = servers = None
        elif replacing is not None:  # a retrain keeps whose and where it is, said explicitly: the folder
            # may be gone by the time the training starts, and must not come back as everyone's
            owner = replacing.owner
            servers = tuple(replacing.servers) if replacing.servers is not None else None
        else:
            owner, servers = caller.user_id, (caller.guild_id,) if caller.guild_id is not None else None
        return AddRequest(name, archive, replacing is not None, base, caller.guild_id, author, owner=owner,
                          subject=subject, servers=servers)

    def _check_name(self, caller: Caller, name: str, command: str) -> PersonaMeta | None:
        """The name is valid and free, or the persona of that name may be replaced by `caller` here
        (returned); raises BotError. Names are one folder each in `models/`, shared by all servers: a
        name another server uses is "taken", without saying whose."""
        if not is_valid_persona_name(name):
            raise InvalidRequest(
                f"'{quote_user(name, 40)}' is not a valid persona name: use the handle, 1-15 letters, "
                "digits or _ (handles joined by - for a blend).")
        if self.jobs.busy_with(name):
            raise InvalidRequest(f"A training for '{name}' is already queued or running.")
        entry = self.registry.get(name)
        if entry is None:
            return None
        mine_only = command == "persona me"  # a member retrains only the persona of themselves
        if not usable_here(entry.meta, caller) or (mine_only and entry.meta.subject != caller.user_id):
            raise InvalidRequest(f"The name '{name}' is taken: choose another.")
        return entry.meta

    def _check_upload(self, caller: Caller, archive: Archive) -> None:
        """Room in the training queue, and an archive of a size and kind training reads."""
        self.jobs.check_room(caller.guild_id)
        limit = self.settings.max_attachment_bytes
        if archive.size is not None and archive.size > limit:
            raise InvalidRequest(f"The archive is too large: {mb(archive.size)}, at most {mb(limit)}.")
        if archive.path is not None:
            if not archive.path.exists():
                raise InvalidRequest(f"No such file or folder: {archive.path}")  # the console's own path
            if archive.path.is_dir():
                return
        if not archive.filename.lower().endswith(ARCHIVE_SUFFIXES):
            raise InvalidRequest(
                f"Unknown archive format '{quote_user(archive.filename)}': send an X or Mastodon archive, "
                f"a Bluesky .car, a Discord chat export or a tweet file ({', '.join(ARCHIVE_SUFFIXES)}).")

    # --- /persona me -----------------------------------------------------------------------------------

    def prepare_me(self, caller: Caller, archive: Archive, name: str | None,
                   username: str = "") -> AddRequest:
        """Check a /persona me (a member's persona of themselves, of this server) before anything is
        downloaded; raises BotError. `username`: the caller's, the name's default."""
        consent = self.settings.consent
        if caller.guild_id is None or caller.local:
            raise PermissionDenied("`/persona me` works only in a server where the bot is installed.")
        if not consent.self_service:
            raise PermissionDenied("This bot's operator has turned `/persona me` off.")
        if caller.user_id in self.opted_out_ids:
            raise InvalidRequest("You opted out of personas (`/persona forget-me`): `/persona opt-in` first.")
        # A Discord username (lowercase letters, digits, `_` and `.`) as a handle: the dots dropped.
        name = (name or "").strip() or handle_characters(username)
        if not name:
            raise InvalidRequest("Give the persona a `name`: 1-15 letters, digits or _.")
        replacing = self._check_name(caller, name, "persona me")
        mine = {e.name for e in self.registry.entries()
                if e.meta.subject == caller.user_id and e.meta.servers and caller.guild_id in e.meta.servers}
        mine |= set(self.jobs.names_of_subject(caller.user_id, caller.guild_id))
        limit = consent.self_personas_per_user
        if name not in mine and len(mine) >= limit:
            have = ", ".join(f"`{n}`" for n in sorted(mine))
            raise InvalidRequest(f"You may have {limit} persona{'s' if limit != 1 else ''} of yourself in "
                                 f"this server{f' ({have})' if have else ''}: retrain it under its name, or "
                                 "`/persona forget` it first.")
        self._check_upload(caller, archive)
        return AddRequest(name, archive, replacing is not None, None, caller.guild_id, None,
                          owner=caller.user_id, subject=caller.user_id, servers=(caller.guild_id,))

    async def persona_add(self, req: AddRequest) -> AsyncIterator[Reply]:
        """Download, check, queue and train; yields progress replies, then the result (always last).

        A refused archive or a failed training ends in a reply for the asker only (ephemeral, never
        posted in the channel): the training's one-line error without the server's paths (the download
        is named by the attachment's file name) or other people's data (the authors of a chat export).
        `models/` only changes by training's atomic swap on success.
        Once queued, the job owns the download (deleted when the training ends): a caller that stops
        iterating never pulls the file from under a queued training, and the training runs on.
        """
        result = Reply("⚠️ The training ended without a result.", ephemeral=True, public_fallback=False)
        try:
            job = await self._submit(req)
            last_shown = 0.0
            async for event in job.events():
                if event.final:
                    result = await self._finish_add(req, event, job.data)
                    break
                now = time.monotonic()
                if event.kind in ("queued", "started", "warning") or now - last_shown >= PROGRESS_EVERY_S:
                    last_shown = now
                    yield Reply(progress_text(req.name, event), progress=True)
        except Exception as exc:  # whatever it is, the user gets an answer (an internal one is logged)
            result = dataclasses.replace(self.error_reply("persona add", exc), public_fallback=False)
        yield result

    async def _submit(self, req: AddRequest) -> TrainingJob:
        """The archive fetched and checked, then queued; a download not handed to a job is deleted."""
        download_folder: Path | None = None
        try:
            if await asyncio.to_thread(self.consents.is_pending, req.name):  # reserved by a request
                raise InvalidRequest(f"The name '{req.name}' is taken: choose another.")
            archive = req.archive
            if archive.path is not None:
                data = archive.path
                if archive.owned:
                    download_folder = data.parent
                if data.is_file():
                    await asyncio.to_thread(check_archive_content, data)
            else:
                assert archive.url is not None
                data = await download(archive.url, archive.filename, self.settings.downloads,
                                      self.settings.max_attachment_bytes)
                download_folder = data.parent
                await asyncio.to_thread(check_archive_content, data)
            self._still_wanted(req)  # no await from here to the queue: nothing can change in between
            job = self.jobs.submit(req.name, data, req.base, guild_id=req.guild_id, owned=download_folder,
                                   author=req.author, owner=req.owner, subject=req.subject,
                                   servers=req.servers)
        except BaseException:  # cancellation too; one small file, so removed right here
            if download_folder is not None:
                shutil.rmtree(download_folder, ignore_errors=True)
            raise
        return job

    def _still_wanted(self, req: AddRequest) -> None:
        """What changed while the upload was fetched and checked (or a member's Accept was settled):
        the member opted out, the persona was forgotten or removed. Raises BotError: nothing trains."""
        if req.subject is not None and req.subject in self.opted_out_ids:
            raise PermissionDenied("That member asked not to be imitated: nothing was trained.")
        if self.forgotten_at.get(req.name, float("-inf")) >= req.asked_at:
            raise InvalidRequest(f"'{req.name}' was forgotten meanwhile: nothing was trained.")
        if req.replacing and self.registry.get(req.name) is None:
            raise InvalidRequest(f"'{req.name}' was removed meanwhile: nothing was trained.")

    async def _finish_add(self, req: AddRequest, event: JobEvent, data: Path) -> Reply:
        if event.kind == "done":
            await self.pool.refresh()
            self.count("persona add", "ok")
            return added_reply(self.registry.get(req.name), req.name, req.replacing, event.data)
        self.count("persona add", "training_failed")  # the training queue logs every result, in full
        if req.archive.url is not None or req.archive.owned:  # the paths are the server's, not the asker's
            reason = training_failure_text(event.message, data, req.archive.filename)
        else:
            reason = quote_user(event.message, 1500)
        return Reply(f"❌ Training `{req.name}` failed: {reason}", ephemeral=True,
                     public_fallback=False)

    # --- /persona remove -----------------------------------------------------------------------------

    def prepare_remove(self, caller: Caller, name: str) -> RemoveRequest:
        """Check a /persona remove at once (admin, persona exists, not being trained); raises BotError."""
        self._require_admin_in_server(caller, "persona remove")
        name = name.strip()
        meta = self._persona(name, caller)
        if self.jobs.busy_with(name):
            raise InvalidRequest(f"'{name}' is being trained; remove it once the training ends.")
        return RemoveRequest(name, meta)

    async def persona_remove(self, req: RemoveRequest) -> Reply:
        """Remove a persona: forgotten completely (`bot.forgetting`: renamed to a dot-folder first, so
        the registry stops seeing it at once and a crash midway never leaves half a persona)."""
        gone = await self.forget_persona(req.name)
        log.info("removed a persona and the records of its %d messages", gone.records)
        self.count("persona remove", "ok")
        return Reply(f"🗑️ Removed `{req.name}` ({shown_name(req.meta)} {shown_handles(req.meta)}).")
