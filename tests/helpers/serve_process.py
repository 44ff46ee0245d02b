"""`python -m bot serve` as a child process, for the remote-backend tests and the benchmark."""

from __future__ import annotations

import contextlib
import os
import re
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path

READY = re.compile(r"serving at (\S+): (\d+) replica\(s\), started in ([\d.]+) s")


@contextlib.contextmanager
def serving(config: Path, cwd: Path, timeout: float = 180.0,
            env: dict[str, str] | None = None) -> Iterator[tuple[str, float, subprocess.Popen]]:
    """Start the service (`env`: variables added to this process's); yield (url, start-up seconds as it
    reports them, process) once it serves. On the way out: SIGINT, as Ctrl-C, and wait for Ray to go down."""
    env = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0", **(env or {})}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "serve", "--config", str(config)], cwd=cwd,
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines: list[str] = []
    found: list[re.Match] = []
    ready = threading.Event()

    def read() -> None:  # drains the pipe for the whole run, so Ray's logging never blocks on it
        assert proc.stdout is not None
        for line in proc.stdout:
            lines.append(line)
            if not found and (match := READY.search(line)):
                found.append(match)
                ready.set()
        ready.set()

    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    try:
        if not ready.wait(timeout) or not found:
            raise RuntimeError("the service did not start:\n" + "".join(lines[-40:]))
        yield found[0].group(1), float(found[0].group(3)), proc
    finally:
        if proc.poll() is None:
            proc.send_signal(signal.SIGINT)
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        reader.join(5)


def listening_sockets(pid: int) -> list[tuple[str, int, str]]:
    """(address, port, process name) of every TCP socket listening in process `pid` and its descendants
    (Ray's GCS, raylet, agents, workers and Serve's actors are all children of `python -m bot serve`)."""
    import psutil

    root = psutil.Process(pid)
    names = {p.pid: p.name() for p in [root, *root.children(recursive=True)]}
    return sorted((c.laddr.ip, c.laddr.port, names[c.pid]) for c in psutil.net_connections("tcp")
                  if c.status == psutil.CONN_LISTEN and c.pid in names)


def ray_memory_mb() -> dict[str, float]:
    """RSS and PSS (MB) of every Ray process on this machine (raylet, GCS, Serve's controller, proxy,
    replicas, workers), read from /proc."""
    rss = pss = 0.0
    count = 0
    started = time.monotonic()
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            cmd = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            if not ("ray" in cmd.lower() or "bot serve" in cmd) or "pytest" in cmd or "bench_remote" in cmd:
                continue
            fields = dict(line.split(":", 1) for line in
                          Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:])
        except OSError:
            continue
        rss += int(fields["Rss"].split()[0]) / 1024
        pss += int(fields["Pss"].split()[0]) / 1024
        count += 1
    return {"processes": count, "rss_mb": round(rss), "pss_mb": round(pss),
            "read_s": round(time.monotonic() - started, 2)}
