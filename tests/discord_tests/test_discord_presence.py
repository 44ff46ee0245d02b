"""The persona speaks for itself: the real bot (discord.py client, pool, message record) against the
Discord stand-in, posting through channel webhooks under the persona's name and picture, as embeds
where it cannot, with buttons that outlive a restart and the two message context menus.

One stand-in and one bot for the module (restarted once, in the buttons test); the bot's HTTP server
listens on a port chosen first, so `[web] public_base_url` can name it.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import re

import aiohttp
import pytest
import pytest_asyncio
from helpers.presence_bot import PICTURE, Harness, opened, picture, record_of
from helpers.standin import (
    ADMINISTRATOR,
    APP_ID,
    CHANNEL_ID,
    DEFAULT_APP_PERMISSIONS,
    EPHEMERAL,
    FORUM_ID,
    FORUM_POST_ID,
    GUILD_ID,
    MANAGE_WEBHOOKS,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    THREAD_ID,
    VIEW_CHANNEL,
    DiscordStandIn,
    user_payload,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

ASKER = 900000000000000321
STRANGER = 900000000000000654
NAME = "Marlowe Quill (AI)"
BUTTONS = ["persona:another", "persona:continue", "persona:delete"]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory):
    harness = await opened(tmp_path_factory.mktemp("presence"),
                           {"other_guy": "Other Guy", "clyde_fan": "Clyde"})
    yield harness
    await harness.close()


async def post_as_persona(env: Harness, prompt: str, **context) -> dict:
    """An /imitate of `prompt`, its webhook post, once the bot has recorded it."""
    await env.imitate(prompt, **context)
    post = await env.standin.wait_for_post(lambda m: m["content"].startswith(prompt))
    await record_of(env, post["id"])
    return post


def buttons(message: dict) -> list[str]:
    return [c["custom_id"] for row in message["components"] for c in row["components"]]


def execute_calls(standin: DiscordStandIn) -> list:
    return [c for c in standin.calls if c.method == "POST" and c.path.startswith("webhooks/")
            and not c.path.startswith(f"webhooks/{APP_ID}/")]


async def fetch(url: str) -> tuple[int, bytes]:
    async with aiohttp.ClientSession() as s, s.get(url) as r:
        return r.status, await r.read()


async def test_imitate_posts_as_the_persona_with_its_name_picture_and_buttons(env: Harness) -> None:
    standin = env.standin
    it = await env.imitate("My dream is @everyone <@123>")
    post = await standin.wait_for_post(lambda m: m["content"].startswith("My dream is"))
    # The persona's own name with the AI marker, in the channel, through the bot's one webhook there.
    assert post["author"]["username"] == NAME and post["channel_id"] == str(CHANNEL_ID)
    [hook] = standin.webhooks_in(CHANNEL_ID)
    assert hook["name"] == "Persona Relay" and post["webhook_id"] == hook["id"]
    assert post["content"].startswith("My dream is @\u200beveryone <\u200b@123>")
    [call] = [c for c in execute_calls(standin) if (c.body or {}).get("content", "").startswith("My dream")]
    assert call.body["allowed_mentions"] == {"parse": []} and call.query["wait"] in ("1", "true")
    # The picture at a versioned URL of the bot's own server, which serves exactly those bytes.
    sha12 = hashlib.sha256(PICTURE).hexdigest()[:12]
    assert standin.avatar_url_of(post) == f"{env.public}/avatars/marlowe_bakes/{sha12}.png"
    assert await fetch(standin.avatar_url_of(post)) == (200, PICTURE)
    assert buttons(post) == BUTTONS
    # Whoever asked: a private "thinking…", then a private line linking the post.
    defer = standin.calls_for(it)[0]
    assert defer.body["type"] == 5 and defer.body["data"]["flags"] & EPHEMERAL
    answer = await standin.wait_for_original(it)
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{post['id']}"
    assert answer["content"] == f"Posted as **{NAME}**: <{link}>" and answer["flags"] & EPHEMERAL
    record = await record_of(env, post["id"])
    assert (record.persona, record.prompt, record.style) == ("marlowe_bakes", "My dream is @everyone <@123>",
                                                             "webhook")
    assert record.invoker_id == int(it.payload["member"]["user"]["id"])


async def test_embed_where_the_bot_may_not_manage_webhooks(env: Harness) -> None:
    standin = env.standin
    before = len(standin.posted())
    it = await env.imitate("Bread", app_permissions=DEFAULT_APP_PERMISSIONS & ~MANAGE_WEBHOOKS)
    message = await standin.wait_for_original(it)
    assert not (standin.calls_for(it)[0].body.get("data") or {}).get("flags", 0) & EPHEMERAL  # public
    [embed] = message["embeds"]
    assert embed["author"]["name"] == f"{NAME} @marlowe_bakes"
    assert embed["author"]["icon_url"] == "attachment://avatar.png"
    assert embed["description"].startswith("Bread") and "an imitation" in embed["footer"]["text"]
    [attachment] = message["attachments"]
    assert attachment["filename"] == "avatar.png" and attachment["size"] == len(PICTURE)
    assert buttons(message) == BUTTONS and len(standin.posted()) == before  # no webhook post
    assert (await record_of(env, message["id"])).style == "embed"

    dm = await env.imitate("Rye", where="dm")  # DMs have no webhooks: the embed, no hint
    message = await standin.wait_for_original(dm)
    assert message["embeds"][0]["description"].startswith("Rye") and len(standin.posted()) == before


async def test_threads_and_forum_posts_post_through_the_parent(env: Harness) -> None:
    standin = env.standin
    await env.imitate("Thread talk", channel_id=THREAD_ID)
    post = await standin.wait_for_post(lambda m: m["content"].startswith("Thread talk"))
    assert post["channel_id"] == str(THREAD_ID)
    assert len(standin.webhooks_in(CHANNEL_ID)) == 1  # the channel's one webhook, with thread_id
    await env.imitate("Forum talk", channel_id=FORUM_POST_ID)
    post = await standin.wait_for_post(lambda m: m["content"].startswith("Forum talk"))
    assert post["channel_id"] == str(FORUM_POST_ID)
    [hook] = standin.webhooks_in(FORUM_ID)
    assert post["webhook_id"] == hook["id"]


async def test_a_deleted_webhook_is_recreated_and_a_refused_one_tried_again(env: Harness) -> None:
    standin = env.standin
    [old] = standin.webhooks_in(CHANNEL_ID)
    standin.delete_webhook(old["id"])  # a moderator deletes it
    await env.imitate("After the purge")
    post = await standin.wait_for_post(lambda m: m["content"].startswith("After the purge"))
    [new] = standin.webhooks_in(CHANNEL_ID)
    assert new["id"] != old["id"] and post["webhook_id"] == new["id"]
    # Unknown Webhook (10015) on a cached webhook: looked up again and posted once more.
    standin.fail("POST", f"webhooks/{new['id']}/", 404, code=10015)
    await env.imitate("Second try")
    post = await standin.wait_for_post(lambda m: m["content"].startswith("Second try"))
    assert post["webhook_id"] == new["id"]
    refused = [c for c in execute_calls(standin) if c.status == 404]
    assert len(refused) == 1


async def test_a_name_discord_refuses_is_sanitised(env: Harness) -> None:
    await env.imitate("Hello", persona="clyde_fan")
    post = await env.standin.wait_for_post(lambda m: m["content"].startswith("Hello"))
    assert post["author"]["username"] == "C\u200alyde (AI)"


async def test_a_full_channel_gets_the_embed_and_says_why(env: Harness) -> None:
    standin = env.standin
    crowded = 730000000000000042
    standin.channels[crowded] = {**standin.channels[CHANNEL_ID], "id": str(crowded), "name": "crowded"}
    standin.add_foreign_webhooks(crowded, 15)
    it = await env.imitate("No room", channel_id=crowded)
    note = await standin.wait_for_original(it, lambda m: "15 webhooks" in m["content"])
    assert note["flags"] & EPHEMERAL
    assert note["content"].startswith("⚠️ Could not post under the persona's name: this channel has the 15")
    card = await standin.wait_for(lambda c: it.matches(c) and c.method == "POST" and c.body
                                  and c.body.get("embeds") and c.status == 200)
    assert not card.body.get("flags", 0) & EPHEMERAL  # the card itself is public
    assert len(standin.webhooks_in(crowded)) == 15  # none added past the limit


async def test_buttons_work_after_a_restart(env: Harness) -> None:
    standin = env.standin
    asker = env.user()
    post = await post_as_persona(env, "Sourdough", user_id=asker)
    await env.stop()
    await env.start()  # a new process, as far as the bot knows: only the record on disk remains

    another = await env.click(post, "persona:another", user_id=env.user())
    again = await standin.wait_for_post(lambda m: m["content"].startswith("Sourdough")
                                        and m["id"] != post["id"])
    assert again["author"]["username"] == NAME and buttons(again) == BUTTONS
    assert again["webhook_id"] == post["webhook_id"]  # found again after the restart, not made anew
    assert len(standin.webhooks_in(CHANNEL_ID)) == 1
    assert (await standin.wait_for_original(another))["flags"] & EPHEMERAL

    await env.click(post, "persona:continue", user_id=env.user())
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{post['id']}"
    reply = await standin.wait_for_post(lambda m: m["content"].startswith(f"-# ↪ <{link}>\n"))
    record = await record_of(env, reply["id"])
    assert record.reply_to == int(post["id"]) and record.context == post["content"]
    assert "Sourdough" not in reply["content"].split("\n", 1)[1]  # the tweet answered is not repeated

    refused = await env.click(post, "persona:delete", user_id=STRANGER)
    answer = await standin.reply_to(refused)
    assert "Only whoever asked for this message, or an admin" in answer.body["data"]["content"]
    assert post["id"] in standin.messages
    deleted = await env.click(post, "persona:delete", user_id=asker)
    done = await standin.wait_for_original(deleted, lambda m: "Deleted" in m["content"])
    assert done["content"] == "🗑️ Deleted." and done["flags"] & EPHEMERAL  # deferred first, then said
    assert post["id"] not in standin.messages
    assert any(c.method == "DELETE" and c.path.endswith(f"/messages/{post['id']}") for c in standin.calls)
    assert env.bot.commands.messages.get(int(post["id"])) is None
    admin = await env.click(reply, "persona:delete", user_id=STRANGER, permissions=ADMINISTRATOR)
    said = await standin.wait_for_original(admin, lambda m: "Deleted" in m["content"])
    assert said["content"] == "🗑️ Deleted."
    assert reply["id"] not in standin.messages


async def test_reply_as_persona_and_who_asked(env: Harness) -> None:
    standin = env.standin
    said = standin._store(standin._message({"content": "Who bakes the best rye in town?"},
                                           author=user_payload(STRANGER)))
    it = await env.context_menu("Reply as persona…", said, user_id=env.user())
    menu = await standin.wait_for_original(it)
    assert menu["flags"] & EPHEMERAL and menu["content"] == "Which persona answers this message?"
    select = next(c for row in menu["components"] for c in row["components"] if c["type"] == 3)
    assert [o["value"] for o in select["options"]] == ["clyde_fan", "marlowe_bakes", "other_guy"]
    # The search: a modal, and the menu filled with what matches.
    search = next(c for row in menu["components"] for c in row["components"] if c["type"] == 2)
    opened = await env.click(menu, search["custom_id"], user_id=env.user())
    modal = await asyncio.wait_for(_modal(standin, opened), 10)
    field = modal["components"][0]["components"][0]["custom_id"] if modal["components"][0]["type"] == 1 \
        else modal["components"][0]["component"]["custom_id"]
    await standin.submit_modal(modal["custom_id"], {field: "marl"}, message=menu, user_id=env.user())
    menu = await standin.wait_for_original(it, lambda m: len(_options(m)) == 1)
    assert _options(menu) == ["marlowe_bakes"]
    await env.choose(menu, _select_id(menu), ["marlowe_bakes"], user_id=env.user())
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{said['id']}"
    reply = await standin.wait_for_post(lambda m: m["content"].startswith(f"-# ↪ <{link}>\n"))
    assert reply["author"]["username"] == NAME
    assert (await record_of(env, reply["id"])).context == "Who bakes the best rye in town?"

    asker = env.user()
    post = await post_as_persona(env, "Crumb", user_id=asker)
    who = await env.context_menu("Who asked?", post, user_id=STRANGER)
    answer = await standin.reply_to(who)
    data = answer.body["data"]
    assert data["flags"] & EPHEMERAL and data["allowed_mentions"] == {"parse": []}
    assert re.fullmatch(rf"<@{asker}> asked for it with `/imitate marlowe_bakes Crumb`, <t:\d+:R>\.",
                        data["content"])
    nobody = await env.context_menu("Who asked?", said, user_id=STRANGER)
    assert "I have no record of that message" in (await standin.reply_to(nobody)).body["data"]["content"]


async def _modal(standin: DiscordStandIn, interaction) -> dict:
    while (modal := standin.modal_for(interaction)) is None:
        await asyncio.sleep(0.02)
    return modal


def _options(message: dict) -> list[str]:
    return [o["value"] for row in message["components"] for c in row["components"] if c["type"] == 3
            for o in c["options"]]


def _select_id(message: dict) -> str:
    return next(c["custom_id"] for row in message["components"] for c in row["components"] if c["type"] == 3)


async def test_persona_avatar_from_discord_and_info_shows_it(env: Harness) -> None:
    standin = env.standin
    blue = picture("blue", 64)
    for filename, content, expected in [
        ("notes.png", b"plain text, not a picture", "That picture cannot be used: not an image"),
        ("blue.png", blue, "🖼️ New picture for `marlowe_bakes` (Marlowe Quill) (64x64)."),
    ]:
        att = standin.attachment(filename, content)
        it = await standin.interact("persona avatar", [
            {"name": "name", "type": 3, "value": "marlowe_bakes"},
            {"name": "image", "type": 11, "value": att["id"]},
        ], resolved={"attachments": {att["id"]: att}}, permissions=ADMINISTRATOR, user_id=env.user())
        answer = await standin.reply_to(it)
        assert expected in answer.body["content"]
    meta = json.loads((env.models / "marlowe_bakes" / "persona.json").read_text())
    assert meta["avatar"]["source"] == "admin"
    new_url = f"{env.public}/avatars/marlowe_bakes/{meta['avatar']['sha256'][:12]}.png"
    old_url = f"{env.public}/avatars/marlowe_bakes/{hashlib.sha256(PICTURE).hexdigest()[:12]}.png"
    assert await fetch(new_url) == (200, blue) and (await fetch(old_url))[0] == 404

    info = await standin.interact("persona info", [{"name": "name", "type": 3, "value": "marlowe_bakes"}],
                                  permissions=ADMINISTRATOR)
    call = await standin.reply_to(info)
    assert call.files and list(call.files.values()) == [blue]
    await env.imitate("New face")
    post = await standin.wait_for_post(lambda m: m["content"].startswith("New face"))
    assert standin.avatar_url_of(post) == new_url


async def test_removing_a_persona_forgets_its_messages(env: Harness) -> None:
    await env.imitate("Last words", persona="other_guy")
    post = await env.standin.wait_for_post(lambda m: m["content"].startswith("Last words"))
    assert await record_of(env, post["id"]) is not None
    it = await env.standin.interact("persona remove", [{"name": "name", "type": 3, "value": "other_guy"}],
                                    permissions=ADMINISTRATOR)
    await env.standin.reply_to(it)  # the confirmation: nothing deleted yet
    assert env.bot.commands.messages.get(int(post["id"])) is not None
    click = await env.click(env.standin.original_message(it), "persona:remove:other_guy",
                            permissions=ADMINISTRATOR)
    await env.standin.wait_for_original(click, lambda m: "Removed `other_guy`" in m["content"])
    assert env.bot.commands.messages.get(int(post["id"])) is None


async def test_32_concurrent_imitates_all_post(env: Harness) -> None:
    """Every one of 32 concurrent /imitate is posted once, by its own user, through the one webhook
    (the time each took is measured by tests/bench_presence.py, not asserted here)."""
    standin = env.standin
    users = [env.user() for _ in range(32)]
    await asyncio.gather(*(env.imitate(f"Batch {i} says", user_id=u) for i, u in enumerate(users)))
    def batch() -> list[dict]:
        return standin.posted(lambda m: m["content"].startswith("Batch "))

    await standin.wait_until(lambda: len(batch()) == 32, 120)
    posts = batch()
    assert sorted(int(m["content"].split()[1]) for m in posts) == list(range(32))
    records = [await record_of(env, m["id"]) for m in posts]
    assert sorted(r.invoker_id for r in records) == sorted(users)
    assert len(standin.webhooks_in(CHANNEL_ID)) == 1


async def test_reply_style_webhook_keeps_the_card_and_says_why(env: Harness, monkeypatch) -> None:
    """reply_style "webhook" where no webhook can be used: the public card stays, and whoever asked
    learns privately why it is not under the persona's name."""
    monkeypatch.setattr(env.bot.client.cfg.discord, "reply_style", "webhook")
    it = await env.imitate("Hint", app_permissions=DEFAULT_APP_PERMISSIONS & ~MANAGE_WEBHOOKS)
    hint = await env.standin.wait_for(lambda c: it.matches(c) and c.method == "POST" and c.status == 200
                                      and c.path.startswith("webhooks/"))
    assert hint.body["content"] == ("ℹ️ Posted as a card, not under the persona's name: the bot lacks the "
                                    "Manage Webhooks permission in this channel.")
    assert hint.body["flags"] & EPHEMERAL
    card = env.standin.original_message(it)
    assert card is not None and card["embeds"][0]["description"].startswith("Hint")  # still there
    assert not any(c.method == "DELETE" for c in env.standin.calls_for(it))


