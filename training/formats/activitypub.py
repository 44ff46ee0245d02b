"""ActivityStreams as a Mastodon archive holds it: the outbox collection, and who a post is addressed to.

`outbox.json` is an OrderedCollection whose `orderedItems` are the account's activities
(`looks_like_outbox` tells one apart by its content, `outbox_items` reads it or says in one line why it
is none); a post's `to` and `cc` say who could see it (`visibility`: public, unlisted, followers-only or
direct). The ActivityPub vocabulary, apart from the reading of the archive's files (`mastodon.py`).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from training.records import DataError

# "Public" addressing: the full IRI, and the compact forms JSON-LD allows.
PUBLIC = frozenset({"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"})


def looks_like_outbox(data: object) -> bool:
    """Whether parsed JSON is a Mastodon outbox: an OrderedCollection whose `orderedItems` list holds
    Create or Announce activities (or nothing)."""
    if not isinstance(data, dict) or data.get("type") != "OrderedCollection":
        return False
    items = data.get("orderedItems")
    if not isinstance(items, list):
        return False
    return not items or any(isinstance(i, dict) and i.get("type") in ("Create", "Announce") for i in items)


def outbox_items(path: Path, raw: bytes) -> list[Any]:
    """The `orderedItems` of outbox.json's bytes (`path` names it in errors); DataError when it is no
    outbox."""
    def refuse(why: str) -> DataError:
        return DataError(f"{path}: not a Mastodon outbox.json ({why})")

    try:
        data = json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise refuse("not UTF-8 text") from None
    except json.JSONDecodeError as exc:
        raise refuse(f"not valid JSON: line {exc.lineno} col {exc.colno}: {exc.msg}") from None
    except RecursionError:  # `[[[[...` thousands deep
        raise refuse("JSON nested too deeply") from None
    if not isinstance(data, dict):
        raise refuse(f"a JSON {type(data).__name__}, not an object")
    if data.get("type") != "OrderedCollection":
        shown = ascii(data.get("type"))
        raise refuse(f"its type is {shown[:40]}{'...' if len(shown) > 40 else ''}, not OrderedCollection")
    items = data.get("orderedItems")
    if not isinstance(items, list):
        raise refuse("no orderedItems list")
    return items


def visibility(post: dict[str, Any], activity: dict[str, Any] | None = None) -> str:
    """"public", "unlisted", "followers" or "direct", from the post's `to`/`cc` (else the activity's).
    Followers-only is addressed to the author's followers collection (`<actor>/followers` on Mastodon)."""
    activity = activity or {}
    where = post if "to" in post or "cc" in post else activity
    to, cc = _addresses(where.get("to")), _addresses(where.get("cc"))
    if to & PUBLIC:
        return "public"
    if cc & PUBLIC:
        return "unlisted"
    authors = _addresses(activity.get("actor")) | _addresses(post.get("attributedTo"))
    if any(a.endswith("/followers") and (not authors or a[: -len("/followers")] in authors) for a in to):
        return "followers"
    return "direct"


def _addresses(value: Any) -> set[str]:
    if isinstance(value, str):
        return {value}
    if isinstance(value, list):
        return {v for v in value if isinstance(v, str)}
    return set()
