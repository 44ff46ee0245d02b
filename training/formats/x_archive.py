"""X (Twitter) archives: the whole `.zip` as downloaded, or its unpacked folder.

The tweets are in `data/tweets.js` (older archives: `data/tweet.js`; large ones split into
`data/tweets-part1.js`, ...), parsed by `tweet_files.py`. From a zip only the tweet files,
`manifest.js`, `profile.js`, `account.js`, `protected-history.js` and the one profile picture they name
are read, with their sizes checked before and while reading, and the zip is refused whole when a
member name escapes its folder. The manifest's account is untrusted too: a user name that is no X
handle is refused, a display name normalised. The profile (picture, names from `account.js`) only
adds to a persona: its problems never fail a read, they are said in `avatar_problem`.
"""

from __future__ import annotations

import contextlib
import json
import re
import zipfile
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from training.avatar import MAX_AVATAR_BYTES
from training.formats.tweet_files import decode_text, loads_json, parse_file
from training.names import is_valid_handle, normalise_display_name
from training.records import (
    DataError,
    Reader,
    Source,
    Unusable,
    Where,
    folder_reader,
    quoted,
    read_capped,
    safe_member,
    shown_member,
)

# data/tweets.js, older data/tweet.js, and the split data/tweets-part1.js, data/tweets-part2.js, ...
TWEET_FILE_RE = re.compile(r"tweets?(?:-part(\d+))?\.js")
MANIFEST = "manifest.js"
MANIFEST_MAX_BYTES = 10_000_000  # the manifest lists files and counts; real ones are tens of kB
PROFILE = "profile.js"  # the bio and avatarMediaUrl, the picture's address on X
ACCOUNT = "account.js"  # username, accountId, accountDisplayName (and an e-mail address, never read)
PROFILE_MAX_BYTES = 1_000_000  # real ones are under a kB
# Each time the account was protected or unprotected: `{"protectedHistory": {"protectedAt", "action"}}`,
# "Protect" or "Unprotect"; the latest says whether it is protected now.
PROTECTED_HISTORY = "protected-history.js"
PROFILE_MEDIA = "profile_media"  # the picture: `profile_media/<accountId>-<basename of avatarMediaUrl>`
MAX_URL = 2000
_ACCOUNT_ID_RE = re.compile(r"[0-9]{1,20}")
_MEDIA_NAME_RE = re.compile(r"[A-Za-z0-9_-][A-Za-z0-9_.-]{0,199}")  # the URL's basename: no path in it
_EMAIL_RE = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")


def _tweet_file_key(name: str) -> tuple[int, str] | None:
    """Sort key for a tweet file name (`tweets.js` first, then the parts in order), None for others."""
    match = TWEET_FILE_RE.fullmatch(name)
    if match is None:
        return None
    return (int(match.group(1) or 0), name)


@dataclass
class _Account:
    """Who an archive belongs to, as `manifest.js` or `account.js` says."""

    handle: str | None = None
    display_name: str | None = None
    account_id: str | None = None  # names the profile picture's file


def _parse_manifest(where: str, raw: bytes) -> _Account:
    """The account from `manifest.js` (`where` names it in errors). All untrusted: a user name that is
    no X handle is refused, the display name made safe to show, an account id that is no number
    ignored."""
    text = decode_text(where, raw)
    start = text.find("{")
    if start < 0:
        return _Account()
    data = loads_json(where, text[start:].rstrip().rstrip(";"))
    info = data.get("userInfo") if isinstance(data, dict) else None
    if not isinstance(info, dict):
        return _Account()
    handle, name = info.get("userName"), info.get("displayName")
    if not isinstance(handle, str) or not handle:
        handle = None
    elif not is_valid_handle(handle.removeprefix("@")):
        shown = ascii(handle[:40]) + ("..." if len(handle) > 40 else "")  # escaped: it is shown back
        raise DataError(f"{quoted(where)}: userName {shown} is not an X handle (1-15 letters, digits or _)")
    else:
        handle = handle.removeprefix("@")
    name = normalise_display_name(name) if isinstance(name, str) else ""
    return _Account(handle, name or None, _account_id(info.get("accountId")))


def _account_id(value: Any) -> str | None:
    return value if isinstance(value, str) and _ACCOUNT_ID_RE.fullmatch(value) else None


def _archive_item(raw: bytes, key: str) -> dict[str, Any]:
    """`window.YTD.<key>.part0 = [ { "<key>": {...} } ]`: the inner object, {} when it is not there.
    Raises Unusable when the file is no JSON from its first '['."""
    data = _archive_list(raw)
    first = data[0] if data else None
    item = first.get(key) if isinstance(first, dict) else None
    return item if isinstance(item, dict) else {}


