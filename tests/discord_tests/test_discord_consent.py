"""A member's yes before a persona imitates them, end to end: the real bot (discord.py client, command
tree, consent record) against the Discord stand-in, with a fake training CLI that records its argv
(the training itself is tested elsewhere; here only what the bot passes it matters)."""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from helpers.checkpoints import make_checkpoint
from helpers.discord_bot import add_options, standin_config
from helpers.standin import (
    ADMIN_ROLE_ID,
    CHANNEL_ID,
    DEFAULT_APP_PERMISSIONS,
    EPHEMERAL,
    GUILD_ID,
    SEND_MESSAGES,
    DiscordStandIn,
    user_payload,
)

from bot.config import load_config
from bot.consent import CONSENT_UPLOADS
from bot.discord_bot import running_bot
from bot.discord_consent import ConsentSweeper

pytestmark = pytest.mark.asyncio(loop_scope="module")

ASKER = 900000000000000501  # an admin (the admin role of the configured server)
MEMBER = 900000000000000502  # the member a persona would imitate
STRANGER = 900000000000000503

# Stands in for `python -m training train NAME --data F --models-dir D --json ...`: records its argv in
# the file named on its first line, then succeeds at once; a NAME starting with "bad" fails as bad input
# naming the data file by its path (which the asker must never see).
FAKE_TRAINING = r"""
import json, os, sys
args = sys.argv[1:]
data = args[args.index("--data") + 1]
with open(LOG, "a") as fh:
    fh.write(json.dumps({"argv": args, "data_exists": os.path.exists(data)}) + "\n")
if args[1].startswith("bad"):
    sys.stderr.write(f"error: no tweets found in {data}\n")
    sys.exit(2)
print(json.dumps({"event": "done", "persona": args[1], "path": "x", "seconds": 0.1}), flush=True)
"""


@dataclass
class Env:
    standin: DiscordStandIn
    folder: Path
    bot: Any

    @property
    def uploads(self) -> Path:
        return self.folder / "state" / CONSENT_UPLOADS

    def trainings(self) -> list[dict]:
        log = self.folder / "trainings.jsonl"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


def prepare(bot: Any, folder: Path) -> None:
    """The fake training CLI for this bot."""
    script = folder / "fake_training.py"
    script.write_text(f"LOG = {str(folder / 'trainings.jsonl')!r}\n{FAKE_TRAINING}")
    bot.commands.jobs.command = (sys.executable, str(script))


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory):
    folder = tmp_path_factory.mktemp("consent")
    make_checkpoint(folder / "models", "marlowe_bakes", "Marlowe Quill")
    standin = DiscordStandIn(heartbeat_interval_ms=500)
    await standin.start()
    cfg_path = standin_config(folder, standin, reply_style="embed")
    async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
        await standin.wait_until(lambda: bot.client.is_ready())
        prepare(bot, folder)
        yield Env(standin, folder, bot)
    await standin.close()


def argv_of(training: dict) -> argparse.Namespace:
    """The persona's name, owner, subject and servers as the fake training was given them."""
    parser = argparse.ArgumentParser(add_help=False)
    for flag in ("--owner", "--subject"):
        parser.add_argument(flag, type=int)
    parser.add_argument("--server", type=int, action="append")
    parsed, _ = parser.parse_known_args(training["argv"][2:])
    parsed.name = training["argv"][1]
    return parsed


def button_ids(message: dict) -> list[str]:
    return [c["custom_id"] for row in message.get("components") or [] for c in row.get("components", [])]


async def ask(env: Env, name: str, subject: int = MEMBER) -> tuple[dict, dict, str]:
    """`/persona add name archive subject:@member` by the admin: (their ephemeral answer, the consent
    message posted in the channel, the consent id in its buttons)."""
    options, resolved = add_options(env.standin, name, "tweets.txt", b"a tweet of theirs\nanother one\n")
    options.append({"name": "subject", "type": 6, "value": str(subject)})
    resolved["users"] = {str(subject): user_payload(subject)}
    it = await env.standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID],
                                    user_id=ASKER)
    answer = await env.standin.wait_for_original(it, lambda m: "was asked" in m["content"])
    call = await env.standin.channel_message(f"asks to make `{name}`")
    message = env.standin.messages[call.answer["id"]]
    [accept, decline] = button_ids(message)
    consent_id = accept.rsplit(":", 1)[1]
    assert (accept, decline) == (f"persona:consent:accept:{consent_id}",
                                 f"persona:consent:decline:{consent_id}")
    return answer, message, consent_id


