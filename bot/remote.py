"""The remote backend: the generation pool's interface, answered by the service `python -m bot serve` runs.

`[pool] backend = "remote"` puts a `RemotePool` where the `GenerationPool` would be: the command layer
and both front ends call the same `generate`, `refresh`, `start`, `close` and `ready`. Requests go over
HTTP (aiohttp, keep-alive) to Ray Serve's proxy; errors come back as data and are raised as the same
`BotError` classes (`bot.wire`). This module never imports Ray: the bot stays a small process that
holds Discord connections, whatever runs the models.

What the embedded pool promises holds here too: a request ends by its timeout (the service is sent
the same timeout, the client waits `remote_margin_s` longer for the network), a cancelled interaction
closes its connection (Serve then cancels the replica's request, which leaves the pool's queue), and a
service that does not answer fails requests at once with a clear message instead of hanging. `ready`
(what /healthz reports) follows a probe of the service every few seconds. With `[pool] remote_token_env`
every request carries the token from that environment variable; a service that refuses it makes
requests fail with a clear message and the log say which setting to check.

`forget` (for /persona forget) tells the service: the replica Serve hands it to forgets the persona at
once; every other replica refuses to serve it (its folder is gone) and unloads it at its next rescan.
A service that does not answer never fails the forget: it is logged, and `forget` returns False.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
from typing import Any

import aiohttp
import prometheus_client
from pydantic import ValidationError

from bot.config import GenerationSettings, PoolSettings, token_from_env
from bot.errors import GenerationFailed, GenerationTimeout, PoolBroken, PoolBusy, PoolClosed
from bot.generation import Samples, checked_text, rescan_forever
from bot.metrics import PoolMetrics
from bot.personas import PersonaRegistry
from bot.wire import (
    ROUTING_HEADER,
    UNAUTHORIZED,
    ForgetBody,
    GenerateBody,
    auth_headers,
    error_from,
    forget_url,
    request_body,
)

log = logging.getLogger(__name__)

PROBE_INTERVAL_S = 5.0  # how often `ready` is checked against the service
UNREACHABLE = ("Generation is unavailable right now: the generation service does not answer. "
               "Try again in a minute.")
REFUSED = ("Generation is unavailable right now: the generation service refused this bot's token. "
           "The bot's operator can see why in its log.")


class RemotePool:
    """`GenerationPool`'s interface over HTTP; see the module docstring."""

    def __init__(self, registry: PersonaRegistry, pool: PoolSettings, generation: GenerationSettings,
                 metrics: prometheus_client.CollectorRegistry | None = None) -> None:
        if not pool.remote_url:
            raise ValueError("RemotePool needs [pool] remote_url")
        self.registry = registry  # this process's view of models/, for /persona list and info
        self.settings = pool
        self.generation = generation
        self.url = pool.remote_url
        # Read once, here: a name in the config whose variable is unset stops the bot (ConfigError).
        self._token = token_from_env(pool.remote_token_env, "[pool] remote_token_env")
        self.metrics = PoolMetrics(metrics)
        self._session: aiohttp.ClientSession | None = None
        self._probe: asyncio.Task | None = None
        self._rescan: asyncio.Task | None = None
        self._reachable = False
        self._refused = False
        self._closing = False

    async def start(self) -> None:
        """Open the connection pool and probe the service once; a service not up yet is a warning (the
        bot still starts, answers what needs no generation, and turns ready when the service does)."""
        if self._session is not None:
            return
        await asyncio.to_thread(self.registry.scan)
        timeout = aiohttp.ClientTimeout(connect=self.settings.remote_connect_timeout_s)
        self._session = aiohttp.ClientSession(timeout=timeout, raise_for_status=False,
                                              headers=auth_headers(self._token))
        await self.probe()
        if not self._reachable:
            log.warning("the generation service at %s does not answer yet; requests fail until it does",
                        self.url)
        self._probe = asyncio.create_task(self._probe_forever(), name="remote-probe")
        self._rescan = asyncio.create_task(
            rescan_forever(self, self.settings.rescan_interval_s), name="remote-rescan")
        log.info("generation by the service at %s", self.url)

    async def close(self) -> None:
        """Refuse new requests and close the connections; requests in flight end as cancelled."""
        if self._closing:
            return
        self._closing = True
        for task in (self._probe, self._rescan):
            if task is not None:
                task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await task
        if self._session is not None:
            await self._session.close()

    @property
    def ready(self) -> bool:
        """Started, not closing, and the service answered its last probe or request."""
        return self._session is not None and not self._closing and self._reachable

    async def refresh(self) -> None:
        """Rescan this process's view of `models/`. The service's replicas rescan on their own, and at
        once when asked for a persona they do not know (a persona trained a moment ago)."""
        await asyncio.to_thread(self.registry.scan)

    async def forget(self, name: str) -> bool:
        """Rescan this process's view of `models/` and tell the service to forget persona `name` (its
        folder already gone). True once the replica that took the request says its pool holds nothing
        of it. The other replicas learn of it by themselves: a replica never serves a persona whose
        folder is gone (its pool looks at the disk before each request) and unloads it at its next
        rescan (`[pool] rescan_interval_s`). A service that does not answer, refuses the token or
        answers otherwise does not fail the forget: a warning is logged and False returned (the
        folder is gone, so the replicas drop the persona at their next rescan all the same). The log
        never names the persona (forgetting it means the operator's log too)."""
        await self.refresh()
        if self._session is None or self._closing:
            log.warning("forgetting a persona: the remote pool is not running; the generation service's "
                        "replicas drop it at their next rescan")
            return False
        try:
            body = ForgetBody(persona=name)
        except ValidationError:  # no persona can have that name: nothing to forget anywhere
            return False
        url = forget_url(self.url)
        # The replica waits for a batch of the persona running, and for a load of it in flight.
        wait = aiohttp.ClientTimeout(total=self.settings.request_timeout_s + self.settings.remote_margin_s,
                                     connect=self.settings.remote_connect_timeout_s)
        try:
            async with self._session.post(url, json=body.model_dump(), timeout=wait) as response:
                raw = await response.read()
                status = response.status
        except (aiohttp.ClientError, TimeoutError) as exc:
            log.warning("forgetting a persona: the generation service at %s does not answer (%s); its "
                        "replicas drop it at their next rescan", url, exc or type(exc).__name__)
            return False
        try:
            data: Any = json.loads(raw)
        except ValueError:
            data = None
        if status == 401 or (isinstance(data, dict) and data.get("kind") == UNAUTHORIZED):
            log_refused(self.url)
            return False
        if status == 200 and isinstance(data, dict) and data.get("ok") is True and data.get("holds") == []:
            log.info("generation service: replica %s forgot a persona", data.get("replica"))
            return True
        # What it said, less the persona's name (in its answer and maybe its message): the log keeps none.
        if isinstance(data, dict):
            what = f"still holding {data.get('holds')}" if data.get("ok") else f"error {data.get('kind')!r}"
        else:
            what = "not the service's answer"
        log.warning("forgetting a persona: the generation service answered %d (%s); its replicas drop it at "
                    "their next rescan", status, what)
        return False

    async def probe(self) -> bool:
        """Ask the service whether it serves (`GET <remote_url>`); sets and returns `ready`'s state."""
        assert self._session is not None
        try:
            async with self._session.get(self.url, timeout=aiohttp.ClientTimeout(
                    total=self.settings.remote_connect_timeout_s + 2)) as response:
                body = await response.json(content_type=None)
                if response.status == 401 and not self._refused:  # said once, not every probe
                    log_refused(self.url)
                self._refused = response.status == 401
                self._reachable = response.status == 200 and bool(body.get("ready"))
        except (aiohttp.ClientError, TimeoutError, ValueError, AttributeError):
            self._reachable = False
        return self._reachable

    async def generate(self, persona: str, prompt: str = "", *, count: int = 1,
                       max_new_tokens: int | None = None, temperature: float | None = None,
                       top_p: float | None = None, top_k: int | None = None, seed: int | None = None,
                       timeout: float | None = None, min_new_tokens: int = 0, context: str = "") -> list[str]:
        """`GenerationPool.generate`, answered by the service: same arguments, same results, same errors
        (a service that cannot be reached: PoolBroken with its own message)."""
        return await self.metrics.request(self._generate(request_body(
            persona=persona, prompt=prompt, count=count, max_new_tokens=max_new_tokens,
            temperature=temperature, top_p=top_p, top_k=top_k, seed=seed, timeout=timeout,
            min_new_tokens=min_new_tokens, context=context)))

    async def _generate(self, body: GenerateBody) -> list[str]:
        if self._closing:
            raise PoolClosed()
        if self._session is None:
            raise PoolClosed("The generation pool is not running yet.")
        # The service checks too; checked here as well, a bad value is refused without a round trip.
        checked_text(self.generation, prompt=body.prompt, context=body.context, count=body.count,
                     max_new_tokens=body.max_new_tokens, temperature=body.temperature, top_p=body.top_p,
                     seed=body.seed, top_k=body.top_k)
        if body.timeout is None:
            body.timeout = self.settings.request_timeout_s
        wait = aiohttp.ClientTimeout(total=body.timeout + self.settings.remote_margin_s,
                                     connect=self.settings.remote_connect_timeout_s)
        try:
            async with self._session.post(self.url, json=body.model_dump(), timeout=wait,
                                          headers={ROUTING_HEADER: body.persona}) as response:
                raw = await response.read()
                status = response.status
        except TimeoutError:
            raise GenerationTimeout() from None
        except aiohttp.ClientError as exc:
            self._reachable = False
            log.warning("generation service at %s: %s", self.url, exc or type(exc).__name__)
            raise PoolBroken(UNREACHABLE) from None
        self._reachable = status != 401
        return answer_texts(status, raw, body.persona, self.url)

    async def _probe_forever(self) -> None:
        while True:
            await asyncio.sleep(PROBE_INTERVAL_S)
            was = self._reachable
            if await self.probe() != was:
                log.warning("generation service at %s %s", self.url, "answers again" if self._reachable
                            else "does not answer")


