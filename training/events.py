"""Where a training run reports what it is doing: JSON lines for a parent process, or a terminal.

`--json` (the bot runs training as a child and reads stdout line by line): stdout carries only JSON
objects, one per line, each with an "event" key (phase, progress, warning, done). Anything else a
library prints goes to stderr instead, so it can never break the protocol.
Without `--json`: phase lines, the table and the summary on stdout; warnings and tqdm bars (one for
training, with the latest loss; reading and cleaning only when they take over a second) on stderr.
The libraries' own bars and log lines stay off unless `--verbose`.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable, Iterator
from typing import Any, TextIO, TypeVar

from tqdm import tqdm

T = TypeVar("T")

class Reporter:
    """Terminal output (no --json)."""

    json_mode = False

    def __init__(self, out: TextIO | None = None, err: TextIO | None = None, verbose: bool = False) -> None:
        self.out = out or sys.stdout
        self.err = err or sys.stderr
        self.verbose = verbose  # the libraries' own bars and logs too (the Trainer's bar instead of ours)
        self._bar: tqdm | None = None

    def phase(self, phase: str, message: str) -> None:
        self.end_progress()
        # stdout: on bad input stderr must hold the one `error:` line only
        print(f"[{phase}] {message}", file=self.out, flush=True)

    def progress(self, step: int, total: int, loss: float | None) -> None:
        """The training bar: steps done of `total`, the latest loss in its postfix."""
        if self._bar is None:
            self._bar = tqdm(total=total, desc="train", unit="step", file=self.err, leave=True)
        self._bar.update(step - self._bar.n)
        if loss is not None:
            self._bar.set_postfix(loss=f"{loss:.3f}", refresh=False)
        self._bar.refresh()

    def end_progress(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def warning(self, message: str) -> None:
        print(f"warning: {message}", file=self.err, flush=True)

    def text(self, text: str) -> None:
        print(text, file=self.out, flush=True)

    def bar(self, items: Iterable[T], desc: str) -> Iterator[T]:
        """A tqdm bar on stderr that shows only if the work takes over a second (none in --json)."""
        return iter(tqdm(items, desc=desc, delay=1.0, leave=False, file=self.err, disable=self.json_mode))

    def done(self, payload: dict[str, Any]) -> None:
        pass  # the caller prints the summary


class JsonReporter(Reporter):
    """JSON lines on the real stdout; `progress` at most once per `interval` seconds."""

    json_mode = True

    def __init__(self, out: TextIO | None = None, interval: float = 1.0) -> None:
        super().__init__(out, sys.stderr)
        self.interval = interval
        self._last_progress = 0.0

    def emit(self, event: str, **fields: Any) -> None:
        self.out.write(json.dumps({"event": event, **fields}) + "\n")
        self.out.flush()

    def phase(self, phase: str, message: str) -> None:
        self.emit("phase", phase=phase, message=message)

    def progress(self, step: int, total: int, loss: float | None) -> None:
        now = time.monotonic()
        if step < total and now - self._last_progress < self.interval:
            return
        self._last_progress = now
        self.emit("progress", phase="train", step=step, total=total, loss=loss)

    def end_progress(self) -> None:
        pass

    def warning(self, message: str) -> None:
        self.emit("warning", message=message)

    def text(self, text: str) -> None:
        pass  # tables and summaries are in the done event

    def done(self, payload: dict[str, Any]) -> None:
        self.emit("done", **payload)
