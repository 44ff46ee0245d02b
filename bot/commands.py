"""The command layer, written once for both front ends (Discord and the console).

Plain values in (who is asking, the arguments), plain `Reply` objects out; nothing here touches
discord.py. Slow commands come in two steps so a front end can answer bad input at once and defer
only accepted work: `prepare_*` (fast checks: permission, arguments, cooldown, persona exists; raises
`BotError`) and then the slow part (generation, download and training). `error_reply` turns an
exception into the short ephemeral message users see; the full error goes to the log only.
"""

from __future__ import annotations

import asyncio
import codecs
import contextlib
import dataclasses
import logging
import os
import re
import shutil
import time
import uuid
import zipfile
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp
from prometheus_client import CollectorRegistry, Counter

from bot.avatars import picture_path
from bot.errors import BotError, Cooldown, InvalidRequest, PermissionDenied, UnknownPersona
from bot.message_log import PersonaMessage
from bot.output import (
    DISCORD_LIMIT,
    clip,
    escape_markdown,
    neutralise_mentions,
    outbound,
    quote_user,
    unescape_links,
)
from bot.pool import MAX_CONTEXT_CHARS, validate_request
from bot.training_jobs import JobEvent
from training.avatar import MAX_AVATAR_BYTES, set_avatar
from training.checkpoint import (
    PersonaMeta,
    fsync_dir,
    is_valid_persona_name,
    normalise_display_name,
    recover_interrupted,
)
from training.copyguard import guard_state
from training.formats.bluesky import is_car
from training.voice import voice_line

if TYPE_CHECKING:
    from bot.config import Config
    from bot.message_log import MessageLog
    from bot.personas import PersonaEntry, PersonaRegistry
    from bot.pool import Generator
    from bot.training_jobs import TrainingJobs

log = logging.getLogger(__name__)

AI_LABEL = "🤖 AI Bot"
AUTOCOMPLETE_LIMIT = 25  # Discord shows at most 25 choices
LIST_PAGE_SIZE = 20  # personas on a /persona list page (fewer where long names would pass 2,000 characters)
LIST_FRAME = 120  # characters of each list page kept for its header and footer
LIST_SORTS = ("name", "voice")
LIST_PAGE_USAGE = "/persona list page:{page}"  # how Discord asks for a page; the console passes its own
PROGRESS_EVERY_S = 2.0  # edits of a progress reply, at most this often (Discord rate-limits edits)
DOWNLOADS = "downloads"  # the folder in [paths] state_dir that /persona add downloads into
# What `python -m training` reads: X or Mastodon archives (.zip, .tar.gz), tweets.js, a Mastodon
# outbox.json, a Bluesky .car, a DiscordChatExporter .json, condensed JSON, JSONL, CSV, plain text.
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".car", ".js", ".json", ".jsonl", ".ndjson", ".csv",
                    ".txt")
BINARY_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".car")
MESSAGE_LOG = "messages.sqlite3"  # the record of persona messages, in [paths] state_dir
TWEET_SEPARATOR = "\n\n"  # between the tweets of one persona message (count > 1)

HELP = f"""\
**Commands**
`/imitate persona [prompt] [count] [temperature] [seed]`: a tweet in that persona's voice; without a \
prompt, a fresh one. `count` 1-{{max_count}} tweets, `temperature` {{min_t}}-{{max_t}} (higher: wilder), \
`seed` for a repeatable result.
`/persona list [page]`: the personas this bot serves, {LIST_PAGE_SIZE} a page.
`/persona info name`: the data a persona was trained on, its base model and its metrics.
`/persona add name archive [base] [author]` (admin): train a persona from an X or Mastodon archive, a \
Bluesky .car, a Discord chat export (DiscordChatExporter JSON; `author`: whose messages) or a tweet \
file ({", ".join(ARCHIVE_SUFFIXES)}), up to {{max_mb}} MB, fine-tuning `base` (a hub id such as \
gpt2, or tiny; default: the configured one); one training at a time, others queue.
`/persona avatar name image` (admin): replace a persona's profile picture (PNG, JPEG, GIF or WebP).
`/persona remove name` (admin): delete a persona and the record of its messages.
`/help`: this message.
On a persona's message: **Another** (a new tweet, same prompt), **Continue** (the persona answers \
itself), **Delete** (whoever asked, or an admin). On any message (right-click → Apps): \
**Reply as persona…** and **Who asked?**.
In the console, options are `name=value`: \
`/imitate marlowe_bakes My dream is count=3 temperature=0.8 seed=7`, `/persona list page=2`; \
`/persona add NAME PATH [base=MODEL]` takes a local file or an unpacked archive folder; \
`/another` and `/continue` follow up the last tweet (or `/continue N`, tweet #N)."""


@dataclass(frozen=True)
class Caller:
    """Who runs a command, and from where. Permissions in a server count only in the servers the bot
    trusts (`[discord] admin_guild_ids`, else `guild_ids`): anyone can invite the bot to a server of
    their own and be its administrator there."""

    user_id: int
    # The server the command came from, where the bot is installed in it; None in DMs and in
    # user-installed contexts (the command then carries no server's authority).
    guild_id: int | None = None
    administrator: bool = False  # Discord's administrator permission in that server
    role_ids: tuple[int, ...] = ()
    local: bool = False  # the console's user at the machine: a bot owner, in a server of its own
    # Whether they may send messages where they are (Discord's resolved permissions in that channel,
    # in a thread its own "send in threads"); a post made for them needs it (a DM always allows it).
    may_post: bool = True


