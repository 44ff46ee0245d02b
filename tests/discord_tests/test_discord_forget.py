"""Forgetting and self-service, end to end (issue 22): the real bot (discord.py client, command tree,
pool, message record, consent record, health server) against the Discord stand-in, in two servers
(A and B, both in `guild_ids`) and in DMs; a fake training CLI records its argv (as in
test_discord_consent.py). One stand-in and one bot for the module; cards are embeds.

- `/persona forget NAME` by the persona's subject, in a DM: the confirmation (Cancel keeps it, only
  whoever ran it may press), then nothing of it is left: no file or byte under `models/` or `state_dir`
  names it, its picture's URL answers 404, the pool holds nothing, /imitate and Another know nothing.
- `/persona forget-me` by U, the subject of a persona in A and one in B: both forgotten, the record
  quoting U deleted, U opted out (add, Reply as persona…, a mention-reply, /persona me refused; a
  prompt naming U still served); `/persona opt-in` takes it back.
- `/persona me`: trains a persona of the caller in this server; one per member and server; off with
  `[consent] self_service = false`; never in a DM.
- `/persona usage`: who asked for what, newest first, at most 20, ephemeral, pinging nobody.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import aiohttp
import pytest
import pytest_asyncio
from helpers.checkpoints import make_checkpoint
from helpers.discord_bot import add_options, standin_config
from helpers.presence_bot import PICTURE
from helpers.standin import (
    ADMIN_ROLE_ID,
    BOT_ID,
    CHANNEL_ID,
    EPHEMERAL,
    GUILD_ID,
    Call,
    DiscordStandIn,
    Interaction,
    user_payload,
)

from bot.avatars import avatar_route_path
from bot.config import load_config
from bot.discord_bot import RunningBot, running_bot
from bot.message_log import PersonaMessage
from bot.output import quote_user
from bot.replies import size_text
from training.avatar import set_avatar

pytestmark = pytest.mark.asyncio(loop_scope="module")

A = GUILD_ID
B = 720000000000000002
ADMIN = 900000000000000601  # holds the admin role (of A and B: both are trusted)
SUBJECT = 900000000000000602  # whom `qx_vanish` imitates
U = 900000000000000603  # whom `u_alpha` (server A) and `u_bravo` (server B) imitate
MEMBER = 900000000000000604  # makes a persona of themselves
USED = 900000000000000605  # whom `usage_me` imitates
STRANGER = 900000000000000606
POSTER = 900000000000000607  # asks for persona messages
ASKERS = range(900000000000000700, 900000000000000720)  # the older requests of /persona usage

VANISH, VANISH_SHOWN = "qx_vanish", "Vanishing Quill"
VANISH_HANDLE = r"@qx\_vanish"  # as a reply shows it (Markdown-escaped)
UNKNOWN = re.compile(r"⚠️ No persona named '(?P<name>[^']*)'\.(?: Did you mean (?P<hint>[^?]+)\?)?")
NO_RECORD = "⚠️ I have no record of that message: it is not a persona's, or older than 30 days."
OPTED_OUT_CONTEXT = ("⚠️ That member asked not to be imitated: personas do not answer or continue their "
                     "messages.")

# Stands in for `python -m training train NAME --data F --models-dir D --json ...`: records its argv in
# LOG (set on the script's first line), then succeeds at once.
FAKE_TRAINING = r"""
import json, os, sys
args = sys.argv[1:]
with open(LOG, "a") as fh:
    fh.write(json.dumps({"argv": args}) + "\n")
