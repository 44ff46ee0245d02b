"""The console's input: reading lines (`LineReader`: readline and a history file at a terminal, plain
reads when piped, on a thread of its own) and parsing one into a declared command and its values
(`parse_command`, through `bot.command_set`: which words are positional, which are `name=value`,
their types, the usage line). Splitting the words (`split_words`) keeps apostrophes and quotes as
typed unless they must group words; a word that looks like an option but names none is an error
(`split_options`), so a typo never slips into a prompt.
"""

from __future__ import annotations

import asyncio
import contextlib
import difflib
import os
import re
import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import TextIO

from bot.command_set import GROUPS, Command, User, find
from bot.command_set import console_usage as usage_of
from bot.errors import InvalidRequest
from bot.output import quote_user

# Not `> `: that is how a Discord quote starts, and the cards' lines would look typed.
PROMPT = "persona-bot> "
# An unquoted word that reads as an option: `name=value` (a quoted value may hold spaces).
OPTION = re.compile(r"([A-Za-z_]+)=(.*)", re.DOTALL)
# Where a quote opens: at the start of a word, or right after `name=`. A quote inside a word
# (don't, l'été) is only an apostrophe, so everyday prompts need no quoting.
QUOTE_OPEN = re.compile(r"([A-Za-z_]+=)?(['\"])")
GROUP_NAMES = frozenset(g.name for g in GROUPS)


def typed_command(line: str) -> str | None:
    """The command a line names, lowercased (`persona list`); None for a blank line or a `#` comment."""
    plain = line.split()
    if not plain or plain[0].startswith("#"):
        return None
    name = plain[0].lstrip("/").lower()
    if name in GROUP_NAMES and len(plain) > 1:
        name = f"{name} {plain[1].lower()}"
    return name


def named_options(command: Command) -> dict[str, type]:
    """The `name=value` options the console takes for `command`, with their types."""
    return {o.name: o.type for o in command.console_options() if o.console == "named"}


def parse_command(name: str, line: str) -> tuple[Command, dict[str, object]]:
    """The declared command `name` (from `typed_command(line)`) and the values the line gives it, by
    option name: `name=value` options converted to their types, then the positional words in the
    declared order (a "rest" option takes every word left, joined by spaces). An unknown command, an
    unknown or ill-typed option, or words missing or left over raise InvalidRequest."""
    command = find(name)
    if command is None or "console" not in command.where:
        raise InvalidRequest(f"Unknown command '/{quote_user(name, 40)}'. Type /help for the list.")
    words = split_words(line)[2 if command.group is not None else 1:]
    options, args = split_options(words, named_options(command), name)
    values: dict[str, object] = dict(options)
    for option in command.console_options():
        if option.console == "rest" and args:
            values[option.name], args = " ".join(args), []
        elif option.console == "word" and args:
            values[option.name], args = args[0], args[1:]
        if option.required and option.name not in values:
            raise InvalidRequest(f"Usage: {usage_of(command)}")
    if args:
        raise InvalidRequest(f"Usage: {usage_of(command)}")
    return command, values


class Quoted(str):
    """A word typed in quotes: taken as it is, never as an option."""

    __slots__ = ()


def split_words(line: str) -> list[str]:
    """The line's words, split at whitespace. Quotes group words only where they must: an option's
    value (`author="Jo Smith"`) or text holding `=` that is no option (`"x=1 is math"`, one `Quoted`
    word). Every other quote is text and stays as typed (`"hello", she said`, `the '90s`, `don't`),
    and a quote never closed is text too."""
    words: list[str] = []
    i, n = 0, len(line)
    while i < n:
        if line[i].isspace():
            i += 1
            continue
        opening = QUOTE_OPEN.match(line, i)
        if opening is not None:
            key, quote = opening.group(1), opening.group(2)
            closing = re.compile(re.escape(quote) + r"(?=\s|$)").search(line, opening.end())
            inside = line[opening.end():closing.start()] if closing is not None else ""
            if closing is not None and (key or "=" in inside):
                words.append(f"{key}{inside}" if key else Quoted(inside))
                i = closing.end()
                continue
        end = i
        while end < n and not line[end].isspace():
            end += 1
        words.append(line[i:end])
        i = end
    return words


