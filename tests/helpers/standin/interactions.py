"""Interactions: the INTERACTION_CREATEs a test injects (slash commands, autocomplete, buttons, select
menus, modal submits, message context menus), the callbacks and follow-ups that answer them, and
waiting for those answers."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any, Unpack

from aiohttp import web

from helpers.standin.constants import (
    ADMINISTRATOR,
    ALL_PERMISSIONS,
    APP_ID,
    CHANNEL_ID,
    DEFAULT_USER_ID,
    DM,
    DM_APP_PERMISSIONS,
    EPHEMERAL,
    EVERYONE_PERMISSIONS,
    FAILURES,
    GUILD_ID,
    LOADING,
    SENDABLE_FLAGS,
    UPLOAD_LIMIT,
    USER_INSTALL_APP_PERMISSIONS,
    user_payload,
)
from helpers.standin.payloads import (
    _component,
    _error,
    _form_error,
    _id_of,
    _json,
    _modal_answer,
    _now,
    _text_channel,
)
from helpers.standin.records import Call, Context, Interaction, Upload


class InteractionsMixin:
    """Interactions and their answers. Its state is DiscordStandIn's (server.py)."""

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

    async def choose(self, message: dict[str, Any], custom_id: str, values: list[str], *,
                     crafted: bool = False, **context: Unpack[Context]) -> Interaction:
        """A choice in a select menu of `message`: for a string select, `values` must be among its
        options and within its min_values..max_values. `crafted`: sent as a modified client could send
        it, with values the menu never offered (Discord does not check them against the options)."""
        message = self._current(message)
        select = _component(message, custom_id)
        if select is None or select["type"] not in (3, 5, 6, 7, 8):
            raise ValueError(f"no select menu {custom_id!r} on message {message['id']}")
        if select["type"] == 3 and not crafted:
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
