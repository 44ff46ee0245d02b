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
import logging
import os
import re
import shutil
import time
import uuid
import zipfile
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import aiohttp
from prometheus_client import CollectorRegistry, Counter

from bot.errors import BotError, Cooldown, InvalidRequest, PermissionDenied, UnknownPersona
from bot.output import DISCORD_LIMIT, clip, neutralise_mentions
from bot.pool import validate_request
from bot.training_jobs import JobEvent
from training.checkpoint import PersonaMeta, fsync_dir, is_valid_persona_name, recover_interrupted

if TYPE_CHECKING:
    from bot.config import Config
    from bot.personas import PersonaRegistry
    from bot.pool import GenerationPool
    from bot.training_jobs import TrainingJobs

log = logging.getLogger(__name__)

AI_LABEL = "🤖 AI Bot"
AUTOCOMPLETE_LIMIT = 25  # Discord shows at most 25 choices
PROGRESS_EVERY_S = 2.0  # edits of a progress reply, at most this often (Discord rate-limits edits)
DOWNLOADS = "downloads"  # the folder in [paths] state_dir that /persona add downloads into
# What `python -m training` reads: X archive zip, tweets.js, condensed JSON, JSONL, CSV, plain text.
ARCHIVE_SUFFIXES = (".zip", ".js", ".json", ".jsonl", ".ndjson", ".csv", ".txt")

HELP = f"""\
**Commands**
`/imitate persona [prompt] [count] [temperature] [seed]`: a tweet in that persona's voice; without a \
prompt, a fresh one. `count` 1-{{max_count}} tweets, `temperature` {{min_t}}-{{max_t}} (higher: wilder), \
`seed` for a repeatable result.
`/persona list`: the personas this bot serves.
`/persona info name`: the data a persona was trained on, its base model and its metrics.
`/persona add name archive [base]` (admin): train a persona from an X archive (.zip or tweets.js) or \
a tweet file ({", ".join(ARCHIVE_SUFFIXES)}), up to {{max_mb}} MB, fine-tuning `base` (a hub id such as \
gpt2, or tiny; default: the configured one); one training at a time, others queue.
`/persona remove name` (admin): delete a persona.
`/help`: this message.
In the console, options are `name=value`: \
`/imitate marlowe_bakes My dream is count=3 temperature=0.8 seed=7`; \
`/persona add NAME PATH [base=MODEL]` takes a local file or an unpacked archive folder."""


@dataclass(frozen=True)
class Caller:
    """Who runs a command: the Discord user (or the console's local user) and what they may do."""

    user_id: int
    administrator: bool = False  # Discord's administrator permission in that guild
    role_ids: tuple[int, ...] = ()


@dataclass(frozen=True)
class Card:
    """A generated tweet shown like huggingtweets' card: who, @handle, the AI label, the text(s)."""

    display_name: str
    handle: str
    texts: tuple[str, ...]
    label: str = AI_LABEL


@dataclass(frozen=True)
class Reply:
    """What a command answers: `text` is the whole message content; `card` when it is a tweet card."""

    text: str
    ephemeral: bool = False
    card: Card | None = None


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
    downloaded: Path | None = field(default=None, repr=False)


