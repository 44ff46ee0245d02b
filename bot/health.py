"""The bot's small HTTP server: `/healthz` for liveness probes, `/metrics` for Prometheus, and persona
pictures for Discord.

`/healthz` answers 200 with a JSON body when the Discord gateway is connected and the generation pool
is ready, else 503 with the same body saying which part is down. `/metrics` serves the text format of
the one `CollectorRegistry` the pool and the command layer register on. Extra routes given as `routes`
are served beside them: the bot passes `bot.avatars.avatar_routes`, the persona pictures
(`/avatars/<persona>/<sha12>.<ext>`) that webhook messages name as their `avatar_url`.

A client cannot hold the server's connections (each one a file descriptor of the bot's process, which
rescans and model loads need too): a connection that has not sent a whole request within
`header_timeout_s` of opening (or of its last answer, when kept alive) is closed, and at most
`max_connections` are open at once: one more replaces the oldest that has not sent a whole request
yet, or is answered 503 and closed at accept. The port is still meant for a reverse proxy (`/avatars/`
only) and the local probes, never for the internet directly.
"""

from __future__ import annotations

import asyncio
import json
import logging
from collections.abc import Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest

log = logging.getLogger(__name__)

# aiohttp's keep-alive timer starts when a connection opens and is not moved by bytes that do not end
# a request, so it bounds how long a half-sent request (or an idle kept-alive connection) is held.
HEADER_TIMEOUT_S = 5.0
MAX_CONNECTIONS = 64  # far above a proxy, a probe and a scraper; far below the process's fd limit
_REFUSAL = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Length: 0\r\nConnection: close\r\n"
            b"Retry-After: 1\r\n\r\n")


class _Counted(asyncio.Protocol):
    """aiohttp's handler of one connection, passed every event as is; counted by its site while open,
    and watched for the end of its first request header (a blank line)."""

    def __init__(self, inner: asyncio.Protocol, site: CappedSite) -> None:
        self.inner = inner
        self.site = site
        self.transport: asyncio.Transport | None = None
        self.sent_request = False
        self._tail = b""  # the last bytes seen, for a blank line split across two reads

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.Transport)
        self.transport = transport
        self.inner.connection_made(transport)

    def data_received(self, data: bytes) -> None:
        if not self.sent_request:
            seen = self._tail + data
            self.sent_request = b"\r\n\r\n" in seen or b"\n\n" in seen
            self._tail = seen[-3:]
        self.inner.data_received(data)

    def eof_received(self) -> bool | None:
        return self.inner.eof_received()

    def pause_writing(self) -> None:
        self.inner.pause_writing()

    def resume_writing(self) -> None:
        self.inner.resume_writing()

    def connection_lost(self, exc: Exception | None) -> None:
        self.site.release(self)
        self.inner.connection_lost(exc)


class _Refused(asyncio.Protocol):
    """A connection over the cap: a 503 and closed, without reading anything from it."""

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        assert isinstance(transport, asyncio.WriteTransport)
        transport.write(_REFUSAL)
        transport.close()


class CappedSite(web.BaseSite):
    """A TCP site with at most `limit` connections open at once, counted at accept (a burst of
    connections accepted together is counted before aiohttp sees any of them). At the limit, a new
    connection takes the place of the oldest one that has not sent a whole request header yet (a
    client that sends its request at once is in that state for a moment only, so a crowd of slow
    clients cannot keep a probe out); with no such connection, it is answered 503 and closed.
    aiohttp's `TCPSite` has no such limit: its `backlog` only bounds the kernel's queue of connections
    not yet accepted, and Python accepts up to `backlog` at once, so it is kept at `limit` here too."""

    def __init__(self, runner: web.BaseRunner, host: str, port: int, limit: int) -> None:
        super().__init__(runner, backlog=limit)
        self.host = host
        self.port = port
        self.limit = limit
        self.refused = 0  # connections refused since start
        self.evicted = 0  # slow connections closed to make room since start
        self._open: dict[_Counted, None] = {}  # oldest first
        self._saturated = False  # logged when the limit is first hit, and again once it eased

    @property
    def open(self) -> int:
        return len(self._open)

    @property
    def name(self) -> str:
        return f"http://{self.host}:{self.port}"

    async def start(self) -> None:
        await super().start()
        server = self._runner.server
        assert server is not None
        self._server = await asyncio.get_running_loop().create_server(
            lambda: self._protocol(server), self.host, self.port, backlog=self._backlog)
        self.port = self._server.sockets[0].getsockname()[1]  # the one the OS chose, for port 0

    def release(self, conn: _Counted) -> None:
        self._open.pop(conn, None)

    def _protocol(self, server: web.Server) -> asyncio.Protocol:
        if len(self._open) >= self.limit and not self._evict_a_slow_one():
            self.refused += 1
            self._note_saturated()
            return _Refused()
        if len(self._open) < self.limit // 2:
            self._saturated = False
        conn = _Counted(server(), self)
        self._open[conn] = None
        return conn

    def _evict_a_slow_one(self) -> bool:
        slow = next((c for c in self._open if not c.sent_request and c.transport is not None), None)
        if slow is None:
            return False
        self.release(slow)  # now, not when the loop gets to its connection_lost
        assert slow.transport is not None
        slow.transport.abort()
        self.evicted += 1
        self._note_saturated()
        return True

    def _note_saturated(self) -> None:
        if not self._saturated:  # once per episode: an attack must not flood the log
            self._saturated = True
            log.warning("HTTP server: %d connections open, the most it takes; closing slow ones, "
                        "refusing the rest", len(self._open))


class HealthServer:
    def __init__(self, host: str, port: int, registry: CollectorRegistry,
                 checks: Callable[[], dict[str, bool]], routes: list[web.RouteDef] | None = None, *,
                 header_timeout_s: float = HEADER_TIMEOUT_S, max_connections: int = MAX_CONNECTIONS) -> None:
        self.host = host
        self.port = port
        self.registry = registry
        self.checks = checks
        self.routes = list(routes or [])
        self.header_timeout_s = header_timeout_s
        self.max_connections = max_connections
        self.site: CappedSite | None = None
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        app.router.add_routes(self.routes)
        self._runner = web.AppRunner(app, access_log=None, keepalive_timeout=self.header_timeout_s)
        await self._runner.setup()
        self.site = CappedSite(self._runner, self.host, self.port, self.max_connections)
        await self.site.start()
        self.port = self.site.port

    async def close(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()

    async def _healthz(self, _request: web.Request) -> web.Response:
        status = self.checks()
        ok = all(status.values())
        return web.Response(status=200 if ok else 503, text=json.dumps({"ok": ok, **status}),
                            content_type="application/json")

    async def _metrics(self, _request: web.Request) -> web.Response:
        body = generate_latest(self.registry)
        return web.Response(body=body, headers={"Content-Type": CONTENT_TYPE_LATEST})
