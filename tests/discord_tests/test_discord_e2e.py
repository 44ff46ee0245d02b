"""The real bot (discord.py client, command tree, pool, training child) against the Discord stand-in.

One stand-in and one bot per module; the bot is pointed at the stand-in only through
`[discord] api_base_url` (and, in the restart test, `gateway_url`).
"""

from __future__ import annotations

import asyncio
import io
import itertools
import json
import logging
import statistics
import zipfile
from pathlib import Path

import aiohttp
import pytest
import pytest_asyncio
from helpers.checkpoints import make_checkpoint
from helpers.discord_bot import MAX_ATTACHMENT, SAMPLE_TWEETS, add_options, standin_config
from helpers.standin import (
    ADMIN_ROLE_ID,
    ADMINISTRATOR,
    APP_ID,
    GUILD_ID,
    OTHER_GUILD_ID,
    OWNER_ID,
    DiscordStandIn,
)

from bot.config import load_config
from bot.discord_bot import running_bot
from training.names import normalise_display_name

pytestmark = pytest.mark.asyncio(loop_scope="module")

EPHEMERAL = 64
SUPPRESS_EMBEDS = 4
PERSONA = {"name": "persona", "type": 3, "value": "marlowe_bakes"}


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
    make_checkpoint(folder / "models", "spare", "Spare Persona", seed=2)
    standin = DiscordStandIn(heartbeat_interval_ms=500)
    await standin.start()
    # Cards as embeds (the webhook path is tested in test_discord_presence.py).
    cfg_path = standin_config(folder, standin, reply_style="embed")
    cfg = load_config(cfg_path)
    async with running_bot(cfg, "test-token", cfg_path) as bot:
        await standin.wait_until(lambda: bot.client.is_ready())
        yield Harness(standin, folder, bot)
    await standin.close()


async def card_of(env: Harness, it, timeout: float = 20.0) -> dict:
    """The tweet card answering an /imitate: the deferred message, edited to hold the embeds."""
    return await env.standin.wait_for_original(it, lambda m: bool(m["embeds"]), timeout)


async def healthz(env: Harness) -> tuple[int, dict]:
    async with aiohttp.ClientSession() as s, s.get(f"http://127.0.0.1:{env.bot.health.port}/healthz") as r:
        return r.status, await r.json()


async def test_login_sync_health_and_metrics(env: Harness) -> None:
    paths = [(c.method, c.path) for c in env.standin.calls]
    assert ("GET", "users/@me") in paths and ("GET", "oauth2/applications/@me") in paths
    assert ("GET", "gateway/bot") in paths  # no gateway_url configured: asked of the API
    syncs = [c for c in env.standin.calls if c.method == "PUT"]
    # The guild's commands, then the global set a global-commands start may have left: cleared.
    assert [c.path for c in syncs] == [f"applications/{APP_ID}/guilds/{GUILD_ID}/commands",
                                       f"applications/{APP_ID}/commands"]
    assert syncs[1].body == []
    commands = {c["name"]: c for c in syncs[0].body}
    assert set(commands) == {"imitate", "help", "persona", "Reply as persona…", "Who asked?"}
    assert commands["Who asked?"]["type"] == commands["Reply as persona…"]["type"] == 3  # message menus
    # Open to everyone, everywhere (members make, see and forget their own personas, in DMs too): the
    # bot checks who may do what.
    assert commands["persona"]["default_member_permissions"] is None
    assert commands["persona"].get("contexts") is None
    assert {o["name"] for o in commands["persona"]["options"]} == {
        "list", "info", "add", "me", "pending", "usage", "forget", "forget-me", "opt-in", "avatar", "remove"}
    add = next(o for o in commands["persona"]["options"] if o["name"] == "add")
    assert [(o["name"], o["type"]) for o in add["options"]][-1] == ("subject", 6)  # a user
    listing = next(o for o in commands["persona"]["options"] if o["name"] == "list")
    page, sort = listing["options"]  # an optional whole number, at least 1; an optional order
    assert (page["name"], page["type"], page["min_value"], page.get("required")) == ("page", 4, 1, False)
    assert (sort["name"], sort["type"], sort.get("required")) == ("sort", 3, False)
    assert [c["value"] for c in sort["choices"]] == ["name", "voice"]
    record = json.loads((env.state / "command_sync.json").read_text())
    assert sorted(record) == [f"{APP_ID}/{GUILD_ID}", f"{APP_ID}/global"]

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
    # reply_style "embed": the card as an embed, deferred in public.
    card = await card_of(env, it)
    first = env.standin.calls_for(it)[0]
    assert first.path.endswith("/callback") and first.body["type"] == 5  # deferred first
    edit = next(c for c in env.standin.calls_for(it) if c.method == "PATCH")
    assert edit.path == f"webhooks/{APP_ID}/{it.token}/messages/@original"
    assert [e["description"][:22] for e in card["embeds"]] == ["My dream is @\u200beveryone"] * 2
    assert card["embeds"][0]["author"]["name"] == "Marlowe Quill (AI) @marlowe_bakes"
    assert edit.body["allowed_mentions"] == {"parse": []} and not card["flags"] & EPHEMERAL


