"""Forgetting a persona in the generation pool (`GenerationPool.forget`, `holds`), for /persona forget:
once forget returns, nothing of the persona is held (device, RAM tier, adapter slot, copy guard,
queue, loads), whatever it was doing when forget was called."""

from __future__ import annotations

import asyncio
import logging
import threading
from pathlib import Path

import pytest
from helpers.checkpoints import make_base, make_checkpoint, make_lora_checkpoint
from helpers.metrics import sample

from bot.errors import UnknownPersona
from bot.pool import GenerationPool
from training.copyguard import FILENAME as COPYGUARD_FILE
from training.copyguard import write_ngram_hashes

GREEDY = {"top_p": 1e-9, "max_new_tokens": 8}


async def until(predicate, what: str) -> None:
    """Let the worker run until `predicate()` holds (a guard against hanging, not a timing assertion)."""
    for _ in range(4000):
        if predicate():
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"never happened: {what}")


async def held(pool: GenerationPool, name: str) -> list[str]:
    """What the pool holds of `name` once the worker has left the batch it answered (a caller gets its
    result a moment before the worker is done with the batch: "running" until then)."""
    await until(lambda: "running" not in pool.holds(name), f"the batch of {name} over")
    return pool.holds(name)


def take_away(models: Path, name: str) -> Path:
    """What /persona forget does first: the folder renamed to a dot-folder (the registry skips those)."""
    away = models / f".forget-{name}"
    (models / name).rename(away)
    return away


@pytest.fixture
def models(tmp_path: Path) -> Path:
    models = tmp_path / "models"
    for i, name in enumerate(("alpha", "beta", "gamma")):
        folder = make_checkpoint(models, name, seed=i)
        write_ngram_hashes(folder, [f"{name} once wrote these very words in a tweet of theirs"])
    return models


async def test_forget_drops_the_model_on_the_device_in_the_ram_tier_and_the_guard(start_pool, models,
                                                                                 caplog):
    pool: GenerationPool = await start_pool(models, batch_window_ms=0, memory_budget_bytes=1)
    pool.residency.cpu_budget = 10**10  # the GPU's second tier, exercised on the CPU
    await pool.generate("alpha", "Hi", max_new_tokens=2)
    await pool.generate("beta", "Hi", max_new_tokens=2)  # over the budget: alpha goes to the RAM tier
    assert (models / "alpha" / COPYGUARD_FILE).exists()
    assert await held(pool, "alpha") == ["ram", "guard"]
    assert await held(pool, "beta") == ["resident", "guard"]

    take_away(models, "beta")
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="bot"):
        await pool.forget("beta")
    assert pool.holds("beta") == []
    assert "a forgotten persona's model unloaded" in caplog.messages
    assert not [m for m in caplog.messages if "beta" in m]  # forgotten from the log too
    assert pool.holds("alpha") == ["ram", "guard"]  # another persona is untouched
    assert pool.registry.get("beta") is None  # forget rescanned
    assert sample(pool, "pool_resident_bytes") == 0 and sample(pool, "pool_resident_personas") == 0
    with pytest.raises(UnknownPersona):
        await pool.generate("beta", "Hi")

    take_away(models, "alpha")
    await pool.forget("alpha")
    assert pool.holds("alpha") == []
    assert len(await pool.generate("gamma", "Still", max_new_tokens=2)) == 1  # the pool serves on


@pytest.mark.parametrize("continuous", [True, False], ids=["continuous", "static"])
async def test_forget_fails_the_queue_at_once_and_waits_for_the_running_step(start_pool, models, monkeypatch,
                                                                              continuous):
    from bot.pool.runner import Running

    pool: GenerationPool = await start_pool(models, batch_window_ms=0, continuous=continuous)
    await pool.generate("alpha", "warm", max_new_tokens=1)
    started, release = threading.Event(), threading.Event()

    def held(run):  # the worker's next decode (a whole static batch, or one step) blocks until released
        def wrapper(*args, **kwargs):
            started.set()
            release.wait(60)
            return run(*args, **kwargs)
        return wrapper

    if continuous:
        monkeypatch.setattr(Running, "step", held(Running.step))
    else:
        pool.static_runner.decode = held(pool.static_runner.decode)  # type: ignore[method-assign]
    running = asyncio.create_task(pool.generate("alpha", "running", max_new_tokens=2, min_new_tokens=2))
    assert await asyncio.to_thread(started.wait, 60)
    queued = asyncio.create_task(pool.generate("alpha", "queued", max_new_tokens=2))
    await until(lambda: sample(pool, "pool_queue_depth") == 1, "queued behind the running decode")
    assert pool.holds("alpha") == ["resident", "guard", "queued", "running"]
    take_away(models, "alpha")
    forgetting = asyncio.create_task(pool.forget("alpha"))
    with pytest.raises(UnknownPersona):
        await asyncio.wait_for(queued, 30)  # at once, while the decode still runs
    await asyncio.sleep(0.1)
    assert not forgetting.done() and not running.done()  # the worker is still in the step
    assert pool.holds("alpha") == ["resident", "guard", "running"]
    release.set()
    await asyncio.wait_for(forgetting, 60)
    assert running.done()
    if continuous:  # its rows left the decode after the step: a forgotten persona finishes no tweet
        with pytest.raises(UnknownPersona):
            await running
    else:  # a static batch runs whole: its caller got its result
        assert (await running)[0].startswith("running")
    assert pool.holds("alpha") == []


