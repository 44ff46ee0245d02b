"""The training queue's plumbing, against a small stand-in for `python -m training` (the real CLI is
exercised end to end in test_console.py and test_discord_e2e.py): bounds, the download a job owns,
the child's process group, memory cap and death with the bot, and what is logged."""

from __future__ import annotations

import asyncio
import logging
import os
import resource
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
from helpers.fake_training import FAKE_TRAINING
from helpers.paths import ROOT

from bot.errors import InvalidRequest, PoolClosed, TrainingQueueFull
from bot.training_jobs import TrainingJobs

linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="Linux process semantics")


@pytest.fixture
def make_jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., TrainingJobs]:
    """TrainingJobs over the fake CLI; keyword arguments go to the constructor."""
    script = tmp_path / "fake_training.py"
    script.write_text(FAKE_TRAINING)
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log.txt"))
    command = (sys.executable, str(script))

    def make(**kwargs: int) -> TrainingJobs:
        return TrainingJobs(tmp_path / "models", config_path=tmp_path / "c.toml", command=command, **kwargs)

    return make


@pytest.fixture
def jobs(make_jobs: Callable[..., TrainingJobs]) -> TrainingJobs:
    return make_jobs()


async def collect(job) -> list:
    return [event async for event in job.events()]


async def test_success_reports_progress_then_done(jobs: TrainingJobs, tmp_path: Path) -> None:
    events = await collect(jobs.submit("ok", tmp_path / "tweets.js"))
    kinds = [e.kind for e in events]
    assert kinds == ["queued", "started", "phase", "progress", "warning", "done"]
    assert events[0].position == 0
    argv = events[2].message.split()
    assert argv[:3] == ["train", "ok", "--data"] and argv[3] == str(tmp_path / "tweets.js")
    assert argv[argv.index("--models-dir") + 1] == str(tmp_path / "models")
    assert argv[argv.index("--config") + 1] == str(tmp_path / "c.toml")
    assert (events[3].step, events[3].total, events[3].loss) == (1, 2, 3.5)
    assert events[4].message == "little data"
    assert events[5].data["persona"] == "ok"
    await jobs.close()


async def test_failure_carries_the_one_line_error(jobs: TrainingJobs, tmp_path: Path) -> None:
    events = await collect(jobs.submit("fail", tmp_path / "x.js"))
    assert events[-1].kind == "failed"
    assert events[-1].message == "no tweets found in x.js"
    silent = await collect(jobs.submit("silent", tmp_path / "x.js"))
    assert silent[-1].kind == "failed" and "exit code 0" in silent[-1].message
    killed = await collect(jobs.submit("killed", tmp_path / "x.js"))
    assert killed[-1].kind == "failed" and killed[-1].message == "Training was killed (SIGKILL)."
    # Bad input (exit 2) says why itself, even when archive text in it looks like a memory error.
    bad = await collect(jobs.submit("badmem", tmp_path / "x.js"))
    assert bad[-1].message == "x.csv: CSV has no 'text' column (columns: MemoryError)"
    await jobs.close()


async def test_one_at_a_time_in_order(jobs: TrainingJobs, tmp_path: Path) -> None:
    first = jobs.submit("ok_a", tmp_path / "a.js")
    second = jobs.submit("ok_b", tmp_path / "b.js")
    third = jobs.submit("fail", tmp_path / "c.js")
    with pytest.raises(InvalidRequest):
        jobs.submit("ok_b", tmp_path / "b.js")  # already queued
    results = await asyncio.gather(collect(first), collect(second), collect(third))
    assert [r[0].position for r in results] == [0, 1, 2]
    assert [r[-1].kind for r in results] == ["done", "done", "failed"]
    log = [line.split()[:2] for line in (tmp_path / "log.txt").read_text().splitlines()]
    assert log == [["start", "ok_a"], ["end", "ok_a"], ["start", "ok_b"], ["end", "ok_b"], ["start", "fail"]]
    await jobs.close()


