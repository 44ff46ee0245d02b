"""The generation service's guards without a running service: its token check, the body parsers (a
generation's and a forget's) and the capped reader; the replica's answer to a forget. The same cases
against the real service are in test_remote_serve.py."""

from __future__ import annotations

import hmac
import json
from collections.abc import AsyncIterator

import pytest

from bot.config import ConfigError, token_from_env
from bot.errors import InvalidRequest
from bot.wire import (
    MAX_BODY_BYTES,
    BodyTooLarge,
    ForgetBody,
    GenerateBody,
    auth_headers,
    authorized,
    forget_url,
    is_forget_path,
    parse_body,
    parse_forget,
    request_body,
)

NESTED = b"[" * 100_000 + b"]" * 100_000


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"persona": "p0", "timeout": Infinity}', "timeout: Input should be a finite number"),
    (b'{"persona": "p0", "timeout": -Infinity}', "timeout: Input should be a finite number"),
    (b'{"persona": "p0", "top_p": NaN}', "top_p: Input should be a finite number"),
    (b'{"persona": "p0", "temperature": 1e400}', "temperature: Input should be a finite number"),
    (b'{"persona": "p0", "timeout": 3600.5}', "timeout: Input should be less than or equal to 3600"),
    (NESTED, "Invalid JSON: recursion limit exceeded"),
    (b'{"persona": "p0", "prompt": ' + NESTED + b"}", "Invalid JSON: recursion limit exceeded"),
    (b"[]", "Input should be an object"),
    (b"null", "Input should be an object"),
    (b'{"prompt": "hi"}', "persona: Field required"),
    (b'{"persona": "p0", "colour": "red"}', "colour: Extra inputs are not permitted"),
    (b'{"persona": "p0", "count": "2"}', "count: Input should be a valid integer"),
    (b'{"persona": "p0", "count": 2.5}', "count: Input should be a valid integer"),
    (b'{"persona": "p0", "seed": false}', "seed: Input should be a valid integer"),
    (b'{"persona": 7}', "persona: Input should be a valid string"),
    (b'{"persona": "p0"} trailing', "Invalid JSON: trailing characters"),
    (b"\xff", "Invalid JSON"),
    (b"", "Invalid JSON"),
])
def test_a_malformed_body_is_one_invalid_request_line(raw: bytes, reason: str) -> None:
    with pytest.raises(InvalidRequest) as info:
        parse_body(raw)
    message = str(info.value)
    assert message.startswith("Not a generation request: ") and reason in message, message
    assert "\n" not in message and len(message) < 200


def test_a_well_formed_body_parses_as_sent() -> None:
    body = parse_body(b'{"persona": "p0", "prompt": "hi", "count": 2, "temperature": 1, "timeout": 30,'
                      b' "seed": null, "context": "caf\\u00e9"}')
    assert body == GenerateBody(persona="p0", prompt="hi", count=2, temperature=1.0, timeout=30.0,
                                context="café")
    # What the client sends (every field, defaults included) is what the service reads back.
    sent = json.dumps(GenerateBody(persona="p0", prompt="x" * 300).model_dump()).encode()  # as aiohttp does
    assert parse_body(sent).prompt == "x" * 300


def test_a_body_over_the_cap_is_refused_unread() -> None:
    with pytest.raises(BodyTooLarge, match=f"over {MAX_BODY_BYTES} bytes"):
        parse_body(b'{"persona": "p0", "prompt": "' + b"x" * MAX_BODY_BYTES + b'"}')
    # The largest legal request, every character escaped as a surrogate pair (as the client's json.dumps
    # sends it), fits under the cap three times over.
    longest = GenerateBody(persona="p0", prompt="😀" * 1800, context="😀" * 4000)
    assert len(json.dumps(longest.model_dump()).encode()) < MAX_BODY_BYTES // 3


def test_the_client_refuses_what_json_cannot_carry_before_sending() -> None:
    with pytest.raises(InvalidRequest, match="timeout: Input should be a finite number"):
        request_body(persona="p0", timeout=float("inf"))
    with pytest.raises(InvalidRequest, match="temperature: Input should be a finite number"):
        request_body(persona="p0", temperature=float("nan"))


