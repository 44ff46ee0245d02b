"""Issue 22: a persona's scope holds wherever a persona is named, listed or used, end to end: the real
bot (discord.py client, command tree, pool, message record) against the Discord stand-in, in two
servers that installed it (A and B, both in `guild_ids`), in DMs, and where only the user installed
the app (an interaction in server A whose `authorizing_integration_owners` lack the server, which
`bot.discord_io.caller_of` takes for no server).

Three personas: `pub` (no servers: everywhere), `a_one` (server A only) and `b_one` (server B only,
imitating the member U). A persona not usable where it is named is answered exactly as a name that never
existed (`twin`: the same name with another first letter, as close to the others), and no list, menu
or suggestion names it. Cards are embeds (`reply_style = "embed"`); the webhook path is the same
code after the checks (test_discord_presence.py).

Every surface is walked by a test marked `@walks(surface)`; the last tests check that the surfaces
walked are exactly those the declarations give (each command with a persona option, each message
menu, each button of a persona message) plus /persona list and mentions, so a surface added later
without a walker fails here.
"""

from __future__ import annotations

import asyncio
import functools
import json
import os
import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable, Coroutine
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from helpers.checkpoints import make_checkpoint
from helpers.discord_bot import standin_config
from helpers.standin import (
    BOT_ID,
    CHANNEL_ID,
    EPHEMERAL,
    GUILD_ID,
    OWNER_ID,
    Call,
    DiscordStandIn,
    Interaction,
    user_payload,
)

from bot.command_set import BY_NAME, COMMANDS, MESSAGE_COMMANDS, Command
from bot.config import load_config
from bot.discord_bot import RunningBot, running_bot
from bot.output import quote_user
from bot.presence import BUTTONS

pytestmark = pytest.mark.asyncio(loop_scope="module")

A = GUILD_ID
B = 720000000000000002
U = 900000000000000901  # whom b_one imitates
STRANGER = 900000000000000902
POSTER = 900000000000000903  # asks for the persona messages whose buttons are pressed
ADMIN = OWNER_ID  # the application's owner: an admin in every server
PERSONAS = ("a_one", "b_one", "pub")
SHOWN = {"pub": "Pub Lick", "a_one": "Alpha One", "b_one": "Bravo One"}
NUMBERED = {"a_one", "b_one"}  # the personas "one" finds
NO_RECORD = "⚠️ I have no record of that message: it is not a persona's, or older than 30 days."
UNKNOWN = re.compile(r"⚠️ No persona named '(?P<name>[^']*)'\.(?: Did you mean (?P<hint>[^?]+)\?)?")

# --- what is walked --------------------------------------------------------------------------------

WALKERS: dict[str, list[str]] = {}  # surface → the tests that walk it
WALKED: set[str] = set()  # the surfaces whose walk ran to its end in this session

Test = Callable[..., Coroutine[Any, Any, None]]


def walks(*surfaces: str) -> Callable[[Test], Test]:
    """Mark a test as the walk of `surfaces`: registered at import, recorded as walked once it passes."""
    def mark(test: Test) -> Test:
        for surface in surfaces:
            WALKERS.setdefault(surface, []).append(test.__name__)

        @functools.wraps(test)
        async def walk(*args: Any, **kwargs: Any) -> None:
            await test(*args, **kwargs)
            WALKED.update(surfaces)
        return walk
    return mark


def declared_surfaces() -> set[str]:
    """Where a persona is named, listed or used, from the declarations: each Discord command with a
    persona option, each message menu, each button on a persona message; plus /persona list (it lists
    them, with no persona option) and a message that mentions the bot (no declaration)."""
    named = {c.name for c in COMMANDS if "discord" in c.where and any(o.personas for o in c.options)}
    return named | {m.name for m in MESSAGE_COMMANDS} | set(BUTTONS) | {"persona list", "mention"}


# --- the places, and who is there ------------------------------------------------------------------

@dataclass(frozen=True)
class Place:
    label: str
    user: int
    context: dict[str, Any]  # the interaction's place: guild_id, where, channel_id
    visible: frozenset[str]

    @property
    def kw(self) -> dict[str, Any]:
        return {"user_id": self.user, **self.context}

    @property
    def hidden(self) -> list[str]:
        return [p for p in PERSONAS if p not in self.visible]

    @property
    def channel_id(self) -> int:
        return int(self.context["channel_id"])

    @property
    def guild_id(self) -> int | None:
        return self.context.get("guild_id") if self.context.get("where", "guild") == "guild" else None


