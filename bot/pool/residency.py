"""What the pool holds of each persona, on the device and in RAM, and whether a persona can run now.

Residency is a byte budget: full models and shared bases on the device, least recently used evicted
first, pinned personas never. On a GPU an evicted full model waits in a CPU tier (RAM, within
`cpu_budget`), a PCIe copy away instead of a disk read.

Adapter personas (`kind: lora`) share their base: it is loaded once per (base, fingerprint), wrapped
by `bot.pool.lora.SharedBase`, and requests of any of its personas batch together (the batch key is the
base), each row running with its own persona's adapter slot. Adapters are read by the loader thread
and written into slots between batches; the base and its slots count against the byte budget, slots
are reused least recently used first, and more are added while the budget allows.

The worker thread alone changes all this (torch state is its own); `holds` is read under the pool's
lock from the event loop, and once the worker has ended `forget_now` runs on whichever thread forgets.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict, deque
from concurrent.futures import Future
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from bot.config import PoolSettings
from bot.errors import BotError, UnknownPersona
from bot.metrics import PoolMetrics
from bot.personas import PersonaEntry, PersonaRegistry
from bot.pool import weights
from bot.pool.loader import Loader
from bot.pool.weights import BASE_KEY, SLOT_STEP, Model, Removed, batch_key, gone, load_failed

if TYPE_CHECKING:
    from bot.pool.lora import Adapter

log = logging.getLogger(__name__)


def budgets(settings: PoolSettings, device: str) -> tuple[int, int]:
    """The device's byte budget (`memory_budget_bytes`, else `memory_fraction` of its memory) and the
    CPU tier's: on a GPU, evicted weights wait in RAM, a PCIe copy away instead of a disk read; on a
    CPU the device is the RAM (0: no tier)."""
    budget = settings.memory_budget_bytes or int(settings.memory_fraction * weights.device_memory(device))
    cpu = int(settings.memory_fraction * weights.device_memory("cpu")) if device == "cuda" else 0
    return budget, cpu


class State(Enum):
    READY = "ready"
    LOADING = "loading"
    FAILED = "failed"


@dataclass(frozen=True)
class Readiness:
    """Whether a persona's requests can run now (`Residency.readiness`)."""

    state: State
    key: str  # its batch key
    version: Any = None  # READY: the version of the weights the batch runs on
    loaded: Model | None = None  # READY: freshly loaded weights, to make resident if its batch is chosen
    error: BotError | None = None  # FAILED: what its requests get
    whole_key: bool = False  # FAILED: the shared base failed, and with it every persona on `key`


