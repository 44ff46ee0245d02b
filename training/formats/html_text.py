"""A post's HTML as plain text, in time linear in its length.

Mastodon (and other ActivityPub servers) give a post's words as sanitised HTML: paragraphs, line
breaks, links, mentions. `html_to_text` keeps every text node, separates blocks, decodes entities and
never rescans the input (a `<` that opens no complete tag is text). Its own module: a parser with its
own cost bounds, beside the reader of the archive that uses it (`mastodon.py`).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser


class _TextParser(HTMLParser):
    """Mastodon's post HTML as text: every text node kept (a long link's invisible spans too, so its
    full URL is there for cleaning to remove), block elements separating words."""

    PARAGRAPHS = frozenset({"p", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6"})
    LINES = frozenset({"div", "li", "ul", "ol", "tr", "hr", "dd", "dt", "dl", "table"})
    SKIPPED = frozenset({"script", "style"})  # Mastodon strips them; another server might not
    BR = 0  # a hard line break; 1 and 2 are a block's edge, where a line or a paragraph ends

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)  # entities decoded, even split across data chunks
        self.parts: list[str | int] = []
        self._skipping = 0
        self._pre = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._skipping += tag in self.SKIPPED
        self._pre += tag == "pre"
        self._break(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._break(tag)  # <br/>

    def handle_endtag(self, tag: str) -> None:
        if tag in self.SKIPPED:
            self._skipping = max(0, self._skipping - 1)
        if tag == "pre":
            self._pre = max(0, self._pre - 1)
        self._break(tag)

    def handle_data(self, data: str) -> None:
        if not self._skipping:  # outside <pre> a newline in the source is only a space, as HTML has it
            self.parts.append(data if self._pre else data.replace("\r", " ").replace("\n", " "))

    def _break(self, tag: str) -> None:
        if tag == "br":
            self.parts.append(self.BR)
        elif tag in self.PARAGRAPHS:
            self.parts.append(2)
        elif tag in self.LINES:
            self.parts.append(1)

    def text(self) -> str:
        # A block's edges meeting (`</li><li>`, `</p><p>`) make one break, the widest; each <br> is one.
        out: list[str] = []
        pending = 0
        for part in self.parts:
            if part == self.BR:
                out.append("\n" * pending + "\n")
                pending = 0
            elif isinstance(part, int):
                pending = max(pending, part)
            elif part.strip() or not pending:  # spaces beside a break are no words
                out.append("\n" * pending * bool(out) + part)
                pending = 0
        lines = [" ".join(line.split()) for line in "".join(out).split("\n")]
        return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


# A `<` that opens no complete tag (a name, then anything but `<` up to `>`): HTMLParser rescans from
# each one to the end of the input (`<a <a <a ...` is quadratic: 120k characters took 186 s), so it is
# given as text, `&lt;`, which is also what HTMLParser shows it as. Comments, declarations and
# processing instructions become text too: Mastodon's sanitiser lets none of them through.
_NOT_A_TAG_RE = re.compile(r"<(?!/?[A-Za-z][^<>]*>)")


def html_to_text(content: str) -> str:
    """Post HTML as plain text: paragraphs apart by a blank line, other blocks and `<br>` a line break,
    spaces within a line collapsed, entities decoded. Linear in the length of `content`."""
    parser = _TextParser()
    parser.feed(_NOT_A_TAG_RE.sub("&lt;", content))
    parser.close()
    return parser.text()
