"""Training runs started by the bot: `python -m training train ... --json` as a child process, one at a time.

The trainer never runs inside the bot process (a crash or an out-of-memory there must not take the bot
down). Jobs wait in a FIFO queue; the running child's JSON lines become `JobEvent`s the caller iterates;
a failure carries the child's one-line `error: ...` from stderr. `close()` cancels what is queued and
terminates the running child (training's atomic checkpoint write leaves `models/` as it was).
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import re
import sys
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import InvalidRequest, PoolClosed
from training.checkpoint import recover_interrupted

log = logging.getLogger(__name__)

TRAINING_COMMAND = (sys.executable, "-m", "training")
SECRET_ENV = ("DISCORD_TOKEN",)  # never passed to the training child
TERMINATE_GRACE_S = 10.0  # after SIGTERM, how long the child gets before SIGKILL


@dataclass(frozen=True)
class JobEvent:
    """One step of a job's life. `kind`: queued, started, phase, progress, warning, done, failed."""

    kind: str
    message: str = ""
    position: int = 0  # for `queued`: how many jobs run or wait ahead of this one
    phase: str = ""
    step: int = 0
    total: int = 0
    loss: float | None = None
    data: dict[str, Any] = field(default_factory=dict)  # the child's `done` line, as it came

    @property
    def final(self) -> bool:
        return self.kind in ("done", "failed")


class TrainingJob:
    """One queued or running training; iterate `events()` until `done` or `failed`."""

    def __init__(self, name: str, data: Path, base: str | None = None) -> None:
        self.name = name
        self.data = data
        self.base = base
        self._events: asyncio.Queue[JobEvent] = asyncio.Queue()
        self.result: JobEvent | None = None

    def _emit(self, event: JobEvent) -> None:
        if self.result is not None:
            return
        if event.final:
            self.result = event
        self._events.put_nowait(event)

    async def events(self) -> AsyncIterator[JobEvent]:
        while True:
            event = await self._events.get()
            yield event
            if event.final:
                return


class TrainingJobs:
    """The training queue: one child process at a time, the rest wait their turn."""

    def __init__(
        self,
        models_dir: Path,
        config_path: Path | None = None,
        timeout_s: float = 6 * 3600,
        command: tuple[str, ...] = TRAINING_COMMAND,
    ) -> None:
        self.models_dir = models_dir
        self.config_path = config_path
        self.timeout_s = timeout_s
        self.command = command
        self._waiting: deque[TrainingJob] = deque()
        self._running: TrainingJob | None = None
        self._wakeup = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._closed = False

    def busy_with(self, name: str) -> bool:
        """True if a training for `name` is queued or running."""
        jobs = [*self._waiting, self._running]
        return any(job is not None and job.name == name for job in jobs)

    def submit(self, name: str, data: Path, base: str | None = None) -> TrainingJob:
        """Queue a training of `name` on `data` (from `base`; None: [training] base); its first event
        says the queue position."""
        if self._closed:
            raise PoolClosed()
        if self.busy_with(name):
            raise InvalidRequest(f"A training for '{name}' is already queued or running.")
        job = TrainingJob(name, data, base)
        position = len(self._waiting) + (self._running is not None)
        self._waiting.append(job)
        job._emit(JobEvent("queued", position=position))
        if self._worker is None:
            self._worker = asyncio.create_task(self._work(), name="training-jobs")
        self._wakeup.set()
        return job

    async def close(self) -> None:
        """Cancel queued jobs and stop the running child (SIGTERM, then SIGKILL after a grace period)."""
        self._closed = True
        while self._waiting:
            self._waiting.popleft()._emit(JobEvent("failed", message="The bot is shutting down."))
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker

    async def _work(self) -> None:
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            while self._waiting:
                job = self._running = self._waiting.popleft()
                try:
                    await self._run(job)
                except asyncio.CancelledError:
                    job._emit(JobEvent("failed", message="The bot is shutting down; training stopped."))
                    raise
                except Exception as exc:  # keep the queue alive whatever one job does
                    log.exception("training job %s crashed", job.name)
                    job._emit(JobEvent("failed", message=f"Training could not run: {exc}"))
                finally:
                    self._running = None

    def _argv(self, job: TrainingJob) -> list[str]:
        argv = [*self.command, "train", job.name, "--data", str(job.data),
                "--models-dir", str(self.models_dir), "--json"]
        if self.config_path is not None:
            argv += ["--config", str(self.config_path)]
        if job.base is not None:
            argv.append(f"--base={job.base}")  # one word: a value starting with '-' is no option
        return argv

    async def _run(self, job: TrainingJob) -> None:
        argv = self._argv(job)
        log.info("training %s: %s", job.name, " ".join(argv))
        proc = await asyncio.create_subprocess_exec(
            *argv, stdin=asyncio.subprocess.DEVNULL, env=child_env(),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, limit=1 << 20,
        )
        job._emit(JobEvent("started"))
        errors: list[str] = []
        done: list[JobEvent] = []
        stderr_task = asyncio.create_task(_read_stderr(proc, job.name, errors))

        async def finish() -> int:
            await _read_events(proc, job, done)
            await stderr_task
            return await proc.wait()

        try:
            rc = await asyncio.wait_for(finish(), self.timeout_s)
        except TimeoutError:
            await self._stop(proc)
            message = f"Training took longer than {self.timeout_s:.0f}s and was stopped."
            job._emit(JobEvent("failed", message=message))
            return
        except BaseException:
            await self._stop(proc)  # cancelled (shutdown): the child must not outlive the bot
            raise
        finally:
            stderr_task.cancel()
        if rc == 0 and done:
            job._emit(done[0])
        else:
            message = errors[-1] if errors else f"Training failed (exit code {rc})."
            job._emit(JobEvent("failed", message=message))


    async def _stop(self, proc: asyncio.subprocess.Process) -> None:
        """Terminate the child, then clear what a kill mid-write leaves (training's `.tmp-*` folder)."""
        await _stop(proc)
        await asyncio.to_thread(recover_interrupted, self.models_dir)


