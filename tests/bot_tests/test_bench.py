import asyncio
import json
import shutil
import statistics
import subprocess
import sys
import time

import pytest
from helpers.checkpoints import make_checkpoint
from transformers import AutoConfig, AutoModelForCausalLM, AutoTokenizer

from bot.__main__ import main
from bot.bench import stdout_to_stderr
from bot.bench_naive import count_new_tokens
from bot.bench_personas import make_gpt2_persona
from bot.bench_workloads import PROMPTS, arrival_times, closed_loop, open_loop
from bot.personas import PersonaRegistry
from training.checkpoint import context_length


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
    # No copy guard file on these personas: every generated token reached a caller.
    assert result["copy_rejections"] == 0
    assert result["delivered_tokens_per_s"] == result["pool_tokens_per_s"]
    assert result["p50_ms"] <= result["p95_ms"]
    assert result["personas"] == ["alpha"]


@pytest.mark.parametrize("new_tokens", [8, 300])
def test_bench_counts_and_clamps_alike_on_a_persona_with_a_prefix(bench_models, tmp_path, capsys, new_tokens):
    # A trained persona carries the end-of-text prefix in config.json (the pipeline adds it, the pool
    # too); 300 new tokens do not fit the tiny context (256) after the prompt, in either mode.
    models = tmp_path / "models"
    shutil.copytree(bench_models / "alpha", models / "alpha")
    eos = AutoTokenizer.from_pretrained(models / "alpha").eos_token
    for name, key in (("config.json", "prefix"), ("persona.json", "prompt_prefix")):
        data = json.loads((models / "alpha" / name).read_text())
        data[key] = eos
        (models / "alpha" / name).write_text(json.dumps(data))
    rc = main(["bench", "--models-dir", str(models), "--requests", "2", "--concurrency", "1",
               "--max-new-tokens", str(new_tokens), "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    tok = AutoTokenizer.from_pretrained(models / "alpha")
    context = context_length(AutoConfig.from_pretrained(models / "alpha"))
    expected = sum(min(new_tokens, context - len(tok(eos + p).input_ids)) for p in PROMPTS[:2])
    assert result["pool_tokens"] == result["naive_tokens"] == expected


def with_prefix(bench_models, models, prefix: str):
    """A copy of persona alpha whose prompts get `prefix` in both modes (config.json for the pipeline,
    persona.json for the pool), as a trained persona's end-of-text."""
    shutil.copytree(bench_models / "alpha", models / "alpha")
    for name, key in (("config.json", "prefix"), ("persona.json", "prompt_prefix")):
        data = json.loads((models / "alpha" / name).read_text())
        data[key] = prefix
        (models / "alpha" / name).write_text(json.dumps(data))


def test_the_naive_side_counts_new_tokens_only_not_the_prefix(bench_models, tmp_path):
    # Issue 13: the naive side counted its prompt prefix as generated (3,136 for the pool's 3,072).
    # A several-token prefix makes any prefix counted visible; generate's own input and output decide.
    from transformers import pipeline

    models = tmp_path / "models"
    with_prefix(bench_models, models, "<|endoftext|>Fresh bread:")
    pipe = pipeline("text-generation", model=str(models / "alpha"))
    assert len(pipe.tokenizer(pipe.prefix).input_ids) > 1
    counts: list[int] = []
    count_new_tokens(pipe.model, counts)
    out = pipe("Hot take:", max_new_tokens=5, min_new_tokens=5, do_sample=True, return_tensors=True,
               pad_token_id=pipe.tokenizer.eos_token_id)
    assert counts == [5]
    prompt_alone = len(pipe.tokenizer("Hot take:").input_ids)
    assert len(out[0]["generated_token_ids"]) - prompt_alone > 5  # what counting the prefix would give


def test_new_token_counts_match_on_both_sides_for_a_fixed_workload(bench_models, tmp_path, capsys):
    # min_new_tokens = max_new_tokens on both sides: 8 requests x 6 new tokens, whatever the prefix.
    models = tmp_path / "models"
    with_prefix(bench_models, models, "<|endoftext|>Fresh bread:")
    rc = main(["bench", "--models-dir", str(models), "--requests", "8", "--concurrency", "4",
               "--max-new-tokens", "6", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    assert result["naive_tokens"] == result["pool_tokens"] == 8 * 6
    assert 0 < result["naive_p50_ms"] <= result["naive_p95_ms"]
    # The pipeline runs the model as loaded (float32 on a CPU), whatever copies the pool's forward reads.
    assert result["naive_dtype"] == "float32"


def test_bench_table_explains_both_sides_latencies(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "4", "--concurrency", "2",
               "--max-new-tokens", "4"])
    assert rc == 0
    out = capsys.readouterr().out
    counted = next(line for line in out.splitlines() if line.startswith("new tokens generated"))
    assert counted.split()[-2:] == ["16", "16"]
    p95 = next(line for line in out.splitlines() if line.startswith("latency p95 ms")).split()
    assert len(p95) == 5  # a figure for each side
    assert "naive = one request alone" in out and "pool = one request among 2 concurrent callers" in out
    assert "queueing" in out
    # Each side's precision where they differ (the default pool on a CPU reads float16 weights).
    assert "(pool float16 weights, float32 math; naive pipeline float32)" in out.splitlines()[0]


def test_bench_table_over_two_personas(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--personas", "2", "--persona", "beta",
               "--requests", "4", "--concurrency", "4", "--max-new-tokens", "4", "--skip-naive"])
    assert rc == 0
    out = capsys.readouterr().out
    assert "personas beta, alpha" in out and "tokens/s" in out and "speedup -x" in out


def test_make_gpt2_persona_on_a_second_run_benchmarks_that_persona(bench_models, tmp_path, capsys):
    models = tmp_path / "models"
    shutil.copytree(bench_models, models)
    make_checkpoint(models, "zeta", seed=2)  # written by an earlier run: kept, and still the one measured
    weights = (models / "zeta" / "model.safetensors").read_bytes()
    rc = main(["bench", "--models-dir", str(models), "--make-gpt2-persona", "zeta", "--requests", "2",
               "--concurrency", "1", "--max-new-tokens", "2", "--skip-naive", "--json"])
    assert rc == 0
    assert json.loads(capsys.readouterr().out)["personas"] == ["zeta"]
    assert (models / "zeta" / "model.safetensors").read_bytes() == weights


def test_make_gpt2_persona_writes_a_complete_persona(tmp_path):
    models = tmp_path / "models"
    path = make_gpt2_persona(models, "gpt", shape={"n_layer": 1, "n_embd": 32, "n_head": 2})
    registry = PersonaRegistry(models)
    registry.scan()
    entry = registry.get("gpt")
    assert entry is not None and entry.path == path
    tok = AutoTokenizer.from_pretrained(path)
    assert entry.meta.prompt_prefix == tok.eos_token
    assert (path / "README.md").read_text().startswith("---")  # the model card, as training writes it
    model = AutoModelForCausalLM.from_pretrained(path, use_safetensors=True)
    assert model.config.vocab_size == 50257 and model.config.prefix == tok.eos_token
    assert [p.name for p in models.iterdir()] == ["gpt"]  # no temporary folder left


def test_budget_makes_the_timed_run_switch_personas(bench_models, capsys):
    common = ["bench", "--models-dir", str(bench_models), "--personas", "2", "--requests", "4",
              "--concurrency", "1", "--max-new-tokens", "2", "--skip-naive", "--json"]
    assert main(common) == 0
    roomy = json.loads(capsys.readouterr().out)
    assert roomy["loads"] == 0 and roomy["evictions"] == 0  # both loaded before the clock, both fit
    # 1 MB holds neither tiny persona: requests alternate alpha, beta, ... and each one loads.
    assert main([*common, "--budget-mb", "1"]) == 0
    tight = json.loads(capsys.readouterr().out)
    assert tight["budget_mb"] == 1.0
    assert tight["loads"] == 4 and tight["evictions"] == 4


@pytest.mark.parametrize(("args", "message"), [
    (["--budget-mb", "0"], "--budget-mb must be above 0"),
    (["--personas", "3"], "--personas 3 needs 3 personas"),
    (["--persona", "nobody"], "no persona named 'nobody'"),
    (["--requests", "0"], "must be at least 1"),
    (["--rounds", "0"], "--rounds must be at least 1"),
    (["--arrival-rate", "0"], "--arrival-rate must be above 0"),
    (["--peer", "ctranslate2", "--workload", "natural"], "--peer runs the fixed workload"),
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


def test_bench_on_lora_personas_it_writes_itself(tmp_path, capsys):
    """`--make-gpt2-base` (a small shape here) and `--make-lora-personas K --base`: the run mixes the
    adapters, compares with one persona alone, and reports adapter loads and memory against the base."""
    from helpers.checkpoints import make_base

    models = tmp_path / "models"
    make_base(models, "small")
    rc = main(["bench", "--models-dir", str(models), "--make-lora-personas", "3", "--base", "small",
               "--personas", "3", "--requests", "6", "--concurrency", "6", "--max-new-tokens", "4", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    assert result["personas"] == ["lora000", "lora001", "lora002"]
    assert PersonaRegistry(models).scan().added == ["lora000", "lora001", "lora002"]
    assert result["pool_tokens"] == result["naive_tokens"] == 6 * 4
    assert result["adapter_loads"] == 3 and result["adapter_load_ms_p50"] > 0
    assert result["adapter_slots"] == 8 and result["memory_vs_base"] > 1
    assert result["mixed_ratio"] > 0 and result["single_persona_tokens_per_s"] > 0
    assert main(["bench", "--models-dir", str(models), "--make-lora-personas", "2"]) == 2  # no --base
    assert "--make-lora-personas needs --base" in capsys.readouterr().err
    # CTranslate2 runs full models only: refused before any leg runs.
    import bot.bench

    async def no_leg(*args, **kwargs):
        raise AssertionError("a leg ran before the peer was checked")

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bot.bench, "run_pool", no_leg)
        assert main(["bench", "--models-dir", str(models), "--persona", "lora000", "--skip-naive",
                     "--peer", "ctranslate2", "--json"]) == 2
    out = capsys.readouterr()
    assert "needs a full-model persona; 'lora000' is an adapter" in out.err and out.out == ""


def test_natural_tweets_end_on_their_own_and_are_compared_with_fixed_ones(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "8", "--concurrency", "4",
               "--max-new-tokens", "48", "--skip-naive", "--workload", "both", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    assert result["workload"] == "fixed" and result["pool_mean_new_tokens"] == 48.0
    assert result["pool_tokens"] == 8 * 48
    # Untrained personas draw stop tokens often: natural tweets are shorter than the forced ones.
    assert 0 < result["natural_mean_new_tokens"] < 48
    assert abs(result["natural_tokens"] / 8 - result["natural_mean_new_tokens"]) <= 0.05
    ratio = result["natural_tokens_per_s"] / result["pool_tokens_per_s"]
    assert abs(result["natural_over_fixed"] - ratio) < 0.01
    assert result["natural_requests_per_s"] > 0 and result["natural_p50_ms"] <= result["natural_p95_ms"]
    # Eight requests, the eight prompts once each: every prompt prefilled (each leg on a pool of its own).
    assert result["pool_prompts_shared"] == result["natural_prompts_shared"] == 0.0


def test_the_bench_says_how_many_rows_skipped_their_prefill(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "16", "--concurrency", "4",
               "--max-new-tokens", "4", "--skip-naive", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    # The eight prompts twice (these personas have no copy guard: no redraw): the second time, each kept.
    assert result["copy_rejections"] == 0 and result["pool_prompts_shared"] == 0.5


def test_rounds_run_the_legs_in_turn_and_pool_them(bench_models, capsys, monkeypatch):
    """--rounds: each leg (both workloads, one persona alone) runs once a round, in turn, so a drift of
    the machine's speed falls on every leg; the figures pool the rounds, each round's ratio is shown."""
    import bot.bench

    legs, real = [], bot.bench.run_pool

    async def recorded(cfg, names, requests, concurrency, workload, *rest):
        run = await real(cfg, names, requests, concurrency, workload, *rest)
        legs.append((workload.name, len(names), run["tokens"], run["seconds"]))
        return run

    monkeypatch.setattr(bot.bench, "run_pool", recorded)
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "6", "--concurrency", "3",
               "--max-new-tokens", "8", "--skip-naive", "--workload", "both", "--personas", "2",
               "--rounds", "3", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    assert [(w, n) for w, n, *_ in legs] == [("fixed", 2), ("natural", 2), ("fixed", 1)] * 3
    assert result["rounds"] == 3 and result["pool_tokens"] == 3 * 6 * 8
    fixed = [(t, sec) for w, n, t, sec in legs if (w, n) == ("fixed", 2)]
    natural = [(t, sec) for w, n, t, sec in legs if w == "natural"]
    single = [(t, sec) for w, n, t, sec in legs if (w, n) == ("fixed", 1)]
    assert result["natural_tokens"] == sum(t for t, _ in natural)
    assert abs(result["pool_seconds"] - sum(sec for _, sec in fixed)) < 0.002

    def tps(runs):
        return sum(t for t, _ in runs) / sum(sec for _, sec in runs)

    assert abs(result["natural_over_fixed"] - tps(natural) / tps(fixed)) < 0.002
    assert abs(result["mixed_ratio"] - tps(fixed) / tps(single)) < 0.002
    assert result["natural_over_fixed_rounds"] == [round((n[0] / n[1]) / (f[0] / f[1]), 3)
                                                   for n, f in zip(natural, fixed, strict=True)]
    assert len(result["mixed_ratio_rounds"]) == 3
    assert main(["bench", "--models-dir", str(bench_models), "--requests", "2", "--concurrency", "2",
                 "--max-new-tokens", "4", "--skip-naive", "--workload", "both", "--rounds", "2"]) == 0
    assert "in each of 2 rounds" in (out := capsys.readouterr().out) and "round by round: " in out


def test_open_loop_reports_latency_against_one_request_alone(bench_models, capsys):
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "12", "--max-new-tokens", "8",
               "--skip-naive", "--workload", "natural", "--arrival-rate", "50", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    assert result["arrival_rate"] == 50.0 and result["workload"] == "natural"
    assert result["alone_p50_ms"] > 0 and result["p95_ms"] > 0
    assert 0 < result["alone_p50_ms"] <= result["alone_p95_ms"]
    assert abs(result["p95_over_alone_p95"] - result["p95_ms"] / result["alone_p95_ms"]) < 0.02
    assert result["delivered_tokens_per_s"] is None  # not known exactly when tweets differ in length
    assert result["natural_over_fixed"] is None


def test_arrivals_are_a_seeded_poisson_process() -> None:
    times = arrival_times(4000, rate=20.0)
    assert times == arrival_times(4000, rate=20.0) and times != arrival_times(4000, rate=20.0, seed=1)
    assert times == sorted(times)
    gaps = [b - a for a, b in zip([0.0, *times], times, strict=False)]
    assert abs(sum(gaps) / len(gaps) - 1 / 20) < 0.005  # mean gap 1/rate
    assert abs(statistics.pstdev(gaps) - 1 / 20) < 0.01  # exponential: the deviation equals the mean


async def test_open_loop_sends_at_arrival_not_after_the_last_answer() -> None:
    started: list[float] = []

    async def slow(i: int) -> None:  # every answer takes 0.2 s: a closed loop of 1 would take 1 s for 5
        started.append(time.perf_counter())
        await asyncio.sleep(0.2)

    t0 = time.perf_counter()
    latencies = await open_loop(slow, 5, rate=100.0)
    assert len(latencies) == 5 and all(lat >= 0.2 for lat in latencies)
    assert time.perf_counter() - t0 < 0.6 and max(started) - t0 < 0.3
    assert await closed_loop(slow, 3, 1) and len(started) == 8


def test_ctranslate2_runs_the_same_fixed_workload_beside_the_pool(bench_models, capsys):
    # Two rounds: the pool, then CTranslate2, then both again; each side's figures pool its rounds.
    rc = main(["bench", "--models-dir", str(bench_models), "--requests", "6", "--concurrency", "4",
               "--max-new-tokens", "8", "--skip-naive", "--peer", "ctranslate2", "--rounds", "2", "--json"])
    assert rc == 0
    result = json.loads(capsys.readouterr().out)
    # The same work on both engines: every tweet exactly 8 new tokens, counted from what came back.
    assert result["pool_tokens"] == result["peer_float32_tokens"] == result["peer_int8_tokens"] == 2 * 6 * 8
    assert result["peer_float32_tokens_per_s"] > 0 and result["peer_int8_tokens_per_s"] > 0
    ratio = result["pool_tokens_per_s"] / result["peer_float32_tokens_per_s"]
    assert abs(result["pool_over_peer_float32"] - ratio) < 0.01
