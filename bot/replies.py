"""What the bot says: the `Reply` every command answers with, the tweet `Card`, and the texts built
from a persona or a training (the card's header, /persona info, the pages of /persona list, a
training's progress and its outcome, Who asked?).

Everything here is a pure function of plain values; the command layer (`bot.commands`) decides what to
say and when, the front ends how to show it. Names and handles come from uploaded manifests, so each
is shown escaped (`shown_name`, `shown_handles`) or reduced to what a handle may hold (`safe_handle`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot.output import (
    DISCORD_LIMIT,
    clip,
    clip_escaped,
    escape_markdown,
    neutralise_mentions,
    outbound,
    quote_user,
)
from training.checkpoint import PersonaMeta
from training.names import handle_characters, normalise_display_name
from training.voice import voice_line

if TYPE_CHECKING:
    from bot.message_log import PersonaMessage
    from bot.personas import PersonaEntry
    from bot.training_jobs import JobEvent
    from training.checkpoint import VoiceReport

AI_LABEL = "🤖 AI Bot"
TWEET_SEPARATOR = "\n\n"  # between the tweets of one persona message (count > 1)
LIST_PAGE_SIZE = 20  # personas on a /persona list page (fewer where long names would pass 2,000 characters)
LIST_FRAME = 120  # characters of each list page kept for its header and footer
LIST_SORTS = ("name", "voice")  # the orders /persona list can show
LIST_PAGE_USAGE = "/persona list page:{page}"  # how Discord asks for a page; the console passes its own


@dataclass(frozen=True)
class Card:
    """A generated tweet as the persona posts it: who (the name with the AI marker, unescaped: a
    webhook username or an embed author is no Markdown), @handle, the picture, the text(s)."""

    persona: str
    display_name: str  # as the archive gave it (normalised), else the handle
    handle: str  # "@a" (a blend: "@a @b")
    texts: tuple[str, ...]
    picture: Path | None = None  # the persona's profile picture, when it has one
    marker: str = ""  # `[discord] ai_marker`, after the name wherever it is shown
    label: str = AI_LABEL
    copy_rejections: int = 0  # draws the copy guard rejected while making it (for the message record)

    @property
    def name(self) -> str:
        return self.display_name + self.marker


@dataclass(frozen=True)
class Reply:
    """What a command answers: `text` is the whole message content; `card` when it is a tweet card.
    `progress`: an update on the way to the result (a front end may drop one; never the result)."""

    text: str
    ephemeral: bool = False
    card: Card | None = None
    progress: bool = False
    picture: Path | None = None  # an image to show with the text (/persona info)
    mention: int | None = None  # a user the text starts with ("Who asked?"): shown, never pinged
    # Further lines after the text, each starting with a user (as `mention`: shown, never pinged).
    more: tuple[tuple[int, str], ...] = ()
    public_fallback: bool = True  # False: for the asker's eyes only, never posted in the channel


# --- names ------------------------------------------------------------------------------------------

def shown_name(meta: PersonaMeta) -> str:
    """A display name as shown in a message: it comes from an uploaded manifest, so it may not ping
    anyone, format the message, break it over lines or crowd out the text (normalised again here:
    a persona.json written before training checked names may hold anything)."""
    names = [normalise_display_name(h.display_name) or safe_handle(h.handle) for h in meta.handles]
    return escape_markdown(neutralise_mentions(" & ".join(names)))


def safe_handle(handle: str) -> str:
    """A handle reduced to the characters a handle may have (training refuses others; an older
    persona.json may still hold them), so it is safe inside code blocks too."""
    return handle_characters(handle) or "unknown"


def shown_handles(meta: PersonaMeta) -> str:
    return " ".join(f"@{escape_markdown(safe_handle(h.handle))}" for h in meta.handles)


def plain_name(meta: PersonaMeta) -> str:
    """The display name as plain text (a webhook username, an embed author): normalised, or the
    handle where the archive had none; not Markdown-escaped (those places show no Markdown)."""
    return " & ".join(normalise_display_name(h.display_name) or f"@{safe_handle(h.handle)}"
                      for h in meta.handles)


def code_text(text: str, limit: int = 100) -> str:
    """Text for inside `code` in a message: one line, no backtick to end the code early, clipped."""
    return clip(" ".join(text.replace("`", "").split()), limit)


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}{'' if n == 1 else 's'}"


# --- the tweet card -----------------------------------------------------------------------------------

def card_header(meta: PersonaMeta, marker: str) -> str:
    return f"**{shown_name(meta)}{escape_markdown(marker)}** {shown_handles(meta)} · {AI_LABEL}"


def tweet_card(persona: str, meta: PersonaMeta, texts: list[str], marker: str = "",
               picture: Path | None = None, copy_rejections: int = 0) -> Reply:
    """The huggingtweets-style card: as text (the console, and Discord when nothing else works),
    within Discord's 2,000 characters, and as a `Card` a front end posts under the persona's name."""
    header = card_header(meta, marker)
    texts = [t.strip() or "…" for t in texts]
    room = (DISCORD_LIMIT - len(header) - 4 * len(texts)) // max(1, len(texts))
    texts = [clip_escaped(t, room) for t in texts]  # tweets come escaped (`output.discord_tweet`)
    body = "\n\n".join("> " + t.replace("\n", "\n> ") for t in texts)
    handles = " ".join(f"@{safe_handle(h.handle)}" for h in meta.handles)
    card = Card(persona, plain_name(meta), handles, tuple(texts), picture, marker,
                copy_rejections=copy_rejections)
    return Reply(f"{header}\n{body}", card=card)


# --- /persona info ------------------------------------------------------------------------------------

def persona_info_text(meta: PersonaMeta) -> str:
    rows: list[tuple[str, ...]] = [("Data", *(f"@{safe_handle(h.handle)}" for h in meta.handles))]
    # training's rows, one column per handle; a label a handle lacks shows 0, the total stays last.
    tables = [h.data.rows() for h in meta.handles]
    columns = [dict(t) for t in tables]
    labels = [*dict.fromkeys(label for t in tables for label, _ in t[:-1]), tables[0][-1][0]]
    rows += [(label, *(str(col.get(label, 0)) for col in columns)) for label in labels]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    table = "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows)
    m = meta.metrics
    return (
        f"**{shown_name(meta)}** {shown_handles(meta)} (`{meta.name}`)\n"
        f"```\n{table}\n```\n"
        f"{model_text(meta)} · trained {meta.created_at:%Y-%m-%d %H:%M} UTC\n"
        # Training measures both on the same held-out tweets: the base before, the persona after.
        f"Validation perplexity on the person's held-out tweets: base {m.val_ppl_before:.1f} → "
        f"persona {m.val_ppl_after:.1f} (loss {m.val_loss_before:.3f} → {m.val_loss_after:.3f})"
        f"{scope_text(meta)}"
    )


def scope_text(meta: PersonaMeta) -> str:
    """Whose it is and where it speaks (`<@id>` shows the member's name on Discord; posts carrying it
    ping nobody, as every message passes `outbound` with mentions off)."""
    # A subject set through the bot said yes (their Accept, or their own /persona me); one set by the
    # operator (the command line, the console) was not asked by the bot.
    consent = ", made with their consent" if meta.owner is not None else ", recorded by the bot's operator"
    of = f"of <@{meta.subject}>{consent}" if meta.subject is not None else "of a public account (its handle)"
    by = f", added by <@{meta.owner}>" if meta.owner is not None else ", added by the bot's operator"
    where = ("usable in every server" if meta.servers is None
             else f"usable only in {plural(len(meta.servers), 'server')} that made it")
    return f"\nA persona {of}{by}; {where}."


def persona_info_more(voice: VoiceReport | None, guard: str, has_picture: bool) -> str:
    """What /persona info adds after the table: the voice report, the copy guard, a missing picture."""
    shown = (f"\n{voice_line(voice)}." if voice is not None
             else "\nVoice: not measured (trained before the voice report; `python -m training eval`).")
    return shown + f"\n{guard.capitalize()}." + ("" if has_picture else "\nNo profile picture.")


def model_text(meta: PersonaMeta) -> str:
    """What the persona is: a whole fine-tuned model, or a LoRA adapter on a shared base; for the
    offline `tiny` model, honestly what to expect of it."""
    if meta.kind != "lora":
        if meta.base_model == "tiny":
            return ("Base model: `tiny`, a small model trained from scratch on this account alone: it "
                    "picks up words and topics, but writes loosely joined phrases (a pretrained base such "
                    "as gpt2 writes like a person)")
        return f"Base model: `{code_text(meta.base_model)}`"
    # PersonaMeta's validator makes a "lora" persona name both its base and its adapter's shape.
    base = code_text(meta.base.name if meta.base is not None and meta.base.name else meta.base_model)
    rank_text = f" (rank {meta.lora.rank})" if meta.lora is not None else ""
    return f"LoRA adapter{rank_text} on base `{base}`"


# --- /persona list ------------------------------------------------------------------------------------

def persona_line(entry: PersonaEntry, voice: bool = False) -> str:
    line = f"• `{entry.name}`: {shown_name(entry.meta)} ({shown_handles(entry.meta)})"
    report = entry.meta.voice
    if voice and report is not None and report.voice is not None:
        line += f" · sounds like them in {report.voice * 10:.1f} of 10"
    return line


def by_voice(entries: Sequence[PersonaEntry]) -> list[PersonaEntry]:
    """Personas by their voice figure, highest first; those never measured last, by name."""
    def figure(entry: PersonaEntry) -> float:
        report = entry.meta.voice
        return -1.0 if report is None or report.voice is None else report.voice
    return sorted(entries, key=lambda e: (-figure(e), e.name))


def list_pages(entries: Sequence[PersonaEntry], per_page: int = LIST_PAGE_SIZE,
               limit: int = DISCORD_LIMIT, voice: bool = False) -> list[list[str]]:
    """Every persona's line, once, in pages of at most `per_page` lines that fit in `limit` characters
    with room for a header and a footer. A page ends early rather than pass the limit (names written
    before training clipped them can be long); only a line too long for a page of its own is clipped.

    Lines are kept as they will be sent (`outbound`: a link in a name gains its angle brackets), so
    what is counted is what Discord receives; outbound changes them no further when the page is sent."""
    room = limit - LIST_FRAME
    pages: list[list[str]] = []
    page: list[str] = []
    used = 0
    for entry in entries:
        line = outbound(persona_line(entry, voice), room)
        if page and (len(page) == per_page or used + len(line) + 1 > room):
            pages.append(page)
            page, used = [], 0
        page.append(line)
        used += len(line) + 1
    if page:
        pages.append(page)
    return pages


def list_page_text(count: int, pages: list[list[str]], page: int, usage: str = LIST_PAGE_USAGE) -> str:
    """Page `page` (from 1) of `pages`: a header with the count, the lines, the way to the next page."""
    total = len(pages)
    header = f"**{plural(count, 'persona')}**" + (f" (page {page} of {total})" if total > 1 else "")
    footer = [f"Next page: `{usage.format(page=page + 1)}`"] if page < total else []
    return "\n".join([header, *pages[page - 1], *footer])


# --- Who asked? ---------------------------------------------------------------------------------------

def imitate_text(record: PersonaMessage) -> str:
    """The command a persona message answered, as Who asked? shows it."""
    how = f"`/imitate {record.persona}" + (f" {code_text(record.prompt, 300)}`" if record.prompt else "`")
    return how + (" as a reply" if record.reply_to is not None else "")


def who_asked_reply(record: PersonaMessage, original: PersonaMessage | None = None,
                    original_link: str = "") -> Reply:
    """Who made the persona say it, with which prompt and when (ephemeral). For an Another: who
    pressed it, on which message (`original_link`), and, while its record lasts (`original`), who
    asked for that one."""
    when = f"<t:{int(record.created_at)}:R>"
    if record.another_of is None:
        return Reply(f"asked for it with {imitate_text(record)}, {when}.", ephemeral=True,
                     mention=record.invoker_id, public_fallback=False)
    on = original_link or "an earlier message"
    more: tuple[tuple[int, str], ...] = ()
    if original is not None:
        more = ((original.invoker_id, f"asked for that one, <t:{int(original.created_at)}:R>."),)
    return Reply(f"asked for it with **Another** of {on} ({imitate_text(record)}), {when}.",
                 ephemeral=True, mention=record.invoker_id, more=more, public_fallback=False)


USAGE_ROWS = 20  # /persona usage: the newest requests shown


USAGE_PROMPT_CHARS = 40  # of each prompt /persona usage shows: 20 rows must fit one message


def usage_reply(name: str, records: Sequence[PersonaMessage]) -> Reply:
    """/persona usage: who asked the persona for what, newest first (for its subject or owner only).
    Each row names who asked as a mention (`more`: shown by name, pinging nobody), when, and the prompt,
    clipped so that twenty rows fit Discord's 2,000 characters whatever the prompts were."""
    if not records:
        return Reply(f"Nobody has asked `{code_text(name)}` for anything the record still holds.",
                     ephemeral=True, public_fallback=False)
    rows = tuple((r.invoker_id, f"<t:{int(r.created_at)}:f> asked "
                                + (f"`{code_text(r.prompt, USAGE_PROMPT_CHARS)}`" if r.prompt
                                   else "for a fresh tweet"))
                 for r in records)
    return Reply(f"Newest {plural(len(records), 'request')} to `{code_text(name)}`:", ephemeral=True,
                 more=rows, public_fallback=False)


