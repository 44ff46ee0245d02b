import json
import subprocess
import sys

import pytest
from checkpoints import make_checkpoint

from bot.__main__ import main
from bot.bench import stdout_to_stderr


@pytest.fixture(scope="module")
def bench_models(tmp_path_factory):
    d = tmp_path_factory.mktemp("bench") / "models"
    make_checkpoint(d, "alpha")
    make_checkpoint(d, "beta", seed=1)
    return d


def test_bench_json_smoke(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "4", "--concurrency", "2",
               "--max-new-tokens", "8", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    for key in ("pool_tokens_per_s", "naive_tokens_per_s", "speedup", "p50_ms", "p95_ms", "loop_lag_max_ms"):
        assert isinstance(result[key], (int, float)) and result[key] >= 0, key
    # Both modes generate exactly the requested tokens, counted, not assumed.
    assert result["pool_tokens"] == result["naive_tokens"] == 4 * 8
    assert result["p50_ms"] <= result["p95_ms"]
    assert result["personas"] == ["alpha"]


def test_bench_table_over_two_personas(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--personas", "2", "--persona", "beta",
               "--requests", "4", "--concurrency", "4", "--max-new-tokens", "4", "--skip-naive"])
    assert rc == 0
    out = capsys.readouterr().out
    assert "personas beta, alpha" in out and "tokens/s" in out and "speedup -x" in out


@pytest.mark.parametrize(("args", "message"), [
    (["--personas", "3"], "--personas 3 needs 3 personas"),
    (["--persona", "nobody"], "no persona named 'nobody'"),
    (["--requests", "0"], "must be at least 1"),
])
def test_bench_bad_arguments(bench_models, capsys, args, message):
    assert main(["bench", "--models-dir", str(bench_models), "--skip-naive", *args]) == 2
    assert message in capsys.readouterr().err


def test_training_output_stays_off_stdout_in_json_mode(capfd):
    # The sample persona's training (a child process) prints a summary; --json keeps stdout one object.
    with stdout_to_stderr(True):
        subprocess.run([sys.executable, "-c", "print('child says')"], check=True)
        print("parent says")
    print("after")
    out, err = capfd.readouterr()
    assert out == "after\n"
    assert "child says" in err and "parent says" in err
