"""The pool's residency without the pool: real tiny personas from `helpers.checkpoints`, and a loader
whose jobs run when the test says (`FakeLoader.run`), so every step is seen in order. Eviction (least
recently used first, never a pinned persona), the readiness report (READY / LOADING / FAILED, requests
never answered by it), and forgetting a persona."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Any

import pytest
import torch
from helpers.checkpoints import make_base, make_checkpoint, make_lora_checkpoint

from bot.config import PoolSettings
from bot.errors import LoadFailed
from bot.metrics import PoolMetrics
from bot.personas import PersonaRegistry
from bot.pool import weights
from bot.pool.request import Request
from bot.pool.residency import Readiness, Residency, State, budgets
from bot.pool.scheduler import Scheduler
from bot.pool.weights import BASE_KEY, batch_key


class FakeLoader:
    """The `Loader` interface; its jobs run on the test's thread when `run` is called."""

    def __init__(self) -> None:
        self.jobs: list[tuple[str, Callable[[], Any], Future]] = []
        self.guards: dict[str, Any] = {}
        self.loading_now: str | None = None

    def submit(self, name: str, load: Callable[[], Any]) -> Future:
        future: Future = Future()
        self.jobs.append((name, load, future))
        return future

    def submit_read(self, entry, read) -> Future:
        return self.submit(entry.name, lambda: read(entry, torch.float32))

    def names(self) -> list[str]:
        return [name for name, _, _ in self.jobs]

    def run(self) -> None:
        jobs, self.jobs = self.jobs, []
        for _, load, future in jobs:
            if future.set_running_or_notify_cancel():
                try:
                    future.set_result(load())
                except Exception as exc:
                    future.set_exception(exc)

    def guard(self, name: str) -> Any:
        return self.guards.get(name)

    def has_guard(self, name: str) -> bool:
        return name in self.guards

    def any_guards(self) -> bool:
        return bool(self.guards)

    def drop_guard(self, name: str) -> None:
        self.guards.pop(name, None)

    def keep_guards(self, held: set[str]) -> None:
        for name in [n for n in self.guards if n not in held]:
            del self.guards[name]


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("residency") / "models"
    for i, name in enumerate(("alpha", "beta", "gamma")):
        make_checkpoint(d, name, seed=i)
    (make_checkpoint(d, "broken", seed=3) / "model.safetensors").unlink()
    make_base(d)
    make_lora_checkpoint(d, "eve", seed=1)
    return d


def residency(models: Path, loader: FakeLoader | None = None, pinned: tuple[str, ...] = ()) -> Residency:
    registry = PersonaRegistry(models)
    registry.scan()
    return Residency(registry, PoolSettings(pinned=list(pinned)), loader or FakeLoader(),  # type: ignore[arg-type]
                     PoolMetrics(), "cpu", torch.float32, budget=10**12, cpu_budget=0)


def evictions(r: Residency) -> float:
    return r.metrics.registry.get_sample_value("pool_evictions_total")


def put(r: Residency, loaded: dict[str, weights.Model], *names: str) -> None:
    """Make each of `names` resident in turn (again: just used, it becomes the most recent)."""
    for name in names:
        r.make_resident(name, loaded[name].version, None if name in r.resident or name in r.cpu_tier
                        else loaded[name])


def test_budgets_a_fraction_of_the_devices_memory_and_a_ram_tier_on_a_gpu_only(monkeypatch) -> None:
    memory = {"cpu": 64_000, "cuda": 80_000}
    monkeypatch.setattr(weights, "device_memory", lambda device: memory[device])
    assert budgets(PoolSettings(memory_fraction=0.5), "cpu") == (32_000, 0)
    assert budgets(PoolSettings(memory_fraction=0.5), "cuda") == (40_000, 32_000)
    assert budgets(PoolSettings(memory_budget_bytes=1_000, memory_fraction=0.5), "cuda") == (1_000, 32_000)


def test_eviction_is_least_recently_used_first_never_a_pinned_persona(models) -> None:
    r = residency(models)
    loaded = {n: weights.load_persona(r.registry.get(n), torch.float32) for n in ("alpha", "beta", "gamma")}
    r.budget = int(loaded["alpha"].nbytes * 2.5)  # room for two
    put(r, loaded, "alpha", "beta", "alpha", "gamma")  # alpha used again: beta is the oldest
    assert list(r.resident) == ["alpha", "gamma"] and evictions(r) == 1

    pinned = residency(models, pinned=("beta",))
    pinned.budget = r.budget
    pinned.cpu_budget = 10**10  # the GPU's second tier, exercised on the CPU
    put(pinned, loaded, "alpha", "beta", "alpha", "gamma")  # beta is the oldest, but pinned
    assert list(pinned.resident) == ["beta", "gamma"] and list(pinned.cpu_tier) == ["alpha"]
    put(pinned, loaded, "alpha")  # promoted from the CPU tier: gamma goes there in its place
    assert list(pinned.resident) == ["beta", "alpha"] and list(pinned.cpu_tier) == ["gamma"]
    assert evictions(pinned) == 2


def test_a_model_with_a_decode_in_progress_is_never_evicted_and_its_cache_counts(models) -> None:
    from bot.pool.gpt2 import GPT2Decoder

    r = residency(models)
    loaded = {n: weights.load_persona(r.registry.get(n), torch.float32) for n in ("alpha", "beta", "gamma")}
    r.budget = int(loaded["alpha"].nbytes * 2.5)  # room for two
    put(r, loaded, "alpha", "beta")
    alpha = r.resident["alpha"]
    alpha.decoder = GPT2Decoder(alpha.model)
    alpha.cache_bytes = alpha.decoder.nbytes
    alpha.nbytes += alpha.cache_bytes
    r.busy.add("alpha")  # its rows are mid-tweet: the oldest, but not evicted
    put(r, loaded, "gamma")
    assert list(r.resident) == ["alpha", "gamma"] and alpha.decoder is not None
    r.busy.clear()
    put(r, loaded, "beta")  # now it goes, and its cache with it (made again on its next decode)
    assert "alpha" not in r.resident and alpha.decoder is None and alpha.cache_bytes == 0
    assert alpha.nbytes == loaded["beta"].nbytes


