"""Readers for every tweet export we accept, turning each into `Record`s (text + retweet/reply flags).

Formats: the X archive (whole `.zip`, unpacked folder, or the tweets `.js` file alone), the Trump
Twitter Archive "condensed" JSON list, CSV with a `text`/`full_text` column, JSONL, and plain text with
one tweet per line. Archive JavaScript is parsed from its first `[` as JSON, never executed. From a zip
only the tweet files, `manifest.js`, `profile.js`, `account.js` and the one profile picture they name
are read, with their sizes checked before and while reading. Every problem with the tweets is a
`DataError` whose message is one line naming the path. The manifest's account is untrusted too: a user
name that is no X handle is refused, a display name normalised. The profile (picture, names from
`account.js`) only adds to a persona: its problems never fail a read, they are said in `avatar_problem`.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import zipfile
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from training.avatar import MAX_AVATAR_BYTES
from training.checkpoint import is_valid_handle, normalise_display_name

# data/tweets.js, older data/tweet.js, and the split data/tweets-part1.js, data/tweets-part2.js, ...
TWEET_FILE_RE = re.compile(r"tweets?(?:-part(\d+))?\.js")
# Any of these set marks a reply: the archive's fields, and the condensed format's user id.
REPLY_FIELDS = ("in_reply_to_screen_name", "in_reply_to_status_id", "in_reply_to_status_id_str",
                "in_reply_to_user_id", "in_reply_to_user_id_str")
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
SUFFIXES = ("an X archive (.zip, folder or tweets.js), a Mastodon archive (.zip, .tar.gz, folder or "
            "outbox.json), a Bluesky repository (.car), a DiscordChatExporter .json, condensed .json, "
            ".jsonl, .csv or .txt")


class DataError(Exception):
    """Bad input data: the message is one line naming the path and the problem."""


class _Where(str):
    """A place already shown as `_quoted` gives it (a member of a zip: `'x.zip': data/manifest.js`)."""


def _quoted(path: Path | str) -> str:
    """A path as DataError messages start with it: quoted, so that a folder named like the program
    (`bot`) does not read as the program's own name."""
    return path if isinstance(path, _Where) else f"'{path}'"


@dataclass
class Record:
    text: str
    retweet: bool = False  # a retweet, a Mastodon boost, a Bluesky repost: counted, never trained on
    reply: bool = False
    private: bool = False  # followers-only or direct (Mastodon), a DM (Discord): counted, never trained on
    too_long: bool = False  # over a reader's cap on one post (its text left empty): counted, never trained on


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


def read_source(path: Path, max_bytes: int, author: str | None = None) -> Source:
    """Read one export of any accepted format, told apart by its content (the suffix only where the
    content cannot say); `max_bytes` caps the posts' uncompressed size; `author` picks the person in a
    Discord chat export (required when it holds several)."""
    from training.formats import bluesky, discord_chat, mastodon

    if not path.exists():
        raise DataError(f"{_quoted(path)}: no such file or directory")
    if path.is_dir():
        if _holds_outbox(path):
            return mastodon.read_mastodon(path, max_bytes)
        return _read_folder(path, max_bytes)
    with open(path, "rb") as fh:
        head = fh.read(512)
    if zipfile.is_zipfile(path):
        if _zip_holds_outbox(path):
            return mastodon.read_mastodon(path, max_bytes)
        return _read_zip(path, max_bytes)
    if path.suffix.lower() == ".zip":
        return _read_zip(path, max_bytes)  # not a zip after all: its one-line error says so
    if _is_tar(path, head):
        return mastodon.read_mastodon(path, max_bytes)
    if bluesky.is_car(head) or path.suffix.lower() == ".car":
        return bluesky.read_car(path, max_bytes)
    size = path.stat().st_size
    if size > max_bytes:
        raise DataError(f"{_quoted(path)}: {size:,} bytes, over the limit of {max_bytes:,} "
                        "([training] max_tweets_bytes)")
    raw = path.read_bytes()
    data = _one_json_object(raw) if path.suffix.lower() not in (".jsonl", ".ndjson") else None
    if data is not None:  # a JSON object: a Mastodon outbox, a Discord chat, or nothing this reads
        if mastodon.looks_like_outbox(data):
            return mastodon.read_mastodon(path, max_bytes)
        if discord_chat.looks_like_discord_export(data):
            return discord_chat.read_discord_export(path, raw, author)
        if path.suffix.lower() == ".json":  # (without the suffix: maybe one line of JSON lines)
            raise DataError(f"{_quoted(path)}: a JSON object that is no export this reads (expected "
                            f"{SUFFIXES})")
    records = parse_file(path, path.name, raw)
    if not records:
        raise DataError(f"{_quoted(path)}: no tweets in this file")
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
            return any(_base(n) == "outbox.json" and n.count("/") <= 1 for n in zf.namelist())
    except (zipfile.BadZipFile, OSError, EOFError):
        return False  # the X reader says what is wrong with it


