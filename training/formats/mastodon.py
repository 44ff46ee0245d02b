"""Mastodon account archives: the person's posts from `outbox.json`, names and picture from `actor.json`.

A Mastodon user downloads the archive from their server's web interface: Preferences → Import and export
→ Request your archive (a `.zip`; older servers gave a `.tar.gz`). It holds `outbox.json`, an
ActivityStreams OrderedCollection whose `orderedItems` are the account's activities: `Create` of a `Note`
(a post) or a `Question` (a poll), and `Announce` (a boost, naming the boosted post by its URL); next to
it `actor.json` (the account: `preferredUsername`, `name`, `icon.url` naming `avatar.<ext>`), the
picture itself, and the media, which are never read.

Accepted: the archive as downloaded, the unpacked folder (outbox.json at its root or under one top
folder), or `outbox.json` alone. Members are read in memory, never extracted, and only the three small
files needed; the archive is refused whole when a member name escapes its folder, and a tar when it holds
a link or a special file, or what `formats/safetar.py` refuses before `tarfile` parses it (hostile pax
headers, sparse files, listing past a budget of decompressed bytes). `outbox.json` is capped at
`max_bytes` by its declared and its actual size; a post's HTML over `MAX_POST_HTML` is counted as too
long and never parsed, and what is under it is parsed in linear time.

Each item becomes one `Record`: a boost `retweet=True` with no text; a post its text (the HTML content
as plain text, the content warning left out; a poll's option names follow its question, one a line),
`reply=True` when it answers a post, and `private=True` when followers-only or direct (only public and
unlisted posts are trained on). Other activities are skipped and not counted, as are items of the wrong
shape. Every problem with the posts is a `DataError` whose message is one line naming the path; the
profile (names, picture) only adds to a persona: its problems never fail a read. The ActivityStreams
vocabulary (the outbox, a post's audience) is `activitypub.py`, the HTML as text `html_text.py`.
"""

from __future__ import annotations

import json
import lzma
import re
import tarfile
import zipfile
import zlib
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from training.avatar import MAX_AVATAR_BYTES
from training.formats import safetar
from training.formats.activitypub import outbox_items, visibility
from training.formats.html_text import html_to_text
from training.names import is_valid_handle, normalise_display_name
from training.records import (
    DataError,
    Reader,
    Record,
    Source,
    Unusable,
    folder_reader,
    read_capped,
    safe_member,
    shown_member,
)

OUTBOX = "outbox.json"
ACTOR = "actor.json"
ACTOR_MAX_BYTES = 1_000_000  # real ones are a few kB (names, bio, public key)
# A tar's member list is read whole before anything else: bound it (real archives hold one file per
# picture or video, thousands at most).
MAX_TAR_MEMBERS = 500_000
POST_TYPES = ("Note", "Question")
# A post's HTML over this is counted as too long and never parsed. Mastodon allows 500 characters by
# default (some servers a few thousand), which its HTML (links, mentions) makes a few times longer.
MAX_POST_HTML = 100_000
_AVATAR_NAME_RE = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,199}")  # a bare file name, no path in it
# What a damaged zip or (compressed) tar raises while being listed or read; gzip.BadGzipFile is an OSError.
_CORRUPT = (zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, lzma.LZMAError, OSError)
_TAR_SUFFIXES = (".tar", ".tar.gz", ".tgz", ".tar.bz2", ".tbz2", ".tar.xz", ".txz")
# Listing a compressed tar decompresses every member to skip it: beyond the files read (at their
# limits), the rest may take this many times the archive's size (media hardly compress; JSON ~10x).
TAR_RATIO = 20


