"""The stand-in itself: its state, the aiohttp server it runs on loopback, and waiting for the bot.
What it plays is in the mixins: gateway.py, interactions.py, webhooks.py, rest.py, messages.py."""

from __future__ import annotations

import asyncio
import itertools
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from helpers.standin.constants import (
    CHANNEL_ID,
    FAILURES,
    FORUM,
    FORUM_ID,
    FORUM_POST_ID,
    GUILD_ID,
    THREAD_ID,
)
from helpers.standin.gateway import GatewayMixin
from helpers.standin.interactions import InteractionsMixin
from helpers.standin.messages import MessagesMixin
from helpers.standin.payloads import _now, _text_channel, _thread
from helpers.standin.records import Call, Connection, Failure, Interaction
from helpers.standin.rest import RestMixin
from helpers.standin.webhooks import WebhooksMixin


@dataclass
class DiscordStandIn(GatewayMixin, InteractionsMixin, WebhooksMixin, RestMixin, MessagesMixin):
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

    async def channel_message(self, containing: str, timeout: float = 20.0) -> Call:
        """The first message posted in the channel (not through an interaction) containing the text."""
        def posted(call: Call) -> bool:
            return (call.method == "POST" and call.path == f"channels/{CHANNEL_ID}/messages"
                    and call.status == 200 and containing in (call.body or {}).get("content", ""))
        return await self.wait_for(posted, timeout)