@dataclass
class Env:
    standin: DiscordStandIn
    bot: RunningBot
    models: Path
    channel_b: int
    places: list[Place]  # everyone's views, admins' in `admins`
    admins: list[Place]

    def place(self, label: str) -> Place:
        return next(p for p in self.places + self.admins if p.label == label)

    @property
    def elsewhere(self) -> list[Place]:
        """The places that are not server A (where the persona messages of the follow-up tests are),
        user-installed contexts left out (their interactions carry A's id: the message is there)."""
        return [p for p in self.places if p.context.get("guild_id") != A]


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def env(tmp_path_factory: pytest.TempPathFactory) -> AsyncIterator[Env]:
    folder = tmp_path_factory.mktemp("scope")
    models = folder / "models"
    make_checkpoint(models, "pub", SHOWN["pub"], seed=1)
    make_checkpoint(models, "a_one", SHOWN["a_one"], seed=2, servers=[A])
    make_checkpoint(models, "b_one", SHOWN["b_one"], seed=3, servers=[B], subject=U)
    standin = DiscordStandIn(heartbeat_interval_ms=500)
    channel_b = standin.add_guild(B, "b-general")
    in_a = {"guild_id": A, "channel_id": CHANNEL_ID}
    in_b = {"guild_id": B, "channel_id": channel_b}
    user_installed = {"where": "user_install", "guild_id": A, "channel_id": CHANNEL_ID}
    both_a, both_b = frozenset({"pub", "a_one"}), frozenset({"pub", "b_one"})
    places = [
        Place("server A", STRANGER, in_a, both_a),
        Place("server A, U", U, in_a, both_a),  # b_one is U's, but of server B
        Place("server B", STRANGER, in_b, both_b),
        Place("server B, U", U, in_b, both_b),
        Place("DM of U", U, {"where": "dm", "channel_id": standin.open_dm(U)}, both_b),
        Place("DM of a stranger", STRANGER, {"where": "dm", "channel_id": standin.open_dm(STRANGER)},
              frozenset({"pub"})),
        Place("user-installed in A, U", U, user_installed, both_b),
        Place("user-installed in A, a stranger", STRANGER, user_installed, frozenset({"pub"})),
    ]
    admins = [Place("server A, admin", ADMIN, in_a, both_a), Place("server B, admin", ADMIN, in_b, both_b)]
    await standin.start()
    cfg_path = standin_config(folder, standin, gateway=True, guild_ids=[A, B], reply_style="embed")
    async with running_bot(load_config(cfg_path), "test-token", cfg_path) as bot:
        await standin.wait_until(lambda: bot.client.is_ready() and ADMIN in bot.commands.owner_ids)
        yield Env(standin, bot, models, channel_b, places, admins)
    await standin.close()


# --- answers --------------------------------------------------------------------------------------

def twin(name: str) -> str:
    """A name that never existed, as close to the other personas as `name` is."""
    return "z" + name[1:]


async def immediate(env: Env, it: Interaction) -> str:
    """The answer given at once and only to the asker (a refusal, a confirmation): its text."""
    call = await env.standin.reply_to(it)
    assert call.path.endswith("/callback") and call.body["type"] == 4, (call.path, call.body)
    assert call.body["data"]["flags"] & EPHEMERAL
    return call.body["data"]["content"]


def assert_unknown(text: str, name: str, place: Place) -> None:
    """`text` is the answer to an unknown persona `name`, suggesting only what `place` may see."""
    found = UNKNOWN.fullmatch(text)
    assert found is not None and found["name"] == quote_user(name), (place.label, text)
    hint = set(found["hint"].split(", ")) if found["hint"] else set()
    assert name not in hint and hint <= place.visible, (place.label, text)


async def unknown_as_never(ask: Callable[[str], Awaitable[str]], name: str, place: Place) -> None:
    """Asked about `name` (not usable at `place`), the answer is the one a name that never existed
    gets, and it suggests nothing `place` may not see."""
    text = await ask(name)
    never = await ask(twin(name))
    assert text == never.replace(quote_user(twin(name)), quote_user(name)), (place.label, text, never)
    assert_unknown(text, name, place)