def child_env() -> dict[str, str]:
    """The bot's environment less its secrets: the child parses untrusted archives."""
    return {k: v for k, v in os.environ.items() if k not in SECRET_ENV}


async def _read_events(proc: asyncio.subprocess.Process, job: TrainingJob, done: list[JobEvent]) -> None:
    assert proc.stdout is not None
    async for raw in proc.stdout:
        line = raw.decode("utf-8", "replace").strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
            kind = msg["event"]
        except (ValueError, KeyError, TypeError):
            log.warning("training %s: unexpected output line: %s", job.name, line[:200])
            continue
        if kind == "done":
            done.append(JobEvent("done", data=msg))  # reported once the exit code says success
        elif kind in ("phase", "progress", "warning"):
            loss = msg.get("loss")
            job._emit(JobEvent(
                kind, message=str(msg.get("message", "")), phase=str(msg.get("phase", "")),
                step=int(msg.get("step") or 0), total=int(msg.get("total") or 0),
                loss=float(loss) if isinstance(loss, (int, float)) else None,
            ))


async def _read_stderr(proc: asyncio.subprocess.Process, name: str, errors: list[str]) -> None:
    """Log the child's stderr; keep its `error: ...` lines (the reason a training failed)."""
    assert proc.stderr is not None
    pending = ""
    # Read chunks, not lines: a progress bar redraws with '\r' and may never end a line.
    while chunk := await proc.stderr.read(1 << 16):
        *lines, pending = re.split(r"[\r\n]", pending + chunk.decode("utf-8", "replace"))
        for line in lines:
            _stderr_line(line.rstrip(), name, errors)
        pending = pending[-4096:]
    _stderr_line(pending.rstrip(), name, errors)


def _stderr_line(line: str, name: str, errors: list[str]) -> None:
    if line.startswith("error: "):
        errors.append(line[len("error: "):])
        log.warning("training %s: %s", name, line)
    elif line:
        log.debug("training %s: %s", name, line[-500:])


async def _stop(proc: asyncio.subprocess.Process) -> None:
    if proc.returncode is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        proc.terminate()
    try:
        await asyncio.wait_for(proc.wait(), TERMINATE_GRACE_S)
    except TimeoutError:
        with contextlib.suppress(ProcessLookupError):
            proc.kill()
        await proc.wait()