def _is_tar(path: Path, head: bytes) -> bool:
    """A tar, gzipped or not (older Mastodon servers' archives)."""
    name = path.name.lower()
    return (head[:2] == b"\x1f\x8b" or name.endswith((".tar", ".tar.gz", ".tgz"))
            or head[257:262] == b"ustar")


# --- parsing one file's bytes -------------------------------------------------------------------


def parse_file(path: Path, name: str, raw: bytes) -> list[Record]:
    """Parse the bytes of one tweets file; the format comes from the name's suffix, else the content."""
    text = _decode(path, raw)
    suffix = PurePosixPath(name).suffix.lower()
    head = text.lstrip()[:200]
    if suffix == ".csv":
        return _parse_csv(path, text)
    if suffix == ".txt":
        return [_record(line) for line in text.splitlines() if line.strip()]
    if suffix == ".js" or head.startswith("window."):
        return _records(path, _parse_archive_js(path, text))
    if suffix == ".json" or head.startswith("["):
        return _records(path, _parse_json(path, text))
    if suffix in (".jsonl", ".ndjson") or head.startswith("{"):
        return _records(path, _parse_jsonl(path, text))
    raise DataError(f"{_quoted(path)}: not a tweet export this reads (expected {SUFFIXES})")


def _decode(path: Path | str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{_quoted(path)}: not UTF-8 text, so not a tweet export (expected "
                        f"{SUFFIXES})") from None


def _parse_archive_js(path: Path, text: str) -> Any:
    # `window.YTD.tweets.part0 = [ ... ]` (sometimes with a trailing `;`): JSON from the first `[`.
    start = text.find("[")
    if start < 0:
        raise DataError(f"{_quoted(path)}: no '[' found, so not an archive tweets file")
    return _loads(path, text[start:].rstrip().rstrip(";"))


def _parse_json(path: Path, text: str) -> Any:
    data = _loads(path, text)
    if not isinstance(data, list):
        raise DataError(f"{_quoted(path)}: expected a JSON list of tweets, found a {type(data).__name__}")
    return data


def _parse_jsonl(path: Path, text: str) -> list[Any]:
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"{_quoted(path)}: line {number} is not JSON: {exc.msg}") from None
            except RecursionError:
                raise DataError(f"{_quoted(path)}: line {number} is JSON nested too deeply to be a "
                                f"tweet") from None
    return items


def _loads(path: Path | str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{_quoted(path)}: not valid JSON (line {exc.lineno} col {exc.colno}): "
                        f"{exc.msg}") from None
    except RecursionError:  # `[[[[...` thousands deep: no export looks like that
        raise DataError(f"{_quoted(path)}: JSON nested too deeply to be a tweet export") from None


