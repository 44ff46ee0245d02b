"""Training runs started by the bot: `python -m training train ... --json` as a child process, one at a time.

The trainer never runs inside the bot process (a crash or an out-of-memory there must not take the bot
down). Jobs wait in a FIFO queue; the running child's JSON lines become `JobEvent`s the caller iterates;
a failure carries the child's one-line `error: ...` from stderr. `close()` cancels what is queued and
terminates the running child (training's atomic checkpoint write leaves `models/` as it was).
The queue is bounded in all and per server; the child runs in its own process group with a memory
cap (RLIMIT_DATA) and dies with the bot (Linux's parent-death signal); a job deletes the download it
owns when it ends, however it ends, and its result is always logged. `cancel(name)` (for /persona
forget) ends one persona's job, queued or running, and leaves nothing of it: no child, no download, no
temporary folder of it in `models/`.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import signal
import sys
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bot.errors import InvalidRequest, PoolClosed, TrainingQueueFull
from bot.training_child import (
    LAUNCHER,
    ChildStderr,
    child_env,
    default_memory_bytes,
    kill_group,
    megabytes,
    read_stderr,
    remove_path,
    remove_temporary_folders,
    signal_name,
    stop_child,
)
from training.checkpoint import recover_interrupted

log = logging.getLogger(__name__)

TRAINING_COMMAND = (sys.executable, "-m", "training")
FORGOTTEN = "the persona was forgotten, so its training was cancelled."

@dataclass(frozen=True)
class JobEvent:
    """One step of a job's life. `kind`: queued, started, phase, progress, warning, and one final kind:
    done, failed, or cancelled (`TrainingJobs.cancel`: a caller treats it as a failure, saying why)."""

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
        return self.kind in ("done", "failed", "cancelled")


class TrainingJob:
    """One queued or running training; iterate `events()` until `done` or `failed`.

    `owned` (the downloaded archive's folder) is deleted by the queue when the job ends, before its
    final event: never earlier, and not when whoever iterates `events()` stops listening."""

    def __init__(self, name: str, data: Path, base: str | None = None, guild_id: int | None = None,
                 owned: Path | None = None, author: str | None = None, *, owner: int | None = None,
                 subject: int | None = None, servers: tuple[int, ...] | None = None) -> None:
        self.name = name
        self.data = data
        self.base = base
        self.author = author  # the person in a Discord chat export
        self.guild_id = guild_id
        self.owned = owned
        # persona.json's owner, subject and servers, passed to the child as --owner, --subject, --server
        self.owner = owner
        self.subject = subject
        self.servers = servers
        self._events: asyncio.Queue[JobEvent] = asyncio.Queue()
        self.result: JobEvent | None = None
        self.cancelled = False  # `TrainingJobs.cancel` asked: it ends as "cancelled"
        self._run_task: asyncio.Task[JobEvent] | None = None  # while its child runs
        self._ended = asyncio.Event()  # set once its final event is out (what it owned deleted)

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
    """The training queue: one child process at a time, the rest wait their turn (`max_jobs` queued or
    running in all, `max_jobs_per_guild` from one server); each child capped at `memory_bytes` of data
    memory (0: half the physical memory)."""

    def __init__(
        self,
        models_dir: Path,
        config_path: Path | None = None,
        timeout_s: float = 6 * 3600,
        command: tuple[str, ...] = TRAINING_COMMAND,
        *,
        memory_bytes: int = 0,
        max_jobs: int = 4,
        max_jobs_per_guild: int = 2,
    ) -> None:
        if memory_bytes < 0 or max_jobs < 1 or max_jobs_per_guild < 1:
            raise ValueError("memory_bytes must be >= 0, max_jobs and max_jobs_per_guild >= 1")
        self.models_dir = models_dir
        self.config_path = config_path
        self.timeout_s = timeout_s
        self.command = command
        self.memory_bytes = memory_bytes or default_memory_bytes()
        self.max_jobs = max_jobs
        self.max_jobs_per_guild = max_jobs_per_guild
        self._waiting: deque[TrainingJob] = deque()
        self._running: TrainingJob | None = None
        self._wakeup = asyncio.Event()
        self._worker: asyncio.Task[None] | None = None
        self._closed = False

    def _jobs(self) -> list[TrainingJob]:
        return [*self._waiting, *([self._running] if self._running is not None else [])]

    def busy_with(self, name: str) -> bool:
        """True if a training for `name` is queued or running."""
        return any(job.name == name for job in self._jobs())

    def names_of_subject(self, user_id: int, guild_id: int | None = None) -> list[str]:
        """The personas of member `user_id` queued or running (of server `guild_id` only, if given)."""
        return [job.name for job in self._jobs() if job.subject == user_id
                and (guild_id is None or (job.servers is not None and guild_id in job.servers))]

    def check_room(self, guild_id: int | None) -> None:
        """Raise TrainingQueueFull if a training from `guild_id` (None: no server) would not be accepted
        now: the command layer asks before downloading anything."""
        jobs = self._jobs()
        if len(jobs) >= self.max_jobs:
            raise TrainingQueueFull(f"The training queue is full ({self.max_jobs} queued or running); "
                                    "try again when one has finished.")
        if guild_id is not None and sum(job.guild_id == guild_id for job in jobs) >= self.max_jobs_per_guild:
            count = self.max_jobs_per_guild
            raise TrainingQueueFull(f"This server already has {count} training{'s' if count > 1 else ''} "
                                    "queued or running; try again when one has finished.")

    def submit(self, name: str, data: Path, base: str | None = None, *, guild_id: int | None = None,
               owned: Path | None = None, author: str | None = None, owner: int | None = None,
               subject: int | None = None, servers: tuple[int, ...] | None = None) -> TrainingJob:
        """Queue a training of `name` on `data` (from `base`; None: [training] base); its first event
        says the queue position. `owned` passes to the job only if this returns: a refusal (PoolClosed,
        InvalidRequest, TrainingQueueFull) leaves it to the caller. `owner`, `subject`, `servers`: the
        Discord ids persona.json records (who added it, whom it imitates, where it may be used; None:
        the training's default)."""
        if self._closed:
            raise PoolClosed()
        if self.busy_with(name):
            raise InvalidRequest(f"A training for '{name}' is already queued or running.")
        self.check_room(guild_id)
        job = TrainingJob(name, data, base, guild_id, owned, author, owner=owner, subject=subject,
                          servers=servers)
        position = len(self._jobs())
        self._waiting.append(job)
        job._emit(JobEvent("queued", position=position))
        if self._worker is None:
            self._worker = asyncio.create_task(self._work(), name="training-jobs")
        self._wakeup.set()
        return job

    async def cancel(self, name: str) -> bool:
        """End the training of persona `name` (for /persona forget), whatever its state, and return once
        nothing of it is left: a queued one leaves the queue and never runs; a running one's child is
        stopped (its whole process group: SIGTERM, then SIGKILL after the grace period), and the
        temporary folders it left in `models/` (`.tmp-<name>-<pid>-...`, of writers no longer alive) are
        removed. Either way its download is deleted and its `events()` end with a "cancelled" event.
        True when a job was cancelled; False when there was none (or it had just finished: a training
        done a moment before may have swapped its folder into `models/`, which the caller deletes)."""
        job = next((j for j in self._waiting if j.name == name), None)
        if job is not None:
            self._waiting.remove(job)  # taken at once: the worker cannot start it meanwhile
            job.cancelled = True
            await self._end(job, JobEvent("cancelled", message=FORGOTTEN))
            return True
        job = self._running
        if job is None or job.name != name:
            return False
        job.cancelled = True
        if job._run_task is not None:
            job._run_task.cancel()  # `_run` stops the child, then `_work` ends the job as cancelled
        await job._ended.wait()
        return job.result is not None and job.result.kind == "cancelled"

    async def close(self) -> None:
        """Cancel queued jobs and stop the running child (SIGTERM, then SIGKILL after a grace period)."""
        self._closed = True
        cancelled = list(self._waiting)
        self._waiting.clear()  # taken at once, so the worker cannot start one of them meanwhile
        if self._worker is not None:
            self._worker.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._worker
        for job in cancelled:
            await self._end(job, JobEvent("failed", message="The bot is shutting down."))

    async def _work(self) -> None:
        while True:
            await self._wakeup.wait()
            self._wakeup.clear()
            while self._waiting:
                job = self._running = self._waiting.popleft()
                result = JobEvent("failed", message="The bot is shutting down; training stopped.")
                try:
                    # A task of its own, so that `cancel` can stop this job and not the queue.
                    job._run_task = asyncio.create_task(self._run(job), name=f"training-{job.name}")
                    try:
                        result = await job._run_task
                    except asyncio.CancelledError:
                        task = asyncio.current_task()
                        if not job.cancelled or (task is not None and task.cancelling()):
                            raise  # the queue itself is being closed
                        result = JobEvent("cancelled", message=FORGOTTEN)
                    finally:
                        job._run_task = None
                except Exception as exc:  # keep the queue alive whatever one job does
                    log.exception("training %s crashed", job.name)
                    result = JobEvent("failed", message=f"Training could not run: {exc}")
                finally:  # also when cancelled (shutdown): the job still ends, and says so
                    self._running = None
                    await self._end(job, result)

    async def _end(self, job: TrainingJob, result: JobEvent) -> None:
        """A job's last step, whatever happened: delete what it owns, log the result, then report it."""
        try:
            if job.owned is not None:
                owned, job.owned = job.owned, None
                # Shielded: a second cancellation must not stop a deletion once started.
                await asyncio.shield(asyncio.to_thread(remove_path, owned))
        finally:
            if result.kind == "done":
                log.info("training %s done: %r", job.name, result.data.get("path"))
            elif result.kind == "cancelled":  # no name: its persona is being forgotten, from the log too
                log.info("a training was cancelled: %s", result.message)
            else:  # %r: the message quotes archive text, which must not forge log lines
                log.warning("training %s failed: %r", job.name, result.message)
            job._emit(result)
            job._ended.set()

    def _argv(self, job: TrainingJob) -> list[str]:
        argv = [*self.command, "train", job.name, "--data", str(job.data),
                "--models-dir", str(self.models_dir), "--json"]
        if self.config_path is not None:
            argv += ["--config", str(self.config_path)]
        if job.base is not None:
            argv.append(f"--base={job.base}")  # one word: a value starting with '-' is no option
        if job.author is not None:
            argv.append(f"--author={job.author}")
        if job.owner is not None:
            argv.append(f"--owner={job.owner}")
        if job.subject is not None:
            argv.append(f"--subject={job.subject}")
        argv += [f"--server={server}" for server in job.servers or ()]
        return argv

    async def _run(self, job: TrainingJob) -> JobEvent:
        """Run one job's child to its end; return the job's final event."""
        argv = self._argv(job)
        log.info("training %s: %r (memory cap %s)", job.name, argv, megabytes(self.memory_bytes))
        launcher = [sys.executable, "-c", LAUNCHER, str(os.getpid()), str(self.memory_bytes)]
        proc = await asyncio.create_subprocess_exec(
            *launcher, *argv, stdin=asyncio.subprocess.DEVNULL, env=child_env(),
            stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, limit=1 << 20,
            start_new_session=True,  # its own process group: stopping it stops whatever it started
        )
        job._emit(JobEvent("started"))
        stderr = ChildStderr(job.name)
        done: list[JobEvent] = []
        stderr_task = asyncio.create_task(read_stderr(proc, stderr))

        async def finish() -> int:
            await _read_events(proc, job, done)
            await stderr_task
            return await proc.wait()

        try:
            rc = await asyncio.wait_for(finish(), self.timeout_s)
        except TimeoutError:
            await self._stop(proc)
            message = f"Training took longer than {self.timeout_s:.0f}s and was stopped."
            return JobEvent("failed", message=message)
        except BaseException:
            # Cancelled (shutdown, or `cancel`): the child must not outlive the bot, nor a forget.
            await self._stop(proc, forgotten=job.name if job.cancelled else None)
            raise
        finally:
            stderr_task.cancel()
        kill_group(proc.pid, signal.SIGKILL)  # nothing the child started outlives it
        if rc == 0 and done:
            return done[0]
        # Exit 2 is bad input with its own one-line reason (which may quote archive text, so it is not
        # searched for memory errors); a cap hit is an internal failure (1) or an abort (a signal).
        if rc not in (0, 2) and stderr.out_of_memory:
            limit = megabytes(self.memory_bytes)
            return JobEvent("failed", message=f"Training ran out of memory (limit {limit}, "
                                              "[discord] training_memory_bytes).")
        if stderr.errors:
            return JobEvent("failed", message=stderr.errors[-1])
        if rc < 0:
            return JobEvent("failed", message=f"Training was killed ({signal_name(-rc)}).")
        return JobEvent("failed", message=f"Training failed (exit code {rc}).")

    async def _stop(self, proc: asyncio.subprocess.Process, forgotten: str | None = None) -> None:
        """Terminate the child, then clear what a kill mid-write leaves (training's `.tmp-*` folder): of
        the `forgotten` persona only when one is named (`cancel`), else of any dead writer."""
        await stop_child(proc)
        if forgotten is not None:
            await asyncio.to_thread(remove_temporary_folders, self.models_dir, forgotten)
        else:
            await asyncio.to_thread(recover_interrupted, self.models_dir)


async def _read_events(proc: asyncio.subprocess.Process, job: TrainingJob, done: list[JobEvent]) -> None:
    assert proc.stdout is not None
    async for raw in proc.stdout:
        line = raw.decode("utf-8", "replace").strip()
        if not line:
            continue
        try:
            msg = json.loads(line)
            kind = msg["event"]
            if kind == "done":
                done.append(JobEvent("done", data=msg))  # reported once the exit code says success
            elif kind in ("phase", "progress", "warning"):
                loss = msg.get("loss")
                job._emit(JobEvent(
                    kind, message=str(msg.get("message", "")), phase=str(msg.get("phase", "")),
                    step=int(msg.get("step") or 0), total=int(msg.get("total") or 0),
                    loss=float(loss) if isinstance(loss, (int, float)) else None,
                ))
        except (ValueError, KeyError, TypeError):
            log.warning("training %s: unexpected output line: %r", job.name, line[:200])