def log_refused(url: str) -> None:
    log.warning("generation service at %s refused this bot's token: set [pool] remote_token_env to the "
                "variable holding the token the service's [serve] token_env names", url)


def answer_texts(status: int, raw: bytes, persona: str, url: str = "") -> Samples:
    """The tweets of a service's answer, or the error it stands for raised as its `BotError`."""
    try:
        data: Any = json.loads(raw)
    except ValueError:
        data = None
    if status == 401 or (isinstance(data, dict) and data.get("kind") == UNAUTHORIZED):
        log_refused(url)
        raise PoolBroken(REFUSED)
    if isinstance(data, dict) and data.get("ok") is True and isinstance(data.get("tweets"), list):
        def count(key: str) -> int:  # what the copy guard did; an older service sends none
            value = data.get(key)
            return value if isinstance(value, int) and not isinstance(value, bool) and value >= 0 else 0
        return Samples([str(t) for t in data["tweets"]], count("copy_rejections"), count("dropped"))
    if isinstance(data, dict) and data.get("ok") is True and "texts" in data:
        # A service from before `tweets`: its `texts` are shaped for Discord already, and the command
        # layer would escape them twice. Said once per answer, plainly, instead of garbled replies.
        log.error("generation service at %s runs an older version than this bot (it answers `texts`, "
                  "not `tweets`): run the same version of persona-bot on both", url)
        raise GenerationFailed("The generation service runs an older version than the bot; an "
                               "operator must update it.")
    if isinstance(data, dict) and data.get("ok") is False:
        raise error_from({**data, "persona": persona})
    # Not our answer: Serve's own (503 while no replica is up, 500 from a replica that crashed) or a
    # proxy's in between.
    log.warning("generation service answered %d: %s", status, raw[:200].decode("utf-8", "replace"))
    if status in (429, 503):
        raise PoolBusy()
    if status == 404:
        raise PoolBroken(UNREACHABLE)
    raise GenerationFailed(f"Generation failed for '{persona}'; the generation service's log says why.")
