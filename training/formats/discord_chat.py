"""Reader of a Discord channel exported by DiscordChatExporter (DCE) in its JSON format.

Users get one from DiscordChatExporter (https://github.com/Tyrrrz/DiscordChatExporter): in its GUI choose
the "JSON" format, or run `DiscordChatExporter.Cli export -t TOKEN -c CHANNEL_ID -f Json`. The file is one
object: `guild`, `channel`, `dateRange`, `exportedAt`, `messages` (each with `id`, `type`, `timestamp`,
`content`, `author{id,name,discriminator,nickname,isBot,...}`, `attachments`, `reference`, ...) and
`messageCount`. Its `content` is Discord's markdown as DCE formats it by default (mentions as
`@DisplayName`, channels as `#name`, custom emoji as `:name:`).

A channel holds many people's messages and the persona is one of them: `author` picks the person by id,
or by user name or nickname (any case). Only people's own messages are records: bots' (and webhooks',
which Discord marks as bots) and system messages (joins, pins, renames, calls, threads: every `type`
but "Default" and "Reply") are dropped before anything is counted. A message with no text (only an
attachment or a sticker) is still a record, with empty text, so that the data table counts every
message the person sent; cleaning drops it as short. An export of a DM or a group DM is private: its
messages are records marked so, counted in the data table's "private" row and never trained on.
Malformed messages are skipped one by one; bad files, and a choice of author that is missing or
unclear, are a `DataError` of one line naming the path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from training.names import is_valid_handle, normalise_display_name
from training.records import DataError, Record, Source

KEPT_TYPES = ("Default", "Reply")  # everything else is a system message Discord writes, not the person
# DCE's ChannelKind of a direct message and a group DM (`channel.type`); it files them under a guild
# "Direct Messages" of id "0". What was said there is private: counted, never trained on.
DIRECT_KINDS = ("DirectTextChat", "DirectGroupTextChat")
DIRECT_GUILD_ID = "0"
MAX_LISTED = 10  # authors named in an error before "and N more"
WHAT = "a DiscordChatExporter JSON export"
_ID_RE = re.compile(r"[0-9]{1,20}")  # a Discord snowflake; also keeps ids in error lines plain


@dataclass
class _Author:
    id: str
    name: str = ""  # the user name, from the latest message (a person may rename over an export's years)
    nickname: str = ""
    keys: set[str] = field(default_factory=set)  # every name and nickname seen, casefolded, for matching
    bot: bool = False
    records: list[Record] = field(default_factory=list)

    def shown(self) -> str:
        return normalise_display_name(self.name) or normalise_display_name(self.nickname) or "?"


def looks_like_discord_export(data: object) -> bool:
    """Whether parsed JSON is shaped like a DCE export: an object with `guild`, `channel`, `messages`."""
    return (isinstance(data, dict) and isinstance(data.get("guild"), dict)
            and isinstance(data.get("channel"), dict) and isinstance(data.get("messages"), list))


def authors(data: dict) -> list[tuple[str, str, int]]:
    """(id, user name, message count) of the people with kept messages, most messages first."""
    return [(a.id, a.shown(), len(a.records)) for a in _people(_index(data))]


def read_discord_export(path: Path, raw: bytes, author: str | None) -> Source:
    """The chosen author's messages in the export `raw` (the bytes of `path`, size already checked)."""
    data = _load(path, raw)
    index = _index(data)
    people = _people(index)
    if not people:
        total = len(data["messages"])
        why = ("" if not total else " (only bots' and system messages)" if index
               else f" ({total:,} messages, none of the shape DiscordChatExporter writes)")
        raise DataError(f"{path}: no messages{' by people' if index else ''} in this export{why}")
    chosen = _choose(path, index, people, author)
    if not chosen.records:
        why = "a bot: only people's messages are read" if chosen.bot else "only system messages here"
        raise DataError(f"{path}: no messages by {chosen.shown()} ({chosen.id}): {why}")
    name = chosen.name if is_valid_handle(chosen.name) else None
    display = normalise_display_name(chosen.nickname) or normalise_display_name(chosen.name) or None
    direct = is_direct(data)
    records = [replace(r, private=True) for r in chosen.records] if direct else chosen.records
    # No avatar: `avatarUrl` is on Discord's servers and a reader fetches nothing.
    return Source(path, records, handle=name, display_name=display, kind="discord", has_visibility=direct)


def is_direct(data: dict) -> bool:
    """Whether the export is of a DM or a group DM (by its channel's kind, or DCE's guild for them)."""
    channel, guild = data.get("channel"), data.get("guild")
    kind = channel.get("type") if isinstance(channel, dict) else None
    guild_id = guild.get("id") if isinstance(guild, dict) else None
    return kind in DIRECT_KINDS or str(guild_id) == DIRECT_GUILD_ID


# --- parsing ------------------------------------------------------------------------------------


