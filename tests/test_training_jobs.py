"""The training queue's plumbing, against a small stand-in for `python -m training` (the real CLI is
exercised end to end in test_console.py and test_discord_e2e.py)."""

from __future__ import annotations

import asyncio
import os
import sys
from pathlib import Path

import pytest

from bot.errors import InvalidRequest, PoolClosed
from bot.training_jobs import TrainingJobs

# Behaves like `python -m training train NAME --data F --models-dir D --json`, by NAME:
# ok* prints JSON events and exits 0; fail exits 2 with one error line; hang sleeps until killed;
# silent exits 0 without a `done` line; env reports its DISCORD_TOKEN, argv and FAKE_LOG in `done`.
# Each run appends "start NAME"/"end NAME" to $FAKE_LOG.
FAKE_TRAINING = r"""
import json, os, sys, time
args = sys.argv[1:]
assert args[0] == "train" and "--json" in args, args
name = args[1]
log = open(os.environ["FAKE_LOG"], "a")
log.write(f"start {name} {os.getpid()}\n"); log.flush()
def emit(**kw): print(json.dumps(kw), flush=True)
if name.startswith("ok"):
    emit(event="phase", phase="read", message=" ".join(args))
    print("not json at all", flush=True)
    sys.stderr.write("progress bar\r50%\r100%\n"); sys.stderr.flush()
    time.sleep(0.2)
    emit(event="progress", phase="train", step=1, total=2, loss=3.5)
    emit(event="warning", message="little data")
    emit(event="done", persona=name, path="x", table={}, metrics={}, seconds=0.1)
elif name == "fail":
    sys.stderr.write("some noise\nerror: no tweets found in x.js\n")
    sys.exit(2)
elif name == "hang":
    emit(event="phase", phase="train", message="training")
    time.sleep(120)
elif name == "silent":
    pass
elif name == "env":
    emit(event="done", persona=name, token=os.environ.get("DISCORD_TOKEN"), argv=args,
         fake_log=os.environ.get("FAKE_LOG"))
log.write(f"end {name}\n"); log.flush()
"""


@pytest.fixture
def jobs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> TrainingJobs:
    script = tmp_path / "fake_training.py"
    script.write_text(FAKE_TRAINING)
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log.txt"))
    command = (sys.executable, str(script))
    return TrainingJobs(tmp_path / "models", config_path=tmp_path / "c.toml", command=command)


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
