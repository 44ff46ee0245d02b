"""The presence benchmark (tests/bench_presence.py) runs and reports what it measured; its figures
are printed for the notes, never asserted."""

from __future__ import annotations

import json

import pytest
from bench_presence import main


@pytest.mark.parametrize("style", ["webhook", "embed"])
def test_presence_benchmark_reports_latencies(style: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--concurrency", "3", "--style", style, "--json"]) == 0
    result = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert result["style"] == style and result["posted"] == result["concurrency"] == 3
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["max_ms"]
