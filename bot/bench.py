"""`python -m bot bench`: the naive pipeline against the pool, same workload, one process, one run.

(a) naive: `transformers.pipeline('text-generation')` per persona, called once per request, in turn;
(b) the pool with N concurrent callers, while a ticker task measures how long the asyncio loop stalls.
Both generate exactly `--max-new-tokens` tokens per request (end-of-text suppressed until then, stops
ignored), or what the persona's context leaves after the prompt when that is less, and both count only
the new tokens they actually generated (never the prompt or its end-of-text prefix), so tokens per
second compare fairly. Latencies mean different things on the two sides: naive, one request alone (the
requests run one after another); pool, one request among `--concurrency` callers, its wait in the queue
and its batch-mates' decode included.
Loading weights happens before the clock starts in both modes. `--budget-mb` shrinks the pool's memory
budget for the run so that K personas do not all fit: the timed run then pays for switching (loads and
evictions, reported); the naive pipelines keep every persona in memory regardless.
With `--personas K` above 1 the pool also runs the same workload on the first persona alone, in the
same process: `mixed_ratio` is the mixed throughput over that single-persona throughput. LoRA
personas (adapters on one shared base, mixed row by row) report their cold adapter load times and the
bytes of the base with its adapter slots against the base alone. `--make-gpt2-base` and
`--make-lora-personas` write a GPT-2-small-shaped base and K random adapters on it, for GPU runs.

`--workload natural` lets tweets end on their own (at most `--max-new-tokens`), `--workload both` runs
the fixed workload and then the natural one and reports `natural_over_fixed` (tokens/s); `--arrival-rate
R` replaces the closed loop by seeded Poisson arrivals and first times requests sent one at a time
(`alone_p50_ms`): see `bot.bench_workloads`. The naive pipeline runs the fixed workload only.
`--peer ctranslate2` runs the fixed workload on CTranslate2 too (`bot.bench_peer`), after the pool.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import statistics
import sys
import time
from collections.abc import Iterator

from bot.bench_naive import run_naive
from bot.bench_peer import check_peer, run_ctranslate2
from bot.bench_personas import make_gpt2_base, make_gpt2_persona, write_lora_personas
from bot.bench_workloads import (
    PROMPTS,
    TEMPERATURE,
    TOP_K,
    TOP_P,
    WORKLOADS,
    Workload,
    closed_loop,
    open_loop,
)
from bot.config import Config
from bot.errors import BotError, CopyRejected
from bot.personas import PersonaRegistry
from bot.pool import GenerationPool, default_threads, resolve_device
from bot.pool.weights import dtype_label

ALONE_REQUESTS = 32  # with --arrival-rate: requests sent one at a time first, the latency alone


@contextlib.contextmanager
def stdout_to_stderr(active: bool) -> Iterator[None]:
    """Send file descriptor 1 (ours and child processes') to stderr while active."""
    if not active:
        yield
        return
    sys.stdout.flush()
    saved = os.dup(1)
    os.dup2(2, 1)
    try:
        with contextlib.redirect_stdout(sys.stderr):
            yield
    finally:
        sys.stdout.flush()
        os.dup2(saved, 1)
        os.close(saved)


def pick_personas(registry: PersonaRegistry, first: str | None, k: int) -> list[str]:
    names = registry.names()
    if first is not None:
        if registry.get(first) is None:
            raise ValueError(f"no persona named '{first}' in {registry.models_dir}")
        names = [first] + [n for n in names if n != first]
    if k < 1 or len(names) < k:
        raise ValueError(f"--personas {k} needs {k} personas in {registry.models_dir}, it holds {len(names)}")
    return names[:k]


async def run_pool(cfg: Config, personas: list[str], requests: int, concurrency: int,
                   workload: Workload, budget_bytes: int | None = None,
                   arrival_rate: float | None = None, alone: int = 0) -> dict:
    """The pool under `workload`: `concurrency` closed-loop callers, or with `arrival_rate` an open loop
    of Poisson arrivals; with `alone` > 0, first that many requests one at a time (the latency of a
    request with nothing else running, what the open loop's latency is compared with)."""
    registry = PersonaRegistry(cfg.paths.models_dir)
    update: dict = {"max_queue": max(cfg.pool.max_queue, concurrency, requests if arrival_rate else 0)}
    if budget_bytes is not None:  # personas that do not all fit: the timed run switches and loads
        update["memory_budget_bytes"] = budget_bytes
    settings = cfg.pool.model_copy(update=update)
    new_tokens = workload.new_tokens
    generation = cfg.generation.model_copy(
        update={"max_new_tokens_limit": max(cfg.generation.max_new_tokens_limit, new_tokens),
                "max_new_tokens": new_tokens})
    pool = GenerationPool(registry, settings, generation)
    await pool.start()
    try:
        for name in personas:  # load every persona before the clock starts, as the naive pipelines are
            await pool.generate(name, "warm up", max_new_tokens=1)
        adapter_loads = list(pool.residency.adapter_load_ms)  # cold: each adapter read from disk into a slot
        bases = [m for k, m in pool.residency.resident.items() if m.lora is not None]

        def counter(name: str) -> int:
            return int(pool.metrics.registry.get_sample_value(name) or 0)

        delivered = {"samples": 0}

        async def send(i: int) -> None:
            try:
                samples = await pool.generate(personas[i % len(personas)], PROMPTS[i % len(PROMPTS)],
                                              max_new_tokens=new_tokens,
                                              min_new_tokens=workload.min_new_tokens(),
                                              top_p=TOP_P, top_k=TOP_K, temperature=TEMPERATURE)
                delivered["samples"] += len(samples)
            except CopyRejected:  # the copy guard dropped every draw: an answer too, with no tweet
                pass

        alone_latencies = await closed_loop(send, alone, 1) if alone else []
        tokens_before, loads_before = counter("pool_generated_tokens_total"), counter("pool_loads_total")
        evictions_before = counter("pool_evictions_total")
        rejections_before = counter("pool_copy_rejections_total")
        prompts_before = [counter(f"pool_prompts_{n}_total") for n in ("prefilled", "shared")]
        delivered["samples"] = 0
        pool.step_rows.clear()
        lag = {"max": 0.0}
        stop = asyncio.Event()

        async def ticker() -> None:
            # The loop's longest stall: how late a 5 ms sleep wakes up.
            while not stop.is_set():
                t0 = time.perf_counter()
                await asyncio.sleep(0.005)
                lag["max"] = max(lag["max"], time.perf_counter() - t0 - 0.005)

        tick = asyncio.create_task(ticker())
        start = time.perf_counter()
        if arrival_rate is None:
            latencies = await closed_loop(send, requests, concurrency)
        else:
            latencies = await open_loop(send, requests, arrival_rate)
        seconds = time.perf_counter() - start
        stop.set()
        await tick
        sizes = list(pool.step_rows)  # rows in each decode step (a static batch: one step)
        tokens = counter("pool_generated_tokens_total") - tokens_before
        return {
            "seconds": seconds,
            "tokens": tokens,
            # The copy guard's redraws are generated but never shown: what callers got is counted apart
            # (known exactly only when every tweet has the same length).
            "delivered_tokens": delivered["samples"] * new_tokens if workload.name == "fixed" else None,
            "mean_new_tokens": tokens / max(1, requests),
            "copy_rejections": counter("pool_copy_rejections_total") - rejections_before,
            # Rows whose prompt was prefilled, and rows whose prompt was not (kept, or a twin's).
            "prompts_prefilled": counter("pool_prompts_prefilled_total") - prompts_before[0],
            "prompts_shared": counter("pool_prompts_shared_total") - prompts_before[1],
            "latencies": latencies,
            "alone_latencies": alone_latencies,
            "loop_lag_max_ms": lag["max"] * 1000,
            "batches": len(sizes),
            "mean_batch": statistics.fmean(sizes) if sizes else 0.0,
            "loads": counter("pool_loads_total") - loads_before,
            "evictions": counter("pool_evictions_total") - evictions_before,
            "torch_threads": pool.threads,
            "budget_mb": pool.residency.budget / 1e6,
            "adapter_loads_ms": adapter_loads,
            # A shared base with its adapter slots, over the base's weights alone.
            "memory_vs_base": bases[0].nbytes / bases[0].weight_bytes if bases else None,
            "adapter_slots": bases[0].lora.capacity if bases else None,
        }
    finally:
        await pool.close()


def figures(prefix: str, run: dict) -> dict:
    """A run's throughput and latency, under `prefix` ("pool": the first workload, "natural"); the
    first workload's latencies keep their old names, `p50_ms` and `p95_ms`."""
    latency = "" if prefix == "pool" else f"{prefix}_"
    return {
        f"{prefix}_tokens_per_s": round(run["tokens"] / run["seconds"], 1),
        f"{prefix}_requests_per_s": round(len(run["latencies"]) / run["seconds"], 2),
        f"{prefix}_mean_new_tokens": round(run["mean_new_tokens"], 1),
        f"{prefix}_seconds": round(run["seconds"], 3),
        f"{prefix}_tokens": run["tokens"],
        f"{latency}p50_ms": round(percentile(run["latencies"], 0.5) * 1000, 1),
        f"{latency}p95_ms": round(percentile(run["latencies"], 0.95) * 1000, 1),
        # The share of rows that skipped their prefill: the bench's eight prompts repeat, so nearly all
        # (`[pool] prompt_cache_mb = 0` measures prompts that never repeat).
        f"{prefix}_prompts_shared": round(run["prompts_shared"]
                                          / max(1, run["prompts_shared"] + run["prompts_prefilled"]), 3),
    }


def pooled(runs: list[dict]) -> dict:
    """One leg's rounds as one run: tokens, seconds and counts summed, latencies pooled, the mean batch
    weighted by steps."""
    if len(runs) == 1:
        return runs[0]
    steps = sum(r["batches"] for r in runs)
    summed = {key: sum(r[key] for r in runs)
              for key in ("seconds", "tokens", "copy_rejections", "batches", "loads", "evictions",
                          "prompts_prefilled", "prompts_shared")}
    return {
        **runs[0], **summed,
        "delivered_tokens": (None if runs[0]["delivered_tokens"] is None
                             else sum(r["delivered_tokens"] for r in runs)),
        "mean_new_tokens": statistics.fmean(r["mean_new_tokens"] for r in runs),  # same requests each
        "latencies": [x for r in runs for x in r["latencies"]],
        "alone_latencies": [x for r in runs for x in r["alone_latencies"]],
        "loop_lag_max_ms": max(r["loop_lag_max_ms"] for r in runs),
        "mean_batch": sum(r["mean_batch"] * r["batches"] for r in runs) / steps if steps else 0.0,
        "adapter_loads_ms": [x for r in runs for x in r["adapter_loads_ms"]],
    }


def pooled_peer(runs: list[dict]) -> dict:
    """The peer's rounds, per compute type: tokens and seconds summed."""
    result = {}
    for compute_type in runs[0]:
        tokens = sum(r[compute_type]["tokens"] for r in runs)
        seconds = sum(r[compute_type]["seconds"] for r in runs)
        result[compute_type] = {"tokens": tokens, "seconds": seconds, "tokens_per_s": tokens / seconds}
    return result


def ratios(runs: list[dict], against: list[dict]) -> list[float]:
    """Tokens/s of each round of one leg over the same round of another: how much the figure moves."""
    return [round((r["tokens"] / r["seconds"]) / (a["tokens"] / a["seconds"]), 3)
            for r, a in zip(runs, against, strict=True)]


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(q * (len(ordered) - 1))))]


