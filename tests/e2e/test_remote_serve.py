"""The remote backend against the real service: `python -m bot serve` (Ray Serve, a local Ray) started once
for this module, and the bot's `RemotePool` (or the console, as a process of its own) talking to it."""

from __future__ import annotations

import asyncio
import ipaddress
import json
import logging
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest
from helpers.paths import ROOT

pytest.importorskip("ray.serve", reason="the scale extra (Ray Serve) is not installed")

from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.net import free_port
from helpers.serve_process import listening_sockets, serving

from bot.config import GenerationSettings, load_config
from bot.errors import GenerationTimeout, InvalidRequest, PoolBusy, UnknownPersona
from bot.personas import PersonaRegistry
from bot.remote import RemotePool
from bot.wire import MAX_BODY_BYTES

PERSONAS = ("p0", "p1", "p2")
TOKEN_ENV = "PERSONA_TEST_SERVE_TOKEN"
TOKEN = "s3cret-token-for-the-tests"


@pytest.fixture(scope="module")
def service(tmp_path_factory: pytest.TempPathFactory):
    """One service for the module: three tiny personas; small batches and a short queue, so that a burst
    finds it busy; the exact float32 forward, whose long requests last long enough for the queue tests
    (a CPU's default float16 weights run them in half the time). The config is the bot's too: `[pool]
    backend = "remote"` at the service's URL."""
    folder = tmp_path_factory.mktemp("service")
    for i, name in enumerate(PERSONAS):
        make_checkpoint(folder / "models", name, seed=i)
    port = free_port()
    config = write_config(folder, pool={"backend": "remote", "remote_url": f"http://127.0.0.1:{port}/personas",
                                        "max_batch": 2, "max_queue": 4, "torch_threads": 1,
                                        "dtype": "float32", "remote_token_env": TOKEN_ENV},
                          serve={"port": port, "local_num_cpus": 2, "token_env": TOKEN_ENV},
                          generation={"max_new_tokens_limit": 1024})
    with pytest.MonkeyPatch.context() as env:  # the bot's side (and the console's process) reads it too
        env.setenv(TOKEN_ENV, TOKEN)
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
    status, body = await asyncio.to_thread(post, url, b'{"persona": "p0", "colour": "red"}')
    assert status == 400 and body["ok"] is False and body["kind"] == "invalid"


