"""Forgetting leaves nothing (issue 22): after `/persona forget`, no file, folder, record or row under
`models/` or `[paths] state_dir` names the persona, its picture's URL answers 404, the pool holds
nothing of it, a training of it (running or queued) never finishes and its upload is gone; also when
the forget arrives during a batch that serves it. With the real registry, pool and message record."""

from __future__ import annotations

import asyncio
import os
import sys
import time
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from aiohttp import web
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.fake_training import FAKE_TRAINING
from helpers.presence_bot import PICTURE

from bot.avatars import AvatarCache, avatar_route_path, avatar_routes
from bot.commands import Caller, Commands
from bot.config import load_config
from bot.consent import PendingConsent
from bot.errors import UnknownPersona
from bot.message_log import PersonaMessage
from bot.persona_changes import AddRequest, Archive
from bot.training_jobs import TrainingJobs
from bot.wiring import open_commands
from training.avatar import set_avatar

NAME = "hang_zanzibar"  # the fake training hangs for names starting with "hang"
SUBJECT = 77
CONSOLE = Caller(0, local=True)
SUBJECT_DM = Caller(SUBJECT)


def traces(root: Path, name: str) -> list[str]:
    """Every path under `root` whose name, or whose bytes, hold `name`."""
    needle = name.encode()
    found = []
    for folder, dirs, files in os.walk(root):
        for item in [*dirs, *files]:
            path = Path(folder) / item
            if name in item or (path.is_file() and not path.is_symlink() and needle in path.read_bytes()):
                found.append(str(path))
    return found


class Env:
    def __init__(self, commands: Commands, folder: Path, url: str, log: Path) -> None:
        self.commands, self.folder, self.url, self.log = commands, folder, url, log
        self.models, self.state = folder / "models", folder / "state"

    async def status(self, path: str) -> int:
        async with aiohttp.ClientSession() as http, http.get(self.url + path) as response:
            return response.status


@pytest_asyncio.fixture
async def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    models = tmp_path / "models"
    make_checkpoint(models, NAME, "Zanzibar Quill", servers=[1], owner=5, subject=SUBJECT)
    set_avatar(models / NAME, PICTURE)
    make_checkpoint(models, "other_guy", "Other Guy", seed=1)
    cfg_path = write_config(tmp_path, paths={"models_dir": models, "state_dir": tmp_path / "state"},
                            discord={"cooldown_s": 0})
    script = tmp_path / "fake_training.py"
    script.write_text(FAKE_TRAINING)
    log = tmp_path / "training.log"
    log.touch()
    monkeypatch.setenv("FAKE_LOG", str(log))
    async with open_commands(load_config(cfg_path), cfg_path) as commands:
        await commands.jobs.close()
        commands.jobs = TrainingJobs(models, command=(sys.executable, str(script)))
        commands.avatar_cache = AvatarCache()
        app = web.Application()
        app.add_routes(avatar_routes(commands.registry, commands.avatar_cache))
        runner = web.AppRunner(app)
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
        try:
            yield Env(commands, tmp_path, f"http://127.0.0.1:{port}", log)
        finally:
            await commands.jobs.close()
            await runner.cleanup()


async def record(commands: Commands, message_id: int, persona: str = NAME) -> None:
    await commands.remember(PersonaMessage(message_id, persona, 9, 100, "My dream is", "to bake", time.time(),
                                           "embed", guild_id=1, context="hello", context_author_id=8))


async def test_forget_leaves_nothing(env: Env) -> None:
    commands = env.commands
    reply = await commands.imitate(commands.prepare_imitate(SUBJECT_DM, NAME, "My dream is"))
    assert reply.card is not None
    assert "resident" in commands.pool.holds(NAME)
    for i in range(3):
        await record(commands, 1000 + i)
    await record(commands, 2000, "other_guy")
    picture = avatar_route_path(commands.registry.get(NAME))
    assert picture is not None and await env.status(picture) == 200
    assert commands.avatar_cache.holds(NAME) == 1
    # A request awaiting the subject's Accept, with its upload.
    store = commands.consents
    upload = store.uploads / "abc"
    upload.mkdir(parents=True)
    (upload / "tweets.js").write_text(f"a tweet of {NAME}")
    store.add(PendingConsent("f" * 32, NAME, SUBJECT, 5, 1, 100, None, str(upload / "tweets.js"), "tweets.js",
                             None, None, time.time(), time.time() + 3600))
    # What a swap without RENAME_EXCHANGE leaves when killed midway: start-up would restore it.
    (env.models / f".old-{NAME}").mkdir()
    assert traces(env.models, NAME) and traces(env.state, NAME)  # the walk does find them before

    req = commands.prepare_forget(SUBJECT_DM, NAME)  # its subject, from a DM
    started = time.monotonic()
    answer = await commands.persona_forget(req)
    print(f"forget of a resident persona: {(time.monotonic() - started) * 1000:.1f} ms")

    assert "Forgot" in answer.text and "3 message records" in answer.text and answer.ephemeral
    assert "1 request awaiting consent" in answer.text
    assert traces(env.models, NAME) == [] and traces(env.state, NAME) == []
    assert await env.status(picture) == 404
    assert commands.avatar_cache.holds(NAME) == 0
    assert commands.pool.holds(NAME) == []
    assert commands.messages.usage(NAME) == [] and commands.messages.get(2000) is not None
    with pytest.raises(UnknownPersona):
        commands.prepare_imitate(CONSOLE, NAME)
    assert commands.registry.get("other_guy") is not None  # nothing else went


