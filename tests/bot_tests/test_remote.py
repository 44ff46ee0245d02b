"""The remote backend's client without a service: the wire format's errors, a dead or silent service,
refusals made before any request is sent, and the backend chosen by `[pool] backend`."""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.metrics import sample
from helpers.net import free_port

from bot.config import GenerationSettings, PoolSettings, load_config
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
from bot.personas import PersonaRegistry
from bot.pool import GenerationPool
from bot.remote import RemotePool, answer_texts
from bot.wire import ERRORS, error_data, error_from
from bot.wiring import make_pool


@pytest.mark.parametrize("error", [
    InvalidRequest("count must be between 1 and 5 (got 9)."),
    UnknownPersona("nope", ["nora", "noel"]),
    PoolBusy(), GenerationTimeout(), PoolClosed(), PoolBroken(),
    LoadFailed("Could not load 'p0': its weights are damaged."),
    GenerationFailed("Generation failed for 'p0'; the bot's log says why."),
])
def test_every_error_crosses_as_the_same_class_and_message(error: BotError) -> None:
    data, status = error_data(error)
    back = error_from(data)
    assert type(back) is type(error)
    assert str(back) == str(error)  # not nested: UnknownPersona's constructor does not rebuild it
    assert back.kind == error.kind and 400 <= status < 600
    if isinstance(error, UnknownPersona):
        assert back.suggestions == ["nora", "noel"]


def test_every_kind_the_pool_raises_has_a_status() -> None:
    kinds = {cls.kind for cls in (InvalidRequest, UnknownPersona, PoolBusy, GenerationTimeout, PoolClosed,
                                  PoolBroken, LoadFailed, GenerationFailed, CopyRejected)}
    assert kinds == set(ERRORS)


@pytest.mark.parametrize(("status", "raw", "expected"), [
    (503, b"Service Unavailable", PoolBusy),  # Serve while no replica is up, or backpressure
    (500, b"Internal Server Error", GenerationFailed),  # a replica that crashed
    (404, b"Path '/personas' not found", PoolBroken),  # the application is not deployed
    (200, b'{"ok": false, "kind": "something new", "message": "Odd."}', GenerationFailed),
])
def test_answers_that_are_not_ours_become_clear_errors(status: int, raw: bytes, expected: type) -> None:
    with pytest.raises(expected) as info:
        answer_texts(status, raw, "p0")
    assert "Traceback" not in str(info.value) and str(info.value)


def remote_settings(url: str, **pool: object) -> PoolSettings:
    return PoolSettings(backend="remote", remote_url=url, **{"remote_connect_timeout_s": 1.0, **pool})


@pytest.fixture
async def remote(tmp_path: Path):
    pools: list[RemotePool] = []

    async def start(url: str, **pool: object) -> RemotePool:
        settings = remote_settings(url, **pool)
        p = RemotePool(PersonaRegistry(tmp_path / "models"), settings, GenerationSettings())
        await p.start()
        pools.append(p)
        return p

    yield start
    for p in pools:
        await p.close()


async def test_a_dead_service_fails_at_once_with_a_clear_message(remote) -> None:
    pool = await remote(f"http://127.0.0.1:{free_port()}/personas")  # nothing listens there
    assert not pool.ready  # /healthz says unhealthy
    began = time.monotonic()
    with pytest.raises(PoolBroken, match="the generation service does not answer"):
        await pool.generate("p0", "hi")
    assert time.monotonic() - began < 2
    # Counted as the embedded pool counts its errors, so /metrics reads the same for both backends.
    assert sample(pool, "pool_requests_total") == 1
    assert sample(pool, "pool_errors_total", {"kind": "unavailable"}) == 1


async def test_a_silent_service_times_out_after_the_request_timeout_and_the_margin(remote) -> None:
    accepted: list[asyncio.StreamWriter] = []

    async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        accepted.append(writer)  # reads nothing, answers nothing: a hung service

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        pool = await remote(f"http://127.0.0.1:{port}/personas", remote_margin_s=0.3)
        began = time.monotonic()
        with pytest.raises(GenerationTimeout):
            await pool.generate("p0", "hi", timeout=0.2)
        assert 0.4 < time.monotonic() - began < 3
        assert accepted  # it did reach the service
    finally:
        server.close()
        for writer in accepted:
            writer.close()


async def test_bad_values_are_refused_before_anything_is_sent(remote) -> None:
    pool = await remote(f"http://127.0.0.1:{free_port()}/personas")
    with pytest.raises(InvalidRequest, match="count must be between 1 and 5"):
        await pool.generate("p0", "hi", count=9)  # refused here: no PoolBroken from the dead service
    with pytest.raises(InvalidRequest, match="prompt is too long"):
        await pool.generate("p0", "x" * 400)


