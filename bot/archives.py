"""The files users hand the bot (/persona add's archive, /persona avatar's picture), before training
or `set_avatar` reads them: downloading an attachment (`download`), reading a local file with a cap
(`read_capped`), checking that a file's content matches its kind (`check_archive_content`, the tar
header by hand: `is_tar_header`), and removing what a killed bot left behind (`clean_leftovers`).

Attachments are never parsed in the bot process: only a zip's directory and the first block of the
other kinds are read here; training checks each format through in its own child process.
"""

from __future__ import annotations

import asyncio
import codecs
import os
import re
import shutil
import uuid
import zipfile
from pathlib import Path

import aiohttp

from bot.errors import InvalidRequest
from training.atomic import fsync_dir
from training.checkpoint import recover_interrupted
from training.formats.bluesky import is_car

# What `python -m training` reads: X or Mastodon archives (.zip, .tar.gz), tweets.js, a Mastodon
# outbox.json, a Bluesky .car, a DiscordChatExporter .json, condensed JSON, JSONL, CSV, plain text.
ARCHIVE_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".car", ".js", ".json", ".jsonl", ".ndjson", ".csv",
                    ".txt")
BINARY_SUFFIXES = (".zip", ".tar.gz", ".tgz", ".tar", ".car")

_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")


def mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB"


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
