"""Messages as Discord returns them: built, stored, edited (fields sent replace, fields left out stay),
their attachments, and Discord's refusal of a message body."""

from __future__ import annotations

from typing import Any

from aiohttp import web

from helpers.standin.constants import (
    BOT_USER,
    CHANNEL_ID,
    MESSAGE_LIMIT,
    SUPPRESS_EMBEDS,
    THREAD_TYPES,
    UPLOAD_LIMIT,
)
from helpers.standin.payloads import _component_errors, _embed_errors, _embeds, _error, _now, _too_long
from helpers.standin.records import Upload


class MessagesMixin:
    """Messages and files. Its state is DiscordStandIn's (server.py)."""

    # --- payloads -------------------------------------------------------------------------------

    def _user(self) -> dict[str, Any]:
        return dict(BOT_USER)

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

    def _store_file(self, filename: str, content: bytes, content_type: str,
                    claimed_size: int | None = None) -> dict[str, Any]:
        att_id = self.next_id()
        key = f"{att_id}-{filename}"
        self.files[key] = content
        return {"id": att_id, "filename": filename, "size": claimed_size if claimed_size is not None
                else len(content), "url": f"{self.base}/files/{key}", "proxy_url": f"{self.base}/files/{key}",
                "content_type": content_type}

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
