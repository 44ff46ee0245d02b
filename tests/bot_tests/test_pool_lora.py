"""LoRA personas in the pool: one shared base, adapters in slots, personas mixed row by row.

The personas are real PEFT adapters (random weights, so each visibly moves the base) saved in PEFT's
own format on a small base under models/.bases, with persona.json as training writes it.
"""

import asyncio
import copy
import shutil
from pathlib import Path

import pytest
import torch
from helpers.checkpoints import _tokenizer, make_checkpoint
from peft import PeftModel
from transformers import AutoModelForCausalLM

from bot.bench_personas import write_lora_persona, write_lora_personas
from bot.errors import LoadFailed, UnknownPersona
from bot.pool import BASE_KEY, GenerationPool
from bot.pool.lora import BASE, SharedBase, read_adapter
from training.bases import BASES_DIR
from training.tiny import tiny_model

GREEDY = {"top_p": 1e-9, "max_new_tokens": 12}


def make_base(models: Path, name: str = "shared") -> Path:
    folder = models / BASES_DIR / name
    tok = _tokenizer()
    tiny_model(tok, seed=7).save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def make_lora(models: Path, name: str, seed: int, base: str = "shared", rank: int = 8) -> Path:
    """A LoRA persona on models/.bases/`base` with random adapter weights, laid out as training does."""
    return write_lora_persona(models, name, base, seed=seed, rank=rank)


@pytest.fixture(scope="module")
def lora_models(tmp_path_factory) -> Path:
    models = tmp_path_factory.mktemp("lora") / "models"
    make_base(models)
    for i, name in enumerate(("ann", "bob", "cat", "dan")):
        make_lora(models, name, seed=i, rank=4 if name == "dan" else 8)  # ranks may differ
    make_checkpoint(models, "full_guy", seed=3)
    return models


def test_adapters_written_together_are_each_their_seeds(tmp_path) -> None:
    # The bench writes its adapters on one load of the base: each must still be its own seed's weights,
    # whatever else is written with it, and different from the others.
    models = tmp_path / "models"
    make_base(models)
    ann, bob = write_lora_personas(models, {"ann": 0, "bob": 1}, "shared", rank=4)
    (again,) = write_lora_personas(models, {"again": 1}, "shared", rank=4)
    def tensors(folder: Path) -> dict[str, torch.Tensor]:
        adapter = read_adapter(folder)
        return {**{f"a.{k}": t for k, t in adapter.a.items()}, **{f"b.{k}": t for k, t in adapter.b.items()}}

    ann_w, bob_w, again_w = map(tensors, (ann, bob, again))
    assert ann_w.keys() == bob_w.keys() == again_w.keys() and len(ann_w) == 8  # A and B of four kinds
    assert all(torch.equal(bob_w[key], again_w[key]) for key in bob_w)
    assert not any(torch.equal(ann_w[key], bob_w[key]) for key in ann_w)
    assert all(bool(w.abs().sum() > 0) for w in bob_w.values())  # random B too: it moves the base


@pytest.fixture
def make_pool(start_pool):
    def make(models: Path, **pool_settings):
        return start_pool(models, **{"batch_window_ms": 50, **pool_settings})

    return make


async def alone(pool: GenerationPool, name: str, prompt: str) -> list[str]:
    return await pool.generate(name, prompt, **GREEDY)


@pytest.mark.parametrize("dtype", ["auto", "float32"])  # a CPU's float16 weights (the default), and exact
async def test_a_mixed_batch_gives_each_row_what_its_persona_gives_alone(lora_models, make_pool,
                                                                         dtype) -> None:
    pool = await make_pool(lora_models, dtype=dtype)
    names = ["ann", "bob", "cat", "dan", "ann", "cat"]
    prompts = [f"The bread {i}" for i in range(len(names))]
    solo = [await alone(pool, n, p) for n, p in zip(names, prompts, strict=True)]
    pool.batches.clear()
    with pool.paused():  # all six queue first: one batch of four personas
        tasks = [asyncio.create_task(alone(pool, n, p)) for n, p in zip(names, prompts, strict=True)]
        await asyncio.sleep(0.1)
    mixed = await asyncio.gather(*tasks)
    assert mixed == solo
    (key, rows, personas), = pool.batches
    assert key.startswith(BASE_KEY + "models:shared@sha256:") and rows == 6 and personas == 4
    assert len(set(map(tuple, solo[:4]))) == 4  # the adapters really differ
    base = pool.residency.resident[key]
    assert sorted(base.slots) == ["ann", "bob", "cat", "dan"] and base.lora.rank == 8