def read_mastodon(path: Path, max_bytes: int) -> Source:
    """Read a Mastodon archive (.zip, .tar.gz/.tgz/.tar, the unpacked folder, or outbox.json alone);
    `max_bytes` caps outbox.json's uncompressed size. A file named outbox.json is read with the
    actor.json and picture beside it, when there; a .json file of another name is the posts alone."""
    if not path.exists():
        raise DataError(f"{path}: no such file or directory")
    try:
        if path.is_dir():
            return _read_folder(path, max_bytes)
        name = path.name.lower()
        if name.endswith(".zip"):
            return _read_zip(path, max_bytes)
        if name.endswith(_TAR_SUFFIXES):
            return _read_tar(path, max_bytes)
        if not name.endswith(".json"):  # a download renamed: its content says what it is
            if zipfile.is_zipfile(path):
                return _read_zip(path, max_bytes)
            if _is_tar(path):
                return _read_tar(path, max_bytes)
        return _read_outbox_file(path, max_bytes)
    except (zipfile.BadZipFile, tarfile.TarError, EOFError, zlib.error, lzma.LZMAError) as exc:
        raise DataError(f"{path}: corrupt or truncated archive ({_one_line(exc)})") from None
    except NotImplementedError as exc:  # a zip member's compression method Python lacks
        raise DataError(f"{path}: unreadable archive ({_one_line(exc)})") from None
    except OSError as exc:  # gzip.BadGzipFile, or the file itself unreadable
        raise DataError(f"{path}: unreadable or corrupt ({_one_line(exc)})") from None


# --- outbox.json: activities to records ---------------------------------------------------------


def parse_outbox(path: Path, raw: bytes) -> list[Record]:
    """The records of outbox.json's bytes (`path` names it in errors); DataError when it is no outbox."""
    return records_from_items(outbox_items(path, raw))


def records_from_items(items: Iterable[Any]) -> list[Record]:
    """One record per Create of a Note or Question and per Announce; anything else is skipped."""
    return [r for r in (_record(i) for i in items if isinstance(i, dict)) if r is not None]


def _record(activity: dict[str, Any]) -> Record | None:
    kind = activity.get("type")
    if kind == "Announce":
        # A boost names someone's post by URL (some servers embed it): counted, never its text.
        return Record("", retweet=True) if isinstance(activity.get("object"), str | dict) else None
    post = activity.get("object")
    if kind != "Create" or not isinstance(post, dict) or post.get("type") not in POST_TYPES:
        return None
    private = visibility(post, activity) in ("followers", "direct")
    reply = bool(post.get("inReplyTo"))
    if len(_content(post)) > MAX_POST_HTML:  # counted as too long, never parsed
        return Record("", reply=reply, private=private, too_long=True)
    return Record(post_text(post), reply=reply, private=private)


def post_text(post: dict[str, Any]) -> str:
    """A Note's or Question's words as plain text: the HTML `content` (else the first of `contentMap`),
    never the content warning (`summary`); a poll's option names follow, one a line."""
    text = html_to_text(_content(post))
    if post.get("type") == "Question":
        # The options are the person's words too (`oneOf` single choice, `anyOf` multiple choice).
        options = [o.get("name") for key in ("oneOf", "anyOf") if isinstance(post.get(key), list)
                   for o in post[key] if isinstance(o, dict)]
        names = [" ".join(n.split()) for n in options if isinstance(n, str) and n.strip()]
        text = "\n".join(([text] if text else []) + names)
    return text


def _content(post: dict[str, Any]) -> str:
    """A post's HTML: `content`, else the first of `contentMap`, else ""."""
    content = post.get("content")
    if not isinstance(content, str):
        by_language = post.get("contentMap")
        values = list(by_language.values()) if isinstance(by_language, dict) else []
        content = values[0] if values and isinstance(values[0], str) else ""
    return content


# --- actor.json: names and picture --------------------------------------------------------------


def _add_profile(source: Source, read: Reader, shown: Callable[[str], str]) -> None:
    """Names and picture from actor.json into `source`. Never raises: a picture named but unusable is
    said in `source.avatar_problem`."""
    try:
        raw = read(ACTOR, ACTOR_MAX_BYTES)
        actor = json.loads(raw.decode("utf-8-sig")) if raw is not None else None
    except (Unusable, UnicodeDecodeError, json.JSONDecodeError, RecursionError, *_CORRUPT):
        return  # names only: the posts stand without them
    if not isinstance(actor, dict):
        return
    user, name = actor.get("preferredUsername"), actor.get("name")
    name = normalise_display_name(name) if isinstance(name, str) else ""
    if not name and isinstance(user, str):
        name = normalise_display_name(user)
    source.display_name = name or None
    source.handle = user if isinstance(user, str) and is_valid_handle(user) else None
    try:
        source.avatar = _read_avatar(actor, read, shown)
    except Unusable as exc:
        source.avatar_problem = str(exc)


