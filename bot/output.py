"""Post-processing rules for generated text: one tweet, the prompt kept, nobody pinged, Discord-sized.

Small pure functions; the pool applies them to every sample and the command layer reuses them to
format replies.
"""

from __future__ import annotations

import re

DISCORD_LIMIT = 2000
EOS_TEXT = "<|endoftext|>"
ZWSP = "\u200b"

# `@everyone`/`@here` ping whole servers; `<@id>`, `<@!id>`, `<@&id>` ping a user or a role.
_MASS_MENTION = re.compile(r"@(everyone|here)")
_ID_MENTION = re.compile(r"<@([!&]?)")
# Control characters an untrained or odd model emits; they render as garbage (tabs and newlines stay).
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def neutralise_mentions(text: str) -> str:
    """Make every mention harmless with a zero-width space (`@​everyone`, `<​@123>`); idempotent."""
    text = _MASS_MENTION.sub(f"@{ZWSP}\\1", text)
    return _ID_MENTION.sub(f"<{ZWSP}@\\1", text)


def one_tweet(continuation: str) -> str:
    """The continuation up to its first end-of-text or newline: one tweet, as huggingtweets cuts it."""
    for stop in (EOS_TEXT, "\n", "\r"):
        continuation = continuation.split(stop, 1)[0]
    return continuation


def clip(text: str, limit: int = DISCORD_LIMIT) -> str:
    """`text` if it fits in `limit` characters, else cut to `limit` with a trailing ellipsis."""
    if len(text) <= limit:
        return text
    return text[: max(limit - 1, 0)].rstrip() + "…" if limit > 0 else ""


def format_sample(prompt: str, continuation: str, limit: int = DISCORD_LIMIT) -> str:
    """The user's prompt followed by one tweet of continuation, stripped, neutralised, at most `limit`."""
    text = (prompt + _CONTROL.sub("", one_tweet(continuation))).strip()
    return clip(neutralise_mentions(text), limit)
