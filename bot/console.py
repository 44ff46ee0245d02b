"""`python -m bot console`: the bot's commands typed as in Discord, answered locally, no token needed.

`/imitate marlowe_bakes My dream is count=3 seed=7`, `/persona add NAME PATH`, `/persona list`, ...
The local user is a bot owner, with no cooldown. Each reply prints what the Discord message would
contain, the tweets' lines marked `│ ` (Discord's `> ` quote would read like typed input); each tweet
gets a number (`#3`) that `/another N` and `/continue N` follow up, as the buttons do in Discord
(without N: the last one). Options are `name=value`; a word that looks like one but names none is an
error, and text with `=` is quoted (`"x=1 is math"`). `/persona add` trains in the background, as on
Discord: the prompt comes back at once and progress prints as it comes; Ctrl-C stops the training
(nothing is written). With a terminal: line editing and a history file in `[paths] state_dir`; piped:
runs every line, then waits for trainings still running, and exits.
Lines are read on a thread of their own, so the event loop (and the pool behind it) never waits on input.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import difflib
import logging
import os
import re
import sys
import termios
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.commands import (
    TWEET_SEPARATOR,
    AddRequest,
    Archive,
    Caller,
    Commands,
    ImitateRequest,
    Reply,
    open_commands,
)
from bot.config import Config
from bot.errors import InvalidRequest
from bot.message_log import PersonaMessage
from bot.output import outbound, quote_user

LOCAL_USER = Caller(user_id=0, local=True)  # the person at the machine: a bot owner
# Not `> `: that is how a Discord quote starts, and the cards' lines would look typed.
PROMPT = "persona-bot> "
QUOTE_MARK = "│ "  # a card's tweet lines in the console, in place of Discord's `> `
HISTORY_FILE = "console_history"
PAGE_USAGE = "/persona list page={page}"  # the console's way to ask for a page of the list
GREETING_NAMES = 10  # personas named when the console opens; /persona list shows the rest

# Each command's `name=value` options and their types; a command not named here takes none.
IMITATE_OPTIONS: dict[str, type] = {"count": int, "temperature": float, "seed": int}
OPTIONS: dict[str, dict[str, type]] = {
    "imitate": IMITATE_OPTIONS,
    "persona list": {"page": int, "sort": str},
    "persona add": {"base": str, "author": str},
    "persona remove": {"confirm": str},
}
COMMANDS = ("imitate", "another", "continue", "persona avatar", "persona list", "persona info",
            "persona add", "persona remove", "help")
# An unquoted word that reads as an option: `name=value` (a quoted value may hold spaces).
OPTION = re.compile(r"([A-Za-z_]+)=(.*)", re.DOTALL)
# Where a quote opens: at the start of a word, or right after `name=`. A quote inside a word
# (don't, l'été) is only an apostrophe, so everyday prompts need no quoting.
QUOTE_OPEN = re.compile(r"([A-Za-z_]+=)?(['\"])")
CONSOLE_HELP = (
    "In this console: quote text that contains `=` (`/imitate marlowe_bakes \"x=1 is math\"`); "
    "`/persona remove NAME confirm=yes` removes; `/persona add` trains in the background (Ctrl-C stops "
    "it), and at the end of piped input the console waits for trainings still running.")


def run_console(cfg: Config, config_path: Path | None = None) -> int:
    """Open the console on `cfg`; trains the sample persona first if `models/` holds none."""
    from bot.sample import ensure_sample_persona

    # Said first: a console started in another folder must not silently use defaults there.
    print(config_line(config_path), flush=True)
    print(f"models: {cfg.paths.models_dir.resolve()}/", flush=True)
    try:
        ensure_sample_persona(cfg.paths.models_dir, config_path)
    except RuntimeError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("\nStopped: the sample persona was not trained.", file=sys.stderr)
        return 130
    root = logging.getLogger()
    # Errors only, unless -v (DEBUG): each outcome is already a reply, and a failed training would
    # otherwise come back as log lines too.
    if root.level > logging.DEBUG:
        root.setLevel(logging.ERROR)
    interactive = sys.stdin.isatty()
    history = cfg.paths.state_dir / HISTORY_FILE if interactive else None
    # Ctrl-C ends the process while readline waits on the input thread with echo and line mode off:
    # the terminal gets its settings back, whatever way the console ends.
    terminal = termios.tcgetattr(sys.stdin.fileno()) if interactive else None
    try:
        asyncio.run(console(cfg, config_path, LineReader(interactive, history), sys.stdout))
    except KeyboardInterrupt:
        print(file=sys.stdout)
    finally:
        if terminal is not None:
            with contextlib.suppress(termios.error):
                termios.tcsetattr(sys.stdin.fileno(), termios.TCSADRAIN, terminal)
    return 0


def config_line(config_path: Path | None) -> str:
    """Which config file the console reads: the one named, ./config.toml, or none (built-in defaults)."""
    from training.config import DEFAULT_CONFIG

    if config_path is not None:
        return f"config: {config_path.expanduser().resolve()}"
    if DEFAULT_CONFIG.is_file():
        return f"config: {DEFAULT_CONFIG.resolve()}"
    return f"config: built-in defaults: no config.toml here ({Path.cwd()})"


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
            context=req.context, copy_rejections=card.copy_rejections)
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


@dataclass
class Training:
    name: str
    task: asyncio.Task[None]
    heard: bool = False  # a reply came: the job was queued (before that, nothing was started)


@dataclass
class Trainings:
    """The console's `/persona add` runs: each a task consuming `Commands.persona_add` in the
    background, as on Discord, so the console keeps answering while a persona trains."""

    running: list[Training] = field(default_factory=list)
    stopped: list[str] = field(default_factory=list)  # names stopped by Ctrl-C, said at the very end

    def start(self, commands: Commands, req: AddRequest, given: str, emit: Callable[[Reply], None]) -> None:
        training: Training

        async def run() -> None:
            # aclosing: a cancelled consumer closes the generator now, not whenever it is collected.
            async with contextlib.aclosing(commands.persona_add(req)) as replies:
                async for reply in replies:
                    training.heard = True
                    emit(quote_given_path(reply, req, given))

        training = Training(req.name, asyncio.create_task(run(), name=f"console-training-{req.name}"))
        self.running.append(training)
        training.task.add_done_callback(lambda _: self.running.remove(training))

    async def wait(self, emit: Callable[[Reply], None]) -> None:
        """Let the trainings still running finish (end of piped input, or quit)."""
        while running := [t for t in self.running if not t.task.done()]:
            names = ", ".join(f"`{t.name}`" for t in running)
            emit(Reply(f"Waiting for the training of {names} to end (Ctrl-C stops it; nothing is "
                       "written then)."))
            await asyncio.gather(*(t.task for t in running), return_exceptions=True)

    async def stop(self, commands: Commands) -> None:
        """Ctrl-C: stop every training. The queue's `close` (when the commands close) ends the child;
        training writes `models/` with one rename at its very end, so a stopped one wrote nothing."""
        for training in list(self.running):
            # Not yet queued, or still queued or running: nothing of it is in models/.
            if not training.heard or commands.jobs.busy_with(training.name):
                self.stopped.append(training.name)
            training.task.cancel()
        await asyncio.gather(*(t.task for t in list(self.running)), return_exceptions=True)


def quote_given_path(reply: Reply, req: AddRequest, given: str) -> Reply:
    """A failed training's reason starts with the data path (`bot: no tweet files…`), which reads
    like the program's name: shown quoted, as the user typed it."""
    head = f"❌ Training `{req.name}` failed: "
    path = req.archive.path
    if path is None or not reply.text.startswith(head):
        return reply
    reason = reply.text[len(head):]
    shown = quote_user(str(path), 1500)  # the path as the command layer echoed it
    if not reason.startswith(shown + ":"):
        return reply  # already quoted (a newer training CLI), or about something else
    return dataclasses.replace(reply, text=f"{head}'{quote_user(given, 300)}'{reason[len(shown):]}")