print(json.dumps({"event": "done", "persona": args[1], "path": "x", "seconds": 0.1}), flush=True)
"""


@dataclass
class Env:
    standin: DiscordStandIn
    bot: RunningBot
    folder: Path
    channel_b: int

    @property
    def models(self) -> Path:
        return self.folder / "models"

    @property
    def state(self) -> Path:
        return self.folder / "state"

    def trainings(self) -> list[dict[str, Any]]:
        log = self.folder / "trainings.jsonl"
        return [json.loads(line) for line in log.read_text().splitlines()] if log.exists() else []


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    folder = tmp_path_factory.mktemp("forget")
    models = folder / "models"
    set_avatar(make_checkpoint(models, VANISH, VANISH_SHOWN, seed=1, servers=[A], owner=ADMIN,
                               subject=SUBJECT), PICTURE)
    make_checkpoint(models, "u_alpha", "Ulla Alpha", seed=2, servers=[A], owner=ADMIN, subject=U)
    make_checkpoint(models, "u_bravo", "Ulla Bravo", seed=3, servers=[B], owner=ADMIN, subject=U)
    make_checkpoint(models, "pub", "Pub Lick", seed=4)
    make_checkpoint(models, "usage_me", "Usage Mee", seed=5, servers=[A], owner=ADMIN, subject=USED)
    standin = DiscordStandIn(heartbeat_interval_ms=500)
    channel_b = standin.add_guild(B, "b-general")
    await standin.start()
    cfg_path = standin_config(folder, standin, gateway=True, guild_ids=[A, B], reply_style="embed")
    async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
        await standin.wait_until(lambda: bot.client.is_ready())
        script = folder / "fake_training.py"
        script.write_text(f"LOG = {str(folder / 'trainings.jsonl')!r}\n{FAKE_TRAINING}")
        bot.commands.jobs.command = (sys.executable, str(script))
        yield Env(standin, bot, folder, channel_b)
    await standin.close()


# --- helpers ---------------------------------------------------------------------------------------

def traces(root: Path, *needles: str) -> list[str]:
    """Every path under `root` whose name, or whose bytes, hold one of `needles`."""
    found = []
    for folder, dirs, files in os.walk(root):
        for item in [*dirs, *files]:
            path = Path(folder) / item
            data = path.read_bytes() if path.is_file() and not path.is_symlink() else b""
            if any(n in item or n.encode() in data for n in needles):
                found.append(str(path))
    return found


def counted(folder: Path) -> tuple[int, int]:
    """The files under `folder` and their bytes (links not followed), as a forget counts them."""
    files = size = 0
    for root, _dirs, names in os.walk(folder):
        for name in names:
            files += 1
            size += os.lstat(os.path.join(root, name)).st_size
    return files, size


def named(name: str, value: str) -> dict[str, Any]:
    return {"name": name, "type": 3, "value": value}


def button_labels(message: dict[str, Any]) -> dict[str, tuple[str, int]]:
    return {c["custom_id"]: (c["label"], c["style"])
            for row in message.get("components") or [] for c in row.get("components", [])}


async def immediate(env: Env, it: Interaction) -> dict[str, Any]:
    """The answer given at once and only to the asker (a refusal, a confirmation): its data."""
    call = await env.standin.reply_to(it)
    assert call.path.endswith("/callback") and call.body["type"] == 4, (call.path, call.body)
    assert call.body["data"]["flags"] & EPHEMERAL, call.body
    return call.body["data"]


async def card_of(env: Env, it: Interaction) -> dict[str, Any]:
    """The card posted for `it` (an embed in the deferred message), once the bot has recorded it."""
    card = await env.standin.wait_for_original(it, lambda m: bool(m["embeds"]))
    messages = env.bot.commands.messages
    await env.standin.wait_until(lambda: messages.get(int(card["id"])) is not None, 10)
    return card


def author_of(card: dict[str, Any]) -> str:
    return card["embeds"][0]["author"]["name"]


def downloaded(env: Env, attachment_id: str) -> bool:
    """Whether the bot fetched the attachment (the stand-in serves it at files/<id>-<name>)."""
    return any(c.path.startswith(f"files/{attachment_id}-") for c in env.standin.calls)


Options = tuple[list[dict[str, Any]], dict[str, Any], str]  # options, resolved, the attachment's id


def upload(env: Env, name: str, subject: int | None = None) -> Options:
    """The options of `/persona add name archive [subject:@member]`."""
    options, resolved = add_options(env.standin, name, "tweets.txt", b"a tweet of theirs\nanother one\n")
    if subject is not None:
        options.append({"name": "subject", "type": 6, "value": str(subject)})
        resolved["users"] = {str(subject): user_payload(subject)}
    return options, resolved, options[1]["value"]


def me_upload(env: Env, name: str | None = None) -> Options:
    """The options of `/persona me archive [name]`."""
    options, resolved, attachment = upload(env, name or "unused")
    return [options[1], *([options[0]] if name else [])], resolved, attachment


async def status_of(env: Env, path: str) -> tuple[int, bytes]:
    url = f"http://127.0.0.1:{env.bot.health.port}{path}"
    async with aiohttp.ClientSession() as http, http.get(url) as response:
        return response.status, await response.read()


def replies_to(standin: DiscordStandIn, message: dict[str, Any]) -> list[Call]:
    """The bot's messages posted as native replies to `message`."""
    return [c for c in standin.calls if c.method == "POST" and c.path.startswith("channels/")
            and c.status == 200 and str(((c.body or {}).get("message_reference") or {}).get("message_id"))
            == message["id"]]


