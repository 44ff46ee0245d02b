import asyncio
import contextlib
import json
import logging
import shutil
import subprocess
import sys
import threading
import time

import pytest
import torch
from helpers.checkpoints import make_base, make_checkpoint, make_lora_checkpoint
from helpers.metrics import sample
from helpers.paths import ROOT
from transformers import AutoModelForCausalLM

from bot.config import ConfigError, GenerationSettings, PoolSettings
from bot.errors import (
    BotError,
    CopyRejected,
    GenerationFailed,
    GenerationTimeout,
    InvalidRequest,
    LoadFailed,
    PoolBroken,
    PoolBusy,
    PoolClosed,
    UnknownPersona,
)
from bot.generation import COPY_TRIES, Samples, checked_text, validate_request
from bot.personas import PersonaRegistry, folder_version
from bot.pool import GenerationPool
from training.copyguard import FILENAME as COPYGUARD_FILE
from training.copyguard import read_ngram_hashes, words, write_ngram_hashes


@pytest.fixture(scope="module")
def shared_models(tmp_path_factory):
    d = tmp_path_factory.mktemp("pool") / "models"
    for i, name in enumerate(("alpha", "beta", "gamma")):
        make_checkpoint(d, name, seed=i)
    return d


@pytest.fixture
def make_pool(shared_models, start_pool):
    """Start pools on the shared personas (or a given folder); every one is closed at the end."""
    def make(models=shared_models, generation=None, **pool_settings):
        return start_pool(models, generation, **pool_settings)

    return make


async def until(predicate, what: str) -> None:
    """Let the worker run until `predicate()` holds (a guard against hanging, not a timing assertion)."""
    for _ in range(2000):
        if predicate():
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"never happened: {what}")


async def test_many_callers_one_persona_are_batched(make_pool):
    pool = await make_pool(batch_window_ms=20)
    prompts = [f"Caller {i} says" for i in range(24)]
    calls = [pool.generate("alpha", p, count=1 + i % 3) for i, p in enumerate(prompts)]
    results = await asyncio.gather(*calls)
    for i, (prompt, texts) in enumerate(zip(prompts, results, strict=True)):
        assert len(texts) == 1 + i % 3
        assert all(t.startswith(prompt) and "\n" not in t for t in texts)
    rows = [r for _, r, _ in pool.batches]
    assert sum(rows) == sum(1 + i % 3 for i in range(24))
    assert max(rows) > 1 and len(rows) < 24  # requests shared forward passes
    assert max(pool.step_rows) > 1 and sample(pool, "pool_batch_size_count") == len(pool.step_rows)
    assert sample(pool, "pool_requests_total") == 24
    assert sample(pool, "pool_latency_seconds_count") == 24
    assert sample(pool, "pool_generated_tokens_total") > 0


async def test_many_callers_several_personas(make_pool):
    pool = await make_pool(batch_window_ms=10)
    names = ["alpha", "beta", "gamma"] * 6
    results = await asyncio.gather(*(pool.generate(n, f"{n} {i}") for i, n in enumerate(names)))
    assert [len(r) for r in results] == [1] * len(names)
    assert all(r[0].startswith(f"{n} {i}") for i, (n, r) in enumerate(zip(names, results, strict=True)))
    served = {name: sum(rows for p, rows, _ in pool.batches if p == name) for name in set(names)}
    assert served == {"alpha": 6, "beta": 6, "gamma": 6}
    assert sample(pool, "pool_loads_total") == 3
    assert sample(pool, "pool_resident_personas") == 3


MOUNTS = """\
/dev/vda / ext4 rw,relatime 0 0
server:/export /srv/models nfs4 rw,relatime 0 0
/dev/vdb /srv/models/local xfs rw 0 0
sshfs#me@host: /mnt/remote fuse.sshfs rw 0 0
server:/share /mnt/my\\040share cifs rw 0 0
"""


@pytest.mark.parametrize(("path", "local"), [
    ("/home/bot/models", True),  # ext4 at /
    ("/srv/models/alpha", False),  # nfs4
    ("/srv/models/local/alpha", True),  # the innermost mount decides: xfs inside the nfs one
    ("/srv/modelsX", True),  # not under /srv/models: a prefix of the name is not a parent
    ("/mnt/remote/models", False),  # any FUSE filesystem
    ("/mnt/my share/models", False),  # a mount point with a space, as /proc writes it
])
def test_on_local_disk_reads_the_innermost_mounts_type(path, local) -> None:
    from pathlib import Path

    from bot.pool.weights import on_local_disk

    assert on_local_disk(Path(path), MOUNTS) is local


def test_on_local_disk_is_false_when_it_cannot_tell(tmp_path, monkeypatch) -> None:
    import bot.pool.weights as weights

    assert weights.on_local_disk(tmp_path, "") is False  # no mount above it
    monkeypatch.setattr(weights, "MOUNTS", tmp_path / "no-proc")  # not Linux
    assert weights.on_local_disk(tmp_path) is False


async def test_the_disk_check_runs_on_the_loop_only_on_a_local_disk_and_an_unlinked_folder(
        tmp_path, start_pool, monkeypatch) -> None:
    import bot.pool.pool as pool_module

    models = tmp_path / "models"
    make_checkpoint(models, "alpha", seed=1)
    make_checkpoint(tmp_path / "elsewhere", "beta", seed=2)
    (models / "beta").symlink_to(tmp_path / "elsewhere" / "beta")
    where = []
    real = pool_module.folder_gone

    def check(entry):
        where.append((entry.name, threading.current_thread() is threading.main_thread()))
        return real(entry)

    monkeypatch.setattr(pool_module, "folder_gone", check)
    monkeypatch.setattr(pool_module, "on_local_disk", lambda path: True)
    pool = await start_pool(models, batch_window_ms=0)
    assert pool.registry.get("beta").linked and not pool.registry.get("alpha").linked
    await pool.generate("alpha", "Hi", max_new_tokens=2)
    await pool.generate("beta", "Hi", max_new_tokens=2)  # a link may lead to any storage: off the loop
    monkeypatch.setattr(pool_module, "on_local_disk", lambda path: False)
    remote = await start_pool(models, batch_window_ms=0)
    await remote.generate("alpha", "Hi", max_new_tokens=2)
    assert where == [("alpha", True), ("beta", False), ("alpha", False)]


async def test_a_requests_place_in_line_is_when_it_reaches_the_queue(make_pool, monkeypatch):
    # The disk check before queueing may take a while (shared storage): the oldest-first order and the
    # batching window count from the queue, not from the call.
    import bot.pool.pool as pool_module

    pool = await make_pool()
    pool._local_disk = False  # as on shared storage: the check runs off the loop
    checked = {}
    real = pool_module.folder_gone

    def slow_check(entry):
        time.sleep(0.05)
        checked[entry.name] = time.monotonic()
        return real(entry)

    monkeypatch.setattr(pool_module, "folder_gone", slow_check)
    with pool.paused():
        task = asyncio.create_task(pool.generate("alpha", "slow disk"))
        await until(lambda: sample(pool, "pool_queue_depth") == 1, "queued")
        (req,) = pool.scheduler.queues["alpha"]
        assert req.enqueued >= checked["alpha"]
    assert len(await task) == 1


async def test_a_prompt_longer_than_a_steps_prefill_is_answered(make_pool):
    # A reply's context is often longer than `prefill_tokens`: alone in a new decode, its first steps
    # only fill the cache (no row to sample yet), then it decodes like any other.
    pool = await make_pool(prefill_tokens=4)
    context = "The bread this morning was so good that I went back for a second loaf " * 2
    (tweet,) = await pool.generate("alpha", "Agreed", context=context, max_new_tokens=8, timeout=60)
    assert tweet.startswith("Agreed")
    assert not sample(pool, "pool_errors_total", {"kind": "generation_failed"})


