"""The real bot (discord.py client, command tree, pool, training child) against the Discord stand-in.

One stand-in and one bot per module; the bot is pointed at the stand-in only through
`[discord] api_base_url` (and, in the restart test, `gateway_url`).
"""

from __future__ import annotations

import asyncio
import itertools
import json
import statistics
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from checkpoints import make_checkpoint
from conftest import write_config
from discord_standin import ADMIN_ROLE_ID, ADMINISTRATOR, APP_ID, CHANNEL_ID, GUILD_ID, DiscordStandIn

from bot.config import load_config
from bot.discord_bot import running_bot

pytestmark = pytest.mark.asyncio(loop_scope="module")

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TWEETS = ROOT / "examples" / "marlowe_bakes" / "data" / "tweets.js"
EPHEMERAL = 64
MAX_ATTACHMENT = 1_000_000
PERSONA = {"name": "persona", "type": 3, "value": "marlowe_bakes"}


def standin_config(folder: Path, standin: DiscordStandIn, *, gateway: bool = False,
                   **discord: object) -> Path:
    """The test config (conftest.write_config) pointed at the stand-in; `gateway`: its gateway URL too."""
    settings = {"guild_ids": [GUILD_ID], "admin_role_ids": [ADMIN_ROLE_ID], "health_port": 0,
                "max_attachment_bytes": MAX_ATTACHMENT, "api_base_url": standin.api_base_url, **discord}
    if gateway:
        settings["gateway_url"] = standin.gateway_url
    return write_config(folder, pool={"rescan_interval_s": 0.5}, discord=settings)


class Harness:
    def __init__(self, standin: DiscordStandIn, folder: Path, bot) -> None:
        self.standin = standin
        self.folder = folder
        self.bot = bot
        self.models = folder / "models"
        self.state = folder / "state"

    def personas(self) -> list[str]:
        return sorted(p.name for p in self.models.iterdir())


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("e2e")
    make_checkpoint(folder / "models", "marlowe_bakes", "Marlowe Quill")
    make_checkpoint(folder / "models", "other_guy", "Other Guy", seed=1)
    standin = DiscordStandIn(heartbeat_interval_ms=500)
    await standin.start()
    cfg_path = standin_config(folder, standin)
    cfg = load_config(cfg_path)
    async with running_bot(cfg, "test-token", cfg_path) as bot:
        await standin.wait_until(lambda: bot.client.is_ready())
        yield Harness(standin, folder, bot)
    await standin.close()


async def healthz(env: Harness) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{env.bot.health.port}/healthz") as r:
        return r.status, await r.json()


async def test_login_sync_health_and_metrics(env: Harness) -> None:
    paths = [(c.method, c.path) for c in env.standin.calls]
    assert ("GET", "users/@me") in paths and ("GET", "oauth2/applications/@me") in paths
    assert ("GET", "gateway/bot") in paths  # no gateway_url configured: asked of the API
    syncs = [c for c in env.standin.calls if c.method == "PUT"]
    assert [c.path for c in syncs] == [f"applications/{APP_ID}/guilds/{GUILD_ID}/commands"]
    commands = {c["name"]: c for c in syncs[0].body}
    assert set(commands) == {"imitate", "help", "persona"}
    assert int(commands["persona"]["default_member_permissions"]) == ADMINISTRATOR
    assert {o["name"] for o in commands["persona"]["options"]} == {"list", "info", "add", "remove"}
    record = json.loads((env.state / "command_sync.json").read_text())
    assert list(record) == [f"{APP_ID}/{GUILD_ID}"]

    assert await healthz(env) == (200, {"ok": True, "gateway": True, "pool": True})
    async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{env.bot.health.port}/metrics") as r:
        text = await r.text()
    assert r.status == 200 and "pool_requests_total" in text and "persona_bot_commands_total" in text


async def test_imitate_is_deferred_then_answered_pinging_nobody(env: Harness) -> None:
    it = await env.standin.interact("imitate", [
        {"name": "persona", "type": 3, "value": "marlowe_bakes"},
        {"name": "prompt", "type": 3, "value": "My dream is @everyone"},
        {"name": "count", "type": 4, "value": 2},
    ])
    reply = await env.standin.reply_to(it)
    first = env.standin.calls_for(it)[0]
    assert first.path.endswith("/callback") and first.body["type"] == 5  # deferred first
    assert reply.path == f"webhooks/{APP_ID}/{it.token}"
    content = reply.body["content"]
    assert content.startswith("**Marlowe Quill** @marlowe_bakes · 🤖 AI Bot\n> My dream is @\u200beveryone")
    assert content.count("\n> My dream is") == 2 and len(content) <= 2000
    assert reply.body["allowed_mentions"] == {"parse": []}
    assert not reply.body.get("flags", 0) & EPHEMERAL