def split_options(words: list[str], known: Mapping[str, type] | None = None,
                  command: str = "imitate") -> tuple[dict[str, int | float | str], list[str]]:
    """Pull the `name=value` options `known` to `command` (/imitate's by default) out of the words;
    the rest is positional. An unquoted word that looks like an option but names none is an error
    (a typo must not slip into the prompt); a `Quoted` word is always positional."""
    if known is None:
        declared = find(command)
        known = named_options(declared) if declared is not None else {}
    options: dict[str, int | float | str] = {}
    rest: list[str] = []
    for word in words:
        option = None if isinstance(word, Quoted) else OPTION.fullmatch(word)
        if option is None:
            rest.append(word)
            continue
        key, value = option.group(1), option.group(2)
        kind = known.get(key)
        if kind is None:
            raise unknown_option(key, known, command)
        if kind is int or kind is User:  # a user is their id in the console
            try:
                options[key] = int(value)
            except ValueError:
                raise InvalidRequest(f"{key} must be a whole number (got '{quote_user(value)}').") from None
        elif kind is float:
            try:
                options[key] = float(value)
            except ValueError:
                raise InvalidRequest(f"{key} must be a number (got '{quote_user(value)}').") from None
        else:
            options[key] = value
    return options, rest


def unknown_option(key: str, known: Mapping[str, type], command: str) -> InvalidRequest:
    """The error for `key=...` that names no option of `command`: the options it has, and the closest."""
    lowered = {k.lower(): k for k in known}
    close = difflib.get_close_matches(key.lower(), list(lowered), n=1)
    hint = f" did you mean {lowered[close[0]]}?" if close else ""
    takes = (f"/{command} takes {', '.join(f'{k}=' for k in known)}" if known
             else f"/{command} takes no options")
    return InvalidRequest(f"Unknown option '{key}':{hint} {takes}. Text with '=' goes in quotes: "
                          "\"x=1 is math\".")


class LineReader:
    """Input lines from a thread of their own: `input()` with readline on a terminal, plain reads when
    piped. The next line is read only once the previous one has been answered (the prompt comes last);
    what comes meanwhile (a training's progress) prints above the prompt."""

    def __init__(self, interactive: bool, history: Path | None = None, stream: TextIO | None = None) -> None:
        self.interactive = interactive
        self.history = history
        self.stream = stream
        self.prompting = False  # input() shows the prompt and waits for a line
        self._want = threading.Event()
        self._lines: asyncio.Queue[str | None] = asyncio.Queue()
        self._loop: asyncio.AbstractEventLoop | None = None

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        self._loop = loop
        if self.interactive and self.history is not None:
            import readline

            with contextlib.suppress(OSError):
                readline.read_history_file(self.history)
        # A daemon thread: a blocked input() must not keep the process alive after Ctrl-C or quit.
        threading.Thread(target=self._read, name="console-input", daemon=True).start()

    async def next(self) -> str | None:
        self._want.set()
        return await self._lines.get()

    def close(self) -> None:
        if self.interactive and self.history is not None:
            with contextlib.suppress(OSError):
                save_history(self.history)

    def print_above(self, text: str, out: TextIO) -> None:
        """Print `text` on the prompt's line, then the prompt again with what was typed so far."""
        typed = ""
        if self.interactive:
            import readline

            typed = readline.get_line_buffer()
        out.write(f"\r\x1b[K{text}\n{PROMPT}{typed}")
        out.flush()

    def _read(self) -> None:
        assert self._loop is not None
        stream = self.stream or sys.stdin
        while True:
            self._want.wait()
            self._want.clear()
            line: str | None
            try:
                if self.interactive:
                    self.prompting = True
                    try:
                        line = input(PROMPT)
                    finally:
                        self.prompting = False
                else:
                    line = stream.readline() or None
            except (EOFError, OSError, ValueError):
                line = None
            self._loop.call_soon_threadsafe(self._lines.put_nowait, line)
            if line is None:
                return


def save_history(path: Path) -> None:
    """Write readline's history to `path` atomically (temporary file, then rename): a kill mid-write
    leaves the old history, never half of one."""
    import readline

    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        readline.write_history_file(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