def _parse_csv(path: Path, text: str) -> list[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:  # the header is parsed here: a field over csv's size limit (131,072 characters) raises too
        fields = reader.fieldnames or []
        column = next((c for c in ("full_text", "text") if c in fields), None)
        if column is None:
            found = ", ".join(fields) or "none"
            raise DataError(f"{_quoted(path)}: CSV has no 'text' or 'full_text' column (columns: {found})")
        return [_record_from_dict(path, row, column) for row in reader]
    except csv.Error as exc:
        raise DataError(f"{_quoted(path)}: bad CSV at line {reader.line_num or 1}: {exc}") from None


def _records(path: Path, items: Iterable[Any]) -> list[Record]:
    records = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            records.append(_record(item))
            continue
        if isinstance(item, dict) and isinstance(item.get("tweet"), dict):
            item = item["tweet"]  # the archive wraps each tweet: {"tweet": {...}}
        if not isinstance(item, dict):
            raise DataError(f"{_quoted(path)}: item {index} is a {type(item).__name__}, not a tweet")
        records.append(_record_from_dict(path, item, None, index))
    return records


def _record_from_dict(path: Path, item: dict[str, Any], column: str | None,
                      index: int | None = None) -> Record:
    text = item.get(column) if column else item.get("full_text", item.get("text"))
    if not isinstance(text, str):
        where = f"item {index}" if index is not None else "a row"
        raise DataError(f"{_quoted(path)}: {where} has no 'full_text' or 'text' string")
    retweet = bool(item.get("retweeted_status")) or _truthy(item.get("is_retweet"))
    reply = any(_truthy(item.get(k)) for k in REPLY_FIELDS)
    return _record(text, retweet, reply)


def _record(text: str, retweet: bool = False, reply: bool = False) -> Record:
    # Archives set `retweeted: false` even on retweets: the "RT @" prefix is what marks them.
    stripped = text.lstrip()
    return Record(text, retweet or stripped.startswith("RT @"), reply or stripped.startswith("@"))


def _truthy(value: Any) -> bool:
    if isinstance(value, str):  # CSV cells, and archive numbers written as strings
        return value.strip().lower() not in ("", "0", "false", "none", "null", "nan")
    return bool(value)


# --- archives: the zip and the unpacked folder --------------------------------------------------


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
    text = _decode(where, raw)
    start = text.find("{")
    if start < 0:
        return _Account()
    data = _loads(where, text[start:].rstrip().rstrip(";"))
    info = data.get("userInfo") if isinstance(data, dict) else None
    if not isinstance(info, dict):
        return _Account()
    handle, name = info.get("userName"), info.get("displayName")
    if not isinstance(handle, str) or not handle:
        handle = None
    elif not is_valid_handle(handle.removeprefix("@")):
        shown = ascii(handle[:40]) + ("..." if len(handle) > 40 else "")  # escaped: it is shown back
        raise DataError(f"{_quoted(where)}: userName {shown} is not an X handle (1-15 letters, digits or _)")
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


class Unusable(Exception):
    """A profile file there but not usable: the message says why, after the file's name ("is encrypted")."""


# Reads a file of the archive's data folder by its name there ("profile.js", "profile_media/x.jpg"),
# at most the given number of bytes: None when absent; Unusable when larger, encrypted or unreadable
# (its message follows the file's name).
Reader = Callable[[str, int], bytes | None]


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


def _read_folder(folder: Path, max_bytes: int) -> Source:
    data = folder / "data" if (folder / "data").is_dir() else folder
    files = sorted((f for f in data.iterdir() if f.is_file() and _tweet_file_key(f.name)),
                   key=lambda f: _tweet_file_key(f.name))
    if not files:
        raise DataError(f"{_quoted(folder)}: no tweet files (data/tweets.js, data/tweet.js, "
                        f"data/tweets-part1.js...)")
    total = sum(f.stat().st_size for f in files)
    if total > max_bytes:
        raise DataError(f"{_quoted(folder)}: tweet files hold {total:,} bytes, over the limit of "
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
        raise DataError(f"{_quoted(folder)}: the archive holds no tweets")
    where = "data/" if data != folder else ""
    _add_profile(source, account, folder_reader(data), lambda name: where + name)
    return source


def folder_reader(data: Path) -> Reader:
    """A `Reader` of the files in `data` (also used for Mastodon's unpacked archives)."""
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


def _read_zip(path: Path, max_bytes: int) -> Source:
    try:
        with zipfile.ZipFile(path) as zf:
            return _read_zip_members(path, zf, max_bytes)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise DataError(f"{_quoted(path)}: corrupt or truncated zip ({exc})") from None
    except NotImplementedError as exc:  # an unsupported compression method
        raise DataError(f"{_quoted(path)}: unreadable zip ({exc})") from None


def _read_zip_members(path: Path, zf: zipfile.ZipFile, max_bytes: int) -> Source:
    infos = zf.infolist()
    for info in infos:
        if not safe_member(info.filename):
            raise DataError(f"{_quoted(path)}: refusing a zip whose member {info.filename!r} "
                            "escapes its folder")
    # Tweet files sit in `data/` at the root, or under one top folder when the zip was re-packed.
    tweets = [i for i in infos
              if not i.is_dir() and _in_data(i.filename) and _tweet_file_key(_base(i.filename))]
    if not tweets:
        raise DataError(f"{_quoted(path)}: the archive holds no tweet files (data/tweets.js, data/tweet.js, "
                        "data/tweets-part1.js, ...)")
    tweets.sort(key=lambda i: (i.filename.count("/"), _tweet_file_key(_base(i.filename))))
    locked = next((i for i in tweets if _encrypted(i)), None)
    if locked is not None:
        raise DataError(f"{_quoted(path)}: {locked.filename} is encrypted (a password-protected "
                        "zip): unzip it and give the folder, or export the archive again")
    declared = sum(i.file_size for i in tweets)
    if declared > max_bytes:
        raise DataError(f"{_quoted(path)}: tweet files hold {declared:,} bytes uncompressed, over "
                        f"the limit of {max_bytes:,} ([training] max_tweets_bytes)")
    source = Source(path)
    budget = max_bytes
    for info in tweets:
        raw = _read_capped(zf, info, budget)
        if raw is None:  # the declared size lied: stop reading at the limit all the same
            raise DataError(f"{_quoted(path)}: tweet files are over the limit of {max_bytes:,} bytes "
                            "([training] max_tweets_bytes)")
        budget -= len(raw)
        source.records += parse_file(path, info.filename, raw)
    manifest = next((i for i in infos if _in_data(i.filename) and _base(i.filename) == MANIFEST), None)
    account = _Account()
    if manifest is not None and not _encrypted(manifest):  # the manifest only adds names: skip it
        raw = _read_capped(zf, manifest, MANIFEST_MAX_BYTES)
        if raw is not None:
            account = _parse_manifest(_Where(f"{_quoted(path)}: {_shown(manifest.filename)}"), raw)
    if not source.records:
        raise DataError(f"{_quoted(path)}: the archive holds no tweets")
    # The profile's files sit in the data folder of the (first) tweet files.
    data = tweets[0].filename.rsplit("/", 1)[0]
    _add_profile(source, account, _zip_reader(zf, infos, data), lambda name: _shown(f"{data}/{name}"))
    return source


def _shown(name: str) -> str:
    # A member's name is the zip's to choose (under a top folder): shown escaped when odd.
    return name if name.isprintable() else ascii(name)


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
            raw = _read_capped(zf, info, limit)
        except (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError) as exc:
            raise Unusable(f"is unreadable in the zip ({exc})") from None
        if raw is None:  # the declared size lied
            raise Unusable(f"is over the limit of {limit:,} bytes")
        return raw

    return read


def _read_capped(zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes | None:
    """The member's bytes, or None if it holds more than `limit` (only limit + 1 bytes are ever read)."""
    with zf.open(info) as fh:
        raw = fh.read(limit + 1)
    return None if len(raw) > limit else raw


def _encrypted(info: zipfile.ZipInfo) -> bool:
    return bool(info.flag_bits & 0x1)  # zipfile would raise RuntimeError asking for a password


def _base(name: str) -> str:
    return name.rsplit("/", 1)[-1]


def _in_data(name: str) -> bool:
    parts = name.split("/")
    return len(parts) in (2, 3) and parts[-2] == "data"