class Residency:
    def __init__(self, registry: PersonaRegistry, settings: PoolSettings, loader: Loader,
                 metrics: PoolMetrics, device: str, dtype: Any, budget: int, cpu_budget: int) -> None:
        self.registry = registry
        self.settings = settings
        self.loader = loader
        self.metrics = metrics
        self.device = device
        self.dtype = dtype
        self.half = weights.half_weights(settings, device)  # float16 copies for a CPU's forward
        self.budget = budget
        self.cpu_budget = cpu_budget  # 0: no CPU tier (on a CPU the device is the RAM)
        self.resident: OrderedDict[str, Model] = OrderedDict()  # LRU order
        self.cpu_tier: OrderedDict[str, Model] = OrderedDict()
        self.adapters: dict[str, Adapter] = {}  # read, waiting for a slot
        # On a GPU, adapters put in a slot also stay in RAM (LRU, within cpu_budget): an evicted one
        # comes back by a host-to-device copy instead of a file read.
        self.adapter_tier: OrderedDict[str, Adapter] = OrderedDict()
        self.loading: dict[str, Future] = {}  # persona (or a base's key) -> its load
        self.adapter_load_ms: deque[float] = deque(maxlen=1000)  # read + into a slot, recent loads
        # Batch keys with a decode in progress (set by the worker): their weights are never evicted
        # from under their running rows.
        self.busy: set[str] = set()

    # ---- readiness --------------------------------------------------------------------------------

    def readiness(self, entry: PersonaEntry) -> Readiness:
        """Whether `entry`'s requests can run now: READY (resident, in the CPU tier, or freshly loaded:
        `loaded`), LOADING (what it lacks is being read; this starts the reads missing: base, adapter
        or full model) or FAILED (a load failed: `error`). Never answers a request itself."""
        key = batch_key(entry)
        if not key.startswith(BASE_KEY):
            return self._model_readiness(key, entry)
        base = self._base_readiness(key, entry)
        if base.state is State.FAILED:
            return base
        held = self.resident.get(key) or base.loaded
        adapter = self._adapter_readiness(key, entry, held)
        if adapter is not None:  # FAILED
            return adapter
        if base.state is State.READY and self._adapter_ready(entry, held):
            return base
        return Readiness(State.LOADING, key)

    def claim(self, key: str) -> None:
        """The batch of `key` was chosen with its freshly loaded weights: no load in flight any more."""
        del self.loading[key]

    def _model_readiness(self, name: str, entry: PersonaEntry) -> Readiness:
        resident = self.resident.get(name) or self.cpu_tier.get(name)
        if resident is not None and resident.version == entry.version:
            return Readiness(State.READY, name, entry.version)
        pending = self.loading.get(name)
        if pending is not None and pending.done():
            if pending.exception() is None and pending.result().version == entry.version:
                return Readiness(State.READY, name, entry.version, pending.result())
            if pending.exception() is not None:
                del self.loading[name]
                # Removed while loading: the next rescan drops it too.
                if isinstance(pending.exception(), Removed) or gone(entry):
                    return Readiness(State.FAILED, name, error=self._unknown(name))
                log.error("loading persona %s failed: %s", name, pending.exception())
                return Readiness(State.FAILED, name, error=load_failed(name, pending.exception()))
            pending = None  # loaded an older version: load again
        if pending is None:
            self.loading[name] = self.loader.submit_read(entry, self._read_persona)
        return Readiness(State.LOADING, name)

    def _read_persona(self, entry: PersonaEntry, dtype: Any) -> Model:
        """The loader's read of a full model: its weights, and their float16 copies when the pool runs so."""
        return self._packed(weights.load_persona(entry, dtype))

    def _packed(self, model: Model) -> Model:
        return model.pack_half() if self.half else model

    def _base_readiness(self, key: str, entry: PersonaEntry) -> Readiness:
        """The shared base `key`: READY when resident or freshly loaded; starts its load if not."""
        if key in self.resident:
            return Readiness(State.READY, key, key)
        pending = self.loading.get(key)
        if pending is not None and pending.done():
            if pending.exception() is None:
                return Readiness(State.READY, key, key, pending.result())
            del self.loading[key]
            log.error("loading base %s for %s failed: %s", key, entry.name, pending.exception())
            return Readiness(State.FAILED, key, error=weights.base_load_failed(entry.name), whole_key=True)
        if pending is None:
            models_dir = self.registry.models_dir
            self.loading[key] = self.loader.submit(
                key, lambda: self._packed(weights.load_shared_base(entry, models_dir, self.dtype)))
        return Readiness(State.LOADING, key)

    def _adapter_ready(self, entry: PersonaEntry, base: Model | None) -> bool:
        held = base.slots.get(entry.name) if base is not None else None
        if held is not None and held[1] == entry.version:
            return True
        adapter = self.adapters.get(entry.name)
        return adapter is not None and adapter.version == entry.version

    def _adapter_readiness(self, key: str, entry: PersonaEntry, base: Model | None) -> Readiness | None:
        """Gets `entry`'s adapter to a slot of its base or read and waiting for one, from the RAM tier or
        by starting to read it (the loader thread: a cold adapter never stalls running batches).
        FAILED when reading it failed, else None (`_adapter_ready` says whether it is there)."""
        name = entry.name
        if self._adapter_ready(entry, base):
            return None
        adapter = self.adapter_tier.pop(name, None)
        if adapter is not None and adapter.version == entry.version:
            adapter.read_ms = 0.0  # from RAM, not read again
            self.adapters[name] = adapter
            return None
        pending = self.loading.get(name)
        if pending is not None and pending.done():
            del self.loading[name]
            if pending.exception() is not None:
                if gone(entry):
                    return Readiness(State.FAILED, key, error=self._unknown(name))
                log.error("loading the adapter of persona %s failed: %s", name, pending.exception())
                return Readiness(State.FAILED, key, error=load_failed(name, pending.exception()))
            adapter = pending.result()
            if adapter.version == entry.version:
                self.adapters[name] = adapter
                return None
            pending = None  # read an older version: read again
        if pending is None:
            self.loading[name] = self.loader.submit_read(entry, weights.load_adapter)
        return None

    # ---- on the device ----------------------------------------------------------------------------

    def make_resident(self, key: str, version: Any, loaded: Model | None) -> Model:
        """The weights of batch key `key` on the device: already there, freshly `loaded`, or promoted
        from the CPU tier; others evicted to make room."""
        current = self.resident.get(key)
        if current is not None and current.version == version:
            self.resident.move_to_end(key)
            return current
        if loaded is None:  # promoted from the CPU tier
            loaded = self.cpu_tier.pop(key)
        self.resident.pop(key, None)
        self._evict_for(loaded.nbytes, keep=key)
        if self.device != "cpu":
            loaded.model.to(self.device)
            if loaded.lora is not None:
                loaded.lora.to(self.device)
        self.resident[key] = loaded
        self.metrics.loads.inc()
        self.update_metrics()
        log.info("loaded persona %s (%.1f MB) on %s", key, loaded.nbytes / 1e6, self.device)
        return loaded

    def _evict_for(self, nbytes: int, keep: str) -> None:
        """Evict least recently used, unpinned personas (or shared bases, with their adapters) until
        `nbytes` more fit the budget."""
        pinned = set(self.settings.pinned)
        pinned |= {k for n in self.settings.pinned if (k := self._key_of(n)) is not None}
        used = sum(m.nbytes for m in self.resident.values())
        for name in list(self.resident):
            if used + nbytes <= self.budget:
                break
            if name in pinned or name == keep or name in self.busy:
                continue
            evicted = self.resident.pop(name)
            evicted.drop_cache()  # its decoder's cache goes with it
            used -= evicted.nbytes
            self.metrics.evictions.inc()
            log.info("evicted persona %s (%.1f MB)", name, evicted.nbytes / 1e6)
            if self.cpu_budget and evicted.lora is None:  # a base's slots are rebuilt from disk (ms)
                evicted.model.to("cpu")
                self.cpu_tier[name] = evicted
                while sum(m.nbytes for m in self.cpu_tier.values()) > self.cpu_budget:
                    self.cpu_tier.popitem(last=False)
        if used + nbytes > self.budget:
            log.warning("persona %s does not fit the memory budget (%.0f MB); loading it anyway",
                        keep, self.budget / 1e6)

    def assign_slots(self, base: Model, personas: list[str]) -> dict[str, int]:
        """The slot of each of `personas` on this base, writing adapters read since into free slots
        (least recently used ones freed, more added within the budget)."""
        wanted = list(dict.fromkeys(personas))
        out: dict[str, int] = {}
        for name in wanted:
            entry = self.registry.get(name)
            held = base.slots.get(name)
            if held is not None and entry is not None and held[1] == entry.version:
                base.slots.move_to_end(name)
                out[name] = held[0]
                continue
            adapter = self.adapters.pop(name)
            start = time.perf_counter()
            # A retrained adapter takes its old slot (its old prompts forgotten).
            slot = base.unslot(name) if held is not None else self.free_slot(base, keep=set(wanted))
            base.lora.put(slot, adapter)
            # More slots (`free_slot`), or a larger rank widening every slot: counted at once.
            base.nbytes = base.weight_bytes + base.lora.nbytes + base.cache_bytes
            self.keep_in_ram(name, adapter)
            base.slots[name] = (slot, adapter.version)
            self.adapter_load_ms.append(adapter.read_ms + (time.perf_counter() - start) * 1000)
            self.metrics.adapter_loads.inc()
            out[name] = slot
        self.update_metrics()
        return out

    def keep_in_ram(self, name: str, adapter: Adapter) -> None:
        """The CPU tier of adapters (GPU only: on a CPU the slots are in RAM already)."""
        if not self.cpu_budget:
            return
        self.adapter_tier[name] = adapter
        self.adapter_tier.move_to_end(name)
        tier_bytes = sum(a.nbytes for a in self.adapter_tier.values())
        while tier_bytes > self.cpu_budget // 4 and len(self.adapter_tier) > 1:  # a share of the RAM tier
            tier_bytes -= self.adapter_tier.popitem(last=False)[1].nbytes

    def free_slot(self, base: Model, keep: set[str]) -> int:
        """A slot to write an adapter into: a free one; else more slots if the budget allows (or the
        batch needs them); else the least recently used adapter's, not one this batch uses."""
        shared = base.lora
        used = {slot for slot, _ in base.slots.values()}
        free = [s for s in range(shared.capacity) if s not in used]
        if free:
            return free[0]
        pinned = set(self.settings.pinned)
        victims = [n for n in base.slots if n not in keep and n not in pinned]
        room = self.budget - sum(m.nbytes for m in self.resident.values())
        if not victims or room >= SLOT_STEP * shared.slot_bytes:
            shared.grow(shared.capacity + SLOT_STEP)  # counted in the base's bytes by `slots`
            return shared.capacity - SLOT_STEP
        slot = base.unslot(victims[0])
        self.metrics.evictions.inc()
        return slot

    # ---- letting go -------------------------------------------------------------------------------

    def unload_stale(self) -> None:
        """Drop weights of personas removed from disk or retrained (the new version loads on next use):
        full models, adapters in slots, adapters read and waiting. Shared bases stay until evicted."""
        def stale(name: str, version: Any) -> bool:
            entry = self.registry.get(name)
            return entry is None or version != entry.version

        for tier in (self.resident, self.cpu_tier):
            # A model with a decode in progress stays (and counts) until its rows are done.
            for name in [n for n, m in tier.items()
                         if not n.startswith(BASE_KEY) and n not in self.busy and stale(n, m.version)]:
                del tier[name]
                log.info("persona %s removed or replaced on disk: unloaded", name)
        for key, base in self.resident.items():
            for name in [n for n, (_slot, v) in base.slots.items() if stale(n, v)]:
                slot = base.unslot(name)
                base.lora.clear(slot)
                log.info("adapter of persona %s removed or replaced on disk: slot %d of %s freed",
                         name, slot, key)
        for waiting in (self.adapters, self.adapter_tier):
            for name in [n for n, a in waiting.items() if stale(n, a.version)]:
                del waiting[name]
        for name in [n for n in self.loading if not n.startswith(BASE_KEY) and self.registry.get(n) is None]:
            self.loading.pop(name).cancel()  # one the loader has not started never runs
        self.update_metrics()

    def drop_orphan_loads(self, queued: set[str]) -> None:
        """A finished load nobody waits for any more (its callers timed out or went away: no request of
        it among `queued`, the personas with requests waiting) is dropped: it would hold memory outside
        the budget."""
        # A load is keyed by a persona (its model or adapter) or by a base's batch key.
        queued_keys = {self._key_of(n) for n in queued}
        for name in [n for n, f in self.loading.items() if f.done() and n not in queued
                     and n not in queued_keys]:
            del self.loading[name]
        for name in [n for n in self.adapters if n not in queued]:
            del self.adapters[name]

    def drop_unheld_guards(self, queued: set[str]) -> None:
        """Forget the copy guards of personas whose weights are held nowhere any more (evicted,
        removed) and that have no request among `queued`, so guards cost memory only beside weights."""
        if not self.loader.any_guards():
            return
        held = {*self.resident, *self.cpu_tier, *self.adapters, *self.adapter_tier, *self.loading, *queued}
        for base in self.resident.values():
            held.update(base.slots)
        self.loader.keep_guards(held)

    def forget_now(self, name: str) -> bool:
        """Drop everything held of persona `name`, as `unload_stale` does for a removed one but whatever
        the registry says. False while the loader thread is still reading it (what it reads is dropped
        next time). Its queue is the caller's to fail. The log never names it (forgetting it means the
        operator's log too)."""
        for tier in (self.resident, self.cpu_tier):  # a persona's name never starts with BASE_KEY
            if tier.pop(name, None) is not None:
                log.info("a forgotten persona's model unloaded")
        for key, base in self.resident.items():
            slot = base.unslot(name)  # (its prompts kept go, whether it still holds a slot or not)
            if slot is not None and base.lora is not None:
                base.lora.clear(slot)
                log.info("a forgotten persona's adapter unloaded: slot %d of %s freed", slot, key)
        self.adapters.pop(name, None)
        self.adapter_tier.pop(name, None)
        pending = self.loading.get(name)
        if pending is not None and (pending.cancel() or pending.done()):  # queued for the loader, or read
            del self.loading[name]
        self.loader.drop_guard(name)
        self.update_metrics()
        return name not in self.loading and self.loader.loading_now != name

    def holds(self, name: str) -> list[str]:
        """What is held of persona `name`, in this order: "resident" (a full model on the device),
        "slot" (its adapter in a shared base's slot), "ram" (the CPU tier: a full model, an adapter kept
        or read and waiting for a slot), "guard" (its copy guard), "loading"."""
        held = []
        if name in self.resident:
            held.append("resident")
        if any(name in base.slots for base in list(self.resident.values())):
            held.append("slot")
        if name in self.cpu_tier or name in self.adapter_tier or name in self.adapters:
            held.append("ram")
        if self.loader.has_guard(name):
            held.append("guard")
        if name in self.loading or self.loader.loading_now == name:
            held.append("loading")
        return held

    def _unknown(self, name: str) -> UnknownPersona:
        return UnknownPersona(name, self.registry.suggest(name))

    def _key_of(self, name: str) -> str | None:
        entry = self.registry.get(name)
        return batch_key(entry) if entry is not None else None

    def update_metrics(self) -> None:
        self.metrics.resident.set(len(self.resident))
        self.metrics.resident_bytes.set(sum(m.nbytes for m in self.resident.values()))
