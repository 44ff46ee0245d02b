"""`@Bot persona prompt` and replies to persona messages, and the confirmation of /persona remove: the
real bot against the Discord stand-in, with no privileged intent (the stand-in gives a message's content
only where the bot is mentioned, as Discord does).
"""

from __future__ import annotations

import asyncio

import pytest
import pytest_asyncio
from helpers.presence_bot import Harness, opened, record_of
from helpers.standin import (
    ADMINISTRATOR,
    BOT_ID,
    BOT_ROLE_ID,
    CHANNEL_ID,
    EPHEMERAL,
    GUILD_ID,
    GUILD_MESSAGES_INTENT,
    MESSAGE_CONTENT_INTENT,
    THREAD_ID,
    DiscordStandIn,
)

from bot.personas import PersonaRegistry

pytestmark = pytest.mark.asyncio(loop_scope="module")

ADMIN = 900000000000000111
OTHER_ADMIN = 900000000000000222


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory):
    harness = await opened(tmp_path_factory.mktemp("mentions"),
                           {"doomed": "Doomed Persona", "kept_one": "Kept Persona"})
    yield harness
    await harness.close()


def replies_to(standin: DiscordStandIn, message: dict) -> list:
    """The bot's messages posted as replies to `message` (not through a webhook)."""
    return [c for c in standin.calls if c.method == "POST" and c.path.startswith("channels/")
            and c.status == 200 and ((c.body or {}).get("message_reference") or {}).get("message_id")
            in (message["id"], int(message["id"]))]


async def test_intents_ask_for_messages_but_nothing_privileged(env: Harness) -> None:
    intents = env.standin.intents or 0
    assert intents & GUILD_MESSAGES_INTENT and not intents & MESSAGE_CONTENT_INTENT


@pytest.mark.parametrize("mention", [f"<@{BOT_ID}>", f"<@!{BOT_ID}>"])
async def test_a_mention_posts_as_the_persona(env: Harness, mention: str) -> None:
    standin = env.standin
    user = env.user()
    said = await standin.say(f"{mention} marlowe_bakes My dream is {mention[2]}", user_id=user)
    post = await standin.wait_for_post(lambda m: m["content"].startswith(f"My dream is {mention[2]}"))
    assert post["author"]["username"] == "Marlowe Quill (AI)"
    assert [c["custom_id"] for row in post["components"] for c in row["components"]] == [
        "persona:another", "persona:continue", "persona:delete"]
    record = await record_of(env, post["id"])
    assert (record.persona, record.invoker_id, record.style) == ("marlowe_bakes", user, "webhook")
    assert record.prompt == f"My dream is {mention[2]}" and record.reply_to is None
    assert record.guild_id == GUILD_ID and not replies_to(standin, said)  # nothing else said


async def test_a_mention_in_a_thread_posts_through_the_parent(env: Harness) -> None:
    await env.standin.say(f"<@{BOT_ID}> marlowe_bakes Threaded dough", user_id=env.user(),
                          channel_id=THREAD_ID)
    post = await env.standin.wait_for_post(lambda m: m["content"].startswith("Threaded dough"))
    assert post["channel_id"] == str(THREAD_ID)
    assert (await record_of(env, post["id"])).thread_id == THREAD_ID


async def test_an_unknown_persona_gets_suggestions(env: Harness) -> None:
    standin = env.standin
    said = await standin.say(f"<@{BOT_ID}> marlowe_bake Hello", user_id=env.user())
    await standin.wait_until(lambda: replies_to(standin, said), 10)
    [call] = replies_to(standin, said)
    assert call.body["content"] == "⚠️ No persona named 'marlowe\\_bake'. Did you mean marlowe_bakes?"
    assert call.body["allowed_mentions"] == {"parse": [], "replied_user": False}  # not even its author
    assert not standin.posted(lambda m: m["content"].startswith("Hello"))


