"""The REST routes under `/api/v10` and `/files/...`: each call recorded, a chosen failure or Discord's
refusal answered where Discord would, the route found; channels, DMs and their messages, and the
bot's permissions in a channel."""

from __future__ import annotations

import json
from typing import Any

from aiohttp import web

from helpers.standin.constants import (
    APP_ID,
    ATTACH_FILES,
    BOT_ID,
    DEFAULT_APP_PERMISSIONS,
    DM,
    EPHEMERAL,
    ERRORS,
    FAILURES,
    GUILD_ID,
    LOADING,
    MANAGE_MESSAGES,
    MANAGE_WEBHOOKS,
    OWNER_ID,
    READ_MESSAGE_HISTORY,
    SEND_MESSAGES,
    SEND_MESSAGES_IN_THREADS,
    SENDABLE_FLAGS,
    TEXT,
    THREAD_TYPES,
    VIEW_CHANNEL,
    WEBHOOK_CHANNEL_TYPES,
    user_payload,
)
from helpers.standin.payloads import _error, _form_error, _json, _read_body
from helpers.standin.records import Call


class RestMixin:
    """The REST half. Its state is DiscordStandIn's (server.py)."""

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
        return _json(self.channels[self.open_dm(user_id)])

    def open_dm(self, user_id: int) -> int:
        """The id of the bot's DM channel with `user_id`, made on first use (a test's `say` there, or
        `where="dm"` interactions with it as `channel_id`)."""
        cid = next((c for c, u in self.dm_channels.items() if u == user_id), None)
        if cid is None:
            cid = int(self.next_id())
            self.dm_channels[cid] = user_id
            self.channels[cid] = {"id": str(cid), "type": DM, "recipients": [user_payload(user_id)],
                                  "last_message_id": None, "flags": 0}
        return cid

    def _application(self) -> dict[str, Any]:
        owner = {"id": str(OWNER_ID), "username": "owner", "discriminator": "0", "global_name": None,
                 "avatar": None}
        return {"id": str(APP_ID), "name": "persona-bot", "icon": None, "description": "",
                "bot_public": True, "bot_require_code_grant": False, "owner": owner,
                "verify_key": "0" * 64, "flags": 0, "team": None, "summary": ""}

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
