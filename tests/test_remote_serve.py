"""The remote backend against the real service: `python -m bot serve` (Ray Serve, a local Ray) started once
for this module, and the bot's `RemotePool` (or the console, as a process of its own) talking to it."""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")

from checkpoints import make_checkpoint
from conftest import write_config
from serve_process import serving
from test_remote import free_port

from bot.config import GenerationSettings, load_config
from bot.errors import GenerationTimeout, InvalidRequest, PoolBusy, UnknownPersona
from bot.personas import PersonaRegistry
from bot.remote import RemotePool

PERSONAS = ("p0", "p1", "p2")
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    """One service for the module: three tiny personas; small batches and a short queue, so that a burst
    finds it busy. The config is the bot's too: `[pool] backend = "remote"` at the service's URL."""
    folder = tmp_path_factory.mktemp("service")
    for i, name in enumerate(PERSONAS):
        make_checkpoint(folder / "models", name, seed=i)
    port = free_port()
    config = write_config(folder, pool={"backend": "remote", "remote_url": f"http://127.0.0.1:{port}/personas",
                                        "max_batch": 2, "max_queue": 4, "torch_threads": 1},
                          serve={"port": port, "local_num_cpus": 2},
                          generation={"max_new_tokens_limit": 1024})
    with serving(config, folder) as (url, _, proc):
        yield config, url, proc


@pytest.fixture
async def remote(service):
    config, _, _ = service
    cfg = load_config(config)
    pool = RemotePool(PersonaRegistry(cfg.paths.models_dir), cfg.pool, cfg.generation)
    await pool.start()
    yield pool
    await pool.close()


