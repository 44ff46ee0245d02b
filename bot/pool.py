"""The generation pool: persona weights on the device, requests batched, the event loop never blocked.

One worker thread owns torch and the device. The asyncio side validates a request, puts it in a
per-persona queue (bounded in total) and awaits a future that the worker completes through
`loop.call_soon_threadsafe`. The worker serves the persona whose oldest request has waited longest,
once that request has waited `batch_window_ms` (or the batch is full), so no persona starves.
Weights are read from disk by a separate loader thread, so a load never stalls other personas'
batches; residency is a byte budget with least-recently-used eviction and pinned personas.

Sampling settings may differ row by row inside one batch (see `training.sampling`). A request with a
`seed` runs in a batch of its own with a generator seeded from it: exactly the same computation every
time, so the same persona, prompt, settings and seed give the same text on the same machine, whatever
else is queued. Seeded requests are rare (a user's explicit choice), so isolating them costs little.

Every row fits the persona's context: its max_new_tokens is clamped to what the prompt leaves, and a
long prompt keeps its tail but leaves room to generate (at least half the context, or max_new_tokens).
Each row's minimum is `[generation] min_length` minus its prompt (prefix included), as huggingtweets.
A batch that raises is run again request by request, so only a request that fails on its own gets
GenerationFailed. A worker that dies, or a CUDA error (which poisons the device's context), breaks the
pool: `broken` says why, `ready` turns False, and queued and later requests fail at once with
PoolBroken. Weights are read by a daemon thread, so neither close() nor interpreter exit waits for a
load stuck in flight. A disk error (EACCES, EIO) while a persona is looked at or loaded is neither: it
fails that persona's requests with LoadFailed, and the next request tries the disk again.

Adapter personas (`kind: lora`) share their base: it is loaded once per (base, fingerprint), wrapped
by `bot.lora.SharedBase`, and requests of any of its personas batch together (the batch key is the
base), each row running with its own persona's adapter slot. Adapters are read by the loader thread
and written into slots between batches; the base and its slots count against the byte budget, slots
are reused least recently used first, and more are added while the budget allows.

The copy guard (`[generation] max_copied_words`, `training.copyguard`): a persona trained with it has
hashed word n-grams of its training tweets, read by the loader thread with its weights. After a decode,
each sample that repeats that many consecutive words of a training tweet (n-grams of the prompt's own
words alone do not count) is rejected and drawn again, up to `COPY_TRIES` draws in all. An unseeded
request goes back to the head of its queue for the samples it is still owed, so a redraw rides in the
next batch with whatever else is due instead of holding the worker for a decode of a few rows; a seeded
request (alone in its batch) draws again at once, its generator going on, so the retry is reproducible
too. Still a copy after the last draw, the sample is dropped: the request gets what remains
(`Samples.dropped` says how many went), or CopyRejected when nothing does. `Samples.copy_rejections`
counts rejected draws, as does `pool_copy_rejections_total`. A persona without the file (trained
before the guard) runs with it off.

Forgetting (`forget`, for /persona forget): the registry is rescanned, the persona's queued requests fail
with UnknownPersona, and the worker (which owns the torch state) drops everything of it between batches:
its full model on the device and in the CPU tier, its adapter slot, its adapter in RAM, its copy guard,
its loads. `holds` says what is left (nothing, once `forget` returned). A persona whose folder is gone
from disk is never served from memory, even before the next rescan drops it (`generate` looks first).
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
import os
import stat
import threading
import time
from collections import OrderedDict, deque
from collections.abc import Iterator
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from queue import SimpleQueue
from typing import TYPE_CHECKING, Any

import prometheus_client

from bot.config import ConfigError, GenerationSettings, PoolSettings
from bot.errors import (
    BotError,
    CopyRejected,
    GenerationFailed,
    GenerationTimeout,
    LoadFailed,
    PoolBroken,
    PoolBusy,
    PoolClosed,
    UnknownPersona,
)
from bot.generation import COPY_TRIES, Samples, check, validate_request
from bot.metrics import PoolMetrics
from bot.output import DISCORD_LIMIT, format_sample
from bot.personas import MISSING, PersonaEntry, PersonaRegistry, folder_version
from training.bases import base_folder, resolve_base, weights_fingerprint
from training.checkpoint import PERSONA_FILE, context_length
from training.copyguard import CopyGuard, read_ngram_hashes
from training.generated_text import one_tweet

if TYPE_CHECKING:
    from bot.lora import Adapter, SharedBase
    from training.sampling import Rows, TokenText

log = logging.getLogger(__name__)

LOADER_JOIN_S = 1.0  # close() gives an idle loader thread this long to end
BASE_KEY = "base:"  # batch keys of shared bases start with this (persona names cannot hold ':')
SLOT_STEP = 8  # adapter slots are allocated this many at a time


def batch_key(entry: PersonaEntry) -> str:
    """What a persona's requests batch with: its shared base for an adapter (any persona of that base
    may share the batch), the persona itself for a full model."""
    base = entry.meta.base if entry.meta.kind == "lora" else None
    if base is None:
        return entry.name
    return f"{BASE_KEY}{base.source}:{base.name}@{base.fingerprint}"


@dataclass(eq=False)
class _Request:
    persona: str
    prompt: str
    count: int
    max_new_tokens: int
    min_new_tokens: int
    temperature: float
    top_p: float
    top_k: int
    seed: int | None
    future: asyncio.Future
    loop: asyncio.AbstractEventLoop
    enqueued: float = field(default_factory=time.monotonic)
    context: str = ""  # a tweet this one answers: before the prompt, never part of the result
    # The copy guard's redraws: `count` is the samples still owed, `draw` the draw they are (1 first).
    asked: int = 0  # the samples asked for (count before any redraw)
    draw: int = 1
    kept: list[str] = field(default_factory=list)  # accepted continuations so far
    rejections: int = 0  # draws the copy guard rejected so far

    def __post_init__(self) -> None:
        self.asked = self.asked or self.count


@dataclass(eq=False)
class _Model:
    """A persona's weights and tokenizer, on the device (resident) or in CPU memory (loaded, second tier);
    or a shared base (`lora` set), whose adapters sit in slots: `slots` maps persona -> (slot, version)."""

    version: Any
    model: Any
    tokenizer: Any
    stop_mask: Any
    text: TokenText  # the tokens of a sample back to text, whole characters only
    nbytes: int
    prefix: list[int]  # token ids put before every prompt
    context: int  # positions the model can attend to (prompt + generated)
    lora: SharedBase | None = None
    weight_bytes: int = 0  # a shared base: its own weights (nbytes adds its slots)
    slots: OrderedDict[str, tuple[int, Any]] = field(default_factory=OrderedDict)  # LRU order


def resolve_device(pool: PoolSettings) -> tuple[str, Any]:
    """The device and dtype to run on: cuda when present (bf16 where supported, else fp16), else CPU fp32."""
    import torch

    device = pool.device
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    elif device == "cuda" and not torch.cuda.is_available():
        raise ConfigError('[pool] device = "cuda" but no CUDA device is available (use "auto" or "cpu")')
    if pool.dtype != "auto":
        return device, getattr(torch, pool.dtype)
    if device == "cuda":
        return device, torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return device, torch.float32


def device_memory(device: str) -> int:
    """Total memory of the device in bytes: GPU memory on cuda, physical RAM on CPU."""
    if device == "cuda":
        import torch

        return torch.cuda.get_device_properties(0).total_memory
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def default_threads(pool: PoolSettings) -> int:
    """`torch_threads`, or all cores but one: the asyncio loop keeps a core of its own."""
    if pool.torch_threads is not None:
        return pool.torch_threads
    return max(1, (os.cpu_count() or 1) - 1)


def load_persona(entry: PersonaEntry, dtype: Any) -> _Model:
    """Read a persona's weights (safetensors only: nothing is unpickled) and tokenizer into CPU memory.

    Labelled with `entry.version`; the caller checks the folder still has that version afterwards.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from training.sampling import TokenText, stop_token_mask

    hf_logging.disable_progress_bar()  # a bar per load would clutter the console and the bot's log

    tokenizer = AutoTokenizer.from_pretrained(entry.path)
    model = AutoModelForCausalLM.from_pretrained(entry.path, use_safetensors=True, dtype=dtype)
    model.eval()
    nbytes = sum(t.numel() * t.element_size() for t in (*model.parameters(), *model.buffers()))
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer has no end-of-text token")
    # huggingtweets: every training tweet followed an end-of-text, so every prompt does too.
    prefix_text = entry.meta.prompt_prefix
    prefix = tokenizer(prefix_text, add_special_tokens=False).input_ids if prefix_text else []
    prefix = prefix or [tokenizer.eos_token_id]
    stop = stop_token_mask(tokenizer, model.config.vocab_size)
    return _Model(entry.version, model, tokenizer, stop, TokenText(tokenizer), nbytes, prefix,
                  context_length(model.config))