@dataclass(frozen=True)
class Card:
    """A generated tweet as the persona posts it: who (the name with the AI marker, unescaped: a
    webhook username or an embed author is no Markdown), @handle, the picture, the text(s)."""

    persona: str
    display_name: str  # as the archive gave it (normalised), else the handle
    handle: str  # "@a" (a blend: "@a @b")
    texts: tuple[str, ...]
    picture: Path | None = None  # the persona's profile picture, when it has one
    marker: str = ""  # `[discord] ai_marker`, after the name wherever it is shown
    label: str = AI_LABEL
    copy_rejections: int = 0  # draws the copy guard rejected while making it (for the message record)

    @property
    def name(self) -> str:
        return self.display_name + self.marker


@dataclass(frozen=True)
class Reply:
    """What a command answers: `text` is the whole message content; `card` when it is a tweet card.
    `progress`: an update on the way to the result (a front end may drop one; never the result)."""

    text: str
    ephemeral: bool = False
    card: Card | None = None
    progress: bool = False
    picture: Path | None = None  # an image to show with the text (/persona info)
    mention: int | None = None  # a user the text starts with ("Who asked?"): shown, never pinged
    # Further lines after the text, each starting with a user (as `mention`: shown, never pinged).
    more: tuple[tuple[int, str], ...] = ()
    public_fallback: bool = True  # False: for the asker's eyes only, never posted in the channel


@dataclass(frozen=True)
class Archive:
    """The `archive` of `/persona add`: a Discord attachment (`url`) or a local path (console)."""

    filename: str
    size: int | None = None  # bytes, as Discord states it; None for a local folder
    url: str | None = None
    path: Path | None = None


@dataclass(frozen=True)
class ImitateRequest:
    persona: str
    prompt: str
    count: int
    temperature: float | None
    seed: int | None
    meta: PersonaMeta
    context: str = ""  # the message this one answers (Continue, Reply as persona); not shown
    reply_to: int | None = None  # that message's id
    another_of: int | None = None  # the message whose Another button asked for this one


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


