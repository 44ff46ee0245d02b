"""The gateway in shards: two `python -m bot run` processes, shard 0 and shard 1 of 2, against one stand-in.

Discord sends a guild's interactions only on the guild's shard, `(guild_id >> 22) % shard_count`, and
DMs on shard 0; the stand-in routes them so. Each process is told apart by its own `ai_marker`, which
its tweet cards carry, so the answer itself says which process made it.
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
import sys
import time
from pathlib import Path

import aiohttp
from helpers.bot_process import error_lines, run_bot
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.net import free_port
from helpers.standin import APP_ID, GUILD_ID, DiscordStandIn, Interaction, shard_of

SHARD0_GUILD_ID = GUILD_ID + (1 << 22)  # GUILD_ID itself lands on shard 1 of 2
PERSONA = {"name": "persona", "type": 3, "value": "marlowe_bakes"}
START_TIMEOUT_S = 120.0  # two processes importing torch at once on a small machine


class ShardProcess:
    """One bot process running `shard` of 2, with its own config, state folder and health port."""

    def __init__(self, folder: Path, standin: DiscordStandIn, models: Path, shard: int, sync: bool) -> None:
        folder.mkdir()
        self.folder = folder
        self.shard = shard
        self.port = free_port()
        self.log = folder / "bot.log"
        self.config = write_config(folder, paths={"models_dir": models, "state_dir": folder / "state"},
                                   discord={
                                       "guild_ids": [SHARD0_GUILD_ID, GUILD_ID], "health_port": self.port,
                                       "api_base_url": standin.api_base_url,  # the gateway asked of it
                                       "shard_count": 2, "shard_ids": [shard], "sync_commands": sync,
                                       "ai_marker": f" (AI, shard {shard})",
                                       "reply_style": "embed"})  # the card says which process answered
        self.proc: asyncio.subprocess.Process | None = None

    @property
    def marker(self) -> str:
        return f"(AI, shard {self.shard})"

    async def start(self) -> None:
        with self.log.open("wb") as log:  # a file, not a pipe nobody reads while the test waits
            self.proc = await asyncio.create_subprocess_exec(
                sys.executable, "-m", "bot", "run", "--config", str(self.config), cwd=self.folder,
                env={**os.environ, "DISCORD_TOKEN": "test-token"}, stdout=asyncio.subprocess.DEVNULL,
                stderr=log)

    async def get(self, path: str) -> tuple[int, str]:
        async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{self.port}{path}") as r:
            return r.status, await r.text()

    async def healthy(self, deadline: float) -> None:
        """Wait until /healthz answers 200 (gateway connected, pool ready)."""
        assert self.proc is not None
        while time.monotonic() < deadline:
            assert self.proc.returncode is None, f"shard {self.shard} exited: {self.log.read_text()[-3000:]}"
            with contextlib.suppress(aiohttp.ClientError):
                if (await self.get("/healthz"))[0] == 200:
                    return
            await asyncio.sleep(0.2)
        raise AssertionError(f"shard {self.shard} never became healthy: {self.log.read_text()[-3000:]}")

    async def stop(self) -> int:
        assert self.proc is not None
        if self.proc.returncode is None:
            self.proc.send_signal(signal.SIGTERM)
        return await asyncio.wait_for(self.proc.wait(), 60)

    async def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()


async def card_author(standin: DiscordStandIn, it: Interaction) -> str:
    """Who signed the tweet card answering an /imitate (deferred, then @original edited to hold it)."""
    card = await standin.wait_for_original(it, lambda m: bool(m["embeds"]), timeout=60)
    return card["embeds"][0]["author"]["name"]


async def test_two_processes_each_answer_only_their_own_shard(tmp_path: Path) -> None:
    assert (shard_of(SHARD0_GUILD_ID, 2), shard_of(GUILD_ID, 2)) == (0, 1)
    standin = DiscordStandIn(shards=2)
    channel0 = standin.add_guild(SHARD0_GUILD_ID)  # the bot is in both guilds, one on each shard
    await standin.start()
    models = tmp_path / "models"
    make_checkpoint(models, "marlowe_bakes", "Marlowe Quill")
    bots = [ShardProcess(tmp_path / "shard0", standin, models, 0, sync=True),
            ShardProcess(tmp_path / "shard1", standin, models, 1, sync=False)]
    try:
        for bot in bots:
            await bot.start()
        deadline = time.monotonic() + START_TIMEOUT_S
        await asyncio.gather(*(bot.healthy(deadline) for bot in bots))

        # One gateway connection per process, each identified as its shard and told of its guild only.
        assert sorted(c.shard for c in standin.connections if c.open) == [(0, 2), (1, 2)]
        assert standin.identifies == 2
        for shard, guild in ((0, SHARD0_GUILD_ID), (1, GUILD_ID)):
            conn = standin.connection_of(shard)
            assert conn is not None
            assert [g for event, g in conn.events if event == "GUILD_CREATE"] == [guild]

        it0 = await standin.interact("imitate", [PERSONA], guild_id=SHARD0_GUILD_ID, channel_id=channel0)
        it1 = await standin.interact("imitate", [PERSONA], user_id=2)
        dm = await standin.interact("imitate", [PERSONA], where="dm", user_id=3)
        assert (it0.shard, it1.shard, dm.shard) == (0, 1, 0)
        authors = await asyncio.gather(*(card_author(standin, it) for it in (it0, it1, dm)))
        assert [bots[0].marker in authors[0], bots[1].marker in authors[1], bots[0].marker in authors[2]] \
            == [True] * 3, authors
        for it in (it0, it1, dm):  # acknowledged once: no other process tried (it would get 40060)
            assert [c.status for c in standin.calls_for(it) if c.path.endswith("/callback")] == [200]

        # Commands synced exactly once, by the process with sync_commands = true.
        puts = sorted(c.path for c in standin.calls if c.method == "PUT")
        assert puts == sorted([f"applications/{APP_ID}/guilds/{SHARD0_GUILD_ID}/commands",
                               f"applications/{APP_ID}/guilds/{GUILD_ID}/commands",
                               f"applications/{APP_ID}/commands"])  # the global set cleared
        assert (bots[0].folder / "state" / "command_sync.json").is_file()
        assert not (bots[1].folder / "state" / "command_sync.json").exists()

        for bot in bots:
            assert await bot.get("/healthz") == (200, '{"ok": true, "gateway": true, "pool": true}')
            metrics = (await bot.get("/metrics"))[1]
            assert f'persona_bot_shard_open{{shard="{bot.shard}"}} 1.0' in metrics
            assert f'shard="{1 - bot.shard}"' not in metrics  # only its own shards
        codes = [await bot.stop() for bot in bots]
        logs = [bot.log.read_text() for bot in bots]
        assert codes == [0, 0], logs
    finally:
        for bot in bots:
            await bot.kill()
        await standin.close()
    assert "gateway shards 0 of 2 in this process" in logs[0]
    assert "gateway shards 1 of 2 in this process" in logs[1]
    assert "not syncing commands: another process does" in logs[1]
    assert "not syncing commands" not in logs[0]
    assert "Traceback" not in logs[0] + logs[1]


def test_shard_ids_without_shard_count_is_a_config_error(tmp_path: Path) -> None:
    cfg = write_config(tmp_path, discord={"shard_ids": [0]})
    result = run_bot(["run", "--config", str(cfg)], tmp_path)
    assert result.returncode == 2
    [line] = error_lines(result)
    assert "shard_ids needs shard_count" in line
    assert result.stderr.splitlines() == [line]
    assert not (tmp_path / "models").exists()  # refused before anything started