def test_the_console_imitates_through_the_service_without_importing_ray(service) -> None:
    config, _, _ = service
    script = ("import sys; from bot.__main__ import main; code = main(['console', '--config', sys.argv[1]]); "
              "print('ray imported:', any(m == 'ray' or m.startswith('ray.') for m in sys.modules)); "
              "sys.exit(code)")
    lines = "/imitate p1 My dream is seed=7\n/imitate p1 My dream is seed=7\n/imitate nope hello\n"
    result = subprocess.run([sys.executable, "-c", script, str(config)], input=lines, capture_output=True,
                            text=True, timeout=120, cwd=config.parent, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    cards = [line for line in out.splitlines() if line.startswith("│ My dream is")]
    assert len(cards) == 2 and cards[0] == cards[1]  # seeded: the same text twice, through the service
    assert "#1 **P1 (AI)** @p1" in out
    assert "No persona named 'nope'." in out  # the service's error, shown as the embedded pool's would be
    assert "ray imported: False" in out


async def test_unknown_persona_comes_back_as_the_same_error(remote: RemotePool) -> None:
    with pytest.raises(UnknownPersona) as info:
        await remote.generate("p", "hi")
    expected = UnknownPersona("p", remote.registry.suggest("p"))
    assert str(info.value) == str(expected) and info.value.suggestions == expected.suggestions


async def test_a_seeded_request_is_the_same_through_the_service_as_in_the_bot(remote: RemotePool,
                                                                             start_pool, service) -> None:
    config, _, _ = service
    cfg = load_config(config)
    kwargs = {"seed": 1234, "count": 2, "max_new_tokens": 24, "temperature": 0.9}
    first = await remote.generate("p2", "Sourdough", **kwargs)
    again = await remote.generate("p2", "Sourdough", **kwargs)
    assert first == again and len(first) == 2
    local = await start_pool(cfg.paths.models_dir, GenerationSettings(), device="cpu", torch_threads=1)
    assert await local.generate("p2", "Sourdough", **kwargs) == first  # same machine: same computation


async def test_a_burst_past_the_queue_is_told_busy(remote: RemotePool) -> None:
    results = await asyncio.gather(*(remote.generate(PERSONAS[i % 3], "busy", max_new_tokens=48,
                                                     min_new_tokens=48) for i in range(24)),
                                   return_exceptions=True)
    busy = [r for r in results if isinstance(r, PoolBusy)]
    texts = [r for r in results if isinstance(r, list)]
    assert busy and texts and len(busy) + len(texts) == 24, results
    assert str(busy[0]) == str(PoolBusy())


async def test_a_timeout_comes_back_as_a_timeout(remote: RemotePool) -> None:
    began = time.monotonic()
    with pytest.raises(GenerationTimeout):
        await remote.generate("p0", "slow", timeout=0.001, max_new_tokens=48, min_new_tokens=48)
    assert time.monotonic() - began < 5
    assert await remote.generate("p0", "after", max_new_tokens=4)  # the service still serves


async def test_a_persona_written_after_start_is_served_at_once(remote: RemotePool, service) -> None:
    config, _, _ = service
    make_checkpoint(config.parent / "models", "fresh", seed=9)  # as a training job would write it
    texts = await remote.generate("fresh", "new here", max_new_tokens=4)  # before any periodic rescan
    assert texts and texts[0].startswith("new here")


async def test_ready_follows_the_service_and_bad_bodies_are_refused(remote: RemotePool, service) -> None:
    _, url, _ = service
    assert remote.ready and await remote.probe()
    with pytest.raises(InvalidRequest, match="count must be between"):
        await remote.generate("p0", "hi", count=50)
    request = urllib.request.Request(url, data=b'{"persona": "p0", "colour": "red"}', method="POST")
    with pytest.raises(urllib.error.HTTPError) as info:
        await asyncio.to_thread(urllib.request.urlopen, request, timeout=30)
    body = json.loads(info.value.read())
    assert info.value.code == 400 and body["ok"] is False and body["kind"] == "invalid"


@pytest.mark.parametrize("path", ["docs/serve_config.yaml", "docs/rayservice.yaml"])
def test_the_shipped_serve_configs_are_valid_for_serve(path: str) -> None:
    import yaml
    from ray.serve.schema import ServeDeploySchema

    data = yaml.safe_load((ROOT / path).read_text())
    if data.get("kind") == "RayService":
        data = yaml.safe_load(data["spec"]["serveConfigV2"])
    (application,) = ServeDeploySchema.model_validate(data).applications
    assert application.import_path == "bot.serve_app:app"
    assert set(application.args) <= {"config", "models_dir"}
    assert [d.name for d in application.deployments] == ["PersonaPool"]


def test_the_builder_takes_serve_settings_and_refuses_what_would_go_wrong(tmp_path: Path) -> None:
    from bot.config import ConfigError
    from bot.serve_app import app

    config = write_config(tmp_path, serve={"replicas": 3, "num_cpus": 2, "max_ongoing_requests": 80})
    deployment = app({"config": str(config), "models_dir": str(tmp_path / "elsewhere")})._bound_deployment
    assert deployment.name == "PersonaPool"
    assert (deployment.num_replicas, deployment.max_ongoing_requests) == (3, 80)
    assert deployment.ray_actor_options == {"num_cpus": 2.0, "num_gpus": 0.0}
    models_dir, pool, _, _ = deployment.init_args
    assert models_dir == str((tmp_path / "elsewhere").resolve())  # absolute: replicas run elsewhere
    assert pool["torch_threads"] == 2 and pool["backend"] == "embedded"  # the CPUs Ray gives a replica
    with pytest.raises(ValueError, match="takes config and models_dir, not colour"):
        app({"config": str(config), "colour": "red"})
    shared = write_config(tmp_path, serve={"num_gpus": 0.5})
    with pytest.raises(ConfigError, match="memory_budget_bytes"):
        app({"config": str(shared)})


def run_serve(config: Path, *prefix: str) -> subprocess.CompletedProcess[str]:
    script = f"{';'.join(prefix)}; import sys; from bot.__main__ import main; sys.exit(main(sys.argv[1:]))"
    return subprocess.run([sys.executable, "-c", script, "serve", "--config", str(config)],
                          capture_output=True, text=True, timeout=120, cwd=config.parent, check=False)


def test_serve_on_a_taken_port_is_one_line_and_starts_nothing(tmp_path: Path) -> None:
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = run_serve(write_config(tmp_path, serve={"port": port}), "import os")
    assert result.returncode == 1
    assert result.stderr.splitlines() == [f"error: [serve] cannot listen on 127.0.0.1:{port}: "
                                          "Address already in use"]


def test_serve_without_ray_says_which_extra_to_install(tmp_path: Path) -> None:
    result = run_serve(write_config(tmp_path), "import sys", "sys.modules['ray'] = None")  # as if absent
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: python -m bot serve needs Ray Serve: pip install -e '.[scale]'"]


async def test_a_cancelled_request_leaves_the_replicas_queue(remote: RemotePool) -> None:
    """Serve cancels the replica's request when the bot hangs up (a cancelled interaction), and the pool
    drops it from its queue: told by the queue's bound (4), not by timing alone."""
    await remote.generate("p0", "warm", max_new_tokens=2)
    # Seeded requests run one per batch: the first runs (about 0.7 s here, the tiny context's 256
    # tokens in 5 rows), three wait in the queue.
    long = {"max_new_tokens": 1024, "min_new_tokens": 240, "count": 5}
    running = [asyncio.create_task(remote.generate("p0", f"long {i}", seed=i, **long)) for i in range(4)]
    await asyncio.sleep(0.06)
    doomed = asyncio.create_task(remote.generate("p1", "never mind", max_new_tokens=4))  # fills the queue
    await asyncio.sleep(0.06)
    doomed.cancel()
    await asyncio.sleep(0.06)
    accepted = asyncio.create_task(remote.generate("p1", "instead", max_new_tokens=4))
    await asyncio.sleep(0.03)
    with pytest.raises(PoolBusy):  # the queue is full again: three long ones and `accepted`
        await remote.generate("p2", "one too many", max_new_tokens=4)
    assert not running[0].done()  # the first long request was still running all along
    assert (await accepted)[0].startswith("instead")  # it took the cancelled request's place
    await asyncio.gather(*running)