class Commands:
    """Every command of the bot; both front ends call these and show the `Reply` they get."""

    def __init__(
        self,
        cfg: Config,
        registry: PersonaRegistry,
        pool: Generator,
        jobs: TrainingJobs,
        messages: MessageLog,
        metrics: CollectorRegistry | None = None,
    ) -> None:
        self.cfg = cfg
        self.registry = registry
        self.pool = pool
        self.jobs = jobs
        self.messages = messages
        self._last_imitate: dict[int, float] = {}
        # Bot owners: admins everywhere. The Discord front end adds the application's owner or team.
        self.owner_ids: set[int] = set(cfg.discord.admin_user_ids)
        # The list's pages, laid out once per registry snapshot (the same tuple until a rescan changes it).
        self._pages: tuple[tuple[PersonaEntry, ...], str, list[list[str]]] | None = None
        self.commands_total = Counter(
            "persona_bot_commands", "Commands answered, by command and outcome (ok or the error kind).",
            ["command", "outcome"], registry=metrics,
        )

    # --- bookkeeping -------------------------------------------------------------------------------

    def count(self, command: str, outcome: str) -> None:
        self.commands_total.labels(command, outcome).inc()

    def error_reply(self, command: str, exc: BaseException) -> Reply:
        """The short ephemeral answer to a failed command; the full error is logged, not shown."""
        if isinstance(exc, BotError):
            self.count(command, exc.kind)
            log.info("/%s refused: %r", command, str(exc))  # quoted: it may echo user input
            return Reply(clip(f"⚠️ {exc}", DISCORD_LIMIT), ephemeral=True)  # it may echo user input
        self.count(command, "internal")
        log.error("/%s failed", command, exc_info=exc)
        return Reply("⚠️ Something went wrong on our side; the error has been logged.", ephemeral=True)

    def is_admin(self, caller: Caller) -> bool:
        """Bot owners everywhere; a server's administrators and admin roles only in trusted servers."""
        if caller.local or caller.user_id in self.owner_ids:
            return True
        d = self.cfg.discord
        if caller.guild_id is None or caller.guild_id not in d.trusted_guild_ids:
            return False
        return caller.administrator or any(role in d.admin_role_ids for role in caller.role_ids)

    def _require_admin_in_server(self, caller: Caller, command: str) -> None:
        """Changing personas: only in a server (never a DM or a user-installed context), only admins."""
        if caller.guild_id is None and not caller.local:
            raise PermissionDenied(f"`/{command}` works only in a server where the bot is installed, "
                                   "not in DMs or user-installed apps.")
        if not self.is_admin(caller):
            raise PermissionDenied("Only the bot's admins can change personas (server administrators "
                                   "count only in the servers the bot is set up for).")

    def _persona(self, name: str) -> PersonaMeta:
        entry = self.registry.get(name)
        if entry is None:
            raise UnknownPersona(name, self.registry.suggest(name))
        return entry.meta

    # --- /imitate ----------------------------------------------------------------------------------

    def prepare_imitate(
        self,
        caller: Caller,
        persona: str,
        prompt: str | None = None,
        count: int | None = None,
        temperature: float | None = None,
        seed: int | None = None,
        *,
        context: str = "",
        reply_to: int | None = None,
        another_of: int | None = None,
    ) -> ImitateRequest:
        """Check an /imitate at once (may post there, arguments, persona, cooldown); raises BotError.
        `context`: the message it answers (Continue, Reply as persona), `reply_to` that message's id;
        `another_of`: the message whose Another this is."""
        self.check_may_post(caller)
        prompt = (prompt or "").strip()
        count = 1 if count is None else count
        context = " ".join(context.split())
        validate_request(self.cfg.generation, prompt=prompt, count=count, max_new_tokens=None,
                         temperature=temperature, top_p=None, seed=seed, context=context)
        meta = self._persona(persona.strip())
        self._cool_down(caller)
        return ImitateRequest(persona.strip(), prompt, count, temperature, seed, meta, context, reply_to,
                              another_of)

    @staticmethod
    def check_may_post(caller: Caller) -> None:
        """A persona post is made for whoever asks, in public: only where they may send messages
        themselves (else the bot would speak where they may not); raises PermissionDenied."""
        if not caller.may_post:
            raise PermissionDenied("You can't send messages in this channel.")

    def _cool_down(self, caller: Caller) -> None:
        """One generation per user per `cooldown_s` (not for the console's one local user)."""
        if caller.local:
            return
        now = time.monotonic()
        wait = self._last_imitate.get(caller.user_id, -1e9) + self.cfg.discord.cooldown_s - now
        if wait > 0:
            raise Cooldown(wait)
        if len(self._last_imitate) > 10_000:  # forget users whose cooldown is long over
            horizon = now - self.cfg.discord.cooldown_s
            self._last_imitate = {u: t for u, t in self._last_imitate.items() if t > horizon}
        self._last_imitate[caller.user_id] = now

    async def imitate(self, req: ImitateRequest) -> Reply:
        """Generate and format the tweet card; raises BotError (busy pool, timeout, ...)."""
        texts = await self.pool.generate(req.persona, req.prompt, count=req.count,
                                         temperature=req.temperature, seed=req.seed, context=req.context)
        self.count("imitate", "ok")
        entry = self.registry.get(req.persona)
        meta = entry.meta if entry is not None else req.meta
        picture = picture_path(entry) if entry is not None else None
        return tweet_card(req.persona, meta, [neutralise_mentions(t) for t in texts],
                          self.cfg.discord.ai_marker, picture,
                          copy_rejections=getattr(texts, "copy_rejections", 0))

    # --- follow-ups on a persona message: Another, Continue, Reply as persona, Who asked?, Delete ----

    async def record_of(self, message_id: int, guild_id: int | None,
                        channel_id: int | None) -> PersonaMessage:
        """The record of a persona message seen in `guild_id` / `channel_id` (a thread's own id);
        InvalidRequest when there is none (too old, or not ours), or when the record says the message
        is somewhere else (answered exactly as no record: it says nothing of other places)."""
        record = await self.find_record(message_id, guild_id, channel_id)
        if record is None:
            days = self.cfg.discord.message_record_days
            raise InvalidRequest(f"I have no record of that message: it is not a persona's, or older than "
                                 f"{days:g} days.")
        return record

    async def find_record(self, message_id: int, guild_id: int | None,
                          channel_id: int | None) -> PersonaMessage | None:
        """The record of `message_id` if it is one of a message in that guild and channel, else None."""
        record = await asyncio.to_thread(self.messages.get, message_id)
        if record is None or record.guild_id != guild_id or record.channel_id != channel_id:
            return None
        return record

    def prepare_another(self, caller: Caller, record: PersonaMessage) -> ImitateRequest:
        """Another tweet from the same persona and prompt (for a reply: answering the same message)."""
        return self.prepare_imitate(caller, record.persona, record.prompt, record.count, record.temperature,
                                    context=record.context, reply_to=record.reply_to,
                                    another_of=record.message_id)

    def prepare_continue(self, caller: Caller, record: PersonaMessage) -> ImitateRequest:
        """The persona answers its own tweet (the last one of the message), with that tweet as context."""
        last = unescape_links(record.text.split(TWEET_SEPARATOR)[-1])  # the words, not their escapes
        return self.prepare_imitate(caller, record.persona, context=last, reply_to=record.message_id)

    def prepare_reply(self, caller: Caller, persona: str, text: str, message_id: int) -> ImitateRequest:
        """A persona answers a message (the message context menu): its text is the context."""
        if not text.strip():
            raise InvalidRequest("That message has no text to answer.")
        return self.prepare_imitate(caller, persona, context=unescape_links(text)[:MAX_CONTEXT_CHARS],
                                    reply_to=message_id)

    def who_asked(self, record: PersonaMessage, original: PersonaMessage | None = None,
                  original_link: str = "") -> Reply:
        """Who made the persona say it, with which prompt and when (ephemeral). For an Another: who
        pressed it, on which message (`original_link`), and, while its record lasts (`original`), who
        asked for that one."""
        self.count("who asked", "ok")
        when = f"<t:{int(record.created_at)}:R>"
        if record.another_of is None:
            return Reply(f"asked for it with {imitate_text(record)}, {when}.", ephemeral=True,
                         mention=record.invoker_id, public_fallback=False)
        on = original_link or "an earlier message"
        more: tuple[tuple[int, str], ...] = ()
        if original is not None:
            more = ((original.invoker_id, f"asked for that one, <t:{int(original.created_at)}:R>."),)
        return Reply(f"asked for it with **Another** of {on} ({imitate_text(record)}), {when}.",
                     ephemeral=True, mention=record.invoker_id, more=more, public_fallback=False)

    def check_delete(self, caller: Caller, record: PersonaMessage) -> None:
        """Only whoever asked for a persona message, or an admin, may delete it; raises PermissionDenied."""
        if caller.user_id != record.invoker_id and not self.is_admin(caller):
            raise PermissionDenied("Only whoever asked for this message, or an admin, can delete it.")

    async def remember(self, record: PersonaMessage) -> None:
        """Record a persona message as posted (who asked, the prompt and text, where)."""
        try:
            await asyncio.to_thread(self.messages.add, record)
        except Exception:  # the post is out; losing its record only disables its buttons
            log.exception("could not record persona message %s", record.message_id)

    async def forget(self, message_id: int) -> None:
        await asyncio.to_thread(self.messages.delete, message_id)

    def autocomplete(self, current: str) -> list[str]:
        """Persona names for the autocomplete, at most 25, best matches first."""
        return self.registry.complete(current, limit=AUTOCOMPLETE_LIMIT)[:AUTOCOMPLETE_LIMIT]

    # --- /persona list, info ------------------------------------------------------------------------

    def persona_list(self, page: int | None = None, usage: str = LIST_PAGE_USAGE,
                     sort: str | None = None) -> Reply:
        """One page of the personas (1 when `page` is None), by name or, with `sort` "voice", by how
        much they sound like their person (voice report first, unmeasured last); `usage`: how this
        front end asks for a page, shown as the way to the next one. A page past the last raises
        InvalidRequest."""
        sort = sort or "name"
        if sort not in LIST_SORTS:
            raise InvalidRequest(f"sort must be one of: {', '.join(LIST_SORTS)} (got {quote_user(sort)})")
        entries = self.registry.entries()
        if self._pages is None or self._pages[0] is not entries or self._pages[1] != sort:
            ordered = by_voice(entries) if sort == "voice" else entries
            self._pages = (entries, sort, list_pages(ordered, voice=sort == "voice"))
        pages = self._pages[2]
        if sort != "name":  # the next page keeps the order: `page:2` becomes `sort:voice page:2`
            sep = ":" if "page:" in usage else "="
            usage = usage.replace(f"page{sep}", f"sort{sep}{sort} page{sep}", 1)
        page = 1 if page is None else page
        total = max(1, len(pages))
        if not 1 <= page <= total:
            raise InvalidRequest(f"There is no page {page}: the list has {plural(total, 'page')} "
                                 f"(`{usage.format(page=1)}` is the first).")
        self.count("persona list", "ok")
        if not entries:
            return Reply("No personas yet. An admin can add one with `/persona add name archive`.")
        return Reply(list_page_text(len(entries), pages, page, usage))

    async def persona_info(self, name: str) -> Reply:
        entry = self.registry.get(name.strip())
        if entry is None:
            raise UnknownPersona(name.strip(), self.registry.suggest(name.strip()))
        # The copy guard's header is a file read: off the event loop.
        _, guard = await asyncio.to_thread(guard_state, entry.path, self.cfg.generation.max_copied_words)
        self.count("persona info", "ok")
        picture = picture_path(entry)
        voice = (f"\n{voice_line(entry.meta.voice)}." if entry.meta.voice is not None
                 else "\nVoice: not measured (trained before the voice report; `python -m training eval`).")
        text = (persona_info_text(entry.meta) + voice + f"\n{guard.capitalize()}."
                + ("" if picture is not None else "\nNo profile picture."))
        return Reply(clip(text, DISCORD_LIMIT), picture=picture)

    # --- /persona avatar ----------------------------------------------------------------------------

    def prepare_avatar(self, caller: Caller, name: str, image: Archive) -> AvatarRequest:
        """Check a /persona avatar before anything is downloaded; raises BotError."""
        self._require_admin_in_server(caller, "persona avatar")
        name = name.strip()
        meta = self._persona(name)
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
                path = await download(req.image.url, req.image.filename,
                                      self.cfg.paths.state_dir / DOWNLOADS, MAX_AVATAR_BYTES)
                folder = path.parent
                data = await asyncio.to_thread(path.read_bytes)
            try:
                meta = await asyncio.to_thread(set_avatar, self.cfg.paths.models_dir / req.name, data)
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
                    author: str | None = None) -> AddRequest:
        """Check a /persona add before anything is downloaded or started; raises BotError."""
        self._require_admin_in_server(caller, "persona add")
        name = name.strip()
        base = (base or "").strip() or None
        author = " ".join((author or "").split()) or None
        if author is not None and (len(author) > 100 or author.startswith("-")):
            raise InvalidRequest("`author` is a Discord user id or name of at most 100 characters.")
        allowed = self.cfg.training.bases_allowed
        if base is not None and base not in allowed:
            raise InvalidRequest(f"'{quote_user(base)}' is not a base model this bot trains from: choose "
                                 f"{' or '.join(allowed)} ([training] allowed_bases).")
        if not is_valid_persona_name(name):
            raise InvalidRequest(
                f"'{quote_user(name, 40)}' is not a valid persona name: use the handle, 1-15 letters, "
                "digits or _ (handles joined by - for a blend).")
        if self.jobs.busy_with(name):
            raise InvalidRequest(f"A training for '{name}' is already queued or running.")
        self.jobs.check_room(caller.guild_id)
        limit = self.cfg.discord.max_attachment_bytes
        if archive.size is not None and archive.size > limit:
            raise InvalidRequest(f"The archive is too large: {mb(archive.size)}, at most {mb(limit)}.")
        if archive.path is not None:
            if not archive.path.exists():
                raise InvalidRequest(f"No such file or folder: {archive.path}")  # the console's own path
            if archive.path.is_dir():
                return AddRequest(name, archive, self.registry.get(name) is not None, base, caller.guild_id,
                                  author)
        if not archive.filename.lower().endswith(ARCHIVE_SUFFIXES):
            raise InvalidRequest(
                f"Unknown archive format '{quote_user(archive.filename)}': send an X or Mastodon archive, "
                f"a Bluesky .car, a Discord chat export or a tweet file ({', '.join(ARCHIVE_SUFFIXES)}).")
        return AddRequest(name, archive, self.registry.get(name) is not None, base, caller.guild_id, author)

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

    async def _submit(self, req: AddRequest):
        """The archive fetched and checked, then queued; a download not handed to a job is deleted."""
        download_folder: Path | None = None
        try:
            archive = req.archive
            if archive.path is not None:
                data = archive.path
                if data.is_file():
                    await asyncio.to_thread(check_archive_content, data)
            else:
                assert archive.url is not None
                data = await download(archive.url, archive.filename, self.cfg.paths.state_dir / DOWNLOADS,
                                      self.cfg.discord.max_attachment_bytes)
                download_folder = data.parent
                await asyncio.to_thread(check_archive_content, data)
            job = self.jobs.submit(req.name, data, req.base, guild_id=req.guild_id, owned=download_folder,
                                   author=req.author)
        except BaseException:  # cancellation too; one small file, so removed right here
            if download_folder is not None:
                shutil.rmtree(download_folder, ignore_errors=True)
            raise
        return job

    async def _finish_add(self, req: AddRequest, event: JobEvent, data: Path) -> Reply:
        if event.kind == "done":
            await self.pool.refresh()
            self.count("persona add", "ok")
            return added_reply(self.registry.get(req.name), req, event.data)
        self.count("persona add", "training_failed")  # the training queue logs every result, in full
        if req.archive.url is not None:  # an attachment: the paths are the server's, not the asker's
            reason = training_failure_text(event.message, data, req.archive.filename)
        else:
            reason = quote_user(event.message, 1500)
        return Reply(f"❌ Training `{req.name}` failed: {reason}", ephemeral=True,
                     public_fallback=False)

    # --- /persona remove, /help ----------------------------------------------------------------------

    def prepare_remove(self, caller: Caller, name: str) -> RemoveRequest:
        """Check a /persona remove at once (admin, persona exists, not being trained); raises BotError."""
        self._require_admin_in_server(caller, "persona remove")
        name = name.strip()
        meta = self._persona(name)
        if self.jobs.busy_with(name):
            raise InvalidRequest(f"'{name}' is being trained; remove it once the training ends.")
        return RemoveRequest(name, meta)

    async def persona_remove(self, req: RemoveRequest) -> Reply:
        """Remove a persona: renamed to a dot-folder first (the registry stops seeing it at once), then
        deleted, so a crash midway never leaves half a persona (`clean_leftovers` ends the job)."""
        models_dir = self.cfg.paths.models_dir
        doomed = models_dir / f".removing-{req.name}-{uuid.uuid4().hex[:8]}"
        try:
            os.rename(models_dir / req.name, doomed)
        except OSError as exc:
            raise InvalidRequest(f"Could not remove '{req.name}': {exc.strerror}.") from exc
        await self.pool.refresh()
        await asyncio.to_thread(shutil.rmtree, doomed, True)
        forgotten = await asyncio.to_thread(self.messages.forget_persona, req.name)
        log.info("removed persona %s and the records of its %d messages", req.name, forgotten)
        self.count("persona remove", "ok")
        return Reply(f"🗑️ Removed `{req.name}` ({shown_name(req.meta)} {shown_handles(req.meta)}).")

    def help(self) -> Reply:
        g = self.cfg.generation
        self.count("help", "ok")
        text = HELP.format(max_count=g.max_count, min_t=g.min_temperature, max_t=g.max_temperature,
                           max_mb=round(self.cfg.discord.max_attachment_bytes / 1e6, 1))
        return Reply(text, ephemeral=True)