def _read_avatar(actor: dict[str, Any], read: Reader, shown: Callable[[str], str]) -> bytes | None:
    icon = actor.get("icon")
    if isinstance(icon, list):  # ActivityStreams allows several
        icon = next((i for i in icon if isinstance(i, dict)), None)
    url = icon.get("url") if isinstance(icon, dict) else None
    if not isinstance(url, str) or not url.strip():
        return None  # no picture set
    name = url.strip()
    if not _AVATAR_NAME_RE.fullmatch(name):  # the archive names its own file; an address is no file
        raise Unusable(f"the profile picture in {shown(ACTOR)} names no file of the archive")
    try:
        data = read(name, MAX_AVATAR_BYTES)
    except Unusable as exc:
        raise Unusable(f"the profile picture {shown(name)} {exc}") from None
    except _CORRUPT as exc:
        raise Unusable(f"the profile picture {shown(name)} is unreadable ({_one_line(exc)})") from None
    if data is None:
        raise Unusable(f"the profile picture {shown(name)} is missing")
    return data


# --- the forms an archive comes in --------------------------------------------------------------


def _finish(path: Path, outbox: bytes, read: Reader, shown: Callable[[str], str]) -> Source:
    source = Source(path, records_from_items(outbox_items(path, outbox)), kind="mastodon",
                    has_visibility=True)
    if not source.records:
        raise DataError(f"{path}: the archive holds no posts")
    _add_profile(source, read, shown)
    return source


def _over_limit(path: Path, max_bytes: int, size: int | None = None) -> DataError:
    """outbox.json over the limit: by its declared `size`, or (None) found so while reading."""
    held = "is" if size is None else f"holds {size:,} bytes,"
    return DataError(f"{path}: outbox.json {held} over the limit of {max_bytes:,} bytes "
                     "([training] max_tweets_bytes)")


def _read_capped_file(path: Path, max_bytes: int, shown: Path) -> bytes:
    size = path.stat().st_size
    if size > max_bytes:
        raise _over_limit(shown, max_bytes, size)
    with open(path, "rb") as fh:
        raw = fh.read(max_bytes + 1)
    if len(raw) > max_bytes:  # it grew since: still never more than the limit in memory
        raise _over_limit(shown, max_bytes)
    return raw


def _read_outbox_file(path: Path, max_bytes: int) -> Source:
    raw = _read_capped_file(path, max_bytes, path)
    if path.name != OUTBOX:  # a file of another name alone: no profile beside it to trust
        return _finish(path, raw, lambda name, limit: None, str)
    return _finish(path, raw, folder_reader(path.parent), str)


def _read_folder(folder: Path, max_bytes: int) -> Source:
    # outbox.json at the root, or under one top folder (an archive unpacked into a folder of its own).
    top = folder if (folder / OUTBOX).is_file() else None
    if top is None:
        tops = sorted(d for d in folder.iterdir() if d.is_dir() and (d / OUTBOX).is_file())
        top = tops[0] if tops else None
    if top is None:
        raise DataError(f"{folder}: no outbox.json in this folder (a Mastodon archive has it at its root)")
    raw = _read_capped_file(top / OUTBOX, max_bytes, folder)
    where = "" if top == folder else f"{top.name}/"
    return _finish(folder, raw, folder_reader(top), lambda name: shown_member(where + name))


def _read_zip(path: Path, max_bytes: int) -> Source:
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        for info in infos:
            if not safe_member(info.filename):
                raise DataError(f"{path}: refusing an archive whose member {shown_member(info.filename)} "
                                "escapes its folder")
        members = {_normal(i.filename): i for i in infos if not i.is_dir()}
        outbox = _find_outbox(path, members)
        info = members[outbox]
        if info.flag_bits & 0x1:  # zipfile would raise RuntimeError asking for a password
            raise DataError(f"{path}: {shown_member(outbox)} is encrypted (a password-protected zip): "
                            "unzip it and give the folder, or request the archive again")
        if info.file_size > max_bytes:
            raise _over_limit(path, max_bytes, info.file_size)
        raw = read_capped(zf.open(info), max_bytes)
        if raw is None:  # the declared size lied: never more than the limit in memory all the same
            raise _over_limit(path, max_bytes)
        top = outbox[: -len(OUTBOX)]
        read = _member_reader(members, top, lambda m: m.file_size, zf.open, lambda m: bool(m.flag_bits & 0x1))
        return _finish(path, raw, read, lambda name: shown_member(top + name))


