"""`python -m bot serve`: the generation service, a Ray Serve application whose replicas each run the pool.

Each replica is a `GenerationPool`, unchanged: its byte budget, LRU and pinned personas decide what is
resident, its worker batches requests. Ray Serve adds what one process cannot: replicas on many GPUs
and machines, health checks that replace a replica whose pool broke, and model multiplexing as the
routing hint: a request names its persona in the `serve_multiplexed_model_id` header, and Serve sends
it to a replica that already holds that persona (loading it elsewhere only when none does, or when the
holders are full). The multiplexed function only records the persona; the pool still loads it lazily on
its own loader thread. Every replica reads the same `models/` (shared storage in a cluster) and picks
up new, retrained and removed personas with its rescan, and at once for a persona it does not know.

A forgotten persona (`POST <remote_url>/forget`, `bot.wire.ForgetBody`): Serve hands the request to one
replica, which runs `GenerationPool.forget` and answers what it still holds (nothing). The other
replicas are not told: they never serve a persona whose folder is gone (their pool looks at the disk
before queueing a request) and unload it at their next rescan (`[pool] rescan_interval_s`).

Only this module imports Ray (the `scale` extra); the bot talks to the service through `bot.remote`.
Deploy it with `python -m bot serve` (settings from `[serve]`), or with Serve's own tools:
`serve run bot.serve_app:app config=config.toml`, a Serve config file, or a KubeRay RayService whose
`import_path` is `bot.serve_app:app` (see docs/operations.md).

A local Ray (`[serve] address` unset) listens on loopback only; with `[serve] token_env` every request
must carry the token, and bodies are capped and parsed strictly before anything else (`bot.wire`).
"""

from __future__ import annotations

import asyncio
import contextlib
import ipaddress
import logging
import os
import re
import signal
import socket
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ray import serve
from starlette.requests import Request
from starlette.responses import JSONResponse

from bot.config import Config, ConfigError, GenerationSettings, PoolSettings, load_config, token_from_env
from bot.errors import BotError, InvalidRequest
from bot.personas import PersonaRegistry
from bot.pool import GenerationPool
from bot.wire import (
    AUTH_HEADER,
    MAX_BODY_BYTES,
    BodyTooLarge,
    GenerateBody,
    authorized,
    error_data,
    is_forget_path,
    parse_body,
    parse_forget,
    unauthorized_data,
)

log = logging.getLogger(__name__)

APP_NAME = "persona-bot"
DEPLOYMENT = "PersonaPool"
GAUGE_INTERVAL_S = 5.0
LOOPBACK = "127.0.0.1"


@serve.deployment(name=DEPLOYMENT, health_check_period_s=5, health_check_timeout_s=30,
                  graceful_shutdown_timeout_s=20)