def test_readiness_loading_then_ready_with_the_weights_read(models) -> None:
    loader = FakeLoader()
    r = residency(models, loader)
    entry = r.registry.get("alpha")
    assert r.readiness(entry) == Readiness(State.LOADING, "alpha")
    assert r.readiness(entry) == Readiness(State.LOADING, "alpha")
    assert loader.names() == ["alpha"]  # one read, however often it is asked
    assert r.holds("alpha") == ["loading"]
    loader.run()
    ready = r.readiness(entry)
    assert (ready.state, ready.key, ready.version) == (State.READY, "alpha", entry.version)
    assert ready.loaded is not None and ready.loaded.version == entry.version
    r.claim("alpha")
    r.make_resident("alpha", ready.version, ready.loaded)
    assert r.readiness(entry) == Readiness(State.READY, "alpha", entry.version)  # resident: nothing new
    assert r.holds("alpha") == ["resident"] and loader.names() == []


async def test_a_failed_load_is_reported_and_the_requests_are_left_to_the_caller(models) -> None:
    loader = FakeLoader()
    r = residency(models, loader)
    loop = asyncio.get_running_loop()
    scheduler = Scheduler(10)
    req = Request("broken", "", 1, 8, 0, 1.0, 1.0, 0, None, loop.create_future(), loop)
    scheduler.enqueue(req)
    entry = r.registry.get("broken")
    assert r.readiness(entry).state is State.LOADING
    loader.run()
    report = r.readiness(entry)
    assert (report.state, report.key, report.whole_key) == (State.FAILED, "broken", False)
    assert isinstance(report.error, LoadFailed)
    assert str(report.error) == "Could not load persona 'broken'; see the bot's log."
    await asyncio.sleep(0)
    assert not req.future.done() and scheduler.queued("broken")  # failing the queue is the pool's
    assert "broken" not in r.loading
    assert r.readiness(entry).state is State.LOADING and loader.names() == ["broken"]  # tried again


def test_an_adapter_persona_is_ready_once_its_base_and_adapter_are_read(models) -> None:
    loader = FakeLoader()
    r = residency(models, loader)
    entry = r.registry.get("eve")
    key = batch_key(entry)
    assert key.startswith(BASE_KEY)
    assert r.readiness(entry) == Readiness(State.LOADING, key)
    assert loader.names() == [key, "eve"]  # the base and the adapter, both started at once
    loader.run()
    ready = r.readiness(entry)
    assert (ready.state, ready.key, ready.version) == (State.READY, key, key)
    assert ready.loaded is not None and ready.loaded.lora is not None
    assert r.holds("eve") == ["ram"] and key in r.loading  # adapter read, base not claimed


def test_a_base_that_cannot_load_fails_every_persona_on_it(tmp_path) -> None:
    models = tmp_path / "models"
    make_base(models)
    make_lora_checkpoint(models, "fay", seed=1)
    make_base(models, seed=99)  # another base under the same name: the fingerprint differs
    loader = FakeLoader()
    r = residency(models, loader)
    entry = r.registry.get("fay")
    assert r.readiness(entry).state is State.LOADING
    loader.run()
    report = r.readiness(entry)
    assert (report.state, report.key, report.whole_key) == (State.FAILED, batch_key(entry), True)
    assert str(report.error) == "Could not load the base model of 'fay'; see the bot's log."
    assert batch_key(entry) not in r.loading


def test_forget_now_drops_everything_of_one_persona(models) -> None:
    loader = FakeLoader()
    r = residency(models, loader)
    r.cpu_budget = 10**10  # adapters put in a slot also stay in RAM, as on a GPU
    eve = r.registry.get("eve")
    key = batch_key(eve)
    r.readiness(eve)
    loader.run()
    ready = r.readiness(eve)
    r.claim(key)
    base = r.make_resident(key, ready.version, ready.loaded)
    slot = r.assign_slots(base, ["eve"])["eve"]
    alpha = weights.load_persona(r.registry.get("alpha"), torch.float32)
    r.make_resident("alpha", alpha.version, alpha)
    loader.guards.update(eve=None, alpha=None)  # None: a persona without a guard file
    r.readiness(r.registry.get("beta"))  # a load queued, not started
    assert r.holds("eve") == ["slot", "ram", "guard"] and r.holds("beta") == ["loading"]

    assert r.forget_now("eve")
    assert r.holds("eve") == [] and list(base.slots) == []
    assert all(float(t[:, slot].abs().sum()) == 0 for t in (*base.lora.a.values(), *base.lora.b.values()))
    assert r.holds("alpha") == ["resident", "guard"]  # another persona is untouched
    assert r.forget_now("beta") and r.holds("beta") == [] and loader.jobs[0][2].cancelled()

    loader.loading_now = "alpha"  # the loader thread is reading it: not done until that read ends
    assert not r.forget_now("alpha")
    assert r.holds("alpha") == ["loading"]
    loader.loading_now = None
    assert r.forget_now("alpha") and r.holds("alpha") == []
    assert r.metrics.registry.get_sample_value("pool_resident_personas") == 1  # the base alone
