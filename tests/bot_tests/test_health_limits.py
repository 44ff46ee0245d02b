"""What a hostile client can do to the bot's HTTP server (bot/health.py): half-sent requests are closed
within the header timeout, whether they trickle bytes or not, and connections beyond the cap are
answered 503 at once, so `/healthz` keeps answering and the process keeps its file descriptors."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import aiohttp
import pytest
from aiohttp import web
from prometheus_client import CollectorRegistry

from bot.health import HealthServer

HALF_SENT = [b"GET /heal", b"GET /healthz HTTP/1.1\r\nHost: bot\r\n", b"GET /metrics HTTP/1.1\r\nX-A: "]


@pytest.fixture
async def server() -> AsyncIterator[HealthServer]:
    health = HealthServer("127.0.0.1", 0, CollectorRegistry(), lambda: {"pool": True},
                          header_timeout_s=0.5, max_connections=40)
    await health.start()
    try:
        yield health
    finally:
        await health.close()


async def healthz(server: HealthServer) -> int:
    async with aiohttp.ClientSession() as session, session.get(f"http://127.0.0.1:{server.port}/healthz",
                                                                timeout=aiohttp.ClientTimeout(total=2)) as r:
        return r.status


async def closed_by_server(reader: asyncio.StreamReader, limit_s: float) -> float:
    """Seconds until the server closed the connection (read gives EOF); fails past `limit_s`."""
    start = time.monotonic()
    try:
        data = await asyncio.wait_for(reader.read(), limit_s)
    except ConnectionResetError:
        data = b""
    assert data == b""  # closed without an answer: it never sent a whole request
    return time.monotonic() - start


async def test_half_sent_requests_are_closed_and_healthz_still_answers(server: HealthServer) -> None:
    conns = []
    for i in range(30):
        reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
        writer.write(HALF_SENT[i % len(HALF_SENT)])
        await writer.drain()
        conns.append((reader, writer))

    async def trickle(writer: asyncio.StreamWriter) -> None:  # a byte every 0.1 s, never a whole header
        for _ in range(100):
            writer.write(b"X-Slow: 1\r\n")
            await asyncio.sleep(0.1)

    trickler = asyncio.create_task(trickle(conns[1][1]))
    started = time.monotonic()
    assert await healthz(server) == 200
    assert time.monotonic() - started < 1.0
    try:
        waits = await asyncio.gather(*(closed_by_server(r, 5.0) for r, _ in conns))
    finally:
        trickler.cancel()
        for _, writer in conns:
            writer.close()
    assert max(waits) < 3.0  # 0.5 s from each opening (timer granularity aside), trickler included
    assert await healthz(server) == 200
    assert server.site is not None and server.site.open == 0  # every slot given back


async def until(predicate, what: str) -> None:
    """Let the loop run until `predicate()` holds (a guard against hanging, not a timing assertion)."""
    for _ in range(400):
        if predicate():
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"never happened: {what}")


async def test_at_the_cap_a_new_connection_replaces_the_oldest_slow_one(server: HealthServer) -> None:
    assert server.site is not None
    held = [await asyncio.open_connection("127.0.0.1", server.port) for _ in range(40)]  # nothing sent
    await until(lambda: server.site.open == 40, "40 connections accepted")
    started = time.monotonic()
    assert await healthz(server) == 200  # the 41st: served, in the place of the oldest slow one
    assert time.monotonic() - started < 1.0
    assert server.site.evicted == 1 and server.site.refused == 0
    assert await asyncio.wait_for(held[0][0].read(), 2) == b""  # the oldest was the one closed
    for _, writer in held:
        writer.close()
    await until(lambda: server.site.open == 0, "every slot given back")


async def test_at_the_cap_with_no_slow_connection_one_more_is_refused_at_once() -> None:
    release = asyncio.Event()

    async def busy(_request: web.Request) -> web.Response:
        await release.wait()
        return web.Response(text="done")

    health = HealthServer("127.0.0.1", 0, CollectorRegistry(), lambda: {"pool": True},
                          routes=[web.get("/busy", busy)], header_timeout_s=0.5, max_connections=8)
    await health.start()
    assert health.site is not None
    try:
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=0)) as session:
            calls = [asyncio.create_task(session.get(f"http://127.0.0.1:{health.port}/busy"))
                     for _ in range(8)]  # whole requests, being answered: none is a slow client
            await until(lambda: health.site.open == 8 and all(c.sent_request for c in health.site._open),
                        "8 requests in progress")
            started = time.monotonic()
            assert await healthz(health) == 503  # refused with an answer, not left hanging
            assert time.monotonic() - started < 1.0
            assert health.site.refused == 1 and health.site.evicted == 0 and health.site.open == 8
            release.set()
            for call in calls:
                async with await call as resp:
                    assert resp.status == 200 and await resp.text() == "done"
        await until(lambda: health.site.open == 0, "every slot given back")
        assert await healthz(health) == 200
    finally:
        await health.close()


async def test_a_kept_alive_connection_is_closed_once_idle_for_the_timeout(server: HealthServer) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", server.port)
    for _ in range(3):  # whole requests within the timeout are served on the one connection
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: bot\r\n\r\n")
        status = await asyncio.wait_for(reader.readline(), 2)
        assert status.startswith(b"HTTP/1.1 200")
        await asyncio.wait_for(reader.readuntil(b'"pool": true}'), 2)
        await asyncio.sleep(0.2)
    assert await closed_by_server(reader, 5.0) < 3.0  # then idle: closed
    writer.close()


async def test_the_default_server_closes_a_half_sent_request_within_seconds() -> None:
    health = HealthServer("127.0.0.1", 0, CollectorRegistry(), lambda: {"pool": True})  # as the bot runs it
    await health.start()
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", health.port)
        writer.write(HALF_SENT[1])
        assert await closed_by_server(reader, 10.0) < 8.0  # HEADER_TIMEOUT_S (5 s), not aiohttp's hour
        writer.close()
    finally:
        await health.close()