def select_id(message: dict[str, Any]) -> str:
    return next(c["custom_id"] for row in message["components"] for c in row.get("components", [])
                if c["type"] == 3)


# --- /persona forget ---------------------------------------------------------------------------------

async def test_forget_by_its_subject_in_a_dm_leaves_nothing(env: Env) -> None:
    standin, commands = env.standin, env.bot.commands
    dm = {"where": "dm", "channel_id": standin.open_dm(SUBJECT)}
    # Its posts: one in the subject's DM (their own persona is visible there), one in server A.
    in_dm = await card_of(env, await standin.interact("imitate", [named("persona", VANISH)],
                                                      user_id=SUBJECT, **dm))
    in_a = await card_of(env, await standin.interact("imitate", [named("persona", VANISH)],
                                                     user_id=POSTER, guild_id=A))
    assert author_of(in_dm) == author_of(in_a) == f"{VANISH_SHOWN} (AI) @{VANISH}"
    entry = commands.registry.get(VANISH)
    assert entry is not None
    route = avatar_route_path(entry)
    assert route is not None and route.startswith(f"/avatars/{VANISH}/")
    assert await status_of(env, route) == (200, PICTURE)
    assert commands.pool.holds(VANISH)  # loaded by the posts: its going is seen below
    assert traces(env.models, VANISH) and traces(env.state, VANISH)  # the walk sees what is there
    files, size = counted(env.models / VANISH)

    # The confirmation; Cancel keeps it.
    it = await standin.interact("persona forget", [named("name", VANISH)], user_id=SUBJECT, **dm)
    asked = await immediate(env, it)
    assert asked["content"] == (f"This forgets `{VANISH}` completely: its files, its picture, the record of "
                                "its messages, and a training of it. It cannot be undone.")
    assert button_labels(asked) == {f"persona:forget:{VANISH}": (f"Forget {VANISH}", 4),
                                    f"persona:keep:{VANISH}": ("Cancel", 2)}
    confirmation = standin.original_message(it)
    assert confirmation is not None
    cancel = await standin.click(confirmation, f"persona:keep:{VANISH}", user_id=SUBJECT, **dm)
    kept = await standin.wait_for_original(cancel, lambda m: "Kept" in m["content"])
    assert kept["content"] == f"Kept `{VANISH}`." and kept["components"] == []
    assert (env.models / VANISH).is_dir() and commands.registry.get(VANISH) is not None

    # Asked again: only whoever ran it may press Forget (not even its owner, who may forget it too).
    it = await standin.interact("persona forget", [named("name", VANISH)], user_id=SUBJECT, **dm)
    await immediate(env, it)
    confirmation = standin.original_message(it)
    assert confirmation is not None
    other = await standin.click(confirmation, f"persona:forget:{VANISH}", user_id=ADMIN, **dm)
    refused = await immediate(env, other)
    assert refused["content"] == "⚠️ Only whoever ran this /persona forget can confirm it."
    assert (env.models / VANISH).is_dir() and commands.registry.get(VANISH) is not None

    click = await standin.click(confirmation, f"persona:forget:{VANISH}", user_id=SUBJECT, **dm)
    done = await standin.wait_for_original(click, lambda m: "Forgot" in m["content"])
    [answered] = [c for c in standin.calls_for(click) if c.method == "PATCH" and c.status == 200
                  and "Forgot" in (c.body or {}).get("content", "")]
    print(f"\n/persona forget: click to reply {1000 * (answered.at - click.sent_at):.0f} ms")
    assert done["flags"] & EPHEMERAL and done["components"] == []
    assert done["content"] == (f"🧹 Forgot `{VANISH}` ({VANISH_SHOWN} {VANISH_HANDLE}): {files} files "
                               f"({size_text(size)}), 2 message records. Nothing of it is left.")

    assert not (env.models / VANISH).exists() and commands.registry.get(VANISH) is None
    assert traces(env.models, VANISH, VANISH_SHOWN) == []
    assert traces(env.state, VANISH, VANISH_SHOWN) == []
    assert (await status_of(env, route))[0] == 404
    assert commands.pool.holds(VANISH) == []
    for card in (in_dm, in_a):
        assert commands.messages.get(int(card["id"])) is None
    # Its name is unknown now, and its old message has no record.
    text = (await immediate(env, await standin.interact("imitate", [named("persona", VANISH)],
                                                        user_id=SUBJECT, **dm)))["content"]
    found = UNKNOWN.fullmatch(text)
    assert found is not None and found["name"] == quote_user(VANISH), text
    another = await standin.click(in_dm, "persona:another", user_id=SUBJECT, **dm)
    assert (await immediate(env, another))["content"] == NO_RECORD