async def test_full_models_and_adapters_side_by_side(lora_models, make_pool) -> None:
    pool = await make_pool(lora_models)
    for name in ("full_guy", "ann", "bob"):  # warm: a cold adapter's persona would run in a later batch
        await alone(pool, name, "Warm")
    pool.batches.clear()
    with pool.paused():
        tasks = [asyncio.create_task(alone(pool, n, "Hello")) for n in ("full_guy", "ann", "bob", "full_guy")]
        await asyncio.sleep(0.1)
    texts = await asyncio.gather(*tasks)
    assert texts[0] == texts[3] and texts[1] != texts[2]
    assert sorted((k.split("@")[0], rows) for k, rows, _ in pool.batches) == [
        ("base:models:shared", 2), ("full_guy", 2)]


def test_logits_match_peft_for_the_same_adapter(lora_models) -> None:
    base_dir = lora_models / BASES_DIR / "shared"
    model = AutoModelForCausalLM.from_pretrained(base_dir).eval()
    shared = SharedBase(copy.deepcopy(model), slots=4, rank=8)
    shared.put(0, read_adapter(lora_models / "ann"))
    shared.put(2, read_adapter(lora_models / "dan"))  # rank 4, zero-padded to 8
    ids = torch.randint(1, 1000, (3, 9), generator=torch.Generator().manual_seed(0))
    with torch.no_grad():
        shared.select(torch.tensor([0, 2, BASE]))
        mixed = shared.model(ids).logits
        shared.release()
        for row, name in ((0, "ann"), (1, "dan")):
            peft_model = PeftModel.from_pretrained(copy.deepcopy(model), lora_models / name).eval()
            ref = peft_model(ids[row:row + 1]).logits
            assert (mixed[row] - ref[0]).abs().max() < 1e-4
            assert (ref[0] - model(ids[row:row + 1]).logits[0]).abs().max() > 0.1  # the adapter matters
        assert torch.allclose(mixed[2], model(ids[2:3]).logits[0], atol=1e-5)  # the plain base


async def test_slots_are_reused_least_recently_used_first_within_the_budget(tmp_path, make_pool) -> None:
    models = tmp_path / "models"
    make_base(models)
    names = [f"p{i}" for i in range(11)]
    for i, name in enumerate(names):
        make_lora(models, name, seed=10 + i)
    probe = await make_pool(models)
    first = await alone(probe, "p0", "Hi")
    base = next(iter(probe.residency.resident.values()))
    budget = base.nbytes + 1024  # the base and its first 8 slots: no room to add more
    pool = await make_pool(models, memory_budget_bytes=budget)
    for name in names:
        await alone(pool, name, "Hi")
    base = next(iter(pool.residency.resident.values()))
    assert base.lora.capacity == 8 and len(base.slots) == 8
    assert list(base.slots) == names[3:]  # p0, p1, p2 gave their slots up, oldest first
    assert pool.metrics.registry.get_sample_value("pool_evictions_total") == 3
    assert await alone(pool, "p0", "Hi") == first  # read again into a freed slot: the same voice
    assert len(pool.residency.adapter_load_ms) == 12


async def test_a_batch_of_more_personas_than_slots_gets_more_slots(tmp_path, make_pool) -> None:
    models = tmp_path / "models"
    make_base(models)
    names = [f"q{i}" for i in range(10)]
    for i, name in enumerate(names):
        make_lora(models, name, seed=30 + i, rank=2)
    # Over budget: slots only as a batch needs them. A long batching window lets every adapter be
    # read before the batch runs (a batch otherwise takes the personas that are ready).
    pool = await make_pool(models, memory_budget_bytes=1, batch_window_ms=1000)
    solo = [await alone(pool, n, "Yo") for n in names]
    pool.batches.clear()
    assert await asyncio.gather(*(alone(pool, n, "Yo") for n in names)) == solo
    assert [(rows, personas) for _, rows, personas in pool.batches] == [(10, 10)]
    base = next(iter(pool.residency.resident.values()))
    assert base.lora.capacity == 16 and len(base.slots) == 10