async def test_close_stops_the_child_and_cancels_the_queue(jobs: TrainingJobs, tmp_path: Path) -> None:
    running = jobs.submit("hang", tmp_path / "a.js")
    queued = jobs.submit("ok", tmp_path / "b.js")
    events = running.events()
    while (await anext(events)).kind != "phase":  # the child is up and training
        pass
    pid = int((tmp_path / "log.txt").read_text().split()[2])
    await jobs.close()
    assert running.result is not None and running.result.kind == "failed"
    assert queued.result is not None and queued.result.kind == "failed"
    with pytest.raises(ProcessLookupError):
        os.kill(pid, 0)  # the child is gone (reaped by asyncio)
    assert "start ok" not in (tmp_path / "log.txt").read_text()
    with pytest.raises(PoolClosed):
        jobs.submit("ok", tmp_path / "b.js")


async def test_timeout_stops_the_child(jobs: TrainingJobs, tmp_path: Path) -> None:
    jobs.timeout_s = 1.0
    events = await collect(jobs.submit("hang", tmp_path / "a.js"))
    assert events[-1].kind == "failed" and "longer than" in events[-1].message
    await jobs.close()


async def test_child_gets_no_token_and_the_base(jobs: TrainingJobs, tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """The child parses untrusted archives: it must not see the bot token (the rest of the env stays)."""
    monkeypatch.setenv("DISCORD_TOKEN", "secret-token")
    events = await collect(jobs.submit("env", tmp_path / "a.js", base="-tiny"))
    done = events[-1].data
    assert done["token"] is None and done["fake_log"] == str(tmp_path / "log.txt")
    assert done["argv"][-1] == "--base=-tiny"  # one word: a value like '-x' cannot pose as an option
    assert "secret-token" not in str(events)
    await jobs.close()


@linux_only
async def test_the_child_has_its_own_group_and_half_the_memory_by_default(jobs: TrainingJobs,
                                                                         tmp_path: Path) -> None:
    done = (await collect(jobs.submit("env", tmp_path / "a.js")))[-1].data
    assert done["own_session"]  # its own process group: stopping it stops what it started
    # No cap configured: half the physical memory (as the kernel counts it), soft and hard.
    meminfo = Path("/proc/meminfo").read_text().split("\n")[0].split()
    assert meminfo[0] == "MemTotal:" and meminfo[2] == "kB"
    half = int(meminfo[1]) * 1024 // 2
    hard = resource.getrlimit(resource.RLIMIT_DATA)[1]
    if hard != resource.RLIM_INFINITY:
        half = min(half, hard)
    assert done["rlimit_data"] == [half, half]
    await jobs.close()


# --- bounds: in all and per server --------------------------------------------------------------


async def test_the_queue_is_bounded_in_all_and_per_server(make_jobs, tmp_path: Path) -> None:
    jobs = make_jobs(max_jobs=3, max_jobs_per_guild=2)
    data = tmp_path / "x.js"
    jobs.submit("hang", data, guild_id=1)
    jobs.submit("ok_a", data, guild_id=1)
    jobs.check_room(2)
    jobs.check_room(None)
    per_server = (r"^This server already has 2 trainings queued or running; "
                  r"try again when one has finished\.$")
    with pytest.raises(TrainingQueueFull, match=per_server):
        jobs.check_room(1)
    owned = tmp_path / "download"
    owned.mkdir()
    with pytest.raises(TrainingQueueFull, match=per_server):
        jobs.submit("ok_b", data, guild_id=1, owned=owned)
    assert owned.is_dir() and not jobs.busy_with("ok_b")  # refused: nothing changed, the file is the caller's
    jobs.submit("ok_c", data)  # from no server (the console): counts in all only
    in_all = r"^The training queue is full \(3 queued or running\); try again when one has finished\.$"
    for guild in (None, 2):
        with pytest.raises(TrainingQueueFull, match=in_all):
            jobs.check_room(guild)
        with pytest.raises(TrainingQueueFull, match=in_all):
            jobs.submit("ok_d", data, guild_id=guild)
    assert not jobs.busy_with("ok_d")
    await jobs.close()


async def test_room_comes_back_when_a_job_ends(make_jobs, tmp_path: Path) -> None:
    jobs = make_jobs(max_jobs=1, max_jobs_per_guild=1)
    job = jobs.submit("ok", tmp_path / "x.js", guild_id=7)
    with pytest.raises(TrainingQueueFull, match="queue is full"):
        jobs.check_room(8)
    assert (await collect(job))[-1].kind == "done"
    jobs.check_room(7)  # the finished job no longer counts, in all or for its server
    assert (await collect(jobs.submit("ok_again", tmp_path / "x.js", guild_id=7)))[-1].kind == "done"
    await jobs.close()


# --- the download a job owns ---------------------------------------------------------------------


def download(tmp_path: Path, name: str) -> Path:
    """A folder holding a downloaded archive, as the command layer leaves it for the job."""
    folder = tmp_path / "downloads" / name
    folder.mkdir(parents=True)
    (folder / "tweets.js").write_text("window.YTD.tweets.part0 = []")
    return folder


async def test_a_download_outlives_its_watcher_and_goes_when_the_job_ends(
    make_jobs, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger="bot.training_jobs")
    jobs = make_jobs()
    first = jobs.submit("ok_first", tmp_path / "x.js")
    folder = download(tmp_path, "queued")
    job = jobs.submit("env", folder / "tweets.js", owned=folder)
    watcher = job.events()
    assert (await anext(watcher)).kind == "queued"
    await watcher.aclose()  # the Discord handler died while its training waits in the queue
    assert folder.is_dir()
    assert (await collect(first))[-1].kind == "done"
    rest = await collect(job)  # the job ran all the same
    assert rest[-1].kind == "done" and rest[-1].data["data_exists"]  # its archive was there
    assert not folder.exists()  # gone when the job ended, before its result was reported
    assert "training env done: None" in [r.getMessage() for r in caplog.records]
    await jobs.close()


async def test_a_download_goes_with_its_job_however_the_job_ends(make_jobs, tmp_path: Path) -> None:
    jobs = make_jobs()
    failed = download(tmp_path, "failed")
    events = await collect(jobs.submit("fail", failed / "tweets.js", owned=failed))
    assert events[-1].kind == "failed" and not failed.exists()

    jobs.timeout_s = 1.0
    timed_out = download(tmp_path, "timed_out")
    events = await collect(jobs.submit("hang", timed_out / "tweets.js", owned=timed_out))
    assert "longer than" in events[-1].message and not timed_out.exists()
    jobs.timeout_s = 600.0

    running_dl, queued_dl = download(tmp_path, "running"), download(tmp_path, "queued")
    running = jobs.submit("hang", running_dl / "tweets.js", owned=running_dl)
    queued = jobs.submit("ok", queued_dl / "tweets.js", owned=queued_dl)
    events = running.events()
    while (await anext(events)).kind != "phase":
        pass
    assert running_dl.is_dir() and queued_dl.is_dir()
    await jobs.close()  # the bot shuts down: both jobs end, cancelled
    assert running.result is not None and running.result.kind == "failed"
    assert queued.result is not None and queued.result.kind == "failed"
    assert not running_dl.exists() and not queued_dl.exists()
    assert list((tmp_path / "downloads").iterdir()) == []


# --- what is logged -------------------------------------------------------------------------------


async def test_every_result_is_logged_with_untrusted_text_quoted(
    jobs: TrainingJobs, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.training_jobs")
    unwatched = jobs.submit("inject", tmp_path / "x.js")
    watcher = unwatched.events()
    await anext(watcher)
    await watcher.aclose()  # nobody listens to this one any more
    assert (await collect(jobs.submit("ok", tmp_path / "x.js")))[-1].kind == "done"  # FIFO: inject ended
    assert unwatched.result is not None and unwatched.result.message == "bad\u2028forged line\x1b[2J"
    messages = [r.getMessage() for r in caplog.records if r.name == "bot.training_jobs"]
    assert "training inject failed: 'bad\\u2028forged line\\x1b[2J'" in messages
    assert "training ok: 'not json at all'" not in messages
    assert "training ok: unexpected output line: 'not json at all'" in messages
    assert "training ok: '100%'" in messages  # stderr, at debug level, quoted too
    assert "training ok done: 'x'" in messages
    assert not [m for m in messages if "\u2028" in m or "\x1b" in m]
    await jobs.close()


# --- the child process: its group, its memory cap, its death with the bot -------------------------


def alive(pid: int) -> bool:
    """True while `pid` runs; a zombie (exited, not yet reaped by whoever adopted it) is gone."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except FileNotFoundError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] not in ("Z", "X")


def gone_within(pids: list[int], seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while any(alive(p) for p in pids):
        if time.monotonic() > deadline:
            return False
        time.sleep(0.05)
    return True


@linux_only
async def test_close_stops_the_childs_whole_process_group(jobs: TrainingJobs, tmp_path: Path) -> None:
    job = jobs.submit("tree", tmp_path / "x.js")
    events = job.events()
    while (await anext(events)).kind != "phase":  # the grandchild is up, ignoring SIGTERM
        pass
    log = (tmp_path / "log.txt").read_text().split()
    child, grandchild = int(log[2]), int(log[4])
    assert alive(child) and alive(grandchild)
    try:
        await jobs.close()
        assert not alive(child)
        assert gone_within([grandchild], 30)  # SIGKILLed with the group, not left running for 120 s
    finally:
        for pid in (child, grandchild):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


async def test_a_child_over_its_memory_cap_fails_with_a_clear_message(make_jobs, tmp_path: Path) -> None:
    jobs = make_jobs(memory_bytes=300_000_000)  # the interpreter itself needs some tens of MB
    env = await collect(jobs.submit("env", tmp_path / "x.js"))
    assert env[-1].data["rlimit_data"] == [300_000_000, 300_000_000]
    under = await collect(jobs.submit("mem100", tmp_path / "x.js"))
    assert under[-1].kind == "done"
    over = await collect(jobs.submit("mem400", tmp_path / "x.js"))
    assert over[-1].kind == "failed"
    assert over[-1].message == "Training ran out of memory (limit 300 MB, [discord] training_memory_bytes)."
    await jobs.close()


# A bot that starts a training whose child prints its pid, then waits (until the test SIGKILLs it).
ORPHANING_BOT = r"""
import asyncio, sys
from pathlib import Path
from bot.training_jobs import TrainingJobs
CHILD = ("import json, os, time; print(json.dumps({'event': 'phase', 'message': str(os.getpid())}), "
         "flush=True); time.sleep(120)")
async def main():
    jobs = TrainingJobs(Path(sys.argv[1]), command=(sys.executable, "-c", CHILD))
    async for event in jobs.submit("orphan", Path("x.js")).events():
        if event.kind == "phase":
            print(event.message, flush=True)
            await asyncio.sleep(120)
asyncio.run(main())
"""


@linux_only
def test_a_bot_killed_with_sigkill_takes_its_training_child_along(tmp_path: Path) -> None:
    script = tmp_path / "orphaning_bot.py"
    script.write_text(ORPHANING_BOT)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    bot = subprocess.Popen([sys.executable, str(script), str(tmp_path / "models")], cwd=ROOT, env=env,
                           stdout=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True)
    child = 0
    try:
        child = int(bot.stdout.readline())
        assert alive(child)
        bot.kill()  # no clean-up code of the bot runs
        bot.wait(timeout=30)
        assert gone_within([child], 30)  # the parent-death signal stopped it (it would sleep 120 s)
    finally:
        bot.kill()
        bot.wait()
        if child and alive(child):
            os.kill(child, signal.SIGKILL)


# --- cancel (for /persona forget) and who and where a persona is ----------------------------------


async def test_cancel_of_a_queued_job_deletes_its_download_and_it_never_runs(jobs: TrainingJobs,
                                                                             tmp_path: Path) -> None:
    running = jobs.submit("hang", tmp_path / "a.js")
    folder = download(tmp_path, "queued")
    queued = jobs.submit("ok", folder / "tweets.js", owned=folder)
    events = running.events()
    while (await anext(events)).kind != "phase":  # "ok" waits behind a training that runs
        pass
    watched = asyncio.create_task(collect(queued))  # someone iterates its events meanwhile
    assert await jobs.cancel("ok") is True
    events = await asyncio.wait_for(watched, 10)
    assert [e.kind for e in events] == ["queued", "cancelled"] and events[-1].final
    assert "forgotten" in events[-1].message
    assert not folder.exists() and not jobs.busy_with("ok")
    assert await jobs.cancel("ok") is False and await jobs.cancel("nobody") is False
    assert await jobs.cancel("hang") is True  # the running one too, so the queue is empty
    assert running.result is not None and running.result.kind == "cancelled"
    await asyncio.sleep(0.2)  # room for the worker to (wrongly) start the cancelled job
    assert "start ok" not in (tmp_path / "log.txt").read_text()
    assert (await collect(jobs.submit("ok", tmp_path / "x.js")))[-1].kind == "done"  # the queue goes on
    await jobs.close()


def dead_pid() -> int:
    """The pid of a process that has ended (and been reaped): no writer behind it."""
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


@linux_only
async def test_cancel_of_a_running_job_kills_it_and_removes_only_its_temporary_folders(
        jobs: TrainingJobs, tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    models = tmp_path / "models"
    models.mkdir()
    folder = download(tmp_path, "running")
    job = jobs.submit("tree", folder / "tweets.js", owned=folder)
    events = job.events()
    while (await anext(events)).kind != "phase":  # the child and its SIGTERM-ignoring grandchild are up
        pass
    log = (tmp_path / "log.txt").read_text().split()
    child, grandchild = int(log[2]), int(log[4])
    # What a training killed mid-write leaves (atomic_persona_dir's name), beside other folders:
    mine = models / f".tmp-tree-{child}-0123abcd"
    (mine / "sub").mkdir(parents=True)
    (mine / "sub" / "model.safetensors").write_bytes(b"weights")
    others = [models / f".tmp-other-{dead_pid()}-89abcdef",  # another persona's, its writer dead too
              models / f".tmp-tree-{os.getpid()}-fedcba98",  # a live writer's (the command line's)
              models / f".tmp-tree-x-{dead_pid()}-00000000",  # persona "tree-x", not "tree"
              models / "tree"]  # the persona folder itself is the caller's business
    for other in others:
        other.mkdir()
    caplog.clear()
    try:
        with caplog.at_level(logging.DEBUG, logger="bot.training_jobs"):
            assert await asyncio.wait_for(jobs.cancel("tree"), 60) is True
        assert not [m for m in caplog.messages if "tree" in m]  # forgotten: not named in the log
        assert "removed 1 temporary folder(s) a cancelled training left" in caplog.messages
        assert not alive(child) and gone_within([grandchild], 30)  # the whole group
        assert job.result is not None and job.result.kind == "cancelled"
        assert [e.kind async for e in events] == ["cancelled"]  # the iterator ends with it
        assert not mine.exists() and not folder.exists()
        assert all(other.is_dir() for other in others)
        assert not jobs.busy_with("tree")
    finally:
        for pid in (child, grandchild):
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
    await jobs.close()


async def test_owner_subject_and_servers_go_to_the_child_as_flags(jobs: TrainingJobs, tmp_path: Path) -> None:
    done = (await collect(jobs.submit("env", tmp_path / "a.js", owner=111, subject=222,
                                      servers=(333, 444))))[-1].data
    argv = done["argv"]
    assert argv[argv.index("--json") + 1:] == ["--config", str(tmp_path / "c.toml"), "--owner=111",
                                               "--subject=222", "--server=333", "--server=444"]
    plain = (await collect(jobs.submit("env", tmp_path / "a.js")))[-1].data["argv"]
    assert not [a for a in plain if a.startswith(("--owner", "--subject", "--server"))]
    await jobs.close()