class Commands:
    """Every command of the bot; both front ends call these and show the `Reply` they get."""

    def __init__(
        self,
        cfg: Config,
        registry: PersonaRegistry,
        pool: GenerationPool,
        jobs: TrainingJobs,
        metrics: CollectorRegistry | None = None,
    ) -> None:
        self.cfg = cfg
        self.registry = registry
        self.pool = pool
        self.jobs = jobs
        self._last_imitate: dict[int, float] = {}
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
            log.info("/%s refused: %s", command, exc)
            return Reply(clip(f"⚠️ {exc}", DISCORD_LIMIT), ephemeral=True)  # it may echo user input
        self.count(command, "internal")
        log.error("/%s failed", command, exc_info=exc)
        return Reply("⚠️ Something went wrong on our side; the error has been logged.", ephemeral=True)

    def is_admin(self, caller: Caller) -> bool:
        d = self.cfg.discord
        return (caller.administrator or caller.user_id in d.admin_user_ids
                or any(role in d.admin_role_ids for role in caller.role_ids))

    def _require_admin(self, caller: Caller) -> None:
        if not self.is_admin(caller):
            raise PermissionDenied("Only administrators can do that.")

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
    ) -> ImitateRequest:
        """Check an /imitate at once (arguments, persona, cooldown); raises BotError."""
        prompt = (prompt or "").strip()
        count = 1 if count is None else count
        validate_request(self.cfg.generation, prompt=prompt, count=count, max_new_tokens=None,
                         temperature=temperature, top_p=None, seed=seed)
        meta = self._persona(persona.strip())
        now = time.monotonic()
        wait = self._last_imitate.get(caller.user_id, -1e9) + self.cfg.discord.cooldown_s - now
        if wait > 0:
            raise Cooldown(wait)
        if len(self._last_imitate) > 10_000:  # forget users whose cooldown is long over
            horizon = now - self.cfg.discord.cooldown_s
            self._last_imitate = {u: t for u, t in self._last_imitate.items() if t > horizon}
        self._last_imitate[caller.user_id] = now
        return ImitateRequest(persona.strip(), prompt, count, temperature, seed, meta)

    async def imitate(self, req: ImitateRequest) -> Reply:
        """Generate and format the tweet card; raises BotError (busy pool, timeout, ...)."""
        texts = await self.pool.generate(
            req.persona, req.prompt, count=req.count, temperature=req.temperature, seed=req.seed)
        self.count("imitate", "ok")
        return tweet_card(req.meta, [neutralise_mentions(t) for t in texts])

    def autocomplete(self, current: str) -> list[str]:
        """Persona names for the autocomplete, at most 25, best matches first."""
        return self.registry.complete(current, limit=AUTOCOMPLETE_LIMIT)[:AUTOCOMPLETE_LIMIT]

    # --- /persona list, info ------------------------------------------------------------------------

    def persona_list(self) -> Reply:
        names = self.registry.names()
        self.count("persona list", "ok")
        if not names:
            return Reply("No personas yet. An admin can add one with `/persona add name archive`.")
        lines = [f"**{len(names)} persona{'s' if len(names) != 1 else ''}**"]
        for name in names:
            entry = self.registry.get(name)
            if entry is not None:
                lines.append(f"• `{name}`: {shown_name(entry.meta)} ({entry.meta.handle_text})")
        return Reply(clip_lines(lines, DISCORD_LIMIT))

    def persona_info(self, name: str) -> Reply:
        meta = self._persona(name.strip())
        self.count("persona info", "ok")
        return Reply(clip(persona_info_text(meta), DISCORD_LIMIT))

    # --- /persona add --------------------------------------------------------------------------------

    def prepare_add(self, caller: Caller, name: str, archive: Archive, base: str | None = None) -> AddRequest:
        """Check a /persona add before anything is downloaded or started; raises BotError."""
        self._require_admin(caller)
        name = name.strip()
        base = (base or "").strip() or None
        if base is not None and not _BASE.fullmatch(base):
            raise InvalidRequest(f"'{clip(base, 60)}' is not a base model: give a hub id (gpt2), a folder "
                                 "or 'tiny'.")
        if not is_valid_persona_name(name):
            raise InvalidRequest(
                f"'{clip(name, 40)}' is not a valid persona name: use the handle, 1-15 letters, digits or _ "
                "(handles joined by - for a blend).")
        if self.jobs.busy_with(name):
            raise InvalidRequest(f"A training for '{name}' is already queued or running.")
        limit = self.cfg.discord.max_attachment_bytes
        if archive.size is not None and archive.size > limit:
            raise InvalidRequest(f"The archive is too large: {mb(archive.size)}, at most {mb(limit)}.")
        if archive.path is not None:
            if not archive.path.exists():
                raise InvalidRequest(f"No such file or folder: {archive.path}")
            if archive.path.is_dir():
                return AddRequest(name, archive, self.registry.get(name) is not None, base)
        if not archive.filename.lower().endswith(ARCHIVE_SUFFIXES):
            raise InvalidRequest(
                f"Unknown archive format '{clip(archive.filename, 60)}': send an X archive .zip, "
                f"its tweets.js, or a tweet file ({', '.join(ARCHIVE_SUFFIXES)}).")
        return AddRequest(name, archive, self.registry.get(name) is not None, base)

    async def persona_add(self, req: AddRequest) -> AsyncIterator[Reply]:
        """Download, check, queue and train; yields progress replies, then the result (always last).

        A refused archive ends in an ephemeral reply, a failed training in a public one saying why
        (the training's one-line error). `models/` only changes by training's atomic swap on success.
        """
        result = Reply("⚠️ The training ended without a result.", ephemeral=True)
        try:
            data = await self._fetch_archive(req)
            job = self.jobs.submit(req.name, data, req.base)
            last_shown = 0.0
            async for event in job.events():
                if event.final:
                    result = await self._finish_add(req, event)
                    break
                now = time.monotonic()
                if event.kind in ("queued", "started", "warning") or now - last_shown >= PROGRESS_EVERY_S:
                    last_shown = now
                    yield Reply(progress_text(req.name, event))
        except Exception as exc:  # whatever it is, the user gets an answer (an internal one is logged)
            result = self.error_reply("persona add", exc)
        finally:
            if req.downloaded is not None:  # gone before the result is shown
                await asyncio.to_thread(shutil.rmtree, req.downloaded.parent, True)
                req.downloaded = None
        yield result

    async def _finish_add(self, req: AddRequest, event: JobEvent) -> Reply:
        if event.kind == "done":
            await self.pool.refresh()
            self.count("persona add", "ok")
            return added_reply(self.registry.get(req.name), req, event.data)
        self.count("persona add", "training_failed")
        log.warning("training %s failed: %s", req.name, event.message)
        return Reply(f"❌ Training `{req.name}` failed: {clip(event.message, 1500)}")

    async def _fetch_archive(self, req: AddRequest) -> Path:
        """The archive as a local path: a console path as is, an attachment downloaded into state_dir."""
        archive = req.archive
        if archive.path is not None:
            if archive.path.is_file():
                await asyncio.to_thread(check_archive_content, archive.path)
            return archive.path
        assert archive.url is not None
        req.downloaded = await download(
            archive.url, archive.filename, self.cfg.paths.state_dir / DOWNLOADS,
            self.cfg.discord.max_attachment_bytes)
        await asyncio.to_thread(check_archive_content, req.downloaded)
        return req.downloaded

    # --- /persona remove, /help ----------------------------------------------------------------------

    def prepare_remove(self, caller: Caller, name: str) -> RemoveRequest:
        """Check a /persona remove at once (admin, persona exists, not being trained); raises BotError."""
        self._require_admin(caller)
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
        self.count("persona remove", "ok")
        return Reply(f"🗑️ Removed `{req.name}` ({shown_name(req.meta)} {req.meta.handle_text}).")

    def help(self) -> Reply:
        g = self.cfg.generation
        self.count("help", "ok")
        text = HELP.format(max_count=g.max_count, min_t=g.min_temperature, max_t=g.max_temperature,
                           max_mb=round(self.cfg.discord.max_attachment_bytes / 1e6, 1))
        return Reply(text, ephemeral=True)