async def test_a_bare_mention_says_how(env: Harness) -> None:
    standin = env.standin
    said = await standin.say(f"<@{BOT_ID}>", user_id=env.user())
    await standin.wait_until(lambda: replies_to(standin, said), 10)
    assert "persona [prompt]" in replies_to(standin, said)[0].body["content"]


async def test_everyone_roles_bots_and_webhooks_are_ignored(env: Harness) -> None:
    standin = env.standin
    before = len(standin.calls)
    said = [
        await standin.say("@everyone marlowe_bakes Ignored one", user_id=env.user()),
        await standin.say("@here marlowe_bakes Ignored two", user_id=env.user()),
        await standin.say(f"<@&{BOT_ROLE_ID}> marlowe_bakes Ignored three", user_id=env.user()),
        await standin.say(f"<@{BOT_ID}> marlowe_bakes Ignored four", user_id=env.user(), bot=True),
        await standin.say(f"<@{BOT_ID}> marlowe_bakes Ignored five", user_id=env.user(), webhook_id="123"),
        await standin.say("marlowe_bakes Ignored six", user_id=env.user()),
    ]
    # A mention still answered afterwards: the ones before were seen, and ignored.
    await standin.say(f"<@{BOT_ID}> marlowe_bakes Not ignored", user_id=env.user())
    await standin.wait_for_post(lambda m: m["content"].startswith("Not ignored"))
    await asyncio.sleep(0.3)
    assert not standin.posted(lambda m: m["content"].startswith("Ignored"))
    assert not any(replies_to(standin, m) for m in said)
    assert not [c for c in standin.calls[before:] if c.path == f"channels/{CHANNEL_ID}/messages"]


async def test_a_reply_to_a_persona_post_is_answered_by_that_persona(env: Harness) -> None:
    standin = env.standin
    await standin.say(f"<@{BOT_ID}> marlowe_bakes Rye is", user_id=env.user())
    post = await standin.wait_for_post(lambda m: m["content"].startswith("Rye is"))
    await record_of(env, post["id"])
    user = env.user()
    said = await standin.say(f"<@{BOT_ID}> where  do you buy\nflour?", user_id=user, reference_message=post)
    link = f"-# ↪ <https://discord.com/channels/{GUILD_ID}/{CHANNEL_ID}/{said['id']}>\n"
    answer = await standin.wait_for_post(lambda m: m["content"].startswith(link))
    record = await record_of(env, answer["id"])
    assert (record.persona, record.invoker_id, record.reply_to) == ("marlowe_bakes", user, int(said["id"]))
    assert record.context == "where do you buy flour?" and record.prompt == ""

    # Without naming the bot, a reply to a webhook post pings nobody: the bot gets no content, says nothing.
    quiet = await standin.say("nice one", user_id=env.user(), reference_message=post)
    await asyncio.sleep(0.3)
    assert not replies_to(standin, quiet)
    assert not standin.posted(lambda m: f"/{CHANNEL_ID}/{quiet['id']}>" in m["content"])


async def test_embed_style_replies_with_the_card_and_its_replies_are_answered(env: Harness,
                                                                              monkeypatch) -> None:
    """reply_style "embed": the card is the bot's reply to the message (nobody pinged); replying to
    the card pings the bot, which is enough for the persona to answer; a bare one continues it."""
    monkeypatch.setattr(env.bot.client.cfg.discord, "reply_style", "embed")
    standin = env.standin
    said = await standin.say(f"<@{BOT_ID}> marlowe_bakes Crumb shot", user_id=env.user())
    await standin.wait_until(lambda: replies_to(standin, said), 20)
    [call] = replies_to(standin, said)
    assert call.body["embeds"][0]["description"].startswith("Crumb shot")
    assert call.body["allowed_mentions"] == {"parse": [], "replied_user": False}
    assert "avatar.png" in call.files
    card = call.answer
    record = await record_of(env, card["id"])
    assert record.style == "embed" and record.prompt == "Crumb shot"

    bare = await standin.say("", user_id=env.user(), reference_message=card)  # the reply's own ping
    await standin.wait_until(lambda: replies_to(standin, bare), 20)
    cont = await record_of(env, replies_to(standin, bare)[0].answer["id"])
    # The persona continues its own text, as any context: whitespace collapsed (validate_request).
    assert cont.reply_to == int(card["id"]) and cont.context == " ".join(record.text.split())