def size_text(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n / 1e3:.1f} KB" if n >= 1000 else f"{n} bytes"


# --- /persona add ---------------------------------------------------------------------------------------

def progress_text(name: str, event: JobEvent) -> str:
    if event.kind == "queued":
        if event.position == 0:
            return f"⏳ Training `{name}`: starting…"
        ahead = f"{event.position} training{'s' if event.position != 1 else ''}"
        return f"⏳ Training `{name}`: queued at position {event.position + 1} ({ahead} ahead)."
    if event.kind == "started":
        return f"⏳ Training `{name}`: started…"
    if event.kind == "progress" and event.total:
        loss = f", loss {event.loss:.3f}" if event.loss is not None else ""
        pct = 100 * event.step // event.total
        return f"⏳ Training `{name}`: {event.phase} step {event.step}/{event.total} ({pct}%){loss}"
    if event.kind == "warning":
        return f"⏳ Training `{name}`: ⚠️ {quote_user(event.message, 300)}"
    return f"⏳ Training `{name}`: {quote_user(event.message or event.phase, 300)}"


def added_reply(entry: PersonaEntry | None, name: str, replacing: bool, done: dict) -> Reply:
    verb = "Retrained" if replacing else "Added"
    if entry is None:  # trained, but the registry does not list it (should not happen)
        return Reply(f"✅ {verb} `{name}`.")
    meta = entry.meta
    seconds = done.get("seconds")
    took = f" in {seconds:.0f}s" if isinstance(seconds, (int, float)) else ""
    info = clip(persona_info_text(meta), 1800)
    return Reply(f"✅ {verb} `{name}`{took}: try `/imitate {name}`.\n{info}")