async def test_private_answers_never_fall_back_to_the_channel(env: Harness) -> None:
    """Who asked? is for the asker only: when Discord refuses it, nothing is posted in the channel."""
    standin = env.standin
    asker = env.user()
    post = await post_as_persona(env, "Secret prompt", user_id=asker)
    token = standin.new_token()
    standin.fail("POST", f"{token}/callback", 400)
    it = await env.context_menu("Who asked?", post, user_id=STRANGER, token=token)
    await standin.wait_for(lambda c: it.matches(c) and c.path.startswith("webhooks/"))  # the follow-up try
    await asyncio.sleep(0.3)
    assert not [c for c in standin.calls if c.path == f"channels/{CHANNEL_ID}/messages"
                and "asked for it" in (c.body or {}).get("content", "")]


async def test_buttons_are_refused_once_shutdown_starts(env: Harness) -> None:
    post = await post_as_persona(env, "Closing time")
    tree = env.bot.client.tree
    tree.accepting = False
    try:
        it = await env.click(post, "persona:another", user_id=env.user())
        answer = await env.standin.reply_to(it)
        assert answer.body["data"]["content"] == "The bot is shutting down."
    finally:
        tree.accepting = True


# What a member who may read a channel but not write there has (in a thread: no "send in threads").
READ_ONLY = VIEW_CHANNEL | READ_MESSAGE_HISTORY
CANNOT_SEND = "⚠️ You can't send messages in this channel."


