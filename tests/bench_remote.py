"""The remote backend's cost and what replicas buy: `/imitate` through the console's command path, with the
embedded pool and with `python -m bot serve` (Ray Serve on this machine) behind it.

    .venv/bin/python tests/bench_remote.py [--personas 4] [--latency-requests 40] [--requests 64]
                                           [--concurrency 16] [--replicas 1 2] [--json]

Figures: (1) one `/imitate` at a time, seeded (so both backends generate exactly the same tokens),
alternating embedded and remote request by request with the first replica count: p50/p95 per backend
and the difference, the cost of the hop through Serve's proxy; (2) throughput at
`--concurrency` callers, unseeded (so the pool batches), embedded and with each replica count; (3) Ray's
start-up (launch of `python -m bot serve` to serving) and memory (RSS/PSS of all Ray processes).
Personas are untrained tiny models (they rarely stop early), `[generation] max_new_tokens` 32.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.net import free_port
from helpers.serve_process import ray_memory_mb, serving

from bot.bench import percentile
from bot.config import load_config
from bot.console import execute
from bot.replies import Reply
from bot.wiring import open_commands


def line_runner(commands, failures: list[str]):
    """An `/imitate` line run as the console runs it; returns the seconds it took."""
    async def one(line: str) -> float:
        replies: list[Reply] = []
        began = time.perf_counter()
        await execute(commands, line, replies.append)
        took = time.perf_counter() - began
        if not replies or replies[0].card is None:
            failures.append(replies[0].text if replies else "no reply")
        return took
    return one


def summary(ms: list[float]) -> dict:
    return {"p50_ms": round(statistics.median(ms), 1), "p95_ms": round(percentile(ms, 0.95), 1)}


async def throughput(config: Path, personas: list[str], requests: int, concurrency: int) -> float:
    """Requests per second at `concurrency` callers, unseeded (so the pool batches), all personas warm."""
    cfg = load_config(config)
    failures: list[str] = []
    async with open_commands(cfg, config) as commands:
        one = line_runner(commands, failures)
        for name in personas:  # warm: every persona loaded before the clock starts
            await one(f"/imitate {name} warm up")
        sem = asyncio.Semaphore(concurrency)

        async def limited(i: int) -> None:
            async with sem:
                await one(f"/imitate {personas[i % len(personas)]} Sourdough is")

        began = time.perf_counter()
        await asyncio.gather(*(limited(i) for i in range(requests)))
        wall = time.perf_counter() - began
    if failures:
        raise RuntimeError(f"{len(failures)} requests failed, e.g. {failures[0]}")
    return round(requests / wall, 2)


async def paired_latency(embedded: Path, remote: Path, personas: list[str], n: int) -> dict:
    """One `/imitate` at a time, seeded (both backends generate exactly the same tokens), alternating
    embedded and remote request by request (which goes first alternates too): a busy moment of the
    machine lands on both sides, so the difference is the hop, not the machine's mood."""
    failures: list[str] = []
    async with open_commands(load_config(embedded), embedded) as local, \
            open_commands(load_config(remote), remote) as far:
        sides = {"embedded": line_runner(local, failures), "remote": line_runner(far, failures)}
        for run in sides.values():
            for name in personas:
                await run(f"/imitate {name} warm up")
        ms: dict[str, list[float]] = {"embedded": [], "remote": []}
        for i in range(n):
            line = f"/imitate {personas[i % len(personas)]} My dream is seed={i}"
            for side in (("embedded", "remote") if i % 2 == 0 else ("remote", "embedded")):
                ms[side].append(1000 * await sides[side](line))
    if failures:
        raise RuntimeError(f"{len(failures)} requests failed, e.g. {failures[0]}")
    local_ms, far_ms = summary(ms["embedded"]), summary(ms["remote"])
    added = [r - e for e, r in zip(ms["embedded"], ms["remote"], strict=True)]
    return {"embedded": local_ms, "remote": far_ms, "added_p50_ms": round(statistics.median(added), 1),
            "added_p95_ms": round(far_ms["p95_ms"] - local_ms["p95_ms"], 1)}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--personas", type=int, default=4)
    parser.add_argument("--latency-requests", type=int, default=40)
    parser.add_argument("--requests", type=int, default=64)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--replicas", type=int, nargs="+", default=[1, 2])
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    folder = Path(tempfile.mkdtemp(prefix="bench-remote-"))
    personas = [f"p{i}" for i in range(args.personas)]
    for i, name in enumerate(personas):
        make_checkpoint(folder / "models", name, seed=i)
    port = free_port()
    common = {"generation": {"max_new_tokens": 32},
              "serve": {"port": port, "local_num_cpus": 2, "num_cpus": 1}}
    result: dict = {"personas": args.personas, "concurrency": args.concurrency, "requests": args.requests}

    (folder / "embedded").mkdir()  # its own config and state beside the remote one, the same models
    embedded = write_config(folder / "embedded", pool={"device": "cpu"}, **common,
                            paths={"models_dir": folder / "models",
                                   "state_dir": folder / "embedded" / "state"})
    result["embedded"] = {"throughput_rps": asyncio.run(throughput(embedded, personas, args.requests,
                                                                   args.concurrency))}
    for k, replicas in enumerate(args.replicas):
        config = write_config(folder, pool={"device": "cpu", "backend": "remote", "torch_threads": 1,
                                            "remote_url": f"http://127.0.0.1:{port}/personas"},
                              **{**common, "serve": {**common["serve"], "replicas": replicas}})
        launched = time.perf_counter()
        with serving(config, folder) as (_, start_s, _):
            ready_s = time.perf_counter() - launched
            rps = asyncio.run(throughput(config, personas, args.requests, args.concurrency))
            memory = ray_memory_mb()  # the replicas holding every persona by now
            if k == 0:
                result["latency"] = asyncio.run(paired_latency(embedded, config, personas,
                                                               args.latency_requests))
        result[f"remote_{replicas}"] = {"throughput_rps": rps, "launch_to_serving_s": round(ready_s, 1),
                                        "ray_start_s": start_s, "memory": memory}
    if args.json:
        print(json.dumps(result))
    else:
        print(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
