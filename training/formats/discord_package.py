"""Discord data packages: the person's own messages in servers, their display name and picture.

A Discord user requests the package in User Settings → Data & Privacy → Request all of my data; it
comes as a `.zip` (accepted also unpacked, at the folder's root or under one top folder). Its
`Messages/` folder (older packages: `messages/`; folder case and file format vary independently) has
`index.json` (channel id → a label or null) and one folder `c<channel id>/` per channel the person wrote
in, with `channel.json` (`id`, `type`, and for server channels `name` and `guild {id, name}`; some are
only `{id, type}`) and the person's messages there: `messages.json`, a list of `{ID, Timestamp,
Contents, Attachments}` (may be 0 bytes), or in older packages `messages.csv` with that header.
`Account/user.json` holds the account: `id`, `username`, `global_name`, and much that is private
(e-mail, phone, IP addresses, payments, relationships, settings...). Of it only `username` and
`global_name` are taken (the display name, the handle); the parsed object is dropped at once and
nothing else of it reaches the `Source`. `Account/avatar.<png|gif|jpeg|jpg|webp>` is the picture.

Private: direct messages and group DMs (channel type 1, 3, "DM", "GROUP_DM"), and a channel whose type
is unknown and which names no server (when unsure, nothing is trained on). Their messages are records
marked private: counted in the data table's "private" row, never trained on, never shown; there is no
option to include them. Messages in server channels, threads and forum posts are the person's posts;
`servers` keeps only those of the chosen servers (by guild id). The index's labels name other people
(a DM's label is "Direct Message with ...") and are never read beyond checking the file is JSON.

Discord's markup becomes what a reader sees (`discord_text`): mentions of users and roles `@someone`
and `@role` (the package has no names for them, and an id is no word), channels `#channel`, custom
emoji `:name:`, timestamps dropped, spoilers unwrapped; code blocks and quoted lines (`> `, `>>> `:
someone else's words) dropped. A message with no text (only attachments) is a record marked `no_text`,
counted in a row of its own.

Guards, as for the other archives: the zip is refused whole when a member name escapes its folder, a
member is a link, or it holds over `MAX_MEMBERS` members; a folder's files that are links are refused.
Nothing is extracted to disk; every file is read only when its declared size fits its limit and never
past it (the messages of all channels together at most `max_bytes`). Every problem with the messages
is a `DataError` of one line naming the path; the profile only adds to a persona and never fails a read.
"""

from __future__ import annotations

import contextlib
import csv
import io
import json
import re
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from training.avatar import MAX_AVATAR_BYTES
from training.formats.discord_package_files import (
    ACCOUNT,
    AVATARS,
    CHANNEL,
    CHANNEL_DIR_RE,
    INDEX,
    MESSAGE_FILES,
    MESSAGES,
    USER,
    FolderPackage,
    Package,
    ZipPackage,
    folder_root,
)
from training.names import is_valid_handle, normalise_display_name
from training.records import DataError, Record, Source, quoted

INDEX_MAX_BYTES = 50_000_000  # one short line per channel: real ones are tens or hundreds of kB
CHANNEL_MAX_BYTES = 1_000_000  # a few hundred bytes (a group DM lists its recipients)
USER_MAX_BYTES = 50_000_000  # settings, relationships, payments: a few MB for long-standing accounts
# Channel types (numbers in older packages, names in 2025 ones) that are a DM or a group DM.
DIRECT_TYPES = (1, 3, "DM", "GROUP_DM")
# Every other known type is a server's: text, voice, announcement, stage, threads, forum, media.
SERVER_TYPES = (0, 2, 4, 5, 10, 11, 12, 13, 14, 15, 16, "GUILD_TEXT", "GUILD_VOICE", "GUILD_CATEGORY",
                "GUILD_ANNOUNCEMENT", "GUILD_NEWS", "GUILD_STORE", "ANNOUNCEMENT_THREAD", "NEWS_THREAD",
                "PUBLIC_THREAD", "PRIVATE_THREAD", "GUILD_STAGE_VOICE", "GUILD_DIRECTORY", "GUILD_FORUM",
                "GUILD_MEDIA")
