"""The prompt cache (`bot.pool.prompt_cache`): whole prompts kept by (owner, token ids), least recently
used out first within a budget of bytes; and in the pool: a repeated prompt skips its prefill, a
seeded request never reads it, and a persona's prompts go with its adapter and when it is forgotten."""

from __future__ import annotations

import asyncio
import time

import torch
from helpers.checkpoints import make_base, make_checkpoint, make_lora_checkpoint
from helpers.metrics import sample

from bot.pool import GenerationPool
from bot.pool.prompt_cache import LARGEST_SHARE, PromptCache, owner_of

GREEDY = {"top_p": 1e-9, "max_new_tokens": 6}


def entry(size: int) -> tuple[torch.Tensor, torch.Tensor]:
    """Keys and values of `size` float32 numbers in all, with logits of 4."""
    return torch.ones(2, 1, 1, size // 2, 1), torch.zeros(4)


def test_least_recently_used_prompts_go_first_within_the_budget() -> None:
    cache = PromptCache(budget=LARGEST_SHARE * 48 + 10)  # room for 8 entries of 32 + 16 bytes
    for i in range(LARGEST_SHARE):
        cache.put(("", (i,)), *entry(8))
    assert cache.nbytes == LARGEST_SHARE * 48
    assert cache.get(("", (0,))) is not None  # used: the youngest now
    cache.put(("", (99,)), *entry(8))
    assert [ids[0] for _, ids in cache.entries] == [*range(2, LARGEST_SHARE), 0, 99]
    assert cache.get(("", (1,))) is None and cache.nbytes == LARGEST_SHARE * 48


def test_a_prompt_too_large_for_its_share_is_not_kept_and_a_zero_budget_keeps_nothing() -> None:
    cache = PromptCache(budget=LARGEST_SHARE * 48)
    cache.put(("", (1,)), *entry(8))  # 48 bytes: exactly its share
    cache.put(("", (2,)), *entry(10))  # 56: over it
    assert [ids for _, ids in cache.entries] == [(1,)]
    off = PromptCache(budget=0)
    off.put(("", (1,)), *entry(2))
    assert not off.entries and off.nbytes == 0


def test_a_kept_prompt_is_a_copy_and_drop_forgets_one_personas_adapter_prompts() -> None:
    cache = PromptCache(budget=10**6)
    kv, logits = entry(8)
    cache.put((owner_of("anna", 1), (5,)), kv, logits)
    kv.fill_(7)  # the caller's buffers are the next step's
    assert torch.equal(cache.get((("anna", 1), (5,))).kv, torch.ones(2, 1, 1, 4, 1))
    cache.put((owner_of("anna", 2), (5,)), *entry(8))  # a retrained adapter: another owner
    cache.put((owner_of("bob", 1), (5,)), *entry(8))
    cache.put((owner_of("anna", None, shared_base=False), (5,)), *entry(8))  # its own model: ""
    cache.drop("anna")
    assert list(cache.entries) == [(("bob", 1), (5,)), ("", (5,))] and cache.nbytes == 2 * 48
    assert owner_of("cat", None) == ("cat", None)  # the plain base, on a shared base: still cat's


async def test_a_repeated_prompt_skips_its_prefill_and_a_seeded_request_never_reads_it(start_pool,
                                                                                        tmp_path) -> None:
    models = tmp_path / "models"
    make_checkpoint(models, "alpha", seed=1)
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    seeded = await pool.generate("alpha", "Morning bread", seed=5, max_new_tokens=6)
    assert sample(pool, "pool_prompts_prefilled_total") == 1
    first = await pool.generate("alpha", "Morning bread", **GREEDY)
    assert await pool.generate("alpha", "Morning bread", **GREEDY) == first
    # The seeded request ran on a decoder of its own, which keeps nothing: the shared one prefilled once.
    assert (sample(pool, "pool_prompts_prefilled_total"), sample(pool, "pool_prompts_shared_total")) == (2, 1)
    (model,) = pool.residency.resident.values()
    assert len(model.decoder.prompts.entries) == 1 and model.cache_bytes == model.decoder.nbytes
    assert await pool.generate("alpha", "Morning bread", seed=5, max_new_tokens=6) == seeded
    assert sample(pool, "pool_prompts_prefilled_total") == 3  # prefilled again, as every time


async def test_prompt_cache_mb_zero_keeps_no_prompt(start_pool, tmp_path) -> None:
    models = tmp_path / "models"
    make_checkpoint(models, "alpha", seed=1)
    pool: GenerationPool = await start_pool(models, batch_window_ms=0, prompt_cache_mb=0)
    for _ in range(2):
        await pool.generate("alpha", "Morning bread", **GREEDY)
    assert sample(pool, "pool_prompts_prefilled_total") == 2
    (model,) = pool.residency.resident.values()
    assert not model.decoder.prompts.entries


async def test_forgetting_a_persona_drops_its_prompts_from_a_decode_in_progress(start_pool, tmp_path,
                                                                                 monkeypatch) -> None:
    from bot.pool.gpt2 import GPT2Decoder

    models = tmp_path / "models"
    make_base(models)
    make_lora_checkpoint(models, "eve", seed=1)
    make_lora_checkpoint(models, "fay", seed=2)
    pool: GenerationPool = await start_pool(models, batch_window_ms=0)
    await pool.generate("eve", "Morning", **GREEDY)
    await pool.generate("fay", "Morning", **GREEDY)
    (base,) = pool.residency.resident.values()
    assert {owner[0] for owner, _ in base.decoder.prompts.entries} == {"eve", "fay"}
    forward, steps = GPT2Decoder.forward, []

    def slow(self, *args):  # fay's decode below lasts long enough to be in progress when eve goes
        steps.append(self)
        time.sleep(0.005)
        return forward(self, *args)

    monkeypatch.setattr(GPT2Decoder, "forward", slow)
    decoder = base.decoder
    long = asyncio.create_task(pool.generate("fay", "Evening", max_new_tokens=120, min_new_tokens=120))
    for _ in range(4000):
        if len(steps) >= 2:  # fay's decode is under way (its prompt in, a token decoded)
            break
        await asyncio.sleep(0.001)
    (models / "eve").rename(models / ".forget-eve")
    await pool.forget("eve")
    assert "running" in pool.holds("fay")  # (else this tested a decoder dropped whole)
    assert base.decoder is decoder and steps[0] is decoder
    assert {owner[0] for owner, _ in decoder.prompts.entries} == {"fay"}
    assert decoder.prompts.nbytes == sum(e.nbytes for e in decoder.prompts.entries.values())
    assert base.cache_bytes == decoder.nbytes  # the bytes let go are counted at once
    assert pool.holds("eve") == []
    await long


async def test_an_adapter_leaving_its_slot_takes_its_prompts(start_pool, tmp_path) -> None:
    models = tmp_path / "models"
    make_base(models)
    names = [f"p{i}" for i in range(9)]
    for i, name in enumerate(names):
        make_lora_checkpoint(models, name, seed=10 + i)
    probe: GenerationPool = await start_pool(models, batch_window_ms=0)
    await probe.generate("p0", "Hi", **GREEDY)
    (base,) = probe.residency.resident.values()
    # The base and its first 8 slots: the ninth adapter takes the least recently used one's slot.
    pool: GenerationPool = await start_pool(models, batch_window_ms=0, memory_budget_bytes=base.nbytes + 1024)
    for name in names:
        await pool.generate(name, "Hi", **GREEDY)
    (base,) = pool.residency.resident.values()
    assert list(base.slots) == names[1:]
    assert sorted(owner[0] for owner, _ in base.decoder.prompts.entries) == names[1:]

    make_lora_checkpoint(models, "p8", seed=3)  # retrained: its old prompts go with its old adapter
    old = base.slots["p8"][1]
    await pool.refresh()
    await pool.generate("p8", "Hi", **GREEDY)
    owners = {owner for owner, _ in base.decoder.prompts.entries if owner[0] == "p8"}
    assert owners == {("p8", base.slots["p8"][1])} and base.slots["p8"][1] != old