async def console(cfg: Config, config_path: Path | None, reader: LineReader, out: TextIO,
                  background: bool | None = None) -> None:
    """`background` (default: at a terminal): `/persona add` trains while the console keeps answering.
    Piped lines run in order, so a script that adds a persona and then uses it works."""
    background = reader.interactive if background is None else background
    trainings = Trainings()
    try:
        async with open_commands(cfg, config_path) as commands:
            print(f"persona-bot console. Personas: {greeting_names(commands.registry.names())}. "
                  "Type /help, or quit.", file=out, flush=True)
            reader.start(asyncio.get_running_loop())
            session = Session()

            def emit(reply: Reply) -> None:
                show(reply, out, reader)

            try:
                while (line := await reader.next()) is not None:
                    if line.strip() in ("quit", "exit", "/quit", "/exit"):
                        break
                    await execute(commands, line, emit, session, trainings if background else None)
                # A script's `/persona add` still ends with its result, not with the console.
                await trainings.wait(emit)
            except BaseException:  # Ctrl-C (a cancelled task, or KeyboardInterrupt) or a failure
                await trainings.stop(commands)
                raise
            finally:  # the history typed so far is kept
                reader.close()
    finally:  # once the queue has closed, so the training's child is gone when this is said
        if trainings.stopped and reader.interactive:
            print(file=out)  # off the prompt's line
        for name in trainings.stopped:
            print(f"The training of `{name}` was stopped: nothing was written.", file=out, flush=True)


def greeting_names(names: list[str]) -> str:
    """The first few personas by name; with a thousand of them, the rest is a count."""
    if not names:
        return "none yet"
    shown = ", ".join(names[:GREETING_NAMES])
    more = len(names) - GREETING_NAMES
    return shown if more <= 0 else f"{shown} and {more} more (/persona list)"


