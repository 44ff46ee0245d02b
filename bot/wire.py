"""The generation service's wire format, shared by its client (`bot.remote`) and server (`bot.serve_app`).

One request: `POST <remote_url>` with the header `serve_multiplexed_model_id: <persona>` (Ray Serve
routes it to a replica that already holds the persona) and a JSON `GenerateBody`. One answer: JSON
`{"ok": true, "texts": [...], "replica": "..."}`, or an error as data, `{"ok": false, "kind", "message"}`
with a matching HTTP status, which the client raises again as the same `BotError` class. Errors never
cross as pickled exceptions: `UnknownPersona`'s constructor does not survive a round trip (its message
comes back nested), and the bot must not depend on Ray's exception wrappers.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict

from bot.errors import (
    BotError,
    GenerationFailed,
    GenerationTimeout,
    InvalidRequest,
    LoadFailed,
    PoolBroken,
    PoolBusy,
    PoolClosed,
    UnknownPersona,
)

ROUTING_HEADER = "serve_multiplexed_model_id"  # Ray Serve's model-multiplexing header (notes: scale-out §1.1)

# Each kind the pool raises, with the HTTP status the service answers it with.
ERRORS: dict[str, tuple[type[BotError], int]] = {
    cls.kind: (cls, status) for cls, status in (
        (InvalidRequest, 400),
        (UnknownPersona, 404),
        (PoolBusy, 429),
        (GenerationTimeout, 504),
        (PoolClosed, 503),
        (PoolBroken, 503),
        (LoadFailed, 500),
        (GenerationFailed, 500),
    )
}


class GenerateBody(BaseModel):
    """`GenerationPool.generate`'s arguments, as JSON. The pool validates the values themselves."""

    model_config = ConfigDict(extra="forbid")

    persona: str
    prompt: str = ""
    count: int = 1
    max_new_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    seed: int | None = None
    timeout: float | None = None
    min_new_tokens: int = 0
    context: str = ""


def error_data(exc: BotError) -> tuple[dict[str, Any], int]:
    """An error as the service sends it, and its HTTP status."""
    data: dict[str, Any] = {"ok": False, "kind": exc.kind, "message": str(exc)}
    if isinstance(exc, UnknownPersona):
        data["suggestions"] = exc.suggestions
    return data, ERRORS.get(exc.kind, (GenerationFailed, 500))[1]


def error_from(data: dict[str, Any]) -> BotError:
    """The `BotError` an error answer stands for: the same class, the message exactly as sent."""
    kind = str(data.get("kind", ""))
    message = str(data.get("message", "")) or "Generation failed; the generation service's log says why."
    cls = ERRORS.get(kind, (GenerationFailed, 500))[0]
    exc = cls.__new__(cls)
    Exception.__init__(exc, message)  # each class's own __init__ builds a message; this one is final
    if isinstance(exc, UnknownPersona):
        exc.name = str(data.get("persona", ""))
        exc.suggestions = [str(s) for s in data.get("suggestions", [])][:5]
    return exc
