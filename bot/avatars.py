"""Persona pictures over HTTP, for Discord to fetch as a webhook message's `avatar_url`.

A persona's picture is `meta.avatar` in persona.json (`training.checkpoint.AvatarInfo`: `file`,
`sha256`, `content_type`), a file in the persona's folder. Discord caches images by URL, so the URL
carries the picture's version: `/avatars/<persona>/<sha12>.<ext>` (the first 12 hex digits of its
sha256, the file's extension). A changed picture gets a new URL, and the old one answers 404, so each
URL is served as immutable.

Nothing from the request becomes a path: the persona is looked up in the registry by a validated name,
the file name comes from persona.json (validated by `AvatarInfo`), and the file must resolve to
a regular file inside the persona's folder whose bytes match the recorded sha256.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import os
import re
import stat
from pathlib import Path

from aiohttp import web

from bot.personas import PersonaEntry, PersonaRegistry
from training.checkpoint import AvatarInfo, is_valid_persona_name

log = logging.getLogger(__name__)

_REQUEST_RE = re.compile(r"([0-9a-f]{12})\.(png|jpg|gif|webp)")
# Far above any profile picture (training stores at most 8 MB); a bigger file is not served, so one
# request can never pull a huge file into memory.
MAX_AVATAR_BYTES = 10 * 1024 * 1024
CACHE_CONTROL = "public, max-age=31536000, immutable"  # the URL changes with the picture
ROUTE = "/avatars/{persona}/{file}"


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


def _read(entry: PersonaEntry, avatar: AvatarInfo) -> bytes | None:
    """The picture's bytes, when the file passes the checks and matches its recorded sha256. Blocking."""
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
    if len(body) > MAX_AVATAR_BYTES:
        return None
    # The URL is cached forever: serve only the bytes it names (a mismatch is a broken persona folder).
    if hashlib.sha256(body).hexdigest() != avatar.sha256:
        log.warning("avatar of %s: %s does not match the sha256 in persona.json; not served",
                    entry.name, avatar.file)
        return None
    return body


def avatar_routes(registry: PersonaRegistry) -> list[web.RouteDef]:
    """The aiohttp routes serving persona pictures (GET and HEAD), for `HealthServer(routes=...)`."""
    not_found = web.HTTPNotFound  # one answer for every miss: nothing tells a probe why

    async def serve(request: web.Request) -> web.Response:
        name, wanted = request.match_info["persona"], request.match_info["file"]
        match = _REQUEST_RE.fullmatch(wanted)
        if not is_valid_persona_name(name) or match is None:
            raise not_found()
        entry = registry.get(name)
        avatar = None if entry is None else avatar_of(entry)
        if entry is None or avatar is None or _version(avatar) != (match[1], match[2]):
            raise not_found()  # unknown persona, no picture, or an old version of it
        body = await asyncio.to_thread(_read, entry, avatar)
        if body is None:
            raise not_found()
        return web.Response(body=body, headers={
            "Content-Type": avatar.content_type,
            "Cache-Control": CACHE_CONTROL,
            "X-Content-Type-Options": "nosniff",
        })

    return [web.get(ROUTE, serve)]
