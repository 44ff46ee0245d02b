"""Payload pieces (channels, threads, components, modal answers), Discord's form errors and limits
checks, and the JSON answers and bodies of the REST routes."""

from __future__ import annotations

import hashlib
import json
import re
import time
from typing import Any

from aiohttp import web

from helpers.standin.constants import (
    CUSTOM_ID_LIMIT,
    EMBED_LIMITS,
    EMBED_TOTAL,
    ERRORS,
    FIELD_LIMITS,
    GUILD_ID,
    IS_COMPONENTS_V2,
    NAME_LIMIT,
    OWNER_ID,
    PUBLIC_THREAD,
    TEXT,
)
from helpers.standin.records import Upload

_REFUSED_NAME = re.compile(r"clyde|discord", re.IGNORECASE)


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
