"""Text rules for Discord: a generated tweet as a message shows it (nobody pinged, no link, at most
Discord's length: `discord_tweet`) and every message the bot sends (`outbound`).

Small pure functions; the command layer shapes every tweet the generation backend returns (plain
text: `training.generated_text.tweet_text`) with `discord_tweet`, formats untrusted names and echoed
input with `escape_markdown` / `quote_user`, and each front end passes the whole text of every message
through `outbound` just before sending it. The engine (`bot.pool`) knows nothing of this.
"""

from __future__ import annotations

import re

DISCORD_LIMIT = 2000
ZWSP = "\u200b"

# `@everyone`/`@here` ping whole servers; `<@id>`, `<@!id>`, `<@&id>` ping a user or a role.
_MASS_MENTION = re.compile(r"@(everyone|here)")
_ID_MENTION = re.compile(r"<@([!&]?)")


# A masked link, `[Claim your Nitro](https://…)`, is text pointing anywhere. Discord's parser lets the
# link text hold balanced brackets and reads `\\` as an escaped backslash, so no pattern of link shapes
# is safe: generated text escapes every `[`, `]` and `\` (`escape_links`), and as the last defence for
# any other text, every `]` that opens a link target, `](`, is escaped unless an odd run of backslashes
# already escapes it.
_LINK_CHARS = re.compile(r"([\\\[\]])")
_LINK_CLOSE = re.compile(r"(\\*)\](?=\()")
# A bare link Discord would unfurl into an embed; `<url>` keeps it a link without the embed.
_URL = re.compile(r"<?https?://[^\s<>]+>?", re.IGNORECASE)
# Markdown that works mid-line (bold, italics, code, strike, spoilers, links); untrusted text is
# always shown mid-line and on one line, so line-start syntax (quotes, headings, lists) cannot start.
_MARKDOWN = re.compile(r"([\\*_`~|\[\]])")


def neutralise_mentions(text: str) -> str:
    """Make every mention harmless with a zero-width space (`@​everyone`, `<​@123>`); idempotent."""
    text = _MASS_MENTION.sub(f"@{ZWSP}\\1", text)
    return _ID_MENTION.sub(f"<{ZWSP}@\\1", text)


def clip(text: str, limit: int = DISCORD_LIMIT) -> str:
    """`text` if it fits in `limit` characters, else cut to `limit` with a trailing ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…" if limit > 0 else ""


def discord_tweet(tweet: str, limit: int = DISCORD_LIMIT) -> str:
    """A generated tweet (`training.generated_text.tweet_text`) as a message shows it: nobody pinged,
    every bracket escaped (never a masked link), at most `limit` (never cut inside an escape)."""
    return clip_escaped(escape_links(neutralise_mentions(tweet)), limit)


def clip_escaped(text: str, limit: int = DISCORD_LIMIT) -> str:
    """`clip` for text whose backslashes escape what follows them (`escape_links`' output): never cut
    between a backslash and what it escapes (a lone one would escape the ellipsis, and Continue would
    answer a stray backslash)."""
    if len(text) <= limit:
        return text
    cut = clip(text, limit)[:-1]
    if (len(cut) - len(cut.rstrip("\\"))) % 2:
        cut = cut[:-1]
    return cut + "…"


def escape_links(text: str) -> str:
    """Every `[`, `]` and `\\` escaped: untrusted text that Discord shows as written, never as a
    masked link, whatever brackets and backslashes it nests. Not idempotent: apply once, where the
    text enters a message."""
    return _LINK_CHARS.sub(r"\\\1", text)


def unescape_links(text: str) -> str:
    """The text as Discord shows it, from text `escape_links` (or a user's own escapes) made: what a
    persona answers in Continue and Reply as persona is the words, not their backslashes."""
    return re.sub(r"\\([\\\[\]])", r"\1", text)


def defuse_masked_links(text: str) -> str:
    """`[words](url)` shown as it is written instead of as a link hiding its address: the `]` before
    every `(` escaped unless already escaped; idempotent."""
    return _LINK_CLOSE.sub(lambda m: m.group(1) + ("]" if len(m.group(1)) % 2 else "\\]"), text)


def no_embeds(text: str) -> str:
    """Every bare link in angle brackets: still a link, never unfurled (edits cannot set the
    suppress-embeds flag, so the text itself must not unfurl); idempotent."""
    def wrap(m: re.Match[str]) -> str:
        url = m.group(0)
        if url.startswith("<") and url.endswith(">"):
            return url
        url = url.lstrip("<").rstrip(">")
        tail = ""
        while url and url[-1] in ".,;:!?'\")]" and (url[-1] != ")" or url.count("(") < url.count(")")):
            url, tail = url[:-1], url[-1] + tail
        return f"<{url}>{tail}"
    return _URL.sub(wrap, text)


def outbound(text: str, limit: int = DISCORD_LIMIT) -> str:
    """What any message the bot sends may contain: nobody pinged, no masked link, no link embed, at
    most `limit` characters. The one function every front end sends through."""
    return clip(no_embeds(defuse_masked_links(neutralise_mentions(text))), limit)


def escape_markdown(text: str) -> str:
    """Backslash before each character Discord reads as Markdown mid-line (bold, italics, code,
    spoilers, links), for untrusted text shown inside the bot's own formatting."""
    return _MARKDOWN.sub(r"\\\1", text)


def quote_user(text: str, limit: int = 60) -> str:
    """Untrusted input echoed in a message: one line, clipped, Markdown escaped, nobody pinged."""
    return escape_markdown(neutralise_mentions(clip(" ".join(text.split()), limit)))
