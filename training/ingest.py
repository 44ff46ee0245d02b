"""Which export a path is, and the reader that reads it: `read_source`, the one entry to `training/formats/`.

Accepted: an X archive (whole `.zip`, unpacked folder, or the tweets `.js` file alone), a Mastodon
archive (`.zip`, `.tar.gz`, folder, `outbox.json`), a Bluesky repository (`.car`), a Discord data
package (`.zip` or folder), a DiscordChatExporter JSON export, the Trump Twitter Archive "condensed"
JSON list, CSV with a `text`/`full_text` column, JSONL, and plain text with one tweet per line. The
content decides (the suffix only where the content cannot say); each format's reader is a module of
`training/formats/`, and what they share (`Record`, `Source`, `DataError`) is `training/records.py`.
"""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from training.formats import activitypub, bluesky, discord_chat, discord_package, mastodon, x_archive
from training.formats.tweet_files import parse_file
from training.records import SUFFIXES, DataError, Source, quoted


def read_source(path: Path, max_bytes: int, author: str | None = None,
                servers: list[str] | None = None) -> Source:
    """Read one export of any accepted format, told apart by its content (the suffix only where the
    content cannot say); `max_bytes` caps the posts' uncompressed size; `author` picks the person in a
    Discord chat export (required when it holds several); `servers` keeps only these servers' channels
    of a Discord data package."""
    if not path.exists():
        raise DataError(f"{quoted(path)}: no such file or directory")
    if path.is_dir():
        if discord_package.is_package_folder(path):
            return discord_package.read_package(path, max_bytes, servers)
        if _holds_outbox(path):
            return mastodon.read_mastodon(path, max_bytes)
        return x_archive.read_folder(path, max_bytes)
    with open(path, "rb") as fh:
        head = fh.read(512)
    if zipfile.is_zipfile(path):
        if _zip_is_discord_package(path):
            return discord_package.read_package(path, max_bytes, servers)
        if _zip_holds_outbox(path):
            return mastodon.read_mastodon(path, max_bytes)
        return x_archive.read_zip(path, max_bytes)
    if path.suffix.lower() == ".zip":
        return x_archive.read_zip(path, max_bytes)  # not a zip after all: its one-line error says so
    if _is_tar(path, head):
        return mastodon.read_mastodon(path, max_bytes)
    if bluesky.is_car(head) or path.suffix.lower() == ".car":
        return bluesky.read_car(path, max_bytes)
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(f"{quoted(path)}: {size:,} bytes, over the limit of {max_bytes:,} "
                        "([training] max_tweets_bytes)")
    raw = path.read_bytes()
    data = _one_json_object(raw) if path.suffix.lower() not in (".jsonl", ".ndjson") else None
    if data is not None:  # a JSON object: a Mastodon outbox, a Discord chat, or nothing this reads
        if activitypub.looks_like_outbox(data):
            return mastodon.read_mastodon(path, max_bytes)
        if discord_chat.looks_like_discord_export(data):
            return discord_chat.read_discord_export(path, raw, author)
        if path.suffix.lower() == ".json":  # (without the suffix: maybe one line of JSON lines)
            raise DataError(f"{quoted(path)}: a JSON object that is no export this reads (expected "
                            f"{SUFFIXES})")
    records = parse_file(path, path.name, raw)
    if not records:
        raise DataError(f"{quoted(path)}: no tweets in this file")
    return Source(path, records, kind="text")


def _one_json_object(raw: bytes) -> dict | None:
    """The file as one JSON object, or None (a list, JSON lines, not JSON: other readers decide)."""
    if not raw.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"{"):
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        return None
    return data if isinstance(data, dict) else None


def _holds_outbox(folder: Path) -> bool:
    """An unpacked Mastodon archive: outbox.json at the top or in its one folder (never X's data/)."""
    if (folder / "outbox.json").is_file():
        return True
    inner = [p for p in folder.iterdir() if p.is_dir()] if not (folder / "data").is_dir() else []
    return len(inner) == 1 and (inner[0] / "outbox.json").is_file()


def _zip_holds_outbox(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return any(n.rsplit("/", 1)[-1] == "outbox.json" and n.count("/") <= 1 for n in zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return False  # the X reader says what is wrong with it


def _zip_is_discord_package(path: Path) -> bool:
    try:
        with zipfile.ZipFile(path) as zf:
            return discord_package.is_package_zip(zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return False  # the X reader says what is wrong with it


def _is_tar(path: Path, head: bytes) -> bool:
    """A tar, gzipped or not (older Mastodon servers' archives)."""
    name = path.name.lower()
    return (head[:2] == b"\x1f\x8b" or name.endswith((".tar", ".tar.gz", ".tgz"))
            or head[257:262] == b"ustar")
