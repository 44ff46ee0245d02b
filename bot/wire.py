"""The generation service's wire format, shared by its client (`bot.remote`) and server (`bot.serve_app`).

One request: `POST <remote_url>` with the header `serve_multiplexed_model_id: <persona>` (Ray Serve
routes it to a replica that already holds the persona) and a JSON `GenerateBody`. One answer: JSON
`{"ok": true, "tweets": [...], "copy_rejections": N, "dropped": N, "replica": "..."}` (the tweets as
plain text, `training.generated_text.tweet_text`, which the bot's command layer shapes for Discord; what
the copy guard did), or an error as data, `{"ok": false, "kind", "message"}` with a matching HTTP status,
which the client raises again as the same `BotError` class. Errors never
cross as pickled exceptions: `UnknownPersona`'s constructor does not survive a round trip (its message
comes back nested), and the bot must not depend on Ray's exception wrappers.

Forgetting a persona (/persona forget): `POST <remote_url>/forget` with a JSON `ForgetBody`; the replica
that takes it forgets the persona and answers `{"ok": true, "persona": ..., "holds": [...], "replica":
...}`, what its pool still holds of it (nothing, normally). Serve routes one request to one replica: the
others never serve a persona whose folder is gone (their pool looks before each request) and unload it
at their next rescan.

With `[serve] token_env` set, every request carries `Authorization: Bearer <token>`; a request without
it, or with another token, is answered `{"ok": false, "kind": "unauthorized"}` with 401. A body is at
most `MAX_BODY_BYTES`, strict JSON (no NaN or Infinity, nesting bounded by the parser) and exactly a
`GenerateBody` (a `ForgetBody` at `/forget`); anything else is answered as `InvalidRequest` with 400
(413 when too large).
"""

from __future__ import annotations

import hmac
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.errors import (
    BotError,
    CopyRejected,
    GenerationFailed,
    GenerationTimeout,
    InvalidRequest,
    LoadFailed,
    PoolBroken,
    PoolBusy,
    PoolClosed,
    UnknownPersona,
)
from training.names import is_valid_persona_name

ROUTING_HEADER = "serve_multiplexed_model_id"  # Ray Serve's model-multiplexing header (notes: scale-out §1.1)
AUTH_HEADER = "Authorization"
UNAUTHORIZED = "unauthorized"  # the error kind of a missing or wrong token (not a pool error: no class)
# A request's body: the longest prompt and context (1,800 + 4,000 characters) with every character
# escaped as a surrogate pair (12 bytes) is about 70 kB; anything larger is refused before it is parsed.
MAX_BODY_BYTES = 256 * 1024
MAX_TIMEOUT_S = 3600.0  # as [pool] request_timeout_s: a request cannot hold a queue slot for longer
FORGET_PATH = "forget"  # `<remote_url>/forget`: a ForgetBody, answered by the replica that takes it

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
        (CopyRejected, 422),
    )
}


class GenerateBody(BaseModel):
    """`GenerationPool.generate`'s arguments, as JSON. The pool validates the values themselves."""

    model_config = ConfigDict(extra="forbid", allow_inf_nan=False)

    persona: str
    prompt: str = ""
    count: int = 1
    max_new_tokens: int | None = None
    temperature: float | None = None
    top_p: float | None = None
    top_k: int | None = None
    seed: int | None = None
    timeout: float | None = Field(None, le=MAX_TIMEOUT_S)
    min_new_tokens: int = 0
    context: str = ""


class ForgetBody(BaseModel):
    """`GenerationPool.forget`'s argument, as JSON: the persona's name (a valid one, nothing else)."""

    model_config = ConfigDict(extra="forbid")

    persona: str

    @field_validator("persona")
    @classmethod
    def _a_persona_name(cls, name: str) -> str:
        if not is_valid_persona_name(name):
            raise ValueError("not a persona name")
        return name


def forget_url(remote_url: str) -> str:
    """Where the client posts a ForgetBody: `<remote_url>/forget`."""
    return f"{remote_url.rstrip('/')}/{FORGET_PATH}"


def is_forget_path(path: str, root_path: str = "") -> bool:
    """Whether a request's path (Serve's ASGI `path`, under the route prefix `root_path`) is the forget
    path; every other path under the prefix generates, as before."""
    if root_path and path.startswith(root_path):
        path = path[len(root_path):]
    return path.strip("/") == FORGET_PATH


def parse_forget(raw: bytes) -> ForgetBody:
    """A forget request's body as the service reads it: as strict as `parse_body`, or InvalidRequest."""
    if len(raw) > MAX_BODY_BYTES:
        raise too_large()
    try:
        return ForgetBody.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise InvalidRequest(f"Not a forget request: {_reason(exc)}.") from None


def request_body(**values: Any) -> GenerateBody:
    """The client's body for `GenerationPool.generate`'s arguments; a value JSON cannot carry (NaN, an
    infinite timeout) is refused here as the service would refuse it."""
    try:
        return GenerateBody(**values)
    except ValidationError as exc:
        raise InvalidRequest(f"Not a generation request: {_reason(exc)}.") from None


def parse_body(raw: bytes) -> GenerateBody:
    """A request's body as the service reads it, or InvalidRequest saying in one line what is wrong: not
    JSON, NaN or Infinity, nested too deep (pydantic's parser stops at its recursion limit), not an
    object, an unknown key, a wrong type (strict: "3" is not a count, true is not a number)."""
    if len(raw) > MAX_BODY_BYTES:
        raise too_large()
    try:
        return GenerateBody.model_validate_json(raw, strict=True)
    except ValidationError as exc:
        raise InvalidRequest(f"Not a generation request: {_reason(exc)}.") from None


def _reason(exc: ValidationError) -> str:
    error = exc.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in error["loc"])
    return f"{where}: {error['msg']}" if where else str(error["msg"])


class BodyTooLarge(InvalidRequest):
    """A body over MAX_BODY_BYTES: an InvalidRequest for the client, answered with 413."""

    def __init__(self) -> None:
        super().__init__(f"Not a generation request: the body is over {MAX_BODY_BYTES} bytes.")


def too_large() -> BodyTooLarge:
    return BodyTooLarge()


def auth_headers(token: str | None) -> dict[str, str]:
    """What the client sends with every request: the token, when it has one."""
    return {AUTH_HEADER: f"Bearer {token}"} if token else {}


def authorized(header: str | None, token: str) -> bool:
    """Whether an `Authorization` header carries `token`; compared in constant time, so that the answer's
    timing does not tell how much of a guess was right."""
    scheme, _, given = (header or "").partition(" ")
    return hmac.compare_digest(given.strip().encode(), token.encode()) and scheme.lower() == "bearer"


def unauthorized_data() -> tuple[dict[str, Any], int]:
    return {"ok": False, "kind": UNAUTHORIZED,
            "message": "This request's token is missing or wrong ([serve] token_env)."}, 401


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