def named(name: str, value: str) -> dict[str, Any]:
    return {"name": name, "type": 3, "value": value}


def persona_option(command: Command) -> str:
    return next(o.name for o in command.options if o.personas)


async def card_of(env: Env, it: Interaction) -> dict[str, Any]:
    """The card posted for `it` (an embed in the deferred message), once the bot has recorded it."""
    card = await env.standin.wait_for_original(it, lambda m: bool(m["embeds"]))
    messages = env.bot.commands.messages
    await env.standin.wait_until(lambda: messages.get(int(card["id"])) is not None, 10)
    return card


def author_of(card: dict[str, Any]) -> str:
    return card["embeds"][0]["author"]["name"]


def by(name: str) -> str:
    """A card's author line for persona `name`."""
    return f"{SHOWN[name]} (AI) @{name}"


def flat(components: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [c for row in components for c in row.get("components", [row])]


def offered_in(message: dict[str, Any]) -> list[str]:
    """The personas a picker message (or a callback's data) offers in its select menu."""
    return [o["value"] for c in flat(message.get("components") or []) if c["type"] == 3 for o in c["options"]]


def component_id(message: dict[str, Any], kind: int) -> str:
    return next(c["custom_id"] for c in flat(message["components"]) if c["type"] == kind)


async def check_autocomplete(env: Env, command_name: str) -> None:
    """The command's persona option suggests, in every place, exactly the personas usable there."""
    command = BY_NAME[command_name]
    option = persona_option(command)

    async def offered(place: Place, typed: str) -> list[str]:
        it = await env.standin.interact(command.name, [{**named(option, typed), "focused": True}],
                                        autocomplete=True, **place.kw)
        call = await env.standin.wait_for(it.matches, 10)
        assert call.body["type"] == 8
        choices = call.body["data"]["choices"]
        assert all(c["name"] == c["value"] for c in choices)
        return [c["value"] for c in choices]

    for place in env.places:
        assert await offered(place, "") == sorted(place.visible), (command.name, place.label)
        assert await offered(place, "one") == sorted(place.visible & NUMBERED), (command.name, place.label)
        for name in place.hidden:
            got = await offered(place, name)
            assert name not in got and set(got) <= place.visible, (command.name, place.label, got)


def stored_message(env: Env, place: Place, content: str, author: int,
                   components: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """A message that exists at `place` without the bot having been told of it."""
    body: dict[str, Any] = {"content": content}
    if components:
        body["components"] = components
    return env.standin._store(env.standin._message(body, channel_id=place.channel_id,
                                                   author=user_payload(author)))


async def post_in_a(env: Env, name: str) -> dict[str, Any]:
    """A card of `name` in server A, asked for by POSTER."""
    it = await env.standin.interact("imitate", [named("persona", name)], user_id=POSTER, guild_id=A)
    card = await card_of(env, it)
    assert author_of(card) == by(name)
    return card


# --- slash commands --------------------------------------------------------------------------------

@walks("imitate")
async def test_imitate_serves_only_the_personas_of_the_place(env: Env) -> None:
    await check_autocomplete(env, "imitate")
    for place in env.places:
        async def ask(name: str, place: Place = place) -> str:
            return await immediate(env, await env.standin.interact("imitate", [named("persona", name)],
                                                                   **place.kw))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):
            it = await env.standin.interact("imitate", [named("persona", name)], **place.kw)
            assert author_of(await card_of(env, it)) == by(name), place.label


@walks("persona list")
async def test_persona_list_lists_and_counts_only_the_personas_of_the_place(env: Env) -> None:
    for place in env.places:
        for sort in ("name", "voice"):
            it = await env.standin.interact("persona list", [named("sort", sort)], **place.kw)
            text = (await env.standin.reply_to(it)).body["data"]["content"]
            n = len(place.visible)
            assert text.splitlines()[0] == f"**{n} persona{'' if n == 1 else 's'}**", (place.label, text)
            assert sorted(re.findall(r"^• `([^`]+)`", text, re.MULTILINE)) == sorted(place.visible), text


@walks("persona info")
async def test_persona_info_shows_only_the_personas_of_the_place(env: Env) -> None:
    await check_autocomplete(env, "persona info")
    for place in env.places:
        async def ask(name: str, place: Place = place) -> str:
            return await immediate(env, await env.standin.interact("persona info", [named("name", name)],
                                                                   **place.kw))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):
            it = await env.standin.interact("persona info", [named("name", name)], **place.kw)
            data = (await env.standin.reply_to(it)).body["data"]
            assert f"(`{name}`)" in data["content"] and not data.get("flags", 0) & EPHEMERAL, place.label