def _is_tar(path: Path) -> bool:
    return safetar.is_tar(path)  # tarfile.is_tarfile would parse a hostile first header unguarded


def _tar_budget(path: Path, max_bytes: int) -> int:
    """The decompressed bytes a compressed tar may cost to list and read: the files read from it, at
    their limits however well they compress, and `TAR_RATIO` times the file for the rest."""
    return max_bytes + ACTOR_MAX_BYTES + MAX_AVATAR_BYTES + TAR_RATIO * path.stat().st_size


def _read_tar(path: Path, max_bytes: int) -> Source:
    try:
        with safetar.open_tar(path, _tar_budget(path, max_bytes)) as tf:
            return _read_open_tar(path, tf, max_bytes)
    except safetar.TarRefused as exc:
        raise DataError(f"{path}: refusing this tar archive: {exc}") from None


def _read_open_tar(path: Path, tf: tarfile.TarFile, max_bytes: int) -> Source:
    found: list[tarfile.TarInfo] = []
    while (member := tf.next()) is not None:  # the member list, read once (all headers are needed)
        found.append(member)
        if len(found) > MAX_TAR_MEMBERS:
            raise DataError(f"{path}: the archive holds over {MAX_TAR_MEMBERS:,} members, too many "
                            "for a Mastodon archive")
    for member in found:
        if not safe_member(member.name):
            raise DataError(f"{path}: refusing an archive whose member {shown_member(member.name)} "
                            "escapes its folder")
        if not (member.isreg() or member.isdir()):
            # Links could point anywhere and devices or fifos are no files: no real archive has them.
            kind = "link" if member.issym() or member.islnk() else "special file"
            raise DataError(f"{path}: refusing an archive holding a {kind} ({shown_member(member.name)})")
    members = {_normal(m.name): m for m in found if m.isreg()}
    outbox = _find_outbox(path, members)
    info = members[outbox]
    if info.size > max_bytes:
        raise _over_limit(path, max_bytes, info.size)
    raw = read_capped(tf.extractfile(info), max_bytes)
    if raw is None:
        raise _over_limit(path, max_bytes)
    top = outbox[: -len(OUTBOX)]
    read = _member_reader(members, top, lambda m: m.size, tf.extractfile)
    return _finish(path, raw, read, lambda name: shown_member(top + name))


def _member_reader(members: dict[str, Any], top: str, size_of: Callable[[Any], int],
                   open_member: Callable[[Any], Any],
                   locked: Callable[[Any], bool] = lambda _member: False) -> Reader:
    """A `Reader` of the files beside outbox.json in a zip or a tar (`top`: its folder there), each
    read only when its declared size fits the limit, and never past the limit whatever it declared."""
    def read(name: str, limit: int) -> bytes | None:
        member = members.get(top + name)
        if member is None:
            return None
        if locked(member):
            raise Unusable("is encrypted")
        if size_of(member) > limit:
            raise Unusable(f"is {size_of(member):,} bytes, over the limit of {limit:,}")
        try:
            data = read_capped(open_member(member), limit)
        except (*_CORRUPT, NotImplementedError) as exc:
            raise Unusable(f"is unreadable in the archive ({_one_line(exc)})") from None
        if data is None:
            raise Unusable(f"is over the limit of {limit:,} bytes")
        return data

    return read


def _find_outbox(path: Path, members: dict[str, Any]) -> str:
    """outbox.json's member name: at the root, else under one top folder (the first by name)."""
    if OUTBOX in members:
        return OUTBOX
    nested = sorted(n for n in members if n.count("/") == 1 and n.endswith("/" + OUTBOX))
    if not nested:
        raise DataError(f"{path}: no outbox.json in the archive, so not a Mastodon archive")
    return nested[0]


def _normal(name: str) -> str:
    # tar writes `./outbox.json` as often as `outbox.json`.
    while name.startswith("./"):
        name = name[2:]
    return name


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__