async def test_autocomplete_lists_personas(env: Harness) -> None:
    typed = {"name": "persona", "type": 3, "value": "OTH", "focused": True}
    it = await env.standin.interact("imitate", [typed], autocomplete=True)
    call = await env.standin.wait_for(lambda c: it.matches(c))
    assert call.body["type"] == 8
    assert call.body["data"]["choices"] == [{"name": "other_guy", "value": "other_guy"}]
    it = await env.standin.interact("imitate", [{**typed, "value": ""}], autocomplete=True)
    call = await env.standin.wait_for(lambda c: it.matches(c))
    assert [c["value"] for c in call.body["data"]["choices"]] == ["marlowe_bakes", "other_guy"]


async def refused(env: Harness, name: str, options: list[dict], **kw) -> str:
    """Send a command that must be refused at once: an immediate ephemeral reply, nothing deferred."""
    it = await env.standin.interact(name, options, **kw)
    reply = await env.standin.reply_to(it)
    assert reply.path.endswith("/callback") and reply.body["type"] == 4
    assert reply.body["data"]["flags"] & EPHEMERAL
    return reply.body["data"]["content"]


@pytest.mark.parametrize(("options", "expected"), [
    ([{"name": "persona", "type": 3, "value": "marlowe_bake"}], "Did you mean marlowe_bakes?"),
    ([PERSONA, {"name": "prompt", "type": 3, "value": "x" * 301}],
     "The prompt is too long: 301 characters, at most 300."),
    ([PERSONA, {"name": "count", "type": 4, "value": 6}],
     "count must be between 1 and 5 (got 6)."),
    ([PERSONA, {"name": "temperature", "type": 10, "value": 9}],
     "temperature must be between 0.1 and 2.0 (got 9.0)."),
])
async def test_bad_imitate_is_refused(env: Harness, options: list[dict], expected: str) -> None:
    assert expected in await refused(env, "imitate", options)
    assert env.bot.client.gateway_connected()


def add_options(standin: DiscordStandIn, name: str, filename: str, content: bytes,
                claimed: int | None = None):
    att = standin.attachment(filename, content, claimed)
    options = [{"name": "name", "type": 3, "value": name},
               {"name": "archive", "type": 11, "value": att["id"]}]
    return options, {"attachments": {att["id"]: att}}


@pytest.mark.parametrize(("name", "filename", "claimed", "kw", "expected"), [
    ("newbie", "tweets.js", None, {}, "Only administrators can do that."),
    ("newbie", "tweets.js", MAX_ATTACHMENT + 1, {"permissions": ADMINISTRATOR}, "The archive is too large"),
    ("newbie", "photo.png", None, {"roles": [ADMIN_ROLE_ID]}, "Unknown archive format 'photo.png'"),
    ("not a handle!", "tweets.js", None, {"permissions": ADMINISTRATOR}, "is not a valid persona name"),
    ("far_too_long_handle", "tweets.js", None, {"permissions": ADMINISTRATOR}, "not a valid persona name"),
])
async def test_bad_persona_add_is_refused_before_download(
    env: Harness, name: str, filename: str, claimed: int | None, kw: dict, expected: str
) -> None:
    before = env.personas()
    options, resolved = add_options(env.standin, name, filename, b"[]", claimed)
    assert expected in await refused(env, "persona add", options, resolved=resolved, **kw)
    assert not [c for c in env.standin.calls if c.path.startswith(f"files/{options[1]['value']}-")]
    assert env.personas() == before


async def test_non_admin_remove_is_refused(env: Harness) -> None:
    options = [{"name": "name", "type": 3, "value": "other_guy"}]
    assert "Only administrators can do that." in await refused(env, "persona remove", options)
    assert "other_guy" in env.personas()


async def test_persona_add_with_a_file_that_is_not_a_zip(env: Harness) -> None:
    before = env.personas()
    options, resolved = add_options(env.standin, "newbie", "archive.zip", b"this is no zip file")
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
    reply = await env.standin.reply_to(it)
    assert [c for c in env.standin.calls if c.path.startswith(f"files/{options[1]['value']}-")]
    assert "'archive.zip' is not a valid zip archive." in reply.body["content"]
    assert reply.body["flags"] & EPHEMERAL
    assert ("DELETE", f"webhooks/{APP_ID}/{it.token}/messages/@original") in [
        (c.method, c.path) for c in env.standin.calls_for(it)]  # the public 'thinking' message went away
    assert env.personas() == before and not list((env.state / "downloads").iterdir())