def load_shared_base(entry: PersonaEntry, models_dir: Path, dtype: Any) -> _Model:
    """Read the base an adapter persona was trained on (checked against the fingerprint training
    recorded: a different base would silently give another voice), wrapped for per-row adapters."""
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from bot.lora import SharedBase
    from training.sampling import TokenText, stop_token_mask

    hf_logging.disable_progress_bar()
    meta = entry.meta
    assert meta.base is not None and meta.lora is not None
    where = resolve_base(meta.base, models_dir).load_from
    folder = base_folder(where)
    if folder is None or not folder.is_dir():
        raise FileNotFoundError(f"the base {meta.base.name!r} of persona {entry.name!r} is not on this "
                                f"machine ({where})")
    if weights_fingerprint(folder) != meta.base.fingerprint:
        raise ValueError(f"the base at {folder} is not the one persona {entry.name!r} was trained on "
                         "(its weights' fingerprint differs)")
    tokenizer = AutoTokenizer.from_pretrained(where)
    model = AutoModelForCausalLM.from_pretrained(where, use_safetensors=True, dtype=dtype)
    model.eval()
    if tokenizer.eos_token_id is None:
        raise ValueError("the base's tokenizer has no end-of-text token")
    weight_bytes = sum(t.numel() * t.element_size() for t in (*model.parameters(), *model.buffers()))
    shared = SharedBase(model, slots=SLOT_STEP, rank=meta.lora.rank)
    stop = stop_token_mask(tokenizer, model.config.vocab_size)
    return _Model(batch_key(entry), model, tokenizer, stop, TokenText(tokenizer),
                  weight_bytes + shared.nbytes, [tokenizer.eos_token_id], context_length(model.config),
                  shared, weight_bytes)


def load_adapter(entry: PersonaEntry, dtype: Any) -> Adapter:
    """Read a persona's adapter (milliseconds: two small files), labelled with `entry.version`."""
    from bot.lora import read_adapter

    start = time.perf_counter()
    adapter = read_adapter(entry.path, dtype=dtype)
    adapter.version = entry.version
    adapter.read_ms = (time.perf_counter() - start) * 1000
    return adapter


class _Removed(Exception):
    """The persona folder was removed while it was being read."""