# The paths a training error may name (the download, models/, a temporary folder): absolute POSIX
# paths, not inside a word or a URL; shown by their last part only.
_ABSOLUTE_PATH = re.compile(r"(?<![\w:/.~-])/(?:[^\s/:'\"()]+/)*[^\s/:'\"()]*")
# Where a training error lists a chat export's authors (names, ids, message counts), to be left out.
_AUTHOR_LISTING = re.compile(r"(?:choose one with --author|give the id instead) \(.*", re.DOTALL)


def training_failure_text(message: str, data: Path, filename: str) -> str:
    """A training's error as the asker sees it (quoted: Markdown-safe, one line): the archive named by
    its file name (not the server's download path), any other path by its last part, and the authors
    of a chat export (other people's names, ids, message counts) replaced by how to choose one."""
    message = message.replace(str(data), filename)
    message = _ABSOLUTE_PATH.sub(lambda m: Path(m.group(0)).name or "…", message)
    listing = _AUTHOR_LISTING.search(message)
    if listing is None:
        return quote_user(message, 1500)
    head = quote_user(message[:listing.start()], 1400)
    if listing.group(0).startswith("give the id"):
        return f"{head} give `author` as that person's Discord user id instead."
    return f"{head} give `author=ID_OR_NAME` (the person's Discord user id or name)."
