"""Channel webhooks: listed, created, fetched, edited, deleted (by the bot or, through the helpers, a
moderator), and executed (`wait`, `thread_id`, `thread_name` in a forum, multipart files); the
messages posted through them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from aiohttp import web

from helpers.standin.constants import (
    APP_ID,
    FOREIGN_USER_ID,
    FORUM,
    GUILDS_INTENT,
    MANAGE_WEBHOOKS,
    SENDABLE_FLAGS,
    THREAD_TYPES,
    WEBHOOK_LIMIT,
    WEBHOOKS_INTENT,
    user_payload,
)
from helpers.standin.payloads import (
    _avatar_hash,
    _error,
    _flag,
    _form_error,
    _interactive,
    _json,
    _name_error,
    _now,
    _thread,
)
from helpers.standin.records import Call


class WebhooksMixin:
    """Channel webhooks and their posts. Its state is DiscordStandIn's (server.py)."""

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