async def test_a_request_joins_a_decode_only_when_all_its_rows_fit(make_pool):
    # A decode of 3 rows out of max_batch 4: a request for 3 samples waits for rows to leave rather
    # than growing the decode to 6 rows, and the request behind it does not overtake it.
    pool = await make_pool(batch_window_ms=0, max_batch=4)
    await pool.generate("alpha", max_new_tokens=1)
    pool.batches.clear()
    pool.step_rows.clear()
    with pool.paused():
        running = [asyncio.create_task(pool.generate("alpha", f"long {i}", max_new_tokens=60,
                                                     min_new_tokens=60)) for i in range(3)]
        await until(lambda: sample(pool, "pool_queue_depth") == 3, "the first three queued")
    await until(lambda: pool.step_rows, "the decode started")
    with pool.paused():  # between two steps of the decode, the two others queue
        three = asyncio.create_task(pool.generate("alpha", "three", count=3, max_new_tokens=4,
                                                  min_new_tokens=4))
        await until(lambda: sample(pool, "pool_queue_depth") == 1, "three queued")
        one = asyncio.create_task(pool.generate("alpha", "one", max_new_tokens=4, min_new_tokens=4))
        await until(lambda: sample(pool, "pool_queue_depth") == 2, "one queued")
        assert pool.engine.live and len(pool.step_rows) < 60  # the first three still decoding
    await asyncio.gather(*running, three, one)
    assert max(pool.step_rows) == 4
    assert [rows for _, rows, _ in pool.batches] == [3, 4]  # both joined once the first three left


async def test_oldest_request_is_served_first_across_personas(make_pool):
    pool = await make_pool(batch_window_ms=0)
    await asyncio.gather(pool.generate("alpha", max_new_tokens=1), pool.generate("beta", max_new_tokens=1))
    pool.batches.clear()
    with pool.paused():
        # alpha's queue is created first (so it comes first in insertion order) but its head is younger.
        opener = asyncio.create_task(pool.generate("alpha", "opener"))
        await until(lambda: sample(pool, "pool_queue_depth") == 1, "alpha queued")
        oldest = asyncio.create_task(pool.generate("beta", "oldest"))
        await until(lambda: sample(pool, "pool_queue_depth") == 2, "beta queued")
        opener.cancel()
        await until(lambda: sample(pool, "pool_queue_depth") == 1, "opener gone")
        younger = [asyncio.create_task(pool.generate("alpha", f"later {i}")) for i in range(4)]
        await until(lambda: sample(pool, "pool_queue_depth") == 5, "all queued")
        assert list(pool.scheduler.queues) == ["alpha", "beta"]
    await asyncio.gather(oldest, *younger)
    assert [p for p, _, _ in pool.batches] == ["beta", "alpha"]


async def test_a_steady_stream_for_one_persona_does_not_starve_another(make_pool):
    pool = await make_pool(batch_window_ms=0, max_batch=2)
    await asyncio.gather(pool.generate("alpha", max_new_tokens=1), pool.generate("beta", max_new_tokens=1))
    stop = False

    async def stream() -> None:  # always another alpha request waiting, whatever the worker does
        while not stop:
            await pool.generate("alpha", "again", max_new_tokens=4)

    streams = [asyncio.create_task(stream()) for _ in range(6)]
    await until(lambda: len(pool.batches) >= 10, "alpha streaming")
    before = len(pool.batches)
    await pool.generate("beta", "me too", max_new_tokens=4)
    position = [p for p, _, _ in pool.batches].index("beta", before)
    stop = True
    await asyncio.gather(*streams)
    # Only alpha's requests older than beta's (at most 6, 2 per batch, plus the batch running) go first.
    assert position - before <= 4
    assert sample(pool, "pool_queue_depth") == 0


@pytest.mark.parametrize("yield_steps", [4, 10_000])
async def test_a_long_decode_yields_its_turn_to_another_persona(make_pool, yield_steps):
    pool = await make_pool(batch_window_ms=0, yield_steps=yield_steps)
    for name in ("alpha", "beta"):
        await pool.generate(name, max_new_tokens=1)
    long = asyncio.create_task(pool.generate("alpha", "long", max_new_tokens=100, min_new_tokens=100))
    await until(lambda: "alpha" in pool.engine.serving and pool.step_rows, "alpha decoding")
    short = await pool.generate("beta", "short", max_new_tokens=2, min_new_tokens=2)
    # With a turn of 4 steps, beta's 2 steps come long before alpha's 100 are done; with no turn to
    # speak of, beta waits for alpha's whole decode.
    assert long.done() == (yield_steps == 10_000)
    assert short[0].startswith("short") and (await long)[0].startswith("long")


async def test_a_load_does_not_hold_up_resident_personas(make_pool):
    pool = await make_pool(batch_window_ms=0)
    await pool.generate("beta", max_new_tokens=1)
    pool.batches.clear()
    # alpha asks first but must be read from disk (in the loader thread); beta, resident, goes meanwhile.
    await asyncio.gather(pool.generate("alpha", "first, cold"), pool.generate("beta", "second, warm"))
    assert [p for p, _, _ in pool.batches] == ["beta", "alpha"]


async def one_resident(make_pool, *models) -> float:
    """The bytes of one resident persona, its decoder's cache included: counted after the step that
    answered (the request may return first), so wait for the metric to show it."""
    probe = await make_pool(*models)
    await probe.generate("alpha", max_new_tokens=1)
    model = probe.residency.resident["alpha"]
    await until(lambda: model.cache_bytes and sample(probe, "pool_resident_bytes") == model.nbytes,
                "the cache counted")
    return sample(probe, "pool_resident_bytes")


async def test_eviction_under_a_small_budget(make_pool):
    one = await one_resident(make_pool)
    pool = await make_pool(memory_budget_bytes=int(one * 1.5))
    for name in ("alpha", "beta", "alpha", "gamma"):
        assert len(await pool.generate(name, max_new_tokens=2)) == 1
        assert sample(pool, "pool_resident_personas") == 1
        assert sample(pool, "pool_resident_bytes") <= one * 1.5
    assert sample(pool, "pool_loads_total") == 4
    assert sample(pool, "pool_evictions_total") == 3


async def test_pinned_persona_is_never_evicted(make_pool):
    one = await one_resident(make_pool)
    pool = await make_pool(memory_budget_bytes=int(one * 2.5), pinned=["alpha"])
    for name in ("alpha", "beta", "gamma", "beta", "alpha", "gamma", "alpha"):
        await pool.generate(name, max_new_tokens=2)
    # alpha loaded once and kept; beta and gamma take turns in the one remaining slot.
    assert sample(pool, "pool_loads_total") == 5
    assert sample(pool, "pool_evictions_total") == 3
    assert "alpha" in pool.residency.resident


async def test_busy_when_the_queue_is_full(make_pool):
    pool = await make_pool(max_queue=2)
    with pool.paused():
        waiting = [asyncio.create_task(pool.generate("alpha", f"w{i}")) for i in range(2)]
        await until(lambda: sample(pool, "pool_queue_depth") == 2, "two requests queued")
        with pytest.raises(PoolBusy, match="busy"):
            await pool.generate("alpha", "one too many")
    assert sample(pool, "pool_errors_total", {"kind": "busy"}) == 1
    assert [len(r) for r in await asyncio.gather(*waiting)] == [1, 1]  # the queued ones still run


async def test_timeout_drops_the_request(make_pool):
    pool = await make_pool()
    with pool.paused(), pytest.raises(GenerationTimeout):
        await pool.generate("alpha", "too slow", timeout=0.05)
    assert sample(pool, "pool_queue_depth") == 0
    assert sample(pool, "pool_errors_total", {"kind": "timeout"}) == 1
    assert list(pool.batches) == []
    assert len(await pool.generate("alpha", "still serving", timeout=10)) == 1