async def test_autocomplete_lists_personas(env: Harness) -> None:
    typed = {"name": "persona", "type": 3, "value": "OTH", "focused": True}
    it = await env.standin.interact("imitate", [typed], autocomplete=True)
    call = await env.standin.wait_for(lambda c: it.matches(c))
    assert call.body["type"] == 8
    assert call.body["data"]["choices"] == [{"name": "other_guy", "value": "other_guy"}]
    it = await env.standin.interact("imitate", [{**typed, "value": ""}], autocomplete=True)
    call = await env.standin.wait_for(lambda c: it.matches(c))
    assert [c["value"] for c in call.body["data"]["choices"]] == ["marlowe_bakes", "other_guy", "spare"]


async def test_persona_list_pages(env: Harness) -> None:
    """Three personas: one page, no page numbers; a page past the last is refused, only to the asker."""
    it = await env.standin.interact("persona list", [{"name": "page", "type": 4, "value": 1}])
    reply = (await env.standin.reply_to(it)).body["data"]
    assert reply["content"].startswith("**3 personas**\n• `marlowe_bakes`: Marlowe Quill (@marlowe\\_bakes)")
    assert "page" not in reply["content"] and not reply.get("flags", 0) & EPHEMERAL
    content = await refused(env, "persona list", [{"name": "page", "type": 4, "value": 2}])
    assert content == "⚠️ There is no page 2: the list has 1 page (`/persona list page:1` is the first)."


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


