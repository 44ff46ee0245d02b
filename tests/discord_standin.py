"""A Discord stand-in on loopback for end-to-end tests of the real discord.py client.

An aiohttp server playing both halves of Discord that the bot uses:
- the gateway (`/gateway`, plain JSON text frames; discord.py asks for `compress=zlib-stream` but
  only decompresses binary frames, so text frames need none): HELLO, heartbeat ACKs (each heartbeat's
  arrival time is recorded), IDENTIFY → READY + GUILD_CREATE (the text channel CHANNEL_ID, its public
  thread THREAD_ID, the forum FORUM_ID with its post FORUM_POST_ID, the bot's member and managed role;
  and the servers `add_guild` adds),
  then the INTERACTION_CREATE dispatches a test injects: slash commands and autocomplete (`interact`),
  button presses (`click`), select menus (`choose`), modal submits (`submit_modal`) and message context
  menus (`context_menu`); users' messages (`say`: MESSAGE_CREATE, content only where the bot is mentioned
  unless the MESSAGE_CONTENT intent is asked for); and WEBHOOKS_UPDATE / THREAD_CREATE / MESSAGE_CREATE
  when the IDENTIFY's intents ask for them. Sharded as Discord shards: each connection is the shard its
  IDENTIFY names (`shard: [id, n]`; none: shard 0 of 1), its READY and GUILD_CREATEs carry only the
  guilds of that shard (`shard_of`), and every event of a guild goes only to a connection holding the
  guild's shard (the newest, if several), events without a guild (DMs) to shard 0 (`connections`
  records what each was sent; an interaction records its shard);
- the REST routes under `/api/v10`: `/users/@me`, `/oauth2/applications/@me`, `/gateway/bot` (with
  `shards`, the recommended shard count), the
  command sync PUTs, interaction callbacks (message, defer, deferred update, update message,
  autocomplete, modal) and their webhook follow-ups, fetches, edits and deletes; `GET channels/{id}`;
  channel messages (post, fetch, edit, delete); channel webhooks (list, create, fetch, edit, delete)
  and their execution (`wait`, `thread_id`, `thread_name` in a forum, multipart files) with fetch, edit
  and delete of their messages; and `/files/...` serving attachments.
Every message created (channel messages, interaction responses and follow-ups, webhook posts) is kept
in `messages` as Discord returns it, edits applied, deletes removed, so a test can click its buttons.
Every REST call is recorded (`calls`, multipart files in `call.files`) so tests can assert what the bot
sent. Discord's refusals are played where the bot meets them: a message over 2,000 characters or with
embeds or components past Discord's limits (400, code 50035), a webhook name or username containing
"clyde" or "discord" or over 80 characters (50035), the 16th webhook of a channel (30007), webhooks on a
thread (50024), a forum post without thread_id/thread_name (220001), a deleted webhook (404, 10015), an
unknown message (10008), a missing permission of the bot in a channel (`bot_permissions`: 403, 50013),
an interaction acknowledged twice (40060). A test can also make chosen calls fail with 400, 403, 404,
429 (retry after a moment) or 500, with a code of its choice (`fail`). discord.py parses a body as JSON
only when the Content-Type is exactly `application/json`, so that is what `_json` sets.
"""

from __future__ import annotations

import asyncio
import hashlib
import itertools
import json
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypedDict, Unpack

from aiohttp import WSMsgType, web

APP_ID = 710000000000000001
BOT_ID = APP_ID
GUILD_ID = 720000000000000001
OTHER_GUILD_ID = 720000000000000099  # a server the bot was invited to but is not configured for
OWNER_ID = 1  # the application's owner, as /oauth2/applications/@me says
CHANNEL_ID = 730000000000000001  # a text channel
THREAD_ID = 730000000000000002  # a public thread of CHANNEL_ID
FORUM_ID = 730000000000000003  # a forum channel
FORUM_POST_ID = 730000000000000004  # a post (thread) of FORUM_ID
ADMIN_ROLE_ID = 740000000000000001
BOT_ROLE_ID = 740000000000000002  # the bot's managed role, holding DEFAULT_APP_PERMISSIONS
DEFAULT_USER_ID = 900000000000000001  # who interacts, unless a test says
FOREIGN_USER_ID = 900000000000000777  # a moderator whose webhooks are not the bot's

# Permission bits (https://discord.com/developers/docs/topics/permissions).
ADMINISTRATOR = 1 << 3
VIEW_CHANNEL = 1 << 10
SEND_MESSAGES = 1 << 11
MANAGE_MESSAGES = 1 << 13
EMBED_LINKS = 1 << 14
ATTACH_FILES = 1 << 15
READ_MESSAGE_HISTORY = 1 << 16
MENTION_EVERYONE = 1 << 17
USE_EXTERNAL_EMOJIS = 1 << 18
MANAGE_WEBHOOKS = 1 << 29
SEND_MESSAGES_IN_THREADS = 1 << 38
ALL_PERMISSIONS = (1 << 53) - 1  # what Discord reports for an administrator: every permission
# What the bot has in the guild's channels unless `bot_permissions` says otherwise.
DEFAULT_APP_PERMISSIONS = (VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | EMBED_LINKS
                           | ATTACH_FILES | READ_MESSAGE_HISTORY | MANAGE_WEBHOOKS)
# Discord's `app_permissions` where the bot is not in a server: a DM with the bot, and (as in (G)DMs
# with other users) a server where only the user installed the app.
DM_APP_PERMISSIONS = ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE | USE_EXTERNAL_EMOJIS
USER_INSTALL_APP_PERMISSIONS = ATTACH_FILES | EMBED_LINKS | MENTION_EVERYONE

# Message flags, and the gateway intents the stand-in honours.
SUPPRESS_EMBEDS = 1 << 2
EPHEMERAL = 1 << 6
LOADING = 1 << 7  # a deferred response's "thinking…" message
SUPPRESS_NOTIFICATIONS = 1 << 12
IS_COMPONENTS_V2 = 1 << 15
SENDABLE_FLAGS = SUPPRESS_EMBEDS | SUPPRESS_NOTIFICATIONS | IS_COMPONENTS_V2  # what a new message may set
GUILDS_INTENT = 1 << 0
WEBHOOKS_INTENT = 1 << 5
GUILD_MESSAGES_INTENT = 1 << 9
DIRECT_MESSAGES_INTENT = 1 << 12
MESSAGE_CONTENT_INTENT = 1 << 15  # privileged: without it, content only where the app is mentioned
# What @everyone may do in the guild's channels, as Discord's default role allows a member.
EVERYONE_PERMISSIONS = VIEW_CHANNEL | SEND_MESSAGES | SEND_MESSAGES_IN_THREADS | READ_MESSAGE_HISTORY

TEXT, DM, FORUM, PUBLIC_THREAD = 0, 1, 15, 11
THREAD_TYPES = (10, 11, 12)
WEBHOOK_CHANNEL_TYPES = (0, 5, 15, 16)  # text, announcement, forum, media

BOT_USER: dict[str, Any] = {
    "id": str(BOT_ID), "username": "persona-bot", "discriminator": "0", "global_name": None, "avatar": None,
    "bot": True, "flags": 0, "mfa_enabled": False, "verified": True}


def user_payload(user_id: int) -> dict[str, Any]:
    """A user as Discord sends one in interactions: the same name for the same id."""
    return {"id": str(user_id), "username": f"user{user_id % 1000}", "discriminator": "0",
            "global_name": None, "avatar": None}


def shard_of(guild_id: int, shard_count: int) -> int:
    """The shard that receives a guild's events: Discord's `(guild_id >> 22) % num_shards`."""
    return (guild_id >> 22) % shard_count


# Discord's answers to the failures a test can ask for (`DiscordStandIn.fail`).
FAILURES = {
    400: {"message": "Invalid Form Body", "code": 50035},
    403: {"message": "Missing Permissions", "code": 50013},
    404: {"message": "Unknown Webhook", "code": 10015},
    429: {"message": "You are being rate limited.", "retry_after": 0.05, "global": False},
    500: {"message": "500: Internal Server Error", "code": 0},
}
# Discord's messages for the JSON error codes the stand-in answers (or a test names in `fail`).
ERRORS = {
    10003: "Unknown Channel",
    10008: "Unknown Message",
    10015: "Unknown Webhook",
    10062: "Unknown interaction",
    30007: "Maximum number of webhooks reached (15)",
    40005: "Request entity too large",
    40060: "Interaction has already been acknowledged.",
    50005: "Cannot edit a message authored by another user",
    50006: "Cannot send an empty message",
    50008: "Cannot send messages in a non-text channel",
    50013: "Missing Permissions",
    50024: "Cannot execute action on this channel type",
    50027: "Invalid Webhook Token",
    50035: "Invalid Form Body",
    220001: "Webhooks posted to forum channels must have a thread_name or thread_id",
    220002: "Webhooks posted to forum channels cannot have both a thread_name and thread_id",
    220003: "Webhooks can only create threads in forum channels",
}
MESSAGE_LIMIT = 2000
WEBHOOK_LIMIT = 15  # per channel
NAME_LIMIT = 80  # a webhook's name, a webhook message's username
UPLOAD_LIMIT = 10 << 20  # a message's files together, in a server without boosts
CUSTOM_ID_LIMIT = 100
# Discord's embed limits: per field, and 6,000 characters over all of a message's embeds.
EMBED_LIMITS = {"title": 256, "description": 4096, "author.name": 256, "footer.text": 2048}
FIELD_LIMITS = {"name": 256, "value": 1024}
EMBED_TOTAL = 6000
_REFUSED_NAME = re.compile(r"clyde|discord", re.IGNORECASE)