# --- /persona forget-me, opt-in --------------------------------------------------------------------

async def test_forget_me_forgets_everywhere_and_opts_out_until_opt_in(env: Env) -> None:
    standin, commands = env.standin, env.bot.commands
    # A persona answered U's message (Reply as persona…): its record quotes U.
    said = await standin.say("I bake sourdough every Sunday", user_id=U)
    it = await standin.context_menu("Reply as persona…", said, user_id=POSTER)
    menu = await standin.wait_for_original(it)
    answer = await card_of(env, await standin.choose(menu, select_id(menu), ["pub"], user_id=POSTER))
    record = commands.messages.get(int(answer["id"]))
    assert record is not None and record.context_author_id == U
    # A menu opened on another of U's messages before they opt out, chosen from after.
    later = await standin.say("Rye is better than wheat", user_id=U)
    it = await standin.context_menu("Reply as persona…", later, user_id=POSTER)
    old_menu = await standin.wait_for_original(it)
    assert "pub" in [o["value"] for row in old_menu["components"] for c in row["components"]
                     if c["type"] == 3 for o in c["options"]]
    # A persona card U will reply to.
    card = await card_of(env, await standin.interact(
        "imitate", [named("persona", "pub"), named("prompt", "Bread")], user_id=POSTER))
    names = ("u_alpha", "u_bravo", "Ulla Alpha", "Ulla Bravo")
    assert traces(env.models, *names)

    it = await standin.interact("persona forget-me", user_id=U)
    asked = await immediate(env, it)
    assert asked["content"].startswith("This forgets every persona of you in every server")
    assert button_labels(asked) == {"persona:forgetme:me": ("Forget every persona of me", 4),
                                    "persona:keep:me": ("Cancel", 2)}
    confirmation = standin.original_message(it)
    assert confirmation is not None
    other = await standin.click(confirmation, "persona:forgetme:me", user_id=STRANGER)
    refused = (await immediate(env, other))["content"]
    assert refused == "⚠️ Only whoever ran this /persona forget-me can confirm it."
    assert commands.registry.get("u_alpha") is not None and U not in commands.opted_out_ids
    click = await standin.click(confirmation, "persona:forgetme:me", user_id=U)
    done = await standin.wait_for_original(click, lambda m: "Done" in m["content"])
    assert done["flags"] & EPHEMERAL
    assert done["content"].startswith("🧹 Done: 2 personas of you forgotten (")
    assert "1 record quoting your messages deleted" in done["content"]

    # Both personas, in both servers, gone; the record quoting U gone, the others kept; U opted out.
    for name in ("u_alpha", "u_bravo"):
        assert commands.registry.get(name) is None and not (env.models / name).exists()
    assert traces(env.models, *names) == [] and traces(env.state, *names) == []
    assert commands.messages.get(int(answer["id"])) is None
    assert commands.messages.get(int(card["id"])) is not None
    assert commands.consents.is_opted_out(U)
    cont = await standin.click(answer, "persona:continue", user_id=POSTER)
    assert (await immediate(env, cont))["content"] == NO_RECORD

    # No persona of U can be made: refused before anything is downloaded.
    options, resolved, attachment = upload(env, "x_of_u", subject=U)
    it = await standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID],
                                user_id=ADMIN)
    text = (await immediate(env, it))["content"]
    assert text == "⚠️ That member asked not to be imitated: no persona of them can be made."
    assert not downloaded(env, attachment) and commands.consents.count() == 0
    options, resolved, attachment = me_upload(env, "u_self")
    it = await standin.interact("persona me", options, resolved=resolved, user_id=U)
    text = (await immediate(env, it))["content"]
    assert "opted out" in text and "`/persona opt-in`" in text, text
    assert not downloaded(env, attachment)
    assert not [t for t in env.trainings() if t["argv"][1] in ("x_of_u", "u_self")]

    # U's messages are given to no persona: the menu, a choice in a menu opened before (as offered,
    # and a value it never offered), a reply to a persona message that mentions the bot.
    it = await standin.context_menu("Reply as persona…", said, user_id=POSTER)
    assert (await immediate(env, it))["content"] == OPTED_OUT_CONTEXT
    for value, crafted in (("pub", False), ("nobody_here", True)):
        chosen = await standin.choose(old_menu, select_id(old_menu), [value], crafted=crafted, user_id=POSTER)
        assert (await immediate(env, chosen))["content"] == OPTED_OUT_CONTEXT, value
    mention = await standin.say(f"<@{BOT_ID}> is it still warm?", user_id=U, reference_message=card)
    await standin.wait_until(lambda: replies_to(standin, mention), 20)
    [refusal] = replies_to(standin, mention)
    # Told as themselves: it is their own message, and their own choice to undo.
    assert refusal.body["content"] == ("⚠️ You asked not to be imitated (`/persona forget-me`): personas do "
                                       "not answer or continue your messages. `/persona opt-in` takes that "
                                       "back.")
    assert not refusal.body.get("embeds")
    # Naming U in a prompt is still text: served.
    it = await standin.interact("imitate", [named("persona", "pub"), named("prompt", f"<@{U}> says")],
                                user_id=STRANGER)
    served = await card_of(env, it)
    assert author_of(served) == "Pub Lick (AI) @pub"

    # /persona opt-in: all of it works again.
    it = await standin.interact("persona opt-in", user_id=U)
    assert (await immediate(env, it))["content"].startswith("✅ Opted in again")
    assert not commands.consents.is_opted_out(U) and U not in commands.opted_out_ids
    options, resolved, attachment = upload(env, "x_of_u", subject=U)
    it = await standin.interact("persona add", options, resolved=resolved, roles=[ADMIN_ROLE_ID],
                                user_id=ADMIN)
    asked_u = await standin.wait_for_original(it, lambda m: "was asked" in m["content"])
    assert asked_u["content"].startswith(f"<@{U}> was asked about `x_of_u`")
    posted = await standin.channel_message("asks to make `x_of_u`")
    assert downloaded(env, attachment)
    [accept, decline] = button_labels(posted.answer)
    assert accept.startswith("persona:consent:accept:")
    settled = await standin.click(posted.answer, decline, user_id=U)  # leave nothing waiting
    await standin.reply_to(settled)
    it = await standin.context_menu("Reply as persona…", said, user_id=POSTER)
    menu = await standin.wait_for_original(it)
    assert menu["content"] == "Which persona answers this message?"