# --- formatting --------------------------------------------------------------------------------------

def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


def persona_line(entry: PersonaEntry, voice: bool = False) -> str:
    line = f"• `{entry.name}`: {shown_name(entry.meta)} ({shown_handles(entry.meta)})"
    report = entry.meta.voice
    if voice and report is not None and report.voice is not None:
        line += f" · sounds like them in {report.voice * 10:.1f} of 10"
    return line


def by_voice(entries: Sequence[PersonaEntry]) -> list[PersonaEntry]:
    """Personas by their voice figure, highest first; those never measured last, by name."""
    def figure(entry: PersonaEntry) -> float:
        report = entry.meta.voice
        return -1.0 if report is None or report.voice is None else report.voice
    return sorted(entries, key=lambda e: (-figure(e), e.name))


def list_pages(entries: Sequence[PersonaEntry], per_page: int = LIST_PAGE_SIZE,
               limit: int = DISCORD_LIMIT, voice: bool = False) -> list[list[str]]:
    """Every persona's line, once, in pages of at most `per_page` lines that fit in `limit` characters
    with room for a header and a footer. A page ends early rather than pass the limit (names written
    before training clipped them can be long); only a line too long for a page of its own is clipped.

    Lines are kept as they will be sent (`outbound`: a link in a name gains its angle brackets), so
    what is counted is what Discord receives; outbound changes them no further when the page is sent."""
    room = limit - LIST_FRAME
    pages: list[list[str]] = []
    page: list[str] = []
    used = 0
    for entry in entries:
        line = outbound(persona_line(entry, voice), room)
        if page and (len(page) == per_page or used + len(line) + 1 > room):
            pages.append(page)
            page, used = [], 0
        page.append(line)
        used += len(line) + 1
    if page:
        pages.append(page)
    return pages


