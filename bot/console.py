"""`python -m bot console`: the bot's commands typed as in Discord, answered locally, no token needed.

`/imitate marlowe_bakes My dream is count=3 seed=7`, `/persona add NAME PATH`, `/persona list`, ...
The local user is a bot owner, with no cooldown. Each reply prints what the Discord message would
contain; each tweet gets a number (`#3`) that `/another N` and `/continue N` follow up, as the buttons
do in Discord (without N: the last one). With a terminal: line editing and a history file in
`[paths] state_dir`; piped: runs every line, exits at EOF.
Lines are read on a thread of their own, so the event loop (and the pool behind it) never waits on input.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.commands import TWEET_SEPARATOR, Archive, Caller, Commands, ImitateRequest, Reply, open_commands
from bot.config import Config
from bot.errors import InvalidRequest
from bot.message_log import PersonaMessage
from bot.output import outbound

LOCAL_USER = Caller(user_id=0, local=True)  # the person at the machine: a bot owner
PROMPT = "> "
HISTORY_FILE = "console_history"
INT_OPTIONS = ("count", "seed")
FLOAT_OPTIONS = ("temperature",)
PAGE_USAGE = "/persona list page={page}"  # the console's way to ask for a page of the list
GREETING_NAMES = 10  # personas named when the console opens; /persona list shows the rest


def run_console(cfg: Config, config_path: Path | None = None) -> int:
    """Open the console on `cfg`; trains the sample persona first if `models/` holds none."""
    from bot.sample import ensure_sample_persona

    try:
        ensure_sample_persona(cfg.paths.models_dir, config_path)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    root = logging.getLogger()
    if root.level > logging.DEBUG:  # no INFO chatter between replies; -v still shows everything
        root.setLevel(logging.WARNING)
    interactive = sys.stdin.isatty()
    history = cfg.paths.state_dir / HISTORY_FILE if interactive else None
    try:
        asyncio.run(console(cfg, config_path, LineReader(interactive, history), sys.stdout))
    except KeyboardInterrupt:
        print(file=sys.stdout)
    return 0


@dataclass
class Session:
    """The console's persona messages, by number, for /another and /continue (this run only)."""

    messages: dict[int, PersonaMessage] = field(default_factory=dict)

    def remember(self, req: ImitateRequest, reply: Reply) -> Reply:
        """Number the tweet card and keep it; the reply shown carries the number."""
        card = reply.card
        if card is None:
            return reply
        number = len(self.messages) + 1
        self.messages[number] = PersonaMessage(
            message_id=number, persona=card.persona, invoker_id=LOCAL_USER.user_id, channel_id=0,
            prompt=req.prompt, text=TWEET_SEPARATOR.join(card.texts), created_at=time.time(),
            style="console", reply_to=req.reply_to, count=req.count, temperature=req.temperature,
            context=req.context)
        answers = f" (answering #{req.reply_to})" if req.reply_to else ""
        picture = f"\npicture: {card.picture}" if card.picture else ""
        return Reply(f"#{number}{answers} {reply.text}{picture}", card=card)

    def message(self, args: list[str], usage: str) -> PersonaMessage:
        if len(args) > 1 or (args and not args[0].lstrip("#").isdigit()):
            raise InvalidRequest(f"Usage: {usage}")
        if not self.messages:
            raise InvalidRequest("No tweet yet: /imitate one first.")
        number = int(args[0].lstrip("#")) if args else max(self.messages)
        if number not in self.messages:
            raise InvalidRequest(f"There is no tweet #{number} (1-{max(self.messages)}).")
        return self.messages[number]


async def console(cfg: Config, config_path: Path | None, reader: LineReader, out: TextIO) -> None:
    async with open_commands(cfg, config_path) as commands:
        print(f"persona-bot console. Personas: {greeting_names(commands.registry.names())}. "
              "Type /help, or quit.", file=out, flush=True)
        reader.start(asyncio.get_running_loop())
        session = Session()
        try:
            while (line := await reader.next()) is not None:
                if line.strip() in ("quit", "exit", "/quit", "/exit"):
                    break
                await execute(commands, line, lambda reply: show(reply, out), session)
        finally:  # Ctrl-C and errors too: the history typed so far is kept
            reader.close()


def greeting_names(names: list[str]) -> str:
    """The first few personas by name; with a thousand of them, the rest is a count."""
    if not names:
        return "none yet"
    shown = ", ".join(names[:GREETING_NAMES])
    more = len(names) - GREETING_NAMES
    return shown if more <= 0 else f"{shown} and {more} more (/persona list)"


def show(reply: Reply, out: TextIO) -> None:
    """Print what the Discord message would say: the same outbound rules as the Discord front end."""
    prefix = "(only you can see this) " if reply.ephemeral else ""
    who = f"user {reply.mention} " if reply.mention is not None else ""
    picture = f"\npicture: {reply.picture}" if reply.picture is not None and reply.card is None else ""
    print(prefix + who + outbound(reply.text) + picture, file=out, flush=True)