# --- formatting --------------------------------------------------------------------------------------

def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


def clip_lines(lines: list[str], limit: int) -> str:
    """Join lines, dropping the tail (with a note) rather than cutting a line in half."""
    out: list[str] = []
    used = 0
    for i, line in enumerate(lines):
        if used + len(line) + 1 + 24 > limit:  # 24: room for the note
            out.append(f"… and {len(lines) - i} more")
            break
        out.append(line)
        used += len(line) + 1
    return "\n".join(out)


_MARKDOWN = re.compile(r"([\\*_`~|\[\]])")


def escape_markdown(text: str) -> str:
    """Backslash before each character Discord reads as Markdown (bold, italics, code, spoilers, links)."""
    return _MARKDOWN.sub(r"\\\1", text)


def shown_name(meta: PersonaMeta) -> str:
    """A display name as shown in a message: it comes from an uploaded manifest, so it may not ping
    anyone, format the message or break it over lines."""
    return escape_markdown(neutralise_mentions(" ".join(meta.display_name.split())))


def card_header(meta: PersonaMeta) -> str:
    return f"**{shown_name(meta)}** {meta.handle_text} · {AI_LABEL}"


def tweet_card(meta: PersonaMeta, texts: list[str]) -> Reply:
    """The huggingtweets-style card, the whole message within Discord's 2,000 characters."""
    header = card_header(meta)
    texts = [t.strip() or "…" for t in texts]
    room = (DISCORD_LIMIT - len(header) - 4 * len(texts)) // max(1, len(texts))
    texts = [clip(t, room) for t in texts]
    body = "\n\n".join("> " + t.replace("\n", "\n> ") for t in texts)
    card = Card(meta.display_name, meta.handle_text, tuple(texts))
    return Reply(f"{header}\n{body}", card=card)