@walks("persona usage")
async def test_persona_usage_only_of_a_persona_of_the_place(env: Env) -> None:
    await check_autocomplete(env, "persona usage")
    for place in env.places:
        async def ask(name: str, place: Place = place) -> str:
            return await immediate(env, await env.standin.interact("persona usage", [named("name", name)],
                                                                   **place.kw))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):
            if place.user == U and name == "b_one":  # its subject, where it is usable: deferred, then shown
                it = await env.standin.interact("persona usage", [named("name", name)], **place.kw)
                answer = await env.standin.reply_to(it)
                assert answer.path.startswith("webhooks/") and answer.body["flags"] & EPHEMERAL
                text = answer.body["content"]
                assert re.match(r"(Nobody has asked|Newest \d+ requests? to) `b_one`", text), place.label
            else:
                assert await ask(name) == ("⚠️ Only the person a persona imitates, or whoever made it, can "
                                           "see who asked it for what."), (place.label, name)


@walks("persona forget")
async def test_persona_forget_only_of_a_persona_of_the_place(env: Env) -> None:
    await check_autocomplete(env, "persona forget")
    confirmations: dict[str, dict[str, Any]] = {}
    for place in env.places + env.admins:
        async def ask(name: str, place: Place = place) -> str:
            return await immediate(env, await env.standin.interact("persona forget", [named("name", name)],
                                                                   **place.kw))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):
            it = await env.standin.interact("persona forget", [named("name", name)], **place.kw)
            text = await immediate(env, it)
            if place.user == ADMIN or (place.user == U and name == "b_one"):
                assert text.startswith(f"This forgets `{name}` completely"), (place.label, text)
                confirmations[f"{place.label}/{name}"] = env.standin.original_message(it) or {}
            else:
                assert text == ("⚠️ Only the person a persona imitates, whoever made it, or an admin of its "
                                "server can have it forgotten."), (place.label, name, text)
    # The confirmation is checked again at the click: pressed from server A, b_one is unknown there.
    for label, user in (("server B, U/b_one", U), ("server B, admin/b_one", ADMIN)):
        click = await env.standin.click(confirmations[label], "persona:forget:b_one", user_id=user,
                                        guild_id=A, channel_id=CHANNEL_ID)
        assert_unknown(await immediate(env, click), "b_one", env.place("server A"))
    assert env.bot.commands.registry.get("b_one") is not None


@walks("persona remove")
async def test_persona_remove_only_of_a_persona_of_the_place(env: Env) -> None:
    await check_autocomplete(env, "persona remove")
    for place in env.places:  # not an admin, or not in a server: one answer whatever the name
        answers = {await immediate(env, await env.standin.interact("persona remove", [named("name", name)],
                                                                   **place.kw))
                   for name in (*PERSONAS, "z_one")}
        assert len(answers) == 1 and "No persona" not in answers.pop(), place.label
    confirmation: dict[str, Any] = {}
    for place in env.admins:
        async def ask(name: str, place: Place = place) -> str:
            return await immediate(env, await env.standin.interact("persona remove", [named("name", name)],
                                                                   **place.kw))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):
            it = await env.standin.interact("persona remove", [named("name", name)], **place.kw)
            text = await immediate(env, it)
            assert text == f"This deletes `{name}` and the record of its messages.", (place.label, text)
            if place.label == "server B, admin" and name == "b_one":
                confirmation = env.standin.original_message(it) or {}
    click = await env.standin.click(confirmation, "persona:remove:b_one", user_id=ADMIN, guild_id=A,
                                    channel_id=CHANNEL_ID)
    assert_unknown(await immediate(env, click), "b_one", env.place("server A, admin"))
    assert env.bot.commands.registry.get("b_one") is not None


