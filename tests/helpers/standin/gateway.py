"""The gateway Discord plays over a websocket: HELLO, heartbeats, IDENTIFY → READY and the
GUILD_CREATEs of the shard it names, and the events sent to the connection holding a guild's shard
(users' messages from `say` among them)."""

from __future__ import annotations

import asyncio
import json
import re
import time
from typing import Any

from aiohttp import WSMsgType, web

from helpers.standin.constants import (
    ADMIN_ROLE_ID,
    APP_ID,
    BOT_ID,
    BOT_ROLE_ID,
    CHANNEL_ID,
    DEFAULT_APP_PERMISSIONS,
    DEFAULT_USER_ID,
    DIRECT_MESSAGES_INTENT,
    EVERYONE_PERMISSIONS,
    GUILD_ID,
    GUILD_MESSAGES_INTENT,
    MESSAGE_CONTENT_INTENT,
    THREAD_TYPES,
    user_payload,
)
from helpers.standin.payloads import _now
from helpers.standin.records import Connection


class GatewayMixin:
    """The stand-in's gateway half: connections, IDENTIFY, dispatches, users' messages. Its state is
    DiscordStandIn's (server.py)."""

    def connection_of(self, shard_id: int) -> Connection | None:
        """The open gateway connection that receives shard `shard_id`'s events (the newest, if several)."""
        return next((c for c in reversed(self.connections) if c.open and c.shard[0] == shard_id), None)

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

    async def say(self, content: str, *, user_id: int = DEFAULT_USER_ID, channel_id: int = CHANNEL_ID,
                  mentions: list[int] | None = None, reference_message: dict[str, Any] | None = None,
                  ping_reply: bool = True, roles: list[int] | None = None, bot: bool = False,
                  webhook_id: str | None = None, guild_id: int | None = GUILD_ID) -> dict[str, Any]:
        """A user (a bot with `bot`, a webhook with `webhook_id`) posts `content` in a guild channel:
        stored, and dispatched as MESSAGE_CREATE when the IDENTIFY's intents ask for guild messages.
        `guild_id`: the channel's server (one from `add_guild`); None: a DM with the bot (`channel_id`
        from `open_dm`), dispatched when the intents ask for direct messages.

        Mentions are read from the content as Discord does (`<@id>`, `<@!id>` users, `<@&id>` roles,
        @everyone and @here), plus `mentions`; a reply (`reference_message`) pings the replied-to user
        unless `ping_reply` is False (a webhook's message pings nobody). Without the MESSAGE_CONTENT
        intent, the bot gets the content of a server's message only if it is among the users mentioned
        (a DM's, always)."""
        user_ids = [int(m) for m in re.findall(r"<@!?(\d+)>", content)] + list(mentions or [])
        if reference_message is not None and ping_reply and not reference_message.get("webhook_id"):
            user_ids.append(int(reference_message["author"]["id"]))
        author = user_payload(user_id) | ({"bot": True} if bot or webhook_id else {})
        message = self._message({"content": content}, channel_id=channel_id, author=author,
                                webhook_id=webhook_id, kind=19 if reference_message is not None else 0)
        message |= {
            "mentions": [self._user() if u == BOT_ID else user_payload(u) for u in dict.fromkeys(user_ids)],
            "mention_roles": re.findall(r"<@&(\d+)>", content),
            "mention_everyone": "@everyone" in content or "@here" in content,
        }
        if guild_id is not None:
            message["guild_id"] = str(guild_id)
        if not webhook_id and guild_id is not None:
            message["member"] = {"roles": [str(r) for r in roles or []], "joined_at": _now(), "deaf": False,
                                 "mute": False, "flags": 0}
        if reference_message is not None:
            message["message_reference"] = {"type": 0, "message_id": reference_message["id"],
                                            "channel_id": reference_message["channel_id"]}
            if guild_id is not None:
                message["message_reference"]["guild_id"] = str(guild_id)
            message["referenced_message"] = self._current(reference_message)
        self._store(message)
        if self._wants(GUILD_MESSAGES_INTENT if guild_id is not None else DIRECT_MESSAGES_INTENT):
            seen = dict(message)
            hidden = guild_id is not None and not self._wants(MESSAGE_CONTENT_INTENT)
            if hidden and BOT_ID not in user_ids:
                seen |= {"content": "", "embeds": [], "attachments": [], "components": []}
            await self._dispatch("MESSAGE_CREATE", seen)
        return message

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
