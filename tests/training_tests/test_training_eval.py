"""`python -m training eval` and the voice report at the end of a training: a LoRA persona trained on
a small shared base gets its report in persona.json, the card and the done event; `eval` recomputes it
reproducibly from the data (the same JSON twice), writes it, and refuses bad input with one line,
writing nothing; a tiny persona has no base to compare."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.checkpoints import make_base
from helpers.paths import ROOT

from training.checkpoint import read_persona
from training.generated_text import tweet_text
from training.voice import voice_line

SAMPLE = ROOT / "examples" / "marlowe_bakes"
OFFLINE = {**os.environ, "HF_HUB_OFFLINE": "1"}


def run(*args: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "training", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, timeout=600, stdin=subprocess.DEVNULL, env=OFFLINE)


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> tuple[Path, Path, dict]:
    """The sample persona as a LoRA adapter on an untrained shared base (one epoch), with a small
    voice report at the end of its training."""
    work = tmp_path_factory.mktemp("eval")
    models = work / "models"
    make_base(models, "testbase")
    config = work / "config.toml"
    config.write_text('[training]\nbase = "testbase"\nepochs = 1\neval_tweets = 16\nwarn_chars = 100000\n')
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models, "--config", config,
                 "--json")
    assert result.returncode == 0, result.stderr
    done = [json.loads(line) for line in result.stdout.splitlines()][-1]
    return models, config, done


def test_training_ends_with_a_voice_report_in_persona_json_and_the_card(trained):
    models, _config, done = trained
    meta = read_persona(models / "marlowe_bakes")
    assert meta.kind == "lora" and meta.voice is not None
    assert done["voice"] == meta.voice.model_dump()
    assert (meta.voice.tweets, meta.voice.seed, meta.voice.base) == (16, 42, "testbase")
    assert meta.voice.held_out == meta.hyperparameters["validation_tweets"]
    assert all(0 <= x <= 1 for x in (meta.voice.voice, meta.voice.ceiling, meta.voice.floor))
    assert meta.voice.sampling == {"temperature": 1.0, "top_p": 0.95, "top_k": 50, "min_length": 10,
                                   "max_new_tokens": 48}
    assert set(meta.voice.style) == {"characters", "words", "mentions", "hashtags", "links", "emoji",
                                     "capitals", "punctuation"}
    assert voice_line(meta.voice) in (models / "marlowe_bakes" / "README.md").read_text()
    # and the copy guard's hashes of the kept tweets, never their text
    from training.copyguard import read_header

    n, count = read_header(models / "marlowe_bakes")
    assert n == 8 and count > 100
    assert b"sourdough" not in (models / "marlowe_bakes" / "copyguard.hashes").read_bytes().lower()


def test_eval_is_reproducible_and_writes_the_report(trained):
    models, config, _done = trained
    args = ("eval", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models, "--config", config,
            "--n", 24, "--seed", 3, "--json")
    first, second = run(*args), run(*args)
    assert first.returncode == 0, first.stderr
    assert first.stdout == second.stdout and len(first.stdout.splitlines()) == 1
    report = json.loads(first.stdout)
    assert (report["persona"], report["tweets"], report["seed"], report["base"]) == ("marlowe_bakes", 24, 3,
                                                                                      "testbase")
    meta = read_persona(models / "marlowe_bakes")
    assert meta.voice is not None and meta.voice.model_dump() == {
        k: v for k, v in report.items() if k not in ("persona", "line")}
    assert report["line"] == voice_line(meta.voice)
    assert report["line"] in (models / "marlowe_bakes" / "README.md").read_text()

    # Without --json: the line, then a table of the style measures.
    human = run("eval", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models, "--config", config,
                "--n", 24, "--seed", 3)
    assert human.returncode == 0, human.stderr
    lines = human.stdout.splitlines()
    assert lines[0] == f"marlowe_bakes: {report['line']}"
    assert any(line.split()[:1] == ["punctuation"] for line in lines)


def bad_eval_inputs(tmp: Path, models: Path, config: Path) -> dict[str, tuple[list[object], str]]:
    other = tmp / "other.txt"
    other.write_text("\n".join(f"tweet number {i} about something else entirely today" for i in range(400)))
    common = ["--models-dir", models, "--config", config]
    return {
        "no such persona": (["eval", "nobody", "--data", SAMPLE, *common], "no persona 'nobody'"),
        "data missing": (["eval", "marlowe_bakes", "--data", tmp / "gone.zip", *common], "gone.zip"),
        "other data": (["eval", "marlowe_bakes", "--data", other, *common], "trained on"),
        "no tweets asked": (["eval", "marlowe_bakes", "--data", SAMPLE, "--n", 0, *common], "--n must be"),
        "bad name": (["eval", "../x", "--data", SAMPLE, *common], "not a persona name"),
    }


@pytest.mark.parametrize("case", ["no such persona", "data missing", "other data", "no tweets asked",
                                  "bad name"])
def test_bad_eval_input_is_one_line_exit_2_and_writes_nothing(trained, tmp_path, case):
    models, config, _done = trained
    args, expected = bad_eval_inputs(tmp_path, models, config)[case]
    before = snapshot(models)
    result = run(*args)
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and expected in lines[0], result.stderr
    assert result.stdout == ""
    assert snapshot(models) == before


def test_a_tiny_persona_has_no_base_to_compare(tmp_path):
    models = tmp_path / "models"
    config = tmp_path / "config.toml"
    config.write_text("[training]\neval_tweets = 0\nwarn_chars = 100000\n")
    trained = run("train", "marlowe_bakes", "--data", SAMPLE, "--base", "tiny", "--epochs", 0.1,
                  "--models-dir", models, "--config", config, "--json")
    assert trained.returncode == 0, trained.stderr
    assert read_persona(models / "marlowe_bakes").voice is None  # eval_tweets = 0: no report
    result = run("eval", "marlowe_bakes", "--data", SAMPLE, "--n", 8, "--models-dir", models, "--config",
                 config, "--json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["base"] is None and report["voice"] is None and report["floor"] is None
    assert report["tweets"] == 8 and report["line"].startswith("Voice not measured (no base to compare")
    assert read_persona(models / "marlowe_bakes").voice.tweets == 8


def test_one_tweet_is_cut_as_the_bot_cuts_it():
    assert tweet_text("", "  bread\x07 is good\nsecond line", "<|endoftext|>") == "bread is good"
    assert tweet_text("", "rye<|endoftext|>more", "<|endoftext|>") == "rye"
    assert tweet_text("", "a\rb", None) == "a"
