"""The persona's name as a webhook username, the message text a persona answers, and the card as an
embed (pure functions of bot.webhooks and bot.presence; the Discord paths are in test_discord_presence.py)."""

from __future__ import annotations

from pathlib import Path

import discord
import pytest

from bot.presence import card_embeds, jump_url, reply_line
from bot.replies import Card
from bot.webhooks import HAIR_SPACE, MAX_USERNAME, PAD, webhook_username


@pytest.mark.parametrize(("name", "marker", "expected"), [
    ("Marlowe Quill", " (AI)", "Marlowe Quill (AI)"),
    ("Clyde", " (AI)", f"C{HAIR_SPACE}lyde (AI)"),  # Discord refuses names with "clyde" or "discord"
    ("my DISCORD pal", " (AI)", f"my D{HAIR_SPACE}ISCORD pal (AI)"),
    ("Persona", " (discord bot)", f"Persona (d{HAIR_SPACE}iscord bot)"),  # the marker is checked too
    ("here", "", f"h{HAIR_SPACE}ere"),  # `here` / `everyone` are refused as names
    ("everyone", "", f"e{HAIR_SPACE}veryone"),
    ("X", "", "X" + PAD),  # at least 2 characters
    ("", " (AI)", "Persona (AI)"),  # nothing left of the name
    ("a\u200bb\u202ec\nd\te", " (AI)", "abc d e (AI)"),  # invisible and bidi characters, line breaks
    ("```code```", "", "`\u02cb`code`\u02cb`"),  # no code block
    ("@elon", " (AI)", "@elon (AI)"),
    ("Marlowe", "[AI]", "Marlowe[AI]"),  # a marker without a leading space is put right after the name
])
def test_webhook_username(name: str, marker: str, expected: str) -> None:
    assert webhook_username(name, marker) == expected


def test_long_names_keep_the_marker_within_80() -> None:
    name = webhook_username("a" * 81, " (AI)")
    assert len(name) == MAX_USERNAME and name.endswith("a (AI)")
    # A name that grows when "discord" is broken up still keeps the whole marker.
    name = webhook_username("Discord " * 12, " (AI)")
    assert len(name) <= MAX_USERNAME and name.endswith(" (AI)") and "discord" not in name.lower()
    assert len(webhook_username("b" * 200, "")) == MAX_USERNAME


def test_card_embeds_carry_name_picture_and_label(tmp_path: Path) -> None:
    card = Card("marlowe_bakes", "Marlowe Quill", "@marlowe_bakes",
                ("Bread [free nitro](https://x.example) @everyone", "Second"), tmp_path / "a.png", " (AI)")
    first, second = card_embeds(card, "avatar.png")
    assert first.author.name == "Marlowe Quill (AI) @marlowe_bakes"
    assert first.author.icon_url == "attachment://avatar.png"
    # Embed text is shown with Markdown: masked links and mentions are defused like any message.
    assert first.description == "Bread [free nitro\\](<https://x.example>) @\u200beveryone"
    assert second.author.name is None and "an imitation, not @marlowe_bakes" in second.footer.text
    (only,) = card_embeds(Card("p", "P", "@p", ("t",)), None)
    assert only.author.icon_url is None and isinstance(only, discord.Embed)


def test_reply_line_links_the_message_answered() -> None:
    assert reply_line(jump_url(1, 2, 3)) == "-# ↪ https://discord.com/channels/1/2/3\n"
    assert jump_url(None, 2, 3) == "https://discord.com/channels/@me/2/3"