@dataclass
class Upload:
    """One file of a multipart body (`files[n]`)."""
    index: int
    filename: str
    content: bytes
    content_type: str = "application/octet-stream"


@dataclass
class Call:
    method: str
    path: str
    body: Any
    query: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # when it arrived
    status: int = 200  # what the stand-in answered
    uploads: list[Upload] = field(default_factory=list)  # multipart files, in order
    answer: Any = None  # the JSON the stand-in answered, if any

    @property
    def files(self) -> dict[str, bytes]:
        """The multipart files sent, by file name."""
        return {u.filename: u.content for u in self.uploads}


@dataclass
class Failure:
    method: str
    path_part: str  # fails calls whose path contains this
    status: int
    times: int  # how many more calls to fail
    code: int | None = None  # the JSON error code to answer, else FAILURES's

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and method == self.method and self.path_part in path


@dataclass
class Connection:
    """One gateway connection: the shard its IDENTIFY named (without one, Discord's shard 0 of 1)."""
    ws: web.WebSocketResponse = field(repr=False)
    shard: tuple[int, int] = (0, 1)
    identified: bool = False
    intents: int | None = None
    events: list[tuple[str, int | None]] = field(default_factory=list)  # (event, its guild) dispatched
    seq: Iterator[int] = field(default_factory=lambda: itertools.count(1), repr=False)

    def holds(self, guild_id: int | None) -> bool:
        """Whether Discord sends this connection the events of `guild_id` (None: DMs, shard 0's)."""
        shard_id, count = self.shard
        return shard_id == (0 if guild_id is None else shard_of(guild_id, count))

    @property
    def open(self) -> bool:
        return self.identified and not self.ws.closed


@dataclass
class Interaction:
    id: str
    token: str
    sent_at: float = field(default_factory=time.monotonic)
    type: int = 2  # 2 command, 3 component, 4 autocomplete, 5 modal submit
    channel_id: int = CHANNEL_ID
    message_id: str | None = None  # the message a component (or the component that opened a modal) is on
    payload: dict[str, Any] = field(default_factory=dict, repr=False)  # the INTERACTION_CREATE data
    shard: int | None = None  # the shard of the gateway connection it was dispatched on

    def matches(self, call: Call) -> bool:
        return self.token in call.path


class Context(TypedDict, total=False):
    """Who interacts, and where: the options every interaction helper takes (see `interact`)."""
    user_id: int
    permissions: int
    roles: list[int] | None
    guild_id: int
    where: str
    token: str | None
    channel_id: int | None
    app_permissions: int | None