async def told(env: Env, user: int, containing: str) -> dict:
    """The channel message addressed to `user` containing the text; it must ping them and nobody else."""
    call = await env.standin.channel_message(f"<@{user}> {containing}", timeout=60)
    mentions = call.body["allowed_mentions"]
    assert mentions["parse"] == [] and [int(u) for u in mentions["users"]] == [user], mentions
    return call.body


async def test_asking_pings_only_the_member_and_trains_nothing(env: Env) -> None:
    answer, message, consent_id = await ask(env, "bob_asked")
    # The asker's answer is for them only; it names the member without pinging anyone.
    assert answer["flags"] & EPHEMERAL
    assert answer["content"].startswith(f"<@{MEMBER}> was asked about `bob_asked`: nothing is trained "
                                        "unless they accept within 24 hours.")
    posted = await env.standin.channel_message("asks to make `bob_asked`")
    assert posted.answer["id"] == message["id"]
    assert posted.body["allowed_mentions"]["parse"] == []  # no @everyone, no roles
    assert [int(u) for u in posted.body["allowed_mentions"]["users"]] == [MEMBER]
    assert not posted.body["allowed_mentions"].get("replied_user")
    assert message["content"].startswith(f"<@{MEMBER}>, <@{ASKER}> asks to make `bob_asked`")
    assert "`tweets.txt`" in message["content"] and "<t:" in message["content"]
    # Kept, not trained: the upload waits in its own folder, the request in the record.
    [folder] = env.uploads.iterdir()
    assert [f.name for f in folder.iterdir()] == ["tweets.txt"]
    pending = env.bot.commands.consents.get(consent_id)
    assert pending is not None and pending.message_id == int(message["id"]) and pending.asker_id == ASKER
    assert not [t for t in env.trainings() if t["argv"][1] == "bob_asked"]
    assert not env.bot.commands.jobs.busy_with("bob_asked")
    # Leave nothing for the tests after this one.
    click = await env.standin.click(message, f"persona:consent:decline:{consent_id}", user_id=MEMBER)
    await env.standin.reply_to(click)


async def test_only_the_member_can_answer_and_accept_trains(env: Env) -> None:
    _, message, consent_id = await ask(env, "bob_yes")
    for who in (STRANGER, ASKER):  # not even the admin who asked
        click = await env.standin.click(message, f"persona:consent:accept:{consent_id}", user_id=who)
        refusal = (await env.standin.reply_to(click)).body
        assert refusal["type"] == 4 and refusal["data"]["flags"] & EPHEMERAL
        assert refusal["data"]["content"] == "⚠️ Only the member this persona would imitate can answer."
    assert env.bot.commands.consents.get(consent_id) is not None
    assert button_ids(env.standin.messages[message["id"]])  # still there, unchanged
    assert not [t for t in env.trainings() if t["argv"][1] == "bob_yes"]

    click = await env.standin.click(message, f"persona:consent:accept:{consent_id}", user_id=MEMBER)
    update = (await env.standin.reply_to(click)).body
    assert update["type"] == 7 and update["data"]["components"] == []  # the buttons go at once
    assert update["data"]["content"].startswith(f"✅ <@{MEMBER}> accepted: `bob_yes` is being trained")
    assert update["data"]["allowed_mentions"] == {"parse": []}
    result = await told(env, ASKER, "✅ Added `bob_yes`")
    assert "<@" not in result["content"].split(" ", 1)[1]  # nobody else named in the result
    [training] = [t for t in env.trainings() if t["argv"][1] == "bob_yes"]
    args = argv_of(training)
    assert (args.owner, args.subject, args.server) == (ASKER, MEMBER, [GUILD_ID])
    assert training["data_exists"]
    assert list(env.uploads.iterdir()) == []  # the training deleted the upload when it ended
    assert env.bot.commands.consents.get(consent_id) is None
    assert button_ids(env.standin.messages[message["id"]]) == []  # nothing left to press twice


