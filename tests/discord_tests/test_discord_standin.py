"""The Discord stand-in's webhooks, threads, components and context menus, as discord.py meets them.

Plain aiohttp requests show the routes answer as Discord does; a partial `discord.Webhook` and a bare
`discord.Client` connected to the stand-in's gateway show discord.py parses every payload (messages,
webhooks, threads, component and context-menu interactions) without error.
"""

from __future__ import annotations

import asyncio
import io
import json
from collections.abc import AsyncIterator, Iterator
from typing import Any

import aiohttp
import discord
import pytest
import pytest_asyncio
import yarl
from discord import app_commands
from helpers.standin import (
    APP_ID,
    BOT_ID,
    CHANNEL_ID,
    DEFAULT_APP_PERMISSIONS,
    DM_APP_PERMISSIONS,
    FOREIGN_USER_ID,
    FORUM_ID,
    FORUM_POST_ID,
    GUILD_ID,
    MANAGE_WEBHOOKS,
    THREAD_ID,
    DiscordStandIn,
    shard_of,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")
AVATAR = "data:image/png;base64,iVBORw0KGgo="
PNG = b"\x89PNG\r\n\x1a\n"  # enough of a PNG for discord.py to make a data URI of it


@pytest_asyncio.fixture(loop_scope="module")
async def standin() -> AsyncIterator[DiscordStandIn]:
    standin = DiscordStandIn()
    await standin.start()
    yield standin
    await standin.close()


@pytest.fixture
def pointed(standin: DiscordStandIn) -> Iterator[None]:
    """discord.py's REST calls (webhooks included) go to the stand-in for the test."""
    saved = discord.http.Route.BASE
    discord.http.Route.BASE = standin.api_base_url
    yield
    discord.http.Route.BASE = saved


async def api(standin: DiscordStandIn, method: str, path: str, body: Any = None, *,
              params: dict[str, str] | None = None, data: Any = None) -> tuple[int, Any]:
    """One REST call as a bot would make it: (status, the JSON answer or None)."""
    async with aiohttp.ClientSession() as session, session.request(
            method, f"{standin.api_base_url}/{path}", json=body, params=params, data=data,
            headers={"Authorization": "Bot test-token"}) as response:
        raw = await response.read()
        return response.status, json.loads(raw) if raw else None


async def new_hook(standin: DiscordStandIn, channel_id: int = CHANNEL_ID, **body: Any) -> dict[str, Any]:
    status, hook = await api(standin, "POST", f"channels/{channel_id}/webhooks",
                             {"name": "Persona relay", **body})
    assert status == 200, hook
    return hook


def execute(hook: dict[str, Any]) -> str:
    return f"webhooks/{hook['id']}/{hook['token']}"


# --- REST, as Discord answers it ------------------------------------------------------------------

async def test_channels_and_threads_by_id(standin: DiscordStandIn) -> None:
    status, thread = await api(standin, "GET", f"channels/{THREAD_ID}")
    assert status == 200 and thread["type"] == 11 and thread["parent_id"] == str(CHANNEL_ID)
    assert thread["thread_metadata"]["archived"] is False and thread["member_count"] >= 1
    assert (await api(standin, "GET", f"channels/{FORUM_ID}"))[1]["type"] == 15
    assert (await api(standin, "GET", f"channels/{FORUM_POST_ID}"))[1]["parent_id"] == str(FORUM_ID)
    assert await api(standin, "GET", "channels/1") == (404, {"message": "Unknown Channel", "code": 10003})


async def test_webhook_create_list_execute(standin: DiscordStandIn) -> None:
    hook = await new_hook(standin, avatar=AVATAR)
    assert hook["type"] == 1 and hook["token"] and hook["channel_id"] == str(CHANNEL_ID)
    assert hook["user"]["id"] == str(BOT_ID) and hook["application_id"] == str(APP_ID)
    assert standin.webhook_avatars[hook["id"]] == AVATAR and hook["avatar"]
    status, listed = await api(standin, "GET", f"channels/{CHANNEL_ID}/webhooks")
    assert status == 200 and [h["id"] for h in listed] == [hook["id"]]
    assert standin.webhooks_in(CHANNEL_ID) == listed

    body = {"content": "hello", "username": "Marlowe Quill (AI)", "avatar_url": "https://e.x/m.png",
            "embeds": [{"description": "a card"}], "allowed_mentions": {"parse": []}}
    status, message = await api(standin, "POST", execute(hook), body, params={"wait": "true"})
    assert status == 200 and message["webhook_id"] == hook["id"] and message["channel_id"] == str(CHANNEL_ID)
    assert message["author"] == {"id": hook["id"], "username": "Marlowe Quill (AI)", "avatar": None,
                                 "bot": True, "discriminator": "0000", "global_name": None}
    assert message["application_id"] == str(APP_ID) and message["embeds"][0]["description"] == "a card"
    assert standin.posted() == [message] == [standin.messages[message["id"]]]
    assert standin.avatar_url_of(message) == "https://e.x/m.png"
    # Without wait Discord answers 204 and nothing else; the name is the webhook's when none is given.
    assert await api(standin, "POST", execute(hook), {"content": "quiet"}) == (204, None)
    assert standin.posted()[-1]["author"]["username"] == "Persona relay"
    assert (await standin.wait_for_post(lambda m: m["content"] == "quiet", timeout=1))["content"] == "quiet"
    status, error = await api(standin, "POST", execute(hook), {"content": "x" * 2001})
    assert status == 400 and error["errors"]["content"]["_errors"][0]["code"] == "BASE_TYPE_MAX_LENGTH"
    # Interactive components need with_components (and an application's webhook); else ignored.
    row = [{"type": 1, "components": [{"type": 2, "style": 2, "label": "Another", "custom_id": "p:another"}]}]
    _, plain = await api(standin, "POST", execute(hook), {"content": "a", "components": row},
                         params={"wait": "1"})
    assert plain["components"] == []
    _, withc = await api(standin, "POST", execute(hook), {"content": "b", "components": row},
                         params={"wait": "1", "with_components": "1"})
    assert withc["components"] == row


async def test_threads_and_forums(standin: DiscordStandIn) -> None:
    hook = await new_hook(standin)
    status, message = await api(standin, "POST", execute(hook), {"content": "in the thread"},
                                params={"wait": "1", "thread_id": str(THREAD_ID)})
    assert status == 200 and message["channel_id"] == str(THREAD_ID)
    status, error = await api(standin, "POST", execute(hook), {"content": "x"},
                              params={"thread_id": str(FORUM_POST_ID)})  # another channel's thread
    assert status == 400 and error["code"] == 50035 and "thread_id" in error["errors"]
    status, error = await api(standin, "POST", f"channels/{THREAD_ID}/webhooks", {"name": "relay"})
    assert (status, error["code"]) == (400, 50024)  # threads have no webhooks of their own

    forum_hook = await new_hook(standin, FORUM_ID)
    status, error = await api(standin, "POST", execute(forum_hook), {"content": "x"})
    assert (status, error["code"]) == (400, 220001)
    _, in_post = await api(standin, "POST", execute(forum_hook), {"content": "reply"},
                           params={"wait": "1", "thread_id": str(FORUM_POST_ID)})
    assert in_post["channel_id"] == str(FORUM_POST_ID)
    _, starter = await api(standin, "POST", execute(forum_hook), {"content": "new", "thread_name": "A post"},
                           params={"wait": "1"})
    status, post = await api(standin, "GET", f"channels/{starter['channel_id']}")
    assert status == 200 and post["id"] == starter["id"] and post["parent_id"] == str(FORUM_ID)
    assert post["name"] == "A post"
    status, error = await api(standin, "POST", execute(hook), {"content": "x", "thread_name": "no"})
    assert (status, error["code"]) == (400, 220003)


async def test_deleted_webhook_limit_and_refused_names(standin: DiscordStandIn) -> None:
    hook = await new_hook(standin)
    standin.delete_webhook(hook["id"])
    assert await api(standin, "POST", execute(hook), {"content": "x"}) == (
        404, {"message": "Unknown Webhook", "code": 10015})

    foreign = standin.add_foreign_webhooks(CHANNEL_ID, 15)
    assert {h["user"]["id"] for h in foreign} == {str(FOREIGN_USER_ID)} and not foreign[0]["application_id"]
    status, error = await api(standin, "POST", f"channels/{CHANNEL_ID}/webhooks", {"name": "relay"})
    assert (status, error) == (400, {"message": "Maximum number of webhooks reached (15)", "code": 30007})

    status, error = await api(standin, "POST", f"channels/{FORUM_ID}/webhooks", {"name": "Clyde's relay"})
    assert status == 400 and error["code"] == 50035 and "name" in error["errors"]
    forum_hook = await new_hook(standin, FORUM_ID)
    for username in ("my DISCORD pal", "x" * 81):
        status, error = await api(standin, "POST", execute(forum_hook),
                                  {"content": "x", "username": username},
                                  params={"thread_id": str(FORUM_POST_ID)})
        assert status == 400 and error["errors"]["username"]["_errors"][0]["message"]


async def test_webhook_messages_are_fetched_edited_and_deleted(standin: DiscordStandIn) -> None:
    hook = await new_hook(standin)
    in_thread = {"thread_id": str(THREAD_ID)}
    _, message = await api(standin, "POST", execute(hook), {"content": "v1"},
                           params={"wait": "1", **in_thread})
    path = f"{execute(hook)}/messages/{message['id']}"
    # A thread's message is found only with thread_id, as on Discord.
    assert (await api(standin, "GET", path))[1]["code"] == 10008
    status, edited = await api(standin, "PATCH", path, {"content": "v2"}, params=in_thread)
    assert status == 200 and edited["content"] == "v2" and edited["edited_timestamp"]
    assert standin.messages[message["id"]]["content"] == "v2"
    assert (await api(standin, "GET", path, params=in_thread))[1]["content"] == "v2"
    assert await api(standin, "DELETE", path, params=in_thread) == (204, None)
    assert message["id"] not in standin.messages and standin.posted() == []
    assert (await api(standin, "GET", path, params=in_thread))[0] == 404


async def test_multipart_files_are_recorded_and_served(standin: DiscordStandIn) -> None:
    hook = await new_hook(standin)
    form = aiohttp.FormData(quote_fields=False)
    payload = {"content": "with a card", "attachments": [{"id": 0, "filename": "card.png"}]}
    form.add_field("payload_json", json.dumps(payload))
    form.add_field("files[0]", b"\x89PNG...", filename="card.png", content_type="application/octet-stream")
    status, message = await api(standin, "POST", execute(hook), params={"wait": "1"}, data=form)
    assert status == 200
    call = standin.calls[-1]
    assert call.files == {"card.png": b"\x89PNG..."} and call.answer == message
    [att] = message["attachments"]
    assert att["filename"] == "card.png" and att["size"] == 7
    async with aiohttp.ClientSession() as session, session.get(att["url"]) as response:
        assert await response.read() == b"\x89PNG..."


async def test_channel_messages_and_chosen_failures(standin: DiscordStandIn) -> None:
    status, message = await api(standin, "POST", f"channels/{THREAD_ID}/messages", {"content": "hi"})
    assert status == 200 and message["channel_id"] == str(THREAD_ID) and "webhook_id" not in message
    path = f"channels/{THREAD_ID}/messages/{message['id']}"
    assert (await api(standin, "GET", path))[1] == message
    assert await api(standin, "DELETE", path) == (204, None)
    assert (await api(standin, "GET", path))[1]["code"] == 10008
    assert (await api(standin, "POST", f"channels/{FORUM_ID}/messages", {"content": "x"}))[1]["code"] == 50008

    standin.fail("POST", f"channels/{CHANNEL_ID}/webhooks", 400, code=30007)
    standin.fail("GET", f"channels/{CHANNEL_ID}/webhooks", 403)
    assert (await api(standin, "POST", f"channels/{CHANNEL_ID}/webhooks", {"name": "r"}))[1] == {
        "message": "Maximum number of webhooks reached (15)", "code": 30007}
    assert await api(standin, "GET", f"channels/{CHANNEL_ID}/webhooks") == (
        403, {"message": "Missing Permissions", "code": 50013})
    standin.bot_permissions[CHANNEL_ID] = DEFAULT_APP_PERMISSIONS & ~MANAGE_WEBHOOKS
    assert (await api(standin, "POST", f"channels/{CHANNEL_ID}/webhooks", {"name": "r"}))[0] == 403


async def test_a_partial_discord_py_webhook_parses_every_answer(standin: DiscordStandIn,
                                                                pointed: None) -> None:
    hook = await new_hook(standin)
    async with aiohttp.ClientSession() as session:
        webhook = discord.Webhook.partial(int(hook["id"]), hook["token"], session=session)
        sent = await webhook.send("hello", username="Marlowe Quill (AI)", avatar_url="https://e.x/m.png",
                                  embed=discord.Embed(description="a card"), wait=True,
                                  file=discord.File(io.BytesIO(b"png"), "card.png"),
                                  allowed_mentions=discord.AllowedMentions.none())
        assert sent.webhook_id == int(hook["id"]) and sent.author.name == "Marlowe Quill (AI)"
        assert sent.embeds[0].description == "a card" and sent.attachments[0].filename == "card.png"
        assert standin.calls[-1].files == {"card.png": b"png"}
        thread = discord.Object(THREAD_ID)
        in_thread = await webhook.send("in the thread", thread=thread, wait=True)
        assert in_thread.channel.id == THREAD_ID
        edited = await webhook.edit_message(in_thread.id, content="edited", thread=thread)
        assert edited.content == "edited" and edited.edited_at is not None
        assert (await webhook.fetch_message(in_thread.id, thread=thread)).content == "edited"
        await webhook.delete_message(in_thread.id, thread=thread)
        with pytest.raises(discord.NotFound):
            await webhook.fetch_message(in_thread.id, thread=thread)
        with pytest.raises(discord.HTTPException) as refused:
            await webhook.send("x", username="Discord Official", wait=True)
        assert refused.value.status == 400 and "username" in refused.value.text
        standin.delete_webhook(hook["id"])
        with pytest.raises(discord.NotFound) as gone:
            await webhook.send("x", wait=True)
        assert gone.value.code == 10015


# --- a bare discord.py client on the stand-in's gateway -----------------------------------------------

class Ask(discord.ui.Modal, title="Ask the persona"):
    prompt = discord.ui.TextInput(label="Prompt", custom_id="ask:prompt")  # sent in an action row
    mood = discord.ui.Label(text="Mood", component=discord.ui.TextInput(custom_id="ask:mood", required=False))

    async def on_submit(self, interaction: discord.Interaction) -> None:
        mood = self.mood.component.value  # type: ignore[attr-defined]
        await interaction.response.send_message(f"asked: {self.prompt.value} ({mood})")


class Buttons(discord.ui.View):
    def __init__(self) -> None:
        super().__init__(timeout=None)

    @discord.ui.button(label="Another", custom_id="persona:another")
    async def another(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        await interaction.response.send_message("another one", ephemeral=True)

    @discord.ui.button(label="Think", custom_id="persona:think")
    async def think(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        await interaction.response.defer(thinking=True)
        await interaction.followup.send("thought about it")

    @discord.ui.button(label="Ask", custom_id="persona:ask")
    async def ask(self, interaction: discord.Interaction, _button: discord.ui.Button) -> None:
        await interaction.response.send_modal(Ask(custom_id="persona:ask-modal"))

    @discord.ui.select(custom_id="persona:pick", options=[discord.SelectOption(label="A", value="a"),
                                                          discord.SelectOption(label="B", value="b")])
    async def pick(self, interaction: discord.Interaction, select: discord.ui.Select) -> None:
        await interaction.response.edit_message(content=f"picked {select.values[0]}")


class Live:
    def __init__(self, standin: DiscordStandIn, client: discord.Client) -> None:
        self.standin = standin
        self.client = client
        self.seen: dict[int, discord.Interaction] = {}
        self.targets: list[discord.Message] = []
        self.webhook_updates: list[int] = []
        self.message: dict[str, Any] = {}  # the webhook post with Buttons, in THREAD_ID

    async def seen_for(self, interaction_id: str) -> discord.Interaction:
        await self.standin.wait_until(lambda: int(interaction_id) in self.seen, timeout=5)
        return self.seen[int(interaction_id)]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def live() -> AsyncIterator[Live]:
    standin = DiscordStandIn()
    await standin.start()
    saved = discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY
    discord.http.Route.BASE = standin.api_base_url
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(standin.gateway_url)
    client = discord.Client(intents=discord.Intents(guilds=True, webhooks=True))
    tree = app_commands.CommandTree(client)
    state = Live(standin, client)

    @tree.context_menu(name="Who asked?")
    async def who_asked(interaction: discord.Interaction, message: discord.Message) -> None:
        state.targets.append(message)
        await interaction.response.send_message(f"about {message.id}", ephemeral=True)

    @client.event
    async def on_interaction(interaction: discord.Interaction) -> None:
        state.seen[interaction.id] = interaction

    @client.event
    async def on_webhooks_update(channel: discord.abc.GuildChannel) -> None:
        state.webhook_updates.append(channel.id)

    try:
        await client.login("test-token")
        runner = asyncio.create_task(client.connect(reconnect=False))
        await asyncio.wait_for(client.wait_until_ready(), 10)
        yield state
        await client.close()
        await asyncio.wait_for(runner, 5)
    finally:
        discord.http.Route.BASE, discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = saved
        await standin.close()


async def test_the_bot_posts_buttons_through_its_webhook_into_a_thread(live: Live) -> None:
    channel = live.client.get_channel(CHANNEL_ID)
    assert isinstance(channel, discord.TextChannel)
    thread = live.client.get_channel(THREAD_ID)
    assert isinstance(thread, discord.Thread) and thread.parent_id == CHANNEL_ID
    assert isinstance(live.client.get_channel(FORUM_ID), discord.ForumChannel)
    assert channel.permissions_for(channel.guild.me).manage_webhooks  # the bot's role, as GUILD_CREATE says

    hook = await channel.create_webhook(name="Persona relay", avatar=PNG)
    assert hook.user is not None and hook.user.id == BOT_ID and hook.token
    await live.standin.wait_until(lambda: CHANNEL_ID in live.webhook_updates, timeout=5)
    assert [h.id for h in await channel.webhooks()] == [hook.id]
    assert (await live.client.fetch_channel(THREAD_ID)).parent_id == CHANNEL_ID  # type: ignore[union-attr]

    sent = await hook.send("hello", username="Marlowe Quill (AI)", view=Buttons(), thread=thread, wait=True,
                           allowed_mentions=discord.AllowedMentions.none())
    assert sent.channel.id == THREAD_ID and sent.webhook_id == hook.id
    live.message = live.standin.posted()[-1]
    assert live.message["id"] == str(sent.id) and live.message["components"]

    it = await live.standin.click(live.message, "persona:another")
    reply = await live.standin.reply_to(it)
    assert reply.body["type"] == 4 and reply.body["data"]["content"] == "another one"
    seen = await live.seen_for(it.id)
    assert seen.message is not None and seen.message.id == sent.id
    assert seen.data is not None and seen.data["custom_id"] == "persona:another"
    assert isinstance(seen.channel, discord.Thread) and seen.channel.parent_id == CHANNEL_ID
    assert seen.app_permissions.manage_webhooks and seen.app_permissions.send_messages_in_threads
    original = live.standin.original_message(it)
    assert original is not None and original["content"] == "another one" and original["flags"] & 64
    assert original["interaction_metadata"]["interacted_message_id"] == str(sent.id)
    with pytest.raises(ValueError, match="no button"):
        await live.standin.click(live.message, "persona:nothing")


async def test_a_deferred_click_is_filled_by_its_follow_up(live: Live) -> None:
    it = await live.standin.click(live.message, "persona:think")
    follow_up = await live.standin.reply_to(it)
    original = await live.standin.wait_for_original(it, timeout=5)
    assert follow_up.answer["id"] == original["id"]  # the first follow-up fills "thinking…"
    assert original["content"] == "thought about it" and not original["flags"] & 128  # no longer loading


async def test_a_select_updates_its_message(live: Live) -> None:
    it = await live.standin.choose(live.message, "persona:pick", ["b"])
    reply = await live.standin.reply_to(it)
    assert reply.body["type"] == 7
    assert live.standin.messages[live.message["id"]]["content"] == "picked b"
    assert live.standin.original_message(it) is live.standin.messages[live.message["id"]]
    with pytest.raises(ValueError, match="not options"):
        await live.standin.choose(live.message, "persona:pick", ["z"])


async def test_a_modal_is_shown_then_submitted(live: Live) -> None:
    it = await live.standin.click(live.message, "persona:ask")
    await live.standin.wait_for(lambda c: it.matches(c) and c.body.get("type") == 9, timeout=5)
    modal = live.standin.modal_for(it)
    assert modal is not None and modal["custom_id"] == "persona:ask-modal"
    fields = {"ask:prompt": "why?", "ask:mood": "calm"}
    submitted = await live.standin.submit_modal("persona:ask-modal", fields)
    # Mirrored as shown: the bare input in an action row, the labelled one as a Label's component.
    assert [c["type"] for c in submitted.payload["data"]["components"]] == [1, 18]
    assert submitted.payload["message"]["id"] == live.message["id"]  # opened from that message's button
    reply = await live.standin.reply_to(submitted)
    assert reply.body["data"]["content"] == "asked: why? (calm)"


async def test_a_message_context_menu_resolves_its_message(live: Live) -> None:
    it = await live.standin.context_menu("Who asked?", live.message)
    reply = await live.standin.reply_to(it)
    assert reply.body["data"]["content"] == f"about {live.message['id']}"
    target = live.targets[-1]
    assert target.id == int(live.message["id"]) and target.channel.id == THREAD_ID
    assert target.webhook_id is not None and target.author.name == "Marlowe Quill (AI)"
    seen = await live.seen_for(it.id)
    assert seen.type is discord.InteractionType.application_command
    assert isinstance(seen.channel, discord.Thread)
    original = live.standin.original_message(it)
    assert original is not None
    assert original["interaction_metadata"]["target_message_id"] == live.message["id"]


async def test_app_permissions_follow_the_channel_and_the_context(live: Live) -> None:
    standin = live.standin
    standin.bot_permissions[CHANNEL_ID] = DEFAULT_APP_PERMISSIONS & ~MANAGE_WEBHOOKS
    try:
        it = await standin.context_menu("Who asked?", live.message, channel_id=CHANNEL_ID)
        assert not (await live.seen_for(it.id)).app_permissions.manage_webhooks
        channel = live.client.get_channel(CHANNEL_ID)
        with pytest.raises(discord.Forbidden):
            await channel.create_webhook(name="relay")  # type: ignore[union-attr]
    finally:
        del standin.bot_permissions[CHANNEL_ID]
    it = await standin.context_menu("Who asked?", live.message, where="dm")
    seen = await live.seen_for(it.id)
    assert seen.app_permissions.value == DM_APP_PERMISSIONS and isinstance(seen.channel, discord.DMChannel)


async def test_a_forum_post_made_by_a_webhook(live: Live) -> None:
    forum = live.client.get_channel(FORUM_ID)
    assert isinstance(forum, discord.ForumChannel)
    hook = await forum.create_webhook(name="Persona relay")
    started = await hook.send("a new post", thread_name="Marlowe's thoughts", wait=True)
    await live.standin.wait_until(lambda: live.client.get_channel(started.channel.id) is not None, timeout=5)
    post = live.client.get_channel(started.channel.id)
    assert isinstance(post, discord.Thread) and post.parent_id == FORUM_ID and post.id == started.id
    reply = await hook.send("in the post", thread=discord.Object(FORUM_POST_ID), wait=True)
    assert reply.channel.id == FORUM_POST_ID
    with pytest.raises(discord.HTTPException) as refused:
        await hook.send("nowhere", wait=True)
    assert refused.value.code == 220001


async def test_a_moderator_deleting_the_webhook_is_seen(live: Live) -> None:
    channel = live.client.get_channel(CHANNEL_ID)
    [hook] = await channel.webhooks()  # type: ignore[union-attr]
    live.webhook_updates.clear()
    live.standin.delete_webhook(hook.id)
    await live.standin.wait_until(lambda: CHANNEL_ID in live.webhook_updates, timeout=5)
    with pytest.raises(discord.NotFound) as gone:
        await hook.send("x", wait=True)
    assert gone.value.code == 10015


# --- the gateway in shards, as Discord routes it ---------------------------------------------------

SHARD0_GUILD_ID = GUILD_ID + (1 << 22)  # GUILD_ID itself lands on shard 1 of 2


async def identify(session: aiohttp.ClientSession, standin: DiscordStandIn,
                   shard: list[int] | None) -> aiohttp.ClientWebSocketResponse:
    """A bare gateway connection (HELLO read) that sent IDENTIFY, with `shard` if given."""
    ws = await session.ws_connect(standin.gateway_url)
    assert (await ws.receive_json())["op"] == 10
    await ws.send_json({"op": 2, "d": {"token": "test-token", "intents": 513,
                                       **({"shard": shard} if shard is not None else {})}})
    return ws


async def events(ws: aiohttp.ClientWebSocketResponse, n: int) -> list[tuple[str, dict[str, Any]]]:
    """The next `n` dispatches on `ws`, then nothing more for a moment."""
    got = [await asyncio.wait_for(ws.receive_json(), 5) for _ in range(n)]
    with pytest.raises(TimeoutError):
        await asyncio.wait_for(ws.receive_json(), 0.2)
    return [(e["t"], e["d"]) for e in got]


async def test_events_go_only_to_the_connection_holding_their_guilds_shard() -> None:
    assert (shard_of(SHARD0_GUILD_ID, 2), shard_of(GUILD_ID, 2)) == (0, 1)
    standin = DiscordStandIn(shards=2)
    channel0 = standin.add_guild(SHARD0_GUILD_ID)
    await standin.start()
    try:
        assert (await api(standin, "GET", "gateway/bot"))[1]["shards"] == 2
        async with aiohttp.ClientSession() as session:
            ws0, ws1 = await identify(session, standin, [0, 2]), await identify(session, standin, [1, 2])
            # Each connection is told of its own shard's guild only (with that guild's channels).
            for ws, shard, guild, channel in ((ws0, 0, SHARD0_GUILD_ID, channel0),
                                              (ws1, 1, GUILD_ID, CHANNEL_ID)):
                (ready, r), (created, g) = await events(ws, 2)
                assert (ready, r["shard"]) == ("READY", [shard, 2])
                assert r["guilds"] == [{"id": str(guild), "unavailable": True}]
                assert (created, g["id"]) == ("GUILD_CREATE", str(guild))
                assert str(channel) in [c["id"] for c in g["channels"]]
            it0 = await standin.interact("help", guild_id=SHARD0_GUILD_ID, channel_id=channel0)
            it1 = await standin.interact("help")
            dm = await standin.interact("help", where="dm")
            assert (it0.shard, it1.shard, dm.shard) == (0, 1, 0)
            assert [d["id"] for _, d in await events(ws0, 2)] == [it0.id, dm.id]  # DMs: shard 0
            assert [d["id"] for _, d in await events(ws1, 1)] == [it1.id]
            assert standin.connection_of(1).events[-1] == ("INTERACTION_CREATE", GUILD_ID)  # type: ignore[union-attr]
            await ws1.close()
            await standin.wait_until(lambda: standin.connection_of(1) is None, timeout=5)
            with pytest.raises(AssertionError, match="no gateway connection holds"):
                await standin.interact("help")  # nobody holds shard 1 now: Discord would not deliver it
            await ws0.close()
    finally:
        await standin.close()


async def test_identify_without_a_shard_is_shard_0_of_1_and_a_bad_shard_is_refused() -> None:
    standin = DiscordStandIn()
    await standin.start()
    try:
        async with aiohttp.ClientSession() as session:
            ws = await identify(session, standin, None)
            (_, ready), (_, guild) = await events(ws, 2)
            assert "shard" not in ready and guild["id"] == str(GUILD_ID)
            assert standin.connections[-1].shard == (0, 1)
            assert (await standin.interact("help", where="dm")).shard == 0
            await ws.close()
            ws = await identify(session, standin, [2, 2])
            assert (await ws.receive()).type == aiohttp.WSMsgType.CLOSE and ws.close_code == 4010
            assert standin.identifies == 1
    finally:
        await standin.close()
