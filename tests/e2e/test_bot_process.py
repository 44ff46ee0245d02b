"""`python -m bot run` as a process: the token rule, and a graceful SIGTERM in the middle of a training."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.bot_process import error_lines, run_bot
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.discord_bot import SAMPLE_TWEETS, add_options, standin_config
from helpers.net import free_port
from helpers.standin import ADMINISTRATOR, EPHEMERAL, DiscordStandIn


def test_missing_token_is_one_line_and_exit_2(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DISCORD_TOKEN"}
    result = subprocess.run([sys.executable, "-m", "bot", "run"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=120, check=False)
    assert result.returncode == 2
    message = "error: set the bot token in the DISCORD_TOKEN environment variable"
    assert result.stderr.strip().splitlines() == [message]


def test_cuda_without_cuda_is_a_config_error(tmp_path: Path) -> None:
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: device = 'cuda' is valid here")
    cfg = write_config(tmp_path, pool={"device": "cuda"})
    for command in ("console", "run"):
        result = run_bot([command, "--config", str(cfg)], tmp_path)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            'error: [pool] device = "cuda" but no CUDA device is available (use "auto" or "cpu")']
    assert not (tmp_path / "models").exists()  # nothing started, not even the sample persona


def test_a_remote_token_variable_unset_is_a_config_error(tmp_path: Path) -> None:
    name = "PERSONA_UNSET_TOKEN_FOR_TEST"
    cfg = write_config(tmp_path, pool={"backend": "remote", "remote_url": "http://127.0.0.1:9/personas",
                                       "remote_token_env": name})
    for command in ("console", "run"):
        result = run_bot([command, "--config", str(cfg)], tmp_path)
        assert result.returncode == 2
        assert result.stderr.splitlines() == [
            f'error: [pool] remote_token_env = "{name}", but the environment variable {name} is not set '
            "(the token goes in the environment, never in config.toml)"]
    assert not (tmp_path / "models").exists()


def test_health_port_in_use_is_one_line(tmp_path: Path) -> None:
    make_checkpoint(tmp_path / "models", "marlowe_bakes")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        cfg = write_config(tmp_path, discord={"health_port": port,
                                              "api_base_url": f"http://127.0.0.1:{free_port()}/api/v10"})
        result = run_bot(["run", "--config", str(cfg)], tmp_path)
    assert result.returncode == 1
    assert error_lines(result) == [
        f"error: the health server cannot listen on 127.0.0.1:{port}: Address already in use"]


def test_unreachable_discord_is_one_line(tmp_path: Path) -> None:
    make_checkpoint(tmp_path / "models", "marlowe_bakes")
    api = f"http://127.0.0.1:{free_port()}/api/v10"  # nothing listens there
    cfg = write_config(tmp_path, discord={"health_port": 0, "api_base_url": api})
    result = run_bot(["run", "--config", str(cfg)], tmp_path)
    assert result.returncode == 1
    [line] = error_lines(result)
    assert line.startswith(f"error: cannot reach Discord at {api}: Cannot connect to host")


async def login_against(tmp_path: Path, standin: DiscordStandIn, token: str) -> subprocess.CompletedProcess:
    await standin.start()
    try:
        make_checkpoint(tmp_path / "models", "marlowe_bakes")
        cfg = standin_config(tmp_path, standin, gateway=True)
        return await asyncio.to_thread(run_bot, ["run", "--config", str(cfg)], tmp_path, token)
    finally:
        await standin.close()


async def test_refused_token_is_one_line_without_the_token(tmp_path: Path) -> None:
    standin = DiscordStandIn(accepted_token="the-right-token")
    token = "wrong-secret-token"
    result = await login_against(tmp_path, standin, token)
    assert result.returncode == 2
    assert error_lines(result) == ["error: Discord refused the token in DISCORD_TOKEN"]
    assert token not in result.stderr
    assert [c.path for c in standin.calls] == ["users/@me"]  # refused at login, nothing else tried


async def test_login_http_error_is_one_line(tmp_path: Path) -> None:
    token = "secret-token-never-shown"
    result = await login_against(tmp_path, DiscordStandIn(login_status=403), token)
    assert result.returncode == 1
    expected = "error: Discord answered the login with an error: 403 Login not allowed here"
    assert error_lines(result) == [expected]
    assert token not in result.stderr


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
    cfg = standin_config(tmp_path, standin, gateway=True)
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
    # The asker alone learns that the training stopped (a failure is theirs: an ephemeral follow-up).
    [stopped] = [c for c in standin.calls_for(it) if c.method == "POST" and c.status == 200
                 and "shutting down" in (c.body or {}).get("content", "")]
    assert stopped.body["flags"] & EPHEMERAL