def public_messages(standin: DiscordStandIn) -> list[dict]:
    """Every message anyone can see: webhook posts and the bot's non-ephemeral messages."""
    return [m for m in standin.messages.values() if not m.get("flags", 0) & EPHEMERAL]


async def refused_privately(env: Harness, it) -> str:
    """An immediate ephemeral answer (nothing deferred), its text."""
    answer = await env.standin.reply_to(it)
    assert answer.path.endswith("/callback") and answer.body["type"] == 4
    assert answer.body["data"]["flags"] & EPHEMERAL
    return answer.body["data"]["content"]


async def test_who_may_not_send_gets_no_public_post(env: Harness) -> None:
    """/imitate, Another, Continue and Reply as persona (the menu, and a choice made after the right to
    send was taken away) from a member who may read but not send: a private refusal, nothing posted."""
    standin = env.standin
    post = await post_as_persona(env, "Loud crust")
    said = standin._store(standin._message({"content": "Anyone here?"}, author=user_payload(STRANGER)))
    menu_it = await env.context_menu("Reply as persona…", said, user_id=env.user())
    menu = await standin.wait_for_original(menu_it)
    before = len(public_messages(standin))

    attempts = [
        await env.imitate("Silenced", permissions=READ_ONLY),
        await env.imitate("Silenced thread", permissions=READ_ONLY | SEND_MESSAGES, channel_id=THREAD_ID),
        await env.click(post, "persona:another", user_id=env.user(), permissions=READ_ONLY),
        await env.click(post, "persona:continue", user_id=env.user(), permissions=READ_ONLY),
        await env.context_menu("Reply as persona…", said, user_id=env.user(), permissions=READ_ONLY),
        await env.choose(menu, _select_id(menu), ["marlowe_bakes"], user_id=env.user(),
                         permissions=READ_ONLY),
    ]
    for it in attempts:
        assert await refused_privately(env, it) == CANNOT_SEND
    await asyncio.sleep(0.5)  # time for a post that should not come
    assert len(public_messages(standin)) == before
    assert not any(c.body and c.body.get("type") == 5 for it in attempts for c in standin.calls_for(it))

    # In a thread, "send in threads" is what counts: with it, the post goes out.
    await env.imitate("Thread ok", permissions=READ_ONLY | SEND_MESSAGES_IN_THREADS, channel_id=THREAD_ID)
    await standin.wait_for_post(lambda m: m["content"].startswith("Thread ok"))