async def test_default_timeout_from_config(make_pool):
    pool = await make_pool(request_timeout_s=0.05)
    with pool.paused(), pytest.raises(GenerationTimeout):
        await pool.generate("alpha", "too slow")


async def test_cancelled_caller_is_dropped_from_the_queue(make_pool):
    pool = await make_pool(batch_window_ms=0)
    with pool.paused():
        kept = asyncio.create_task(pool.generate("alpha", "kept"))
        gone = asyncio.create_task(pool.generate("alpha", "gone", count=3))
        await until(lambda: sample(pool, "pool_queue_depth") == 2, "both queued")
        gone.cancel()
        with pytest.raises(asyncio.CancelledError):
            await gone
        assert sample(pool, "pool_queue_depth") == 1
    assert (await kept)[0].startswith("kept")
    assert list(pool.batches) == [("alpha", 1, 1)]  # the cancelled request's 3 rows never ran


async def test_hot_add_replace_and_remove(make_pool, shared_models, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(shared_models / "alpha", models / "alpha")
    pool = await make_pool(models)
    with pytest.raises(UnknownPersona):
        await pool.generate("delta")
    make_checkpoint(models, "delta", seed=7)
    await pool.refresh()
    await pool.generate("delta", "added", max_new_tokens=2)
    assert sample(pool, "pool_loads_total") == 1

    make_checkpoint(models, "delta", seed=8)  # retrained while running: reloaded on next use
    await pool.refresh()
    await pool.generate("delta", "replaced", max_new_tokens=2)
    assert sample(pool, "pool_loads_total") == 2
    assert sample(pool, "pool_resident_personas") == 1

    await pool.generate("alpha", max_new_tokens=1)
    shutil.rmtree(models / "delta")
    await pool.refresh()
    with pytest.raises(UnknownPersona):
        await pool.generate("delta")
    await pool.generate("alpha", max_new_tokens=1)  # the worker unloads removed personas as it goes
    assert sample(pool, "pool_resident_personas") == 1
    assert "delta" not in pool.residency.resident


async def test_periodic_rescan_picks_up_new_personas(make_pool, shared_models, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(shared_models / "alpha", models / "alpha")
    pool = await make_pool(models, rescan_interval_s=0.05)
    shutil.copytree(shared_models / "beta", models / "beta")
    await until(lambda: pool.registry.get("beta") is not None, "rescan found beta")
    assert len(await pool.generate("beta", max_new_tokens=2)) == 1


async def test_queued_request_for_a_removed_persona_fails(make_pool, shared_models, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(shared_models / "alpha", models / "alpha")
    pool = await make_pool(models, batch_window_ms=0)
    with pool.paused():
        task = asyncio.create_task(pool.generate("alpha", "soon gone"))
        await until(lambda: sample(pool, "pool_queue_depth") == 1, "queued")
        shutil.rmtree(models / "alpha")
        await pool.refresh()
    with pytest.raises(UnknownPersona):
        await task


async def test_unknown_persona_suggests_close_names(make_pool):
    pool = await make_pool()
    with pytest.raises(UnknownPersona) as err:
        await pool.generate("alpah")
    assert err.value.suggestions[0] == "alpha"
    assert "alpha" in str(err.value)
    assert sample(pool, "pool_errors_total", {"kind": "unknown_persona"}) == 1


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"count": 0}, "count must be between 1 and 5"),
    ({"count": 6}, "count must be between 1 and 5"),
    ({"temperature": 0.05}, "temperature must be between 0.1 and 2.0"),
    ({"temperature": 2.5}, "temperature must be between 0.1 and 2.0"),
    ({"top_p": 0.0}, "top_p must be above 0 and at most 1"),
    ({"top_p": 1.5}, "top_p must be above 0 and at most 1"),
    ({"top_k": -1}, r"top_k must be 0 \(no top-k filtering\) or more \(got -1\)"),
    ({"max_new_tokens": 0}, "max_new_tokens must be between 1 and 128"),
    ({"max_new_tokens": 129}, "max_new_tokens must be between 1 and 128"),
    ({"prompt": "x" * 301}, "too long: 301 characters, at most 300"),
    ({"seed": -1}, "seed must be between 0 and 4294967295"),
    ({"seed": 2**32}, "seed must be between 0 and 4294967295"),
    ({"timeout": 0}, "timeout must be above 0"),
])
async def test_invalid_requests_name_the_bound(make_pool, kwargs, message):
    pool = await make_pool()
    with pytest.raises(InvalidRequest, match=message):
        await pool.generate("alpha", **kwargs)
    assert sample(pool, "pool_errors_total", {"kind": "invalid"}) == 1
    assert list(pool.batches) == []


def test_validate_request_is_the_pure_check_generate_uses():
    g = GenerationSettings()
    ok = {"prompt": "x" * 300, "count": 5, "max_new_tokens": None, "temperature": None, "top_p": None}
    validate_request(g, **ok, seed=2**32 - 1)  # the bounds themselves are accepted
    validate_request(g, **ok, seed=0)
    validate_request(g, **ok, seed=None, top_k=0)  # 0: no top-k filtering
    with pytest.raises(InvalidRequest, match="top_k must be 0"):
        validate_request(g, **ok, seed=None, top_k=-1)
    with pytest.raises(InvalidRequest, match=r"seed must be between 0 and 4294967295 \(got 4294967296\)"):
        validate_request(g, **ok, seed=2**32)
    with pytest.raises(InvalidRequest, match="too long: 301 characters, at most 300"):
        validate_request(g, **{**ok, "prompt": "x" * 301}, seed=None)


async def test_the_prompt_is_cleaned_by_the_one_rule_the_command_layer_applies_too(make_pool):
    g = GenerationSettings()
    args = {"count": 1, "max_new_tokens": None, "temperature": None, "top_p": None, "seed": None}
    cleaned = checked_text(g, prompt="  My dream is \n", context=" a\nb\t c ", **args)
    assert cleaned == ("My dream is", "a b c")
    with pytest.raises(InvalidRequest, match="too long: 301 characters"):  # counted once cleaned
        checked_text(g, prompt=" " + "x" * 301 + " ", **args)
    assert len(checked_text(g, prompt=" " + "x" * 300 + " ", **args)[0]) == 300
    pool = await make_pool()
    (text,) = await pool.generate("alpha", "  My dream is \n", max_new_tokens=4)
    assert text.startswith("My dream is")  # the pool cleans by it too (it is its own boundary)


# auto: float16 weights on a CPU (the default); float32: the exact forward. Both reproduce.
@pytest.mark.parametrize("dtype", ["auto", "float32"])
async def test_seed_reproducible_even_under_concurrent_load(make_pool, dtype):
    pool = await make_pool(batch_window_ms=20, dtype=dtype)
    alone = await pool.generate("beta", "Seeded", count=2, seed=1234, max_new_tokens=24)
    crowd = [pool.generate("beta", f"other {i}", max_new_tokens=24) for i in range(8)]
    seeded = pool.generate("beta", "Seeded", count=2, seed=1234, max_new_tokens=24)
    *_, again = await asyncio.gather(*crowd, seeded)
    assert again == alone
    assert alone[0] != alone[1]  # the samples of one request still differ from each other
    other = await pool.generate("beta", "Seeded", count=2, seed=4321, max_new_tokens=24)
    assert other != alone