def list_page_text(count: int, pages: list[list[str]], page: int, usage: str = LIST_PAGE_USAGE) -> str:
    """Page `page` (from 1) of `pages`: a header with the count, the lines, the way to the next page."""
    total = len(pages)
    header = f"**{plural(count, 'persona')}**" + (f" (page {page} of {total})" if total > 1 else "")
    footer = [f"Next page: `{usage.format(page=page + 1)}`"] if page < total else []
    return "\n".join([header, *pages[page - 1], *footer])


_NOT_HANDLE = re.compile(r"[^A-Za-z0-9_]")


def shown_name(meta: PersonaMeta) -> str:
    """A display name as shown in a message: it comes from an uploaded manifest, so it may not ping
    anyone, format the message, break it over lines or crowd out the text (normalised again here:
    a persona.json written before training checked names may hold anything)."""
    names = [normalise_display_name(h.display_name) or safe_handle(h.handle) for h in meta.handles]
    return escape_markdown(neutralise_mentions(" & ".join(names)))


def safe_handle(handle: str) -> str:
    """A handle reduced to the characters a handle may have (training refuses others; an older
    persona.json may still hold them), so it is safe inside code blocks too."""
    return _NOT_HANDLE.sub("", handle)[:15] or "unknown"


def shown_handles(meta: PersonaMeta) -> str:
    return " ".join(f"@{escape_markdown(safe_handle(h.handle))}" for h in meta.handles)


