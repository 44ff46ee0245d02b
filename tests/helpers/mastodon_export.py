"""Mastodon archives for tests: the outbox's activities and the actor, as Mastodon exports them."""

import json

PUBLIC = "https://www.w3.org/ns/activitystreams#Public"
ACTOR_ID = "https://social.example/users/marlowe"
FOLLOWERS = ACTOR_ID + "/followers"


def note(content: str, to: list[str] | None = None, cc: list[str] | None = None, **extra) -> dict:
    """A Create of a Note as Mastodon exports it (public unless `to`/`cc` say otherwise)."""
    to = [PUBLIC] if to is None else to
    cc = [FOLLOWERS] if cc is None else cc
    post = {"id": ACTOR_ID + "/statuses/1", "type": "Note", "summary": None, "inReplyTo": None,
            "attributedTo": ACTOR_ID, "to": to, "cc": cc, "content": content, **extra}
    return {"id": post["id"] + "/activity", "type": "Create", "actor": ACTOR_ID, "to": to, "cc": cc,
            "object": post}


def boost() -> dict:
    return {"type": "Announce", "actor": ACTOR_ID, "to": [FOLLOWERS], "cc": [PUBLIC],
            "object": "https://elsewhere.example/users/x/statuses/2"}


def outbox(items: list) -> bytes:
    return json.dumps({"@context": "https://www.w3.org/ns/activitystreams", "id": "outbox.json",
                       "type": "OrderedCollection", "totalItems": len(items), "orderedItems": items}).encode()


def actor(**extra) -> bytes:
    return json.dumps({"id": ACTOR_ID, "type": "Person", "preferredUsername": "marlowe",
                       "name": "Marlowe Quill", "followers": FOLLOWERS, "outbox": "outbox.json",
                       "icon": {"type": "Image", "mediaType": "image/png", "url": "avatar.png"},
                       **extra}).encode()