async def test_a_mention_during_the_cooldown_is_refused(env: Harness) -> None:
    standin = env.standin
    user = env.user()
    await standin.say(f"<@{BOT_ID}> marlowe_bakes First loaf", user_id=user)
    await standin.wait_for_post(lambda m: m["content"].startswith("First loaf"))
    said = await standin.say(f"<@{BOT_ID}> marlowe_bakes Second loaf", user_id=user)
    await standin.wait_until(lambda: replies_to(standin, said), 10)
    assert "⚠️" in replies_to(standin, said)[0].body["content"]
    assert not standin.posted(lambda m: m["content"].startswith("Second loaf"))


async def test_remove_asks_to_confirm_and_only_its_admin_confirms_even_after_a_restart(env: Harness) -> None:
    standin = env.standin
    registry = PersonaRegistry(env.models)
    it = await standin.interact("persona remove", [{"name": "name", "type": 3, "value": "doomed"}],
                                user_id=ADMIN, permissions=ADMINISTRATOR)
    answer = (await standin.reply_to(it)).body["data"]
    assert answer["content"] == "This deletes `doomed` and the record of its messages."
    assert answer["flags"] & EPHEMERAL
    labels = {c["custom_id"]: (c["label"], c["style"])
              for row in answer["components"] for c in row["components"]}
    assert labels == {"persona:remove:doomed": ("Delete doomed", 4), "persona:keep:doomed": ("Cancel", 2)}
    await asyncio.sleep(0.2)
    assert (env.models / "doomed").is_dir()  # the command alone removes nothing
    confirmation = standin.original_message(it)

    other = await standin.click(confirmation, "persona:remove:doomed", user_id=OTHER_ADMIN,
                                permissions=ADMINISTRATOR)
    refused = (await standin.reply_to(other)).body["data"]
    assert "Only whoever ran this /persona remove can confirm it." in refused["content"]
    assert refused["flags"] & EPHEMERAL and (env.models / "doomed").is_dir()

    await env.stop()  # the confirmation outlives a restart
    await env.start()
    admin = {"user_id": ADMIN, "permissions": ADMINISTRATOR}
    # Two quick clicks: one removes, the other is told so (never a "could not remove" error).
    click, again = await asyncio.gather(standin.click(confirmation, "persona:remove:doomed", **admin),
                                        standin.click(confirmation, "persona:remove:doomed", **admin))
    done = await standin.wait_for_original(click, lambda m: "Removed `doomed`" in m["content"])
    assert done["components"] == [] and not (env.models / "doomed").exists()
    second = (await standin.reply_to(again)).body["data"]["content"]
    assert "already being deleted" in second or "No persona named 'doomed'" in second, second
    registry.scan()
    assert "doomed" not in registry.names()



async def test_remove_confirmation_can_be_cancelled_and_is_checked_again(env: Harness) -> None:
    standin = env.standin
    it = await standin.interact("persona remove", [{"name": "name", "type": 3, "value": "kept_one"}],
                                user_id=ADMIN, permissions=ADMINISTRATOR)
    await standin.reply_to(it)
    confirmation = standin.original_message(it)
    # The same user, no longer an admin: the click checks again.
    demoted = await standin.click(confirmation, "persona:remove:kept_one", user_id=ADMIN, permissions=0)
    assert "Only the bot's admins" in (await standin.reply_to(demoted)).body["data"]["content"]
    cancel = await standin.click(confirmation, "persona:keep:kept_one", user_id=ADMIN,
                                 permissions=ADMINISTRATOR)
    kept = await standin.wait_for_original(cancel, lambda m: "Kept" in m["content"])
    assert kept["content"] == "Kept `kept_one`." and kept["components"] == []
    assert (env.models / "kept_one").is_dir()
