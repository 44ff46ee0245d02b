"""`python -m bot run` as a process: the token rule, and a graceful SIGTERM in the middle of a training."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
from pathlib import Path

from checkpoints import make_checkpoint
from discord_standin import ADMINISTRATOR, DiscordStandIn
from test_discord_e2e import SAMPLE_TWEETS, add_options, write_config


def test_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    message = "error: set the bot token in the DISCORD_TOKEN environment variable"
    assert result.stderr.strip().splitlines() == [message]


def training_children(models: Path) -> list[int]:
    """Processes still running `python -m training train ... --models-dir <models>`."""
    pids = []
    for proc in Path("/proc").iterdir():
        try:
            cmdline = (proc / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"training" in cmdline and str(models).encode() in cmdline:
            pids.append(int(proc.name))
    return pids


async def test_sigterm_stops_a_running_training_cleanly(tmp_path: Path) -> None:
    standin = DiscordStandIn()
    await standin.start()
    make_checkpoint(tmp_path / "models", "marlowe_bakes")
    cfg = write_config(tmp_path, standin, gateway=True)
    token = "secret-token-never-logged"
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", "--config", str(cfg), cwd=tmp_path,
        env={**os.environ, "DISCORD_TOKEN": token}, stderr=asyncio.subprocess.PIPE)
    try:
        await standin.wait_for(lambda c: c.method == "PUT", timeout=120)
        await standin.wait_until(lambda: standin.identifies == 1)
        options, resolved = add_options(standin, "fresh_baker", "tweets.js", SAMPLE_TWEETS.read_bytes())
        it = await standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
        # Stopped mid-training: the child is inside the Trainer's loop.
        await standin.wait_for(lambda c: it.matches(c) and " step " in str(c.body), timeout=120)
        assert training_children(tmp_path / "models")

        proc.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(proc.communicate(), 120)
        assert proc.returncode == 0, stderr.decode()[-2000:]
    finally:
        if proc.returncode is None:
            proc.kill()
            await proc.wait()
        await standin.close()
    models = tmp_path / "models"
    assert sorted(p.name for p in models.iterdir()) == ["marlowe_bakes"]  # no half-written persona
    assert not training_children(models)
    assert token not in stderr.decode()
    edits = [c.body.get("content", "") for c in standin.calls_for(it) if c.method == "PATCH"]
    assert "shutting down" in edits[-1]