# --- /persona me -------------------------------------------------------------------------------------

async def test_persona_me_trains_a_persona_of_the_caller_once_per_server(env: Env) -> None:
    standin, commands = env.standin, env.bot.commands
    options, resolved, _ = me_upload(env)
    it = await standin.interact("persona me", options, resolved=resolved, user_id=MEMBER)
    name = f"user{MEMBER % 1000}"  # the default: the caller's username
    await standin.wait_for_original(it, lambda m: f"Added `{name}`" in m["content"], 60)
    [training] = [t for t in env.trainings() if t["argv"][1] == name]
    parser = argparse.ArgumentParser(add_help=False)
    for flag in ("--owner", "--subject"):
        parser.add_argument(flag, type=int)
    parser.add_argument("--server", type=int, action="append")
    args, _ = parser.parse_known_args(training["argv"][2:])
    assert (args.owner, args.subject, args.server) == (MEMBER, MEMBER, [A])
    # What that training writes (the fake writes nothing): the member's persona of server A.
    make_checkpoint(env.models, name, "Member Self", seed=6, servers=[A], owner=MEMBER, subject=MEMBER)
    await commands.pool.refresh()
    assert commands.registry.get(name) is not None

    # One per member and server ([consent] self_personas_per_user = 1).
    options, resolved, attachment = me_upload(env, "m_second")
    it = await standin.interact("persona me", options, resolved=resolved, user_id=MEMBER)
    text = (await immediate(env, it))["content"]
    assert text.startswith(f"⚠️ You may have 1 persona of yourself in this server (`{name}`)"), text
    assert not downloaded(env, attachment)

    # Turned off by the operator.
    settings = commands.settings
    before = settings.consent
    settings.consent = before.model_copy(update={"self_service": False})
    try:
        options, resolved, attachment = me_upload(env, "m_third")
        it = await standin.interact("persona me", options, resolved=resolved, user_id=STRANGER)
        text = (await immediate(env, it))["content"]
        assert text == "⚠️ This bot's operator has turned `/persona me` off."
        assert not downloaded(env, attachment)
    finally:
        settings.consent = before

    # Never in a DM.
    options, resolved, attachment = me_upload(env, "m_fourth")
    it = await standin.interact("persona me", options, resolved=resolved, user_id=STRANGER, where="dm",
                                channel_id=standin.open_dm(STRANGER))
    text = (await immediate(env, it))["content"]
    assert text == "⚠️ `/persona me` works only in a server where the bot is installed."
    assert not downloaded(env, attachment)
    assert [t["argv"][1] for t in env.trainings()] == [name]


