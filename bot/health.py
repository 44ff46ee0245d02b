"""The bot's small HTTP server: `/healthz` for liveness probes, `/metrics` for Prometheus, and persona
pictures for Discord.

`/healthz` answers 200 with a JSON body when the Discord gateway is connected and the generation pool
is ready, else 503 with the same body saying which part is down. `/metrics` serves the text format of
the one `CollectorRegistry` the pool and the command layer register on. Extra routes given as `routes`
are served beside them: the bot passes `bot.avatars.avatar_routes`, the persona pictures
(`/avatars/<persona>/<sha12>.<ext>`) that webhook messages name as their `avatar_url`.
"""

from __future__ import annotations

import json
from collections.abc import Callable

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest


class HealthServer:
    def __init__(self, host: str, port: int, registry: CollectorRegistry,
                 checks: Callable[[], dict[str, bool]], routes: list[web.RouteDef] | None = None) -> None:
        self.host = host
        self.port = port
        self.registry = registry
        self.checks = checks
        self.routes = list(routes or [])
        self._runner: web.AppRunner | None = None

    async def start(self) -> None:
        app = web.Application()
        app.router.add_get("/healthz", self._healthz)
        app.router.add_get("/metrics", self._metrics)
        app.router.add_routes(self.routes)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port)
        await site.start()
        if self.port == 0:  # an ephemeral port (tests): report the one the OS chose
            self.port = self._runner.addresses[0][1]

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