async def test_decline_deletes_the_upload_and_tells_the_asker(env: Env) -> None:
    _, message, consent_id = await ask(env, "bob_no")
    assert list(env.uploads.iterdir())
    click = await env.standin.click(message, f"persona:consent:decline:{consent_id}", user_id=MEMBER)
    update = (await env.standin.reply_to(click)).body
    assert update["type"] == 7 and update["data"]["components"] == []
    assert update["data"]["content"] == (f"❌ <@{MEMBER}> declined: `bob_no` is not trained, and the upload "
                                         "was deleted.")
    await told(env, ASKER, f"❌ <@{MEMBER}> declined: `bob_no` is not trained")
    assert list(env.uploads.iterdir()) == []
    assert env.bot.commands.consents.get(consent_id) is None
    assert not [t for t in env.trainings() if t["argv"][1] == "bob_no"]


def dm_to(env: Env, user_id: int) -> list[str]:
    """What the bot sent a user by DM."""
    dms = [cid for cid, user in env.standin.dm_channels.items() if user == user_id]
    return [c.body["content"] for c in env.standin.calls if c.method == "POST" and c.status == 200
            and any(c.path == f"channels/{cid}/messages" for cid in dms)]


async def test_a_failed_training_is_told_to_the_asker_alone(env: Env) -> None:
    """Its reason by DM (the upload named by its file name, never its path); where DMs are closed,
    the channel hears only that it failed."""
    _, message, consent_id = await ask(env, "bad_one")
    await env.standin.click(message, f"persona:consent:accept:{consent_id}", user_id=MEMBER)
    await env.standin.wait_until(lambda: dm_to(env, ASKER), 60)
    [dm] = dm_to(env, ASKER)
    assert dm == "❌ Training `bad_one` failed: no tweets found in tweets.txt"
    env.standin.dms_closed.add(ASKER)
    try:
        _, message, consent_id = await ask(env, "bad_two")
        await env.standin.click(message, f"persona:consent:accept:{consent_id}", user_id=MEMBER)
        body = await told(env, ASKER, "❌ Training `bad_two` failed. I could not DM you the reason.")
    finally:
        env.standin.dms_closed.discard(ASKER)
    assert "tweets" not in body["content"]
    assert list(env.uploads.iterdir()) == []


async def test_an_unanswered_request_expires(env: Env) -> None:
    _, message, consent_id = await ask(env, "bob_late")
    sweeper = ConsentSweeper(env.bot.client, env.bot.commands)
    assert await sweeper.sweep(time.time()) == []  # not yet
    hours = env.bot.commands.settings.consent.accept_hours
    expired = await sweeper.sweep(time.time() + hours * 3600 + 1)
    assert [p.id for p in expired] == [consent_id]
    edited = await env.standin.wait_for(lambda c: c.method == "PATCH"
                                        and c.path == f"channels/{CHANNEL_ID}/messages/{message['id']}")
    assert edited.body["components"] == [] and edited.body["allowed_mentions"] == {"parse": []}
    assert edited.body["content"].startswith(f"⌛ <@{MEMBER}> did not answer in time: `bob_late`")
    await told(env, ASKER, f"⌛ <@{MEMBER}> did not answer in time: `bob_late` is not trained")
    assert list(env.uploads.iterdir()) == []
    assert not [t for t in env.trainings() if t["argv"][1] == "bob_late"]


async def test_pending_lists_requests_with_their_buttons(env: Env) -> None:
    _, first, first_id = await ask(env, "bob_one")
    _, second, second_id = await ask(env, "bob_two")
    it = await env.standin.interact("persona pending", user_id=STRANGER)
    assert (await env.standin.reply_to(it)).body["data"]["content"] == "Nothing is waiting for your answer."
    it = await env.standin.interact("persona pending", user_id=MEMBER)
    listing = (await env.standin.reply_to(it)).body["data"]
    assert listing["flags"] & EPHEMERAL and listing["content"].startswith("**2 requests** to imitate you")
    line = f"<@{ASKER}> asks to make `bob_one` imitate you (server {GUILD_ID}); expires <t:"
    assert line in listing["content"]
    assert listing["allowed_mentions"] == {"parse": []}
    shown = env.standin.original_message(it)
    assert set(button_ids(shown)) == {f"persona:consent:{a}:{i}" for a in ("accept", "decline")
                                      for i in (first_id, second_id)}
    # Declined from the list: the consent message in the channel is edited by its id.
    click = await env.standin.click(shown, f"persona:consent:decline:{second_id}", user_id=MEMBER)
    reply = (await env.standin.reply_to(click)).body["data"]
    assert reply["flags"] & EPHEMERAL and reply["content"].startswith("Declined")
    assert env.standin.messages[second["id"]]["content"].startswith(f"❌ <@{MEMBER}> declined")
    assert button_ids(env.standin.messages[second["id"]]) == []
    # Accepted from the list: edited, trained, the asker told.
    click = await env.standin.click(shown, f"persona:consent:accept:{first_id}", user_id=MEMBER)
    reply = (await env.standin.reply_to(click)).body["data"]
    assert reply["flags"] & EPHEMERAL and reply["content"].startswith("Accepted")
    await told(env, ASKER, "✅ Added `bob_one`")
    assert env.standin.messages[first["id"]]["content"].startswith(f"✅ <@{MEMBER}> accepted")
    assert not [t for t in env.trainings() if t["argv"][1] == "bob_two"]


