"""Which names the project accepts, and how an untrusted display name is made safe to show.

X handles, persona names (a handle, or handles joined by '-' for a blend), shared base names and a
persona's picture file name are checked here, and Discord ids (`Snowflake`: whose a persona is, where
it may speak); `normalise_display_name` makes a display name read from an archive safe to show on one
line. Its own module because every layer needs these rules (the
readers of exports, the checkpoint contract, the trainer and the bot) and they need nothing else.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated

from pydantic import AfterValidator, Strict

# A base's NAME under models/.bases: a letter or digit, then letters, digits, '_', '-' or '.'.
BASE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
# A Twitter handle: 1-15 letters, digits or underscores; a blend joins handles with '-'.
HANDLE_RE = re.compile(r"[A-Za-z0-9_]{1,15}")
PERSONA_RE = re.compile(r"[A-Za-z0-9_]{1,15}(?:-[A-Za-z0-9_]{1,15})*")
# Discord's limit on a choice name, and well within a filesystem's 255 bytes for the folder name.
MAX_PERSONA_NAME = 100
# X's limit on a display name; archives are untrusted, so a longer one is clipped to it.
MAX_DISPLAY_NAME = 50
# Bidi embeddings, overrides and isolates: they can reorder the text shown after a name.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that continue the grapheme before them: a clip must not fall just before one.
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")
# A persona's picture file: the bot serves it over HTTP by this name, so it can never name a path.
AVATAR_FILE_RE = re.compile(r"avatar-[0-9a-f]{12}\.(png|jpg|gif|webp)")


_NOT_HANDLE = re.compile(r"[^A-Za-z0-9_]")


def handle_characters(text: str) -> str:
    """`text` reduced to what a handle may hold (letters, digits, `_`), 15 characters at most; "" when
    nothing is left."""
    return _NOT_HANDLE.sub("", text)[:15]


def is_valid_handle(name: str) -> bool:
    return HANDLE_RE.fullmatch(name) is not None


def is_valid_persona_name(name: str) -> bool:
    return len(name) <= MAX_PERSONA_NAME and PERSONA_RE.fullmatch(name) is not None


def is_valid_base_name(name: str) -> bool:
    """A NAME for `models/.bases/NAME`; never "tiny", which names the from-scratch preset."""
    return name != "tiny" and BASE_NAME_RE.fullmatch(name) is not None and ".." not in name


def normalise_display_name(text: str) -> str:
    """A display name safe to show on one line: control characters (and line or paragraph separators)
    as spaces, bidi embedding/override/isolate controls removed, whitespace collapsed, clipped to
    `MAX_DISPLAY_NAME` characters without splitting a combined character or emoji. May return ''."""
    kept = []
    for ch in text:
        if ch in _BIDI_CONTROLS:
            continue
        kept.append(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch)
    name = " ".join("".join(kept).split())
    if len(name) <= MAX_DISPLAY_NAME:
        return name
    return name[:_grapheme_cut(name, MAX_DISPLAY_NAME)].rstrip()


def _grapheme_cut(text: str, limit: int) -> int:
    """The largest cut <= `limit` not inside a grapheme (an approximation of Unicode's rules: combining
    marks, joiners, variation selectors, skin tones, tags and flag pairs); `limit` if there is none."""
    cut = limit
    while cut > 0 and (_continues(text[cut]) or text[cut - 1] == "\u200d"):
        cut -= 1
    # A flag is a pair of regional indicators: an odd run before the cut means the cut splits one.
    run = 0
    while cut - run > 0 and _regional(text[cut - run - 1]):
        run += 1
    if run % 2 and _regional(text[cut]):
        cut -= 1
    return cut or limit


def _continues(ch: str) -> bool:
    code = ord(ch)
    return (unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in _JOINERS
            or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F)


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


# Discord ids (users, servers) are snowflakes: positive integers below 2**64.
SNOWFLAKE_LIMIT = 2**64


def is_snowflake(value: int) -> bool:
    """Whether `value` can be a Discord id (a user's, a server's)."""
    return 0 < value < SNOWFLAKE_LIMIT


def _snowflake(value: int) -> int:
    if not is_snowflake(value):
        raise ValueError(f"{value} is not a Discord id (a positive integer below 2**64)")
    return value


# Strict: a JSON integer only, never a string, a float or a boolean.
Snowflake = Annotated[int, Strict(), AfterValidator(_snowflake)]