_ID_RE = re.compile(r"[0-9]{1,20}")

# --- markup -------------------------------------------------------------------------------------

_CODE_BLOCK_RE = re.compile(r"```.*?(?:```|\Z)", re.DOTALL)  # an unclosed one runs to the end
_BLOCK_QUOTE_RE = re.compile(r"(?m)^>>> .*", re.DOTALL)  # `>>> ` quotes the rest of the message
_QUOTE_LINE_RE = re.compile(r"(?m)^> .*$|^>$")
_USER_RE = re.compile(r"<@!?[0-9]+>")
_ROLE_RE = re.compile(r"<@&[0-9]+>")
_CHANNEL_RE = re.compile(r"<#[0-9]+>")
_EMOJI_RE = re.compile(r"<a?:([A-Za-z0-9_~]{1,64}):[0-9]+>")
_TIMESTAMP_RE = re.compile(r"<t:-?[0-9]+(?::[tTdDfFR])?>")
_COMMAND_RE = re.compile(r"</([\w -]{1,100}):[0-9]+>")
_SPOILER_RE = re.compile(r"\|\|(.+?)\|\|", re.DOTALL)


def discord_text(contents: str) -> str:
    """A message's markup as a person reads it (see the module docstring); blank lines collapse later."""
    text = _CODE_BLOCK_RE.sub(" ", contents)
    text = _BLOCK_QUOTE_RE.sub("", text)
    text = _QUOTE_LINE_RE.sub("", text)
    # Mentions become a word, never the id: the package names no one, and an id is no one's word.
    text = _USER_RE.sub("@someone", text)
    text = _ROLE_RE.sub("@role", text)
    text = _CHANNEL_RE.sub("#channel", text)
    text = _EMOJI_RE.sub(r":\1:", text)
    text = _TIMESTAMP_RE.sub("", text)
    text = _COMMAND_RE.sub(r"/\1", text)
    text = _SPOILER_RE.sub(r"\1", text)
    return text.strip()


# --- detection ----------------------------------------------------------------------------------


def is_package_folder(folder: Path) -> bool:
    """An unpacked package: `Messages/index.json` (either case) and a `c<id>/channel.json` beside it."""
    root = folder_root(folder)
    return root is not None and any(
        (c / CHANNEL).is_file() for m in MESSAGES if (root / m).is_dir()
        for c in (root / m).iterdir() if CHANNEL_DIR_RE.fullmatch(c.name))


def is_package_zip(names: list[str]) -> bool:
    """A zip's member names are a package's: `[top/]Messages/index.json` and `.../c<id>/channel.json`."""
    index = any(n.rsplit("/", 2)[-2:] in ([m, INDEX] for m in MESSAGES) and n.count("/") <= 2 for n in names)
    channel = any(len(p := n.split("/")) in (3, 4) and p[-1] == CHANNEL and p[-3] in MESSAGES
                  and CHANNEL_DIR_RE.fullmatch(p[-2]) for n in names)
    return index and channel


# --- reading ------------------------------------------------------------------------------------


@dataclass
class Server:
    id: str
    name: str
    messages: int = 0


@dataclass
class _Channel:
    folder: str  # "Messages/c123"
    private: bool
    guild: Server | None


def read_package(path: Path, max_bytes: int, servers: list[str] | None = None) -> Source:
    """A Discord data package (.zip or its folder); `max_bytes` caps all message files together;
    `servers` keeps only these servers' channels (DMs are still counted as private)."""
    if not path.exists():
        raise DataError(f"{quoted(path)}: no such file or directory")
    try:
        if path.is_dir():
            root = folder_root(path)
            if root is None:
                raise DataError(f"{quoted(path)}: no Messages/index.json, so not a Discord data package")
            return _read(FolderPackage(path, root), max_bytes, servers)
        with zipfile.ZipFile(path) as zf:
            return _read(ZipPackage(path, zf), max_bytes, servers)
    except (zipfile.BadZipFile, zlib.error, EOFError) as exc:
        raise DataError(f"{quoted(path)}: corrupt or truncated zip ({' '.join(str(exc).split())})") from None
    except NotImplementedError as exc:  # a compression method Python lacks
        raise DataError(f"{quoted(path)}: unreadable zip ({exc})") from None
    except OSError as exc:
        raise DataError(f"{quoted(path)}: unreadable ({exc.strerror or exc})") from None