def persona_info_text(meta: PersonaMeta) -> str:
    rows: list[tuple[str, ...]] = [("Data", *(f"@{h.handle}" for h in meta.handles))]
    # training's rows, one column per handle; a label a handle lacks shows 0, the total stays last.
    tables = [h.data.rows() for h in meta.handles]
    columns = [dict(t) for t in tables]
    labels = [*dict.fromkeys(label for t in tables for label, _ in t[:-1]), tables[0][-1][0]]
    rows += [(label, *(str(col.get(label, 0)) for col in columns)) for label in labels]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    m = meta.metrics
    return (
        f"**{shown_name(meta)}** {meta.handle_text} (`{meta.name}`)\n"
        f"```\n{table}\n```\n"
        f"Base model: `{meta.base_model}` · trained {meta.created_at:%Y-%m-%d %H:%M} UTC\n"
        f"Validation loss {m.val_loss_before:.3f} → {m.val_loss_after:.3f} "
        f"(perplexity {m.val_ppl_before:.1f} → {m.val_ppl_after:.1f})"
    )


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
        return f"⏳ Training `{name}`: ⚠️ {clip(event.message, 300)}"
    return f"⏳ Training `{name}`: {clip(event.message or event.phase, 300)}"


def added_reply(entry, req: AddRequest, done: dict) -> Reply:
    verb = "Retrained" if req.replacing else "Added"
    if entry is None:  # trained, but the registry does not list it (should not happen)
        return Reply(f"✅ {verb} `{req.name}`.")
    meta = entry.meta
    seconds = done.get("seconds")
    took = f" in {seconds:.0f}s" if isinstance(seconds, (int, float)) else ""
    info = clip(persona_info_text(meta), 1800)
    return Reply(f"✅ {verb} `{req.name}`{took}: try `/imitate {req.name}`.\n{info}")


# --- archives ---------------------------------------------------------------------------------------

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_BASE = re.compile(r"[A-Za-z0-9._/~-]{1,200}")  # a hub id, a path or 'tiny'; no spaces, no options


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


def check_archive_content(path: Path) -> None:
    """Refuse a file whose content does not match its kind: a .zip must be a zip, anything else text."""
    if path.suffix.lower() == ".zip":
        if not zipfile.is_zipfile(path):
            raise InvalidRequest(f"'{path.name}' is not a valid zip archive.")
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
    from bot.personas import PersonaRegistry
    from bot.pool import GenerationPool
    from bot.training_jobs import TrainingJobs

    models_dir = cfg.paths.models_dir
    await asyncio.to_thread(clean_leftovers, models_dir, cfg.paths.state_dir / DOWNLOADS)
    registry = PersonaRegistry(models_dir)
    pool = GenerationPool(registry, cfg.pool, cfg.generation, metrics)
    jobs = TrainingJobs(models_dir, config_path, cfg.discord.training_timeout_s)
    await pool.start()
    try:
        yield Commands(cfg, registry, pool, jobs, metrics)
    finally:
        await jobs.close()
        await pool.close()


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