def plain_name(meta: PersonaMeta) -> str:
    """The display name as plain text (a webhook username, an embed author): normalised, or the
    handle where the archive had none; not Markdown-escaped (those places show no Markdown)."""
    return " & ".join(normalise_display_name(h.display_name) or f"@{safe_handle(h.handle)}"
                      for h in meta.handles)


def card_header(meta: PersonaMeta, marker: str) -> str:
    return f"**{shown_name(meta)}{escape_markdown(marker)}** {shown_handles(meta)} · {AI_LABEL}"


def tweet_card(persona: str, meta: PersonaMeta, texts: list[str], marker: str = "",
               picture: Path | None = None, copy_rejections: int = 0) -> Reply:
    """The huggingtweets-style card: as text (the console, and Discord when nothing else works),
    within Discord's 2,000 characters, and as a `Card` a front end posts under the persona's name."""
    header = card_header(meta, marker)
    texts = [t.strip() or "…" for t in texts]
    room = (DISCORD_LIMIT - len(header) - 4 * len(texts)) // max(1, len(texts))
    texts = [clip(t, room) for t in texts]
    body = "\n\n".join("> " + t.replace("\n", "\n> ") for t in texts)
    handles = " ".join(f"@{safe_handle(h.handle)}" for h in meta.handles)
    card = Card(persona, plain_name(meta), handles, tuple(texts), picture, marker,
                copy_rejections=copy_rejections)
    return Reply(f"{header}\n{body}", card=card)


def persona_info_text(meta: PersonaMeta) -> str:
    rows: list[tuple[str, ...]] = [("Data", *(f"@{safe_handle(h.handle)}" for h in meta.handles))]
    # training's rows, one column per handle; a label a handle lacks shows 0, the total stays last.
    tables = [h.data.rows() for h in meta.handles]
    columns = [dict(t) for t in tables]
    labels = [*dict.fromkeys(label for t in tables for label, _ in t[:-1]), tables[0][-1][0]]
    rows += [(label, *(str(col.get(label, 0)) for col in columns)) for label in labels]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    m = meta.metrics
    return (
        f"**{shown_name(meta)}** {shown_handles(meta)} (`{meta.name}`)\n"
        f"```\n{table}\n```\n"
        f"{model_text(meta)} · trained {meta.created_at:%Y-%m-%d %H:%M} UTC\n"
        # Training measures both on the same held-out tweets: the base before, the persona after.
        f"Validation perplexity on the person's held-out tweets: base {m.val_ppl_before:.1f} → "
        f"persona {m.val_ppl_after:.1f} (loss {m.val_loss_before:.3f} → {m.val_loss_after:.3f})"
    )


def model_text(meta: PersonaMeta) -> str:
    """What the persona is: a whole fine-tuned model, or a LoRA adapter on a shared base; for the
    offline `tiny` model, honestly what to expect of it."""
    # getattr: `kind`, `base` and `lora` are newer fields; read from extra keys (dicts) until
    # training's PersonaMeta declares them, and absent from older persona.json files.
    if getattr(meta, "kind", "full") != "lora":
        if meta.base_model == "tiny":
            return ("Base model: `tiny`, a small model trained from scratch on this account alone: it "
                    "picks up words and topics, but writes loosely joined phrases (a pretrained base such "
                    "as gpt2 writes like a person)")
        return f"Base model: `{code_text(meta.base_model)}`"
    name = field_of(getattr(meta, "base", None), "name")
    rank = field_of(getattr(meta, "lora", None), "rank")
    base = code_text(name if isinstance(name, str) and name else meta.base_model)
    rank_text = f" (rank {rank})" if isinstance(rank, int) and not isinstance(rank, bool) else ""
    return f"LoRA adapter{rank_text} on base `{base}`"