def _read(package: Package, max_bytes: int, servers: list[str] | None) -> Source:
    messages = next((m for m in MESSAGES if f"{m}/{INDEX}" in package.names), None)
    if messages is None:
        raise DataError(f"{quoted(package.path)}: no Messages/index.json, so not a Discord data package")
    _check_index(package, f"{messages}/{INDEX}")
    channels = [c for c in (_channel(package, f"{m}/{d}") for m, d in _channel_folders(package.names))
                if c is not None]
    known: dict[str, Server] = {}
    for c in channels:  # one Server per id, counting the messages of all its channels
        if c.guild is not None:
            c.guild = known.setdefault(c.guild.id, c.guild)
            c.guild.name = c.guild.name or next((o.guild.name for o in channels if o.guild and
                                                 o.guild.id == c.guild.id and o.guild.name), "")
    wanted = set(servers) if servers else None
    if wanted is not None and (missing := sorted(wanted - set(known))):
        raise DataError(f"{quoted(package.path)}: --servers: no server {', '.join(missing)} in this "
                        f"package ({_listing(list(known.values())) or 'it names no server'})")
    # DMs are counted whatever the servers chosen: the table says they were seen and left out.
    chosen = [c for c in channels if c.private or wanted is None or (c.guild and c.guild.id in wanted)]
    files = [(c, name) for c in chosen for f in MESSAGE_FILES
             if (name := f"{c.folder}/{f}") in package.names]
    declared = sum(package.size(name) for _c, name in files)
    limit = " ([training] max_tweets_bytes)"
    if declared > max_bytes:
        raise DataError(f"{quoted(package.path)}: message files hold {declared:,} bytes, over the limit of "
                        f"{max_bytes:,}{limit}")
    records: list[Record] = []
    budget = max_bytes
    for channel, name in files:
        raw = package.read(name, budget, limit)
        if raw is None:
            continue
        budget -= len(raw)
        found = _messages(package, name, raw)
        if channel.guild is not None and not channel.private:
            channel.guild.messages += len(found)
        records += [Record("", private=True) if channel.private else r for r in found]
    public = [r for r in records if not r.private]
    if not public:
        direct = len(records) - len(public)
        why = f" ({direct:,} in direct messages, never trained on)" if direct else ""
        where = "the chosen servers" if wanted else "any server"
        raise DataError(f"{quoted(package.path)}: no messages in {where}{why}")
    source = Source(package.path, records, kind="discord-package", has_visibility=True)
    source.servers = [(s.id, s.name, s.messages) for s in
                      sorted((s for s in known.values() if s.messages), key=lambda s: -s.messages)]
    _add_profile(source, package)
    return source


