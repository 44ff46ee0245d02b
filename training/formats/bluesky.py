"""Bluesky: the account's repository, one CAR file (Content Addressable aRchive, version 1).

Users download it in the app under Settings → Account → Export my data (`repo.car`), or from their
server with `com.atproto.sync.getRepo`. A CAR is a varint-prefixed DAG-CBOR header (`version` 1 and
`roots`), then blocks, each a varint length, a CID and DAG-CBOR bytes. The blocks are the signed
commit, the nodes of the Merkle search tree (dicts without `$type`) and the records, dicts with a
`$type`: `app.bsky.feed.post` (`text`, `createdAt`, optional `reply`) become records, reposts become
records counted as retweets, the profile gives the display name; likes, follows, blocks and the rest
are skipped. The repository names its account by DID, never by handle, and holds no pictures (the
profile's avatar is a reference to a blob) and no direct messages. Every problem is a `DataError`
whose message is one line naming the path; no exception of `libipld` gets out.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import libipld

from training.names import normalise_display_name
from training.records import DataError, Record, Source

POST = "app.bsky.feed.post"
REPOST = "app.bsky.feed.repost"
PROFILE = "app.bsky.actor.profile"
# A repository's header holds one root, 58 bytes; anything far bigger is no repository header.
MAX_HEADER = 65_536
_MAX_REASON = 200
# DAG-CBOR sorts map keys (shorter first), so a v1 header is a 2-entry map whose first key is "roots".
_HEADER_START = b"\xa2eroots"


def is_car(head: bytes) -> bool:
    """Whether `head`, the first bytes of a file, open a CAR v1 header: a varint length, then a DAG-CBOR
    map with `version` 1 and a `roots` list. Decodes only the header, and only when `head` holds it all
    (64 bytes do for a repository); with less, its start must be that of the sorted map."""
    found = _varint(head)
    if found is None:
        return False
    length, start = found
    if not 0 < length <= MAX_HEADER:
        return False
    header = head[start:start + length]
    if len(header) < length:
        return len(header) >= len(_HEADER_START) and header.startswith(_HEADER_START)
    try:
        decoded = libipld.decode_dag_cbor(header)
    except Exception:  # any failure to decode means "not a CAR"
        return False
    return (isinstance(decoded, dict) and type(decoded.get("version")) is int and decoded["version"] == 1
            and isinstance(decoded.get("roots"), list))


def read_car(path: Path, max_bytes: int) -> Source:
    """Read a Bluesky repository export: its posts (oldest first) and reposts, and the display name."""
    blocks = _decode(path, _read(path, max_bytes))
    dated: list[tuple[datetime | None, Record]] = []
    display_name: str | None = None
    for block in blocks:
        kind = block.get("$type")
        if kind == POST:
            text = block.get("text")
            record = Record(text if isinstance(text, str) else "", reply=bool(block.get("reply")))
        elif kind == REPOST:
            record = Record("", retweet=True)
        else:
            if kind == PROFILE and display_name is None and isinstance(block.get("displayName"), str):
                display_name = normalise_display_name(block["displayName"]) or None
            continue
        dated.append((_created(block.get("createdAt")), record))
    if not dated:
        raise DataError(f"{path}: the repository holds no posts")
    # Blocks come in tree order, not time order: sort by createdAt (stable; undated ones last).
    dated.sort(key=lambda item: (item[0] is None, item[0] or datetime.min))
    return Source(path, [record for _, record in dated], handle=None, display_name=display_name,
                  kind="bluesky")


def _read(path: Path, max_bytes: int) -> bytes:
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise DataError(f"{path}: {size:,} bytes, over the limit of {max_bytes:,} "
                            "([training] max_tweets_bytes)")
        with path.open("rb") as handle:
            raw = handle.read(max_bytes + 1)  # the file may have grown since the stat
    except OSError as exc:
        raise DataError(f"{path}: cannot read: {exc.strerror or exc}") from None
    if len(raw) > max_bytes:
        raise DataError(f"{path}: over the limit of {max_bytes:,} bytes ([training] max_tweets_bytes)")
    return raw


def _decode(path: Path, raw: bytes) -> list[dict[str, Any]]:
    """The CAR's blocks that are dicts with a string `$type` (records), in the file's order."""
    try:
        _header, blocks = libipld.decode_car(raw)
        values = list(blocks.values())
    except RecursionError:
        raise DataError(f"{path}: not a readable Bluesky repository (CAR) file: "
                        "a block is nested too deeply") from None
    except Exception as exc:  # libipld raises ValueError today; let none of its types out
        raise DataError(f"{path}: not a readable Bluesky repository (CAR) file: {_reason(exc)}") from None
    records = []
    for value in values:
        if isinstance(value, (bytes, bytearray)):  # libipld 3.5 decodes blocks itself; older ones did not
            try:
                value = libipld.decode_dag_cbor(bytes(value))
            except Exception:  # a block that is no DAG-CBOR is no record
                continue
        if isinstance(value, dict) and isinstance(value.get("$type"), str):
            records.append(value)
    return records


def _reason(exc: BaseException) -> str:
    reason = " ".join(str(exc).split()) or type(exc).__name__
    return reason if len(reason) <= _MAX_REASON else reason[:_MAX_REASON - 1] + "…"


def _created(value: Any) -> datetime | None:
    """`createdAt` as a naive UTC datetime (undated: None). ISO 8601 with `Z`, an offset, or none (UTC)."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
        if moment.tzinfo is not None:
            moment = moment.astimezone(UTC).replace(tzinfo=None)
    except (ValueError, OverflowError):
        return None
    return moment


def _varint(data: bytes) -> tuple[int, int] | None:
    """An unsigned LEB128 varint at the start of `data`: (value, bytes used), or None."""
    value = 0
    for index, byte in enumerate(data[:9]):  # 9 bytes carry 63 bits, more than any CAR needs
        value |= (byte & 0x7F) << (7 * index)
        if not byte & 0x80:
            return value, index + 1
    return None
