"""`python -m training` run as a child process from the repository, and what tests read of its run."""

import json
import subprocess
import sys
from pathlib import Path

from helpers.paths import ROOT

SAMPLE = ROOT / "examples" / "marlowe_bakes"


def run(*args: object, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "training", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout, stdin=subprocess.DEVNULL)


def events(result: subprocess.CompletedProcess) -> list[dict]:
    parsed = [json.loads(line) for line in result.stdout.splitlines()]
    assert all(isinstance(e, dict) and "event" in e for e in parsed)
    return parsed


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}