def run_bench(cfg: Config, args: argparse.Namespace) -> int:
    from bot.sample import ensure_sample_persona

    models_dir = cfg.paths.models_dir
    if args.requests < 1 or args.concurrency < 1 or args.max_new_tokens < 1 or args.rounds < 1:
        print("error: --requests, --concurrency, --max-new-tokens and --rounds must be at least 1",
              file=sys.stderr)
        return 2
    if args.peer is not None and args.workload == "natural":
        print("error: --peer runs the fixed workload: use --workload fixed or both", file=sys.stderr)
        return 2
    if args.arrival_rate is not None and not args.arrival_rate > 0:
        print(f"error: --arrival-rate must be above 0 (got {args.arrival_rate})", file=sys.stderr)
        return 2
    if args.budget_mb is not None and not args.budget_mb > 0:
        print(f"error: --budget-mb must be above 0 (got {args.budget_mb})", file=sys.stderr)
        return 2
    budget_bytes = None if args.budget_mb is None else max(1, int(args.budget_mb * 1e6))
    try:
        if args.make_gpt2_base:
            from training.bases import BASES_DIR

            if not (models_dir / BASES_DIR / args.make_gpt2_base).exists():
                make_gpt2_base(models_dir, args.make_gpt2_base)
        if args.make_lora_personas:
            if not args.base:
                raise ValueError("--make-lora-personas needs --base NAME (a shared base)")
            names = [f"lora{i:03d}" for i in range(args.make_lora_personas)]
            missing = {name: i for i, name in enumerate(names) if not (models_dir / name).exists()}
            if missing:
                write_lora_personas(models_dir, missing, args.base)
            args.persona = args.persona or names[0]
        if args.make_gpt2_persona:
            if not (models_dir / args.make_gpt2_persona).exists():
                make_gpt2_persona(models_dir, args.make_gpt2_persona)
            args.persona = args.persona or args.make_gpt2_persona  # written now or by an earlier run
        with stdout_to_stderr(args.json):  # keep stdout one JSON object
            ensure_sample_persona(models_dir, args.config)
        registry = PersonaRegistry(models_dir)
        registry.scan()
        personas = pick_personas(registry, args.persona, args.personas)
        if args.peer is not None:
            check_peer(registry.get(personas[0]))
    except (ValueError, RuntimeError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    device, dtype = resolve_device(cfg.pool)
    workloads = list(WORKLOADS) if args.workload == "both" else [args.workload]
    result: dict = {"personas": personas, "requests": args.requests, "rounds": args.rounds,
                    "concurrency": args.concurrency, "new_tokens": args.max_new_tokens, "device": device,
                    "dtype": dtype_label(cfg.pool, device, dtype), "workload": workloads[0],
                    "arrival_rate": args.arrival_rate}
    naive = None
    if not args.skip_naive and "fixed" in workloads:  # the pipeline forces every tweet to its length
        naive = run_naive(registry, personas, args.requests, args.max_new_tokens, device, dtype,
                          default_threads(cfg.pool))
    alone = ALONE_REQUESTS if args.arrival_rate is not None else 0
    legs = {w: (personas, w) for w in workloads}
    if len(personas) > 1:  # the same workload on one persona: what mixing costs
        legs["single"] = (personas[:1], workloads[0])
    rounds: dict[str, list[dict]] = {leg: [] for leg in legs}
    peer_rounds: list[dict] = []
    try:
        for _ in range(args.rounds):  # in turn: the machine's drift falls on every leg alike
            for leg, (names, workload) in legs.items():
                rounds[leg].append(asyncio.run(run_pool(
                    cfg, names, args.requests, args.concurrency, Workload(workload, args.max_new_tokens),
                    budget_bytes, args.arrival_rate, 0 if leg == "single" else alone)))
            if args.peer is not None:  # after the pool: the two never share the cores
                peer_rounds.append(run_ctranslate2(registry.get(personas[0]), args.requests,
                                                   args.concurrency, args.max_new_tokens,
                                                   rounds[workloads[0]][-1]["torch_threads"]))
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    runs = {leg: pooled(legs_runs) for leg, legs_runs in rounds.items()}
    pool, single = runs[workloads[0]], runs.get("single")
    peer = pooled_peer(peer_rounds) if peer_rounds else None
    pool_tps = pool["tokens"] / pool["seconds"]
    result.update(figures("pool", pool))
    result.update({
        "delivered_tokens_per_s": (None if pool["delivered_tokens"] is None
                                   else round(pool["delivered_tokens"] / pool["seconds"], 1)),
        "copy_rejections": pool["copy_rejections"],
        "alone_p50_ms": (round(percentile(pool["alone_latencies"], 0.5) * 1000, 1)
                         if pool["alone_latencies"] else None),
        # Natural tweets differ in length: the latency under load at a percentile is compared with the
        # latency alone at the same percentile (the same mix of short and long tweets).
        "alone_p95_ms": (round(percentile(pool["alone_latencies"], 0.95) * 1000, 1)
                         if pool["alone_latencies"] else None),
        "p95_over_alone_p95": (round(percentile(pool["latencies"], 0.95)
                                     / percentile(pool["alone_latencies"], 0.95), 2)
                               if pool["alone_latencies"] else None),
        "loop_lag_max_ms": round(pool["loop_lag_max_ms"], 2),
        "batches": pool["batches"],
        "mean_batch": round(pool["mean_batch"], 2),
        "loads": pool["loads"],
        "evictions": pool["evictions"],
        "budget_mb": round(pool["budget_mb"], 1),
        "torch_threads": pool["torch_threads"],
        "single_persona_tokens_per_s": None,
        "mixed_ratio": None,
        "adapter_load_ms_p50": (round(percentile(pool["adapter_loads_ms"], 0.5), 2)
                                if pool["adapter_loads_ms"] else None),
        "adapter_loads": len(pool["adapter_loads_ms"]),
        "memory_vs_base": None if pool["memory_vs_base"] is None else round(pool["memory_vs_base"], 3),
        "adapter_slots": pool["adapter_slots"],
        "naive_tokens_per_s": None,
        "naive_seconds": None,
        "naive_tokens": None,
        "naive_p50_ms": None,
        "naive_p95_ms": None,
        "naive_dtype": None,
        "speedup": None,
        "natural_over_fixed": None,
    })
    if peer is not None:
        for compute_type, run in peer.items():
            result[f"peer_{compute_type}_tokens_per_s"] = round(run["tokens_per_s"], 1)
            result[f"peer_{compute_type}_tokens"] = run["tokens"]
        result["pool_over_peer_float32"] = round(pool_tps / peer["float32"]["tokens_per_s"], 3)
    if "natural" in runs and "fixed" in runs:  # natural tweets against forced ones, same process
        natural = runs["natural"]
        result.update(figures("natural", natural))
        result["natural_over_fixed"] = round((natural["tokens"] / natural["seconds"]) / pool_tps, 3)
        if args.rounds > 1:
            result["natural_over_fixed_rounds"] = ratios(rounds["natural"], rounds["fixed"])
    if single is not None:
        single_tps = single["tokens"] / single["seconds"]
        result.update({"single_persona_tokens_per_s": round(single_tps, 1),
                       "mixed_ratio": round(pool_tps / single_tps, 3)})
        if args.rounds > 1:
            result["mixed_ratio_rounds"] = ratios(rounds[workloads[0]], rounds["single"])
    if naive is not None:
        naive_tps = naive["tokens"] / naive["seconds"]
        result.update({
            "naive_tokens_per_s": round(naive_tps, 1),
            "naive_seconds": round(naive["seconds"], 3),
            "naive_tokens": naive["tokens"],
            "naive_p50_ms": round(percentile(naive["latencies"], 0.5) * 1000, 1),
            "naive_p95_ms": round(percentile(naive["latencies"], 0.95) * 1000, 1),
            # transformers' pipeline runs the model as loaded: float32 where the pool's CPU forward
            # reads float16 copies
            "naive_dtype": str(dtype).removeprefix("torch."),
            "speedup": round(pool_tps / naive_tps, 2),
        })
    if args.json:
        print(json.dumps(result))
    else:
        print_table(result)
    return 0


def print_table(r: dict) -> None:
    def fmt(v) -> str:
        return "-" if v is None else str(v)

    def by_round(r: dict, key: str) -> str:
        rounds = r.get(f"{key}_rounds")
        return f" (round by round: {', '.join(map(str, rounds))})" if rounds else ""

    tokens = "new tokens" if r["workload"] == "fixed" else "new tokens at most (natural tweets)"
    each = f" in each of {r['rounds']} rounds, the legs in turn" if r["rounds"] > 1 else ""
    dtype = r["dtype"]
    if r.get("naive_dtype") not in (None, dtype):
        dtype = f"pool {dtype}; naive pipeline {r['naive_dtype']}"
    print(f"bench: {r['requests']} requests{each} x {r['new_tokens']} {tokens}, "
          f"personas {', '.join(r['personas'])}, "
          f"{r['device']} ({dtype}), {r['torch_threads']} torch thread(s)")
    print(f"{'':24}{'naive pipeline':>16}{'pool':>16}")
    print(f"{'new tokens generated':24}{fmt(r['naive_tokens']):>16}{r['pool_tokens']:>16}")
    print(f"{'seconds':24}{fmt(r['naive_seconds']):>16}{r['pool_seconds']:>16}")
    print(f"{'tokens/s':24}{fmt(r['naive_tokens_per_s']):>16}{r['pool_tokens_per_s']:>16}")
    print(f"{'latency p50 ms':24}{fmt(r['naive_p50_ms']):>16}{r['p50_ms']:>16}")
    print(f"{'latency p95 ms':24}{fmt(r['naive_p95_ms']):>16}{r['p95_ms']:>16}")
    # The two latencies answer different questions; say which, so nobody compares them as like for like.
    print("new tokens: generated tokens only, on both sides (prompt and end-of-text prefix not counted)")
    print("latency p50/p95: naive = one request alone, requests run one after another; "
          f"pool = one request among {r['concurrency']} concurrent callers, queueing and batching included")
    print(f"speedup {fmt(r['speedup'])}x at concurrency {r['concurrency']}; "
          f"mean batch {r['mean_batch']} rows "
          f"per decode step over {r['batches']} steps; loads {r['loads']}, evictions {r['evictions']} "
          f"(budget {r['budget_mb']} MB); "
          f"longest event-loop stall {r['loop_lag_max_ms']} ms")
    arrivals = (f"open loop, {r['arrival_rate']} requests/s arriving (Poisson); one request alone "
                f"p50 {r['alone_p50_ms']} ms, p95 {r['alone_p95_ms']} ms; p95 under load over p95 alone "
                f"{r['p95_over_alone_p95']}" if r["arrival_rate"] is not None else "closed loop")
    print(f"{r['workload']} workload, {arrivals}: {r['pool_requests_per_s']} requests/s, "
          f"{r['pool_mean_new_tokens']} new tokens a request; {r['pool_prompts_shared']} of rows took "
          "their prompt from the prompt cache or a twin (the bench's 8 prompts repeat; "
          "[pool] prompt_cache_mb = 0 for prompts that never do)")
    if r["natural_over_fixed"] is not None:
        print(f"natural workload: {r['natural_tokens_per_s']} tokens/s, {r['natural_requests_per_s']} "
              f"requests/s, {r['natural_mean_new_tokens']} new tokens a request, latency p50 "
              f"{r['natural_p50_ms']} ms, p95 {r['natural_p95_ms']} ms; natural_over_fixed "
              f"{r['natural_over_fixed']}{by_round(r, 'natural_over_fixed')}")
    if r.get("pool_over_peer_float32") is not None:
        print(f"CTranslate2, same persona, threads and batches: float32 {r['peer_float32_tokens_per_s']} "
              f"tokens/s, int8 {r['peer_int8_tokens_per_s']} tokens/s; the pool is "
              f"{r['pool_over_peer_float32']}x float32")
    if r["copy_rejections"]:
        print(f"copy guard: {r['copy_rejections']} draws rejected and drawn again; tokens/s that reached "
              f"callers {fmt(r['delivered_tokens_per_s'])}")
    if r["mixed_ratio"] is not None:
        print(f"one persona alone: {r['single_persona_tokens_per_s']} tokens/s; "
              f"mixed_ratio {r['mixed_ratio']}{by_round(r, 'mixed_ratio')}")
    if r["adapter_loads"]:
        print(f"LoRA: {r['adapter_loads']} cold adapter loads, p50 {r['adapter_load_ms_p50']} ms; "
              f"base with {r['adapter_slots']} adapter slots = {r['memory_vs_base']}x the base alone")