class PersonaPool:
    """One replica: a generation pool over `models_dir`, answering `bot.wire` requests."""

    async def __init__(self, models_dir: str, pool: dict[str, Any], generation: dict[str, Any],
                       max_personas: int, token_env: str | None = None) -> None:
        bind_replica_grpc_to_loopback()  # before Serve starts the replica's gRPC server, after this
        # Read on the replica's own node (its environment: a Kubernetes Secret, say); never a bound
        # argument, which Serve would keep in its cluster state.
        self._token = token_from_env(token_env, "[serve] token_env")
        self.pool = GenerationPool(PersonaRegistry(Path(models_dir)), PoolSettings(**pool),
                                   GenerationSettings(**generation))
        await self.pool.start()
        self.name = f"{serve.get_replica_context().replica_tag} pid {os.getpid()}"

        async def hold(persona: str) -> str:
            return persona  # routing hint only: what is resident is the pool's business

        # Wired here, not as a decorated method: the number comes from [serve] (Serve supports this).
        self._hold = serve.multiplexed(max_num_models_per_replica=max_personas)(hold)
        self._report = asyncio.create_task(self._report_forever(), name="pool-gauges")

    async def _report_forever(self) -> None:
        """The pool's own gauges, as Ray metrics (exported with Serve's, tagged by replica): a replica's
        Prometheus registry is not reachable from outside, Ray's metrics agent is."""
        from ray.util.metrics import Gauge

        names = ("pool_queue_depth", "pool_resident_personas", "pool_resident_bytes")
        gauges = {name: Gauge(f"persona_{name}", description=f"The replica pool's {name}") for name in names}
        while True:
            for name, gauge in gauges.items():
                gauge.set(self.pool.metrics.registry.get_sample_value(name) or 0.0)
            await asyncio.sleep(GAUGE_INTERVAL_S)

    async def __call__(self, request: Request) -> JSONResponse:
        """HTTP: `GET` says whether this replica serves; `POST` a `GenerateBody` generates; `POST` a
        `ForgetBody` to `<prefix>/forget` forgets a persona. With a token, a request without it is
        refused before anything else (its body is never read)."""
        if self._token is not None and not authorized(request.headers.get(AUTH_HEADER), self._token):
            data, status = unauthorized_data()
            return JSONResponse(data, status_code=status)
        if request.method == "GET":
            ready = self.pool.ready
            return JSONResponse({"ready": ready, "replica": self.name,
                                 "personas": len(self.pool.registry.names())},
                                status_code=200 if ready else 503)
        if is_forget_path(request.scope.get("path", ""), request.scope.get("root_path", "")):
            data, status = await forget_answer(self.pool, request, self.name)
            return JSONResponse(data, status_code=status)
        try:
            # At most MAX_BODY_BYTES, parsed by pydantic's Rust parser in well under a millisecond: no
            # need to leave the replica's event loop for it.
            body = parse_body(await read_body(request, MAX_BODY_BYTES))
        except InvalidRequest as exc:
            data, status = error_data(exc)
            return JSONResponse(data, status_code=413 if isinstance(exc, BodyTooLarge) else status)
        data, status = await self.generate(body)
        return JSONResponse(data, status_code=status)

    async def generate(self, body: GenerateBody) -> tuple[dict[str, Any], int]:
        """One request (also callable through a DeploymentHandle): its answer and HTTP status."""
        persona = body.persona
        if self.pool.registry.get(persona) is None:
            await self.pool.refresh()  # trained a moment ago, before this replica's next rescan
        if self.pool.registry.get(persona) is not None:
            await self._hold(persona)  # an unknown name is never offered to the router
        try:
            tweets = await self.pool.generate(**body.model_dump())
        except BotError as exc:
            return error_data(exc)
        return {"ok": True, "tweets": tweets, "copy_rejections": getattr(tweets, "copy_rejections", 0),
                "dropped": getattr(tweets, "dropped", 0), "replica": self.name}, 200

    async def check_health(self) -> None:
        """Serve replaces a replica whose pool broke (its worker died, a CUDA error)."""
        if not self.pool.ready:
            raise RuntimeError(f"generation pool not ready: {self.pool.broken or 'closed'}")

    async def __del__(self) -> None:
        self._report.cancel()
        # Queued requests fail with PoolClosed, the running batch finishes (within Serve's grace).
        await self.pool.close()


async def forget_answer(pool: GenerationPool, request: Request, replica: str) -> tuple[dict[str, Any], int]:
    """A forget request (its token already checked): the body read as strictly as a generation's, the
    persona forgotten by this replica's pool; the answer says what the pool still holds of it (nothing,
    normally) and which replica answered. Other replicas: see the module docstring."""
    try:
        body = parse_forget(await read_body(request, MAX_BODY_BYTES))
    except InvalidRequest as exc:
        data, status = error_data(exc)
        return data, 413 if isinstance(exc, BodyTooLarge) else status
    await pool.forget(body.persona)
    return {"ok": True, "persona": body.persona, "holds": pool.holds(body.persona), "replica": replica}, 200