async def test_who_asked_on_an_another_names_the_original(env: Harness) -> None:
    standin = env.standin
    first_asker, presser, second_presser = env.user(), env.user(), env.user()
    post = await post_as_persona(env, "Rye at dawn", user_id=first_asker)
    await env.click(post, "persona:another", user_id=presser)
    again = await standin.wait_for_post(lambda m: m["content"].startswith("Rye at dawn")
                                        and m["id"] != post["id"])
    assert (await record_of(env, again["id"])).another_of == int(post["id"])

    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{post['id']}"
    who = await refused_privately(env, await env.context_menu("Who asked?", again, user_id=STRANGER))
    assert re.fullmatch(
        rf"<@{presser}> asked for it with \*\*Another\*\* of <{link}> "
        rf"\(`/imitate marlowe_bakes Rye at dawn`\), <t:\d+:R>\.\n"
        rf"<@{first_asker}> asked for that one, <t:\d+:R>\.", who), who

    # Another of an Another links the message it was pressed on; a forgotten original is only linked.
    await env.click(again, "persona:another", user_id=second_presser)
    third = await standin.wait_for_post(lambda m: m["content"].startswith("Rye at dawn")
                                        and m["id"] not in (post["id"], again["id"]))
    assert (await record_of(env, third["id"])).another_of == int(again["id"])
    await env.bot.commands.forget(int(again["id"]))
    who = await refused_privately(env, await env.context_menu("Who asked?", third, user_id=STRANGER))
    link = f"https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{again['id']}"
    assert re.fullmatch(rf"<@{second_presser}> asked for it with \*\*Another\*\* of <{link}> "
                        rf"\(`/imitate marlowe_bakes Rye at dawn`\), <t:\d+:R>\.", who), who


