"""What every reader of an export shares: the records it makes, the errors it raises, and the
helpers that read archive members safely.

A reader (`training/formats/`) turns an export into a `Source` of `Record`s (text + retweet, reply,
private and too-long flags) with the account it belongs to when the export says so. Every problem
with the posts is a `DataError` whose message is one line naming the path; a profile file (names, a
picture) that cannot be used is `Unusable`, said as a warning, never failing a read. Archive members
are read through a `Reader` capped in bytes, and a member name that escapes its folder is refused
(`safe_member`). Its own module, below the readers and the dispatcher (`training/ingest.py`) that
calls them, so that no reader imports the dispatcher back.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

# What a reader says it expected, when a file is no export it reads.
SUFFIXES = ("an X archive (.zip, folder or tweets.js), a Mastodon archive (.zip, .tar.gz, folder or "
            "outbox.json), a Bluesky repository (.car), a DiscordChatExporter .json, condensed .json, "
            ".jsonl, .csv or .txt, a Discord data package (.zip or folder)")


class DataError(Exception):
    """Bad input data: the message is one line naming the path and the problem."""


class Where(str):
    """A place already shown as `quoted` gives it (a member of a zip: `'x.zip': data/manifest.js`)."""


def quoted(path: Path | str) -> str:
    """A path as DataError messages start with it: quoted, so that a folder named like the program
    (`bot`) does not read as the program's own name."""
    return path if isinstance(path, Where) else f"'{path}'"


@dataclass
class Record:
    text: str
    retweet: bool = False  # a retweet, a Mastodon boost, a Bluesky repost: counted, never trained on
    reply: bool = False
    private: bool = False  # followers-only or direct (Mastodon), a DM (Discord): counted, never trained on
    too_long: bool = False  # over a reader's cap on one post (its text left empty): counted, never trained on
    no_text: bool = False  # a message of attachments only (Discord data package): counted in a row of its own


@dataclass
class Source:
    """What one export gives: its tweets, and the account it belongs to when the export says so."""

    path: Path
    records: list[Record] = field(default_factory=list)
    handle: str | None = None
    display_name: str | None = None
    # The archive's profile picture (unchecked bytes: the trainer checks them) and its address on X.
    avatar: bytes | None = None
    avatar_url: str | None = None
    # Why a picture the export names could not be used (one line, for a warning), else None.
    avatar_problem: str | None = None
    # The export's format ("x", "mastodon", "bluesky", "discord", "text", ...); Mastodon exports say
    # who could see each post, so their data table has a "private" row.
    kind: str = "x"
    has_visibility: bool = False
    # The account is protected now (an X archive's protected-history.js): said in the data table.
    protected: bool = False
    # A Discord data package's servers with the person's messages: (id, name, count), most first, for
    # `inspect` to list so that a person can choose with --servers.
    servers: list[tuple[str, str, int]] = field(default_factory=list)


class Unusable(Exception):
    """A profile file there but not usable: the message says why, after the file's name ("is encrypted")."""


# Reads a file of the archive's data folder by its name there ("profile.js", "profile_media/x.jpg"),
# at most the given number of bytes: None when absent; Unusable when larger, encrypted or unreadable
# (its message follows the file's name).
Reader = Callable[[str, int], bytes | None]


def folder_reader(data: Path) -> Reader:
    """A `Reader` of the files in `data` (an X archive's data folder, a Mastodon archive unpacked)."""
    def read(name: str, limit: int) -> bytes | None:
        path = data / name
        try:
            if not path.is_file():
                return None
            size = path.stat().st_size
            if size > limit:
                raise Unusable(f"is {size:,} bytes, over the limit of {limit:,}")
            with open(path, "rb") as fh:
                raw = fh.read(limit + 1)
        except OSError as exc:
            raise Unusable(f"is unreadable ({exc.strerror or exc})") from None
        if len(raw) > limit:  # it grew since: still never more than the limit in memory
            raise Unusable(f"is over the limit of {limit:,} bytes")
        return raw

    return read


def safe_member(name: str) -> bool:
    """No absolute names, no drive letters, no `..` part (with either slash): an archive member that
    stays inside its folder."""
    parts = PurePosixPath(name.replace("\\", "/")).parts
    return not name.startswith(("/", "\\")) and ".." not in parts and not re.match(r"[A-Za-z]:", name)


def shown_member(name: str) -> str:
    """An archive member's name as errors show it: escaped when odd (the archive chose it)."""
    return name if name.isprintable() else ascii(name)


def read_capped(fh: Any, limit: int) -> bytes | None:
    """At most limit + 1 bytes of an open member: its bytes, or None when it holds more than `limit`."""
    if fh is None:
        return None
    with fh:
        raw = fh.read(limit + 1)
    return None if len(raw) > limit else raw
