"""The training child process the bot starts: how it is launched (memory cap, parent-death signal, no
secrets in its environment), what its stderr says (the reason it failed, an out-of-memory), how it is
stopped (its whole process group), and what a killed one leaves in `models/` (its temporary folders).
`bot.training_jobs` queues the jobs and reads their events; this module is the process underneath.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import shutil
import signal
from dataclasses import dataclass, field
from pathlib import Path

from bot.pool import device_memory
from training.names import is_valid_persona_name

log = logging.getLogger("bot.training_jobs")  # the same logger as the queue: one story per training

SECRET_ENV = ("DISCORD_TOKEN",)  # never passed to the training child
TERMINATE_GRACE_S = 10.0  # after SIGTERM, how long the child gets before SIGKILL
# What a child that hit its memory cap writes on stderr: Python's MemoryError, torch's CPU allocator,
# C++'s bad_alloc (an abort), and ENOMEM's text.
OUT_OF_MEMORY = ("MemoryError", "can't allocate memory", "DefaultCPUAllocator", "std::bad_alloc",
                 "Cannot allocate memory")

# Runs as the child, then execs the training command: what it sets stays across exec. Not a
# `preexec_fn`, which runs between fork and exec in a copy of the threaded bot and can deadlock there.
# argv: the bot's pid, the memory cap in bytes, the command.
LAUNCHER = r"""
import os, resource, signal, sys
bot, limit = int(sys.argv[1]), int(sys.argv[2])
if sys.platform.startswith("linux"):
    import ctypes
    if ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM, 0, 0, 0) != 0:  # PR_SET_PDEATHSIG
        sys.exit("error: could not tie the training to the bot (prctl PR_SET_PDEATHSIG failed)")
    if os.getppid() != bot:  # the bot died before the signal was set: nobody would ever stop us
        sys.exit(1)
# RLIMIT_DATA, not RLIMIT_AS: CUDA reserves huge inaccessible address ranges that RLIMIT_AS counts.
_soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
if hard != resource.RLIM_INFINITY:
    limit = min(limit, hard)
resource.setrlimit(resource.RLIMIT_DATA, (limit, limit))
os.execvp(sys.argv[3], sys.argv[3:])
"""


def default_memory_bytes() -> int:
    """Half of the machine's physical memory: the training child's cap when none is configured."""
    return device_memory("cpu") // 2


def megabytes(n: int) -> str:
    return f"{n / 1e6:,.0f} MB"


def remove_temporary_folders(models_dir: Path, name: str) -> list[str]:
    """Remove the temporary folders a killed training of persona `name` left in `models_dir`
    (`training.atomic.atomic_persona_dir`'s `.tmp-<name>-<pid>-<8 hex>`) whose writer is no longer
    alive; another persona's, or a live writer's (a training run from the command line), stay.
    Returns the names removed."""
    if not is_valid_persona_name(name):
        return []
    pattern = re.compile(rf"\.tmp-{re.escape(name)}-(\d+)-[0-9a-f]{{8}}")
    removed = []
    try:
        entries = list(os.scandir(models_dir))
    except OSError:
        return []
    for entry in entries:
        match = pattern.fullmatch(entry.name)
        if match is None or not entry.is_dir(follow_symlinks=False) or _alive(int(match[1])):
            continue
        shutil.rmtree(entry.path, ignore_errors=True)
        removed.append(entry.name)
    if removed:  # no names: the persona is being forgotten
        log.info("removed %d temporary folder(s) a cancelled training left", len(removed))
    return removed


def _alive(pid: int) -> bool:
    """Whether process `pid` exists (signal 0 only asks); one of another user's counts as alive."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    return True


def child_env() -> dict[str, str]:
    """The bot's environment less its secrets: the child parses untrusted archives."""
    return {k: v for k, v in os.environ.items() if k not in SECRET_ENV}


def remove_path(path: Path) -> None:
    try:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        else:
            path.unlink(missing_ok=True)
    except FileNotFoundError:
        pass
    except OSError as exc:
        log.warning("could not delete %s: %s", path, exc)


@dataclass
class ChildStderr:
    """What the child's stderr told: its `error: ...` lines, and whether it ran out of memory."""

    name: str
    errors: list[str] = field(default_factory=list)
    out_of_memory: bool = False


async def read_stderr(proc: asyncio.subprocess.Process, seen: ChildStderr) -> None:
    """Log the child's stderr; keep its `error: ...` lines (the reason a training failed)."""
    assert proc.stderr is not None
    pending = ""
    # Read chunks, not lines: a progress bar redraws with '\r' and may never end a line.
    while chunk := await proc.stderr.read(1 << 16):
        *lines, pending = re.split(r"[\r\n]", pending + chunk.decode("utf-8", "replace"))
        for line in lines:
            _stderr_line(line.rstrip(), seen)
        pending = pending[-4096:]
    _stderr_line(pending.rstrip(), seen)


def _stderr_line(line: str, seen: ChildStderr) -> None:
    if any(marker in line for marker in OUT_OF_MEMORY):
        seen.out_of_memory = True
    # %r: the child quotes archive text, which must not forge log lines.
    if line.startswith("error: "):
        seen.errors.append(line[len("error: "):])
        log.warning("training %s: %r", seen.name, line)
    elif line:
        log.debug("training %s: %r", seen.name, line[-500:])


def signal_name(number: int) -> str:
    try:
        return signal.Signals(number).name
    except ValueError:
        return f"signal {number}"


def kill_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


async def stop_child(proc: asyncio.subprocess.Process) -> None:
    """SIGTERM to the child's whole group, SIGKILL after the grace period; SIGKILL then in any case
    for whatever of the group is left (a grandchild that ignored SIGTERM)."""
    if proc.returncode is None:
        kill_group(proc.pid, signal.SIGTERM)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(proc.wait(), TERMINATE_GRACE_S)
    kill_group(proc.pid, signal.SIGKILL)
    await proc.wait()
