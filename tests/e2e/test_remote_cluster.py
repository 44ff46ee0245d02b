"""Two Ray nodes on this machine (two real raylets), one replica on each: personas are spread over the
replicas and keep to theirs, and when a node dies the bot's requests still succeed."""

from __future__ import annotations

import asyncio
import os
from collections import Counter

import aiohttp
import pytest

pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")

from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.net import free_port

from bot.config import load_config
from bot.personas import PersonaRegistry
from bot.remote import RemotePool
from bot.wire import ROUTING_HEADER

PERSONAS = ("a0", "a1", "a2", "a3")


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory):
    import ray
    from ray import serve
    from ray.cluster_utils import Cluster

    from bot.serve_app import APP_NAME, build

    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")
    folder = tmp_path_factory.mktemp("cluster")
    for i, name in enumerate(PERSONAS):
        make_checkpoint(folder / "models", name, seed=i)
    port = free_port()
    config = write_config(folder, pool={"backend": "remote", "remote_url": f"http://127.0.0.1:{port}/personas",
                                        "torch_threads": 1},
                          serve={"port": port, "replicas": 2, "max_replicas_per_node": 1})
    cfg = load_config(config)
    nodes = Cluster(initialize_head=True, head_node_args={"num_cpus": 1})
    try:
        worker = nodes.add_node(num_cpus=1)
        nodes.wait_for_nodes()
        ray.init(address=nodes.address, log_to_driver=False)
        # Both raylets share this host, so one HTTP proxy (on the head) instead of one per node.
        serve.start(http_options={"host": "127.0.0.1", "port": port}, proxy_location="HeadOnly")
        serve.run(build(cfg), name=APP_NAME, route_prefix=cfg.serve.route_prefix)
        yield cfg, nodes, worker
    finally:
        try:
            serve.shutdown()
            ray.shutdown()
        finally:
            nodes.shutdown()


async def test_personas_spread_over_the_nodes_and_survive_one_dying(cluster) -> None:
    cfg, nodes, worker = cluster
    pool = RemotePool(PersonaRegistry(cfg.paths.models_dir), cfg.pool, cfg.generation)
    await pool.start()
    session = aiohttp.ClientSession()
    try:
        served_by: dict[str, Counter] = {name: Counter() for name in PERSONAS}

        async def ask(name: str) -> None:  # as RemotePool asks, reading which replica answered
            body = {"persona": name, "prompt": "hello", "max_new_tokens": 4}
            async with session.post(cfg.pool.remote_url, json=body, headers={ROUTING_HEADER: name}) as r:
                answer = await r.json()
            assert answer["ok"], answer
            served_by[name][answer["replica"]] += 1

        for name in PERSONAS:  # warm-up: each persona lands somewhere
            await ask(name)
        await asyncio.sleep(0.5)  # replicas tell the controller what they hold every 0.1 s
        for _ in range(3):
            for name in PERSONAS:
                await ask(name)
        replicas = {r for counts in served_by.values() for r in counts}
        assert len(replicas) == 2, served_by  # both nodes serve
        # Affinity: after the warm-up, each persona's requests keep to the replica that holds it.
        assert sum(max(c.values()) for c in served_by.values()) >= 0.75 * sum(
            sum(c.values()) for c in served_by.values()), served_by

        nodes.remove_node(worker)  # the worker node dies, its replica with it
        results = []
        for i in range(20):
            results.append(await pool.generate(PERSONAS[i % 4], "still here", max_new_tokens=4))
        assert all(texts and texts[0].startswith("still here") for texts in results)
        assert pool.ready
    finally:
        await session.close()
        await pool.close()