async def test_admin_adds_a_persona_then_imitates_it(env: Harness) -> None:
    options, resolved = add_options(env.standin, "fresh_baker", "tweets.js", SAMPLE_TWEETS.read_bytes())
    it = await env.standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID])

    def finished(call) -> bool:
        return it.matches(call) and call.method == "PATCH" and "✅" in (call.body or {}).get("content", "")
    done = await env.standin.wait_for(finished, timeout=240)
    assert done.body["content"].startswith("✅ Added `fresh_baker`")
    assert [c for c in env.standin.calls if c.path.startswith(f"files/{options[1]['value']}-")]  # downloaded
    edits = [c.body["content"] for c in env.standin.calls_for(it) if c.method == "PATCH"]
    assert any("⏳ Training `fresh_baker`" in e for e in edits)  # progress shown by editing the reply
    assert "fresh_baker" in env.personas()
    assert not list((env.state / "downloads").iterdir())  # the download was cleaned up

    it = await env.standin.interact("imitate", [{"name": "persona", "type": 3, "value": "fresh_baker"},
                                                {"name": "seed", "type": 4, "value": 7}])
    reply = await env.standin.reply_to(it)
    # The display name (here the handle) with Markdown escaped: Discord shows "fresh_baker".
    assert reply.body["content"].startswith("**fresh\\_baker** @fresh_baker · 🤖 AI Bot\n> ")

    it = await env.standin.interact("persona remove", [{"name": "name", "type": 3, "value": "fresh_baker"}],
                                    permissions=ADMINISTRATOR)
    assert "Removed `fresh_baker`" in (await env.standin.reply_to(it)).body["content"]
    assert "fresh_baker" not in env.personas()


async def test_persona_add_passes_the_base(env: Harness) -> None:
    """The admin-only `base` option reaches the real training CLI (which refuses a missing folder)."""
    options, resolved = add_options(env.standin, "based_one", "tweets.txt", b"a tweet or two\n" * 50)
    options.append({"name": "base", "type": 3, "value": "./no/such/base"})
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)

    def finished(call) -> bool:
        return it.matches(call) and call.method == "PATCH" and "❌" in (call.body or {}).get("content", "")
    done = await env.standin.wait_for(finished, timeout=120)
    expected = "❌ Training `based_one` failed: --base ./no/such/base: no such folder"
    assert done.body["content"].startswith(expected)
    assert "based_one" not in env.personas()


async def test_training_past_the_token_lifetime_reports_in_the_channel(
    env: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the interaction token's life the reply cannot be edited: the result is a channel message.
    (The lifetime is set to 0 here; too few tweets make the real training CLI refuse at once.)"""
    monkeypatch.setattr("bot.discord_bot.TOKEN_LIFETIME_S", 0)
    options, resolved = add_options(env.standin, "tiny_data", "tweets.txt", b"one tweet\nanother one\n")
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
    posted = await env.standin.wait_for(
        lambda c: c.method == "POST" and c.path == f"channels/{CHANNEL_ID}/messages", timeout=60)
    assert posted.body["content"].startswith("❌ Training `tiny_data` failed: ")
    assert posted.body["allowed_mentions"] == {"parse": []}
    assert not [c for c in env.standin.calls_for(it) if c.method == "PATCH"]
    assert "tiny_data" not in env.personas()


async def test_heartbeats_stay_on_time_during_32_generations(env: Harness) -> None:
    standin = env.standin
    interval = standin.heartbeat_interval_ms / 1000
    start = len(standin.heartbeats)
    identifies = standin.identifies
    its = [await standin.interact("imitate", [{"name": "persona", "type": 3, "value": name},
                                              {"name": "count", "type": 4, "value": 5}], user_id=1000 + i)
           for i, name in enumerate(["marlowe_bakes", "other_guy"] * 16)]
    replies = await asyncio.gather(*(standin.reply_to(it, timeout=120) for it in its))
    assert all("🤖 AI Bot" in r.body["content"] for r in replies)
    acks = [standin.calls_for(it)[0].at - it.sent_at for it in its]  # the defer, Discord's 3 s deadline
    answered = max(r.at for r in replies) - its[0].sent_at
    print(f"32 /imitate (count 5): all answered in {answered:.2f}s; deferred within {max(acks):.3f}s at most")
    assert max(acks) < 3
    await asyncio.sleep(interval)  # one more beat after the burst
    beats = standin.heartbeats[start - 1:] if start else standin.heartbeats
    gaps = [b - a for a, b in itertools.pairwise(beats)]
    print(f"heartbeat interval {interval:.3f}s over {len(gaps)} gaps during 32 generations: "
          f"max {max(gaps):.3f}s, median {statistics.median(gaps):.3f}s")
    assert len(gaps) >= 2
    # Discord drops a client that misses a beat; allow generous scheduling noise on a shared machine.
    assert max(gaps) < 2 * interval
    assert standin.identifies == identifies and env.bot.client.gateway_connected()  # never reconnected


async def test_restart_does_not_sync_unchanged_commands(tmp_path: Path) -> None:
    standin = DiscordStandIn()
    await standin.start()
    try:
        make_checkpoint(tmp_path / "models", "marlowe_bakes")
        cfg_path = standin_config(tmp_path, standin, gateway=True)
        for _ in range(2):
            async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
                await standin.wait_until(lambda b=bot: b.client.is_ready())
        assert [c.method for c in standin.calls].count("PUT") == 1
        assert ("GET", "gateway/bot") not in [(c.method, c.path) for c in standin.calls]
        assert standin.identifies == 2
    finally:
        await standin.close()