async def test_a_record_of_another_place_is_no_record(env: Harness) -> None:
    """A button or Who asked? whose message record names another channel or server is answered as if
    there were no record (Discord keeps them consistent; checked anyway)."""
    standin = env.standin
    post = await post_as_persona(env, "Where am I")
    elsewhere = 730000000000000077
    standin.channels[elsewhere] = {**standin.channels[CHANNEL_ID], "id": str(elsewhere), "name": "elsewhere"}
    before = len(public_messages(standin))
    for context in ({"channel_id": elsewhere}, {"channel_id": THREAD_ID},
                    {"guild_id": 720000000000000042}):
        for button in ("persona:another", "persona:continue", "persona:delete"):
            it = await env.click(post, button, user_id=env.user(), permissions=ADMINISTRATOR, **context)
            assert "I have no record of that message" in await refused_privately(env, it)
        who = await env.context_menu("Who asked?", post, user_id=STRANGER, **context)
        assert "I have no record of that message" in await refused_privately(env, who)
    await asyncio.sleep(0.3)
    assert len(public_messages(standin)) == before and post["id"] in standin.messages
    # In its own channel the record still serves.
    who = await env.context_menu("Who asked?", post, user_id=STRANGER)
    assert "asked for it with `/imitate marlowe_bakes Where am I`" in await refused_privately(env, who)