class GenerationPool:
    def __init__(self, registry: PersonaRegistry, pool: PoolSettings, generation: GenerationSettings,
                 metrics: prometheus_client.CollectorRegistry | None = None) -> None:
        self.registry = registry
        self.settings = pool
        self.generation = generation
        self.metrics = PoolMetrics(metrics)
        self.device, self.dtype = resolve_device(pool)
        self.budget = pool.memory_budget_bytes or int(pool.memory_fraction * device_memory(self.device))
        # CPU second tier on a GPU: evicted weights wait in RAM, a PCIe copy away instead of a disk read.
        self.cpu_budget = int(pool.memory_fraction * device_memory("cpu")) if self.device == "cuda" else 0
        self.threads = default_threads(pool)
        # (batch key: the persona, or its shared base; rows; distinct personas) of recent batches
        self.batches: deque[tuple[str, int, int]] = deque(maxlen=1000)
        self.adapter_load_ms: deque[float] = deque(maxlen=1000)  # read + into a slot, recent loads

        self._cond = threading.Condition()
        self._queues: dict[str, deque[_Request]] = {}  # guarded by _cond
        self._waiting = 0
        self._closing = False
        self._started = False
        self._loading: dict[str, Future] = {}  # persona -> loader future, guarded by _cond
        self._resident: OrderedDict[str, _Model] = OrderedDict()  # worker thread only; LRU order
        self._cpu_tier: OrderedDict[str, _Model] = OrderedDict()  # worker thread only
        self._adapters: dict[str, Adapter] = {}  # worker thread only: read, waiting for a slot
        # On a GPU, adapters put in a slot also stay in RAM (LRU, within cpu_budget): an evicted one
        # comes back by a host-to-device copy instead of a file read. Worker thread only.
        self._adapter_tier: OrderedDict[str, Adapter] = OrderedDict()
        self._worker: threading.Thread | None = None
        self._loader: threading.Thread | None = None
        self._load_jobs: SimpleQueue[tuple[str, Any, Future] | None] = SimpleQueue()
        self._loading_now: str | None = None  # what the loader thread is reading now (set by it)
        # forget() asks the worker: (persona, the caller's future, its loop). Guarded by _cond.
        self._forgets: list[tuple[str, asyncio.Future, asyncio.AbstractEventLoop]] = []
        self._worker_done = False  # guarded by _cond: the worker has ended, forget() cleans up itself
        self._rescan: asyncio.Task | None = None
        self._paused = False  # guarded by _cond; see `paused`
        self._broken: str | None = None  # guarded by _cond; see `broken`
        self._running: list[_Request] = []  # worker thread only: the batch being served
        # Copy guards by persona (None: none, or off): written by the loader thread with the weights,
        # read by the worker, dropped with the weights (`_drop_unheld_guards`). Guarded by _guard_lock.
        self._guards: dict[str, CopyGuard | None] = {}
        self._guard_lock = threading.Lock()

    # ---- the asyncio side -------------------------------------------------------------------------

    async def start(self) -> None:
        """Scan `models/`, start the worker and loader threads, and the periodic rescan."""
        if self._started:
            return
        await asyncio.to_thread(self.registry.scan)
        # A daemon thread, not an executor: executor threads are joined at interpreter exit, so a
        # load stuck on a slow disk would keep the process from exiting after close().
        self._loader = threading.Thread(target=self._load_forever, name="pool-loader", daemon=True)
        self._worker = threading.Thread(target=self._work, name="pool-worker", daemon=True)
        self._started = True
        self._loader.start()
        self._worker.start()
        self._rescan = asyncio.create_task(self._rescan_forever(), name="pool-rescan")
        missing = [n for n in self.settings.pinned if self.registry.get(n) is None]
        if missing:  # not an error: the persona may be trained later, and is pinned once it appears
            log.warning("[pool] pinned names no persona in %s (yet): %s",
                        self.registry.models_dir, ", ".join(missing))
        log.info("generation pool on %s (%s), budget %.0f MB, %d torch thread(s)",
                 self.device, str(self.dtype).removeprefix("torch."), self.budget / 1e6, self.threads)

    async def close(self) -> None:
        """Stop taking requests, fail the queued ones with PoolClosed, finish the running batch, join
        the worker (a persona load in flight is not waited for)."""
        with self._cond:
            if self._closing:
                return
            self._closing = True
            for queue in self._queues.values():
                for req in queue:
                    self._resolve(req, error=PoolClosed())
                queue.clear()
            self._set_waiting(0)
            self._cond.notify_all()
        if self._rescan is not None:
            self._rescan.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._rescan
        if self._worker is not None:
            await asyncio.to_thread(self._worker.join)
        self._load_jobs.put(None)  # the loader ends after the load it is on, if any
        if self._loader is not None:
            # An idle loader ends at once; let it, so it never unwinds torch's thread state while the
            # interpreter exits (that aborts the process). A load in flight is not waited for.
            await asyncio.to_thread(self._loader.join, LOADER_JOIN_S)

    async def refresh(self) -> None:
        """Rescan `models/` now: new personas become servable, retrained ones reload, removed ones unload."""
        changes = await asyncio.to_thread(self.registry.scan)
        if changes:
            log.info("personas: added %s, changed %s, removed %s",
                     changes.added, changes.changed, changes.removed)
            with self._cond:
                self._cond.notify_all()

    async def forget(self, name: str) -> None:
        """Forget persona `name` (its folder already gone from `models/`): rescan the registry now, fail
        its queued requests with UnknownPersona, and return once the pool holds nothing of it (`holds`
        empty): no weights on the device or in RAM, no adapter slot, no copy guard, no load. The worker
        does the unloading between batches, so a batch serving it when this is called ends first (its
        callers get their results). A load of it in flight is waited for (it fails fast: the folder is
        gone). Once the worker has ended (closed, broken), the cleanup is done here.
        The log never names the persona (forgetting it means the operator's log too): the worker is
        asked before the rescan, so the rescan's unloading (`_unload_stale`, which names) finds nothing."""
        loop = asyncio.get_running_loop()
        done = loop.create_future()
        with self._cond:
            self._fail_queue(name, self._unknown(name))  # at once, not after the running batch
            if self._worker_done or self._worker is None:
                self._forget_now(name)  # no worker to ask (never started, or ended): nothing runs
                done.set_result(None)
            else:
                self._forgets.append((name, done, loop))
                self._cond.notify_all()
        changes = await asyncio.to_thread(self.registry.scan)
        others = [n for n in changes.removed if n != name]
        if changes.added or changes.changed or others:  # as refresh() says it, less the forgotten name
            log.info("personas: added %s, changed %s, removed %s", changes.added, changes.changed, others)
        if changes:
            with self._cond:
                self._cond.notify_all()
        await done

    def holds(self, name: str) -> list[str]:
        """What the pool still holds of persona `name`, for tests and /persona forget's report; empty
        when nothing: "resident" (a full model on the device), "slot" (its adapter in a shared base's
        slot), "ram" (the CPU tier: a full model, an adapter kept or read and waiting for a slot),
        "guard" (its copy guard), "queued", "running" (in the batch running now), "loading"."""
        with self._cond:
            held = []
            if name in self._resident:
                held.append("resident")
            if any(name in base.slots for base in list(self._resident.values())):
                held.append("slot")
            if name in self._cpu_tier or name in self._adapter_tier or name in self._adapters:
                held.append("ram")
            with self._guard_lock:
                if name in self._guards:
                    held.append("guard")
            if self._queues.get(name):
                held.append("queued")
            if any(req.persona == name for req in self._running):
                held.append("running")
            if name in self._loading or self._loading_now == name:
                held.append("loading")
            return held

    async def _rescan_forever(self) -> None:
        while True:
            await asyncio.sleep(self.settings.rescan_interval_s)
            try:
                await self.refresh()
            except Exception:  # a transient disk error must not end the rescans
                log.exception("rescanning %s failed", self.registry.models_dir)

    @property
    def ready(self) -> bool:
        """Serving: started, not closing, not broken, the worker alive (what /healthz reports)."""
        return (self._started and not self._closing and self._broken is None
                and self._worker is not None and self._worker.is_alive())

    @property
    def broken(self) -> str | None:
        """Why the pool cannot generate any more (its worker died, a CUDA error), or None."""
        return self._broken

    async def generate(self, persona: str, prompt: str = "", *, count: int = 1,
                       max_new_tokens: int | None = None, temperature: float | None = None,
                       top_p: float | None = None, top_k: int | None = None, seed: int | None = None,
                       timeout: float | None = None, min_new_tokens: int = 0, context: str = "") -> Samples:
        """`count` texts in `persona`'s voice, each the prompt followed by one generated tweet (fewer
        when the copy guard dropped some: `Samples.dropped`; see the module's docstring).

        `context`: the tweet (or message) this one follows. It goes first, as a tweet of its own (end of
        text before and after it, as training saw tweets), so the persona answers it; it is not shown.

        None takes `[generation]`'s default. `max_new_tokens` is clamped to the persona's context.
        `min_new_tokens` (for the benchmark) suppresses every stop token before that many tokens (as
        `[generation] min_length` does; the larger of the two holds).
        Raises UnknownPersona, InvalidRequest, PoolBusy, GenerationTimeout, GenerationFailed,
        CopyRejected, PoolBroken or PoolClosed.
        """
        return await self.metrics.request(self._generate(
            persona, prompt, count, max_new_tokens, temperature, top_p, top_k, seed, timeout,
            min_new_tokens, context))

    async def _generate(self, persona: str, prompt: str, count: int, max_new_tokens: int | None,
                        temperature: float | None, top_p: float | None, top_k: int | None, seed: int | None,
                        timeout: float | None, min_new_tokens: int, context: str = "") -> Samples:
        self._check_open()
        g = self.generation
        prompt = prompt.strip()
        context = " ".join(context.split())  # one line: a newline would read as the end of a tweet
        validate_request(g, prompt=prompt, count=count, max_new_tokens=max_new_tokens,
                         temperature=temperature, top_p=top_p, seed=seed, top_k=top_k, context=context)
        max_new = g.max_new_tokens if max_new_tokens is None else max_new_tokens
        temp = g.temperature if temperature is None else temperature
        p = g.top_p if top_p is None else top_p
        k = g.top_k if top_k is None else top_k
        timeout = self.settings.request_timeout_s if timeout is None else timeout
        check(timeout > 0, f"timeout must be above 0 seconds (got {timeout}).")
        check(0 <= min_new_tokens <= max_new, f"min_new_tokens must be between 0 and {max_new}.")
        entry = self.registry.get(persona)
        if entry is None:
            raise UnknownPersona(persona, self.registry.suggest(persona))
        # Removed or forgotten, not rescanned yet: never served from memory. A stat, off the loop (the
        # service's models/ may be shared storage, where one can stall).
        if await asyncio.to_thread(_folder_gone, entry):
            raise self._unknown(persona)

        loop = asyncio.get_running_loop()
        req = _Request(persona, prompt, count, max_new, min_new_tokens, temp, p, k, seed,
                       loop.create_future(), loop, context=context)
        with self._cond:
            self._check_open()  # again under the lock: close() or a breakage may have come meanwhile
            if self._waiting >= self.settings.max_queue:
                raise PoolBusy()
            self._queues.setdefault(persona, deque()).append(req)
            self._set_waiting(self._waiting + 1)
            self._cond.notify_all()
        try:
            return await asyncio.wait_for(req.future, timeout)
        except TimeoutError:
            self._drop(req)
            raise GenerationTimeout() from None
        except asyncio.CancelledError:
            self._drop(req)  # the caller went away: its request leaves the queue (a running one is ignored)
            raise

    def _check_open(self) -> None:
        if self._closing:
            raise PoolClosed()
        if not self._started:
            raise PoolClosed("The generation pool is not running yet.")
        if self._broken is not None:
            raise PoolBroken()

    def _drop(self, req: _Request) -> None:
        with self._cond:
            queue = self._queues.get(req.persona)
            if queue is not None and req in queue:
                queue.remove(req)
                self._set_waiting(self._waiting - 1)

    def _set_waiting(self, n: int) -> None:
        self._waiting = n
        self.metrics.queue_depth.set(n)

    @staticmethod
    def _resolve(req: _Request, result: Samples | None = None, error: BaseException | None = None) -> None:
        """Complete the caller's future from any thread (ignored when the caller is gone)."""

        def settle() -> None:
            if req.future.done():
                return
            if error is not None:
                req.future.set_exception(error)
            else:
                req.future.set_result(result)

        with contextlib.suppress(RuntimeError):  # the caller's loop is closed: nobody is waiting
            req.loop.call_soon_threadsafe(settle)

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

    # ---- the worker thread ------------------------------------------------------------------------

    def _set_threads(self) -> None:
        import torch

        torch.set_num_threads(self.threads)

    def _work(self) -> None:
        try:
            self._set_threads()
            while True:
                with self._cond:
                    job = self._next_batch()
                if job is None:
                    return
                self._running = job[3]
                self._serve(*job)
                self._running = []
        except BaseException as exc:  # whatever ends the worker, requests must not wait for a timeout
            self._break(f"the worker thread died: {type(exc).__name__}: {exc}", exc)
        finally:
            with self._cond:  # forgets asked meanwhile are done here; later ones by forget() itself
                self._worker_done = True
                self._running = []
                self._serve_forgets(final=True)

    def _break(self, reason: str, exc: BaseException) -> None:
        """The pool cannot generate any more: record why (logged once), fail the running batch and
        every queued request with PoolBroken (a request already answered keeps its answer)."""
        with self._cond:
            if self._broken is not None:
                return
            self._broken = reason
            log.error("generation pool unavailable: %s", reason, exc_info=exc)
            for req in self._running:
                self._resolve(req, error=PoolBroken())
            for name in list(self._queues):
                self._fail_queue(name, PoolBroken())
            self._cond.notify_all()

    def _serve(self, key: str, version: Any, loaded: _Model | None, batch: list[_Request]) -> None:
        """Run a batch (of one persona, or of any personas of one shared base: `key`) and answer its
        requests. If it raises, each request runs again alone, so only one that fails on its own gets
        an error; a CUDA error breaks the pool instead (no retry: the device's context is unusable)."""
        persona = key if not key.startswith(BASE_KEY) else ", ".join(sorted({r.persona for r in batch}))
        resident = None
        try:
            resident = self._make_resident(key, version, loaded)
            results = self._run_batch(key, resident, batch)
        except Exception as exc:
            if _poisons_device(exc):
                self._break(f"CUDA error in a batch for '{persona}': {exc}", exc)
                return
            if len(batch) == 1 or resident is None:  # nothing to tell apart by running alone
                log.exception("generation for %s failed", persona)
                results = [_failed(persona) for _ in batch]
            else:
                log.warning("a batch of %d requests for %s failed (%s: %s): running each alone",
                            len(batch), persona, type(exc).__name__, exc)
                results = None
        if results is not None:
            for req, result in zip(batch, results, strict=True):
                self._answer(req, result)
            return
        for req in batch:
            try:
                (result,) = self._run_batch(key, resident, [req])
            except Exception as exc:
                if _poisons_device(exc):
                    self._break(f"CUDA error in a request for '{persona}': {exc}", exc)
                    return
                log.exception("generation for %s failed for one request", req.persona)
                result = _failed(req.persona)
            self._answer(req, result)

    def _answer(self, req: _Request, result: Samples | BotError | None) -> None:
        if result is None:  # owed redraws: back to the head of its queue
            self._redraw_later(req)
        elif isinstance(result, BotError):
            self._resolve(req, error=result)
        else:
            self._resolve(req, result)

    def _redraw_later(self, req: _Request) -> None:
        """Queue `req` again for the samples the copy guard still owes it. It keeps its first arrival
        time, so it is the oldest and due at once, and rides in the next batch of its key."""
        with self._cond:
            if req.future.done():  # timed out or cancelled meanwhile: nobody waits for the redraw
                return
            if self._closing or self._broken is not None:
                self._resolve(req, error=PoolClosed() if self._closing else PoolBroken())
                return
            self._queues.setdefault(req.persona, deque()).appendleft(req)
            self._set_waiting(self._waiting + 1)
            self._cond.notify_all()

    def _next_batch(self) -> tuple[str, Any, _Model | None, list[_Request]] | None:
        """Wait (holding `_cond`) until a batch is due; None when closing or broken.

        Requests group by batch key: a full-model persona batches alone, the adapter personas of one
        base batch together (vLLM's rule: requests, not models, are the unit). The key whose oldest
        ready request has waited longest goes first, once that request has waited the batching
        window or the key's ready rows fill a batch."""
        while True:
            if self._closing or self._broken is not None:
                return None
            if self._forgets:  # first: what it drops, `_unload_stale` (which logs names) never sees
                self._serve_forgets()
            self._unload_stale()
            for name in [n for n, q in self._queues.items() if not q]:
                del self._queues[name]
            self._drop_orphan_loads()
            self._drop_unheld_guards()
            if self._paused:
                self._cond.wait()
                continue
            now = time.monotonic()
            window = self.settings.batch_window_ms / 1000
            best: tuple[float, str, Any, _Model | None, list[str]] | None = None
            wake_at: float | None = None
            for key, (version, loaded, names) in self._ready_groups().items():
                heads = [self._queues[n][0].enqueued for n in names]
                oldest = min(heads)
                rows = sum(r.count for n in names for r in self._queues[n])
                due = oldest + window
                if due <= now or rows >= self.settings.max_batch:
                    if best is None or oldest < best[0]:
                        best = (oldest, key, version, loaded, names)
                elif wake_at is None or due < wake_at:
                    wake_at = due
            if best is not None:
                _, key, version, loaded, names = best
                if loaded is not None:
                    del self._loading[key]
                return key, version, loaded, self._take_batch(names)
            self._cond.wait(None if wake_at is None else max(wake_at - now, 0.0005))

    def _ready_groups(self) -> dict[str, tuple[Any, _Model | None, list[str]]]:
        """Batch key -> (the weights' version, freshly loaded weights or None, the personas whose
        requests can run now). Starts the loads that are missing (base, adapters, full models)."""
        groups: dict[str, tuple[Any, _Model | None, list[str]]] = {}
        for name in list(self._queues):
            entry = self.registry.get(name)
            if entry is None:
                self._fail_queue(name, UnknownPersona(name, self.registry.suggest(name)))
                continue
            try:
                self._add_if_ready(groups, name, entry)
            except OSError as exc:  # the disk, not the pool: that persona's requests fail, the worker lives
                log.error("reading persona %s failed: %s", name, exc)
                self._fail_queue(name, _load_failed(name, exc))
        return groups

    def _add_if_ready(self, groups: dict[str, tuple[Any, _Model | None, list[str]]], name: str,
                      entry: PersonaEntry) -> None:
        """Add `name` to its batch key's group in `groups` when it can run now; start what it lacks."""
        key = batch_key(entry)
        if not key.startswith(BASE_KEY):
            ready, loaded = self._readiness(name, entry)
            if ready:
                groups[key] = (entry.version, loaded, [name])
            return
        base_ready, loaded = self._base_readiness(key, entry)
        base = self._resident.get(key) or loaded
        if self._adapter_readiness(name, entry, base) and base_ready:
            names = groups[key][2] if key in groups else []
            groups[key] = (key, loaded, [*names, name])

    def _base_readiness(self, key: str, entry: PersonaEntry) -> tuple[bool, _Model | None]:
        """Whether the shared base `key` is resident or freshly loaded; starts its load if not. A base
        that cannot be loaded fails the queues of every persona on it."""
        if key in self._resident:
            return True, None
        pending = self._loading.get(key)
        if pending is not None and pending.done():
            if pending.exception() is None:
                return True, pending.result()
            del self._loading[key]
            log.error("loading base %s for %s failed: %s", key, entry.name, pending.exception())
            for name in [n for n in self._queues if self._key_of(n) == key]:
                self._fail_queue(name, LoadFailed(f"Could not load the base model of '{name}'; see the "
                                                  "bot's log."))
            return False, None
        if pending is None:
            self._submit_load(key, lambda: load_shared_base(entry, self.registry.models_dir, self.dtype))
        return False, None

    def _adapter_readiness(self, name: str, entry: PersonaEntry, base: _Model | None) -> bool:
        """Whether `name`'s adapter is in a slot of its base or read and waiting for one; starts
        reading it if not (the loader thread: a cold adapter never stalls running batches)."""
        held = base.slots.get(name) if base is not None else None
        if held is not None and held[1] == entry.version:
            return True
        adapter = self._adapters.get(name)
        if adapter is not None and adapter.version == entry.version:
            return True
        adapter = self._adapter_tier.pop(name, None)
        if adapter is not None and adapter.version == entry.version:
            adapter.read_ms = 0.0  # from RAM, not read again
            self._adapters[name] = adapter
            return True
        pending = self._loading.get(name)
        if pending is not None and pending.done():
            del self._loading[name]
            if pending.exception() is not None:
                if _gone(entry):
                    self._fail_queue(name, UnknownPersona(name, self.registry.suggest(name)))
                else:
                    log.error("loading the adapter of persona %s failed: %s", name, pending.exception())
                    self._fail_queue(name, _load_failed(name, pending.exception()))
                return False
            adapter = pending.result()
            if adapter.version == entry.version:
                self._adapters[name] = adapter
                return True
            pending = None  # read an older version: read again
        if pending is None:
            self._submit_load(name, lambda: self._load(entry, load_adapter))
        return False

    def _key_of(self, name: str) -> str | None:
        entry = self.registry.get(name)
        return batch_key(entry) if entry is not None else None

    def _submit_load(self, name: str, load) -> None:
        future: Future = Future()
        self._load_jobs.put((name, load, future))
        self._loading[name] = future
        future.add_done_callback(lambda _f: self._notify())

    def _readiness(self, name: str, entry: PersonaEntry) -> tuple[bool, _Model | None]:
        """Whether `name` can run now (resident, in the CPU tier, or freshly loaded); starts a load if not."""
        resident = self._resident.get(name) or self._cpu_tier.get(name)
        if resident is not None and resident.version == entry.version:
            return True, None
        pending = self._loading.get(name)
        if pending is not None and pending.done():
            if pending.exception() is None and pending.result().version == entry.version:
                return True, pending.result()
            if pending.exception() is not None:
                del self._loading[name]
                # Removed while loading: the next rescan drops it too.
                if isinstance(pending.exception(), _Removed) or _gone(entry):
                    self._fail_queue(name, UnknownPersona(name, self.registry.suggest(name)))
                    return False, None
                log.error("loading persona %s failed: %s", name, pending.exception())
                self._fail_queue(name, _load_failed(name, pending.exception()))
                return False, None
            pending = None  # loaded an older version: load again
        if pending is None:
            self._submit_load(name, lambda: self._load(entry, load_persona))
        return False, None

    def _load_forever(self) -> None:
        """Loader thread: run loads one at a time, each into its future; None ends it."""
        self._set_threads()
        while (job := self._load_jobs.get()) is not None:
            name, load, future = job
            self._loading_now = name  # a forget waits for this read, even once nobody waits for it
            if not future.set_running_or_notify_cancel():
                self._loading_now = None
                continue
            try:
                result = load()
            except BaseException as exc:  # the worker reports it; the loader stays for later loads
                self._loading_now = None
                future.set_exception(exc)
            else:
                self._loading_now = None  # cleared before the worker is woken by the result
                future.set_result(result)

    def _load(self, entry: PersonaEntry, read) -> Any:
        """Loader thread: `read(entry, dtype)`, and again if a retrain swapped the folder mid-read (the
        files read may mix both versions), after rescanning so the result carries the new version."""
        for _ in range(3):
            try:
                loaded = read(entry, self.dtype)
                guard = self._read_guard(entry)  # with the weights: the same version, off the loop
            except Exception:
                if _unchanged(entry):
                    raise
            else:
                if _unchanged(entry):
                    with self._guard_lock:
                        self._guards[entry.name] = guard
                    return loaded
            if _gone(entry):  # removed (or forgotten: its name is not logged) while it was read
                raise _Removed()
            log.info("persona %s changed on disk while loading: reading it again", entry.name)
            changes = self.registry.scan()
            if changes:
                log.info("personas: added %s, changed %s, removed %s",
                         changes.added, changes.changed, changes.removed)
            entry = self.registry.get(entry.name)
            if entry is None:
                raise _Removed()
        raise RuntimeError("the persona folder kept changing while it was read")

    def _read_guard(self, entry: PersonaEntry) -> CopyGuard | None:
        """Loader thread: the persona's copy guard, None when it has none or it is off (said once per
        load in the log). A damaged file raises (CopyGuardError): the persona fails to load rather than
        run unguarded."""
        limit = self.generation.max_copied_words
        if limit == 0:
            return None
        guard = read_ngram_hashes(entry.path)
        if guard is None:
            log.info("persona %s has no copy guard (trained before it existed): its samples are not checked",
                     entry.name)
        elif limit < guard.n:
            log.warning("persona %s: copy guard off, [generation] max_copied_words = %d is below the %d "
                        "words its training recorded", entry.name, limit, guard.n)
            return None
        return guard

    def _drop_unheld_guards(self) -> None:
        """Worker (holding `_cond`): forget the guards of personas whose weights are held nowhere any
        more (evicted, removed), so guards cost memory only beside their weights."""
        if not self._guards:
            return
        held = {*self._resident, *self._cpu_tier, *self._adapters, *self._adapter_tier, *self._loading,
                *self._queues}
        for base in self._resident.values():
            held.update(base.slots)
        with self._guard_lock:
            for name in [n for n in self._guards if n not in held]:
                del self._guards[name]

    def _serve_forgets(self, final: bool = False) -> None:
        """Worker (holding `_cond`): do the forgets asked; one whose load is still being read waits for
        the next pass (the load's end wakes the worker), unless `final` (the worker is ending)."""
        waiting = []
        for name, future, loop in self._forgets:
            if self._forget_now(name) or final:
                with contextlib.suppress(RuntimeError):  # the caller's loop is closed: nobody waits
                    loop.call_soon_threadsafe(lambda f=future: f.done() or f.set_result(None))
            else:
                waiting.append((name, future, loop))
        self._forgets = waiting

    def _forget_now(self, name: str) -> bool:
        """Worker (holding `_cond`), or any thread once the worker has ended: drop everything the pool
        holds of persona `name`, as `_unload_stale` does for a removed one but whatever the registry
        says. False while the loader thread is still reading it (what it reads is dropped next pass)."""
        self._fail_queue(name, self._unknown(name))
        for tier in (self._resident, self._cpu_tier):  # a persona's name never starts with BASE_KEY
            if tier.pop(name, None) is not None:
                log.info("a forgotten persona's model unloaded")  # no name: see forget()
        for key, base in self._resident.items():
            held = base.slots.pop(name, None)
            if held is not None and base.lora is not None:
                base.lora.clear(held[0])
                log.info("a forgotten persona's adapter unloaded: slot %d of %s freed", held[0], key)
        self._adapters.pop(name, None)
        self._adapter_tier.pop(name, None)
        pending = self._loading.get(name)
        if pending is not None and (pending.cancel() or pending.done()):  # queued for the loader, or read
            del self._loading[name]
        with self._guard_lock:
            self._guards.pop(name, None)
        self._update_residency_metrics()
        return name not in self._loading and self._loading_now != name

    def _unknown(self, name: str) -> UnknownPersona:
        """UnknownPersona for a persona gone from disk (its stale entry is no suggestion of its own)."""
        return UnknownPersona(name, [s for s in self.registry.suggest(name) if s != name])

    def _notify(self) -> None:
        with self._cond:
            self._cond.notify_all()

    def _fail_queue(self, name: str, error: BotError) -> None:
        queue = self._queues.pop(name, deque())
        for req in queue:
            self._resolve(req, error=error)
        self._set_waiting(self._waiting - len(queue))

    def _take_batch(self, names: list[str]) -> list[_Request]:
        """Pop the oldest request of these personas' queues and, unless seeded, the oldest unseeded
        ones after it, up to `max_batch` rows (a seeded request always runs alone)."""
        waiting = sorted((r for n in names for r in self._queues[n]), key=lambda r: r.enqueued)
        head = waiting[0]
        batch, rows = [head], head.count
        if head.seed is None:
            for req in waiting[1:]:
                if req.seed is None and rows + req.count <= self.settings.max_batch:
                    batch.append(req)
                    rows += req.count
        taken = set(map(id, batch))
        for name in names:
            queue = self._queues[name]
            kept = [r for r in queue if id(r) not in taken]
            if len(kept) != len(queue):
                queue.clear()
                queue.extend(kept)
        self._set_waiting(self._waiting - len(batch))
        return batch

    def _unload_stale(self) -> None:
        """Drop weights of personas removed from disk or retrained (the new version loads on next use):
        full models, adapters in slots, adapters read and waiting. Shared bases stay until evicted."""
        def stale(name: str, version: Any) -> bool:
            entry = self.registry.get(name)
            return entry is None or version != entry.version

        for tier in (self._resident, self._cpu_tier):
            for name in [n for n, m in tier.items() if not n.startswith(BASE_KEY) and stale(n, m.version)]:
                del tier[name]
                log.info("persona %s removed or replaced on disk: unloaded", name)
        for key, base in self._resident.items():
            for name in [n for n, (_slot, v) in base.slots.items() if stale(n, v)]:
                slot, _ = base.slots.pop(name)
                base.lora.clear(slot)
                log.info("adapter of persona %s removed or replaced on disk: slot %d of %s freed",
                         name, slot, key)
        for waiting in (self._adapters, self._adapter_tier):
            for name in [n for n, a in waiting.items() if stale(n, a.version)]:
                del waiting[name]
        for name in [n for n in self._loading if not n.startswith(BASE_KEY) and self.registry.get(n) is None]:
            self._loading.pop(name).cancel()  # one the loader has not started never runs
        self._update_residency_metrics()

    def _drop_orphan_loads(self) -> None:
        """A finished load nobody waits for any more (its callers timed out or went away) is dropped:
        it would hold memory outside the budget."""
        # A load is keyed by a persona (its model or adapter) or by a base's batch key.
        queued_keys = {self._key_of(n) for n in self._queues}
        for name in [n for n, f in self._loading.items() if f.done() and not self._queues.get(n)
                     and n not in queued_keys]:
            del self._loading[name]
        for name in [n for n in self._adapters if not self._queues.get(n)]:
            del self._adapters[name]

    def _update_residency_metrics(self) -> None:
        self.metrics.resident.set(len(self._resident))
        self.metrics.resident_bytes.set(sum(m.nbytes for m in self._resident.values()))

    def _make_resident(self, name: str, version: Any, loaded: _Model | None) -> _Model:
        current = self._resident.get(name)
        if current is not None and current.version == version:
            self._resident.move_to_end(name)
            return current
        if loaded is None:  # promoted from the CPU tier
            loaded = self._cpu_tier.pop(name)
        self._resident.pop(name, None)
        self._evict_for(loaded.nbytes, keep=name)
        if self.device != "cpu":
            loaded.model.to(self.device)
            if loaded.lora is not None:
                loaded.lora.to(self.device)
        self._resident[name] = loaded
        self.metrics.loads.inc()
        self._update_residency_metrics()
        log.info("loaded persona %s (%.1f MB) on %s", name, loaded.nbytes / 1e6, self.device)
        return loaded

    def _evict_for(self, nbytes: int, keep: str) -> None:
        """Evict least recently used, unpinned personas (or shared bases, with their adapters) until
        `nbytes` more fit the budget."""
        pinned = set(self.settings.pinned)
        pinned |= {k for n in self.settings.pinned if (k := self._key_of(n)) is not None}
        used = sum(m.nbytes for m in self._resident.values())
        for name in list(self._resident):
            if used + nbytes <= self.budget:
                break
            if name in pinned or name == keep:
                continue
            evicted = self._resident.pop(name)
            used -= evicted.nbytes
            self.metrics.evictions.inc()
            log.info("evicted persona %s (%.1f MB)", name, evicted.nbytes / 1e6)
            if self.cpu_budget and evicted.lora is None:  # a base's slots are rebuilt from disk (ms)
                evicted.model.to("cpu")
                self._cpu_tier[name] = evicted
                while sum(m.nbytes for m in self._cpu_tier.values()) > self.cpu_budget:
                    self._cpu_tier.popitem(last=False)
        if used + nbytes > self.budget:
            log.warning("persona %s does not fit the memory budget (%.0f MB); loading it anyway",
                        keep, self.budget / 1e6)

    def _run_batch(self, key: str, resident: _Model,
                   batch: list[_Request]) -> list[Samples | BotError | None]:
        """Generate for every request of `batch` in one decode (and a seeded one's redraws); per
        request, None when the copy guard still owes it samples (drawn in a later batch), else its texts
        or (when only its decoding or formatting failed, or the guard dropped every sample) its error.
        On a shared base every row runs with its own persona's adapter."""
        import torch

        from bot.lora import BASE
        from training.sampling import Rows

        tok, model, context = resident.tokenizer, resident.model, resident.context
        slots = self._assign_slots(resident, batch) if resident.lora is not None else {}
        rows = Rows([], [], [], [], [], [])
        row_slots: list[int] = []
        for req in batch:
            prefix = self._prefix(req.persona, resident)
            answered = [*prefix, *tok(req.context, add_special_tokens=False).input_ids] if req.context else []
            own = [*prefix, *tok(req.prompt, add_special_tokens=False).input_ids]
            ids = [*answered, *own]
            # Prompt and new tokens must fit the context: a long prompt (or the tweet it answers) keeps
            # its tail, but leaves room to generate (max_new_tokens, or half the context if less).
            # (The decode loop stops advancing a finished row's position, so batch-mates are safe.)
            reserve = min(req.max_new_tokens, context // 2)
            ids = ids[-(context - reserve):]
            max_new = min(req.max_new_tokens, context - len(ids))
            # huggingtweets' min_length counts the prompt, prefix included; the benchmark's
            # min_new_tokens may ask for more. Never above max_new: the context has the last word.
            # (The tweet answered is not counted: it is not part of this tweet.)
            min_new = min(max(req.min_new_tokens, self.generation.min_length - min(len(own), len(ids)), 0),
                          max_new)
            for _ in range(req.count):
                row_slots.append(slots.get(req.persona, BASE))
                rows.prompts.append(ids)
                rows.temperature.append(req.temperature)
                rows.top_p.append(req.top_p)
                rows.top_k.append(req.top_k)
                rows.max_new.append(max_new)
                rows.min_new.append(min_new)
        generator = None
        if batch[0].seed is not None:  # a seeded request always runs alone
            generator = torch.Generator(device=model.device).manual_seed(batch[0].seed)
        personas = len({req.persona for req in batch})
        self.batches.append((key, len(rows.prompts), personas))
        self.metrics.batch_rows.observe(len(rows.prompts))
        self.metrics.batch_personas.observe(personas)
        new = self._decode(resident, rows, row_slots, generator)
        return self._texts(batch, resident, rows, row_slots, generator, new)

    def _texts(self, batch: list[_Request], resident: _Model, rows: Rows, row_slots: list[int],
               generator: Any, new: list[list[int]]) -> list[Samples | BotError | None]:
        """The text step: each row's tokens to text, checked by its persona's copy guard, formatted.
        A rejected row is drawn again (up to COPY_TRIES draws): a seeded request, alone in its batch, at
        once in one more decode, its generator going on; any other later, with the next batch (None
        for it here: `_answer` queues it again for the samples still owed).
        One request's text failing to decode or format fails that request only."""
        limit = self.generation.max_copied_words
        guards = {req.persona: self._guards.get(req.persona) for req in batch}  # set by the loader
        owner = [req for req in batch for _ in range(req.count)]
        texts: list[str | None] = [None] * len(new)  # a row's continuation, once accepted
        failed: set[int] = set()  # id() of requests whose text could not be made
        todo = list(range(len(new)))
        while True:
            redo = []
            for i in todo:
                req = owner[i]
                if id(req) in failed:
                    continue
                try:
                    # Not tok.decode: a token may end mid-character, which it would show as U+FFFD.
                    text = resident.text(new[i])
                    guard = guards[req.persona]
                    copied = guard is not None and guard.copies(req.prompt, one_tweet(text), limit)
                except Exception:
                    log.exception("making the texts of a request for %s failed", req.persona)
                    failed.add(id(req))
                    continue
                if copied:
                    req.rejections += 1
                    redo.append(i)
                else:
                    texts[i] = text
            if generator is None or not redo or batch[0].draw == COPY_TRIES:
                break
            batch[0].draw += 1  # seeded: the batch is this one request
            for i, ids in zip(redo, self._decode(resident, _pick(rows, redo), [row_slots[i] for i in redo],
                                                 generator), strict=True):
                new[i] = ids
            todo = redo
        owed = {id(req): 0 for req in batch}
        for i in redo:
            owed[id(owner[i])] += 1
        results: list[Samples | BotError | None] = []
        i = 0
        for req in batch:
            mine = texts[i:i + req.count]
            i += req.count
            if id(req) in failed:
                results.append(_failed(req.persona))
                continue
            req.kept.extend(t for t in mine if t is not None)
            if owed[id(req)] and req.draw < COPY_TRIES:
                req.count, req.draw = owed[id(req)], req.draw + 1
                results.append(None)
                continue
            results.append(self._finish(req, limit))
        return results

    def _finish(self, req: _Request, limit: int) -> Samples | BotError:
        """A request's answer once every sample is accepted or dropped: its formatted texts, or
        CopyRejected when the guard dropped them all."""
        dropped = req.asked - len(req.kept)
        self.metrics.copy_rejections.inc(req.rejections)
        if dropped:
            self.metrics.copy_drops.inc(dropped)
            log.info("copy guard: dropped %d of %d sample(s) for %s, each still repeating %d+ words of a "
                     "training tweet after %d draws", dropped, req.asked, req.persona, limit, COPY_TRIES)
        if not req.kept:
            return CopyRejected(req.persona, limit)
        try:
            return Samples([format_sample(req.prompt, t, DISCORD_LIMIT) for t in req.kept], req.rejections,
                           dropped)
        except Exception:
            log.exception("formatting the texts of a request for %s failed", req.persona)
            return _failed(req.persona)

    def _decode(self, resident: _Model, rows: Rows, row_slots: list[int], generator: Any) -> list[list[int]]:
        """One decode of `rows` (on a shared base, each with its adapter slot); counts the tokens."""
        import torch

        from training.sampling import decode

        if resident.lora is not None:
            resident.lora.select(torch.tensor(row_slots))
        try:
            new, generated = decode(resident.model, rows, resident.tokenizer.eos_token_id, resident.stop_mask,
                                    generator)
        finally:
            if resident.lora is not None:
                resident.lora.release()
        self.metrics.tokens.inc(generated)
        return new

    def _prefix(self, persona: str, resident: _Model) -> list[int]:
        """Token ids before every prompt: the model's, or on a shared base the persona's own."""
        entry = self.registry.get(persona)
        if resident.lora is None or entry is None or not entry.meta.prompt_prefix:
            return resident.prefix
        ids = resident.tokenizer(entry.meta.prompt_prefix, add_special_tokens=False).input_ids
        return ids or resident.prefix

    def _assign_slots(self, base: _Model, batch: list[_Request]) -> dict[str, int]:
        """The slot of each persona in `batch` on this base, writing adapters read since into free
        slots (least recently used ones freed, more added within the budget)."""
        wanted = list(dict.fromkeys(req.persona for req in batch))
        out: dict[str, int] = {}
        for name in wanted:
            entry = self.registry.get(name)
            held = base.slots.get(name)
            if held is not None and entry is not None and held[1] == entry.version:
                base.slots.move_to_end(name)
                out[name] = held[0]
                continue
            adapter = self._adapters.pop(name)
            start = time.perf_counter()
            slot = held[0] if held is not None else self._free_slot(base, keep=set(wanted))
            base.lora.put(slot, adapter)
            self._keep_in_ram(name, adapter)
            base.slots[name] = (slot, adapter.version)
            self.adapter_load_ms.append(adapter.read_ms + (time.perf_counter() - start) * 1000)
            self.metrics.adapter_loads.inc()
            out[name] = slot
        self._update_residency_metrics()
        return out

    def _keep_in_ram(self, name: str, adapter: Adapter) -> None:
        """The CPU tier of adapters (GPU only: on a CPU the slots are in RAM already)."""
        if not self.cpu_budget:
            return
        self._adapter_tier[name] = adapter
        self._adapter_tier.move_to_end(name)
        tier_bytes = sum(a.nbytes for a in self._adapter_tier.values())
        while tier_bytes > self.cpu_budget // 4 and len(self._adapter_tier) > 1:  # a share of the RAM tier
            tier_bytes -= self._adapter_tier.popitem(last=False)[1].nbytes

    def _free_slot(self, base: _Model, keep: set[str]) -> int:
        """A slot to write an adapter into: a free one; else more slots if the budget allows (or the
        batch needs them); else the least recently used adapter's, not one this batch uses."""
        shared = base.lora
        used = {slot for slot, _ in base.slots.values()}
        free = [s for s in range(shared.capacity) if s not in used]
        if free:
            return free[0]
        pinned = set(self.settings.pinned)
        victims = [n for n in base.slots if n not in keep and n not in pinned]
        room = self.budget - sum(m.nbytes for m in self._resident.values())
        if not victims or room >= SLOT_STEP * shared.slot_bytes:
            shared.grow(shared.capacity + SLOT_STEP)
            base.nbytes = base.weight_bytes + shared.nbytes
            return shared.capacity - SLOT_STEP
        slot, _ = base.slots.pop(victims[0])
        self.metrics.evictions.inc()
        return slot


def _pick(rows: Rows, index: list[int]) -> Rows:
    """The rows of `rows` at `index`, in that order, with their own settings."""
    return type(rows)(*([getattr(rows, f.name)[i] for i in index] for f in dataclasses.fields(rows)))


def _failed(persona: str) -> GenerationFailed:
    return GenerationFailed(f"Generation failed for '{persona}'; the bot's log says why.")


def _poisons_device(exc: BaseException) -> bool:
    """A CUDA error: the device's context is unusable afterwards (every later kernel fails too)."""
    import torch

    accelerator_error = getattr(torch, "AcceleratorError", None)  # torch >= 2.8
    if accelerator_error is not None and isinstance(exc, accelerator_error):
        return True
    return isinstance(exc, RuntimeError) and ("CUDA error" in str(exc) or "device-side assert" in str(exc))


def _unchanged(entry: PersonaEntry) -> bool:
    """Whether the folder still has the version read. Raises OSError when it cannot be looked at now
    (a permission or disk error): that is the load's failure, not a retrain to read again."""
    try:
        return folder_version(entry.path) == entry.version
    except MISSING:  # removed, or mid-swap
        return False


def _folder_gone(entry: PersonaEntry) -> bool:
    """Whether the persona's persona.json is no longer on disk (one `stat`, cheap enough for the event
    loop). An unreadable one (EACCES, EIO) is there: its load reports the error."""
    try:
        (entry.path / PERSONA_FILE).stat()
    except MISSING:
        return True
    except OSError:
        return False
    return False


def _gone(entry: PersonaEntry) -> bool:
    """Whether the persona's folder is no longer there. Never raises: a folder that cannot be looked at
    (EACCES, EIO: `Path.is_dir` raises for those) is there, its load failed."""
    try:
        return not stat.S_ISDIR(entry.path.stat().st_mode)
    except MISSING:
        return True
    except OSError:
        return False


def _load_failed(name: str, exc: BaseException | None) -> LoadFailed:
    """The one line a user sees when a persona's weights could not be loaded."""
    # Unreadable (EACCES, EIO), not missing: the disk, not the persona, and it may come back.
    if isinstance(exc, OSError) and exc.errno is not None and not isinstance(exc, MISSING):
        return LoadFailed(f"Could not read persona '{name}' from disk right now ({os.strerror(exc.errno)}); "
                          "try again later.")
    return LoadFailed(f"Could not load persona '{name}'; see the bot's log.")