@walks("persona avatar")
async def test_persona_avatar_only_of_a_persona_of_the_place(env: Env) -> None:
    await check_autocomplete(env, "persona avatar")
    standin = env.standin

    async def avatar(name: str, place: Place) -> Interaction:
        att = standin.attachment("face.png", b"not a picture")
        return await standin.interact("persona avatar", [named("name", name),
                                                         {"name": "image", "type": 11, "value": att["id"]}],
                                      resolved={"attachments": {att["id"]: att}}, **place.kw)

    for place in env.places:  # not an admin, or not in a server: one answer whatever the name
        answers = {await immediate(env, await avatar(name, place)) for name in (*PERSONAS, "z_one")}
        assert len(answers) == 1 and "No persona" not in answers.pop(), place.label
    for place in env.admins:
        async def ask(name: str, place: Place = place) -> str:
            return await immediate(env, await avatar(name, place))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):  # past the checks: the picture itself is refused
            answer = await standin.reply_to(await avatar(name, place))
            assert answer.path.startswith("webhooks/"), (place.label, name)  # deferred first
            assert "No persona" not in answer.body["content"] and "picture" in answer.body["content"]


# --- the message menus ------------------------------------------------------------------------------

@walks("Reply as persona…")
async def test_reply_as_persona_offers_and_serves_only_the_personas_of_the_place(env: Env) -> None:
    standin = env.standin
    for place in env.places:
        author = place.user if place.context.get("where") == "dm" else POSTER
        said = stored_message(env, place, f"What do you think, {place.label}?", author)
        it = await standin.context_menu("Reply as persona…", said, **place.kw)
        menu = await standin.wait_for_original(it)
        assert menu["content"] == "Which persona answers this message?" and menu["flags"] & EPHEMERAL
        assert offered_in(menu) == sorted(place.visible), place.label
        select = component_id(menu, 3)

        async def ask(name: str, place: Place = place, menu: dict[str, Any] = menu,
                      select: str = select) -> str:  # a value the menu never offered: a modified client
            return await immediate(env, await standin.choose(menu, select, [name], crafted=True, **place.kw))
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        chosen = await standin.choose(menu, select, ["pub"], **place.kw)
        assert author_of(await card_of(env, chosen)) == by("pub"), place.label

        # The search: its results are among the personas of the place too.
        searches = [("one", sorted(place.visible & NUMBERED)), *((h, None) for h in place.hidden)]
        for typed, expected in searches:
            current = standin.original_message(it) or menu
            opened = await standin.click(current, component_id(current, 2), **place.kw)
            await standin.wait_until(lambda opened=opened: standin.modal_for(opened) is not None, 10)
            modal = standin.modal_for(opened) or {}
            field = next(c["custom_id"] for c in flat(modal["components"]) if c.get("type") == 4) \
                if modal["components"][0]["type"] == 1 else modal["components"][0]["component"]["custom_id"]
            submitted = await standin.submit_modal(modal["custom_id"], {field: typed}, message=current,
                                                   **place.kw)
            update = await standin.reply_to(submitted)
            assert update.body["type"] == 7
            found = offered_in(update.body["data"])
            if expected is not None:
                assert found == expected, (place.label, typed, found)
            else:
                assert typed not in found and set(found) <= place.visible, (place.label, typed, found)
            if not found:
                assert update.body["data"]["content"].startswith("No persona matches"), place.label


@walks("Who asked?")
async def test_who_asked_has_no_record_of_a_message_elsewhere(env: Env) -> None:
    standin = env.standin
    card = await post_in_a(env, "a_one")
    here = await standin.context_menu("Who asked?", card, user_id=STRANGER, guild_id=A)
    assert "`/imitate a_one`" in (await standin.reply_to(here)).body["data"]["content"]
    crafted = Place("server B, A's channel id", STRANGER, {"guild_id": B, "channel_id": CHANNEL_ID},
                    env.place("server B").visible)
    for place in [*env.elsewhere, crafted]:
        plain = stored_message(env, place, "no persona's", POSTER)
        never = await immediate(env, await standin.context_menu("Who asked?", plain, **place.kw))
        text = await immediate(env, await standin.context_menu("Who asked?", card, **place.kw))
        assert text == never == NO_RECORD, (place.label, text)


# --- the buttons on a persona message ---------------------------------------------------------------

