"""One file of tweets, as records: the X archive's `tweets.js`, the Trump Twitter Archive "condensed"
JSON list, JSON lines, CSV with a `text`/`full_text` column, and plain text with one tweet per line.

The format comes from the file name's suffix, else from the content. Archive JavaScript is parsed from
its first `[` as JSON, never executed. A tweet is a retweet when the export says so or it starts with
"RT @", a reply when a reply field is set or it starts with "@". Used for plain files
(`training/ingest.py`) and for the tweet files inside an X archive (`x_archive.py`).
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from pathlib import Path, PurePosixPath
from typing import Any

from training.records import SUFFIXES, DataError, Record, quoted

# Any of these set marks a reply: the archive's fields, and the condensed format's user id.
REPLY_FIELDS = ("in_reply_to_screen_name", "in_reply_to_status_id", "in_reply_to_status_id_str",
                "in_reply_to_user_id", "in_reply_to_user_id_str")


def parse_file(path: Path, name: str, raw: bytes) -> list[Record]:
    """Parse the bytes of one tweets file; the format comes from the name's suffix, else the content."""
    text = decode_text(path, raw)
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
    raise DataError(f"{quoted(path)}: not a tweet export this reads (expected {SUFFIXES})")


def decode_text(path: Path | str, raw: bytes) -> str:
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(f"{quoted(path)}: not UTF-8 text, so not a tweet export (expected "
                        f"{SUFFIXES})") from None


def _parse_archive_js(path: Path, text: str) -> Any:
    # `window.YTD.tweets.part0 = [ ... ]` (sometimes with a trailing `;`): JSON from the first `[`.
    start = text.find("[")
    if start < 0:
        raise DataError(f"{quoted(path)}: no '[' found, so not an archive tweets file")
    return loads_json(path, text[start:].rstrip().rstrip(";"))


def _parse_json(path: Path, text: str) -> Any:
    data = loads_json(path, text)
    if not isinstance(data, list):
        raise DataError(f"{quoted(path)}: expected a JSON list of tweets, found a {type(data).__name__}")
    return data


def _parse_jsonl(path: Path, text: str) -> list[Any]:
    items = []
    for number, line in enumerate(text.splitlines(), 1):
        if line.strip():
            try:
                items.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise DataError(f"{quoted(path)}: line {number} is not JSON: {exc.msg}") from None
            except RecursionError:
                raise DataError(f"{quoted(path)}: line {number} is JSON nested too deeply to be a "
                                f"tweet") from None
    return items


def loads_json(path: Path | str, text: str) -> Any:
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise DataError(f"{quoted(path)}: not valid JSON (line {exc.lineno} col {exc.colno}): "
                        f"{exc.msg}") from None
    except RecursionError:  # `[[[[...` thousands deep: no export looks like that
        raise DataError(f"{quoted(path)}: JSON nested too deeply to be a tweet export") from None


def _parse_csv(path: Path, text: str) -> list[Record]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    try:  # the header is parsed here: a field over csv's size limit (131,072 characters) raises too
        fields = reader.fieldnames or []
        column = next((c for c in ("full_text", "text") if c in fields), None)
        if column is None:
            found = ", ".join(fields) or "none"
            raise DataError(f"{quoted(path)}: CSV has no 'text' or 'full_text' column (columns: {found})")
        return [_record_from_dict(path, row, column) for row in reader]
    except csv.Error as exc:
        raise DataError(f"{quoted(path)}: bad CSV at line {reader.line_num or 1}: {exc}") from None


def _records(path: Path, items: Iterable[Any]) -> list[Record]:
    records = []
    for index, item in enumerate(items):
        if isinstance(item, str):
            records.append(_record(item))
            continue
        if isinstance(item, dict) and isinstance(item.get("tweet"), dict):
            item = item["tweet"]  # the archive wraps each tweet: {"tweet": {...}}
        if not isinstance(item, dict):
            raise DataError(f"{quoted(path)}: item {index} is a {type(item).__name__}, not a tweet")
        records.append(_record_from_dict(path, item, None, index))
    return records


def _record_from_dict(path: Path, item: dict[str, Any], column: str | None,
                      index: int | None = None) -> Record:
    text = item.get(column) if column else item.get("full_text", item.get("text"))
    if not isinstance(text, str):
        where = f"item {index}" if index is not None else "a row"
        raise DataError(f"{quoted(path)}: {where} has no 'full_text' or 'text' string")
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