async def test_a_wider_rank_is_counted_in_the_bases_bytes_when_it_lands(tmp_path, make_pool) -> None:
    models = tmp_path / "models"
    make_base(models)
    make_lora(models, "low", seed=1, rank=2)
    make_lora(models, "high", seed=2, rank=8)
    pool = await make_pool(models)
    await alone(pool, "low", "Hi")
    base = next(iter(pool.residency.resident.values()))
    narrow = base.lora.nbytes
    await alone(pool, "high", "Hi")  # a free slot: no slots added, every slot widened to rank 8
    assert base.lora.rank == 8 and base.lora.nbytes > narrow
    assert base.nbytes == base.weight_bytes + base.lora.nbytes + base.cache_bytes


async def test_retrained_and_removed_adapters(tmp_path, make_pool) -> None:
    models = tmp_path / "models"
    make_base(models)
    make_lora(models, "eve", seed=1)
    make_lora(models, "other", seed=2)
    pool = await make_pool(models)
    before = await alone(pool, "eve", "Morning")
    other = await alone(pool, "other", "Morning")
    make_lora(models, "eve", seed=2)  # retrained: now the same weights as "other"
    await pool.refresh()
    assert await alone(pool, "eve", "Morning") == other != before
    shutil.rmtree(models / "eve")
    await pool.refresh()
    with pytest.raises(UnknownPersona):
        await alone(pool, "eve", "Morning")
    await alone(pool, "other", "Evening")  # the worker has run since: the slot was freed
    base = next(iter(pool.residency.resident.values()))
    assert list(base.slots) == ["other"]


async def test_seeded_requests_on_adapters_are_reproducible(lora_models, make_pool) -> None:
    pool = await make_pool(lora_models)
    runs = [await pool.generate("bob", "Today", seed=11, count=2) for _ in range(2)]
    assert runs[0] == runs[1]


async def test_a_different_base_under_the_same_name_is_refused(tmp_path, make_pool) -> None:
    models = tmp_path / "models"
    make_base(models)
    make_lora(models, "fay", seed=1)
    tok = _tokenizer()
    tiny_model(tok, seed=99).save_pretrained(models / BASES_DIR / "shared")  # another base, same name
    pool = await make_pool(models)
    with pytest.raises(LoadFailed, match="Could not load the base model of 'fay'"):
        await alone(pool, "fay", "Hi")
    make_checkpoint(models, "full_guy")
    await pool.refresh()
    assert await alone(pool, "full_guy", "Hi")  # the pool carries on


async def test_adapters_cost_little_beside_their_base(lora_models, make_pool) -> None:
    pool = await make_pool(lora_models)
    for name in ("ann", "bob", "cat", "dan"):
        await alone(pool, name, "Hi")
    base = next(m for k, m in pool.residency.resident.items() if k.startswith(BASE_KEY))
    assert base.nbytes == base.weight_bytes + base.lora.nbytes + base.cache_bytes  # the cache: its decodes
    assert base.lora.nbytes == base.lora.capacity * base.lora.slot_bytes
    assert pool.metrics.registry.get_sample_value("pool_resident_bytes") >= base.nbytes


async def test_on_a_gpu_evicted_adapters_come_back_from_ram(tmp_path, make_pool, monkeypatch) -> None:
    """The CPU tier (on by itself on a GPU, where `cpu_budget` is set): an adapter whose slot was
    taken is copied back from RAM, not read from disk again."""
    import bot.pool.weights

    reads: list[str] = []
    real = bot.pool.weights.load_adapter

    def counting(entry, dtype):
        reads.append(entry.name)
        return real(entry, dtype)

    monkeypatch.setattr(bot.pool.weights, "load_adapter", counting)
    models = tmp_path / "models"
    make_base(models)
    names = [f"r{i}" for i in range(9)]
    for i, name in enumerate(names):
        make_lora(models, name, seed=50 + i, rank=2)
    probe = await make_pool(models)
    await alone(probe, "r0", "Hi")
    budget = next(iter(probe.residency.resident.values())).nbytes + 1024
    pool = await make_pool(models, memory_budget_bytes=budget)
    pool.residency.cpu_budget = 1 << 30
    first = [await alone(pool, n, "Hi") for n in names]  # r0's slot goes to r8
    reads.clear()
    assert await alone(pool, "r0", "Hi") == first[0]
    assert reads == []  # from the RAM tier