async def test_forget_waits_for_a_load_in_flight_and_keeps_nothing_of_it(start_pool, models, monkeypatch):
    import bot.pool.weights

    started, release = threading.Event(), threading.Event()
    real = bot.pool.weights.load_persona

    def stuck_load(entry, dtype):
        started.set()
        release.wait(60)
        return real(entry, dtype)

    monkeypatch.setattr(bot.pool.weights, "load_persona", stuck_load)
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    pending = asyncio.create_task(pool.generate("gamma", "cold", timeout=120))
    assert await asyncio.to_thread(started.wait, 60)
    assert pool.holds("gamma") == ["queued", "loading"]
    take_away(models, "gamma")
    forgetting = asyncio.create_task(pool.forget("gamma"))
    with pytest.raises(UnknownPersona):
        await asyncio.wait_for(pending, 30)
    await asyncio.sleep(0.1)
    assert not forgetting.done()  # the loader thread is still reading it
    assert "loading" in pool.holds("gamma")
    release.set()
    await asyncio.wait_for(forgetting, 60)
    assert pool.holds("gamma") == []
    assert len(await pool.generate("alpha", "next", max_new_tokens=2)) == 1


async def test_forget_frees_an_adapter_slot_and_its_ram_copy(start_pool, tmp_path):
    models = tmp_path / "models"
    make_base(models)
    make_lora_checkpoint(models, "eve", seed=1)
    make_lora_checkpoint(models, "other", seed=2)
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    pool.residency.cpu_budget = 10**10  # adapters put in a slot also stay in RAM, as on a GPU
    before = await pool.generate("other", "Morning", **GREEDY)
    await pool.generate("eve", "Morning", **GREEDY)
    assert await held(pool, "eve") == ["slot", "ram", "guard"]
    (base,) = pool.residency.resident.values()
    slot = base.slots["eve"][0]
    assert base.lora.a[next(iter(base.lora.a))][:, slot].abs().sum() > 0  # the adapter is in its slot

    take_away(models, "eve")
    await pool.forget("eve")
    assert pool.holds("eve") == []
    assert list(base.slots) == ["other"]
    assert all(float(t[:, slot].abs().sum()) == 0 for t in (*base.lora.a.values(), *base.lora.b.values()))
    assert await pool.generate("other", "Morning", **GREEDY) == before  # its batch-mate's slot is intact
    assert await held(pool, "other") == ["slot", "ram", "guard"]


async def test_forget_leaves_nothing_in_the_decode_cache(start_pool, tmp_path):
    import torch

    from bot.pool.weights import load_adapter

    models = tmp_path / "models"
    make_base(models)
    make_lora_checkpoint(models, "eve", seed=1)
    make_lora_checkpoint(models, "fay", seed=2)
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    await pool.generate("eve", "Morning", max_new_tokens=3)
    (base,) = pool.residency.resident.values()
    eve = load_adapter(pool.registry.get("eve"), torch.float32)
    kind = next(iter(eve.a))

    def rows_with_eve() -> list[int]:
        decoder = base.decoder
        if decoder is None:
            return []
        copies = decoder.row_a[kind][..., : eve.rank]
        return [i for i in range(decoder.rows) if torch.equal(copies[:, i], eve.a[kind])]

    assert rows_with_eve()  # her row's copy of her adapter outlives her request
    take_away(models, "eve")
    await pool.forget("eve")
    assert pool.holds("eve") == [] and rows_with_eve() == []
    assert base.decoder is None and base.nbytes == base.weight_bytes + base.lora.nbytes
    assert len(await pool.generate("fay", "Still", max_new_tokens=2)) == 1  # a cache again, on use


async def test_a_folder_gone_from_disk_is_not_served_before_the_rescan(start_pool, models):
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    await pool.generate("alpha", "warm", max_new_tokens=1)
    assert await held(pool, "alpha") == ["resident", "guard"]
    take_away(models, "alpha")
    assert pool.registry.get("alpha") is not None  # no rescan yet: the registry still lists it
    with pytest.raises(UnknownPersona) as info:
        await pool.generate("alpha", "from memory?", max_new_tokens=1)
    assert "alpha" not in info.value.suggestions  # the stale entry does not suggest itself
    assert sample(pool, "pool_queue_depth") == 0 and list(pool.batches) == [("alpha", 1, 1)]


async def test_forget_of_a_closed_or_unknown_persona_returns_with_nothing_held(start_pool, models):
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    await pool.forget("nobody")  # nothing to do, and it says so at once
    assert pool.holds("nobody") == []
    await pool.generate("alpha", "warm", max_new_tokens=1)
    await pool.close()
    assert pool.holds("alpha") == ["resident", "guard"]
    take_away(models, "alpha")
    await asyncio.wait_for(pool.forget("alpha"), 30)  # no worker any more: done by forget itself
    assert pool.holds("alpha") == []