async def test_a_closed_remote_pool_refuses(remote) -> None:
    pool = await remote(f"http://127.0.0.1:{free_port()}/personas")
    await pool.close()
    with pytest.raises(PoolClosed):
        await pool.generate("p0", "hi")
    assert not pool.ready


async def test_a_cancelled_request_ends_at_once(remote) -> None:
    async def hold(_reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await asyncio.sleep(30)
        writer.close()

    server = await asyncio.start_server(hold, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        pool = await remote(f"http://127.0.0.1:{port}/personas")
        task = asyncio.create_task(pool.generate("p0", "hi"))
        await asyncio.sleep(0.2)
        task.cancel()
        began = time.monotonic()
        with pytest.raises(asyncio.CancelledError):
            await task
        assert time.monotonic() - began < 1
        assert sample(pool, "pool_errors_total", {"kind": "cancelled"}) == 1
    finally:
        server.close()


def test_the_backend_follows_the_config(tmp_path: Path) -> None:
    make_checkpoint(tmp_path / "models", "p0")
    embedded = load_config(write_config(tmp_path))
    registry = PersonaRegistry(embedded.paths.models_dir)
    assert type(make_pool(embedded, registry)) is GenerationPool
    remote = load_config(write_config(tmp_path, pool={"backend": "remote",
                                                      "remote_url": "http://gpu-box:8000/personas/"}))
    pool = make_pool(remote, registry)
    assert type(pool) is RemotePool and pool.url == "http://gpu-box:8000/personas"
    assert pool.registry is registry  # /persona list and info read models/ as before


async def test_the_token_goes_with_every_request_and_a_refusal_is_told(remote, monkeypatch, caplog) -> None:
    from aiohttp import web

    from bot.remote import REFUSED

    seen: list[str | None] = []

    async def answer(request: web.Request) -> web.Response:  # the service's side of the token check
        seen.append(request.headers.get("Authorization"))
        if seen[-1] != "Bearer right-token":
            return web.json_response({"ok": False, "kind": "unauthorized", "message": "no"}, status=401)
        if request.method == "GET":
            return web.json_response({"ready": True})
        return web.json_response({"ok": True, "tweets": ["hi there"], "replica": "r"})

    app = web.Application()
    app.router.add_route("*", "/personas", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    url = f"http://127.0.0.1:{runner.addresses[0][1]}/personas"
    try:
        monkeypatch.setenv("PERSONA_TEST_TOKEN", "right-token")
        pool = await remote(url, remote_token_env="PERSONA_TEST_TOKEN")
        assert pool.ready and await pool.generate("p0", "hi") == ["hi there"]
        assert seen == ["Bearer right-token"] * 2  # the probe and the request

        monkeypatch.setenv("PERSONA_TEST_TOKEN", "wrong-token")
        wrong = await remote(url, remote_token_env="PERSONA_TEST_TOKEN")
        assert not wrong.ready
        with pytest.raises(PoolBroken) as info:
            await wrong.generate("p0", "hi")
        assert str(info.value) == REFUSED and not wrong.ready
        assert "refused this bot's token: set [pool] remote_token_env" in caplog.text
        assert sample(wrong, "pool_errors_total", {"kind": "unavailable"}) == 1
        seen.clear()
        untokened = await remote(url)
        assert not untokened.ready and seen == [None]  # no token configured: no header at all
    finally:
        await runner.cleanup()


def test_a_remote_token_env_naming_an_unset_variable_stops_the_bot(tmp_path: Path, monkeypatch) -> None:
    from bot.config import ConfigError

    monkeypatch.delenv("PERSONA_UNSET_TOKEN", raising=False)
    cfg = load_config(write_config(tmp_path, pool={"backend": "remote", "remote_url": "http://gpu-box:8000/p",
                                                   "remote_token_env": "PERSONA_UNSET_TOKEN"}))
    with pytest.raises(ConfigError, match=r'^\[pool\] remote_token_env = "PERSONA_UNSET_TOKEN", but the '
                                          "environment variable PERSONA_UNSET_TOKEN is not set"):
        make_pool(cfg, PersonaRegistry(cfg.paths.models_dir))


def test_what_the_copy_guard_did_crosses_the_wire() -> None:
    raw = json.dumps({"ok": True, "tweets": ["a", "b"], "copy_rejections": 3, "dropped": 1}).encode()
    texts = answer_texts(200, raw, "p0")
    assert texts == ["a", "b"] and (texts.copy_rejections, texts.dropped) == (3, 1)
    counted = answer_texts(200, json.dumps({"ok": True, "tweets": ["a"]}).encode(), "p0")  # none counted
    assert counted == ["a"] and (counted.copy_rejections, counted.dropped) == (0, 0)
    refused = json.dumps({"ok": False, "kind": "copied", "message": "Every sample repeated."}).encode()
    with pytest.raises(CopyRejected, match=r"Every sample repeated\."):
        answer_texts(422, refused, "p0")


def test_an_older_service_is_refused_plainly_not_shaped_twice(caplog) -> None:
    # Before `tweets`, a service sent `texts` already shaped for Discord: taking them would escape every
    # bracket twice in the replies. The request fails with one line saying why, and the log says more.
    older = json.dumps({"ok": True, "texts": ["a \\[b\\]"], "replica": "r"}).encode()
    with pytest.raises(GenerationFailed, match="older version than the bot"):
        answer_texts(200, older, "p0", "http://svc")
    assert "runs an older version than this bot" in caplog.text and "http://svc" in caplog.text


# --- forget (for /persona forget) ----------------------------------------------------------------


async def forget_service(answer_holds: list[str] | None = None, token: str | None = "right-token"):
    """A stand-in for the service's forget path: the token checked and the body parsed exactly as the
    replica does (bot.wire); what it was sent is recorded. Returns (runner, url, seen)."""
    from aiohttp import web

    from bot.wire import authorized, error_data, parse_forget, unauthorized_data

    seen: list[tuple[str, str | None, bytes]] = []

    async def answer(request: web.Request) -> web.Response:
        raw = await request.read()
        seen.append((request.path, request.headers.get("Authorization"), raw))
        if token is not None and not authorized(request.headers.get("Authorization"), token):
            data, status = unauthorized_data()
            return web.json_response(data, status=status)
        if request.method == "GET":
            return web.json_response({"ready": True})
        try:
            body = parse_forget(raw)
        except InvalidRequest as exc:
            data, status = error_data(exc)
            return web.json_response(data, status=status)
        return web.json_response({"ok": True, "persona": body.persona, "replica": "r1",
                                  "holds": [] if answer_holds is None else answer_holds})

    app = web.Application()
    app.router.add_route("*", "/personas", answer)
    app.router.add_route("POST", "/personas/forget", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    return runner, f"http://127.0.0.1:{runner.addresses[0][1]}/personas", seen


async def test_forget_reaches_the_service_with_the_token_and_a_strict_body(remote, tmp_path: Path,
                                                                         monkeypatch) -> None:
    make_checkpoint(tmp_path / "models", "p0")
    runner, url, seen = await forget_service()
    try:
        monkeypatch.setenv("PERSONA_TEST_TOKEN", "right-token")
        pool = await remote(url + "/", remote_token_env="PERSONA_TEST_TOKEN")  # a trailing slash too
        assert pool.registry.get("p0") is not None
        (tmp_path / "models" / "p0").rename(tmp_path / "models" / ".forget-p0")
        seen.clear()
        assert await pool.forget("p0") is True
        assert pool.registry.get("p0") is None  # its own view of models/ rescanned
        assert seen == [("/personas/forget", "Bearer right-token", b'{"persona": "p0"}')]
        assert await pool.forget("../p0") is False and len(seen) == 1  # no persona's name: nothing sent
    finally:
        await runner.cleanup()


async def test_forget_is_refused_without_the_right_token_and_says_so(remote, monkeypatch, caplog) -> None:
    runner, url, seen = await forget_service()
    try:
        monkeypatch.setenv("PERSONA_TEST_TOKEN", "wrong-token")
        pool = await remote(url, remote_token_env="PERSONA_TEST_TOKEN")
        assert await pool.forget("p0") is False  # not an exception: the forget goes on
        assert seen[-1][:2] == ("/personas/forget", "Bearer wrong-token")
        assert "refused this bot's token: set [pool] remote_token_env" in caplog.text
    finally:
        await runner.cleanup()


async def test_forget_not_confirmed_by_the_service_is_false_and_logged(remote, caplog) -> None:
    runner, url, _ = await forget_service(answer_holds=["resident"], token=None)
    try:
        pool = await remote(url)
        with caplog.at_level("WARNING", logger="bot.remote"):
            assert await pool.forget("p0") is False
        assert "forgetting a persona: the generation service answered 200 (still holding ['resident'])" \
            in caplog.text and "p0" not in caplog.text
    finally:
        await runner.cleanup()


async def test_forget_with_the_service_down_warns_and_returns_false_at_once(remote, caplog) -> None:
    pool = await remote(f"http://127.0.0.1:{free_port()}/personas")  # nothing listens there
    began = time.monotonic()
    with caplog.at_level("WARNING", logger="bot.remote"):
        assert await pool.forget("p0") is False
    assert time.monotonic() - began < 2
    assert "forgetting a persona: the generation service at" in caplog.text
    assert "does not answer" in caplog.text and "p0" not in caplog.text
