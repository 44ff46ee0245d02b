"""Prometheus metrics of the generation pool, registered on the `CollectorRegistry` it is given."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Awaitable
from typing import TypeVar

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram

from bot.errors import BotError

T = TypeVar("T")

BATCH_BUCKETS = (1, 2, 4, 8, 16, 32, 64, 128, 256, 512)
LATENCY_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1, 2, 4, 8, 15, 30, 60, 120)


class PoolMetrics:
    def __init__(self, registry: CollectorRegistry | None = None) -> None:
        self.registry = registry if registry is not None else CollectorRegistry()
        r = self.registry
        self.requests = Counter("pool_requests", "Generation requests received", registry=r)
        self.errors = Counter("pool_errors", "Generation requests failed, by kind", ["kind"], registry=r)
        self.queue_depth = Gauge("pool_queue_depth", "Requests waiting for a batch", registry=r)
        self.batch_rows = Histogram("pool_batch_size", "Sequences per batch (count samples included)",
                                    buckets=BATCH_BUCKETS, registry=r)
        self.latency = Histogram("pool_latency_seconds", "Request latency, queue to reply",
                                 buckets=LATENCY_BUCKETS, registry=r)
        self.batch_personas = Histogram("pool_batch_personas", "Distinct personas per batch",
                                        buckets=BATCH_BUCKETS, registry=r)
        self.adapter_loads = Counter("pool_adapter_loads", "LoRA adapters written into a slot", registry=r)
        self.tokens = Counter("pool_generated_tokens", "Tokens generated (all rows)", registry=r)
        self.prompts_prefilled = Counter("pool_prompts_prefilled", "Rows whose prompt was prefilled "
                                         "(a forward over its tokens)", registry=r)
        self.prompts_shared = Counter("pool_prompts_shared", "Rows whose prompt was not prefilled: kept "
                                      "from before, or the same as a row's beside it", registry=r)
        self.copy_rejections = Counter("pool_copy_rejections", "Samples the copy guard rejected (each "
                                       "repeated a training tweet's words; drawn again or dropped)",
                                       registry=r)
        self.copy_drops = Counter("pool_copy_drops", "Samples dropped after the copy guard rejected every "
                                  "draw", registry=r)
        self.loads = Counter("pool_loads", "Persona weights loaded onto the device", registry=r)
        self.evictions = Counter("pool_evictions", "Personas evicted from the device", registry=r)
        self.resident = Gauge("pool_resident_personas", "Personas resident on the device", registry=r)
        self.resident_bytes = Gauge("pool_resident_bytes", "Bytes of weights resident on the device",
                                    registry=r)

    async def request(self, answer: Awaitable[T]) -> T:
        """Count one request and await its answer: latency when it succeeds, the error's kind (or
        "cancelled") when it does not. Both backends count the same way, so dashboards need not know
        which one runs."""
        self.requests.inc()
        start = time.monotonic()
        try:
            result = await answer
        except BotError as exc:
            self.errors.labels(exc.kind).inc()
            raise
        except asyncio.CancelledError:
            self.errors.labels("cancelled").inc()
            raise
        self.latency.observe(time.monotonic() - start)
        return result