def test_the_token_is_compared_in_constant_time(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[bytes, bytes]] = []
    real = hmac.compare_digest

    def spy(a: bytes, b: bytes) -> bool:
        calls.append((a, b))
        return real(a, b)

    monkeypatch.setattr(hmac, "compare_digest", spy)
    assert authorized(auth_headers("t0ken")["Authorization"], "t0ken")
    assert authorized("bearer t0ken", "t0ken")  # the scheme is case-insensitive (RFC 7235)
    for header in (None, "", "Bearer", "Bearer ", "Bearer t0ke", "Bearer t0ken2", "Basic t0ken", "t0ken",
                   "Bearer T0KEN"):
        assert not authorized(header, "t0ken"), header
    assert len(calls) == 11 and all(b == b"t0ken" for _, b in calls)  # every check went through it
    assert auth_headers(None) == {} and auth_headers("") == {}


def test_a_token_env_naming_an_unset_variable_is_one_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("PERSONA_NO_SUCH_TOKEN", raising=False)
    with pytest.raises(ConfigError) as info:
        token_from_env("PERSONA_NO_SUCH_TOKEN", "[serve] token_env")
    assert str(info.value) == ('[serve] token_env = "PERSONA_NO_SUCH_TOKEN", but the environment variable '
                               "PERSONA_NO_SUCH_TOKEN is not set (the token goes in the environment, never "
                               "in config.toml)")
    monkeypatch.setenv("PERSONA_NO_SUCH_TOKEN", "  ")
    with pytest.raises(ConfigError, match="is not set"):
        token_from_env("PERSONA_NO_SUCH_TOKEN", "[serve] token_env")
    monkeypatch.setenv("PERSONA_NO_SUCH_TOKEN", "abc\n")
    assert token_from_env("PERSONA_NO_SUCH_TOKEN", "[serve] token_env") == "abc"
    assert token_from_env(None, "[serve] token_env") is None


class FakeRequest:
    """What `read_body` uses of Starlette's Request: its headers and its body stream, counting the chunks
    pulled from a client that would send forever."""

    def __init__(self, headers: dict[str, str], chunk: int = 65536) -> None:
        self.headers = headers
        self.chunk = chunk
        self.pulled = 0

    async def stream(self) -> AsyncIterator[bytes]:
        while True:
            self.pulled += 1
            yield b"x" * self.chunk


async def test_a_declared_length_over_the_cap_is_refused_before_reading() -> None:
    pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")
    from bot.serve_app import read_body

    for length in (str(MAX_BODY_BYTES + 1), "300000000", "-1", "12x"):
        request = FakeRequest({"content-length": length})
        with pytest.raises(BodyTooLarge):
            await read_body(request, MAX_BODY_BYTES)  # type: ignore[arg-type]
        assert request.pulled == 0


async def test_an_endless_body_is_read_only_up_to_the_cap() -> None:
    pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")
    from bot.serve_app import read_body

    request = FakeRequest({}, chunk=65536)  # chunked: no length to go by
    with pytest.raises(BodyTooLarge):
        await read_body(request, MAX_BODY_BYTES)  # type: ignore[arg-type]
    assert request.pulled == MAX_BODY_BYTES // 65536 + 1  # the first chunk past the cap, and no more


# --- the forget request ---------------------------------------------------------------------------


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"persona": "p0", "prompt": "hi"}', "prompt: Extra inputs are not permitted"),
    (b'{"persona": 7}', "persona: Input should be a valid string"),
    (b'{"persona": ["p0"]}', "persona: Input should be a valid string"),
    (b'{"persona": "../p0"}', "persona: Value error, not a persona name"),
    (b'{"persona": ".tmp-p0"}', "persona: Value error, not a persona name"),
    (b'{"persona": ""}', "persona: Value error, not a persona name"),
    (b"{}", "persona: Field required"),
    (b'"p0"', "Input should be an object"),
    (NESTED, "Invalid JSON: recursion limit exceeded"),
    (b'{"persona": "p0"} trailing', "Invalid JSON: trailing characters"),
    (b"", "Invalid JSON"),
])
def test_a_malformed_forget_body_is_one_invalid_request_line(raw: bytes, reason: str) -> None:
    with pytest.raises(InvalidRequest) as info:
        parse_forget(raw)
    message = str(info.value)
    assert message.startswith("Not a forget request: ") and reason in message, message
    assert "\n" not in message and len(message) < 200