def field_of(value: object, key: str) -> object:
    """`value.key`, or `value[key]` for a dict; None when it has none."""
    if isinstance(value, dict):
        return value.get(key)
    return getattr(value, key, None)


def imitate_text(record: PersonaMessage) -> str:
    """The command a persona message answered, as Who asked? shows it."""
    how = f"`/imitate {record.persona}" + (f" {code_text(record.prompt, 300)}`" if record.prompt else "`")
    return how + (" as a reply" if record.reply_to is not None else "")


def code_text(text: str, limit: int = 100) -> str:
    """Text for inside `code` in a message: one line, no backtick to end the code early, clipped."""
    return clip(" ".join(text.replace("`", "").split()), limit)


def progress_text(name: str, event) -> str:
    if event.kind == "queued":
        if event.position == 0:
            return f"⏳ Training `{name}`: starting…"
        ahead = f"{event.position} training{'s' if event.position != 1 else ''}"
        return f"⏳ Training `{name}`: queued at position {event.position + 1} ({ahead} ahead)."
    if event.kind == "started":
        return f"⏳ Training `{name}`: started…"
    if event.kind == "progress" and event.total:
        loss = f", loss {event.loss:.3f}" if event.loss is not None else ""
        pct = 100 * event.step // event.total
        return f"⏳ Training `{name}`: {event.phase} step {event.step}/{event.total} ({pct}%){loss}"
    if event.kind == "warning":
        return f"⏳ Training `{name}`: ⚠️ {quote_user(event.message, 300)}"
    return f"⏳ Training `{name}`: {quote_user(event.message or event.phase, 300)}"


def added_reply(entry, req: AddRequest, done: dict) -> Reply:
    verb = "Retrained" if req.replacing else "Added"
    if entry is None:  # trained, but the registry does not list it (should not happen)
        return Reply(f"✅ {verb} `{req.name}`.")
    meta = entry.meta
    seconds = done.get("seconds")
    took = f" in {seconds:.0f}s" if isinstance(seconds, (int, float)) else ""
    info = clip(persona_info_text(meta), 1800)
    return Reply(f"✅ {verb} `{req.name}`{took}: try `/imitate {req.name}`.\n{info}")


# The paths a training error may name (the download, models/, a temporary folder): absolute POSIX
# paths, not inside a word or a URL; shown by their last part only.
_ABSOLUTE_PATH = re.compile(r"(?<![\w:/.~-])/(?:[^\s/:'\"()]+/)*[^\s/:'\"()]*")
# Where a training error lists a chat export's authors (names, ids, message counts), to be left out.
_AUTHOR_LISTING = re.compile(r"(?:choose one with --author|give the id instead) \(.*", re.DOTALL)


def training_failure_text(message: str, data: Path, filename: str) -> str:
    """A training's error as the asker sees it (quoted: Markdown-safe, one line): the archive named by
    its file name (not the server's download path), any other path by its last part, and the authors
    of a chat export (other people's names, ids, message counts) replaced by how to choose one."""
    message = message.replace(str(data), filename)
    message = _ABSOLUTE_PATH.sub(lambda m: Path(m.group(0)).name or "…", message)
    listing = _AUTHOR_LISTING.search(message)
    if listing is None:
        return quote_user(message, 1500)
    head = quote_user(message[:listing.start()], 1400)
    if listing.group(0).startswith("give the id"):
        return f"{head} give `author` as that person's Discord user id instead."
    return f"{head} give `author=ID_OR_NAME` (the person's Discord user id or name)."


# --- archives ---------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


async def download(url: str, filename: str, folder: Path, limit: int) -> Path:
    """Download `url` into a fresh folder inside `folder`: streamed into a temporary file, then renamed,
    so a half-done download never looks finished. At most `limit` bytes. The caller removes the folder."""
    safe = _UNSAFE.sub("_", Path(filename).name)[-80:].lstrip(".") or "archive"
    folder = folder / uuid.uuid4().hex[:12]  # a folder of its own: the user's file name stays as it was
    folder.mkdir(parents=True)
    final = folder / safe
    part = folder / f".part-{safe}"
    try:
        timeout = aiohttp.ClientTimeout(total=600, sock_read=60)
        async with aiohttp.ClientSession(timeout=timeout) as session, session.get(url) as resp:
            if resp.status != 200:
                raise InvalidRequest(f"Could not download the archive (HTTP {resp.status}).")
            if resp.content_length is not None and resp.content_length > limit:
                raise InvalidRequest(
                    f"The archive is too large: {mb(resp.content_length)}, at most {mb(limit)}.")
            size = 0
            with open(part, "wb") as fh:
                async for chunk in resp.content.iter_chunked(1 << 16):
                    size += len(chunk)
                    if size > limit:
                        raise InvalidRequest(f"The archive is too large: more than {mb(limit)}.")
                    await asyncio.to_thread(fh.write, chunk)
                await asyncio.to_thread(os.fsync, fh.fileno())
        os.replace(part, final)
        await asyncio.to_thread(fsync_dir, folder)
        return final
    except BaseException as exc:  # every failure, cancellation included: no partial file stays
        shutil.rmtree(folder, ignore_errors=True)
        if isinstance(exc, aiohttp.ClientError | TimeoutError):
            reason = "timed out" if isinstance(exc, TimeoutError) else exc.__class__.__name__
            raise InvalidRequest(f"Could not download the archive: {reason}.") from exc
        raise