@walks("another", "continue", "delete")
async def test_buttons_have_no_record_of_a_message_elsewhere(env: Env) -> None:
    standin = env.standin
    card = await post_in_a(env, "a_one")
    crafted = Place("server B, A's channel id", STRANGER, {"guild_id": B, "channel_id": CHANNEL_ID},
                    env.place("server B").visible)
    for place in [*env.elsewhere, crafted]:
        plain = stored_message(env, place, "a card of no record", POSTER, card["components"])
        for action in ("another", "continue", "delete"):
            never = await immediate(env, await standin.click(plain, f"persona:{action}", **place.kw))
            text = await immediate(env, await standin.click(card, f"persona:{action}", **place.kw))
            assert text == never == NO_RECORD, (place.label, action, text)
    # Where only the user installed the app, the message is found (it is there), but not its persona.
    for label in ("user-installed in A, U", "user-installed in A, a stranger"):
        place = env.place(label)
        for action in ("another", "continue"):
            assert_unknown(await immediate(env, await standin.click(card, f"persona:{action}", **place.kw)),
                           "a_one", place)
    # In server A they work.
    for action in ("another", "continue"):
        click = await standin.click(card, f"persona:{action}", user_id=STRANGER, guild_id=A)
        assert author_of(await card_of(env, click)) == by("a_one")
    click = await standin.click(card, "persona:delete", user_id=POSTER, guild_id=A)
    await standin.wait_until(lambda: card["id"] in standin.deleted, 10)
    assert env.bot.commands.messages.get(int(card["id"])) is None and standin.calls_for(click)


async def listed_and_offered(env: Env, place: Place) -> tuple[list[str], list[str]]:
    """What /persona list lists at `place`, and what /imitate's autocomplete offers for "sh"."""
    listing = await env.standin.interact("persona list", [], **place.kw)
    text = (await env.standin.reply_to(listing)).body["data"]["content"]
    it = await env.standin.interact("imitate", [{**named("persona", "sh"), "focused": True}],
                                    autocomplete=True, **place.kw)
    choices = (await env.standin.wait_for(it.matches, 10)).body["data"]["choices"]
    return sorted(re.findall(r"^• `([^`]+)`", text, re.MULTILINE)), [c["value"] for c in choices]


@walks("another", "continue", "mention", "Reply as persona…", "persona list")
async def test_a_persona_moved_to_another_server_is_refused_on_its_old_messages(env: Env) -> None:
    """`shifty`, of server A, posts there; then its persona.json says servers [B] (the registry
    rescans): in A its old message's buttons, the replies to it and a menu opened before refuse it as
    unknown, as /imitate does, and the lists drop it; in B it is offered."""
    standin, commands = env.standin, env.bot.commands
    here, there = env.place("server A"), env.place("server B")
    folder = make_checkpoint(env.models, "shifty", "Shifty", seed=4, servers=[A])
    try:
        await commands.pool.refresh()
        it = await standin.interact("imitate", [named("persona", "shifty")], user_id=POSTER, guild_id=A)
        card = await card_of(env, it)
        assert author_of(card) == "Shifty (AI) @shifty"
        assert await listed_and_offered(env, here) == (["a_one", "pub", "shifty"], ["shifty"])
        assert await listed_and_offered(env, there) == (["b_one", "pub"], [])
        said = stored_message(env, here, "Who will answer this?", POSTER)
        menu_it = await standin.context_menu("Reply as persona…", said, **here.kw)
        menu = await standin.wait_for_original(menu_it)
        assert offered_in(menu) == ["a_one", "pub", "shifty"]

        meta = folder / "persona.json"
        data = json.loads(meta.read_text())
        data["servers"] = [B]
        mtime = meta.stat().st_mtime_ns + 1_000_000_000
        fresh = folder / "persona.json.new"
        fresh.write_text(json.dumps(data))
        os.replace(fresh, meta)
        os.utime(meta, ns=(mtime, mtime))
        await commands.pool.refresh()
        entry = commands.registry.get("shifty")
        assert entry is not None and entry.meta.servers == [B]
        assert await listed_and_offered(env, here) == (["a_one", "pub"], [])
        assert await listed_and_offered(env, there) == (["b_one", "pub", "shifty"], ["shifty"])

        for action in ("another", "continue"):
            click = await standin.click(card, f"persona:{action}", user_id=STRANGER, guild_id=A)
            assert_unknown(await immediate(env, click), "shifty", here)
        # The menu opened before offered it: chosen now, it is refused.
        chosen = await standin.choose(menu, component_id(menu, 3), ["shifty"], **here.kw)
        assert_unknown(await immediate(env, chosen), "shifty", here)
        # Replies that mention the bot: the persona answering (text), or continuing (a bare mention).
        for text in (f"<@{BOT_ID}> are you still there?", f"<@{BOT_ID}>"):
            said = await standin.say(text, user_id=STRANGER, reference_message=card)
            assert_unknown((await bot_reply(env, said)).body["content"], "shifty", here)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        await commands.pool.refresh()
    assert commands.registry.get("shifty") is None