def _check_index(package: Package, name: str) -> None:
    raw = package.read(name, INDEX_MAX_BYTES, "")
    try:
        data = json.loads((raw or b"").decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        why = "not UTF-8" if isinstance(exc, UnicodeDecodeError) else "not valid JSON"
        raise DataError(f"{package.shown(name)}: {why}, so not a Discord data package") from None
    if not isinstance(data, dict):
        raise DataError(f"{package.shown(name)}: not a JSON object of channels, so not a Discord data "
                        "package")


def _channel_folders(names: set[str]) -> list[tuple[str, str]]:
    found = set()
    for name in names:
        parts = name.split("/")
        if len(parts) == 3 and parts[0] in MESSAGES and CHANNEL_DIR_RE.fullmatch(parts[1]):
            found.add((parts[0], parts[1]))
    return sorted(found, key=lambda f: (f[0], int(f[1][1:])))


def _channel(package: Package, folder: str) -> _Channel | None:
    """A channel's kind and server from its channel.json; None when it has none (nothing to say whose)."""
    raw = package.read(f"{folder}/{CHANNEL}", CHANNEL_MAX_BYTES, "")
    if raw is None:
        return None
    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raise DataError(f"{package.shown(folder + '/' + CHANNEL)}: not valid JSON") from None
    if not isinstance(data, dict):
        raise DataError(f"{package.shown(folder + '/' + CHANNEL)}: not a JSON object")
    kind = data.get("type")
    guild = data.get("guild")
    server = None
    if isinstance(guild, dict) and (gid := _snowflake(guild.get("id"))) is not None:
        name = guild.get("name")
        server = Server(gid, normalise_display_name(name) if isinstance(name, str) else "")
    # A DM, or a type unknown to this reader in no server: private (when unsure, never trained on).
    private = kind in DIRECT_TYPES or (kind not in SERVER_TYPES and server is None)
    return _Channel(folder, private, None if private else server)


def _snowflake(value: Any) -> str | None:
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    return value if isinstance(value, str) and _ID_RE.fullmatch(value) else None


def _messages(package: Package, name: str, raw: bytes) -> list[Record]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{package.shown(name)}: not UTF-8 text") from None
    if not text.strip():
        return []  # a channel whose messages were all deleted: Discord writes an empty file
    if name.endswith(".csv"):
        try:
            rows = list(csv.DictReader(io.StringIO(text, newline="")))
        except csv.Error as exc:
            raise DataError(f"{package.shown(name)}: not valid CSV ({exc})") from None
        items: list[Any] = rows
    else:
        try:
            items = json.loads(text)
        except (json.JSONDecodeError, RecursionError):
            raise DataError(f"{package.shown(name)}: not valid JSON") from None
        if not isinstance(items, list):
            raise DataError(f"{package.shown(name)}: not a JSON list of messages")
    records = []
    for item in items:
        contents = item.get("Contents") if isinstance(item, dict) else None
        if contents is None and isinstance(item, dict) and "ID" in item:
            contents = ""
        if not isinstance(contents, str):
            continue  # not a message of the shape Discord writes
        if not contents.strip():
            records.append(Record("", no_text=True))  # only attachments (or a sticker)
            continue
        records.append(Record(discord_text(contents)))
    return records


# --- the profile: names and picture -------------------------------------------------------------


def _add_profile(source: Source, package: Package) -> None:
    """The display name and handle from user.json (nothing else of it kept), the picture beside it.
    Never raises: a picture there but unusable is said in `source.avatar_problem`."""
    account = next((a for a in ACCOUNT if any(n.startswith(a + "/") for n in package.names)), None)
    if account is None:
        return
    with contextlib.suppress(ValueError, UnicodeDecodeError, json.JSONDecodeError, RecursionError):
        raw = package.read(f"{account}/{USER}", USER_MAX_BYTES)
        user = json.loads(raw.decode("utf-8-sig")) if raw is not None else None
        if isinstance(user, dict):
            username, global_name = user.get("username"), user.get("global_name")
            del user  # the rest (e-mail, phone, payments, ...) is never looked at
            display = normalise_display_name(global_name) if isinstance(global_name, str) else ""
            if not display and isinstance(username, str):
                display = normalise_display_name(username)
            source.display_name = display or None
            source.handle = username if isinstance(username, str) and is_valid_handle(username) else None
    picture = next((f"{account}/{n}" for n in AVATARS if f"{account}/{n}" in package.names), None)
    if picture is not None:
        try:
            source.avatar = package.read(picture, MAX_AVATAR_BYTES)
        except ValueError as exc:
            source.avatar_problem = f"the profile picture {exc}"


def _listing(servers: list[Server]) -> str:
    shown = [f"{s.name or '?'} ({s.id})" for s in sorted(servers, key=lambda s: s.name.casefold())]
    return "servers: " + ", ".join(shown) if shown else ""


def server_lines(servers: list[tuple[str, str, int]]) -> list[str]:
    """`inspect`'s listing of the servers with the person's messages: name, id, count."""
    return [f"  {name or '?'} ({sid}): {n:,} message{'' if n == 1 else 's'}" for sid, name, n in servers]
