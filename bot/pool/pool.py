"""The generation pool: the asyncio API over one worker thread that owns torch and the device.

The loop side checks a request, queues it (`scheduler`) and awaits a future the worker completes through
`loop.call_soon_threadsafe`; the continuations become tweets here, on the loop. The worker waits until
the engine (`engine`) has a step due, runs it, and goes round again; the other parts are named in
`bot.pool`. A step that raises runs its requests again one by one (`engine`). A worker that dies, or a
CUDA error, breaks the pool: `broken` says why, `ready` turns False, and queued and later requests fail
with PoolBroken. A disk error while a persona is read fails that persona's requests (LoadFailed), and
the next request tries again. Forgetting (`forget`) drops everything of a persona between steps, on the
worker; `holds` says what is left. A persona whose folder is gone is never served from memory.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import Iterator

import prometheus_client

from bot.config import GenerationSettings, PoolSettings
from bot.errors import GenerationTimeout, PoolBroken, PoolClosed, UnknownPersona
from bot.generation import Samples, check, rescan_forever
from bot.metrics import PoolMetrics
from bot.personas import PersonaRegistry
from bot.pool.engine import Engine, Plan
from bot.pool.loader import Loader
from bot.pool.request import Request, failed, new_request, resolve
from bot.pool.residency import Residency, budgets
from bot.pool.scheduler import Scheduler
from bot.pool.static_runner import StaticRunner
from bot.pool.weights import default_threads, dtype_label, folder_gone, on_local_disk, resolve_device
from training.generated_text import tweet_text

log = logging.getLogger(__name__)

LOADER_JOIN_S = 1.0  # close() gives an idle loader thread this long to end


class GenerationPool:
    def __init__(self, registry: PersonaRegistry, pool: PoolSettings, generation: GenerationSettings,
                 metrics: prometheus_client.CollectorRegistry | None = None) -> None:
        self.registry = registry
        self.settings = pool
        self.generation = generation
        self.metrics = PoolMetrics(metrics)
        self.device, self.dtype = resolve_device(pool)
        self.threads = default_threads(pool)
        # (batch key: the persona, or its shared base; rows; distinct personas) of recent batches
        self.batches: deque[tuple[str, int, int]] = deque(maxlen=1000)
        self.step_rows: deque[int] = deque(maxlen=100_000)  # rows in each recent decode step

        self._cond = threading.Condition()  # guards the scheduler and the fields said so below
        self.scheduler = Scheduler(pool.max_queue, self.metrics.queue_depth.set)
        self.loader = Loader(registry, generation, self.dtype, self.threads, self._notify)
        self.residency = Residency(registry, pool, self.loader, self.metrics, self.device, self.dtype,
                                   *budgets(pool, self.device))
        self.static_runner = StaticRunner(generation, registry, self.metrics, self.loader.guard,
                                          self.residency.assign_slots, self.batches, self._redraw_later,
                                          self._break)
        self.engine = Engine(pool, generation, registry, self.scheduler, self.residency, self.static_runner,
                             self.metrics, self.loader.guard, self.batches, self.step_rows, self._break)
        self.worker: threading.Thread | None = None
        self.rescan_task: asyncio.Task | None = None
        self._closing = False
        self._started = False
        # forget() asks the worker: (persona, the caller's future, its loop). Guarded by _cond.
        self._forgets: list[tuple[str, asyncio.Future, asyncio.AbstractEventLoop]] = []
        self._worker_done = False  # guarded by _cond: the worker has ended, forget() cleans up itself
        self._local_disk = False  # models/ is on a local filesystem (`start` tells): stat it on the loop
        self._paused = False  # guarded by _cond; see `paused`
        self._broken: str | None = None  # guarded by _cond; see `broken`

    # ---- the asyncio side -------------------------------------------------------------------------

    async def start(self) -> None:
        """Scan `models/`, start the worker and loader threads, and the periodic rescan."""
        if self._started:
            return
        await asyncio.to_thread(self.registry.scan)
        self._local_disk = await asyncio.to_thread(on_local_disk, self.registry.models_dir)
        self.worker = threading.Thread(target=self._work, name="pool-worker", daemon=True)
        self._started = True
        self.loader.start()
        self.worker.start()
        self.rescan_task = asyncio.create_task(
            rescan_forever(self, self.settings.rescan_interval_s), name="pool-rescan")
        missing = [n for n in self.settings.pinned if self.registry.get(n) is None]
        if missing:  # not an error: the persona may be trained later, and is pinned once it appears
            log.warning("[pool] pinned names no persona in %s (yet): %s",
                        self.registry.models_dir, ", ".join(missing))
        if self.device == "cpu" and self.settings.dtype == "float16" and not self.settings.continuous:
            log.warning('[pool] dtype = "float16" on a CPU holds weights as float16 for the continuous '
                        "path only: with continuous = false, models run in float32")
        log.info("generation pool on %s (%s), budget %.0f MB, %d torch thread(s)", self.device,
                 dtype_label(self.settings, self.device, self.dtype), self.residency.budget / 1e6,
                 self.threads)

    async def close(self) -> None:
        """Stop taking requests, fail the queued ones with PoolClosed, finish the running batch, join
        the worker (a persona load in flight is not waited for)."""
        with self._cond:
            if self._closing:
                return
            self._closing = True
            self.scheduler.fail_all(PoolClosed())
            self._cond.notify_all()
        if self.rescan_task is not None:
            self.rescan_task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self.rescan_task
        if self.worker is not None:
            await asyncio.to_thread(self.worker.join)
        await asyncio.to_thread(self.loader.close, LOADER_JOIN_S)

    async def refresh(self) -> None:
        """Rescan `models/` now: new personas become servable, retrained ones reload, removed ones unload."""
        await self._rescan()

    async def _rescan(self, hide: str | None = None) -> None:
        """Scan `models/`, log what changed (never `hide`: a name being forgotten), wake the worker."""
        changes = await asyncio.to_thread(self.registry.scan)
        removed = [n for n in changes.removed if n != hide]
        if changes.added or changes.changed or removed:
            log.info("personas: added %s, changed %s, removed %s", changes.added, changes.changed, removed)
        if changes:
            self._notify()

    async def forget(self, name: str) -> None:
        """Forget persona `name` (its folder already gone from `models/`): fail its queued requests with
        UnknownPersona, rescan, and return once the pool holds nothing of it (`holds` empty). The worker
        unloads it between steps (`Engine.forget`; a load of it in flight is waited for), or this call
        once the worker has ended. The log never names it: the worker is asked before the rescan, so
        the rescan's unloading (`unload_stale`, which names) finds nothing."""
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        with self._cond:
            self.scheduler.fail(name, self._unknown(name))  # at once, not after the running batch
            if self._worker_done or self.worker is None:
                # No worker to ask (never started, or ended): nothing runs.
                self.engine.forget(name, lambda: self._unknown(name))
                done.set_result(None)
            else:
                self._forgets.append((name, done, loop))
                self._cond.notify_all()
        await self._rescan(hide=name)
        await done

    def holds(self, name: str) -> list[str]:
        """What the pool still holds of persona `name` (`Engine.holds`); empty when nothing."""
        with self._cond:
            return self.engine.holds(name)

    @property
    def ready(self) -> bool:
        """Serving: started, not closing, not broken, the worker alive (what /healthz reports)."""
        return (self._started and not self._closing and self._broken is None
                and self.worker is not None and self.worker.is_alive())

    @property
    def broken(self) -> str | None:
        """Why the pool cannot generate any more (its worker died, a CUDA error), or None."""
        return self._broken

    async def generate(self, persona: str, prompt: str = "", *, count: int = 1,
                       max_new_tokens: int | None = None, temperature: float | None = None,
                       top_p: float | None = None, top_k: int | None = None, seed: int | None = None,
                       timeout: float | None = None, min_new_tokens: int = 0, context: str = "") -> Samples:
        """`count` tweets in `persona`'s voice, each the prompt followed by one generated tweet, as plain
        text (`training.generated_text.tweet_text`: the command layer shapes it for Discord); fewer
        when the copy guard dropped some: `Samples.dropped`; see `bot.pool.static_runner`.

        `context`: the tweet (or message) this one follows. It goes first, as a tweet of its own (end of
        text before and after it, as training saw tweets), so the persona answers it; it is not shown.

        None takes `[generation]`'s default. `max_new_tokens` is clamped to the persona's context.
        `min_new_tokens` (for the benchmark) suppresses every stop token before that many tokens (as
        `[generation] min_length` does; the larger of the two holds).
        Raises UnknownPersona, InvalidRequest, PoolBusy, GenerationTimeout, GenerationFailed,
        CopyRejected, PoolBroken or PoolClosed.
        """
        async def answer() -> Samples:
            self._check_open()
            req = new_request(self.generation, persona, prompt, count, max_new_tokens, temperature, top_p,
                              top_k, seed, min_new_tokens, context, asyncio.get_running_loop())
            return await self._answer(req, self.settings.request_timeout_s if timeout is None else timeout)
        return await self.metrics.request(answer())

    async def _answer(self, req: Request, timeout: float) -> Samples:
        """Queue a checked request and await its tweets (or its error)."""
        check(timeout > 0, f"timeout must be above 0 seconds (got {timeout}).")
        persona = req.persona
        entry = self.registry.get(persona)
        if entry is None:
            raise UnknownPersona(persona, self.registry.suggest(persona))
        # Removed or forgotten, not rescanned yet: never served from memory. A stat: here on a local disk
        # (microseconds; a thread's round trip would cost more, and take the GIL from the worker), off
        # the loop where it may wait on a network (the service's models/ may be shared storage) or where
        # the folder is a link (to anywhere).
        if entry.linked or not self._local_disk:
            gone = await asyncio.to_thread(folder_gone, entry)
        else:
            gone = folder_gone(entry)
        if gone:
            raise self._unknown(persona)
        with self._cond:
            self._check_open()  # again under the lock: close() or a breakage may have come meanwhile
            req.enqueued = time.monotonic()  # its place in line: now, after the checks above
            self.scheduler.enqueue(req)
            self._cond.notify_all()
        try:
            samples = await asyncio.wait_for(req.future, timeout)
        except TimeoutError:
            self._drop(req)
            raise GenerationTimeout() from None
        except asyncio.CancelledError:
            self._drop(req)  # the caller went away: its request leaves the queue (a running one is ignored)
            raise
        # Here on the loop, not on the worker: the engine hands back continuations.
        try:
            texts = [tweet_text(req.prompt, text) for text in samples]
        except Exception:
            log.exception("formatting the texts of a request for %s failed", persona)
            raise failed(persona) from None
        return Samples(texts, samples.copy_rejections, samples.dropped)

    def _check_open(self) -> None:
        if self._closing:
            raise PoolClosed()
        if not self._started:
            raise PoolClosed("The generation pool is not running yet.")
        if self._broken is not None:
            raise PoolBroken()

    def _drop(self, req: Request) -> None:
        with self._cond:
            self.scheduler.drop(req)

    @contextlib.contextmanager
    def paused(self) -> Iterator[None]:
        """Hold the worker between batches while inside (requests still queue): lets tests set up a
        queue first and then watch the scheduler choose, with no timing involved."""
        with self._cond:
            self._paused = True
        try:
            yield
        finally:
            with self._cond:
                self._paused = False
                self._cond.notify_all()

    def _unknown(self, name: str) -> UnknownPersona:
        """UnknownPersona for a persona gone from disk (its stale entry is no suggestion of its own)."""
        return UnknownPersona(name, [s for s in self.registry.suggest(name) if s != name])

    def _notify(self) -> None:
        with self._cond:
            self._cond.notify_all()

    # ---- the worker thread ------------------------------------------------------------------------

    def _work(self) -> None:
        try:
            import torch

            torch.set_num_threads(self.threads)
            while True:
                with self._cond:
                    plan = self._next_step()
                if plan is None:
                    return
                self.engine.run(plan)
        except BaseException as exc:  # whatever ends the worker, requests must not wait for a timeout
            self._break(f"the worker thread died: {type(exc).__name__}: {exc}", exc)
        finally:
            with self._cond:  # forgets asked meanwhile are done here; later ones by forget() itself
                self._worker_done = True
                self._serve_forgets(final=True)

    def _next_step(self) -> Plan | None:
        """Wait (holding `_cond`) until a step is due (`engine.plan`); None when broken, or closing with
        no decode left to finish."""
        while True:
            if self._broken is not None or (self._closing and not self.engine.live):
                return None
            if self._forgets:  # first: what it drops, `unload_stale` (which logs names) never sees
                self._serve_forgets()
            self.engine.tidy()
            if self._paused:
                self._cond.wait()
                continue
            now = time.monotonic()
            plan = self.engine.plan(now)
            if isinstance(plan, Plan):
                return plan
            self._cond.wait(None if plan.wake_at is None else max(plan.wake_at - now, 0.0005))

    def _serve_forgets(self, final: bool = False) -> None:
        """Worker (holding `_cond`): do the forgets asked; one whose load is still being read waits for
        the next pass (the load's end wakes the worker), unless `final` (the worker is ending)."""
        waiting = []
        for name, future, loop in self._forgets:
            if self.engine.forget(name, lambda n=name: self._unknown(n)) or final:
                with contextlib.suppress(RuntimeError):  # the caller's loop is closed: nobody waits
                    loop.call_soon_threadsafe(lambda f=future: f.done() or f.set_result(None))
            else:
                waiting.append((name, future, loop))
        self._forgets = waiting

    def _break(self, reason: str, exc: BaseException) -> None:
        """The pool cannot generate any more: record why (logged once), fail the running batch and
        every queued request with PoolBroken (a request already answered keeps its answer)."""
        with self._cond:
            if self._broken is not None:
                return
            self._broken = reason
            log.error("generation pool unavailable: %s", reason, exc_info=exc)
            for req in self.engine.in_flight():
                resolve(req, error=PoolBroken())
            self.scheduler.fail_all(PoolBroken())
            self._cond.notify_all()

    def _redraw_later(self, req: Request) -> None:
        """Queue `req` again for the samples the copy guard still owes it. It keeps its first arrival
        time, so it is the oldest and due at once, and rides in the next batch of its key."""
        with self._cond:
            if req.future.done():  # timed out or cancelled meanwhile: nobody waits for the redraw
                return
            if self._closing or self._broken is not None:
                resolve(req, error=PoolClosed() if self._closing else PoolBroken())
                return
            self.scheduler.requeue_front(req)
            self._cond.notify_all()