# --- /persona usage ----------------------------------------------------------------------------------

@dataclass
class Row:
    """One request as /persona usage shows it (its parts in whatever order the line has them)."""

    at: int
    defused: bool  # the mention defused ("<\u200b@id>"), as generated text's are
    user: int
    prompt: str
    link: str | None


def row_of(line: str) -> Row | None:
    prompt = re.search(r" asked `(.*?)`", line)
    at = re.search(r"<t:(\d+):f>", line)
    user = re.search(r"<(\u200b?)@(\d+)>", line)
    if not (prompt and at and user):
        return None
    link = re.search(r"https://discord\.com/channels/\S+?(?=>|\s|$)", line)
    return Row(int(at[1]), bool(user[1]), int(user[2]), prompt[1], link[0] if link else None)


@dataclass
class Usage:
    texts: list[str]  # what the bot sent for it: each message's content and embeds, in order
    bodies: list[dict[str, Any]]

    @property
    def rows(self) -> list[Row]:
        return [r for text in self.texts for line in text.splitlines() if (r := row_of(line))]


async def usage_records(env: Env) -> None:
    """Twenty older requests to `usage_me` in the record, then two asked now through Discord (once)."""
    standin, commands = env.standin, env.bot.commands
    if commands.messages.usage("usage_me", 1):
        return
    now = time.time()
    for i, asker in enumerate(ASKERS):
        await commands.remember(PersonaMessage(
            message_id=int(standin.next_id()), persona="usage_me", invoker_id=asker, channel_id=CHANNEL_ID,
            prompt=f"older {i}", text="a tweet", created_at=now - 600 - i, style="embed", guild_id=A))
    for asker, prompt in ((POSTER, "first loaf"), (STRANGER, "second loaf")):
        it = await standin.interact("imitate", [named("persona", "usage_me"), named("prompt", prompt)],
                                    user_id=asker)
        await card_of(env, it)


