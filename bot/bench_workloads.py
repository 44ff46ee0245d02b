"""The traffic `python -m bot bench` sends the pool: what each request asks (`Workload`) and when it
arrives (`closed_loop`, `open_loop`).

- `fixed`: every tweet is forced to exactly `--max-new-tokens` new tokens (stops suppressed until then):
  the same work per request on every run, comparable across versions and with the naive pipeline.
- `natural`: tweets end where the model ends them (a newline or end-of-text, after `[generation]
  min_length` as `/imitate` does), at most `--max-new-tokens`: real traffic, where a batch that waits
  for its longest row wastes the rows that finished early.

Closed loop: N callers, each sending its next request when the last is answered (throughput at a fixed
concurrency). Open loop (`--arrival-rate R`): requests arrive as a Poisson process of R per second from
a seeded generator, whatever the pool is doing, each one timed from its arrival (latency under load).
"""

from __future__ import annotations

import asyncio
import random
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass

PROMPTS = (
    "My dream is",
    "I think",
    "Today",
    "The best thing about mornings is",
    "Honestly,",
    "Nobody talks about how",
    "",
    "Hot take:",
)
TOP_P = 0.95
TOP_K = 50  # explicit for both: a persona's generation_config.json may say otherwise (older ones: 0)
TEMPERATURE = 1.0
WORKLOADS = ("fixed", "natural")
ARRIVAL_SEED = 20  # the open loop's arrivals: the same schedule on every run


@dataclass(frozen=True)
class Workload:
    name: str  # "fixed" or "natural"
    new_tokens: int  # --max-new-tokens: the exact length (fixed) or the most (natural)

    def min_new_tokens(self) -> int:
        """What a request passes as `min_new_tokens`: all of them when fixed, none of its own when
        natural (the pool still applies `[generation] min_length`, as for /imitate)."""
        return self.new_tokens if self.name == "fixed" else 0


Send = Callable[[int], Awaitable[None]]  # sends request number i and returns once it is answered


async def closed_loop(send: Send, requests: int, concurrency: int) -> list[float]:
    """`concurrency` callers share `requests` requests, each sending its next when the last returned;
    the latency of each request, in seconds."""
    next_request = iter(range(requests))
    latencies: list[float] = []

    async def caller() -> None:
        for i in next_request:
            t0 = time.perf_counter()
            await send(i)
            latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(caller() for _ in range(concurrency)))
    return latencies


def arrival_times(requests: int, rate: float, seed: int = ARRIVAL_SEED) -> list[float]:
    """When each request arrives, in seconds from the start: a Poisson process of `rate` per second
    (exponential gaps), the same for the same seed."""
    draw = random.Random(seed)
    at, times = 0.0, []
    for _ in range(requests):
        at += draw.expovariate(rate)
        times.append(at)
    return times


async def open_loop(send: Send, requests: int, rate: float, seed: int = ARRIVAL_SEED) -> list[float]:
    """Send request i at its arrival time (`arrival_times`), not waiting for earlier ones; the latency
    of each request from its arrival to its answer, in seconds."""
    start = time.perf_counter()
    latencies: list[float] = []

    async def one(i: int, at: float) -> None:
        await asyncio.sleep(max(0.0, start + at - time.perf_counter()))
        t0 = start + at  # late starts count: an overloaded loop is part of the latency
        await send(i)
        latencies.append(time.perf_counter() - t0)

    await asyncio.gather(*(one(i, at) for i, at in enumerate(arrival_times(requests, rate, seed))))
    return latencies
