"""What a generated continuation is as text: cut where its tweet ends, control characters out.

One definition for the bot's replies (`tweet_text`, which the pool returns; `bot/output.py` then
shapes it for Discord), the copy guard in `bot/pool/`, and the voice report (`training/eval.py`), so
the report measures the tweets the bot would show. No torch here: the bot's front end imports it with
the remote backend too.
"""

from __future__ import annotations

import re

EOS_TEXT = "<|endoftext|>"
REPLACEMENT = "\ufffd"  # "�": bytes that were no whole character; never part of a tweet
# Control characters an untrained or odd model emits; they render as garbage (tabs and newlines stay).
CONTROL_CHARS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def one_tweet(continuation: str, eos_text: str | None = EOS_TEXT) -> str:
    """The continuation up to its first end-of-text or newline: one tweet, as huggingtweets cuts it."""
    for stop in (eos_text, "\n", "\r"):
        if stop:
            continuation = continuation.split(stop, 1)[0]
    return continuation


def tweet_text(prompt: str, continuation: str, eos_text: str | None = EOS_TEXT) -> str:
    """The tweet a generation makes: the prompt followed by one tweet of its continuation, control
    characters and U+FFFD out (the pool decodes whole characters; this is the guarantee if one still
    arrives), stripped. Plain text: where it is shown decides its escaping and its length."""
    tweet = prompt + CONTROL_CHARS.sub("", one_tweet(continuation, eos_text))
    return tweet.replace(REPLACEMENT, "").strip()