async def test_no_sample_ever_holds_a_replacement_character(make_pool):
    """Issue 13: a byte-level token can end mid-character. The untrained personas draw single-byte
    tokens freely (continuation bytes without a lead, leads cut short, rows ending mid-character), so
    their raw decode is full of U+FFFD; the replies must hold none, and keep the whole characters."""
    pool = await make_pool()
    resident_text: list[list[int]] = []
    await pool.generate("alpha", "x", max_new_tokens=1)
    resident = pool.residency.resident["alpha"]
    real = resident.text

    def spy(ids: list[int]) -> str:
        resident_text.append(list(ids))
        return real(ids)

    resident.text = spy
    replies = []
    for seed in range(12):
        replies += await pool.generate("alpha", "Crème 🍞", count=5, seed=seed, max_new_tokens=16,
                                       temperature=1.5, top_k=0, top_p=1.0)
    assert len(replies) == 60 and len(resident_text) == 60
    assert not [r for r in replies if "\ufffd" in r]
    assert all(r.startswith("Crème 🍞") for r in replies)
    raw = [resident.tokenizer.decode(ids, skip_special_tokens=True) for ids in resident_text]
    assert sum("\ufffd" in t for t in raw) >= 10  # the broken tokens were drawn: the test bites


async def test_context_is_answered_not_shown(make_pool):
    """A reply (Continue, Reply as persona): the message answered goes before the prompt as a tweet of
    its own, so it changes what is generated, never appears in the result, and a long one keeps its tail."""
    pool = await make_pool()
    plain = await pool.generate("beta", "", seed=5, max_new_tokens=24)
    answered = await pool.generate("beta", "", seed=5, max_new_tokens=24, context="Fresh bread at the market")
    assert answered != plain and "Fresh bread" not in answered[0]
    prompted = await pool.generate("beta", "Yes", seed=5, max_new_tokens=24, context="Bread?\nToday")
    assert prompted[0].startswith("Yes")
    longest = await pool.generate("beta", "", max_new_tokens=24, context="rye " * 999)  # > 256 tokens
    assert len(longest) == 1
    with pytest.raises(InvalidRequest, match="message to answer is too long: 4001 characters, at most 4000"):
        await pool.generate("beta", "", context="x" * 4001)


async def test_close_fails_queued_requests_and_refuses_new_ones(make_pool):
    pool = await make_pool()
    with pool.paused():
        queued = [asyncio.create_task(pool.generate("alpha", f"q{i}")) for i in range(3)]
        await until(lambda: sample(pool, "pool_queue_depth") == 3, "queued")
        assert pool.ready
        await pool.close()
    assert not pool.ready
    for task in queued:
        with pytest.raises(PoolClosed):
            await task
    with pytest.raises(PoolClosed):
        await pool.generate("alpha")
    assert list(pool.batches) == []


async def test_close_finishes_the_running_batch(make_pool):
    pool = await make_pool(batch_window_ms=0)
    running = asyncio.create_task(pool.generate("alpha", "finish me", count=5, max_new_tokens=128,
                                                min_new_tokens=128))
    await until(lambda: len(pool.batches) == 1, "batch started")
    await pool.close()
    texts = await running
    assert len(texts) == 5 and all(t.startswith("finish me") for t in texts)


async def test_generate_before_start_is_refused(shared_models):
    pool = GenerationPool(PersonaRegistry(shared_models), PoolSettings(), GenerationSettings())
    assert not pool.ready
    with pytest.raises(PoolClosed):
        await pool.generate("alpha")


def test_cuda_requested_without_cuda_is_a_config_error(shared_models):
    import torch

    if torch.cuda.is_available():
        pytest.skip("this machine has CUDA: the error cannot happen here")
    with pytest.raises(ConfigError, match="no CUDA device"):
        GenerationPool(PersonaRegistry(shared_models), PoolSettings(device="cuda"), GenerationSettings())


