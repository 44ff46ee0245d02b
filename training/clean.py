"""huggingtweets' cleaning rules, each step counted into the data table of one handle.

Order: retweets (boosts, reposts) dropped; private posts (followers-only, direct: Mastodon; DMs:
Discord) dropped; posts over a reader's size cap (never parsed) dropped; messages without text
(attachments only: a Discord data package) dropped; then (optional) replies
dropped; HTML unescaped, links removed, whitespace collapsed, (optional) leading reply mentions
stripped; short tweets dropped (fewer than 3 words free of `http`, `@` and `#`, two characters of a
script written without spaces counting as a word); then (optional) exact duplicates dropped. Every
tweet read lands in exactly one row, so retweets + short + extra rows + kept == downloaded.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from training.checkpoint import DataTable
from training.config import TrainingSettings
from training.records import Record

URL_RE = re.compile(r"https?://\S+")
LEADING_MENTIONS_RE = re.compile(r"^(?:\.?@\w+[:,]?\s+)+")
BORING_MARKS = ("http", "@", "#")


def clean_text(text: str, strip_mentions: bool = False) -> str:
    """One tweet as huggingtweets keeps it: entities unescaped, links gone, whitespace collapsed."""
    text = html.unescape(text)
    text = URL_RE.sub(" ", text)
    text = " ".join(text.split())
    if strip_mentions:
        text = LEADING_MENTIONS_RE.sub("", text + " ").strip()
    return text


# Scripts written without spaces between words: Han (with its marks and the CJK symbols block's
# ideographic iteration marks), Hiragana, Katakana (and its phonetic extensions, half-width forms),
# Thai, Lao, Khmer, Myanmar. In these a space-separated token is a phrase or a sentence.
_UNSPACED = re.compile(
    "[\u3005-\u3007\u3021-\u3029\u3038-\u303b\u3040-\u309f\u30a0-\u30ff\u31f0-\u31ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufaff\uff66-\uff9f\U00020000-\U0003134f\u0e00-\u0e7f\u0e80-\u0eff"
    "\u1780-\u17ff\u19e0-\u19ff\u1000-\u109f\ua9e0-\ua9ff\uaa60-\uaa7f]")
CHARS_PER_WORD = 2  # in unspaced scripts, two characters count as one word (at least one per token)


def word_count(token: str) -> int:
    """Words in one whitespace-separated token: 1, or for a token in a script written without spaces
    one per 2 of its characters in that script (at least 1)."""
    unspaced = len(_UNSPACED.findall(token))
    return max(1, unspaced // CHARS_PER_WORD) if unspaced else 1


def is_short(text: str) -> bool:
    """huggingtweets' "boring tweet": fewer than 3 words free of `http`, `@` and `#`, where words are
    counted so that Japanese, Chinese, Thai... count too (`word_count`); space-separated languages
    count exactly as huggingtweets did."""
    words = [w for w in text.split() if not any(mark in w.lower() for mark in BORING_MARKS)]
    return sum(word_count(w) for w in words) < 3


def clean_records(records: Iterable[Record], settings: TrainingSettings, visibility: bool = False,
                  protected: bool = False) -> tuple[list[str], DataTable]:
    """The kept tweets of one handle, in input order, and the table counting what happened to each.
    `visibility`: the export says who could see each post (Mastodon): followers-only and direct
    posts are counted in a "private" row and never trained on. `protected`: the export says the
    account is protected (noted in the table)."""
    downloaded = retweets = private = too_long = no_text = short = replies = duplicates = stripped = 0
    kept: list[str] = []
    seen: set[str] = set()
    for record in records:
        downloaded += 1
        if record.retweet:
            retweets += 1
            continue
        if record.private:
            private += 1
            continue
        if record.too_long:
            too_long += 1
            continue
        if record.no_text:  # attachments only: nothing to learn, said apart from short ones
            no_text += 1
            continue
        if settings.drop_replies and record.reply:
            replies += 1
            continue
        text = clean_text(record.text)
        if settings.strip_reply_mentions:
            without = clean_text(record.text, strip_mentions=True)
            stripped += without != text
            text = without
        if is_short(text):
            short += 1
            continue
        if settings.drop_duplicates:
            if text in seen:
                duplicates += 1
                continue
            seen.add(text)
        kept.append(text)
    filters = {"private": private} if visibility or private else {}
    if too_long:
        filters["too_long"] = too_long
    if no_text:
        filters["no_text"] = no_text
    if settings.drop_replies:
        filters["replies"] = replies
    if settings.drop_duplicates:
        filters["duplicates"] = duplicates
    table = DataTable(downloaded=downloaded, retweets=retweets, short=short, filters=filters, kept=len(kept),
                      kept_chars=sum(len(t) for t in kept), mentions_stripped=stripped, protected=protected)
    return kept, table


def table_rows(table: DataTable) -> dict[str, int]:
    """The table's counts by key (for JSON), in the order of `DataTable.rows`."""
    return {"downloaded": table.downloaded, "retweets": table.retweets, "short": table.short,
            **table.filters, "kept": table.kept}


def format_table(tables: dict[str, DataTable]) -> str:
    """huggingtweets' data table in Markdown: one row per count, one column per handle."""
    lines = ["| Data | " + " | ".join(f"@{h}" for h in tables) + " |",
             "| --- |" + " --- |" * len(tables)]
    columns = [t.rows() for t in tables.values()]  # one training's tables share their filters
    for i, (label, _) in enumerate(columns[0]):
        lines.append(f"| {label} | " + " | ".join(str(rows[i][1]) for rows in columns) + " |")
    protected = [f"@{h}" for h, t in tables.items() if t.protected]
    if protected:
        lines.append(f"\n{' and '.join(protected)}: a protected account (its posts were seen by approved "
                     "followers only).")
    return "\n".join(lines)


def table_json(tables: dict[str, DataTable], warnings: list[str] | None = None) -> dict:
    """`inspect --json`: the counts summed over handles as top-level integers (and nothing else
    integer at the top), per-handle tables and the rest nested."""
    total: dict[str, int] = {}
    for table in tables.values():
        for key, value in table_rows(table).items():
            total[key] = total.get(key, 0) + value
    details = {"kept_chars": sum(t.kept_chars for t in tables.values()),
               "mentions_stripped": sum(t.mentions_stripped for t in tables.values()),
               "protected": [h for h, t in tables.items() if t.protected],
               "warnings": warnings or []}
    return {**total, "handles": {h: t.model_dump() for h, t in tables.items()}, "details": details}