def console_text(reply: Reply) -> str:
    """What the Discord message would say, through the same outbound rules as the Discord front end;
    a card's `> ` quote lines marked `│ ` instead, so output never looks like typed input."""
    prefix = "(only you can see this) " if reply.ephemeral else ""
    who = f"user {reply.mention} " if reply.mention is not None else ""
    picture = f"\npicture: {reply.picture}" if reply.picture is not None and reply.card is None else ""
    text = outbound(reply.text)
    if reply.card is not None:
        text = re.sub(r"^> ?", QUOTE_MARK, text, flags=re.MULTILINE).replace(QUOTE_MARK + "\n", "│\n")
    more = "".join(f"\nuser {user} {outbound(line)}" for user, line in reply.more)
    return prefix + who + text + more + picture


def show(reply: Reply, out: TextIO, reader: LineReader | None = None) -> None:
    """Print a reply; while the prompt waits for a line, above it (a training's progress comes then)."""
    text = console_text(reply)
    if reader is not None and reader.prompting:
        reader.print_above(text, out)
    else:
        print(text, file=out, flush=True)


async def execute(commands: Commands, line: str, emit: Callable[[Reply], None],
                  session: Session | None = None, trainings: Trainings | None = None) -> None:
    """Run one console line; every outcome, errors included, goes to `emit` as a Reply. With
    `trainings`, `/persona add` returns once the training is queued (its replies follow); without,
    it returns with the training's result."""
    session = session if session is not None else Session()
    plain = line.split()
    if not plain or plain[0].startswith("#"):
        return
    name = plain[0].lstrip("/").lower()
    if name == "persona" and len(plain) > 1:
        name = f"persona {plain[1].lower()}"
    try:
        if name not in COMMANDS:
            raise InvalidRequest(f"Unknown command '/{quote_user(name, 40)}'. Type /help for the list.")
        words = split_words(line)[2 if name.startswith("persona ") else 1:]
        options, args = split_options(words, OPTIONS.get(name, {}), name)
        await _dispatch(commands, name, args, options, emit, session, trainings)
    except Exception as exc:  # a bad line is reported and the console carries on
        emit(commands.error_reply(name, exc))


async def _dispatch(commands: Commands, name: str, args: list[str], options: dict[str, int | float | str],
                    emit: Callable[[Reply], None], session: Session, trainings: Trainings | None) -> None:
    if name == "imitate":
        if not args:
            raise InvalidRequest("Usage: /imitate persona [prompt] [count=N] [temperature=T] [seed=S]")
        req = commands.prepare_imitate(LOCAL_USER, args[0], " ".join(args[1:]), **options)  # type: ignore[arg-type]
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
        avatar = commands.prepare_avatar(LOCAL_USER, args[0], Archive(path.name, size, path=path))
        emit(await commands.persona_avatar(avatar))
    elif name == "persona list":
        if args:
            raise InvalidRequest("Usage: /persona list [page=N]")
        emit(commands.persona_list(options.get("page"), usage=PAGE_USAGE,  # type: ignore[arg-type]
                                   sort=options.get("sort")))  # type: ignore[arg-type]
    elif name == "persona info":
        emit(await commands.persona_info(_one(args, "/persona info name")))
    elif name == "persona add":
        if len(args) < 2:
            raise InvalidRequest("Usage: /persona add NAME PATH [base=MODEL] [author=ID_OR_NAME] (an X or "
                                 "Mastodon archive, a Bluesky .car, a Discord chat export, a tweet file)")
        given = " ".join(args[1:])
        path = Path(given).expanduser()
        size = path.stat().st_size if path.is_file() else None
        add = commands.prepare_add(LOCAL_USER, args[0], Archive(path.name, size, path=path),
                                   options.get("base"), options.get("author"))  # type: ignore[arg-type]
        if trainings is not None:
            trainings.start(commands, add, given, emit)
        else:
            async for reply in commands.persona_add(add):
                emit(quote_given_path(reply, add, given))
    elif name == "persona remove":
        remove = commands.prepare_remove(LOCAL_USER, _one(args, "/persona remove name [confirm=yes]"))
        if options.get("confirm") != "yes":  # on Discord a button confirms; here, the option
            emit(Reply(f"This deletes `{remove.name}` and the record of its messages: type "
                       f"`/persona remove {remove.name} confirm=yes`"))
            return
        emit(await commands.persona_remove(remove))
    elif name == "help":
        help_reply = commands.help()
        emit(dataclasses.replace(help_reply, text=f"{help_reply.text}\n{CONSOLE_HELP}"))


def _one(args: list[str], usage: str) -> str:
    if len(args) != 1:
        raise InvalidRequest(f"Usage: {usage}")
    return args[0]


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


def split_options(words: list[str], known: Mapping[str, type] = IMITATE_OPTIONS,
                  command: str = "imitate") -> tuple[dict[str, int | float | str], list[str]]:
    """Pull the `name=value` options `known` to `command` (/imitate's by default) out of the words;
    the rest is positional. An unquoted word that looks like an option but names none is an error
    (a typo must not slip into the prompt); a `Quoted` word is always positional."""
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
        if kind is int:
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
