"""A Discord stand-in on loopback for end-to-end tests of the real discord.py client.

An aiohttp server playing both halves of Discord that the bot uses:
- the gateway (`/gateway`, plain JSON text frames; discord.py asks for `compress=zlib-stream` but
  only decompresses binary frames, so text frames need none): HELLO, heartbeat ACKs (each heartbeat's
  arrival time is recorded), IDENTIFY → READY + GUILD_CREATE, then the INTERACTION_CREATE dispatches
  a test injects with `interact()`;
- the REST routes under `/api/v10`: `/users/@me`, `/oauth2/applications/@me`, `/gateway/bot`, the
  command sync PUTs, interaction callbacks, webhook follow-ups, edits and deletes, channel messages,
  and `/files/...` serving attachments.
Every REST call is recorded (`calls`) so tests can assert what the bot sent. Like Discord, it refuses
a message over 2,000 characters (400, code 50035), and a test can make chosen calls fail with 400, 404,
429 (retry after a moment) or 500 (`fail`). discord.py parses a body as JSON only when the
Content-Type is exactly `application/json`, so that is what `_json` sets.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from dataclasses import dataclass, field
from typing import Any

from aiohttp import WSMsgType, web

APP_ID = 710000000000000001
BOT_ID = APP_ID
GUILD_ID = 720000000000000001
OTHER_GUILD_ID = 720000000000000099  # a server the bot was invited to but is not configured for
OWNER_ID = 1  # the application's owner, as /oauth2/applications/@me says
CHANNEL_ID = 730000000000000001
ADMIN_ROLE_ID = 740000000000000001
ADMINISTRATOR = 1 << 3


@dataclass
class Call:
    method: str
    path: str
    body: Any
    query: dict[str, str]
    at: float = field(default_factory=time.monotonic)  # when it arrived
    status: int = 200  # what the stand-in answered


# Discord's answers to the failures a test can ask for (`DiscordStandIn.fail`).
FAILURES = {
    400: {"message": "Invalid Form Body", "code": 50035},
    404: {"message": "Unknown Webhook", "code": 10015},
    429: {"message": "You are being rate limited.", "retry_after": 0.05, "global": False},
    500: {"message": "500: Internal Server Error", "code": 0},
}
MESSAGE_LIMIT = 2000


@dataclass
class Failure:
    method: str
    path_part: str  # fails calls whose path contains this
    status: int
    times: int  # how many more calls to fail

    def matches(self, method: str, path: str) -> bool:
        return self.times > 0 and method == self.method and self.path_part in path


@dataclass
class Interaction:
    id: str
    token: str
    sent_at: float = field(default_factory=time.monotonic)

    def matches(self, call: Call) -> bool:
        return self.token in call.path


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

    def __post_init__(self) -> None:
        self.acknowledged: set[str] = set()  # interaction tokens answered or deferred: webhooks work
        self._ids = itertools.count(800000000000000001)
        self._seq = itertools.count(1)
        self._ws: web.WebSocketResponse | None = None
        self._changed = asyncio.Condition()
        self._runner: web.AppRunner | None = None
        self.port = 0

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
        if self._ws is not None:
            await self._ws.close()
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

    def fail(self, method: str, path_part: str, status: int, times: int = 1) -> None:
        """Make the next `times` calls `method` to a path containing `path_part` fail with `status`."""
        assert status in FAILURES, status
        self.failures.append(Failure(method, path_part, status, times))

    def calls_for(self, interaction: Interaction) -> list[Call]:
        return [c for c in self.calls if interaction.matches(c)]

    async def reply_to(self, interaction: Interaction, timeout: float = 20.0) -> Call:
        """The message that answers `interaction`: an immediate reply (callback type 4) or, after a
        defer, its follow-up. Ephemeral follow-ups count too."""
        def answered(call: Call) -> bool:
            if not interaction.matches(call):
                return False
            if call.status != 200:
                return False
            if call.path.endswith("/callback"):
                return call.body.get("type") == 4
            return call.method == "POST" and call.path.startswith("webhooks/")
        return await self.wait_for(answered, timeout)

    async def channel_message(self, containing: str, timeout: float = 20.0) -> Call:
        """The first message posted in the channel (not through an interaction) containing the text."""
        def posted(call: Call) -> bool:
            return (call.method == "POST" and call.path == f"channels/{CHANNEL_ID}/messages"
                    and call.status == 200 and containing in (call.body or {}).get("content", ""))
        return await self.wait_for(posted, timeout)

    # --- gateway --------------------------------------------------------------------------------

    async def _gateway(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(autoping=True)
        await ws.prepare(request)
        self._ws = ws
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
                self.identifies += 1
                await self._dispatch("READY", {
                    "v": 10, "user": self._user(), "guilds": [{"id": str(GUILD_ID), "unavailable": True}],
                    "session_id": f"session-{self.identifies}", "resume_gateway_url": self.gateway_url,
                    "application": {"id": str(APP_ID), "flags": 0},
                })
                await self._dispatch("GUILD_CREATE", self._guild())
        return ws

    async def _dispatch(self, event: str, data: dict[str, Any]) -> None:
        assert self._ws is not None, "the bot has not connected to the gateway"
        await self._ws.send_json({"op": 0, "t": event, "s": next(self._seq), "d": data})

    async def interact(
        self,
        name: str,
        options: list[dict[str, Any]] | None = None,
        *,
        user_id: int = 900000000000000001,
        permissions: int = 0,
        roles: list[int] | None = None,
        autocomplete: bool = False,
        resolved: dict[str, Any] | None = None,
        guild_id: int = GUILD_ID,
        where: str = "guild",
        token: str | None = None,
    ) -> Interaction:
        """Dispatch an INTERACTION_CREATE for `/name` (a 'persona add' style name is a subcommand).

        `where`: "guild" (a server that installed the bot: `guild_id`), "dm" (a DM with the bot), or
        "user_install" (a server where only the user installed the app: the member's permissions are
        there, but no server authorised the bot). `token`: one from `new_token()`, so a test can make
        calls with it `fail` before the bot makes them."""
        top, _, sub = name.partition(" ")
        opts = options or []
        if sub:
            opts = [{"name": sub, "type": 1, "options": opts}]
        interaction = Interaction(self.next_id(), token or self.new_token())
        data: dict[str, Any] = {"id": self.next_id(), "name": top, "type": 1, "options": opts}
        if resolved:
            data["resolved"] = resolved
        member_user = {"id": str(user_id), "username": f"user{user_id % 1000}", "discriminator": "0",
                       "global_name": None, "avatar": None}
        payload: dict[str, Any] = {
            "id": interaction.id, "application_id": str(APP_ID), "type": 4 if autocomplete else 2,
            "data": data, "channel_id": str(CHANNEL_ID), "token": interaction.token, "version": 1,
            "app_permissions": "0", "locale": "en-US", "entitlements": [],
            "attachment_size_limit": 10 << 20,
        }
        if where == "dm":
            payload |= {"user": member_user, "context": 1, "authorizing_integration_owners": {"0": "0"},
                        "channel": {"id": str(CHANNEL_ID), "type": 1, "recipients": [member_user]}}
        else:
            owners = {"0": str(guild_id)} if where == "guild" else {"1": str(user_id)}
            payload |= {
                "guild_id": str(guild_id), "guild_locale": "en-US", "context": 0,
                "authorizing_integration_owners": owners,
                "channel": {"id": str(CHANNEL_ID), "type": 0, "guild_id": str(guild_id), "name": "general",
                            "position": 0, "permission_overwrites": []},
                "member": {"user": member_user, "roles": [str(r) for r in roles or []], "joined_at": _now(),
                           "deaf": False, "mute": False, "flags": 0, "permissions": str(permissions)},
            }
        await self._dispatch("INTERACTION_CREATE", payload)
        return interaction

    def attachment(self, filename: str, content: bytes, claimed_size: int | None = None) -> dict[str, Any]:
        """Serve `content` at /files/<id>-<filename>; return (option, resolved) for an attachment option."""
        att_id = self.next_id()
        key = f"{att_id}-{filename}"
        self.files[key] = content
        return {"id": att_id, "filename": filename, "size": claimed_size if claimed_size is not None
                else len(content), "url": f"{self.base}/files/{key}", "proxy_url": f"{self.base}/files/{key}",
                "content_type": "application/octet-stream"}

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
        body = await _read_body(request)
        call = Call(request.method, path, body, dict(request.query))
        self.calls.append(call)
        response = self._route(call, request.headers.get("Authorization", ""))
        call.status = response.status
        await self._notify()
        return response

    def _refusal(self, call: Call) -> web.Response | None:
        """A chosen failure, or Discord's refusal of a message over 2,000 characters."""
        for failure in self.failures:
            if failure.matches(call.method, call.path):
                failure.times -= 1
                limited = failure.status == 429
                # `Via`: discord.py takes a 429 without it for a Cloudflare ban and does not retry.
                headers = {"Retry-After": "0.05", "X-RateLimit-Scope": "user", "Via": "1.1 google"} \
                    if limited else {}
                return _json(FAILURES[failure.status], status=failure.status, headers=headers)
        body = call.body if isinstance(call.body, dict) else {}
        if call.path.endswith("/callback"):
            body = body.get("data") or {}
        content = body.get("content")
        if isinstance(content, str) and len(content) > MESSAGE_LIMIT:
            return _json({"message": "Invalid Form Body", "code": 50035, "errors": {"content": {"_errors": [
                {"code": "BASE_TYPE_MAX_LENGTH", "message": "Must be 2000 or fewer in length."}]}}},
                status=400)
        return None

    def _route(self, call: Call, authorization: str) -> web.Response:
        method, path, body = call.method, call.path, call.body
        refusal = self._refusal(call)
        if refusal is not None:
            return refusal
        parts = path.split("/")
        token = authorization.removeprefix("Bot ")
        if self.accepted_token is not None and token != self.accepted_token:
            return _json({"message": "401: Unauthorized", "code": 0}, status=401)
        if self.login_status is not None and path == "users/@me":
            return _json({"message": "Login not allowed here", "code": 0}, status=self.login_status)
        if method == "GET" and path == "users/@me":
            return _json(self._user())
        if method == "GET" and path == "oauth2/applications/@me":
            return _json(self._application())
        if method == "GET" and path == "gateway/bot":
            return _json({"url": self.gateway_url, "shards": 1, "session_start_limit": {
                "total": 1000, "remaining": 1000, "reset_after": 0, "max_concurrency": 1}})
        if method == "PUT" and parts[0] == "applications" and parts[-1] == "commands":
            guild_id = parts[3] if len(parts) == 5 else None
            return _json([{**cmd, "id": self.next_id(), "application_id": str(APP_ID), "version": "1",
                           **({"guild_id": guild_id} if guild_id else {})} for cmd in body])
        if method == "POST" and parts[0] == "interactions" and parts[-1] == "callback":
            self.acknowledged.add(parts[2])
            return _json({"interaction": {"id": parts[1], "type": 2,
                                          "response_message_loading": body.get("type") == 5}})
        if parts[0] == "webhooks" and len(parts) > 2 and parts[2] not in self.acknowledged:
            # Discord knows an interaction's webhook only once the interaction was acknowledged.
            return _json(FAILURES[404], status=404)
        if parts[0] == "webhooks" and method in ("POST", "PATCH"):
            message_id = parts[4] if len(parts) > 4 and parts[4] != "@original" else None
            return _json(self._message(body, message_id))
        if parts[0] == "webhooks" and method == "DELETE":
            return web.Response(status=204)
        if method == "POST" and parts[0] == "channels" and parts[-1] == "messages":
            return _json(self._message(body))
        return _json({"message": f"stand-in has no route for {method} /{path}", "code": 0}, status=404)

    # --- payloads -------------------------------------------------------------------------------

    def _user(self) -> dict[str, Any]:
        return {"id": str(BOT_ID), "username": "persona-bot", "discriminator": "0", "global_name": None,
                "avatar": None, "bot": True, "flags": 0, "mfa_enabled": False, "verified": True}

    def _application(self) -> dict[str, Any]:
        owner = {"id": str(OWNER_ID), "username": "owner", "discriminator": "0", "global_name": None,
                 "avatar": None}
        return {"id": str(APP_ID), "name": "persona-bot", "icon": None, "description": "",
                "bot_public": True, "bot_require_code_grant": False, "owner": owner,
                "verify_key": "0" * 64, "flags": 0, "team": None, "summary": ""}

    def _guild(self) -> dict[str, Any]:
        def role(rid: int, name: str, perms: int, pos: int) -> dict[str, Any]:
            return {"id": str(rid), "name": name, "permissions": str(perms), "position": pos, "color": 0,
                    "hoist": False, "managed": False, "mentionable": False, "flags": 0}
        return {
            "id": str(GUILD_ID), "name": "Stand-in Guild", "icon": None, "owner_id": "1",
            "unavailable": False, "member_count": 2, "large": False, "features": [], "emojis": [],
            "stickers": [],
            "roles": [role(GUILD_ID, "@everyone", 0, 0), role(ADMIN_ROLE_ID, "bot-admins", 0, 1)],
            "channels": [{"id": str(CHANNEL_ID), "type": 0, "name": "general", "position": 0,
                          "permission_overwrites": []}],
            "members": [], "threads": [], "voice_states": [], "presences": [], "stage_instances": [],
            "guild_scheduled_events": [], "premium_tier": 0, "preferred_locale": "en-US",
            "verification_level": 0,
            "default_message_notifications": 0, "explicit_content_filter": 0, "mfa_level": 0, "nsfw_level": 0,
            "system_channel_flags": 0, "joined_at": _now(),
        }

    def _message(self, body: Any, message_id: str | None = None) -> dict[str, Any]:
        body = body if isinstance(body, dict) else {}
        return {"id": message_id or self.next_id(), "channel_id": str(CHANNEL_ID), "type": 0,
                "content": body.get("content") or "", "author": self._user(), "timestamp": _now(),
                "edited_timestamp": None, "tts": False, "mention_everyone": False, "mentions": [],
                "mention_roles": [], "attachments": [], "embeds": [], "pinned": False,
                "flags": body.get("flags", 0), "webhook_id": str(APP_ID)}


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S+00:00", time.gmtime())


def _json(data: Any, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    # Exactly `application/json`: with `; charset=utf-8` discord.py would treat the body as text.
    headers = {"Content-Type": "application/json", **(headers or {})}
    return web.Response(body=json.dumps(data).encode(), status=status, headers=headers)


async def _read_body(request: web.Request) -> Any:
    if not request.can_read_body:
        return None
    if request.content_type.startswith("multipart/"):
        form = await request.post()
        payload = form.get("payload_json")
        return json.loads(payload) if isinstance(payload, str) else {}
    raw = await request.read()
    try:
        return json.loads(raw)
    except ValueError:
        return raw.decode("utf-8", "replace")