@pytest.mark.parametrize(("name", "filename", "claimed", "kw", "expected"), [
    ("newbie", "tweets.js", None, {}, "Only the bot's admins can change personas"),
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
    assert "Only the bot's admins can change personas" in await refused(env, "persona remove", options)
    assert "other_guy" in env.personas()


async def test_another_servers_administrator_changes_nothing(env: Harness) -> None:
    """Anyone can invite the bot to a server of their own and be its administrator there."""
    options = [{"name": "name", "type": 3, "value": "other_guy"}]
    for kw in ({"permissions": ADMINISTRATOR}, {"roles": [ADMIN_ROLE_ID], "permissions": ADMINISTRATOR}):
        text = await refused(env, "persona remove", options, guild_id=OTHER_GUILD_ID, **kw)
        assert "Only the bot's admins can change personas" in text
    add, resolved = add_options(env.standin, "newbie", "tweets.js", b"[]")
    text = await refused(env, "persona add", add, resolved=resolved, permissions=ADMINISTRATOR,
                         guild_id=OTHER_GUILD_ID)
    assert "Only the bot's admins can change personas" in text
    assert not [c for c in env.standin.calls if c.path.startswith(f"files/{add[1]['value']}-")]
    assert "other_guy" in env.personas() and "newbie" not in env.personas()


@pytest.mark.parametrize("where", ["dm", "user_install"])
async def test_personas_change_only_in_a_server(env: Harness, where: str) -> None:
    """Not in DMs, not where only the user installed the app: not even the owner, not even an admin."""
    options = [{"name": "name", "type": 3, "value": "other_guy"}]
    for kw in ({"user_id": OWNER_ID}, {"permissions": ADMINISTRATOR}):
        text = await refused(env, "persona remove", options, where=where, **kw)
        assert "works only in a server where the bot is installed" in text
    assert "other_guy" in env.personas()


async def test_the_application_owner_is_an_admin_in_any_server(env: Harness) -> None:
    it = await env.standin.interact("persona remove", [{"name": "name", "type": 3, "value": "spare"}],
                                    user_id=OWNER_ID, guild_id=OTHER_GUILD_ID)
    await env.standin.reply_to(it)  # asks to confirm; the button removes
    click = await env.standin.click(env.standin.original_message(it), "persona:remove:spare",
                                    user_id=OWNER_ID, guild_id=OTHER_GUILD_ID)
    await env.standin.wait_for_original(click, lambda m: "Removed `spare`" in m["content"])
    assert "spare" not in env.personas()


async def test_a_base_outside_allowed_bases_is_refused(env: Harness) -> None:
    options, resolved = add_options(env.standin, "newbie", "tweets.txt", b"a tweet\n")
    options.append({"name": "base", "type": 3, "value": "EleutherAI/gpt-j-6b"})
    text = await refused(env, "persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
    assert "'EleutherAI/gpt-j-6b' is not a base model this bot trains from: choose tiny or" in text
    assert not [c for c in env.standin.calls if c.path.startswith(f"files/{options[1]['value']}-")]


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


def archive_zip(manifest: dict, tweets: bytes) -> bytes:
    """An X archive as downloaded: data/tweets.js and data/manifest.js (handle, display name) in a zip."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr("data/tweets.js", tweets)
        zf.writestr("data/manifest.js", "window.__THAR_CONFIG = " + json.dumps({"userInfo": manifest}))
    return buffer.getvalue()


# What an uploaded archive could say about its account, to mislead, ping, break the card.
HOSTILE_NAME = "[Nitro](https://e.x) **Fresh** @everyone <@&74>\n\u202eevil\x07 `" + "x" * 3000
# Training keeps its first 50 characters on one line; the bot escapes, neutralises and defuses them.
SHOWN_NAME = "\\[Nitro\\](<https://e.x>) \\*\\*Fresh\\*\\* @\u200beveryone <\u200b@&74> ev"
TRAINED_NAME = normalise_display_name(HOSTILE_NAME)  # as an embed's author: no Markdown, no pings there


async def test_admin_adds_a_persona_then_imitates_it(env: Harness) -> None:
    """The archive's manifest names a hostile 3,000-character display name: normalised by training,
    escaped and defused wherever the bot shows it, every message within Discord's limit."""
    manifest = {"userName": "fresh_baker", "displayName": HOSTILE_NAME}
    archive = archive_zip(manifest, SAMPLE_TWEETS.read_bytes())
    options, resolved = add_options(env.standin, "fresh_baker", "archive.zip", archive)
    it = await env.standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID])

    def finished(call) -> bool:
        return it.matches(call) and call.method == "PATCH" and "✅" in (call.body or {}).get("content", "")
    done = await env.standin.wait_for(finished, timeout=240)
    assert done.body["content"].startswith("✅ Added `fresh_baker`")
    assert f"**{SHOWN_NAME}** @fresh\\_baker (`fresh_baker`)" in done.body["content"]
    assert [c for c in env.standin.calls if c.path.startswith(f"files/{options[1]['value']}-")]  # downloaded
    edits = [c.body["content"] for c in env.standin.calls_for(it) if c.method == "PATCH"]
    assert any("⏳ Training `fresh_baker`" in e for e in edits)  # progress shown by editing the reply
    assert "fresh_baker" in env.personas()
    assert not list((env.state / "downloads").iterdir())  # the download was cleaned up

    it = await env.standin.interact("imitate", [{"name": "persona", "type": 3, "value": "fresh_baker"},
                                                {"name": "seed", "type": 4, "value": 7}])
    card = await card_of(env, it)
    # The name as training kept it (50 characters, one line), with the AI marker; an embed's author
    # shows no Markdown, and pings nobody.
    assert card["embeds"][0]["author"]["name"] == f"{TRAINED_NAME} (AI) @fresh_baker"

    it = await env.standin.interact("persona list", [])
    listing = (await env.standin.reply_to(it)).body["data"]["content"]
    assert f"• `fresh_baker`: {SHOWN_NAME} (@fresh\\_baker)" in listing

    it = await env.standin.interact("persona remove", [{"name": "name", "type": 3, "value": "fresh_baker"}],
                                    permissions=ADMINISTRATOR)
    await env.standin.reply_to(it)  # asks to confirm; the button removes
    click = await env.standin.click(env.standin.original_message(it), "persona:remove:fresh_baker",
                                    permissions=ADMINISTRATOR)
    await env.standin.wait_for_original(click, lambda m: "Removed `fresh_baker`" in m["content"])
    assert "fresh_baker" not in env.personas()


async def test_persona_add_passes_the_base(env: Harness) -> None:
    """The admin-only `base` option reaches the real training CLI (which refuses a missing folder)."""
    options, resolved = add_options(env.standin, "based_one", "tweets.txt", b"a tweet or two\n" * 50)
    options.append({"name": "base", "type": 3, "value": "./no/such/base"})
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
    done = await failure_of(env, it)
    assert done.startswith("❌ Training `based_one` failed: --base ./no/such/base: no such folder")
    assert "based_one" not in env.personas()


async def failure_of(env: Harness, it, timeout: float = 120) -> str:
    """The failure of a /persona add: a follow-up only its asker sees (nothing of it in the channel)."""
    def failed(call) -> bool:
        return (it.matches(call) and call.method == "POST" and call.status == 200
                and "❌" in (call.body or {}).get("content", ""))
    call = await env.standin.wait_for(failed, timeout=timeout)
    assert call.body["flags"] & EPHEMERAL
    assert not [c for c in env.standin.calls_for(it) if c.method == "PATCH" and "❌" in (c.body or {}).get(
        "content", "")]
    return call.body["content"]


def dm_to(env: Harness, user_id: int) -> list[str]:
    """What the bot sent a user by DM."""
    dms = [cid for cid, user in env.standin.dm_channels.items() if user == user_id]
    return [c.body["content"] for c in env.standin.calls if c.method == "POST" and c.status == 200
            and any(c.path == f"channels/{cid}/messages" for cid in dms)]


def channel_texts(env: Harness) -> list[str]:
    """What the bot posted in the server's channels (its DMs left out)."""
    dms = {f"channels/{cid}/messages" for cid in env.standin.dm_channels}
    return [c.body.get("content") or "" for c in env.standin.calls if c.method == "POST"
            and c.path.startswith("channels/") and c.path not in dms and isinstance(c.body, dict)]


async def test_a_failed_add_shows_no_paths_and_no_other_peoples_data(env: Harness) -> None:
    """A chat export with several authors and no `author`: the asker alone learns it failed and how to
    choose one, without the server's download path or the authors' names, ids and message counts."""
    authors = {"alice_w": ("100000000000000111", "Alice Wonder"), "bob_b": ("100000000000000222", "Bob B")}
    messages = [{"id": str(1000 + i), "type": "Default", "timestamp": "2026-01-01T00:00:00+00:00",
                 "content": f"message number {i} from {name} about bread and ovens",
                 "author": {"id": uid, "name": name, "discriminator": "0000", "nickname": nick,
                            "isBot": False}}
                for name, (uid, nick) in authors.items() for i in range(30)]
    export = {"guild": {"id": "1", "name": "Bakers"}, "channel": {"id": "2", "type": "GuildTextChat",
              "name": "general"}, "messages": messages, "messageCount": len(messages)}
    options, resolved = add_options(env.standin, "chatty", "bakers-export.json", json.dumps(export).encode())
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
    done = await failure_of(env, it)
    assert done.startswith("❌ Training `chatty` failed: bakers-export.json: several authors in this export")
    assert done.endswith("several authors in this export: give `author=ID_OR_NAME` (the person's Discord "
                         "user id or name).")
    for leaked in (str(env.state), "downloads", *authors, *(u for u, _ in authors.values()),
                   *(n for _, n in authors.values()), "30 messages"):
        assert leaked not in done
        assert not any(leaked in text for text in channel_texts(env))
    assert "chatty" not in env.personas()


async def test_training_past_the_token_lifetime_reports_in_the_channel(
    env: Harness, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Past the interaction token's life the reply cannot be edited: a failure goes to the asker by DM,
    and where they take no DMs, the channel learns only that it failed, not why.
    (The lifetime is set to 0 here; too few tweets make the real training CLI refuse at once.)"""
    monkeypatch.setattr("bot.discord_commands.TOKEN_LIFETIME_S", 0)
    asker, closed = 900000000000000091, 900000000000000092
    env.standin.dms_closed.add(closed)
    options, resolved = add_options(env.standin, "tiny_data", "tweets.txt", b"one tweet\nanother one\n")
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR,
                                    user_id=asker)
    await env.standin.wait_until(lambda: dm_to(env, asker), 60)
    [dm] = dm_to(env, asker)
    assert dm.startswith("❌ Training `tiny_data` failed: ") and "nothing left after cleaning" in dm
    assert not [c for c in env.standin.calls_for(it) if c.method == "PATCH"]
    options, resolved = add_options(env.standin, "tiny_data2", "tweets.txt", b"one tweet\nanother one\n")
    await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR,
                               user_id=closed)
    posted = await env.standin.channel_message(f"<@{closed}>", timeout=60)
    assert posted.body["content"] == (f"<@{closed}> ❌ Training `tiny_data2` failed. I could not DM the "
                                      "reason; run `/persona add` again to see it.")
    assert posted.body["allowed_mentions"] == {"parse": []}
    assert not any("tweets.txt" in text for text in channel_texts(env))
    assert "tiny_data" not in env.personas() and "tiny_data2" not in env.personas()


async def test_an_archive_with_a_hostile_handle_is_refused(env: Harness) -> None:
    """The manifest's handle would break out of a code block and carry a role mention: refused by
    training with one line, shown defused; nothing is added."""
    manifest = {"userName": "x```\n<@&740000000000000001>", "displayName": "X"}
    options, resolved = add_options(env.standin, "hostile", "archive.zip",
                                    archive_zip(manifest, SAMPLE_TWEETS.read_bytes()))
    it = await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR)
    done = await failure_of(env, it)
    assert done.startswith("❌ Training `hostile` failed: ") and "is not an X handle" in done
    assert "<@&" not in done and "```" not in done and "\n" not in done
    assert "hostile" not in env.personas()


async def test_a_masked_link_in_the_prompt_is_shown_as_written(env: Harness) -> None:
    prompt = "[Claim your free Nitro](https://evil.example/gift) now"
    it = await env.standin.interact("imitate", [PERSONA, {"name": "prompt", "type": 3, "value": prompt}])
    card = await card_of(env, it)
    assert card["embeds"][0]["description"].startswith(
        "\\[Claim your free Nitro\\](<https://evil.example/gift>) now")  # every bracket escaped


async def imitate_with(env: Harness, fail: list[tuple[str, str, int, int]], **kw):
    """An /imitate whose calls matching `fail` (method, path end, status, times) are refused."""
    token = env.standin.new_token()
    for method, end, status, times in fail:
        env.standin.fail(method, f"webhooks/{APP_ID}/{token}{end}", status, times)
    return await env.standin.interact("imitate", [PERSONA], token=token, **kw)


@pytest.mark.parametrize("status", [500, 429])
async def test_a_card_refused_once_is_sent_again_by_discord_py(env: Harness, status: int) -> None:
    it = await imitate_with(env, [("PATCH", "/messages/@original", status, 1)])
    card = await card_of(env, it)
    assert card["embeds"][0]["author"]["name"].startswith("Marlowe Quill (AI)")
    edits = [c.status for c in env.standin.calls_for(it) if c.method == "PATCH"]
    assert edits == [status, 200]


@pytest.mark.parametrize("status", [400, 404])
async def test_a_refused_card_falls_back_to_a_follow_up_then_the_channel(env: Harness, status: int) -> None:
    it = await imitate_with(env, [("PATCH", "/messages/@original", status, 1)])
    follow_up = await env.standin.wait_for(lambda c: it.matches(c) and c.method == "POST" and c.status == 200
                                           and c.path == f"webhooks/{APP_ID}/{it.token}")
    assert follow_up.body["embeds"][0]["author"]["name"].startswith("Marlowe Quill (AI)")
    user = 900000000000000000 + status  # a user of its own: the channel message names them
    it = await imitate_with(env, [("PATCH", "/messages/@original", status, 1), ("POST", "", status, 1)],
                            user_id=user)
    posted = await env.standin.channel_message(f"<@{user}>")
    assert posted.body["embeds"][0]["author"]["name"].startswith("Marlowe Quill (AI)")
    assert posted.body["allowed_mentions"] == {"parse": []}
    assert posted.body["components"]  # the buttons go along


async def test_a_failed_defer_still_answers_in_the_channel(env: Harness) -> None:
    token = env.standin.new_token()
    env.standin.fail("POST", f"{token}/callback", 404)  # the interaction expired before the defer
    await env.standin.interact("imitate", [PERSONA], token=token, user_id=900000000000000078)
    posted = await env.standin.channel_message("<@900000000000000078>")
    assert posted.body["embeds"][0]["author"]["name"].startswith("Marlowe Quill (AI)")


async def test_a_refused_refusal_still_reaches_the_user(env: Harness) -> None:
    """Even the immediate ephemeral answer: when Discord refuses it, the next way is tried."""
    token = env.standin.new_token()
    env.standin.fail("POST", f"{token}/callback", 400)
    await env.standin.interact("imitate", [{"name": "persona", "type": 3, "value": "nobody_here"}],
                               token=token, user_id=900000000000000079)
    posted = await env.standin.channel_message("<@900000000000000079> ⚠️ No persona named 'nobody\\_here'")
    assert posted.body["allowed_mentions"] == {"parse": []}


async def add_failing_fast(env: Harness, name: str, fail: list[tuple[str, int]], user_id: int):
    """A /persona add whose training the real CLI refuses at once (too few tweets); calls of its
    interaction token with the given (method, status) fail every time."""
    token = env.standin.new_token()
    for method, status in fail:
        env.standin.fail(method, f"webhooks/{APP_ID}/{token}", status, times=1000)
    options, resolved = add_options(env.standin, name, "tweets.txt", b"one tweet\nanother one\n")
    return await env.standin.interact("persona add", options, resolved=resolved, permissions=ADMINISTRATOR,
                                      token=token, user_id=user_id)


async def test_persona_add_result_survives_a_refused_edit(env: Harness) -> None:
    it = await add_failing_fast(env, "edit_fails", [("PATCH", 404)], user_id=900000000000000080)

    def result(call) -> bool:
        return (it.matches(call) and call.method == "POST" and call.status == 200
                and "❌ Training `edit_fails` failed" in (call.body or {}).get("content", ""))
    await env.standin.wait_for(result, timeout=60)  # a new follow-up, since the edit was refused
    assert [c.status for c in env.standin.calls_for(it) if c.method == "PATCH"][-1] == 404


async def test_persona_add_result_survives_a_refused_edit_and_follow_up(env: Harness) -> None:
    """A failure Discord refuses to carry as a follow-up goes to the asker by DM, never the channel."""
    user = 900000000000000081
    await add_failing_fast(env, "all_fail", [("PATCH", 400), ("POST", 400)], user_id=user)
    await env.standin.wait_until(lambda: dm_to(env, user), 60)
    assert dm_to(env, user)[0].startswith("❌ Training `all_fail` failed: ")
    assert not any("all_fail" in text for text in channel_texts(env))
    assert not list((env.state / "downloads").iterdir())


async def test_interaction_tokens_never_reach_the_log(env: Harness, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    it = await env.standin.interact("imitate", [PERSONA, {"name": "prompt", "type": 3,
                                                          "value": "hello\n2026-01-01 ERROR forged line"}])
    await card_of(env, it)
    await env.standin.interact("imitate", [{"name": "persona", "type": 3, "value": "no\nbody"}])
    await asyncio.sleep(0.2)
    assert f"webhooks/{APP_ID}/[token]" in caplog.text  # discord.py's debug lines, redacted
    assert it.token not in caplog.text
    assert all("\n" not in record.getMessage() for record in caplog.records)  # no forged lines


async def test_heartbeats_stay_on_time_during_32_generations(env: Harness) -> None:
    standin = env.standin
    interval = standin.heartbeat_interval_ms / 1000
    start = len(standin.heartbeats)
    identifies = standin.identifies
    its = [await standin.interact("imitate", [{"name": "persona", "type": 3, "value": name},
                                              {"name": "count", "type": 4, "value": 5}], user_id=1000 + i)
           for i, name in enumerate(["marlowe_bakes", "other_guy"] * 16)]
    cards = await asyncio.gather(*(card_of(env, it, timeout=120) for it in its))
    assert all(len(c["embeds"]) == 5 for c in cards)
    acks = [standin.calls_for(it)[0].at - it.sent_at for it in its]  # the defer, Discord's 3 s deadline
    edits = [c for it in its for c in standin.calls_for(it) if c.method == "PATCH"]
    answered = max(c.at for c in edits) - its[0].sent_at
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
        # The first start syncs the guild and clears global commands; the second changes nothing.
        assert [c.method for c in standin.calls].count("PUT") == 2
        assert ("GET", "gateway/bot") not in [(c.method, c.path) for c in standin.calls]
        assert standin.identifies == 2
    finally:
        await standin.close()


async def test_switching_scopes_clears_the_commands_left_behind(tmp_path: Path) -> None:
    """guild_ids → global: the guild's commands are cleared once, so nothing shows twice."""
    standin = DiscordStandIn()
    await standin.start()
    try:
        make_checkpoint(tmp_path / "models", "marlowe_bakes")
        for guild_ids in ([GUILD_ID], [], []):
            cfg_path = standin_config(tmp_path, standin, gateway=True, guild_ids=guild_ids)
            async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
                await standin.wait_until(lambda b=bot: b.client.is_ready())
        puts = [(c.path, len(c.body)) for c in standin.calls if c.method == "PUT"]
        guild = f"applications/{APP_ID}/guilds/{GUILD_ID}/commands"
        everywhere = f"applications/{APP_ID}/commands"
        assert puts == [(guild, 5), (everywhere, 0), (everywhere, 5), (guild, 0)]
    finally:
        await standin.close()


async def test_a_cuda_error_makes_the_bot_unhealthy_and_answers_at_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A device-side assert poisons the CUDA context: /healthz must say so, and requests must not wait
    for their timeout (simulated: this machine has no GPU)."""
    def device_assert(*_a, **_kw):
        raise RuntimeError("CUDA error: device-side assert triggered")

    monkeypatch.setattr("training.sampling.decode", device_assert)  # a static batch
    monkeypatch.setattr("bot.pool.runner.Running.step", device_assert)  # a continuous decode's step
    standin = DiscordStandIn()
    await standin.start()
    try:
        make_checkpoint(tmp_path / "models", "marlowe_bakes")
        cfg_path = standin_config(tmp_path, standin, gateway=True)
        async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
            await standin.wait_until(lambda: bot.client.is_ready())
            harness = Harness(standin, tmp_path, bot)
            assert (await healthz(harness))[0] == 200
            it = await standin.interact("imitate", [PERSONA])
            reply = await standin.reply_to(it)
            assert "Generation is unavailable right now" in reply.body["content"]
            assert reply.body["flags"] & EPHEMERAL
            status, body = await healthz(harness)
            assert status == 503 and body["pool"] is False and body["gateway"] is True
            # Not queued until the 60 s request timeout: answered at once (20 s is only a hang guard).
            it = await standin.interact("imitate", [PERSONA], user_id=5)
            reply = await standin.reply_to(it, timeout=20)
            assert "Generation is unavailable right now" in reply.body["content"]
    finally:
        await standin.close()