async def execute(commands: Commands, line: str, emit: Callable[[Reply], None],
                  session: Session | None = None) -> None:
    """Run one console line; every outcome, errors included, goes to `emit` as a Reply."""
    session = session if session is not None else Session()
    words = line.split()
    if not words or words[0].startswith("#"):
        return
    name = words[0].lstrip("/").lower()
    if name == "persona" and len(words) > 1:
        name = f"persona {words[1].lower()}"
        args = words[2:]
    else:
        args = words[1:]
    try:
        await _dispatch(commands, name, args, emit, session)
    except Exception as exc:  # a bad line is reported and the console carries on
        emit(commands.error_reply(name, exc))


async def _dispatch(commands: Commands, name: str, args: list[str], emit: Callable[[Reply], None],
                    session: Session) -> None:
    if name == "imitate":
        options, rest = split_options(args)
        if not rest:
            raise InvalidRequest("Usage: /imitate persona [prompt] [count=N] [temperature=T] [seed=S]")
        req = commands.prepare_imitate(LOCAL_USER, rest[0], " ".join(rest[1:]), **options)
        emit(session.remember(req, await commands.imitate(req)))
    elif name == "another":
        req = commands.prepare_another(LOCAL_USER, session.message(args, "/another [N]"))
        emit(session.remember(req, await commands.imitate(req)))
    elif name == "continue":
        req = commands.prepare_continue(LOCAL_USER, session.message(args, "/continue [N]"))
        emit(session.remember(req, await commands.imitate(req)))
    elif name == "persona avatar":
        if len(args) < 2:
            raise InvalidRequest("Usage: /persona avatar NAME PATH (a PNG, JPEG, GIF or WebP file)")
        path = Path(" ".join(args[1:])).expanduser()
        size = path.stat().st_size if path.is_file() else None
        req = commands.prepare_avatar(LOCAL_USER, args[0], Archive(path.name, size, path=path))
        emit(await commands.persona_avatar(req))
    elif name == "persona list":
        options, rest = split_options(args, ints=("page",), floats=())
        if rest:
            raise InvalidRequest("Usage: /persona list [page=N]")
        emit(commands.persona_list(options.get("page"), usage=PAGE_USAGE))
    elif name == "persona info":
        emit(commands.persona_info(_one(args, "/persona info name")))
    elif name == "persona add":
        base = next((w.partition("=")[2] for w in args if w.startswith("base=")), None)
        author = next((w.partition("=")[2] for w in args if w.startswith("author=")), None)
        args = [w for w in args if not w.startswith(("base=", "author="))]
        if len(args) < 2:
            raise InvalidRequest("Usage: /persona add NAME PATH [base=MODEL] [author=ID_OR_NAME] (an X or "
                                 "Mastodon archive, a Bluesky .car, a Discord chat export, a tweet file)")
        path = Path(" ".join(args[1:])).expanduser()
        size = path.stat().st_size if path.is_file() else None
        req = commands.prepare_add(LOCAL_USER, args[0], Archive(path.name, size, path=path), base, author)
        async for reply in commands.persona_add(req):
            emit(reply)
    elif name == "persona remove":
        req = commands.prepare_remove(LOCAL_USER, _one(args, "/persona remove name"))
        emit(await commands.persona_remove(req))
    elif name == "help":
        emit(commands.help())
    else:
        raise InvalidRequest(f"Unknown command '/{name}'. Type /help for the list.")


def _one(args: list[str], usage: str) -> str:
    if len(args) != 1:
        raise InvalidRequest(f"Usage: {usage}")
    return args[0]


def split_options(
    words: list[str], ints: tuple[str, ...] = INT_OPTIONS, floats: tuple[str, ...] = FLOAT_OPTIONS
) -> tuple[dict[str, int | float], list[str]]:
    """Pull `count=3 temperature=0.8 seed=7` (the options named in `ints` and `floats`: /imitate's by
    default) out of the words; everything else is positional."""
    options: dict[str, int | float] = {}
    rest: list[str] = []
    for word in words:
        key, sep, value = word.partition("=")
        if sep and key in ints:
            try:
                options[key] = int(value)
            except ValueError:
                raise InvalidRequest(f"{key} must be a whole number (got '{value}').") from None
        elif sep and key in floats:
            try:
                options[key] = float(value)
            except ValueError:
                raise InvalidRequest(f"{key} must be a number (got '{value}').") from None
        else:
            rest.append(word)
    return options, rest


class LineReader:
    """Input lines from a thread of their own: `input()` with readline on a terminal, plain reads when
    piped. The next line is read only once the previous one has been answered (the prompt comes last)."""

    def __init__(self, interactive: bool, history: Path | None = None, stream: TextIO | None = None) -> None:
        self.interactive = interactive
        self.history = history
        self.stream = stream
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

    def _read(self) -> None:
        assert self._loop is not None
        stream = self.stream or sys.stdin
        while True:
            self._want.wait()
            self._want.clear()
            line: str | None
            try:
                line = input(PROMPT) if self.interactive else (stream.readline() or None)
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