async def test_loaded_weights_come_from_safetensors_only(make_pool, shared_models, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(shared_models / "alpha", models / "alpha")
    # The same weights as a pickle (which transformers would load without use_safetensors): refused.
    import torch
    from safetensors.torch import load_file

    weights = models / "alpha" / "model.safetensors"
    torch.save(load_file(weights), models / "alpha" / "pytorch_model.bin")
    weights.unlink()
    pool = await make_pool(models)
    with pytest.raises(BotError, match="Could not load persona 'alpha'"):
        await pool.generate("alpha")
    assert sample(pool, "pool_errors_total", {"kind": "load_failed"}) == 1


async def test_long_prompt_batched_with_a_long_generation(make_pool):
    # One row's prompt fills the context but for its 2 new tokens; its batch-mate generates 128.
    pool = await make_pool(batch_window_ms=0, generation=GenerationSettings(max_prompt_chars=1800))
    await pool.generate("alpha", max_new_tokens=1)
    prompt = " ".join(f"loaf{i}" for i in range(300))[:1800]
    resident = pool.residency.resident["alpha"]
    assert len(resident.tokenizer(prompt).input_ids) > resident.context
    pool.batches.clear()
    with pool.paused():
        long = asyncio.create_task(pool.generate("alpha", prompt, max_new_tokens=2))
        busy = asyncio.create_task(pool.generate("alpha", "busy", max_new_tokens=128, min_new_tokens=128))
        await until(lambda: sample(pool, "pool_queue_depth") == 2, "both queued")
    (text,), (other,) = await asyncio.gather(long, busy)
    assert list(pool.batches) == [("alpha", 2, 1)]
    assert text.startswith(prompt[:100]) and other.startswith("busy")


async def test_retrain_drops_the_old_version_from_both_tiers(make_pool, shared_models, tmp_path):
    models = tmp_path / "models"
    for name in ("alpha", "beta"):
        shutil.copytree(shared_models / name, models / name)
    one = await one_resident(make_pool, models)
    pool = await make_pool(models, memory_budget_bytes=int(one * 1.5))
    pool.residency.cpu_budget = int(one * 10)  # the GPU's second tier, exercised on the CPU
    await pool.generate("alpha", max_new_tokens=1)
    await pool.generate("beta", max_new_tokens=1)
    assert list(pool.residency.cpu_tier) == ["alpha"] and list(pool.residency.resident) == ["beta"]
    make_checkpoint(models, "alpha", seed=9)
    make_checkpoint(models, "beta", seed=9)
    await pool.refresh()
    with pool.paused():
        pass  # one pass of the scheduler
    await until(lambda: not pool.residency.cpu_tier and not pool.residency.resident, "old versions dropped")
    assert sample(pool, "pool_resident_bytes") == 0
    await pool.generate("alpha", max_new_tokens=1)
    assert pool.residency.resident["alpha"].version == pool.registry.get("alpha").version


async def test_a_load_nobody_waits_for_is_not_kept(make_pool, monkeypatch):
    import bot.pool.weights

    release = threading.Event()
    real = bot.pool.weights.load_persona

    def slow_load(entry, dtype):
        release.wait(30)
        return real(entry, dtype)

    monkeypatch.setattr(bot.pool.weights, "load_persona", slow_load)
    pool = await make_pool()
    with pytest.raises(GenerationTimeout):
        await pool.generate("gamma", timeout=0.05)
    assert "gamma" in pool.residency.loading
    release.set()
    await until(lambda: "gamma" not in pool.residency.loading, "the orphaned load dropped")
    assert "gamma" not in pool.residency.resident and "gamma" not in pool.residency.cpu_tier


@pytest.mark.parametrize("dtype", ["float32", "auto"])
async def test_a_retrain_landing_mid_load_is_read_again(make_pool, shared_models, tmp_path, monkeypatch,
                                                         dtype):
    import bot.pool.weights
    from bot.pool.half import HalfWeights

    models = tmp_path / "models"
    shutil.copytree(shared_models / "alpha", models / "delta")
    real = bot.pool.weights.load_persona
    calls = []

    def load_then_swap(entry, dtype):
        loaded = real(entry, dtype)
        if not calls:  # the retrain's atomic swap lands right after this read
            make_checkpoint(models, "delta", seed=11)
        calls.append(entry.version)
        return loaded

    monkeypatch.setattr(bot.pool.weights, "load_persona", load_then_swap)
    pool = await make_pool(models, dtype=dtype)
    old = pool.registry.get("delta").version
    assert len(await pool.generate("delta", max_new_tokens=2)) == 1
    new = folder_version(models / "delta")
    assert calls == [old, new]
    assert pool.registry.get("delta").version == new
    resident = pool.residency.resident["delta"]
    assert resident.version == new
    expected = AutoModelForCausalLM.from_pretrained(models / "delta", use_safetensors=True)
    released = 0
    for (name, got), want in zip(resident.model.state_dict().items(), expected.state_dict().values(),
                                 strict=True):
        if got.numel() == 0 and resident.half is not None:  # a projection its float16 copy replaced
            released += 1
            continue
        assert torch.equal(got, want), name
    if dtype == "auto":  # the copies are the new version's too
        assert released == 4 * expected.config.n_layer
        fresh, x = HalfWeights.pack(expected), torch.randn(3, expected.config.n_embd)
        assert torch.equal(resident.half.logits(x), fresh.logits(x))
        bias = expected.transformer.h[1].mlp.c_fc.bias
        assert torch.equal(resident.half.linear(x, 1, "mlp.c_fc", bias), fresh.linear(x, 1, "mlp.c_fc", bias))


async def test_prompt_prefix_comes_from_persona_json(make_pool, shared_models, tmp_path):
    models = tmp_path / "models"
    for name in ("alpha", "beta"):
        shutil.copytree(shared_models / name, models / name)
    meta = json.loads((models / "alpha" / "persona.json").read_text())
    meta["prompt_prefix"] = "Bread:"
    (models / "alpha" / "persona.json").write_text(json.dumps(meta))
    pool = await make_pool(models)
    await pool.generate("alpha", "x", max_new_tokens=1)
    await pool.generate("beta", "x", max_new_tokens=1)  # no prompt_prefix: the tokenizer's end-of-text
    alpha, beta = pool.residency.resident["alpha"], pool.residency.resident["beta"]
    assert alpha.prefix == alpha.tokenizer("Bread:", add_special_tokens=False).input_ids
    assert alpha.prefix != [alpha.tokenizer.eos_token_id]
    assert beta.prefix == [beta.tokenizer.eos_token_id]


async def test_missing_pinned_names_are_a_warning_not_an_error(make_pool, caplog):
    with caplog.at_level(logging.WARNING, logger="bot.pool"):
        pool = await make_pool(pinned=["alpha", "nobody"])
    assert any("pinned" in r.message and "nobody" in r.message and "alpha" not in r.message.split(":")[-1]
               for r in caplog.records)
    assert len(await pool.generate("alpha", max_new_tokens=1)) == 1


async def test_close_waits_for_the_rescan_task(make_pool):
    pool = await make_pool(rescan_interval_s=0.01)
    await pool.close()
    assert pool.rescan_task.done()


LONG_PROMPT = " ".join(f"loaf{i}" for i in range(300))[:1800]  # more tokens than the tiny context


def prompt_tokens(pool: GenerationPool, name: str, prompt: str) -> int:
    resident = pool.residency.resident[name]
    return len(resident.prefix) + len(resident.tokenizer(prompt, add_special_tokens=False).input_ids)


async def test_max_new_tokens_beyond_the_context_is_clamped_row_by_row(make_pool):
    generation = GenerationSettings(max_new_tokens=16, max_new_tokens_limit=400, max_prompt_chars=1800)
    pool = await make_pool(batch_window_ms=0, generation=generation)
    await pool.generate("alpha", max_new_tokens=1)
    context = pool.residency.resident["alpha"].context
    assert context < 300 and prompt_tokens(pool, "alpha", LONG_PROMPT) > context
    before = sample(pool, "pool_generated_tokens_total")
    pool.batches.clear()
    with pool.paused():  # all three in one batch: a short prompt, a too-long one, and a plain request
        beyond = asyncio.create_task(pool.generate("alpha", "My dream is", max_new_tokens=300,
                                                   min_new_tokens=300))
        long = asyncio.create_task(pool.generate("alpha", LONG_PROMPT, max_new_tokens=300,
                                                 min_new_tokens=300))
        mates = asyncio.create_task(pool.generate("alpha", "me too", count=2, max_new_tokens=16,
                                                  min_new_tokens=16))
        await until(lambda: sample(pool, "pool_queue_depth") == 3, "all queued")
    (short_text,), (long_text,), mate_texts = await asyncio.gather(beyond, long, mates)
    assert list(pool.batches) == [("alpha", 4, 1)]
    assert short_text.startswith("My dream is") and long_text.startswith(LONG_PROMPT[:100])
    assert len(mate_texts) == 2 and all(t.startswith("me too") for t in mate_texts)
    # Each row generated exactly what it was allowed: the short prompt the rest of the context, the long
    # one (cut to its tail) half the context, the batch-mates their own 16 each.
    expected = (context - prompt_tokens(pool, "alpha", "My dream is")) + context // 2 + 2 * 16
    assert sample(pool, "pool_generated_tokens_total") - before == expected


async def test_rows_get_top_k_and_min_length_from_the_request_path(make_pool, monkeypatch):
    import training.sampling

    seen = []
    real = training.sampling.decode

    def spy(model, rows, *args):
        seen.append(rows)
        return real(model, rows, *args)

    monkeypatch.setattr(training.sampling, "decode", spy)
    # The static path shows its rows whole; the continuous runner builds its rows with the same
    # `runner.prompt_rows` (test_pool_runner tests its steps).
    pool = await make_pool(generation=GenerationSettings(max_new_tokens=16, min_length=10, top_k=50),
                           continuous=False)
    await pool.generate("alpha", "")  # only the end-of-text prefix: 9 tokens to go
    await pool.generate("alpha", "", top_k=0, max_new_tokens=4)  # the minimum cannot pass max_new
    await pool.generate("alpha", "", min_new_tokens=12)  # the benchmark's minimum, larger here
    long = "bread and butter " * 6
    assert prompt_tokens(pool, "alpha", long) > 10
    await pool.generate("alpha", long)  # the prompt alone is long enough
    assert [(r.top_k, r.max_new, r.min_new) for r in seen] == [
        ([50], [16], [9]), ([0], [4], [4]), ([50], [16], [12]), ([50], [16], [0])]


class PickyTokenizer:
    """The persona's tokenizer, except that it fails on prompts containing "POISON" (no Rust backend of
    its own, so the pool tokenizes through its call)."""

    backend_tokenizer = None

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer

    def __call__(self, text, **kwargs):
        if "POISON" in text:
            raise ValueError("this prompt cannot be tokenized")
        return self.tokenizer(text, **kwargs)

    def __getattr__(self, name):
        return getattr(self.tokenizer, name)


async def queue_then_run(pool: GenerationPool, calls: list[tuple[str, str, int]]) -> list:
    """Queue (persona, prompt, count) requests while the worker is held, one after the other (each
    reaches the queue before the next is sent: their order is the calls'), then let it run them;
    results or exceptions, in order."""
    with pool.paused():
        tasks = []
        for i, (name, prompt, count) in enumerate(calls, start=1):
            tasks.append(asyncio.create_task(pool.generate(name, prompt, count=count, timeout=600)))
            await until(lambda i=i: sample(pool, "pool_queue_depth") == i, f"request {i} queued")
    return await asyncio.wait_for(asyncio.gather(*tasks, return_exceptions=True), 120)


async def test_a_request_failing_in_its_batch_does_not_fail_its_batch_mates(make_pool):
    pool = await make_pool(batch_window_ms=0)
    await pool.generate("alpha", max_new_tokens=1)
    resident = pool.residency.resident["alpha"]
    resident.tokenizer = PickyTokenizer(resident.tokenizer)
    pool.batches.clear()
    first, bad, second = await queue_then_run(pool, [("alpha", "first", 1), ("alpha", "POISON pill", 1),
                                                     ("alpha", "second", 2)])
    assert len(first) == 1 and first[0].startswith("first")
    assert len(second) == 2 and all(t.startswith("second") for t in second)
    assert isinstance(bad, GenerationFailed) and "'alpha'" in str(bad)
    assert list(pool.batches) == [("alpha", 1, 1), ("alpha", 2, 1)]  # the batch failed; then each alone
    assert sample(pool, "pool_errors_total", {"kind": "generation_failed"}) == 1
    assert pool.ready and pool.broken is None
    assert len(await pool.generate("alpha", "still serving")) == 1


async def test_one_request_failing_to_format_fails_alone(make_pool, monkeypatch):
    import bot.pool.pool

    real = bot.pool.pool.tweet_text

    def picky_format(prompt, text):
        if "POISON" in prompt:
            raise UnicodeError("cannot format this one")
        return real(prompt, text)

    monkeypatch.setattr(bot.pool.pool, "tweet_text", picky_format)
    pool = await make_pool(batch_window_ms=0)
    await pool.generate("alpha", max_new_tokens=1)
    pool.batches.clear()
    first, bad, second = await queue_then_run(pool, [("alpha", "first", 1), ("alpha", "POISON", 2),
                                                     ("alpha", "second", 1)])
    assert first[0].startswith("first") and second[0].startswith("second")
    assert isinstance(bad, GenerationFailed)
    assert list(pool.batches) == [("alpha", 4, 1)]  # one decode: nothing had to run again
    assert pool.ready


def fail_decodes(monkeypatch, continuous: bool, fail) -> None:
    """Make every decode raise through `fail`: a step of the continuous runner, or a static batch's
    `training.sampling.decode`."""
    import training.sampling
    from bot.pool.runner import Running

    if continuous:
        monkeypatch.setattr(Running, "step", lambda self: fail(self))
    else:
        monkeypatch.setattr(training.sampling, "decode", fail)


@pytest.mark.parametrize("continuous", [True, False], ids=["continuous", "static"])
async def test_a_failing_batch_without_a_cuda_error_keeps_the_pool_up(make_pool, monkeypatch, continuous):
    def boom(*args):
        raise RuntimeError("boom")

    pool = await make_pool(batch_window_ms=0, continuous=continuous)
    with monkeypatch.context() as patch:
        fail_decodes(patch, continuous, boom)
        results = await queue_then_run(pool, [("alpha", "a", 1), ("alpha", "b", 1)])
    assert all(isinstance(r, GenerationFailed) for r in results)  # each failed alone too
    assert pool.ready and pool.broken is None
    assert len(await pool.generate("alpha", "recovered")) == 1


async def test_a_model_that_cannot_be_made_resident_fails_its_requests_not_the_pool(make_pool, monkeypatch):
    pool = await make_pool(batch_window_ms=0)

    def out_of_memory(*args):
        raise torch.OutOfMemoryError("CUDA out of memory. Tried to allocate 20.00 MiB")

    with monkeypatch.context() as patch:
        patch.setattr(pool.residency, "make_resident", out_of_memory)
        (result,) = await queue_then_run(pool, [("alpha", "a", 1)])
    assert isinstance(result, GenerationFailed) and pool.ready  # at once, not after its timeout
    assert len(await pool.generate("alpha", "recovered")) == 1


async def test_a_cuda_error_while_requests_run_again_alone_answers_them_all(make_pool, monkeypatch):
    from bot.pool.runner import Running

    pool = await make_pool(batch_window_ms=0, request_timeout_s=600)
    await pool.generate("alpha", max_new_tokens=1)
    real, calls = Running.step, []

    def step(self):
        calls.append(self)
        if len(calls) == 1:
            raise RuntimeError("boom")  # the shared decode fails: each request runs again alone
        if len(calls) == 2:
            raise RuntimeError("CUDA error: an illegal memory access was encountered")
        return real(self)

    monkeypatch.setattr(Running, "step", step)
    results = await queue_then_run(pool, [("alpha", "a", 1), ("alpha", "b", 1), ("alpha", "c", 1)])
    assert [type(r) for r in results] == [PoolBroken] * 3 and not pool.ready


async def test_after_a_failed_step_its_model_may_be_evicted_again(make_pool, monkeypatch):
    from bot.pool.runner import Running

    pool = await make_pool(batch_window_ms=0)
    real, calls = Running.step, []

    def step(self):
        calls.append(self)
        if len(calls) == 1:
            raise RuntimeError("boom")
        return real(self)

    monkeypatch.setattr(Running, "step", step)
    results = await queue_then_run(pool, [("alpha", "a", 1), ("alpha", "b", 1)])
    assert all(isinstance(r, Samples) for r in results)
    assert pool.residency.busy == set() and pool.engine.decodes == {}


@pytest.mark.parametrize("how", ["retrain", "remove"])
async def test_a_retrain_or_removal_mid_decode_lets_the_decode_finish(make_pool, shared_models, tmp_path,
                                                                       monkeypatch, how):
    from bot.pool.runner import Running

    models = tmp_path / "models"
    shutil.copytree(shared_models / "alpha", models / "alpha")
    pool = await make_pool(models, batch_window_ms=0)
    real = Running.step

    def slow(self):  # a decode long enough for the change to land in the middle of it
        time.sleep(0.02)
        return real(self)

    monkeypatch.setattr(Running, "step", slow)
    task = asyncio.create_task(pool.generate("alpha", "long", max_new_tokens=40, min_new_tokens=40))
    await until(lambda: "alpha" in pool.engine.serving, "alpha decoding")
    if how == "retrain":
        make_checkpoint(models, "alpha", seed=7)
    else:
        shutil.rmtree(models / "alpha")
    await pool.refresh()
    assert (await task)[0].startswith("long")  # its rows finish on the weights they began with
    assert pool.ready and pool.broken is None
    if how == "retrain":
        await until(lambda: not pool.engine.decodes, "the old decode drained")
        assert len(await pool.generate("alpha", "new weights", max_new_tokens=2)) == 1
        assert pool.residency.resident["alpha"].version == pool.registry.get("alpha").version


class WorkerKiller(BaseException):
    """Not an Exception: like SystemExit, it passes every `except Exception`."""


@pytest.mark.parametrize("error", [WorkerKiller, RuntimeError])
async def test_a_dead_worker_breaks_the_pool_and_requests_fail_fast(make_pool, monkeypatch, caplog, error):
    pool = await make_pool(batch_window_ms=0, request_timeout_s=600)
    await pool.generate("alpha", max_new_tokens=1)
    await pool.generate("beta", max_new_tokens=1)

    def fall_over(*args):  # the scheduler, outside any batch's try
        raise error("the scheduler fell over")

    monkeypatch.setattr(pool.scheduler, "take", fall_over)
    with caplog.at_level(logging.ERROR, logger="bot.pool"):
        results = await queue_then_run(pool, [("alpha", "queued", 1), ("beta", "queued too", 1)])
        assert [type(r) for r in results] == [PoolBroken, PoolBroken]
        assert not pool.ready
        assert "worker thread died" in pool.broken and "fell over" in pool.broken
        with pytest.raises(PoolBroken, match="needs a restart"):
            await asyncio.wait_for(pool.generate("alpha", "later"), 60)
    await until(lambda: not pool.worker.is_alive(), "the worker ended")
    assert sample(pool, "pool_errors_total", {"kind": "unavailable"}) == 3
    assert sample(pool, "pool_queue_depth") == 0
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1


@pytest.mark.parametrize("error", [
    RuntimeError("CUDA error: device-side assert triggered"),
    torch.AcceleratorError("CUDA error: an illegal memory access was encountered"),
], ids=["runtime-error", "accelerator-error"])
@pytest.mark.parametrize("continuous", [True, False], ids=["continuous", "static"])
async def test_a_cuda_error_breaks_the_pool_without_retrying(make_pool, monkeypatch, caplog, error,
                                                             continuous):
    calls = []

    def cuda_fails(*args):
        calls.append(args)
        raise error

    pool = await make_pool(batch_window_ms=0, request_timeout_s=600, continuous=continuous)
    await pool.generate("alpha", max_new_tokens=1)
    await pool.generate("beta", max_new_tokens=1)
    fail_decodes(monkeypatch, continuous, cuda_fails)
    with caplog.at_level(logging.ERROR, logger="bot.pool"):
        # alpha's two requests share the failing batch; beta's is still queued behind it.
        results = await queue_then_run(pool, [("alpha", "one", 1), ("alpha", "two", 2), ("beta", "three", 1)])
        assert [type(r) for r in results] == [PoolBroken, PoolBroken, PoolBroken]
        assert len(calls) == 1  # no request ran again on the poisoned device
        assert not pool.ready and "CUDA error" in pool.broken
        with pytest.raises(PoolBroken):
            await asyncio.wait_for(pool.generate("beta", "later"), 60)
    assert len([r for r in caplog.records if r.levelno >= logging.ERROR]) == 1


async def test_close_does_not_wait_for_a_load_in_flight(make_pool, monkeypatch):
    import bot.pool.weights

    started, release = threading.Event(), threading.Event()
    real = bot.pool.weights.load_persona

    def stuck_load(entry, dtype):
        started.set()
        release.wait(120)
        return real(entry, dtype)

    monkeypatch.setattr(bot.pool.weights, "load_persona", stuck_load)
    pool = await make_pool()
    try:
        pending = asyncio.create_task(pool.generate("gamma", timeout=600))
        assert await asyncio.to_thread(started.wait, 60)
        await asyncio.wait_for(pool.close(), 60)
        assert not release.is_set()  # closed while the load was still blocked
        with pytest.raises(PoolClosed):
            await pending
        assert pool.loader.thread.daemon  # interpreter exit does not join it either (see the next test)
    finally:
        release.set()


STUCK_LOAD_SCRIPT = """
import asyncio, sys, threading
from pathlib import Path
import bot.pool.weights
from bot.config import GenerationSettings, PoolSettings
from bot.errors import PoolClosed
from bot.personas import PersonaRegistry

started = threading.Event()

def stuck_load(entry, dtype):
    started.set()
    threading.Event().wait()  # a load that never finishes

bot.pool.weights.load_persona = stuck_load

async def main():
    pool = bot.pool.GenerationPool(PersonaRegistry(Path(sys.argv[1])), PoolSettings(rescan_interval_s=3600),
                                   GenerationSettings())
    await pool.start()
    pending = asyncio.create_task(pool.generate("alpha", timeout=600))
    await asyncio.to_thread(started.wait)
    await pool.close()
    try:
        await pending
    except PoolClosed:
        print("closed", flush=True)

asyncio.run(main())
"""


def test_a_stuck_load_does_not_hold_up_interpreter_exit(shared_models):
    # The child closes its pool while a load is stuck and then exits; it used to hang at exit, joining
    # the loader thread. The timeout only guards against that hang.
    proc = subprocess.run([sys.executable, "-c", STUCK_LOAD_SCRIPT, str(shared_models)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.split() == ["closed"]


# ---- the copy guard: a real tiny persona, its seeded draws made "training tweets" one by one ----------

GUARD_ON = GenerationSettings(max_new_tokens=40, min_length=0)  # max_copied_words: 8, the default
SEEDED = {"seed": 11, "max_new_tokens": 40, "min_new_tokens": 40}  # long samples: many 8-grams


def generated(text: str, prompt: str = "") -> str:
    """The words the model wrote, from a tweet the pool returned."""
    return text[len(prompt):]


@pytest.fixture
def guarded(tmp_path):
    models = tmp_path / "models"
    make_checkpoint(models, "echo", seed=3)
    return models


async def draw(start_pool, models, copies, count=1, generation=GUARD_ON, prompt="", persona="echo"):
    """One seeded request on a fresh pool, the persona's guard holding `copies` (None: no guard file,
    as a persona trained before the guard). Returns the pool (closed) and the Samples or the error."""
    folder = models / persona
    (folder / COPYGUARD_FILE).unlink(missing_ok=True)
    if copies is not None:
        write_ngram_hashes(folder, copies)
    pool = await start_pool(models, generation, batch_window_ms=0)
    try:
        result = await pool.generate(persona, prompt, count=count, **SEEDED)
    except BotError as exc:
        result = exc
    await pool.close()
    return pool, result


async def test_the_copy_guard_draws_a_copy_again_reproducibly(start_pool, guarded, caplog):
    with caplog.at_level(logging.INFO, logger="bot.pool"):
        _, first = await draw(start_pool, guarded, None)
    assert "persona echo has no copy guard (trained before it existed)" in caplog.text
    assert isinstance(first, Samples) and (first.copy_rejections, first.dropped) == (0, 0)
    copy = generated(first[0])
    assert len(words(copy)) >= 8  # long enough to hold an 8-gram: the check below means something
    pool, again = await draw(start_pool, guarded, [copy])
    assert (again.copy_rejections, again.dropped, len(again)) == (1, 0, 1)
    assert again[0] != first[0]
    assert sample(pool, "pool_copy_rejections_total") == 1 and sample(pool, "pool_copy_drops_total") == 0
    assert sample(pool, "pool_errors_total", {"kind": "copied"}) == 0
    _, same = await draw(start_pool, guarded, [copy])
    assert list(same) == list(again) and same.copy_rejections == 1  # the redraw follows from the seed


async def test_a_sample_copied_on_every_draw_is_dropped_with_a_clear_error(start_pool, guarded, caplog):
    copies: list[str] = []
    for k in range(COPY_TRIES):  # each run's sample is the next draw; make it a copy too
        _, got = await draw(start_pool, guarded, copies or None)
        assert isinstance(got, Samples) and got.copy_rejections == k
        copies.append(generated(got[0]))
    with caplog.at_level(logging.INFO, logger="bot.pool"):
        pool, gone = await draw(start_pool, guarded, copies)
    assert isinstance(gone, CopyRejected)
    assert str(gone) == ("Every sample for 'echo' repeated 8+ words of one of its training tweets, so none "
                         "is shown; try another prompt.")
    assert sample(pool, "pool_copy_rejections_total") == COPY_TRIES
    assert sample(pool, "pool_copy_drops_total") == 1
    assert sample(pool, "pool_errors_total", {"kind": "copied"}) == 1
    assert "copy guard: dropped 1 of 1 sample(s) for echo" in caplog.text


async def test_a_dropped_sample_leaves_the_rest_of_the_request(start_pool, guarded, monkeypatch):
    pool, guard = await rejecting_pool(start_pool, guarded, monkeypatch)
    guard.spare = {2}  # both rows are checked at the same step: the second row's one draw is kept
    guard.reject = 10 * COPY_TRIES
    rest = await pool.generate("echo", count=2, max_new_tokens=8, min_new_tokens=8)
    assert isinstance(rest, Samples) and len(rest) == 1
    assert (rest.copy_rejections, rest.dropped) == (COPY_TRIES, 1) and guard.checked == COPY_TRIES + 1
    assert sample(pool, "pool_copy_drops_total") == 1
    assert sample(pool, "pool_errors_total", {"kind": "copied"}) == 0


async def test_the_prompts_own_words_never_make_a_copy(start_pool, guarded):
    _, first = await draw(start_pool, guarded, None)
    tweet = generated(first[0])
    prompt = " ".join(words(tweet)[:8])  # the user quotes 8 words of a training tweet
    _, got = await draw(start_pool, guarded, [tweet], prompt=prompt)
    assert isinstance(got, Samples) and got.copy_rejections == 0 and got[0].startswith(prompt)
    guard = read_ngram_hashes(guarded / "echo")
    assert guard is not None and guard.copies("", generated(got[0]), 8)  # the text does hold those 8


@pytest.mark.parametrize("limit", [0, 5])
async def test_max_copied_words_zero_or_below_the_stored_n_turns_the_guard_off(start_pool, guarded, caplog,
                                                                                 limit):
    _, first = await draw(start_pool, guarded, None)
    off = GenerationSettings(max_new_tokens=40, min_length=0, max_copied_words=limit)
    with caplog.at_level(logging.INFO, logger="bot.pool"):
        pool, same = await draw(start_pool, guarded, [generated(first[0])], generation=off)
    assert list(same) == list(first) and same.copy_rejections == 0  # the copy went through
    assert sample(pool, "pool_copy_rejections_total") == 0
    said = "max_copied_words = 5 is below the 8 words its training recorded"
    assert (said in caplog.text) == (limit == 5)


async def test_a_longer_setting_lets_a_shorter_copy_through(start_pool, guarded):
    _, first = await draw(start_pool, guarded, None)
    eight = " ".join(words(generated(first[0]))[:8])  # only 8 of its words were "trained on"
    longer = GenerationSettings(max_new_tokens=40, min_length=0, max_copied_words=9)
    _, through = await draw(start_pool, guarded, [eight], generation=longer)
    assert list(through) == list(first) and through.copy_rejections == 0
    _, caught = await draw(start_pool, guarded, [eight])  # 8: the same copy is drawn again
    assert caught.copy_rejections == 1


class RejectsNext:
    """A copy guard that rejects the next `reject` samples it checks, then none: the scheduling of an
    unseeded redraw, which no seed can steer, made observable."""

    n = 8

    def __init__(self) -> None:
        self.reject = 0
        self.checked = 0
        self.spare: set[int] = set()  # the checks (1 first) that are never copies
        self.on_check = lambda: None  # runs on the worker thread, before the answer

    def copies(self, prompt: str, continuation: str, max_words: int) -> bool:
        self.checked += 1
        self.on_check()
        if self.checked in self.spare:
            return False
        self.reject -= 1
        return self.reject >= 0


async def rejecting_pool(start_pool, models, monkeypatch, **settings):
    """A started pool whose persona's copy guard is a RejectsNext (returned too), warmed up."""
    guard = RejectsNext()
    monkeypatch.setattr("bot.pool.loader.read_ngram_hashes", lambda path: guard)
    pool = await start_pool(models, GUARD_ON, batch_window_ms=0, **settings)
    await pool.generate("echo", "warm up", max_new_tokens=1)
    pool.batches.clear()
    pool.step_rows.clear()
    guard.checked = 0
    return pool, guard


async def test_an_unseeded_redraw_joins_the_running_decode(start_pool, guarded, monkeypatch):
    pool, guard = await rejecting_pool(start_pool, guarded, monkeypatch, max_batch=2)
    guard.reject = 1  # the first sample checked is a copy
    pool.step_rows.clear()
    with pool.paused():
        first = asyncio.create_task(pool.generate("echo", count=2, max_new_tokens=8, min_new_tokens=8))
        await until(lambda: sample(pool, "pool_queue_depth") == 1, "first queued")
        later = asyncio.create_task(pool.generate("echo", max_new_tokens=8, min_new_tokens=8))
        await until(lambda: sample(pool, "pool_queue_depth") == 2, "both queued")
    got, other = await asyncio.gather(first, later)
    # Steps 1-8: the first request's 2 rows (the later one waits: max_batch 2); then its redraw and the
    # later request side by side, for 8 more steps: the redraw never ran alone, nor waited in a queue.
    assert [rows for _, rows, _ in pool.batches] == [2, 1] and list(pool.step_rows) == [2] * 16
    assert (len(got), got.copy_rejections, got.dropped) == (2, 1, 0)
    assert (len(other), other.copy_rejections) == (1, 0)
    assert sample(pool, "pool_copy_rejections_total") == 1 and sample(pool, "pool_queue_depth") == 0


@pytest.mark.parametrize("continuous", [True, False], ids=["continuous", "static"])
async def test_unseeded_redraws_end_after_the_last_draw(start_pool, guarded, monkeypatch, continuous):
    pool, guard = await rejecting_pool(start_pool, guarded, monkeypatch, continuous=continuous)
    guard.reject = 2 * COPY_TRIES - 1  # every draw of both rows but the last draw's second
    got = await pool.generate("echo", count=2, max_new_tokens=8, min_new_tokens=8)
    assert (len(got), got.copy_rejections, got.dropped) == (1, 2 * COPY_TRIES - 1, 1)
    if continuous:  # both rows drawn again in the same decode, four times
        assert [rows for _, rows, _ in pool.batches] == [2] and list(pool.step_rows) == [2] * 8 * COPY_TRIES
    else:  # each redraw queued again, riding in the next batch: a batch is one step of its rows
        assert [rows for _, rows, _ in pool.batches] == [2] * COPY_TRIES
        assert list(pool.step_rows) == [2] * COPY_TRIES
    guard.reject = 10 * COPY_TRIES
    with pytest.raises(CopyRejected):
        await pool.generate("echo", max_new_tokens=8)
    assert sample(pool, "pool_copy_drops_total") == 2 and sample(pool, "pool_queue_depth") == 0


async def test_a_redraw_owed_to_a_caller_who_left_is_not_made(start_pool, guarded, monkeypatch):
    pool, guard = await rejecting_pool(start_pool, guarded, monkeypatch)
    loop = asyncio.get_running_loop()
    gone = asyncio.create_task(pool.generate("echo", max_new_tokens=8))

    async def leave() -> None:  # the caller goes away while its sample is being checked
        gone.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await gone

    guard.reject = 1
    guard.on_check = lambda: asyncio.run_coroutine_threadsafe(leave(), loop).result(timeout=60)
    with pytest.raises(asyncio.CancelledError):
        await gone
    guard.on_check = lambda: None
    await pool.generate("echo", "after", max_new_tokens=1)
    # Its one draw, then the next request's: no redraw was queued for nobody.
    assert guard.checked == 2 and [rows for _, rows, _ in pool.batches] == [1, 1]
    assert sample(pool, "pool_queue_depth") == 0


async def test_a_damaged_guard_file_fails_the_persona_not_the_pool(start_pool, guarded, caplog):
    (guarded / "echo" / COPYGUARD_FILE).write_bytes(b"PBCG not really")
    pool = await start_pool(guarded, GUARD_ON, batch_window_ms=0)
    with (caplog.at_level(logging.ERROR, logger="bot.pool"),
          pytest.raises(LoadFailed, match=r"^Could not load persona 'echo'; see the bot's log\.$")):
        await pool.generate("echo", "Hello")
    assert "copyguard.hashes is damaged" in caplog.text
    assert pool.ready


async def test_the_copy_guard_on_adapter_personas(start_pool, tmp_path):
    models = tmp_path / "models"
    make_base(models)
    make_lora_checkpoint(models, "echo", seed=5)
    _, first = await draw(start_pool, models, None)
    pool, again = await draw(start_pool, models, [generated(first[0])])
    assert again.copy_rejections == 1 and again[0] != first[0]
    assert sample(pool, "pool_copy_rejections_total") == 1