# --- messages that mention the bot --------------------------------------------------------------------

def replies_to(standin: DiscordStandIn, message: dict[str, Any]) -> list[Call]:
    """The bot's messages posted as native replies to `message`."""
    return [c for c in standin.calls if c.method == "POST" and c.path.startswith("channels/")
            and c.status == 200 and str(((c.body or {}).get("message_reference") or {}).get("message_id"))
            == message["id"]]


async def bot_reply(env: Env, said: dict[str, Any]) -> Call:
    await env.standin.wait_until(lambda: replies_to(env.standin, said), 20)
    [call] = replies_to(env.standin, said)
    return call


def card_author(call: Call) -> str | None:
    embeds = (call.body or {}).get("embeds") or []
    return embeds[0]["author"]["name"] if embeds else None


@walks("mention")
async def test_a_mention_serves_only_the_personas_of_the_place(env: Env) -> None:
    standin = env.standin
    places = [env.place(label) for label in ("server A", "server B", "DM of U", "DM of a stranger")]

    async def say(text: str, place: Place, **kw: Any) -> dict[str, Any]:
        return await standin.say(text, user_id=place.user, channel_id=place.channel_id,
                                 guild_id=place.guild_id, **kw)

    cards: dict[str, dict[str, Any]] = {}
    for place in places:
        async def ask(name: str, place: Place = place) -> str:
            return (await bot_reply(env, await say(f"<@{BOT_ID}> {name} hello", place))).body["content"]
        for name in place.hidden:
            await unknown_as_never(ask, name, place)
        for name in sorted(place.visible):
            said = await say(f"<@{BOT_ID}> {name} hello", place)
            call = await bot_reply(env, said)
            assert card_author(call) == by(name), (place.label, name, call.body)
            cards[f"{place.label}/{name}"] = call.answer

    # Replies to a persona's message of server A: answered by it in A; from B the record is not there.
    card = cards["server A/a_one"]
    await standin.wait_until(lambda: env.bot.commands.messages.get(int(card["id"])) is not None, 10)
    here, there = env.place("server A"), env.place("server B")
    answered = await bot_reply(env, await say(f"<@{BOT_ID}> what do you mean?", here, reference_message=card))
    assert card_author(answered) == by("a_one")
    # From B, a reply naming a_one is a mention of an unknown persona; a reply that only pings (the
    # card is the bot's) is no mention at all: silence.
    named_it = await say(f"<@{BOT_ID}> a_one speak", there, reference_message=card)
    assert_unknown((await bot_reply(env, named_it)).body["content"], "a_one", there)
    pinged = await say("a_one, speak", there, reference_message=card)
    assert any(m["id"] == str(BOT_ID) for m in pinged["mentions"])
    later = await say(f"<@{BOT_ID}> pub still here?", there)
    assert card_author(await bot_reply(env, later)) == by("pub")
    await asyncio.sleep(0.3)
    assert not replies_to(standin, pinged)


# --- every surface --------------------------------------------------------------------------------

async def test_every_declared_surface_has_a_walker() -> None:
    """A command with a persona option, a message menu or a button added without a walk fails here."""
    assert set(WALKERS) == declared_surfaces()


async def test_every_surface_selected_was_walked(request: pytest.FixtureRequest) -> None:
    """Last: each surface whose walks all ran in this session got to their end."""
    ran = {item.name for item in request.session.items}
    due = {surface for surface, tests in WALKERS.items() if all(t in ran for t in tests)}
    assert due <= WALKED, sorted(due - WALKED)