async def read_body(request: Request, cap: int) -> bytes:
    """A request's body, refused (BodyTooLarge) as soon as it is known to be over `cap` bytes: by its
    Content-Length before anything is read, else while it streams in, so that at most `cap` bytes and one
    chunk are ever held here."""
    length = request.headers.get("content-length")
    if length is not None and (not length.strip().isdigit() or int(length) > cap):
        raise BodyTooLarge()
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > cap:
            raise BodyTooLarge()
    return bytes(body)


def build(cfg: Config) -> serve.Application:
    """The application for `cfg`: `[serve]` sets replicas and resources, `[pool]` each replica's pool."""
    s = cfg.serve
    if 0 < s.num_gpus < 1 and not cfg.pool.memory_budget_bytes:
        # Ray only counts GPU fractions; each replica would size its budget from the whole GPU.
        raise ConfigError("[serve] num_gpus below 1 shares a GPU between replicas: set [pool] "
                          "memory_budget_bytes to each replica's share")
    pool = cfg.pool.model_copy(update={
        "backend": "embedded", "remote_url": None,
        # A replica's torch threads are the CPUs Ray gave it, not the machine's.
        "torch_threads": cfg.pool.torch_threads or max(1, int(s.num_cpus)),
    })
    placement = {} if s.max_replicas_per_node is None else {"max_replicas_per_node": s.max_replicas_per_node}
    deployment = PersonaPool.options(
        num_replicas=s.replicas, max_ongoing_requests=s.max_ongoing_requests,
        ray_actor_options={"num_cpus": s.num_cpus, "num_gpus": s.num_gpus}, **placement,
    )
    if s.token_env is None:
        log.warning("[serve] token_env is unset: the generation service takes requests from anyone who "
                    "reaches its HTTP port")
    return deployment.bind(str(cfg.paths.models_dir.resolve()), pool.model_dump(mode="json"),
                           cfg.generation.model_dump(mode="json"), s.max_personas_per_replica,
                           token_env=s.token_env)


def app(args: dict[str, str]) -> serve.Application:
    """Serve's application builder (`import_path: bot.serve_app:app`); `args`: `config` (a config.toml
    path) and `models_dir`, both optional, as for `python -m bot`."""
    unknown = set(args) - {"config", "models_dir"}
    if unknown:
        raise ValueError(f"bot.serve_app:app takes config and models_dir, not {', '.join(sorted(unknown))}")
    config = Path(args["config"]) if args.get("config") else None
    models_dir = Path(args["models_dir"]) if args.get("models_dir") else None
    return build(load_config(config, models_dir))


def last_line(message: str) -> str:
    """The cause in one of Ray's multi-line errors (a remote traceback ends with it), colours removed."""
    lines = [line.strip() for line in re.sub(r"\x1b\[[0-9;]*m", "", message).splitlines() if line.strip()]
    return (lines[-1] if lines else "unknown error")[:400]


@contextlib.contextmanager
def loopback_node() -> Iterator[None]:
    """A local Ray started inside is a node at 127.0.0.1, so every server it starts listens on loopback
    only (GCS, raylet, each worker's gRPC, the dashboard and runtime-env agents, the metrics exporter):
    on the machine's address they would let whoever reaches it join the cluster and run code.

    `ray.init(_node_ip_address="127.0.0.1")` alone is not enough: Ray 2.60 swaps a loopback address for
    the machine's own, unless it runs as a single-machine Ray (its mode on macOS and Windows, switched
    by RAY_ENABLE_WINDOWS_OR_OSX_CLUSTER, read when Ray is imported); that mode is set for this start
    only. A cluster this process joins keeps its own addresses."""
    from ray._private import ray_constants

    was = ray_constants.ENABLE_RAY_CLUSTER
    ray_constants.ENABLE_RAY_CLUSTER = False
    try:
        yield
    finally:
        ray_constants.ENABLE_RAY_CLUSTER = was