def test_a_forget_body_parses_as_sent_and_has_its_own_path() -> None:
    assert parse_forget(json.dumps(ForgetBody(persona="marlowe_bakes").model_dump()).encode()) == \
        ForgetBody(persona="marlowe_bakes")
    with pytest.raises(BodyTooLarge):
        parse_forget(b'{"persona": "' + b"p" * MAX_BODY_BYTES + b'"}')
    assert forget_url("http://gpu:8000/personas") == forget_url("http://gpu:8000/personas/") == \
        "http://gpu:8000/personas/forget"
    assert is_forget_path("/personas/forget", "/personas")
    assert is_forget_path("/personas/forget/", "/personas")
    assert is_forget_path("/forget") and is_forget_path("/forget", "")  # route prefix "/"
    for path, root in (("/personas", "/personas"), ("/personas/", "/personas"), ("/personas/x", "/personas"),
                       ("/forget/personas", "/forget"), ("/personas/forgetting", "/personas")):
        assert not is_forget_path(path, root), (path, root)


class BodyRequest(FakeRequest):
    """A request whose body is `raw`, in one chunk."""

    def __init__(self, raw: bytes) -> None:
        super().__init__({"content-length": str(len(raw))})
        self.raw = raw

    async def stream(self) -> AsyncIterator[bytes]:
        yield self.raw


async def test_the_replica_forgets_and_answers_what_its_pool_still_holds(start_pool, tmp_path) -> None:
    pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")
    from helpers.checkpoints import make_checkpoint

    from bot.serve_app import forget_answer

    models = tmp_path / "models"
    make_checkpoint(models, "p0")
    pool = await start_pool(models, batch_window_ms=0)
    await pool.generate("p0", "hi", max_new_tokens=2)
    assert "resident" in pool.holds("p0")
    (models / "p0").rename(models / ".forget-p0")
    data, status = await forget_answer(pool, BodyRequest(b'{"persona": "p0"}'), "r1")  # type: ignore[arg-type]
    assert (status, data) == (200, {"ok": True, "persona": "p0", "holds": [], "replica": "r1"})
    assert pool.holds("p0") == [] and pool.registry.get("p0") is None
    data, status = await forget_answer(pool, BodyRequest(b'{"persona": "p0", "x": 1}'), "r1")  # type: ignore[arg-type]
    assert status == 400 and data["kind"] == "invalid" and "x: Extra inputs" in data["message"]


async def test_the_replica_answers_plain_tweets_which_the_bot_shapes_once(start_pool, tmp_path) -> None:
    # The service sends `tweets` as plain text (no Discord rule on the wire); the client takes them as
    # they are, and the command layer's `discord_tweet` is the one place they are escaped.
    pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")
    from types import SimpleNamespace

    from helpers.checkpoints import make_checkpoint

    from bot.output import discord_tweet
    from bot.remote import answer_texts
    from bot.serve_app import PersonaPool

    models = tmp_path / "models"
    make_checkpoint(models, "p0")
    pool = await start_pool(models, batch_window_ms=0)

    async def hold(_persona: str) -> None:
        return None

    replica = SimpleNamespace(pool=pool, _hold=hold, name="r1")  # the deployment's state, without Serve
    prompt = "@everyone see [x](http://a.b) \\o/"
    asked = {"persona": "p0", "prompt": prompt, "max_new_tokens": 3, "count": 2}
    body = parse_body(json.dumps(asked).encode())
    data, status = await getattr(PersonaPool, "func_or_class", PersonaPool).generate(replica, body)
    assert status == 200 and "tweets" in data and "texts" not in data
    tweets = answer_texts(status, json.dumps(data).encode(), "p0")
    assert len(tweets) == 2 and all(t.startswith(prompt) for t in tweets)
    assert discord_tweet(tweets[0]).startswith("@\u200beveryone see \\[x\\](http://a.b) \\\\o/")
