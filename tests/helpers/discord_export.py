"""DiscordChatExporter (DCE) JSON exports for tests: authors, messages, a channel's export, a DM's."""

from itertools import count

ALICE = "111111111111111111"
BOB = "222222222222222222"
BOT = "333333333333333333"
DELETED = "456226577798135808"
_ids = count(900000000000000000)


def user(uid: str, name: str, nickname: str | None = None, bot: bool = False) -> dict:
    """An author object as DCE writes it."""
    return {"id": uid, "name": name, "discriminator": "0000", "nickname": nickname, "color": "#1ABC9C",
            "isBot": bot, "roles": [{"id": "5", "name": "member", "color": None, "position": 1}],
            "avatarUrl": f"https://cdn.discordapp.com/avatars/{uid}/abc.png?size=512"}


def message(author: dict, content: str = "hello there friend", kind: str = "Default", **extra) -> dict:
    """A message as DCE writes it (`extra` adds or replaces fields)."""
    return {"id": str(next(_ids)), "type": kind, "timestamp": "2024-03-01T12:00:00.000+00:00",
            "timestampEdited": None, "callEndedTimestamp": None, "isPinned": False, "content": content,
            "author": author, "attachments": [], "components": [], "embeds": [], "stickers": [],
            "reactions": [], "mentions": [], "inlineEmojis": [], **extra}


def export(messages: list) -> dict:
    return {"guild": {"id": "777", "name": "Bakers", "iconUrl": "https://cdn.discordapp.com/icons/777/x.png"},
            "channel": {"id": "888", "type": "GuildTextChat", "categoryId": "999", "category": "Text",
                        "name": "general", "topic": None},
            "dateRange": {"after": None, "before": None}, "exportedAt": "2024-03-02T00:00:00.000+00:00",
            "messages": messages, "messageCount": len(messages)}


def direct(messages: list, kind: str = "DirectTextChat") -> dict:
    """A DM (or group DM) export as DCE writes it: under its "Direct Messages" guild, id 0."""
    data = export(messages)
    data["guild"] = {"id": "0", "name": "Direct Messages", "iconUrl": "https://cdn.discordapp.com/embed/x.png"}
    data["channel"] = {"id": "888", "type": kind, "categoryId": "0", "category": "Private",
                       "name": "bob_b", "topic": None}
    return data