def post(url: str, data: bytes | None, token: str | None = TOKEN, method: str = "POST") -> tuple[int, dict]:
    """One plain HTTP request to the service: its status and JSON answer."""
    headers = {"Authorization": f"Bearer {token}"} if token is not None else {}
    request = urllib.request.Request(url, data=data, method=method, headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            return answer.status, json.loads(answer.read())
    except urllib.error.HTTPError as error:
        return error.code, json.loads(error.read())


def test_a_request_without_the_token_is_refused(service) -> None:
    _, url, _ = service
    body = b'{"persona": "p0", "prompt": "hi", "max_new_tokens": 2}'
    for token in (None, "", "s3cret-token-for-the-test", TOKEN + "x", TOKEN.upper()):
        for method, data in (("POST", body), ("GET", None)):
            status, answer = post(url, data, token, method)
            assert (status, answer["ok"], answer["kind"]) == (401, False, "unauthorized"), (token, method)
    assert post(url, body)[0] == 200  # the right token
    assert post(url, None, method="GET")[0] == 200


async def test_the_bot_with_a_wrong_token_says_so_and_is_not_ready(service, caplog) -> None:
    from bot.errors import PoolBroken
    from bot.remote import REFUSED

    config, _, _ = service
    cfg = load_config(config)
    with pytest.MonkeyPatch.context() as env:
        env.setenv(TOKEN_ENV, "not-the-token")
        pool = RemotePool(PersonaRegistry(cfg.paths.models_dir), cfg.pool, cfg.generation)
    await pool.start()
    try:
        assert not pool.ready
        with pytest.raises(PoolBroken) as info:
            await pool.generate("p0", "hi", max_new_tokens=2)
        assert str(info.value) == REFUSED and not pool.ready
        assert "refused this bot's token: set [pool] remote_token_env" in caplog.text
    finally:
        await pool.close()


NESTED = b"[" * 100_000 + b"]" * 100_000  # 200 kB: under the size cap, far past any parser's depth


@pytest.mark.parametrize(("raw", "reason"), [
    (b'{"persona": "p0", "prompt": "hi", "timeout": Infinity}', "timeout: Input should be a finite number"),
    (b'{"persona": "p0", "prompt": "hi", "timeout": NaN}', "timeout: Input should be a finite number"),
    (b'{"persona": "p0", "prompt": "hi", "temperature": -Infinity}',
     "temperature: Input should be a finite number"),
    (b'{"persona": "p0", "prompt": "hi", "timeout": 1e400}', "timeout: Input should be a finite number"),
    (b'{"persona": "p0", "context": ' + NESTED + b'}', "recursion limit exceeded"),
    (NESTED, "recursion limit exceeded"),
    (b'["p0", "hi"]', "Input should be an object"),
    (b'"p0"', "Input should be an object"),
    (b'{"persona": "p0", "count": "3"}', "count: Input should be a valid integer"),
    (b'{"persona": "p0", "count": true}', "count: Input should be a valid integer"),
    (b'{"persona": ["p0"]}', "persona: Input should be a valid string"),
    (b'{"persona": "p0", "timeout": 86400}', "timeout: Input should be less than or equal to 3600"),
    (b"persona=p0", "Invalid JSON"),
    (b"\xff\xfe{}", "Invalid JSON"),
    (b"", "Invalid JSON"),
])
def test_every_malformed_body_is_a_400_in_the_wire_format(service, raw: bytes, reason: str) -> None:
    _, url, _ = service
    status, answer = post(url, raw)
    assert (status, answer["ok"], answer["kind"]) == (400, False, "invalid"), answer
    assert answer["message"].startswith("Not a generation request: ") and reason in answer["message"]


def raw_request(url: str, head: str, first: bytes) -> tuple[bytes, float]:
    """Send `head` and the start of a body, never the rest; the service's answer (up to 20 s) and how long
    it took. A service that waits for the whole body never answers."""
    address = urllib.parse.urlsplit(url)
    with socket.create_connection((address.hostname, address.port), timeout=20) as conn:
        began = time.monotonic()
        conn.sendall(f"POST {address.path} HTTP/1.1\r\nHost: {address.netloc}\r\n"
                     f"Authorization: Bearer {TOKEN}\r\nContent-Type: application/json\r\n{head}\r\n"
                     .encode() + first)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer or not answer.rstrip().endswith(b"}"):
                chunk = conn.recv(65536)
                if not chunk:
                    break
                answer += chunk
        except TimeoutError:
            pass
        return answer, time.monotonic() - began


def test_a_body_over_the_cap_is_refused_by_its_length_before_it_is_sent(service) -> None:
    _, url, _ = service
    answer, took = raw_request(url, "Content-Length: 300000000\r\n", b'{"persona": "p0", "prompt": "')
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]  # today: no answer, it waits for 300 MB
    assert b'"kind":"invalid"' in answer and f"over {MAX_BODY_BYTES} bytes".encode() in answer
    assert took < 10