def _load(path: Path, raw: bytes) -> dict[str, Any]:
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{path}: not UTF-8 text, so not {WHAT}") from None
    stripped = text.strip()
    if not stripped:
        raise DataError(f"{path}: empty file, so not {WHAT}")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        # DCE writes as it goes: an export stopped part way ends inside the message list, not with `}`.
        if exc.pos >= len(text.rstrip()) or (stripped.startswith("{") and not stripped.endswith("}")):
            raise DataError(f"{path}: the JSON ends early (line {exc.lineno}): a truncated export? "
                            "Export the channel again") from None
        raise DataError(f"{path}: not valid JSON (line {exc.lineno} col {exc.colno}): {exc.msg}") from None
    except RecursionError:
        raise DataError(f"{path}: JSON nested too deeply to be {WHAT}") from None
    if not looks_like_discord_export(data):
        if isinstance(data, dict):
            wrong = [k for k, t in (("guild", dict), ("channel", dict), ("messages", list))
                     if not isinstance(data.get(k), t)]
            verb = "is" if len(wrong) == 1 else "are"
            found = f"an object whose {', '.join(wrong)} {verb} missing or of the wrong type"
        else:
            found = f"a {type(data).__name__}"
        raise DataError(f"{path}: not {WHAT} (expected an object with guild, channel and a messages "
                        f"list; found {found})")
    return data


def _index(data: dict) -> dict[str, _Author]:
    """Every author of a well-formed message, by id, in order of first message; bots and system
    messages are noted (so that choosing one can say why it gives nothing) but make no records."""
    messages = data.get("messages") if isinstance(data, dict) else None
    index: dict[str, _Author] = {}
    for message in messages if isinstance(messages, list) else ():
        parsed = _message(message)
        if parsed is None:
            continue
        author_id, user, record = parsed
        entry = index.setdefault(author_id, _Author(author_id))
        entry.name = _string(user.get("name"))
        entry.nickname = _string(user.get("nickname"))
        entry.keys.update(k.casefold() for k in (entry.name, entry.nickname) if k)
        if user.get("isBot") is True:
            entry.bot = True
        elif record is not None:
            entry.records.append(record)
    return index


def _message(message: Any) -> tuple[str, dict[str, Any], Record | None] | None:
    """(author id, author, record or None for a system message) of a well-formed message, else None."""
    if not isinstance(message, dict):
        return None
    user = message.get("author")
    kind = message.get("type")
    content = message.get("content")
    if not isinstance(user, dict) or not isinstance(kind, str):
        return None
    author_id = user.get("id")
    if isinstance(author_id, int) and not isinstance(author_id, bool):
        author_id = str(author_id)  # DCE writes ids as strings (they overflow doubles); other tools may not
    if not isinstance(author_id, str) or not _ID_RE.fullmatch(author_id):
        return None
    if content is None:
        content = ""
    if not isinstance(content, str):
        return None
    if kind not in KEPT_TYPES:
        return author_id, user, None
    reference = message.get("reference")
    # A forward copies someone else's message (its text is in `forwardedMessage`, its own `content`
    # empty): like a retweet, counted and never trained on.
    if isinstance(reference, dict) and reference.get("type") == "Forward":
        return author_id, user, Record(content, retweet=True)
    return author_id, user, Record(content, reply=kind == "Reply" or isinstance(reference, dict))


def _string(value: Any) -> str:
    return value if isinstance(value, str) else ""


# --- choosing the author ------------------------------------------------------------------------


def _people(index: dict[str, _Author]) -> list[_Author]:
    # sorted() is stable: equal counts keep the order of their first message.
    return sorted((a for a in index.values() if a.records), key=lambda a: -len(a.records))


def _choose(path: Path, index: dict[str, _Author], people: list[_Author], author: str | None) -> _Author:
    if author is None:
        if len(people) == 1:
            return people[0]
        raise DataError(f"{path}: several authors in this export: choose one with --author "
                        f"({_listing(people)})")
    wanted = author.strip()
    if wanted in index:  # an id is exact, and wins over a name that happens to look like one
        return index[wanted]
    key = wanted.casefold()
    matches = [a for a in index.values() if key and key in a.keys]
    # A bot or someone with only system messages sharing a person's name should not make it unclear.
    matches = [a for a in matches if a.records] or matches
    if len(matches) == 1:
        return matches[0]
    shown = normalise_display_name(wanted)
    if matches:
        raise DataError(f"{path}: --author '{shown}' names {len(matches)} different accounts: give the id "
                        f"instead ({_listing(matches)})")
    raise DataError(f"{path}: no author '{shown}' in this export: choose one with --author "
                    f"({_listing(people)})")


def _listing(people: list[_Author]) -> str:
    shown = [f"{a.shown()} ({a.id}) {len(a.records)} message{'' if len(a.records) == 1 else 's'}"
             for a in people[:MAX_LISTED]]
    if len(people) > MAX_LISTED:
        shown.append(f"and {len(people) - MAX_LISTED} more")
    return ", ".join(shown)