def bind_replica_grpc_to_loopback() -> None:
    """Serve 2.60 starts each replica's gRPC server (calls between deployments) on every interface,
    whatever the node's address; on a node at loopback it listens on loopback too, like the rest of
    Ray. Called in the replica's process before Serve starts that server; elsewhere a no-op."""
    import ray
    from ray.serve._private import replica

    if not ipaddress.ip_address(ray.util.get_node_ip_address()).is_loopback:
        return
    add_port = replica.add_port_to_grpc_server
    if getattr(add_port, "loopback", False):
        return

    def on_loopback(server: Any, address: str) -> int:
        return add_port(server, re.sub(r"^(\[::\]|0\.0\.0\.0):", f"{LOOPBACK}:", address))

    on_loopback.loopback = True  # type: ignore[attr-defined]
    replica.add_port_to_grpc_server = on_loopback


def is_loopback(host: str) -> bool:
    """Whether `host` is reachable from this machine only."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a name other than localhost: whatever it resolves to, assume reachable
        return False


def url_of(cfg: Config) -> str:
    host = "127.0.0.1" if cfg.serve.host in ("0.0.0.0", "::") else cfg.serve.host
    return f"http://{host}:{cfg.serve.port}{cfg.serve.route_prefix}"


def start_service(cfg: Config) -> float:
    """Start (or join) Ray, the HTTP proxy and the application; wait until it serves. Seconds taken."""
    import ray

    began = time.monotonic()
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # no usage reports from a bot's machines
    if cfg.serve.address is None:
        with loopback_node():
            ray.init(num_cpus=cfg.serve.local_num_cpus, include_dashboard=False, log_to_driver=False,
                     _node_ip_address=LOOPBACK)
    else:
        ray.init(address=cfg.serve.address, log_to_driver=False)
    serve.start(http_options={"host": cfg.serve.host, "port": cfg.serve.port})
    serve.run(build(cfg), name=APP_NAME, route_prefix=cfg.serve.route_prefix)
    return time.monotonic() - began


def stop_service(cfg: Config) -> None:
    """Take the application down; a Ray this process started goes too, a cluster it joined stays."""
    import ray

    with contextlib.suppress(Exception):
        if cfg.serve.address is None:
            serve.shutdown()
        else:
            serve.delete(APP_NAME)
    ray.shutdown()


def run_service(cfg: Config) -> int:
    """`python -m bot serve`: run until SIGINT/SIGTERM. 1 with one `error:` line when it cannot start."""
    stop = asyncio.Event()
    try:  # the replicas read the token themselves; checked here first, to say it in one line
        token = token_from_env(cfg.serve.token_env, "[serve] token_env")
        if token is None and not is_loopback(cfg.serve.host):
            raise ConfigError(f"[serve] host = \"{cfg.serve.host}\" takes requests from other machines: set "
                              "[serve] token_env to an environment variable holding a shared token")
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if cfg.serve.address is None:  # said in one line now, not after Ray's start as a remote traceback
        try:
            with socket.create_server((cfg.serve.host, cfg.serve.port)):
                pass
        except OSError as exc:
            print(f"error: [serve] cannot listen on {cfg.serve.host}:{cfg.serve.port}: "
                  f"{os.strerror(exc.errno) if exc.errno else exc}", file=sys.stderr)
            return 1
    try:
        took = start_service(cfg)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # Ray's own start-up errors (a cluster not reachable, say)
        stop_service(cfg)
        print(f"error: the generation service did not start: {last_line(str(exc))}", file=sys.stderr)
        return 1
    # One line, which scripts and the tests wait for.
    token_hint = f", remote_token_env = \"{cfg.serve.token_env}\"" if cfg.serve.token_env else ""
    print(f"serving at {url_of(cfg)}: {cfg.serve.replicas} replica(s), started in {took:.1f} s; bots use "
          f"[pool] backend = \"remote\", remote_url = \"{url_of(cfg)}\"{token_hint}. Ctrl-C stops it.",
          flush=True)

    async def wait() -> None:
        loop = asyncio.get_running_loop()
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(sig, stop.set)
        await stop.wait()

    try:
        asyncio.run(wait())
    finally:
        stop_service(cfg)
    return 0