async def usage(env: Env) -> Usage:
    """`/persona usage usage_me` by its subject: deferred privately, then answered privately."""
    standin = env.standin
    it = await standin.interact("persona usage", [named("name", "usage_me")], user_id=USED)
    defer = await standin.wait_for(lambda c: it.matches(c) and c.path.endswith("/callback"))
    assert defer.body["type"] == 5 and defer.body["data"]["flags"] & EPHEMERAL
    await standin.reply_to(it)
    calls = [c for c in standin.calls_for(it) if c.method in ("POST", "PATCH") and c.status == 200
             and c.path.startswith("webhooks/") and isinstance(c.body, dict) and "content" in c.body]
    texts = [c.body["content"] + "".join(f"\n{e.get('description') or ''}"
                                         for e in c.body.get("embeds") or []) for c in calls]
    return Usage(texts, [c.body for c in calls])


async def test_usage_only_for_its_subject_or_owner(env: Env) -> None:
    await usage_records(env)
    it = await env.standin.interact("persona usage", [named("name", "usage_me")], user_id=STRANGER)
    assert (await immediate(env, it))["content"] == ("⚠️ Only the person a persona imitates, or whoever "
                                                     "made it, can see who asked it for what.")


async def test_usage_lists_the_newest_20_requests_newest_first_privately(env: Env) -> None:
    await usage_records(env)
    answer = await usage(env)
    assert answer.bodies and all(b["flags"] & EPHEMERAL for b in answer.bodies)
    assert answer.texts[0].splitlines()[0] == "Newest 20 requests to `usage_me`:"
    shown = [(r.user, r.prompt) for r in answer.rows]
    expected = [(STRANGER, "second loaf"), (POSTER, "first loaf")]
    expected += [(asker, f"older {i}") for i, asker in enumerate(ASKERS)][:18]
    assert shown == expected, answer.texts
    times = [r.at for r in answer.rows]
    assert times == sorted(times, reverse=True)
    assert all(r.link is None or r.link.startswith(f"https://discord.com/channels/{A}/{CHANNEL_ID}/")
               for r in answer.rows)


async def test_usage_names_who_asked_without_pinging_anyone(env: Env) -> None:
    await usage_records(env)
    answer = await usage(env)
    for body in answer.bodies:
        mentions = body["allowed_mentions"]
        assert mentions["parse"] == [] and not mentions.get("users") and not mentions.get("roles"), mentions
    assert answer.rows
    # Who asked, as a mention Discord shows by name (it pings nobody: allowed_mentions), not as the
    # defused text "<\u200b@id>" a generated tweet's mentions become.
    assert [r.defused for r in answer.rows] == [False] * len(answer.rows), answer.texts[0][:400]
