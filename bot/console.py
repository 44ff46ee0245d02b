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

A line is read and parsed by `bot.console_input` against the declared command set
(`bot.command_set`), then run by the `ConsoleCommands` method named for the command (`on_<name>`).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import re
import sys
import termios
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

from bot.command_set import BY_NAME, console_usage
from bot.commands import Caller, Commands, ImitateRequest
from bot.config import Config
from bot.console_input import LineReader, parse_command, typed_command
from bot.errors import InvalidRequest
from bot.message_log import PersonaMessage
from bot.output import outbound, quote_user
from bot.persona_changes import AddRequest, Archive
from bot.replies import TWEET_SEPARATOR, Reply
from bot.wiring import open_commands

LOCAL_USER = Caller(user_id=0, local=True)  # the person at the machine: a bot owner
QUOTE_MARK = "│ "  # a card's tweet lines in the console, in place of Discord's `> `
HISTORY_FILE = "console_history"
PAGE_USAGE = "/persona list page={page}"  # the console's way to ask for a page of the list
GREETING_NAMES = 10  # personas named when the console opens; /persona list shows the rest
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

    def message(self, number: str | None, command: str) -> PersonaMessage:
        """Tweet #`number` (`3` or `#3`; None: the last one) for /another or /continue."""
        if number is not None and not number.lstrip("#").isdigit():
            raise InvalidRequest(f"Usage: {console_usage(BY_NAME[command])}")
        if not self.messages:
            raise InvalidRequest("No tweet yet: /imitate one first.")
        shown = int(number.lstrip("#")) if number is not None else max(self.messages)
        if shown not in self.messages:
            raise InvalidRequest(f"There is no tweet #{shown} (1-{max(self.messages)}).")
        return self.messages[shown]


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
    name = typed_command(line)
    if name is None:
        return
    try:
        command, values = parse_command(name, line)
        handlers = ConsoleCommands(commands, emit, session if session is not None else Session(), trainings)
        await getattr(handlers, command.handler)(**values)
    except Exception as exc:  # a bad line is reported and the console carries on
        emit(commands.error_reply(name, exc))


class ConsoleCommands:
    """The console's side of each declared command, run as `on_<name>(**values)` with the values the
    line gave (`bot.console_input.parse_command`): the command layer called as the local user, and
    every reply emitted."""

    def __init__(self, commands: Commands, emit: Callable[[Reply], None], session: Session,
                 trainings: Trainings | None) -> None:
        self.commands, self.emit, self.session, self.trainings = commands, emit, session, trainings

    async def on_imitate(self, persona: str, prompt: str | None = None, count: int | None = None,
                         temperature: float | None = None, seed: int | None = None) -> None:
        req = self.commands.prepare_imitate(LOCAL_USER, persona, prompt, count, temperature, seed)
        self.emit(self.session.remember(req, await self.commands.imitate(req)))

    async def on_another(self, number: str | None = None) -> None:
        req = self.commands.prepare_another(LOCAL_USER, self.session.message(number, "another"))
        self.emit(self.session.remember(req, await self.commands.imitate(req)))

    async def on_continue(self, number: str | None = None) -> None:
        req = self.commands.prepare_continue(LOCAL_USER, self.session.message(number, "continue"))
        self.emit(self.session.remember(req, await self.commands.imitate(req)))

    async def on_persona_list(self, page: int | None = None, sort: str | None = None) -> None:
        self.emit(self.commands.persona_list(LOCAL_USER, page, usage=PAGE_USAGE, sort=sort))

    async def on_persona_info(self, name: str) -> None:
        self.emit(await self.commands.persona_info(name, LOCAL_USER))

    async def on_persona_avatar(self, name: str, image: str) -> None:
        path = Path(image).expanduser()
        size = path.stat().st_size if path.is_file() else None
        avatar = self.commands.prepare_avatar(LOCAL_USER, name, Archive(path.name, size, path=path))
        self.emit(await self.commands.persona_avatar(avatar))

    async def on_persona_add(self, name: str, archive: str, base: str | None = None,
                             author: str | None = None, subject: int | None = None) -> None:
        path = Path(archive).expanduser()
        size = path.stat().st_size if path.is_file() else None
        # The operator is trusted: a subject given here is recorded without asking them.
        add = self.commands.prepare_add(LOCAL_USER, name, Archive(path.name, size, path=path), base, author,
                                        subject)
        if self.trainings is not None:
            self.trainings.start(self.commands, add, archive, self.emit)
        else:
            async for reply in self.commands.persona_add(add):
                self.emit(quote_given_path(reply, add, archive))

    async def on_persona_remove(self, name: str, confirm: str | None = None) -> None:
        remove = self.commands.prepare_remove(LOCAL_USER, name)
        if confirm != "yes":  # on Discord a button confirms; here, the option
            self.emit(Reply(f"This deletes `{remove.name}` and the record of its messages: type "
                            f"`/persona remove {remove.name} confirm=yes`"))
            return
        self.emit(await self.commands.persona_remove(remove))

    async def on_persona_forget(self, name: str, confirm: str | None = None) -> None:
        req = self.commands.prepare_forget(LOCAL_USER, name)
        if confirm != "yes":  # on Discord a button confirms; here, the option
            self.emit(Reply(f"This forgets `{req.name}` completely (files, picture, message records, a "
                            f"training of it): type `/persona forget {req.name} confirm=yes`"))
            return
        self.emit(await self.commands.persona_forget(req))

    async def on_persona_usage(self, name: str) -> None:
        self.emit(await self.commands.persona_usage(self.commands.prepare_usage(LOCAL_USER, name)))

    async def on_help(self) -> None:
        help_reply = self.commands.help()
        self.emit(dataclasses.replace(help_reply, text=f"{help_reply.text}\n{CONSOLE_HELP}"))
