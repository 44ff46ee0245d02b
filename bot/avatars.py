"""Persona pictures over HTTP, for Discord to fetch as a webhook message's `avatar_url`.

A persona's picture is `meta.avatar` in persona.json (`training.checkpoint.AvatarInfo`: `file`,
`sha256`, `content_type`), a file in the persona's folder. Discord caches images by URL, so the URL
carries the picture's version: `/avatars/<persona>/<sha12>.<ext>` (the first 12 hex digits of its
sha256, the file's extension). A changed picture gets a new URL, and the old one answers 404, so each
URL is served as immutable.

Nothing from the request becomes a path: the persona is looked up in the registry by a validated name,
the file name comes from persona.json (validated by `AvatarInfo`), and the file must resolve to
a regular file inside the persona's folder whose bytes match the recorded sha256.

Pictures once read and checked are kept in memory (`AvatarCache`: least recently used first out,
bounded in bytes and in count), keyed by the persona, the recorded sha256 and file name, and the
file's identity (device, inode, size, mtime): a repeat request costs one `stat` (off the event loop)
and reads and hashes nothing; a picture changed on disk is a new key, read and checked again. Requests
arriving together for a picture not yet kept share one read.

A persona removed or forgotten: its URL answers 404 as soon as the registry no longer lists it (the
route looks the persona up first, and again after a read), and `AvatarCache.forget` drops every
picture of it kept in memory; a read in flight at that moment is not kept either.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import stat
from collections import OrderedDict
from pathlib import Path

from aiohttp import web

from bot.personas import PersonaEntry, PersonaRegistry
from training.checkpoint import AvatarInfo
from training.names import is_valid_persona_name

log = logging.getLogger(__name__)

_REQUEST_RE = re.compile(r"([0-9a-f]{12})\.(png|jpg|gif|webp)")
# Far above any profile picture (training stores at most 8 MB); a bigger file is not served, so one
# request can never pull a huge file into memory.
MAX_AVATAR_BYTES = 10 * 1024 * 1024
CACHE_CONTROL = "public, max-age=31536000, immutable"  # the URL changes with the picture
ROUTE = "/avatars/{persona}/{file}"
CACHE_BYTES = 64 * 1024 * 1024  # a few dozen profile pictures
CACHE_ENTRIES = 256

# (persona, sha256, file name) as persona.json records it, and the file's (dev, inode, size, mtime_ns)
CacheKey = tuple[str, str, str, tuple[int, int, int, int]]


class AvatarCache:
    """Checked picture bytes by version, least recently used evicted first, within `max_bytes` and
    `max_entries` (a picture bigger than `max_bytes` is served but not kept). Used on the event loop
    only, so it needs no lock."""

    def __init__(self, max_bytes: int = CACHE_BYTES, max_entries: int = CACHE_ENTRIES) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.bytes = 0
        self._items: OrderedDict[CacheKey, bytes] = OrderedDict()
        # persona -> times forgotten: a read that began before a forget is not kept after it
        self._forgotten: dict[str, int] = {}

    def __len__(self) -> int:
        return len(self._items)

    def __contains__(self, key: CacheKey) -> bool:
        return key in self._items

    def get(self, key: CacheKey) -> bytes | None:
        body = self._items.get(key)
        if body is not None:
            self._items.move_to_end(key)
        return body

    def forget(self, persona: str) -> int:
        """Drop every picture of `persona` (removed or forgotten: every version of it, the key's first
        part); returns the bytes dropped. A read begun before this is not kept (`generation`)."""
        self._forgotten[persona] = self._forgotten.get(persona, 0) + 1
        dropped = 0
        for key in [k for k in self._items if k[0] == persona]:
            dropped += len(self._items.pop(key))
        self.bytes -= dropped
        return dropped

    def holds(self, persona: str) -> int:
        """How many pictures of `persona` are kept (for tests and /persona forget's report)."""
        return sum(1 for k in self._items if k[0] == persona)

    def generation(self, persona: str) -> int:
        """Changes each time `persona` is forgotten: a reader compares it before and after its read."""
        return self._forgotten.get(persona, 0)

    def put(self, key: CacheKey, body: bytes) -> None:
        if len(body) > self.max_bytes:
            return
        old = self._items.pop(key, None)
        self.bytes -= 0 if old is None else len(old)
        self._items[key] = body
        self.bytes += len(body)
        while self.bytes > self.max_bytes or len(self._items) > self.max_entries:
            _, evicted = self._items.popitem(last=False)
            self.bytes -= len(evicted)


def avatar_of(entry: PersonaEntry) -> AvatarInfo | None:
    """The picture persona.json records (validated by `AvatarInfo`: a plain file name, a sha256, an
    image type), or None; no disk access."""
    return entry.meta.avatar


def _version(avatar: AvatarInfo) -> tuple[str, str]:
    """(sha12, ext): what the picture's URL names."""
    return avatar.sha256[:12], avatar.file.rsplit(".", 1)[1]


def _checked_file(entry: PersonaEntry, avatar: AvatarInfo) -> Path | None:
    """The picture's real path: an existing regular file inside the persona's folder (a symlink may
    point within the folder, never out of it). Blocking."""
    try:
        folder = entry.path.resolve(strict=True)
        path = (entry.path / avatar.file).resolve(strict=True)
        if not path.is_relative_to(folder) or path == folder or not path.is_file():
            return None
    except (OSError, RuntimeError):  # missing, unreadable, or a symlink loop
        return None
    return path


def picture_path(entry: PersonaEntry) -> Path | None:
    """Where the persona's picture is, as persona.json records it (no disk access: whoever opens it
    does so off the event loop and copes with it missing)."""
    avatar = avatar_of(entry)
    return None if avatar is None else entry.path / avatar.file


def avatar_file(entry: PersonaEntry) -> Path | None:
    """The picture's file when the persona has one that exists (blocking: call it off the event loop)."""
    avatar = avatar_of(entry)
    return None if avatar is None else _checked_file(entry, avatar)


def avatar_route_path(entry: PersonaEntry) -> str | None:
    """`/avatars/<persona>/<sha12>.<ext>` for the persona's current picture, None without one. Reads
    only persona.json's record (no disk access, fine on the event loop); the handler checks the file."""
    avatar = avatar_of(entry)
    if avatar is None or not is_valid_persona_name(entry.name):
        return None
    sha12, ext = _version(avatar)
    return f"/avatars/{entry.name}/{sha12}.{ext}"


def avatar_url(public_base_url: str | None, entry: PersonaEntry) -> str | None:
    """The picture's public URL: `public_base_url` (where Discord reaches this server) + its path;
    None without either."""
    if not public_base_url:
        return None
    path = avatar_route_path(entry)
    return None if path is None else public_base_url.rstrip("/") + path


def _identity(st: os.stat_result) -> tuple[int, int, int, int]:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _key(entry: PersonaEntry, avatar: AvatarInfo) -> CacheKey | None:
    """The cache key of the picture as it is on disk now (a `stat`, nothing read), None when the file
    does not pass the checks. Blocking."""
    path = _checked_file(entry, avatar)
    if path is None:
        return None
    try:
        st = os.stat(path, follow_symlinks=False)
    except OSError:
        return None
    return (entry.name, avatar.sha256, avatar.file, _identity(st))


def _read(entry: PersonaEntry, avatar: AvatarInfo) -> tuple[CacheKey, bytes] | None:
    """The picture's bytes and the key of the very file read, when it passes the checks and matches
    its recorded sha256. Blocking."""
    path = _checked_file(entry, avatar)
    if path is None:
        return None
    try:
        # O_NOFOLLOW: the resolved path has no links, so a link swapped in since is refused, not followed.
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError:
        return None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_AVATAR_BYTES:
            return None
        body = f.read(MAX_AVATAR_BYTES + 1)
        key: CacheKey = (entry.name, avatar.sha256, avatar.file, _identity(st))
    if len(body) > MAX_AVATAR_BYTES:
        return None
    # The URL is cached forever: serve only the bytes it names (a mismatch is a broken persona folder).
    if hashlib.sha256(body).hexdigest() != avatar.sha256:
        log.warning("avatar of %s: %s does not match the sha256 in persona.json; not served",
                    entry.name, avatar.file)
        return None
    return key, body


def avatar_routes(registry: PersonaRegistry, cache: AvatarCache | None = None) -> list[web.RouteDef]:
    """The aiohttp routes serving persona pictures (GET and HEAD), for `HealthServer(routes=...)`;
    the pictures read are kept in `cache` (a new `AvatarCache` when None)."""
    not_found = web.HTTPNotFound  # one answer for every miss: nothing tells a probe why
    kept = AvatarCache() if cache is None else cache
    reading: dict[CacheKey, asyncio.Task[tuple[CacheKey, bytes] | None]] = {}

    def current(name: str, generation: int) -> bool:
        """Not forgotten or removed since `generation` was read: what was read may be kept and served."""
        return kept.generation(name) == generation and registry.get(name) is not None

    async def read(key: CacheKey, entry: PersonaEntry, avatar: AvatarInfo,
                   generation: int) -> tuple[CacheKey, bytes] | None:
        """Read and hash the picture off the event loop; keep it, then stop being the read in progress,
        with no await between: a later request finds the picture or this read, never neither."""
        try:
            found = await asyncio.to_thread(_read, entry, avatar)
            if found is not None and current(entry.name, generation):
                kept.put(*found)  # the key of the file read (it may have changed since the stat)
            return found
        finally:
            reading.pop(key, None)

    async def picture(entry: PersonaEntry, avatar: AvatarInfo) -> bytes | None:
        generation = kept.generation(entry.name)
        # The disk is looked at off the event loop: a stat for the key, and on a miss the read and hash.
        key = await asyncio.to_thread(_key, entry, avatar)
        if key is None:
            return None
        body = kept.get(key)
        if body is not None:
            return body
        task = reading.get(key)
        if task is None:  # the first request for it: later ones wait for the same read
            task = reading[key] = asyncio.create_task(read(key, entry, avatar, generation))
        found = await asyncio.shield(task)  # a request going away does not cancel the others' read
        if found is None or not current(entry.name, generation):
            return None  # forgotten or removed while it was read: neither kept nor served
        return found[1]

    async def serve(request: web.Request) -> web.Response:
        name, wanted = request.match_info["persona"], request.match_info["file"]
        match = _REQUEST_RE.fullmatch(wanted)
        if not is_valid_persona_name(name) or match is None:
            raise not_found()
        entry = registry.get(name)
        avatar = None if entry is None else avatar_of(entry)
        if entry is None or avatar is None or _version(avatar) != (match[1], match[2]):
            raise not_found()  # unknown persona, no picture, or an old version of it
        body = await picture(entry, avatar)
        if body is None or registry.get(name) is None:  # gone while its picture was looked at
            raise not_found()
        return web.Response(body=body, headers={
            "Content-Type": avatar.content_type,
            "Cache-Control": CACHE_CONTROL,
            "X-Content-Type-Options": "nosniff",
        })

    return [web.get(ROUTE, serve)]