def test_a_chunked_body_is_refused_once_it_passes_the_cap(service) -> None:
    _, url, _ = service
    chunks = [b'{"persona": "p0", "prompt": "', *[b"x" * 65536] * (MAX_BODY_BYTES // 65536 + 2)]
    first = b"".join(b"%x\r\n%s\r\n" % (len(c), c) for c in chunks)
    answer, took = raw_request(url, "Transfer-Encoding: chunked\r\n", first)  # the last chunk never comes
    assert answer.startswith(b"HTTP/1.1 413"), answer[:300]
    assert took < 10


def test_a_local_service_listens_on_loopback_only(service) -> None:
    """Every socket Ray and Serve listen on, in all the service's processes: loopback (127.0.0.1, ::1 or
    IPv4-mapped ::ffff:127.0.0.1), none on 0.0.0.0, :: or the machine's address."""
    _, url, proc = service
    sockets = listening_sockets(proc.pid)
    names = {name for _, _, name in sockets}
    assert {"gcs_server", "raylet"} <= names and len(sockets) >= 8, sockets  # Ray's servers are all seen

    def loopback(ip: str) -> bool:
        address = ipaddress.ip_address(ip)
        mapped = getattr(address, "ipv4_mapped", None)
        return address.is_loopback or (mapped is not None and mapped.is_loopback)

    assert [s for s in sockets if not loopback(s[0])] == []
    assert ("127.0.0.1", urllib.parse.urlsplit(url).port) in {(ip, port) for ip, port, _ in sockets}  # proxy


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
    assert deployment.init_kwargs == {"token_env": None}
    tokened = write_config(tmp_path, serve={"token_env": "PERSONA_SERVE_TOKEN"})
    # The variable's name is bound; each replica reads the token from its own environment.
    assert app({"config": str(tokened)})._bound_deployment.init_kwargs == {"token_env": "PERSONA_SERVE_TOKEN"}
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


def test_serve_with_token_env_unset_is_one_line_and_starts_nothing(tmp_path: Path) -> None:
    result = run_serve(write_config(tmp_path, serve={"token_env": "PERSONA_UNSET_TOKEN"}),
                       "import os", "os.environ.pop('PERSONA_UNSET_TOKEN', None)")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'error: [serve] token_env = "PERSONA_UNSET_TOKEN", but the environment variable PERSONA_UNSET_TOKEN '
        "is not set (the token goes in the environment, never in config.toml)"]


def test_serve_for_other_machines_without_a_token_is_one_line_and_starts_nothing(tmp_path: Path) -> None:
    result = run_serve(write_config(tmp_path, serve={"host": "0.0.0.0", "port": free_port()}), "import os")
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        'error: [serve] host = "0.0.0.0" takes requests from other machines: set [serve] token_env to an '
        "environment variable holding a shared token"]


def test_serve_without_ray_says_which_extra_to_install(tmp_path: Path) -> None:
    result = run_serve(write_config(tmp_path), "import sys", "sys.modules['ray'] = None")  # as if absent
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "error: python -m bot serve needs Ray Serve: pip install -e '.[scale]'"]


async def test_a_cancelled_request_leaves_the_replicas_queue(remote: RemotePool) -> None:
    """Serve cancels the replica's request when the bot hangs up (a cancelled interaction), and the pool
    drops it from its queue: told by the queue's bound (4), not by timing alone."""
    await remote.generate("p0", "warm", max_new_tokens=2)
    # Seeded requests run one per batch: the first runs (about 0.45 s here in float32, the tiny
    # context's 256 tokens in 5 rows: the 0.21 s below must fall within it), three wait in the queue.
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


async def test_a_forgotten_persona_is_unloaded_and_refused_and_the_replica_stays_ready(remote: RemotePool,
                                                                                      service) -> None:
    """/persona forget with the remote backend: the folder deleted, then `forget` tells the service, whose
    replica unloads the persona; a request for it afterwards is UnknownPersona, the replica still serves.
    The time forget took is printed (`-s`) and logged."""
    import shutil

    config, url, _ = service
    models = config.parent / "models"
    make_checkpoint(models, "forgettable", seed=12)
    assert await remote.generate("forgettable", "remember me", max_new_tokens=4)  # resident in a replica
    away = models / ".forget-forgettable"
    (models / "forgettable").rename(away)  # as the command does: renamed away, then deleted
    shutil.rmtree(away)
    began = time.perf_counter()
    assert await remote.forget("forgettable") is True  # the replica confirmed: it holds nothing of it
    took_ms = (time.perf_counter() - began) * 1000
    print(f"\nforget took {took_ms:.1f} ms (called to returned, through the service)")
    logging.getLogger(__name__).warning("forget took %.1f ms through the service", took_ms)
    assert remote.registry.get("forgettable") is None
    with pytest.raises(UnknownPersona):
        await remote.generate("forgettable", "still there?", max_new_tokens=4)
    status, body = await asyncio.to_thread(post, url, None, method="GET")
    assert status == 200 and body["ready"] is True
    assert await remote.generate("p0", "others still", max_new_tokens=2)
    # The forget path is guarded as generation is: the token first, then a strict body.
    assert (await asyncio.to_thread(post, url + "/forget", b'{"persona": "p0"}', None))[0] == 401
    status, body = await asyncio.to_thread(post, url + "/forget", b'{"persona": "p0", "prompt": "hi"}')
    assert (status, body["kind"]) == (400, "invalid") and "prompt: Extra inputs" in body["message"]