async def test_a_request_the_bot_cannot_post_keeps_nothing(env: Env) -> None:
    """The bot may not send messages in the channel: the asker is told, nothing is kept."""
    before = (set(env.uploads.iterdir()), env.bot.commands.consents.count())
    env.standin.bot_permissions[CHANNEL_ID] = DEFAULT_APP_PERMISSIONS & ~SEND_MESSAGES
    try:
        options, resolved = add_options(env.standin, "bob_mute", "tweets.txt", b"a tweet\nanother\n")
        options.append({"name": "subject", "type": 6, "value": str(MEMBER)})
        resolved["users"] = {str(MEMBER): user_payload(MEMBER)}
        it = await env.standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID],
                                        user_id=ASKER)
        answer = await env.standin.wait_for_original(it, lambda m: "could not post" in m["content"])
    finally:
        del env.standin.bot_permissions[CHANNEL_ID]
    assert answer["flags"] & EPHEMERAL
    assert (set(env.uploads.iterdir()), env.bot.commands.consents.count()) == before


async def test_an_opted_out_member_cannot_be_named(env: Env) -> None:
    await env.bot.commands.opt_out(STRANGER)
    try:
        options, resolved = add_options(env.standin, "not_them", "tweets.txt", b"a tweet\n")
        options.append({"name": "subject", "type": 6, "value": str(STRANGER)})
        resolved["users"] = {str(STRANGER): user_payload(STRANGER)}
        it = await env.standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID],
                                        user_id=ASKER)
        refusal = (await env.standin.reply_to(it)).body
        assert refusal["type"] == 4 and refusal["data"]["flags"] & EPHEMERAL
        assert "<@" not in refusal["data"]["content"]
        assert not [c for c in env.standin.calls if c.path.startswith(f"files/{options[1]['value']}-")]
    finally:
        await env.bot.commands.opt_in(STRANGER)


async def test_a_request_survives_a_restart(tmp_path: Path) -> None:
    """Asked before a restart, accepted after it: the new client answers the old message's button."""
    standin = DiscordStandIn()
    await standin.start()
    try:
        make_checkpoint(tmp_path / "models", "marlowe_bakes")
        cfg_path = standin_config(tmp_path, standin, gateway=True)
        async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
            await standin.wait_until(lambda: bot.client.is_ready())
            prepare(bot, tmp_path)
            env = Env(standin, tmp_path, bot)
            _, message, consent_id = await ask(env, "bob_later")
        async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
            await standin.wait_until(lambda: bot.client.is_ready())
            prepare(bot, tmp_path)
            env = Env(standin, tmp_path, bot)
            assert [f.name for f in env.uploads.iterdir()]  # the upload outlived the restart
            click = await standin.click(message, f"persona:consent:accept:{consent_id}", user_id=MEMBER)
            update = (await standin.reply_to(click)).body
            assert update["type"] == 7 and update["data"]["content"].startswith(f"✅ <@{MEMBER}> accepted")
            await told(env, ASKER, "✅ Added `bob_later`")
            [training] = [t for t in env.trainings() if t["argv"][1] == "bob_later"]
            assert (argv_of(training).owner, argv_of(training).subject) == (ASKER, MEMBER)
            assert list(env.uploads.iterdir()) == []
    finally:
        await standin.close()
