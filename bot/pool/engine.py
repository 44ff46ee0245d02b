"""The worker's step: which batch key runs now, who joins its decode, one step, and the answers.

Continuous batching (vLLM's rule: requests, not batches, are the unit). A batch key (a full model, or a
shared base with its adapter slots) has at most one decode in progress, a `runner.Running`. Between two
of its steps, rows that finished have left (their request answered at once) and queued requests of
that key join (`scheduler.take`, up to the free rows); so a tweet that ends early frees its row for the
next request instead of idling until the batch's longest tweet is done. Keys take turns
(`scheduler.choose_step`): the oldest waiting work first; a key with a decode going on keeps stepping,
but yields after `[pool] yield_steps` steps while another key has work, its rows kept in its cache.
A key whose model is not GPT-2 (or with `[pool] continuous = false`) decodes whole batches
(`static_runner`), as before.

A seeded request runs alone, in a decode of its own (its own small cache, a generator seeded from it,
no joins until it ends): exactly the same computation every time. The queue holds joins back while a
seeded request is its key's oldest, so the decode drains and it runs next.

A step that raises is not retried as a whole: its decode is dropped and each of its requests runs
again alone (a fresh decode each), so only a request that fails on its own gets GenerationFailed. A
CUDA error breaks the pool instead (`on_break`: the device's context is unusable).
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from bot.config import GenerationSettings, PoolSettings
from bot.errors import BotError, UnknownPersona
from bot.metrics import PoolMetrics
from bot.personas import PersonaRegistry
from bot.pool.request import Request, answer, failed, failed_alone, resolve
from bot.pool.residency import Readiness, Residency, State
from bot.pool.scheduler import Due, Scheduler, choose_step
from bot.pool.static_runner import StaticRunner
from bot.pool.weights import Model, base_load_failed, batch_key, load_failed, poisons_device, served

if TYPE_CHECKING:
    from bot.pool.runner import Running
    from training.copyguard import CopyGuard

log = logging.getLogger(__name__)

HELD_ORDER = ("resident", "slot", "ram", "guard", "queued", "running", "loading")  # as `holds` lists
ALONE_STEPS = 100_000  # a request run alone after a failed step ends long before this (a safety net)


@dataclass
class Plan:
    """What the worker does next, decided holding the pool's lock: step `key`, after `joiners` join it
    (for a key with no decode yet: start one with them; `version` and `loaded` from residency)."""

    key: str
    version: Any
    loaded: Model | None
    joiners: list[Request]


class Engine:
    """The decodes in progress, by batch key. Its methods run on the worker thread (`forget` also on the
    loop's, once the worker has ended); `plan`, `drop`, `tidy` and `forget` hold the pool's lock, `run`
    does not."""

    def __init__(self, settings: PoolSettings, generation: GenerationSettings, registry: PersonaRegistry,
                 scheduler: Scheduler, residency: Residency, static_runner: StaticRunner,
                 metrics: PoolMetrics, guard: Callable[[str], CopyGuard | None],
                 batches: deque[tuple[str, int, int]], step_rows: deque[int],
                 on_break: Callable[[str, BaseException], None]) -> None:
        self.settings = settings
        self.generation = generation
        self.registry = registry
        self.scheduler = scheduler
        self.residency = residency
        self.static_runner = static_runner
        self.metrics = metrics
        self.guard = guard
        self.batches = batches  # (key, rows, personas) of requests admitted together (a decode's joins)
        self.step_rows = step_rows  # rows in each decode step
        self.on_break = on_break  # the pool breaks (a CUDA error)
        self.decodes: dict[str, Running] = {}
        self.since: dict[str, float] = {}  # a live key -> when it last had to wait (started, yielded)
        self.current: str | None = None
        self.turn = 0
        # Personas with rows in a decode now: rebuilt by the worker, read by `holds` from the loop.
        self.serving: frozenset[str] = frozenset()
        self._pending: list[Request] = []  # taken from the queue, not in a decode (yet, or any more)

    # ---- holding the pool's lock ------------------------------------------------------------------

    @property
    def live(self) -> bool:
        """Whether a decode is in progress (its rows need more steps)."""
        return any(not d.empty for d in self.decodes.values())

    def plan(self, now: float) -> Plan | Due:
        """The next step (from `ready_groups`), else when to look again."""
        s = self.settings
        groups = self.ready_groups()
        waiting = {key: self.scheduler.oldest_and_rows(names) for key, (_, _, names) in groups.items()}
        live = {key: self.since.get(key, now) for key, d in self.decodes.items() if not d.empty}
        due = choose_step(live, waiting, self.current, self.turn, now, s.batch_window_ms / 1000, s.max_batch,
                          s.yield_steps)
        if due.key is None:
            return due
        key = due.key
        if key != self.current:
            if self.current in live:
                self.since[self.current] = now  # it yielded
            self.current, self.turn = key, 0
        self.turn += 1
        version, loaded, names = groups.get(key, (None, None, []))
        decode = self.decodes.get(key)
        joiners: list[Request] = []
        if names and (decode is None or decode.empty):
            joiners = self.scheduler.take(names, s.max_batch)  # a seeded head comes alone
            self.since[key] = now
            if loaded is not None:
                self.residency.claim(key)
        elif names and self._may_join(key, decode, version, names):
            joiners = self.scheduler.take(names, decode.free)
        return Plan(key, version, loaded, joiners)

    def ready_groups(self) -> dict[str, tuple[Any, Model | None, list[str]]]:
        """Batch key -> (the weights' version, freshly loaded weights or None, the personas whose
        requests can run now); the queues of personas that cannot run fail."""
        groups: dict[str, tuple[Any, Model | None, list[str]]] = {}
        for name in list(self.scheduler.queues):
            if not self.scheduler.queued(name):  # failed meanwhile, with the rest of its base
                continue
            entry = self.registry.get(name)
            if entry is None:
                self.scheduler.fail(name, UnknownPersona(name, self.registry.suggest(name)))
                continue
            try:
                report = self.residency.readiness(entry)
            except OSError as exc:  # the disk, not the pool: that persona's requests fail, the worker lives
                log.error("reading persona %s failed: %s", name, exc)
                self.scheduler.fail(name, load_failed(name, exc))
                continue
            if report.state is State.READY:
                names = groups[report.key][2] if report.key in groups else []
                groups[report.key] = (report.version, report.loaded, [*names, name])
            elif report.state is State.FAILED:
                self._fail_queue(name, report)
        return groups

    def _fail_queue(self, name: str, report: Readiness) -> None:
        """Fail `name`'s queue as `report` says; a shared base that failed fails every persona on it."""
        assert report.error is not None
        self.scheduler.fail(name, report.error)
        if report.whole_key:
            for other in list(self.scheduler.queues):
                entry = self.registry.get(other)
                if entry is not None and batch_key(entry) == report.key:
                    self.scheduler.fail(other, base_load_failed(other))

    def _may_join(self, key: str, decode: Running, version: Any, names: list[str]) -> bool:
        """Whether queued requests may join `key`'s decode now: it is not a seeded request's own, it runs
        the weights they need (a retrain waits for the old decode to drain), and the oldest of them is
        not seeded (that one waits for the decode to end, then runs alone) and has free rows for all its
        samples (else it waits for rows to leave, and the younger with it: no decode outgrows
        `max_batch`, and the head of the line is never passed over for asking several)."""
        current = self.residency.resident.get(key)
        head = self.scheduler.head(names)
        return (not decode.seeded and current is decode.model and current.version == version
                and head.seed is None and head.count <= decode.free)

    def drop(self, keep: Callable[[Request], bool], error: Callable[[Request], BotError] | None) -> None:
        """Take the requests `keep` refuses out of every decode, answering them with `error(req)` (None:
        unanswered, their callers left)."""
        gone = [req for decode in self.decodes.values() for req in decode.drop(keep)]
        for req in gone:
            if error is not None:
                resolve(req, error=error(req))
        if gone:  # (called before every step: nothing to settle when nobody left)
            self._settle()

    def holds(self, name: str) -> list[str]:
        """What is left of persona `name`, for /persona forget's report and tests; empty when nothing:
        "resident" (a full model on the device), "slot" (its adapter in a shared base's slot), "ram" (the
        CPU tier: a full model, an adapter kept or read and waiting for a slot), "guard" (its copy
        guard), "queued", "running" (rows in a decode, or in the static batch), "loading"."""
        held = self.residency.holds(name)
        if self.scheduler.queued(name):
            held.append("queued")
        if self.serves(name):
            held.append("running")
        return sorted(held, key=HELD_ORDER.index)

    def serves(self, name: str) -> bool:
        """Whether persona `name` has rows in a decode or a request in the static batch (any thread)."""
        return name in self.serving or any(req.persona == name for req in list(self.static_runner.running))

    def in_flight(self) -> list[Request]:
        """Every request taken from the queue and not answered yet: with rows in a decode, in the static
        batch running now, or about to join a decode (or run again alone)."""
        decoding = (r for d in self.decodes.values() for r in d.requests.values())
        return [*self.static_runner.running, *self._pending, *decoding]

    def tidy(self) -> None:
        """Between steps: the rows of callers gone leave; stale weights, loads nobody waits for and
        copy guards nobody uses go."""
        self.drop(lambda req: not req.future.done(), None)
        self.residency.unload_stale()
        self.scheduler.prune()
        queued = set(self.scheduler.queues)
        self.residency.drop_orphan_loads(queued)
        self.residency.drop_unheld_guards(queued | self.serving)

    def forget(self, name: str, error: Callable[[], BotError]) -> bool:
        """Persona `name` is forgotten: its queue fails and its rows leave every decode (with `error`),
        residency drops all it holds of it, and no cache keeps anything of it: the caches of decodes in
        progress have their free rows cleared (a row that served it kept its adapter copy and its keys
        and values), the others are dropped. False while the loader thread is still reading it."""
        self.scheduler.fail(name, error())
        self.drop(lambda req: req.persona != name, lambda req: error())
        live = {id(d.decoder): d for d in self.decodes.values()}
        for tier in (self.residency.resident, self.residency.cpu_tier):
            for model in tier.values():
                if model.decoder is None:
                    continue
                decode = live.get(id(model.decoder))
                if decode is None:
                    model.drop_cache()
                else:
                    model.decoder.clear_rows(decode.free_rows())
        return self.residency.forget_now(name)

    # ---- not holding it ---------------------------------------------------------------------------

    def run(self, plan: Plan) -> None:
        """Start or step `plan.key`'s decode (or run a whole static batch), and answer what ended."""
        key = plan.key
        decode = self.decodes.get(key)
        self._pending = plan.joiners  # taken from the queue: answered by `on_break` until admitted
        try:
            if decode is None or decode.empty:
                if not plan.joiners:
                    return
                model = self.residency.make_resident(key, plan.version, plan.loaded)
                if not self._continuous(model):
                    self.step_rows.append(sum(req.count for req in plan.joiners))  # the batch: one step
                    self.static_runner.serve(key, model, plan.joiners)
                    return
                head = plan.joiners[0]  # a seeded head is alone: a cache of its own, sized to it
                own_rows = head.count if head.seed is not None else None
                decode = self._new_decode(key, model, head.seed, own_rows)
                self.decodes[key] = decode
                self.residency.busy.add(key)
            elif key in self.residency.resident:  # (a retrain may have unloaded it: its decode drains)
                self.residency.resident.move_to_end(key)
            if plan.joiners:
                self.serving = self.serving | {r.persona for r in plan.joiners}
                self._admit(decode, plan.joiners)
                self.batches.append((key, sum(r.count for r in plan.joiners),
                                     len({r.persona for r in plan.joiners})))
            rows, personas = decode.rows, len(decode.personas())
            answered = decode.step()
        except Exception as exc:
            self._failed_step(key, decode, plan.joiners, exc)
            return
        finally:
            self._pending = []
        self.step_rows.append(rows)
        self.metrics.batch_rows.observe(rows)
        self.metrics.batch_personas.observe(personas)
        try:
            self._settle()  # first: `holds` never says "running" of a request its caller has back
        finally:  # (those requests are out of the decode: nothing else would answer them)
            for req, result in answered:
                answer(req, result)

    def _continuous(self, model: Model) -> bool:
        from bot.pool.gpt2 import unsupported

        return self.settings.continuous and unsupported(model.model) is None

    def _new_decode(self, key: str, model: Model, seed: int | None, rows: int | None) -> Running:
        """A decode of `key` on `model`: on its shared cache (`max_batch` rows); with `rows`, on a cache
        of its own (a seeded request's, a request run alone), seeded from `seed` if given."""
        import torch

        from bot.pool.gpt2 import GPT2Decoder
        from bot.pool.runner import Running

        if rows is not None:  # (keeps no prompts: a seeded request computes its own, every time)
            decoder = GPT2Decoder(model.model, rows, model.lora, half=model.half)
        else:
            if model.decoder is None:
                model.decoder = GPT2Decoder(model.model, lora=model.lora, half=model.half,
                                            prompt_bytes=int(self.settings.prompt_cache_mb * 1e6))
            decoder = model.decoder
        generator = None
        if seed is not None:
            generator = torch.Generator(device=decoder.device).manual_seed(seed)
        return Running(key, model, decoder, self.generation, self.metrics, self.guard,
                       self.settings.prefill_tokens, rows or self.settings.max_batch, generator)

    def _admit(self, decode: Running, joiners: list[Request]) -> None:
        """Each joiner's rows into `decode`, with its persona's prefix and adapter slot."""
        from bot.pool.lora import BASE
        from bot.pool.prompt_cache import owner_of
        from bot.pool.runner import prefix_ids

        model = decode.model
        slots = {}
        if model.lora is not None:
            slots = self.residency.assign_slots(model, [req.persona for req in joiners])
        for req in joiners:
            slot = slots.get(req.persona, BASE)
            version = model.slots[req.persona][1] if slot != BASE else None
            decode.admit(req, prefix_ids(model, self.registry.get(req.persona)), slot,
                         owner_of(req.persona, version, shared_base=model.lora is not None))

    def _settle(self) -> None:
        """Count each cache's bytes with its model's; forget decodes that ended; who is served."""
        grown = False
        for decode in self.decodes.values():  # a seeded request's own cache is not the model's
            if decode.model.decoder is decode.decoder:
                grown |= decode.model.count_cache()
        if grown:  # the budget sees it at the next load; the metric at once
            self.residency.update_metrics()
        for key in [k for k, d in self.decodes.items() if d.empty]:
            del self.decodes[key]
            self.since.pop(key, None)
            self.residency.busy.discard(key)
        self.serving = frozenset(r.persona for d in self.decodes.values() for r in d.requests.values())

    def _failed_step(self, key: str, decode: Running | None, joiners: list[Request], exc: Exception) -> None:
        """A step (or `joiners` joining it, or starting its decode) raised: a CUDA error breaks the pool;
        else each of the decode's requests runs again alone, so only one that fails on its own gets an
        error. The decode is dropped, and its model's cache with it (it may be half grown)."""
        held = decode.requests.values() if decode is not None else ()
        reqs = list({id(r): r for r in (*held, *joiners)}.values())
        what = served(key, [r.persona for r in reqs])
        self._pending = reqs  # until each is answered, `on_break` answers them
        try:
            if decode is not None and self.decodes.get(key) is decode:
                del self.decodes[key]
            self.residency.busy.discard(key)
            if decode is not None and decode.model.decoder is decode.decoder:
                decode.model.drop_cache()
            self._settle()
            if poisons_device(exc):  # these, the other decodes' and the queued fail with PoolBroken
                self.on_break(f"CUDA error in a batch for '{what}': {exc}", exc)
                return
            if decode is None or len(reqs) == 1:  # nothing to tell apart, or no model to run on
                log.error("generation for %s failed", what, exc_info=exc)
                for req in reqs:
                    resolve(req, error=failed(req.persona))
                return
            log.warning("a decode of %d requests for %s failed (%s: %s): running each alone", len(reqs),
                        what, type(exc).__name__, exc)
            for req in reqs:
                if not self._alone(key, decode.model, req):
                    return
        finally:
            self._pending = []

    def _alone(self, key: str, model: Model, req: Request) -> bool:
        """Run `req` again alone on a decode of its own; False when the pool broke doing it."""
        req.kept.clear()
        req.rejections = 0
        try:
            alone = self._new_decode(key, model, req.seed, req.count)
            self._admit(alone, [req])
            self.batches.append((key, req.count, 1))
            for _ in range(ALONE_STEPS):
                for done, result in alone.step():
                    answer(done, result)
                if alone.empty:
                    break
        except Exception as exc:
            error = failed_alone(req, exc, self.on_break)
            if error is None:
                return False
            resolve(req, error=error)
        return True