@dataclass
class DiscordStandIn:
    heartbeat_interval_ms: int = 1000
    calls: list[Call] = field(default_factory=list)
    heartbeats: list[float] = field(default_factory=list)  # monotonic arrival times
    identifies: int = 0
    files: dict[str, bytes] = field(default_factory=dict)
    file_sizes: dict[str, int] = field(default_factory=dict)  # sizes to claim, when not the real one
    accepted_token: str | None = None  # set: any other bot token gets 401, as Discord answers it
    login_status: int | None = None  # set: the login (GET /users/@me) fails with this HTTP status
    failures: list[Failure] = field(default_factory=list)
    # What the bot may do in a channel (by id; a thread without an entry has its parent's); unlisted:
    # DEFAULT_APP_PERMISSIONS. REST calls are refused by it, and `interact` reports it as app_permissions.
    bot_permissions: dict[int, int] = field(default_factory=dict)
    shards: int = 1  # the shard count GET /gateway/bot recommends
    guilds: list[int] = field(default_factory=lambda: [GUILD_ID])  # the servers the bot is in
    dms_closed: set[int] = field(default_factory=set)  # users who accept no DM from the bot (403, 50007)

    def __post_init__(self) -> None:
        self.acknowledged: set[str] = set()  # interaction tokens answered or deferred: webhooks work
        self.interactions: dict[str, Interaction] = {}  # by token
        self.messages: dict[str, dict[str, Any]] = {}  # every message that exists, by id, edits applied
        self.deleted: dict[str, dict[str, Any]] = {}  # messages deleted, as they were last
        self.webhooks: dict[str, dict[str, Any]] = {}  # channel webhooks by id, as Discord lists them
        self.webhook_avatars: dict[str, str] = {}  # webhook id → the avatar data URI it was given
        self.modals: dict[str, dict[str, Any]] = {}  # interaction token → the modal it answered with
        self.commands: dict[int | None, list[dict[str, Any]]] = {}  # synced, by guild id (None: global)
        self.intents: int | None = None  # as the last IDENTIFY asked
        self.connections: list[Connection] = []  # every gateway connection, in the order they opened
        self._originals: dict[str, str] = {}  # interaction token → its @original message id
        self._owned: dict[str, set[str]] = {}  # interaction token → the messages it may fetch/edit/delete
        self._posts: list[str] = []  # ids of messages posted through channel webhooks, in order
        self._avatar_urls: dict[str, str] = {}  # webhook message id → the avatar_url it was posted with
        self._ids = itertools.count(800000000000000001)
        self.dm_channels: dict[int, int] = {}  # DM channel id → the user it is with
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self._tasks: set[asyncio.Task[None]] = set()
        self.port = 0
        now = _now()
        self.channels: dict[int, dict[str, Any]] = {
            CHANNEL_ID: _text_channel(CHANNEL_ID, "general", 0),
            THREAD_ID: _thread(THREAD_ID, CHANNEL_ID, "persona-thread", now),
            FORUM_ID: {**_text_channel(FORUM_ID, "persona-forum", 1), "type": FORUM, "available_tags": [],
                       "default_reaction_emoji": None, "default_sort_order": None, "default_forum_layout": 0,
                       "default_thread_rate_limit_per_user": 0},
            FORUM_POST_ID: _thread(FORUM_POST_ID, FORUM_ID, "a forum post", now),
        }

    # --- lifecycle ------------------------------------------------------------------------------

    async def start(self) -> None:
        app = web.Application(client_max_size=1 << 30)
        app.router.add_get("/gateway", self._gateway)
        app.router.add_get("/files/{name}", self._file)
        app.router.add_route("*", "/api/v10/{path:.*}", self._rest)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, "127.0.0.1", 0)
        await site.start()
        self.port = self._runner.addresses[0][1]

    async def close(self) -> None:
        for conn in self.connections:
            if not conn.ws.closed:
                await conn.ws.close()
        if self._runner is not None:
            await self._runner.cleanup()

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def api_base_url(self) -> str:
        return f"{self.base}/api/v10"

    @property
    def gateway_url(self) -> str:
        return f"ws://127.0.0.1:{self.port}/gateway"

    def next_id(self) -> str:
        return str(next(self._ids))

    def new_token(self) -> str:
        return f"token-{self.next_id()}"

    def add_guild(self, guild_id: int, name: str = "general") -> int:
        """Another server the bot is in (before the bot connects), with one text channel: its id. Its
        @everyone role is `guild_id`, the bot's managed role `guild_id + 1`."""
        channel_id = int(self.next_id())
        self.guilds.append(guild_id)
        self.channels[channel_id] = _text_channel(channel_id, name, 0, guild_id)
        return channel_id

    def connection_of(self, shard_id: int) -> Connection | None:
        """The open gateway connection that receives shard `shard_id`'s events (the newest, if several)."""
        return next((c for c in reversed(self.connections) if c.open and c.shard[0] == shard_id), None)

    # --- waiting for the bot ------------------------------------------------------------------------

    async def _notify(self) -> None:
        async with self._changed:
            self._changed.notify_all()

    async def wait_for(self, predicate, timeout: float = 30.0) -> Call:
        """The first recorded REST call matching `predicate`, waiting for it if need be."""
        async def find() -> Call:
            async with self._changed:
                while True:
                    for call in self.calls:
                        if predicate(call):
                            return call
                    await self._changed.wait()
        return await asyncio.wait_for(find(), timeout)

    @staticmethod
    async def wait_until(condition, timeout: float = 30.0) -> None:
        """Poll `condition` (state on the bot's side, which the stand-in is not told about)."""
        async def poll() -> None:
            while not condition():
                await asyncio.sleep(0.02)
        await asyncio.wait_for(poll(), timeout)

    def fail(self, method: str, path_part: str, status: int, times: int = 1, code: int | None = None) -> None:
        """Make the next `times` calls `method` to a path containing `path_part` fail with `status`
        (and the JSON error `code`, else FAILURES's for the status)."""
        assert status in FAILURES, status
        self.failures.append(Failure(method, path_part, status, times, code))

    def calls_for(self, interaction: Interaction) -> list[Call]:
        return [c for c in self.calls if interaction.matches(c)]

    async def reply_to(self, interaction: Interaction, timeout: float = 20.0) -> Call:
        """The message that answers `interaction`: an immediate reply (callback type 4), the component's
        message updated (type 7) or, after a defer, its follow-up. Ephemeral follow-ups count too."""
        def answered(call: Call) -> bool:
            if not interaction.matches(call):
                return False
            if call.status != 200:
                return False
            if call.path.endswith("/callback"):
                return call.body.get("type") in (4, 7)
            return call.method == "POST" and call.path.startswith("webhooks/")
        return await self.wait_for(answered, timeout)

    async def channel_message(self, containing: str, timeout: float = 20.0) -> Call:
        """The first message posted in the channel (not through an interaction) containing the text."""
        def posted(call: Call) -> bool:
            return (call.method == "POST" and call.path == f"channels/{CHANNEL_ID}/messages"
                    and call.status == 200 and containing in (call.body or {}).get("content", ""))
        return await self.wait_for(posted, timeout)

    def original_message(self, interaction: Interaction) -> dict[str, Any] | None:
        """The message `@original` names for `interaction` (its reply, its "thinking…" message, or the
        component's message after a type 6 or 7), edits applied; None before an answer, or deleted."""
        message_id = self._originals.get(interaction.token)
        return self.messages.get(message_id) if message_id else None

    async def wait_for_original(self, interaction: Interaction,
                                predicate: Callable[[dict[str, Any]], bool] | None = None,
                                timeout: float = 20.0) -> dict[str, Any]:
        """`original_message(interaction)` once it is filled (no longer "thinking…") and matches
        `predicate`: the answer of a bot that defers, then edits `@original`."""
        def filled() -> dict[str, Any] | None:
            message = self.original_message(interaction)
            if message is None or message["flags"] & LOADING or (predicate and not predicate(message)):
                return None
            return message

        async def find() -> dict[str, Any]:
            async with self._changed:
                while (message := filled()) is None:
                    await self._changed.wait()
                return message
        return await asyncio.wait_for(find(), timeout)

    def modal_for(self, interaction: Interaction) -> dict[str, Any] | None:
        """The modal `interaction` was answered with (callback type 9): {custom_id, title, components}."""
        return self.modals.get(interaction.token)

    def posted(self, predicate: Callable[[dict[str, Any]], bool] | None = None) -> list[dict[str, Any]]:
        """Messages posted through channel webhooks that still exist, oldest first, edits applied."""
        found = [self.messages[i] for i in self._posts if i in self.messages]
        return [m for m in found if predicate is None or predicate(m)]

    async def wait_for_post(self, predicate: Callable[[dict[str, Any]], bool] | None = None,
                            timeout: float = 20.0) -> dict[str, Any]:
        """The first webhook-posted message matching `predicate`, waiting for it if need be."""
        async def find() -> dict[str, Any]:
            async with self._changed:
                while not (found := self.posted(predicate)):
                    await self._changed.wait()
                return found[0]
        return await asyncio.wait_for(find(), timeout)

    def avatar_url_of(self, message: dict[str, Any]) -> str | None:
        """The `avatar_url` a webhook message was posted with (Discord keeps only a hash of the image)."""
        return self._avatar_urls.get(message["id"])

    # --- channels and webhooks, as a moderator changes them ---------------------------------------------

    def webhooks_in(self, channel_id: int) -> list[dict[str, Any]]:
        return [dict(h) for h in self.webhooks.values() if h["channel_id"] == str(channel_id)]

    def delete_webhook(self, webhook_id: int | str) -> None:
        """A moderator deletes a webhook: executing it answers 10015 from now on."""
        hook = self.webhooks.pop(str(webhook_id))
        self._webhooks_changed(hook["channel_id"])

    def add_foreign_webhooks(self, channel_id: int, n: int) -> list[dict[str, Any]]:
        """`n` webhooks a moderator made in `channel_id` (not the bot's), e.g. to reach the limit of 15."""
        hooks = [self._new_webhook(channel_id, f"Moderator hook {i + 1}", None, user_payload(FOREIGN_USER_ID))
                 for i in range(n)]
        self._webhooks_changed(str(channel_id))
        return hooks

    def _new_webhook(self, channel_id: int, name: str, avatar: str | None, user: dict[str, Any],
                     application_id: int | None = None) -> dict[str, Any]:
        hook_id = self.next_id()
        if avatar:
            self.webhook_avatars[hook_id] = avatar
        hook = {"type": 1, "id": hook_id, "name": name, "channel_id": str(channel_id),
                "guild_id": self._guild_of_channel(channel_id), "avatar": _avatar_hash(avatar),
                "application_id": str(application_id) if application_id else None,
                "token": f"webhook-token-{hook_id}", "user": user}
        self.webhooks[hook_id] = hook
        return dict(hook)

    def _webhooks_changed(self, channel_id: str) -> None:
        if self._wants(WEBHOOKS_INTENT):
            self._dispatch_soon("WEBHOOKS_UPDATE", {"guild_id": self._guild_of_channel(int(channel_id)),
                                                    "channel_id": channel_id})

    def _guild_of_channel(self, channel_id: int) -> str:
        return self.channels.get(channel_id, {}).get("guild_id") or str(GUILD_ID)

    def _permissions_in(self, channel_id: int) -> int:
        if channel_id in self.bot_permissions:
            return self.bot_permissions[channel_id]
        parent = self.channels.get(channel_id, {}).get("parent_id")
        if parent and self.channels.get(channel_id, {}).get("type") in THREAD_TYPES:
            return self._permissions_in(int(parent))
        return DEFAULT_APP_PERMISSIONS

    def _lacks(self, channel_id: int, needed: int) -> web.Response | None:
        """Discord's 403 when the bot lacks one of `needed` in the channel."""
        if self._permissions_in(channel_id) & needed != needed:
            return _error(403, 50013)
        return None

    # --- gateway --------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        conn = Connection(ws)
        self.connections.append(conn)
        await ws.send_json({"op": 10, "d": {"heartbeat_interval": self.heartbeat_interval_ms}})
        async for msg in ws:
            if msg.type != WSMsgType.TEXT:
                continue
            data = json.loads(msg.data)
            op = data.get("op")
            if op == 1:
                self.heartbeats.append(time.monotonic())
                await ws.send_json({"op": 11})
            elif op == 2:
                await self._identify(conn, data.get("d") or {})
        return ws

    async def _identify(self, conn: Connection, identify: dict[str, Any]) -> None:
        """READY and the GUILD_CREATEs of the shard the IDENTIFY names; Discord closes the connection
        with 4010 for a shard outside its count."""
        shard = identify.get("shard")
        if shard is not None and not (len(shard) == 2 and 0 <= shard[0] < shard[1]):
            await conn.ws.close(code=4010, message=b"Invalid shard")
            return
        self.identifies += 1
        self.intents = conn.intents = identify.get("intents")
        conn.shard = (shard[0], shard[1]) if shard is not None else (0, 1)
        conn.identified = True
        guilds = [g for g in self.guilds if conn.holds(g)]
        ready: dict[str, Any] = {
            "v": 10, "user": self._user(), "guilds": [{"id": str(g), "unavailable": True} for g in guilds],
            "session_id": f"session-{self.identifies}", "resume_gateway_url": self.gateway_url,
            "application": {"id": str(APP_ID), "flags": 0},
        }
        if shard is not None:  # as Discord: READY names the shard only to a client that asked for one
            ready["shard"] = list(conn.shard)
        await self._send(conn, "READY", ready)
        for guild_id in guilds:
            await self._send(conn, "GUILD_CREATE", self._guild(guild_id))

    def _connection_for(self, data: dict[str, Any]) -> Connection | None:
        """Where Discord sends an event: the connection holding its guild's shard (shard 0 without a
        guild), the newest if several do."""
        guild_id = int(data["guild_id"]) if data.get("guild_id") else None
        return next((c for c in reversed(self.connections) if c.open and c.holds(guild_id)), None)

    async def _dispatch(self, event: str, data: dict[str, Any]) -> Connection:
        """Send an event of the guild `data["guild_id"]` (or a DM's) on the connection holding its shard."""
        conn = self._connection_for(data)
        assert conn is not None, f"no gateway connection holds the shard of guild {data.get('guild_id')}"
        await self._send(conn, event, data)
        return conn

    async def _send(self, conn: Connection, event: str, data: dict[str, Any]) -> None:
        guild_id = data.get("id") if event == "GUILD_CREATE" else data.get("guild_id")
        conn.events.append((event, int(guild_id) if guild_id else None))
        await conn.ws.send_json({"op": 0, "t": event, "s": next(conn.seq), "d": data})

    def _dispatch_soon(self, event: str, data: dict[str, Any]) -> None:
        """Send an event from synchronous code (a route, a helper), if the bot is connected."""
        if self._connection_for(data) is None:
            return
        task = asyncio.get_running_loop().create_task(self._dispatch(event, data))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _wants(self, intent: int) -> bool:
        return self.intents is None or bool(self.intents & intent)

    # --- interactions -------------------------------------------------------------------------------

    async def interact(
        self,
        name: str,
        options: list[dict[str, Any]] | None = None,
        *,
        user_id: int = DEFAULT_USER_ID,
        permissions: int = EVERYONE_PERMISSIONS,
        roles: list[int] | None = None,
        autocomplete: bool = False,
        resolved: dict[str, Any] | None = None,
        guild_id: int = GUILD_ID,
        where: str = "guild",
        token: str | None = None,
        channel_id: int = CHANNEL_ID,
        app_permissions: int | None = None,
    ) -> Interaction:
        """Dispatch an INTERACTION_CREATE for `/name` (a 'persona add' style name is a subcommand).

        `where`: "guild" (a server that installed the bot: `guild_id`), "dm" (a DM with the bot), or
        "user_install" (a server where only the user installed the app: the member's permissions are
        there, but no server authorised the bot). `token`: one from `new_token()`, so a test can make
        calls with it `fail` before the bot makes them. `channel_id`: where it is used (THREAD_ID or
        FORUM_POST_ID for a thread: the `channel` then is the thread, with its parent_id).
        `permissions`: the member's in that channel (ADMINISTRATOR becomes every permission, as Discord
        computes them); by default what @everyone may do (EVERYONE_PERMISSIONS: view, send, history).
        `app_permissions`: the bot's there; None: as Discord gives them (`bot_permissions` of the channel
        in a guild, DM_APP_PERMISSIONS in a DM, USER_INSTALL_APP_PERMISSIONS where only the user
        installed the app). The other interaction helpers take the same keyword options."""
        top, _, sub = name.partition(" ")
        opts = options or []
        if sub:
            opts = [{"name": sub, "type": 1, "options": opts}]
        data: dict[str, Any] = {"name": top, "type": 1, "options": opts}
        if resolved:
            data["resolved"] = resolved
        return await self._interaction(
            4 if autocomplete else 2, data, user_id=user_id, permissions=permissions, roles=roles,
            guild_id=guild_id, where=where, token=token, channel_id=channel_id,
            app_permissions=app_permissions)

    async def click(self, message: dict[str, Any], custom_id: str, **context: Unpack[Context]) -> Interaction:
        """A button press on `message` (a stored message, e.g. from `posted()` or `original_message()`):
        the button must be on it and enabled, as a user could only press such a one."""
        message = self._current(message)
        button = _component(message, custom_id)
        if button is None or button["type"] != 2:
            raise ValueError(f"no button {custom_id!r} on message {message['id']}")
        if button.get("disabled"):
            raise ValueError(f"the button {custom_id!r} is disabled")
        data = {"custom_id": custom_id, "component_type": 2, **_id_of(button)}
        return await self._interaction(3, data, message=message, **context)

    async def choose(self, message: dict[str, Any], custom_id: str, values: list[str],
                     **context: Unpack[Context]) -> Interaction:
        """A choice in a select menu of `message`: for a string select, `values` must be among its
        options and within its min_values..max_values."""
        message = self._current(message)
        select = _component(message, custom_id)
        if select is None or select["type"] not in (3, 5, 6, 7, 8):
            raise ValueError(f"no select menu {custom_id!r} on message {message['id']}")
        if select["type"] == 3:
            offered = {o["value"] for o in select.get("options", [])}
            if not set(values) <= offered:
                raise ValueError(f"{sorted(set(values) - offered)} are not options of {custom_id!r}")
            if not select.get("min_values", 1) <= len(values) <= select.get("max_values", 1):
                raise ValueError(f"{len(values)} values chosen in {custom_id!r}, outside its min/max")
        data = {"custom_id": custom_id, "component_type": select["type"], "values": list(values),
                **_id_of(select)}
        return await self._interaction(3, data, message=message, **context)

    async def submit_modal(self, custom_id: str, fields: dict[str, str | list[str]], *,
                           message: dict[str, Any] | None = None, **context: Unpack[Context]) -> Interaction:
        """The user submits the modal `custom_id` with `fields` (input custom_id → text, or a list of
        values for a select). The components mirror the modal shown (Labels, type 18, or action rows),
        as Discord sends them; an unknown modal gets action rows. `message`: the message whose component
        opened the modal (default: the one of the interaction the modal answered, if any)."""
        shown = next((t for t in reversed(self.modals) if self.modals[t].get("custom_id") == custom_id), None)
        layout = self.modals[shown].get("components") if shown else None
        opener = self.interactions.get(shown) if shown else None
        if message is None and opener is not None and opener.message_id in self.messages:
            message = self.messages[opener.message_id]
        data = {"custom_id": custom_id, "components": _modal_answer(layout, fields)}
        message = self._current(message) if message else None
        return await self._interaction(5, data, message=message, **context)

    async def context_menu(self, name: str, message: dict[str, Any],
                           **context: Unpack[Context]) -> Interaction:
        """The message command `name` used on `message` (in its channel unless `channel_id` says)."""
        message = self._current(message)
        data = {"type": 3, "name": name, "target_id": message["id"],
                "resolved": {"messages": {message["id"]: message}}}
        if context.get("channel_id") is None:
            context["channel_id"] = int(message["channel_id"])
        return await self._interaction(2, data, **context)

    async def say(self, content: str, *, user_id: int = DEFAULT_USER_ID, channel_id: int = CHANNEL_ID,
                  mentions: list[int] | None = None, reference_message: dict[str, Any] | None = None,
                  ping_reply: bool = True, roles: list[int] | None = None, bot: bool = False,
                  webhook_id: str | None = None) -> dict[str, Any]:
        """A user (a bot with `bot`, a webhook with `webhook_id`) posts `content` in a guild channel:
        stored, and dispatched as MESSAGE_CREATE when the IDENTIFY's intents ask for guild messages.

        Mentions are read from the content as Discord does (`<@id>`, `<@!id>` users, `<@&id>` roles,
        @everyone and @here), plus `mentions`; a reply (`reference_message`) pings the replied-to user
        unless `ping_reply` is False (a webhook's message pings nobody). Without the MESSAGE_CONTENT
        intent, the bot gets the content only if it is among the users mentioned."""
        user_ids = [int(m) for m in re.findall(r"<@!?(\d+)>", content)] + list(mentions or [])
        if reference_message is not None and ping_reply and not reference_message.get("webhook_id"):
            user_ids.append(int(reference_message["author"]["id"]))
        author = user_payload(user_id) | ({"bot": True} if bot or webhook_id else {})
        message = self._message({"content": content}, channel_id=channel_id, author=author,
                                webhook_id=webhook_id, kind=19 if reference_message is not None else 0)
        message |= {
            "guild_id": str(GUILD_ID),
            "mentions": [self._user() if u == BOT_ID else user_payload(u) for u in dict.fromkeys(user_ids)],
            "mention_roles": re.findall(r"<@&(\d+)>", content),
            "mention_everyone": "@everyone" in content or "@here" in content,
        }
        if not webhook_id:
            message["member"] = {"roles": [str(r) for r in roles or []], "joined_at": _now(), "deaf": False,
                                 "mute": False, "flags": 0}
        if reference_message is not None:
            message["message_reference"] = {"type": 0, "message_id": reference_message["id"],
                                            "channel_id": reference_message["channel_id"],
                                            "guild_id": str(GUILD_ID)}
            message["referenced_message"] = self._current(reference_message)
        self._store(message)
        if self._wants(GUILD_MESSAGES_INTENT):
            seen = dict(message)
            if not self._wants(MESSAGE_CONTENT_INTENT) and BOT_ID not in user_ids:
                seen |= {"content": "", "embeds": [], "attachments": [], "components": []}
            await self._dispatch("MESSAGE_CREATE", seen)
        return message

    def _current(self, message: dict[str, Any]) -> dict[str, Any]:
        """The stored message as it is now (edits applied), else the payload given."""
        return self.messages.get(str(message["id"]), message)

    async def _interaction(
        self, itype: int, data: dict[str, Any], *, message: dict[str, Any] | None = None,
        user_id: int = DEFAULT_USER_ID, permissions: int = EVERYONE_PERMISSIONS,
        roles: list[int] | None = None, guild_id: int = GUILD_ID, where: str = "guild",
        token: str | None = None, channel_id: int | None = None, app_permissions: int | None = None,
    ) -> Interaction:
        """Dispatch one INTERACTION_CREATE of type `itype` (see `interact` for the options)."""
        assert where in ("guild", "dm", "user_install"), where
        if channel_id is None:
            channel_id = int(message["channel_id"]) if message else CHANNEL_ID
        if itype in (2, 4):
            data = {**self._command_ids(data["name"], data.get("type", 1), guild_id, where), **data}
        interaction = Interaction(self.next_id(), token or self.new_token(), type=itype,
                                  channel_id=channel_id, message_id=message["id"] if message else None)
        user = user_payload(user_id)
        if app_permissions is None:
            app_permissions = {"guild": self._permissions_in(channel_id), "dm": DM_APP_PERMISSIONS,
                               "user_install": USER_INSTALL_APP_PERMISSIONS}[where]
        payload: dict[str, Any] = {
            "id": interaction.id, "application_id": str(APP_ID), "type": itype,
            "data": data, "channel_id": str(channel_id), "token": interaction.token, "version": 1,
            "app_permissions": str(app_permissions), "locale": "en-US", "entitlements": [],
            "attachment_size_limit": UPLOAD_LIMIT,
        }
        if message is not None:
            payload["message"] = message
        if where == "dm":
            payload |= {"user": user, "context": 1, "authorizing_integration_owners": {"0": "0"},
                        "channel": {"id": str(channel_id), "type": DM, "recipients": [user]}}
        else:
            member_permissions = str(ALL_PERMISSIONS if permissions & ADMINISTRATOR else permissions)
            owners = {"0": str(guild_id)} if where == "guild" else {"1": str(user_id)}
            payload |= {
                "guild_id": str(guild_id), "guild_locale": "en-US", "context": 0,
                "authorizing_integration_owners": owners,
                "channel": {**self._channel_object(channel_id, guild_id), "permissions": member_permissions},
                "member": {"user": user, "roles": [str(r) for r in roles or []], "joined_at": _now(),
                           "deaf": False, "mute": False, "flags": 0, "permissions": member_permissions},
            }
        interaction.payload = payload
        self.interactions[interaction.token] = interaction
        interaction.shard = (await self._dispatch("INTERACTION_CREATE", payload)).shard[0]
        return interaction

    def _command_ids(self, name: str, ctype: int, guild_id: int, where: str) -> dict[str, Any]:
        """The synced command's id and, for a command synced to that guild, `guild_id` (as Discord
        sends it: discord.py then looks the command up among that guild's)."""
        scopes: list[int | None] = [guild_id, None] if where == "guild" else [None]
        for scope in scopes:
            for cmd in self.commands.get(scope, []):
                if cmd["name"] == name and cmd.get("type", 1) == ctype:
                    return {"id": cmd["id"], **({"guild_id": str(scope)} if scope else {})}
        return {"id": self.next_id()}

    def _channel_object(self, channel_id: int, guild_id: int) -> dict[str, Any]:
        known = self.channels.get(channel_id) or _text_channel(channel_id, f"channel-{channel_id % 1000}", 0)
        return {**known, "guild_id": str(guild_id)}

    def attachment(self, filename: str, content: bytes, claimed_size: int | None = None) -> dict[str, Any]:
        """Serve `content` at /files/<id>-<filename>; return (option, resolved) for an attachment option."""
        return self._store_file(filename, content, "application/octet-stream", claimed_size)

    def _store_file(self, filename: str, content: bytes, content_type: str,
                    claimed_size: int | None = None) -> dict[str, Any]:
        att_id = self.next_id()
        key = f"{att_id}-{filename}"
        self.files[key] = content
        return {"id": att_id, "filename": filename, "size": claimed_size if claimed_size is not None
                else len(content), "url": f"{self.base}/files/{key}", "proxy_url": f"{self.base}/files/{key}",
                "content_type": content_type}

    # --- REST -----------------------------------------------------------------------------------

    async def _file(self, request: web.Request) -> web.Response:
        self.calls.append(Call("GET", f"files/{request.match_info['name']}", None, {}))
        await self._notify()
        content = self.files.get(request.match_info["name"])
        if content is None:
            return web.Response(status=404)
        return web.Response(body=content, content_type="application/octet-stream")

    async def _rest(self, request: web.Request) -> web.Response:
        path = request.match_info["path"]
        body, uploads = await _read_body(request)
        call = Call(request.method, path, body, dict(request.query), uploads=uploads)
        self.calls.append(call)
        response = self._route(call, request.headers.get("Authorization", ""))
        call.status = response.status
        if response.content_type == "application/json" and isinstance(response.body, bytes):
            call.answer = json.loads(response.body)
        await self._notify()
        return response

    def _refusal(self, call: Call) -> web.Response | None:
        """A chosen failure."""
        for failure in self.failures:
            if failure.matches(call.method, call.path):
                failure.times -= 1
                limited = failure.status == 429
                # `Via`: discord.py takes a 429 without it for a Cloudflare ban and does not retry.
                headers = {"Retry-After": "0.05", "X-RateLimit-Scope": "user", "Via": "1.1 google"} \
                    if limited else {}
                answer = FAILURES[failure.status]
                if failure.code is not None:
                    answer = {"message": ERRORS.get(failure.code, answer["message"]), "code": failure.code}
                return _json(answer, status=failure.status, headers=headers)
        return None

    def _route(self, call: Call, authorization: str) -> web.Response:
        method, path, body = call.method, call.path, call.body
        refusal = self._refusal(call)
        if refusal is not None:
            return refusal
        parts = path.split("/")
        # Interaction callbacks and webhook-token routes carry no bot token: discord.py sends none.
        by_token = parts[0] == "interactions" or (parts[0] == "webhooks" and len(parts) > 2)
        token = authorization.removeprefix("Bot ")
        if self.accepted_token is not None and not by_token and token != self.accepted_token:
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        if self.login_status is not None and path == "users/@me":
            return _json({"message": "Login not allowed here", "code": 0}, status=self.login_status)
        if method == "GET" and path == "users/@me":
            return _json(self._user())
        if method == "GET" and path == "oauth2/applications/@me":
            return _json(self._application())
        if method == "GET" and path == "gateway/bot":
            return _json({"url": self.gateway_url, "shards": self.shards, "session_start_limit": {
                "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}})
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            guild_id = parts[3] if len(parts) == 5 else None
            # Discord answers every command with a description ("" for context menus: discord.py needs it).
            synced = [{"description": "", "type": 1, **cmd, "id": self.next_id(),
                       "application_id": str(APP_ID), "version": "1",
                       **({"guild_id": guild_id} if guild_id else {})} for cmd in body]
            self.commands[int(guild_id) if guild_id else None] = synced
            return _json(synced)
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback" and len(parts) == 4:
            return self._callback(call, parts[1], parts[2])
        if parts[0] == "webhooks" and len(parts) > 2 and parts[1] == str(APP_ID):
            return self._followup(call, parts[2], parts[3:])
        if parts[0] == "webhooks" and len(parts) > 1:
            return self._webhook(call, parts[1], parts[2:])
        if parts[0] == "channels" and len(parts) > 1:
            return self._channel(call, parts[1], parts[2:])
        if method == "POST" and path == "users/@me/channels":
            return self._open_dm(int(body["recipient_id"]))
        return _json({"message": f"stand-in has no route for {method} /{path}", "code": 0}, status=404)

    def _open_dm(self, user_id: int) -> web.Response:
        """The bot's DM channel with a user (made once, as Discord returns the same one)."""
        cid = next((c for c, u in self.dm_channels.items() if u == user_id), None)
        if cid is None:
            cid = int(self.next_id())
            self.dm_channels[cid] = user_id
            self.channels[cid] = {"id": str(cid), "type": DM, "recipients": [user_payload(user_id)],
                                  "last_message_id": None, "flags": 0}
        return _json(self.channels[cid])

    # --- interaction callbacks and follow-ups -------------------------------------------------------

    def _callback(self, call: Call, interaction_id: str, token: str) -> web.Response:
        it = self.interactions.get(token)
        if it is None or it.id != interaction_id:
            return _error(404, 10062)
        if token in self.acknowledged:
            return _error(400, 40060)
        body = call.body if isinstance(call.body, dict) else {}
        rtype, data = body.get("type"), body.get("data") or {}
        # The callback types Discord accepts for each interaction type; 6 and 7 need a message.
        allowed = {2: (4, 5, 9), 3: (4, 5, 6, 7, 9), 4: (8,), 5: (4, 5, 6, 7)}[it.type]
        if rtype not in allowed or (rtype in (6, 7) and it.message_id is None):
            return _error(400, 50035, {"type": _form_error("INTERACTION_RESPONSE_TYPE_INVALID",
                                                           f"Callback type {rtype} is not valid here.")})
        if rtype in (4, 7) and (invalid := self._invalid_message(data, call.uploads)):
            return invalid
        if rtype in (6, 7) and it.message_id not in self.messages:
            return _error(404, 10008)
        self.acknowledged.add(token)
        answer: dict[str, Any] = {"interaction": {"id": it.id, "type": it.type}}
        message: dict[str, Any] | None = None
        if rtype == 4:
            message = self._interaction_message(it, data, call.uploads)
        elif rtype == 5:  # "thinking…": the message the first follow-up, or an edit of @original, fills
            loading = {"flags": LOADING | ((data.get("flags") or 0) & EPHEMERAL)}
            message = self._interaction_message(it, loading, [])
        elif rtype in (6, 7):
            assert it.message_id is not None
            message = self.messages[it.message_id]
            if rtype == 7:
                self._edit(message, data, call.uploads)
        elif rtype == 9:
            self.modals[token] = data
        if message is not None:
            self._originals[token] = message["id"]
            self._owned.setdefault(token, set()).add(message["id"])
            answer["interaction"] |= {"response_message_id": message["id"],
                                      "response_message_loading": rtype == 5,
                                      "response_message_ephemeral": bool(message["flags"] & EPHEMERAL)}
        if rtype != 8:
            answer["resource"] = {"type": rtype, **({"message": message} if rtype in (4, 7) else {})}
        return _json(answer)

    def _followup(self, call: Call, token: str, rest: list[str]) -> web.Response:
        """`webhooks/{APP_ID}/{interaction token}[/messages/{id | @original}]`."""
        if token not in self.acknowledged:
            # Discord knows an interaction's webhook only once the interaction was acknowledged.
            return _json(FAILURES[404], status=404)
        it = self.interactions[token]
        body = call.body if isinstance(call.body, dict) else {}
        if not rest and call.method == "POST":
            if invalid := self._invalid_message(body, call.uploads):
                return invalid
            original = self.original_message(it)
            if original is not None and original["flags"] & LOADING:
                # The first follow-up after a defer fills its "thinking…" message (ephemeral as deferred).
                self._edit(original, body, call.uploads)
                original["flags"] &= ~LOADING
                return _json(original)
            message = self._interaction_message(it, body, call.uploads, followup=True)
            self._owned.setdefault(token, set()).add(message["id"])
            return _json(message)
        if len(rest) == 2 and rest[0] == "messages":
            message_id = self._originals.get(token, "") if rest[1] == "@original" else rest[1]
            message = self.messages.get(message_id) if message_id in self._owned.get(token, ()) else None
            if message is None:
                return _error(404, 10008)
            return self._message_route(call, message, clear_loading=True)
        return _error(405, 0, message="405: Method Not Allowed")

    def _message_route(self, call: Call, message: dict[str, Any], *, clear_loading: bool = False,
                       components: bool = True) -> web.Response:
        """GET, PATCH or DELETE of a message the caller may touch."""
        if call.method == "GET":
            return _json(message)
        if call.method == "PATCH":
            body = call.body if isinstance(call.body, dict) else {}
            if invalid := self._invalid_message(body, call.uploads, edit=True):
                return invalid
            self._edit(message, body, call.uploads, components=components)
            if clear_loading:
                message["flags"] &= ~LOADING
            return _json(message)
        if call.method == "DELETE":
            self.deleted[message["id"]] = self.messages.pop(message["id"])
            return web.Response(status=204)
        return _error(405, 0, message="405: Method Not Allowed")

    def _interaction_message(self, it: Interaction, body: dict[str, Any], uploads: list[Upload],
                             followup: bool = False) -> dict[str, Any]:
        """A message sent for `it` (a reply, "thinking…", a follow-up), with its interaction_metadata."""
        payload = it.payload
        data = payload.get("data") or {}
        user = (payload.get("member") or payload)["user"]
        owners = payload["authorizing_integration_owners"]
        metadata: dict[str, Any] = {"id": it.id, "type": it.type, "user": user,
                                    "authorizing_integration_owners": owners}
        kind = 0
        if it.type == 2:
            metadata |= {"name": data["name"], "command_type": data.get("type", 1)}
            if data.get("type") == 3:
                metadata["target_message_id"] = data["target_id"]
            kind = 0 if followup else 23 if data.get("type") in (2, 3) else 20
        if it.message_id:
            metadata["interacted_message_id"] = it.message_id
        if followup and it.token in self._originals:
            metadata["original_response_message_id"] = self._originals[it.token]
        flags = (body.get("flags") or 0) & (EPHEMERAL | LOADING | SENDABLE_FLAGS)
        return self._store(self._message(
            body, channel_id=it.channel_id, author=self._user(), webhook_id=str(APP_ID),
            application_id=str(APP_ID), uploads=uploads, kind=kind, interaction_metadata=metadata,
            flags=flags))

    # --- channels and their messages ----------------------------------------------------------------

    def _channel(self, call: Call, channel_id: str, rest: list[str]) -> web.Response:
        channel = self.channels.get(int(channel_id)) if channel_id.isdigit() else None
        if channel is None:
            return _error(404, 10003)
        cid, ctype = int(channel_id), channel["type"]
        if not rest and call.method == "GET":
            return _json(channel)
        if rest == ["webhooks"]:
            if ctype not in WEBHOOK_CHANNEL_TYPES:
                return _error(400, 50024)  # threads have no webhooks (their parent's post into them)
            if lacking := self._lacks(cid, VIEW_CHANNEL | MANAGE_WEBHOOKS):
                return lacking
            if call.method == "GET":
                return _json(self.webhooks_in(cid))
            if call.method == "POST":
                return self._create_webhook(call, cid)
        if rest and rest[0] == "messages":
            if len(rest) == 1 and call.method == "POST":
                return self._channel_post(call, cid, ctype)
            if len(rest) == 2:
                message = self.messages.get(rest[1])
                if message is None or message["channel_id"] != channel_id or message["flags"] & EPHEMERAL:
                    return _error(404, 10008)
                reading = call.method == "GET"
                if reading and (lacking := self._lacks(cid, VIEW_CHANNEL | READ_MESSAGE_HISTORY)):
                    return lacking
                own = message["author"]["id"] == str(BOT_ID)
                if call.method == "PATCH" and not own:
                    return _error(403, 50005)
                if call.method == "DELETE" and not own and (lacking := self._lacks(cid, MANAGE_MESSAGES)):
                    return lacking
                return self._message_route(call, message)
        return _json({"message": f"stand-in has no route for {call.method} /{call.path}", "code": 0},
                     status=404)

    def _channel_post(self, call: Call, cid: int, ctype: int) -> web.Response:
        body = call.body if isinstance(call.body, dict) else {}
        if ctype == DM:  # the bot's DM with a user: refused where the user takes no DMs
            if self.dm_channels.get(cid) in self.dms_closed:
                return _error(403, 50007)
            if invalid := self._invalid_message(body, call.uploads):
                return invalid
            return _json(self._store(self._message(body, channel_id=cid, uploads=call.uploads)))
        if ctype not in (TEXT, 5, *THREAD_TYPES):
            return _error(400, 50008)
        send = SEND_MESSAGES_IN_THREADS if ctype in THREAD_TYPES else SEND_MESSAGES
        if lacking := self._lacks(cid, VIEW_CHANNEL | send | (ATTACH_FILES if call.uploads else 0)):
            return lacking
        if invalid := self._invalid_message(body, call.uploads):
            return invalid
        flags = (body.get("flags") or 0) & SENDABLE_FLAGS
        ref = body.get("message_reference") or None
        answered = self.messages.get(str(ref.get("message_id"))) if ref else None
        if ref and answered is None and ref.get("fail_if_not_exists", True):
            return _error(400, 50035, {"message_reference": _form_error(
                "MESSAGE_REFERENCE_UNKNOWN_MESSAGE", "Unknown message")})
        message = self._message(body, channel_id=cid, uploads=call.uploads, flags=flags,
                                kind=19 if answered else 0)
        if answered is not None:  # a reply; one to a message deleted meanwhile is a plain message
            message |= {"message_reference": {"type": 0, "message_id": answered["id"], "channel_id": str(cid),
                                              "guild_id": self._guild_of_channel(cid)},
                        "referenced_message": answered}
        return _json(self._store(message))

    # --- channel webhooks -------------------------------------------------------------------------

    def _create_webhook(self, call: Call, cid: int) -> web.Response:
        body = call.body if isinstance(call.body, dict) else {}
        name = body.get("name")
        if bad := _name_error(name):
            return _error(400, 50035, {"name": bad})
        if len(self.webhooks_in(cid)) >= WEBHOOK_LIMIT:
            return _error(400, 30007)
        hook = self._new_webhook(cid, name, body.get("avatar"), self._user(), APP_ID)
        self._webhooks_changed(str(cid))
        return _json(hook)

    def _webhook(self, call: Call, webhook_id: str, rest: list[str]) -> web.Response:
        """`webhooks/{id}` (bot token), `webhooks/{id}/{token}` and its `/messages/{message id}`."""
        hook = self.webhooks.get(webhook_id)
        if hook is None:
            return _error(404, 10015)
        body = call.body if isinstance(call.body, dict) else {}
        if not rest:
            if lacking := self._lacks(int(hook["channel_id"]), MANAGE_WEBHOOKS):
                return lacking
            return self._webhook_itself(call, hook, body, with_user=True)
        if rest[0] != hook["token"]:
            return _error(401, 50027)
        if len(rest) == 1 and call.method == "POST":
            return self._execute(call, hook, body)
        if len(rest) == 1:
            return self._webhook_itself(call, hook, body, with_user=False)
        if len(rest) == 3 and rest[1] == "messages":
            thread_id = call.query.get("thread_id")
            message = self.messages.get(rest[2])
            # Without thread_id Discord looks in the webhook's channel only: a thread's message is unknown.
            where = thread_id or hook["channel_id"]
            if message is None or message.get("webhook_id") != webhook_id or message["channel_id"] != where:
                return _error(404, 10008)
            return self._message_route(call, message, components=_flag(call.query, "with_components"))
        return _error(405, 0, message="405: Method Not Allowed")

    def _webhook_itself(self, call: Call, hook: dict[str, Any], body: dict[str, Any], *,
                        with_user: bool) -> web.Response:
        if call.method == "DELETE":
            self.delete_webhook(hook["id"])
            return web.Response(status=204)
        if call.method == "PATCH":
            if "name" in body and (bad := _name_error(body["name"])):
                return _error(400, 50035, {"name": bad})
            if "name" in body:
                hook["name"] = body["name"]
            if "avatar" in body:
                self.webhook_avatars[hook["id"]] = body["avatar"]
                hook["avatar"] = _avatar_hash(body["avatar"])
            if with_user and body.get("channel_id"):  # moving needs the bot token
                hook["channel_id"] = str(body["channel_id"])
            self._webhooks_changed(hook["channel_id"])
        elif call.method != "GET":
            return _error(405, 0, message="405: Method Not Allowed")
        # Fetched with its token, a webhook comes without its creator.
        return _json(hook if with_user else {k: v for k, v in hook.items() if k != "user"})

    def _execute(self, call: Call, hook: dict[str, Any], body: dict[str, Any]) -> web.Response:
        """Execute Webhook: where it posts (the channel, `thread_id`, a new forum post), who it posts as."""
        channel = self.channels[int(hook["channel_id"])]
        thread_id, thread_name = call.query.get("thread_id"), body.get("thread_name")
        forum = channel["type"] in (FORUM, 16)
        if forum and thread_id and thread_name:
            return _error(400, 220002)
        if forum and not thread_id and not thread_name:
            return _error(400, 220001)
        if thread_name and not forum and not thread_id:
            return _error(400, 220003)
        target = channel["id"]
        if thread_id:
            thread = self.channels.get(int(thread_id)) if thread_id.isdigit() else None
            if thread is None or thread["type"] not in THREAD_TYPES or thread["parent_id"] != channel["id"]:
                return _error(400, 50035, {"thread_id": _form_error(
                    "THREAD_INVALID", "Not a thread of this webhook's channel.")})  # approximated wording
            target = thread["id"]
        if "username" in body and (bad := _name_error(body["username"])):
            return _error(400, 50035, {"username": bad})
        # Discord respects `components` only with `with_components`, and interactive ones only from a
        # webhook an application owns.
        components = body.get("components") if _flag(call.query, "with_components") else None
        if components and not hook["application_id"] and _interactive(components):
            return _error(400, 50035, {"components": _form_error(
                "COMPONENT_INVALID", "Interactive components need an application-owned webhook.")})
        body = {**body, "components": components or []}
        if invalid := self._invalid_message(body, call.uploads):
            return invalid
        message_id = self.next_id()
        if thread_name:  # a new forum post: the thread's id is its first message's
            thread = _thread(int(message_id), int(channel["id"]), thread_name, _now(), owner_id=hook["id"],
                             guild_id=int(channel["guild_id"]))
            thread["applied_tags"] = body.get("applied_tags") or []
            self.channels[int(message_id)] = thread
            if self._wants(GUILDS_INTENT):
                self._dispatch_soon("THREAD_CREATE", {**thread, "newly_created": True})
            target = thread["id"]
        author = {"id": hook["id"], "username": body.get("username") or hook["name"], "avatar": None,
                  "bot": True, "discriminator": "0000", "global_name": None}
        flags = (body.get("flags") or 0) & SENDABLE_FLAGS
        message = self._store(self._message(
            body, message_id, channel_id=int(target), author=author, webhook_id=hook["id"],
            application_id=hook["application_id"], uploads=call.uploads, flags=flags))
        self._posts.append(message["id"])
        if body.get("avatar_url"):
            self._avatar_urls[message["id"]] = body["avatar_url"]
        return _json(message) if _flag(call.query, "wait") else web.Response(status=204)

    # --- message checks ---------------------------------------------------------------------------

    def _invalid_message(self, body: dict[str, Any], uploads: list[Upload],
                         edit: bool = False) -> web.Response | None:
        """Discord's refusal of a message body: empty, too long, embeds or components past the limits,
        files too large together."""
        if sum(len(u.content) for u in uploads) > UPLOAD_LIMIT:
            return _error(413, 40005)
        errors: dict[str, Any] = {}
        content = body.get("content")
        if isinstance(content, str) and len(content) > MESSAGE_LIMIT:
            errors["content"] = _too_long(MESSAGE_LIMIT)
        errors |= _embed_errors(body.get("embeds") or [])
        errors |= _component_errors(body.get("components") or [], body.get("flags") or 0)
        if errors:
            return _error(400, 50035, errors)
        empty = not (content or body.get("embeds") or body.get("components") or uploads
                     or body.get("sticker_ids") or body.get("poll"))
        if empty and not edit:
            return _error(400, 50006)
        return None

    # --- payloads -------------------------------------------------------------------------------

    def _user(self) -> dict[str, Any]:
        return dict(BOT_USER)

    def _application(self) -> dict[str, Any]:
        owner = {"id": str(OWNER_ID), "username": "owner", "discriminator": "0", "global_name": None,
                 "avatar": None}
        return {"id": str(APP_ID), "name": "persona-bot", "icon": None, "description": "",
                "bot_public": True, "bot_require_code_grant": False, "owner": owner,
                "verify_key": "0" * 64, "flags": 0, "team": None, "summary": ""}

    def _guild(self, guild_id: int = GUILD_ID) -> dict[str, Any]:
        def role(rid: int, name: str, perms: int, pos: int, **extra: Any) -> dict[str, Any]:
            return {"id": str(rid), "name": name, "permissions": str(perms), "position": pos, "color": 0,
                    "hoist": False, "managed": False, "mentionable": False, "flags": 0, **extra}
        ours = [c for c in self.channels.values() if c.get("guild_id") == str(guild_id)]
        # GUILD_ID also has the admin role other tests use; one from `add_guild`, @everyone and the bot's.
        bot_role = BOT_ROLE_ID if guild_id == GUILD_ID else guild_id + 1
        roles = [role(guild_id, "@everyone", EVERYONE_PERMISSIONS, 0)]
        if guild_id == GUILD_ID:
            roles.append(role(ADMIN_ROLE_ID, "bot-admins", 0, 1))
        roles.append(role(bot_role, "persona-bot", DEFAULT_APP_PERMISSIONS, len(roles), managed=True,
                          tags={"bot_id": str(BOT_ID)}))
        me = {"user": self._user(), "roles": [str(bot_role)], "joined_at": _now(), "deaf": False,
              "mute": False, "flags": 0}
        return {
            "id": str(guild_id), "name": "Stand-in Guild" if guild_id == GUILD_ID else f"Guild {guild_id}",
            "icon": None, "owner_id": "1",
            "unavailable": False, "member_count": 2, "large": False, "features": [], "emojis": [],
            "stickers": [], "roles": roles,
            "channels": [c for c in ours if c["type"] not in THREAD_TYPES],
            "threads": [c for c in ours if c["type"] in THREAD_TYPES],
            "members": [me], "voice_states": [], "presences": [], "stage_instances": [],
            "guild_scheduled_events": [], "premium_tier": 0, "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0,
            "system_channel_flags": 0, "joined_at": _now(),
        }

    def _message(self, body: Any, message_id: str | None = None, *, channel_id: int = CHANNEL_ID,
                 author: dict[str, Any] | None = None, webhook_id: str | None = None,
                 application_id: str | None = None, uploads: list[Upload] | None = None, kind: int = 0,
                 interaction_metadata: dict[str, Any] | None = None,
                 flags: int | None = None) -> dict[str, Any]:
        """A message as Discord returns it (not stored: see `_store`)."""
        body = body if isinstance(body, dict) else {}
        message: dict[str, Any] = {
            "id": message_id or self.next_id(), "channel_id": str(channel_id), "type": kind,
            "content": body.get("content") or "", "author": author or self._user(), "timestamp": _now(),
            "edited_timestamp": None, "tts": bool(body.get("tts")), "mention_everyone": False, "mentions": [],
            "mention_roles": [], "attachments": self._attachments(body.get("attachments"), uploads or [], []),
            "embeds": _embeds(body.get("embeds") or []), "components": body.get("components") or [],
            "pinned": False, "flags": body.get("flags", 0) if flags is None else flags,
        }
        if webhook_id:
            message["webhook_id"] = webhook_id
        if application_id:
            message["application_id"] = application_id
        if interaction_metadata:
            message["interaction_metadata"] = interaction_metadata
        if self.channels.get(channel_id, {}).get("type") in THREAD_TYPES:
            message["position"] = sum(m["channel_id"] == str(channel_id) for m in self.messages.values())
        return message

    def _store(self, message: dict[str, Any]) -> dict[str, Any]:
        self.messages[message["id"]] = message
        return message

    def _edit(self, message: dict[str, Any], body: dict[str, Any], uploads: list[Upload],
              components: bool = True) -> None:
        """Apply an edit as Discord does: fields sent replace, fields left out stay."""
        if "content" in body:
            message["content"] = body["content"] or ""
        if "embeds" in body:
            message["embeds"] = _embeds(body["embeds"] or [])
        if "components" in body and components:
            message["components"] = body["components"] or []
        if body.get("flags") is not None:  # only suppress-embeds can change on an edit
            message["flags"] = (message["flags"] & ~SUPPRESS_EMBEDS) | (body["flags"] & SUPPRESS_EMBEDS)
        if "attachments" in body or uploads:
            message["attachments"] = self._attachments(body.get("attachments"), uploads,
                                                       message["attachments"])
        message["edited_timestamp"] = _now()

    def _attachments(self, refs: list[dict[str, Any]] | None, uploads: list[Upload],
                     existing: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """The attachments a body names: kept ones by id, new files by their index (`files[n]`); with no
        `attachments` list, the existing ones plus every file uploaded."""
        by_index = {u.index: u for u in uploads}
        kept = {a["id"]: a for a in existing}
        result: list[dict[str, Any]] = []
        used: set[int] = set()
        for ref in refs if refs is not None else [{"id": a["id"]} for a in existing]:
            ref_id = str(ref.get("id"))
            if ref_id in kept:
                result.append(kept[ref_id])
            elif ref_id.isdigit() and int(ref_id) in by_index:
                upload = by_index[int(ref_id)]
                used.add(upload.index)
                stored = self._store_file(ref.get("filename") or upload.filename, upload.content,
                                          upload.content_type)
                if ref.get("description"):
                    stored["description"] = ref["description"]
                result.append(stored)
        result += [self._store_file(u.filename, u.content, u.content_type)
                   for u in uploads if u.index not in used]
        return result


# --- payload pieces -------------------------------------------------------------------------------

def _text_channel(channel_id: int, name: str, position: int, guild_id: int = GUILD_ID) -> dict[str, Any]:
    return {"id": str(channel_id), "type": TEXT, "guild_id": str(guild_id), "name": name,
            "position": position, "permission_overwrites": [], "parent_id": None, "topic": None,
            "nsfw": False, "rate_limit_per_user": 0, "last_message_id": None, "flags": 0}


def _thread(thread_id: int, parent_id: int, name: str, now: str,
            owner_id: str = str(OWNER_ID), guild_id: int = GUILD_ID) -> dict[str, Any]:
    """A public thread as Discord sends one in GUILD_CREATE's `threads` and for `GET channels/{id}`."""
    return {"id": str(thread_id), "type": PUBLIC_THREAD, "guild_id": str(guild_id),
            "parent_id": str(parent_id), "owner_id": owner_id, "name": name, "last_message_id": None,
            "rate_limit_per_user": 0,
            "message_count": 0, "member_count": 1, "total_message_sent": 0, "flags": 0, "applied_tags": [],
            "thread_metadata": {"archived": False, "auto_archive_duration": 1440, "archive_timestamp": now,
                                "locked": False, "create_timestamp": now}}


def _component(message: dict[str, Any], custom_id: str) -> dict[str, Any] | None:
    """The component of `message` with `custom_id`, at any depth (rows, sections, containers)."""
    found = [c for c in _all_components(message.get("components") or []) if c.get("custom_id") == custom_id]
    return found[0] if found else None


def _all_components(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every component, nested ones included (in rows, a section's accessory, a label's component)."""
    out: list[dict[str, Any]] = []
    for item in items:
        out.append(item)
        out += _all_components([*item.get("components", []),
                                *[item[k] for k in ("accessory", "component") if k in item]])
    return out


def _id_of(component: dict[str, Any]) -> dict[str, Any]:
    """The component's numeric `id`, which Discord echoes in interactions, if it has one."""
    return {"id": component["id"]} if "id" in component else {}


def _interactive(components: list[dict[str, Any]]) -> bool:
    """Whether any component sends an interaction (a button other than a link or premium one, a select)."""
    return any((c["type"] == 2 and c.get("style") not in (5, 6)) or c["type"] in (3, 5, 6, 7, 8)
               for c in _all_components(components))


def _modal_answer(layout: list[dict[str, Any]] | None,
                  fields: dict[str, str | list[str]]) -> list[dict[str, Any]]:
    """A modal submit's `components`: each input of `layout` with its value, in the modal's own layout."""
    def answer(component: dict[str, Any]) -> dict[str, Any]:
        custom_id = component["custom_id"]
        value = fields.get(custom_id, component.get("value", "") if component["type"] == 4 else [])
        if component["type"] == 4:
            text = str(value)
            if component.get("required", True) and not text:
                raise ValueError(f"the modal's input {custom_id!r} is required")
            if not component.get("min_length", 0) <= len(text) <= component.get("max_length", 4000):
                raise ValueError(f"{custom_id!r}: {len(text)} characters, outside its min/max length")
            out = {"type": 4, "custom_id": custom_id, "value": text}
        else:
            out = {"type": component["type"], "custom_id": custom_id, "values": list(value)}
        return {**out, **_id_of(component)}

    if layout is None:
        return [{"type": 1, "components": [
            {"type": 4, "custom_id": k, "value": v} if isinstance(v, str)
            else {"type": 3, "custom_id": k, "values": list(v)}]} for k, v in fields.items()]
    inputs = {c["custom_id"] for c in _all_components(layout) if "custom_id" in c}
    if unknown := set(fields) - inputs:
        raise ValueError(f"the modal has no inputs {sorted(unknown)}")
    result = []
    for item in layout:
        if item["type"] == 1:
            inputs_of_row = [answer(c) for c in item["components"] if "custom_id" in c]
            result.append({"type": 1, "components": inputs_of_row})
        elif item["type"] == 18:  # a Label: the input inside is answered as `component`
            result.append({"type": 18, **_id_of(item), "component": answer(item["component"])})
    return result


def _form_error(code: str, message: str) -> dict[str, Any]:
    return {"_errors": [{"code": code, "message": message}]}


def _too_long(limit: int) -> dict[str, Any]:
    return _form_error("BASE_TYPE_MAX_LENGTH", f"Must be {limit} or fewer in length.")


def _name_error(name: Any) -> dict[str, Any] | None:
    """Discord's rule for webhook names and webhook usernames: 1 to 80 characters, no "clyde" or
    "discord" in any case."""
    if not isinstance(name, str) or not 1 <= len(name) <= NAME_LIMIT:
        return _form_error("BASE_TYPE_BAD_LENGTH", f"Must be between 1 and {NAME_LIMIT} in length.")
    if word := _REFUSED_NAME.search(name):
        return _form_error("USERNAME_INVALID_CONTAINS", f'Username cannot contain "{word.group().lower()}"')
    return None


def _embed_errors(embeds: list[dict[str, Any]]) -> dict[str, Any]:
    """Discord's embed limits, its errors nested as it nests them (embeds.0.author.name)."""
    if len(embeds) > 10:
        return {"embeds": _too_long(10)}
    errors: dict[str, Any] = {}
    total = 0

    def check(path: list[str], text: Any, limit: int) -> None:
        nonlocal total
        total += len(text or "")
        if text and len(text) > limit:
            node = errors
            for key in path:
                node = node.setdefault(key, {})
            node.update(_too_long(limit))

    for i, embed in enumerate(embeds):
        for key, limit in EMBED_LIMITS.items():
            outer, _, inner = key.partition(".")
            check(["embeds", str(i), *key.split(".")], (embed.get(outer) or {}).get(inner) if inner
                  else embed.get(outer), limit)
        fields = embed.get("fields") or []
        if len(fields) > 25:
            errors.setdefault("embeds", {}).setdefault(str(i), {})["fields"] = _too_long(25)
        for j, embed_field in enumerate(fields):
            for key, limit in FIELD_LIMITS.items():
                check(["embeds", str(i), "fields", str(j), key], embed_field.get(key), limit)
    if total > EMBED_TOTAL and not errors:
        errors["embeds"] = _form_error("BASE_TYPE_MAX_LENGTH",
                                       f"Embed size exceeds maximum size of {EMBED_TOTAL}")
    return errors


def _component_errors(components: list[dict[str, Any]], flags: int) -> dict[str, Any]:
    """Discord's limits on (legacy) components: 5 rows of at most 5 buttons or 1 select, custom ids of
    at most 100 characters, unique within the message."""
    if flags & IS_COMPONENTS_V2:
        return {}
    if len(components) > 5:
        return {"components": _form_error("BASE_TYPE_MAX_LENGTH", "Must be 5 or fewer in length.")}
    for i, row in enumerate(components):
        inner = row.get("components") or []
        if row.get("type") != 1 or not 1 <= len(inner) <= 5:
            return {"components": {str(i): _form_error("COMPONENT_LAYOUT_WIDTH_EXCEEDED",
                                                        "An action row needs 1 to 5 components.")}}
    ids = [c["custom_id"] for c in _all_components(components) if "custom_id" in c]
    if any(len(i) > CUSTOM_ID_LIMIT for i in ids):
        return {"components": _too_long(CUSTOM_ID_LIMIT)}
    if len(ids) != len(set(ids)):
        return {"components": _form_error("COMPONENT_CUSTOM_ID_DUPLICATED",
                                          "Component custom id cannot be duplicated")}
    return {}


def _embeds(embeds: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{"type": "rich", **e} for e in embeds]


def _avatar_hash(avatar: str | None) -> str | None:
    return hashlib.md5(avatar.encode()).hexdigest() if avatar else None


def _flag(query: dict[str, str], name: str) -> bool:
    return query.get(name, "").lower() in ("1", "true")


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def _error(status: int, code: int, errors: dict[str, Any] | None = None,
           message: str | None = None) -> web.Response:
    """Discord's JSON error: {message, code[, errors]}."""
    answer: dict[str, Any] = {"message": message or ERRORS.get(code, "Error"), "code": code}
    if errors:
        answer["errors"] = errors
    return _json(answer, status=status)


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly `application/json`: with `; charset=utf-8` discord.py would treat the body as text.
    headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(data).encode(), status=status, headers=headers)


async def _read_body(request: web.Request) -> tuple[Any, list[Upload]]:
    """The JSON body (a multipart body's `payload_json`) and the multipart files (`files[n]`)."""
    if not request.can_read_body:
        return None, []
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        uploads = []
        for name, value in form.items():
            match = re.fullmatch(r"files\[(\d+)\]", name)
            if match and isinstance(value, web.FileField):
                uploads.append(Upload(int(match[1]), value.filename, value.file.read(),
                                      value.content_type or "application/octet-stream"))
        payload = form.get("payload_json")
        return (json.loads(payload) if isinstance(payload, str) else {}), uploads
    raw = await request.read()
    try:
        return json.loads(raw), []
    except ValueError:
        return raw.decode("utf-8", "replace"), []