def read_capped(path: Path, limit: int) -> bytes:
    """A local file's bytes; InvalidRequest when it holds more than `limit` (only limit + 1 are read)."""
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise InvalidRequest(f"'{path.name}' is too large: more than {mb(limit)}.")
    return data


TAR_BLOCK = 512
_TAR_MAGICS = (b"ustar\x0000", b"ustar  \x00")  # POSIX ustar (magic, version "00"); old GNU


def is_tar_header(block: bytes) -> bool:
    """Whether `block` starts with a tar header: the ustar (or old GNU) magic at offset 257 and a
    header checksum that adds up (the octal field at 148..155 against the sum of the header's bytes
    with that field as spaces, unsigned or signed, as tarfile accepts). Nothing past the first 512
    bytes is read: tarfile is never used in the bot process (CPython before 3.11.10 parses pax headers
    in quadratic time holding the GIL, CVE-2024-6232); training checks the rest in its own child."""
    if len(block) < TAR_BLOCK or block[257:265] not in _TAR_MAGICS:
        return False
    header = block[:TAR_BLOCK]
    digits = header[148:156].split(b"\0", 1)[0].strip(b" ")
    if not digits or digits.strip(b"01234567"):
        return False
    stored = int(digits, 8)
    rest = header[:148] + b" " * 8 + header[156:]
    unsigned = sum(rest)
    signed = unsigned - 256 * sum(1 for b in rest if b >= 0x80)  # the same bytes read as signed chars
    return stored in (unsigned, signed)


def check_archive_content(path: Path) -> None:
    """Refuse a file whose content does not match its kind: a .zip must be a zip, a .tar(.gz) a tar,
    a .car a CAR file; anything else text. (Training checks each format through.) Only a zip's
    directory and the first block of the others are read here."""
    name = path.name.lower()
    if name.endswith(BINARY_SUFFIXES):
        with open(path, "rb") as fh:
            head = fh.read(512)
        if name.endswith(".zip") and not zipfile.is_zipfile(path):
            raise InvalidRequest(f"'{path.name}' is not a valid zip archive.")
        if name.endswith((".tar.gz", ".tgz")) and head[:2] != b"\x1f\x8b":
            raise InvalidRequest(f"'{path.name}' is not a gzipped tar archive.")
        if name.endswith(".tar") and not is_tar_header(head):
            raise InvalidRequest(f"'{path.name}' is not a tar archive.")
        if name.endswith(".car") and not is_car(head):
            raise InvalidRequest(f"'{path.name}' is not a Bluesky repository (CAR) file.")
        return
    with open(path, "rb") as fh:
        head = fh.read(1 << 16)
    try:
        codecs.getincrementaldecoder("utf-8-sig")().decode(head, final=False)
    except UnicodeDecodeError:
        raise InvalidRequest(f"'{path.name}' is not a text file (expected UTF-8 tweets).") from None
    if b"\0" in head:
        raise InvalidRequest(f"'{path.name}' is not a text file (expected UTF-8 tweets).")
    if not head.strip():
        raise InvalidRequest(f"'{path.name}' is empty.")


# --- wiring -------------------------------------------------------------------------------------------

@contextlib.asynccontextmanager
async def open_commands(
    cfg: Config, config_path: Path | None = None, metrics: CollectorRegistry | None = None
) -> AsyncIterator[Commands]:
    """The persona registry, the generation pool and the training queue behind a `Commands`, started
    and, on the way out, stopped: queued trainings cancelled, the running one terminated, pool closed."""
    from bot.message_log import MessageLog
    from bot.personas import PersonaRegistry
    from bot.training_jobs import TrainingJobs

    models_dir = cfg.paths.models_dir
    await asyncio.to_thread(clean_leftovers, models_dir, cfg.paths.state_dir / DOWNLOADS)
    registry = PersonaRegistry(models_dir)
    pool = make_pool(cfg, registry, metrics)
    d = cfg.discord
    jobs = TrainingJobs(models_dir, config_path, d.training_timeout_s, max_jobs=d.max_trainings,
                        max_jobs_per_guild=d.max_trainings_per_guild, memory_bytes=d.training_memory_bytes)
    messages = await asyncio.to_thread(MessageLog, cfg.paths.state_dir / MESSAGE_LOG,
                                       d.message_record_days * 86400, d.message_record_max)
    await pool.start()
    try:
        yield Commands(cfg, registry, pool, jobs, messages, metrics)
    finally:
        await jobs.close()
        await pool.close()
        messages.close()


def make_pool(cfg: Config, registry: PersonaRegistry, metrics: CollectorRegistry | None = None) -> Generator:
    """The generation backend `[pool] backend` names: this process's pool, or the remote service's client
    (same interface; `bot.remote` imports no torch model code and no Ray)."""
    if cfg.pool.backend == "remote":
        from bot.remote import RemotePool

        return RemotePool(registry, cfg.pool, cfg.generation, metrics)
    from bot.pool import GenerationPool

    return GenerationPool(registry, cfg.pool, cfg.generation, metrics)


def clean_leftovers(models_dir: Path, downloads: Path | None = None) -> None:
    """Finish what a kill interrupted: training's half-swapped folders, removals half-done, and the
    downloads of /persona add still on disk (each belonged to a command of a previous run)."""
    recover_interrupted(models_dir)
    if models_dir.is_dir():
        for entry in models_dir.glob(".removing-*"):
            shutil.rmtree(entry, ignore_errors=True)
    if downloads is not None and downloads.is_dir():
        for entry in downloads.iterdir():
            if entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                entry.unlink(missing_ok=True)