async def test_forget_during_a_batch_that_serves_it(env: Env) -> None:
    commands = env.commands
    req = commands.prepare_imitate(CONSOLE, NAME, "My dream is", count=5)
    generating = asyncio.create_task(commands.imitate(req))
    deadline = time.monotonic() + 30
    while "running" not in commands.pool.holds(NAME):  # the batch has started
        assert time.monotonic() < deadline and not generating.done()
        await asyncio.sleep(0.001)
    started = time.monotonic()
    await commands.persona_forget(commands.prepare_forget(CONSOLE, NAME))
    took = time.monotonic() - started
    with pytest.raises(UnknownPersona) as gone:  # its words go nowhere
        await generating
    assert "Did you mean" not in str(gone.value)  # the pool's suggestions know nothing of scope
    await record(commands, 3000)  # a post that raced the forget: its record does not outlive it
    assert commands.messages.get(3000) is None
    assert commands.pool.holds(NAME) == []
    assert traces(env.models, NAME) == [] and traces(env.state, NAME) == []
    print(f"forget during a batch: {took * 1000:.1f} ms")


async def test_forget_stops_its_training_and_a_queued_one_never_runs(env: Env) -> None:
    commands = env.commands
    jobs = commands.jobs
    downloads = commands.settings.downloads

    def upload(tag: str) -> Path:
        folder = downloads / tag
        folder.mkdir(parents=True)
        (folder / "tweets.js").write_text("[]")
        return folder / "tweets.js"

    # Running: a retrain of the persona, killed by the forget, its upload and temporary folder gone.
    running = AddRequest(NAME, Archive("tweets.js", path=upload("run"), owned=True), replacing=True)
    progress = commands.persona_add(running)
    assert "Training" in (await anext(progress)).text
    deadline = time.monotonic() + 30
    while f"start {NAME}" not in env.log.read_text():
        assert time.monotonic() < deadline
        await asyncio.sleep(0.05)
    (env.models / f".tmp-{NAME}-999999-abcdef12").mkdir()  # what a killed writer leaves
    gone = await commands.forget_persona(NAME)
    assert gone.trainings == 1
    final = [r async for r in progress][-1]
    assert "failed" in final.text.lower() or "cancel" in final.text.lower()
    assert f"end {NAME}" not in env.log.read_text()
    assert traces(env.models, NAME) == [] and traces(env.state, NAME) == []

    # Queued behind another training: taken out of the queue, never started.
    first = jobs.submit("hang_first", upload("first"))
    second = jobs.submit("hang_second", upload("second"), owned=downloads / "second")
    await commands.forget_persona("hang_second")
    assert second.result is not None and second.result.kind == "cancelled"
    assert not (downloads / "second").exists()
    await jobs.cancel("hang_first")
    assert first.result is not None
    assert "start hang_second" not in env.log.read_text()


def test_usage_shows_twenty_rows_within_one_message_whatever_the_prompts() -> None:
    from bot.discord_io import with_mentions
    from bot.output import DISCORD_LIMIT
    from bot.replies import usage_reply

    long = "a prompt of many words " * 20
    records = [PersonaMessage(i, NAME, 900000000000000000 + i, 100, long, "t", 1.7e9 - i, "embed", guild_id=1)
               for i in range(20)]
    text = with_mentions(usage_reply(NAME, records))
    assert len(text) <= DISCORD_LIMIT
    rows = text.splitlines()[1:]
    assert len(rows) == 20
    assert all(r.startswith(f"<@{900000000000000000 + i}> <t:") for i, r in enumerate(rows))


async def test_a_post_answering_a_member_who_opted_out_meanwhile_leaves_no_record(env: Env) -> None:
    commands = env.commands
    commands.opted_out_ids.add(8)  # the author of the context `record` writes
    await record(commands, 4000)
    assert commands.messages.get(4000) is None
    commands.opted_out_ids.discard(8)
    await record(commands, 4001)
    assert commands.messages.get(4001) is not None