def _archive_list(raw: bytes) -> list[Any]:
    """`window.YTD.<key>.part0 = [ ... ]`: the list ([] when the JSON is no list). Raises Unusable when
    the file is no JSON from its first '['."""
    try:
        text = raw.decode("utf-8-sig")
        start = text.find("[")
        data = json.loads(text[start:].rstrip().rstrip(";")) if start >= 0 else None
    except UnicodeDecodeError:
        raise Unusable("is not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise Unusable(f"is not valid JSON (line {exc.lineno} col {exc.colno}: {exc.msg})") from None
    except RecursionError:
        raise Unusable("is JSON nested too deeply") from None
    return data if isinstance(data, list) else []


def _protected_now(raw: bytes) -> bool:
    """Whether protected-history.js says the account is protected: its latest action is "Protect"
    (latest by `protectedAt`, ISO 8601 times that sort as text; else the last listed)."""
    data = _archive_list(raw)
    events = [e.get("protectedHistory") for e in data if isinstance(e, dict)]
    events = [e for e in events if isinstance(e, dict) and isinstance(e.get("action"), str)]
    if not events:
        return False
    dated = all(isinstance(e.get("protectedAt"), str) for e in events)
    latest = max(events, key=lambda e: e["protectedAt"]) if dated else events[-1]
    return latest["action"] == "Protect"


def _parse_account(raw: bytes) -> _Account:
    """The account from `account.js`: a user name only when it is an X handle, the display name made
    safe to show (never one that holds an e-mail address), the account id only when it is a number."""
    info = _archive_item(raw, "account")
    handle, name = info.get("username"), info.get("accountDisplayName")
    handle = handle.removeprefix("@") if isinstance(handle, str) else ""
    name = normalise_display_name(name) if isinstance(name, str) else ""
    return _Account(handle if is_valid_handle(handle) else None,
                    name if name and not _EMAIL_RE.search(name) else None,
                    _account_id(info.get("accountId")))


def _add_profile(source: Source, manifest: _Account, read: Reader, shown: Callable[[str], str]) -> None:
    """Complete `source` from the archive's profile: the handle and display name where the manifest
    gives none (from account.js), the profile picture. Never raises for the profile's sake: a picture
    the export names but that cannot be used is said in `source.avatar_problem`."""
    account = _Account()
    with contextlib.suppress(Unusable):  # names only: without them the manifest's stand
        raw = read(ACCOUNT, PROFILE_MAX_BYTES)
        account = _parse_account(raw) if raw is not None else account
    source.handle = manifest.handle or account.handle
    source.display_name = manifest.display_name or account.display_name
    with contextlib.suppress(Unusable):  # a note only: an unreadable one says nothing
        raw = read(PROTECTED_HISTORY, PROFILE_MAX_BYTES)
        source.protected = raw is not None and _protected_now(raw)
    try:
        found = _read_avatar(read, shown, manifest.account_id or account.account_id)
    except Unusable as exc:
        source.avatar_problem = str(exc)
    else:
        if found is not None:
            source.avatar_url, source.avatar = found


def _read_avatar(read: Reader, shown: Callable[[str], str],
                 account_id: str | None) -> tuple[str, bytes] | None:
    """(avatarMediaUrl, the picture's bytes) from profile.js and profile_media/, or None when the
    export names no picture of its own (none, or X's default one)."""
    try:
        raw = read(PROFILE, PROFILE_MAX_BYTES)
        if raw is None:
            return None
        url = _archive_item(raw, "profile").get("avatarMediaUrl")
    except Unusable as exc:
        raise Unusable(f"the profile file {shown(PROFILE)} {exc}") from None
    if not isinstance(url, str) or not url.strip():
        return None
    url = url.strip()
    try:
        parts = urlsplit(url)
    except ValueError:
        parts = None
    if parts is None or parts.scheme not in ("http", "https") or len(url) > MAX_URL or not url.isprintable() \
            or any(ch.isspace() for ch in url):
        raise Unusable(f"the profile picture's address in {shown(PROFILE)} is not a web address")
    if "default_profile" in parts.path:  # X's default picture (default_profile.png): the person set none
        return None
    name = PurePosixPath(parts.path).name
    if not _MEDIA_NAME_RE.fullmatch(name):
        raise Unusable(f"the profile picture's address in {shown(PROFILE)} names no file")
    if account_id is None:
        raise Unusable(f"the profile picture cannot be found: no account id in {shown(ACCOUNT)} "
                        f"or {shown(MANIFEST)}")
    member = f"{PROFILE_MEDIA}/{account_id}-{name}"
    try:
        data = read(member, MAX_AVATAR_BYTES)
    except Unusable as exc:
        raise Unusable(f"the profile picture {shown(member)} {exc}") from None
    if data is None:
        raise Unusable(f"the profile picture {shown(member)} is missing")
    return url, data


def read_folder(folder: Path, max_bytes: int) -> Source:
    """An unpacked X archive (its tweet files in `data/`, or the data folder itself); `max_bytes` caps
    the tweet files' total size."""
    data = folder / "data" if (folder / "data").is_dir() else folder
    files = sorted((f for f in data.iterdir() if f.is_file() and _tweet_file_key(f.name)),
                   key=lambda f: _tweet_file_key(f.name))
    if not files:
        raise DataError(f"{quoted(folder)}: no tweet files (data/tweets.js, data/tweet.js, "
                        f"data/tweets-part1.js...)")
    total = sum(f.stat().st_size for f in files)
    if total > max_bytes:
        raise DataError(f"{quoted(folder)}: tweet files hold {total:,} bytes, over the limit of "
                        f"{max_bytes:,} "
                        "([training] max_tweets_bytes)")
    source = Source(folder)
    for f in files:
        source.records += parse_file(f, f.name, f.read_bytes())
    manifest = data / MANIFEST
    account = _Account()
    if manifest.is_file() and manifest.stat().st_size <= MANIFEST_MAX_BYTES:
        account = _parse_manifest(str(manifest), manifest.read_bytes())
    if not source.records:
        raise DataError(f"{quoted(folder)}: the archive holds no tweets")
    where = "data/" if data != folder else ""
    _add_profile(source, account, folder_reader(data), lambda name: where + name)
    return source


def read_zip(path: Path, max_bytes: int) -> Source:
    """An X archive's `.zip`, read in memory; `max_bytes` caps the tweet files' uncompressed size."""
    try:
        with zipfile.ZipFile(path) as zf:
            return _read_zip_members(path, zf, max_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise DataError(f"{quoted(path)}: corrupt or truncated zip ({exc})") from None
    except NotImplementedError as exc:  # an unsupported compression method
        raise DataError(f"{quoted(path)}: unreadable zip ({exc})") from None


def _read_zip_members(path: Path, zf: zipfile.ZipFile, max_bytes: int) -> Source:
    infos = zf.infolist()
    for info in infos:
        if not safe_member(info.filename):
            raise DataError(f"{quoted(path)}: refusing a zip whose member {info.filename!r} "
                            "escapes its folder")
    # Tweet files sit in `data/` at the root, or under one top folder when the zip was re-packed.
    tweets = [i for i in infos
              if not i.is_dir() and _in_data(i.filename) and _tweet_file_key(_base(i.filename))]
    if not tweets:
        raise DataError(f"{quoted(path)}: the archive holds no tweet files (data/tweets.js, data/tweet.js, "
                        "data/tweets-part1.js, ...)")
    tweets.sort(key=lambda i: (i.filename.count("/"), _tweet_file_key(_base(i.filename))))
    locked = next((i for i in tweets if _encrypted(i)), None)
    if locked is not None:
        raise DataError(f"{quoted(path)}: {locked.filename} is encrypted (a password-protected "
                        "zip): unzip it and give the folder, or export the archive again")
    declared = sum(i.file_size for i in tweets)
    if declared > max_bytes:
        raise DataError(f"{quoted(path)}: tweet files hold {declared:,} bytes uncompressed, over "
                        f"the limit of {max_bytes:,} ([training] max_tweets_bytes)")
    source = Source(path)
    budget = max_bytes
    for info in tweets:
        raw = read_capped(zf.open(info), budget)
        if raw is None:  # the declared size lied: stop reading at the limit all the same
            raise DataError(f"{quoted(path)}: tweet files are over the limit of {max_bytes:,} bytes "
                            "([training] max_tweets_bytes)")
        budget -= len(raw)
        source.records += parse_file(path, info.filename, raw)
    manifest = next((i for i in infos if _in_data(i.filename) and _base(i.filename) == MANIFEST), None)
    account = _Account()
    if manifest is not None and not _encrypted(manifest):  # the manifest only adds names: skip it
        raw = read_capped(zf.open(manifest), MANIFEST_MAX_BYTES)
        if raw is not None:
            account = _parse_manifest(Where(f"{quoted(path)}: {shown_member(manifest.filename)}"), raw)
    if not source.records:
        raise DataError(f"{quoted(path)}: the archive holds no tweets")
    # The profile's files sit in the data folder of the (first) tweet files.
    data = tweets[0].filename.rsplit("/", 1)[0]
    _add_profile(source, account, _zip_reader(zf, infos, data), lambda name: shown_member(f"{data}/{name}"))
    return source


def _zip_reader(zf: zipfile.ZipFile, infos: list[zipfile.ZipInfo], data: str) -> Reader:
    members = {i.filename: i for i in infos if not i.is_dir()}

    def read(name: str, limit: int) -> bytes | None:
        info = members.get(f"{data}/{name}")
        if info is None:
            return None
        if _encrypted(info):
            raise Unusable("is encrypted")
        if info.file_size > limit:
            raise Unusable(f"is {info.file_size:,} bytes, over the limit of {limit:,}")
        try:
            raw = read_capped(zf.open(info), limit)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
            raise Unusable(f"is unreadable in the zip ({exc})") from None
        if raw is None:  # the declared size lied
            raise Unusable(f"is over the limit of {limit:,} bytes")
        return raw

    return read


def _encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1)  # zipfile would raise RuntimeError asking for a password


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _in_data(name: str) -> bool:
    parts = name.split("/")
    return len(parts) in (2, 3) and parts[-2] == "data"
