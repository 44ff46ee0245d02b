"""`python -m training train`: the JSON protocol, the checkpoint it writes, blends, a local base folder,
and every bad input (one `error:` line, exit 2, nothing written)."""

import json
import os
import signal
import subprocess
import sys
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint
from helpers.paths import ROOT
from helpers.training_cli import SAMPLE, events, run, snapshot

from training import cli
from training.checkpoint import read_persona, save_persona
from training.config import TrainingSettings
from training.events import Reporter
from training.handles import data_groups, read_handles, split_prefix
from training.runtime import BadInput
from training.tiny import EOS
from training.train import expand_home

PHASES = ["ingest", "clean", "tokenizer", "dataset", "evaluate", "train", "evaluate", "save"]


@dataclass
class Trained:
    models: Path
    result: subprocess.CompletedProcess
    events: list[dict]
    persona: Path


@pytest.fixture(scope="session")
def trained(tmp_path_factory) -> Trained:
    """The sample persona trained once for the session (tiny base, one epoch) over an older one."""
    work = tmp_path_factory.mktemp("trained")
    models = work / "models"
    make_checkpoint(models, "marlowe_bakes")  # an existing persona: retraining must replace it
    config = work / "config.toml"
    config.write_text("[training]\nwarn_chars = 100000\n")
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--base", "tiny", "--models-dir", models,
                 "--epochs", 1, "--json", "--config", config)
    assert result.returncode == 0, result.stderr
    return Trained(models, result, events(result), models / "marlowe_bakes")


def test_json_protocol(trained):
    evs = trained.events
    assert [e["phase"] for e in evs if e["event"] == "phase"] == PHASES
    assert evs[-1]["event"] == "done"
    assert [e["event"] for e in evs].count("done") == 1
    progress = [e for e in evs if e["event"] == "progress"]
    assert progress, "no progress events"
    assert all(e["phase"] == "train" and 0 < e["step"] <= e["total"] and isinstance(e["loss"], float)
               for e in progress)
    assert progress[-1]["step"] == progress[-1]["total"]
    warnings = [e["message"] for e in evs if e["event"] == "warning"]
    assert any("41,575 characters" in w for w in warnings)  # under the configured warn_chars
    assert trained.result.stderr.strip() == ""  # no bars, no library chatter in --json mode
    done = evs[-1]
    assert done["persona"] == "marlowe_bakes"
    assert Path(done["path"]) == trained.persona
    assert {k: v for k, v in done["table"].items() if isinstance(v, int)} == \
        {"downloaded": 480, "retweets": 50, "short": 28, "kept": 402}
    assert done["metrics"]["val_loss_after"] < done["metrics"]["val_loss_before"]
    assert done["seconds"] > 0


def test_checkpoint_contents(trained):
    assert sorted(p.name for p in trained.models.iterdir()) == ["marlowe_bakes"]  # no temp or trainer folders
    names = {p.name for p in trained.persona.iterdir()}
    assert {"model.safetensors", "config.json", "tokenizer.json", "generation_config.json", "persona.json",
            "README.md"} <= names
    assert not any(n.endswith(".bin") for n in names)
    modes = {(p.stat().st_mode & 0o777) for p in trained.persona.iterdir()}
    assert len(modes) == 1  # the weights as readable as the rest
    meta = read_persona(trained.persona)
    assert meta.name == "marlowe_bakes"
    assert meta.base_model == "tiny"
    assert [(h.handle, h.display_name) for h in meta.handles] == [("marlowe_bakes", "Marlowe Quill")]
    table = meta.handles[0].data
    assert (table.downloaded, table.retweets, table.short, table.kept) == (480, 50, 28, 402)
    assert meta.hyperparameters["epochs"] == 1  # the new persona replaced the untrained one (epochs 0)
    assert meta.hyperparameters["learning_rate"] > 0 and meta.hyperparameters["block_size"] == 256
    m = meta.metrics
    assert m.val_loss_after < m.val_loss_before
    assert m.val_ppl_after < m.val_ppl_before
    assert {"torch", "transformers", "tokenizers"} <= set(meta.library_versions)
    assert meta.prompt_prefix == EOS
    gen = json.loads((trained.persona / "generation_config.json").read_text())
    tok = json.loads((trained.persona / "tokenizer.json").read_text())
    eos = tok["model"]["vocab"][EOS]
    assert (gen["do_sample"], gen["top_p"], gen["temperature"]) == (True, 0.95, 1.0)
    assert gen["eos_token_id"] == gen["pad_token_id"] == eos
    config = json.loads((trained.persona / "config.json").read_text())
    assert config["prefix"] == EOS  # the pipeline puts it before every prompt, as huggingtweets'


def test_model_card(trained):
    card = (trained.persona / "README.md").read_text()
    front = card.split("---")[1]
    assert "tags:" in front and "- huggingtweets" in front
    assert 'text: "My dream is"' in front
    assert "| Tweets downloaded | 480 |" in card and "| Tweets kept | 402 |" in card
    meta = read_persona(trained.persona)
    assert f"{meta.metrics.val_ppl_after:.2f}" in card
    assert 'pipeline("text-generation"' in card
    assert 'generator("My dream is"' in card  # no prefix to add by hand: config.json carries it
    assert "## Limitations and bias" in card
    assert "language: en" in front  # detected from the kept tweets
    assert "from scratch" in card and "fine-tuned" not in card  # tiny is no fine-tune of GPT-2
    samples = card.split("## Sample tweets")[1].split("##")[0]
    assert [line.split("`")[1].split()[0] for line in samples.splitlines() if line.startswith("- `")] \
        == ["My", "I", "Today"]  # one generated tweet per prompt


def test_pipeline_loads_and_generates(trained):
    from transformers import pipeline

    generator = pipeline("text-generation", model=str(trained.persona))
    out = generator("My dream is", max_new_tokens=8, do_sample=False)[0]["generated_text"]
    # The same as generating after end-of-text + prompt by hand: the config's prefix is applied.
    tokenizer, model = generator.tokenizer, generator.model
    ids = tokenizer(EOS + "My dream is", return_tensors="pt").input_ids
    new = model.generate(ids, max_new_tokens=8, do_sample=False)[0][ids.shape[1]:]
    assert out == "My dream is" + tokenizer.decode(new, skip_special_tokens=True)
    assert ids[0, 0] == tokenizer.eos_token_id


def test_local_save_pretrained_base_uses_from_pretrained(tmp_path):
    base = make_checkpoint(tmp_path / "bases", "basemodel")  # save_pretrained files, 1024-token vocab
    models = tmp_path / "models"
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--base", base, "--models-dir", models,
                 "--epochs", 0.2, "--seed", 7, "--json", "--method", "full")  # auto: LoRA
    assert result.returncode == 0, result.stderr
    meta = read_persona(models / "marlowe_bakes")
    assert meta.kind == "full" and (models / "marlowe_bakes" / "config.json").is_file()
    assert meta.base_model == str(base)
    assert meta.hyperparameters["vocab_size"] == 1024  # the base's own tokenizer, not a new one
    assert meta.hyperparameters["learning_rate"] == pytest.approx(1.372e-4)  # the fine-tuning rate
    assert meta.hyperparameters["seed"] == 7
    assert meta.hyperparameters["block_size"] == 256  # [training] block_size 512, capped at the context


def test_blend_of_two_handles_in_terminal_mode(tmp_path):
    other = tmp_path / "crumbfan.txt"
    other.write_text("\n".join(f"the crust of loaf number {i} was the best thing I ate this week"
                               for i in range(150)) + "\nRT @marlowe_bakes: a retweet\nok\n")
    models = tmp_path / "models"
    result = run("train", "marlowe_bakes-crumbfan", "--data", f"marlowe_bakes={SAMPLE}",
                 "--data", f"crumbfan={other}", "--base", "tiny", "--models-dir", models, "--epochs", 0.2)
    assert result.returncode == 0, result.stderr
    assert "| Data | @marlowe_bakes | @crumbfan |" in result.stdout
    assert "| Retweets | 50 | 1 |" in result.stdout
    assert "saved to" in result.stdout and "perplexity" in result.stdout
    # Our phase lines, one training bar with the loss, and none of the libraries' own output.
    phases = [line.split("]")[0][1:] for line in result.stdout.splitlines() if line.startswith("[")]
    assert phases == PHASES
    bars = [part for part in result.stderr.replace("\r", "\n").splitlines() if "%|" in part]
    assert bars and all(b.startswith("train:") for b in bars), result.stderr
    assert "loss=" in bars[-1] and "100%|" in bars[-1]
    for noise in ("{'loss'", "'grad_norm'", "Writing model shards", "Loading weights", "it/s]"):
        assert noise not in result.stdout + result.stderr
    meta = read_persona(models / "marlowe_bakes-crumbfan")
    assert [(h.handle, h.display_name) for h in meta.handles] == [("marlowe_bakes", "Marlowe Quill"),
                                                                   ("crumbfan", "crumbfan")]
    assert meta.handles[1].data.kept == 150
    assert meta.hyperparameters["blend_repeats"][0] == 1 and meta.hyperparameters["blend_repeats"][1] > 1


# --- bad input: one line, exit 2, nothing written ----------------------------------------------


def write_zip(path: Path, members: dict[str, str]) -> Path:
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def hostile_pax_tar() -> bytes:
    from helpers.raw_tar import archive, member

    return archive(member(b"././@PaxHeader", b"x", b"1" * 300_000))


def bad_inputs(tmp: Path) -> dict[str, tuple[list[object], str]]:
    tweets = (SAMPLE / "data" / "tweets.js").read_text()
    png = tmp / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe")
    corrupt = tmp / "corrupt.zip"
    corrupt.write_bytes(write_zip(tmp / "ok.zip", {"data/tweets.js": tweets}).read_bytes()[:5000])
    escaping = write_zip(tmp / "escaping.zip", {"data/tweets.js": tweets, "../../outside.js": "x"})
    no_tweets = write_zip(tmp / "empty.zip", {"data/manifest.js": "window.__THAR_CONFIG = {}"})
    nothing = tmp / "nothing.txt"
    nothing.write_text("RT @a: only retweets here\nlol\nok then\n#tag @you http://x\n")
    little = tmp / "little.txt"
    little.write_text("\n".join(f"a short but proper tweet {i}" for i in range(40)))
    single = tmp / "single.txt"
    single.write_text("word " * 1300)
    small_limit = tmp / "small.toml"
    small_limit.write_text("[training]\nmax_tweets_bytes = 1000\n")
    nested = tmp / "nested.json"
    nested.write_text("[" * 100_000 + "]" * 100_000)
    encrypted = write_zip(tmp / "encrypted.zip", {"data/tweets.js": tweets})
    raw = bytearray(encrypted.read_bytes())
    for sig, flags in ((b"PK\x03\x04", 6), (b"PK\x01\x02", 8)):  # its one member marked encrypted
        raw[raw.index(sig) + flags] |= 0x1
    encrypted.write_bytes(bytes(raw))
    bad_config = tmp / "bad.toml"
    bad_config.write_text("[training]\nepochs = -1\n")
    # A crafted manifest whose user name would break out of the card's code span and mention a role.
    hostile = "window.__THAR_CONFIG = " + json.dumps({"userInfo": {"userName": "x`` <@&123>"}})
    hostile_zip = write_zip(tmp / "hostile.zip", {"data/tweets.js": tweets, "data/manifest.js": hostile})
    hostile_folder = tmp / "hostile"
    (hostile_folder / "data").mkdir(parents=True)
    (hostile_folder / "data" / "tweets.js").write_text(tweets)
    (hostile_folder / "data" / "manifest.js").write_text(hostile)
    huge_header = tmp / "huge_header.csv"  # one header field over csv's field_size_limit (131,072)
    huge_header.write_text("text," + "x" * 140_000 + "\nhello there you all,1\n")
    pax_tar = tmp / "archive.tar"  # CVE-2024-6232's shape: a pax header of 300,000 digits
    pax_tar.write_bytes(hostile_pax_tar())
    return {
        "huge CSV header": (["x", "--data", huge_header], "bad CSV at line 1: field larger than field limit"),
        "hostile pax header": (["x", "--data", pax_tar], "a pax header of 300,000 bytes, over the limit"),
        "persona name": (["bad name!", "--data", SAMPLE], "is not a handle"),
        "persona name too long": (["a" * 16, "--data", SAMPLE], "is not a handle"),
        "blend name too long": (["-".join(["a" * 15] * 7), "--data", SAMPLE], "100 characters at most"),
        "missing path": (["x", "--data", tmp / "nope"], "no such file or directory"),
        "not a format": (["x", "--data", png], "not UTF-8 text"),
        "corrupt zip": (["x", "--data", corrupt], "corrupt or truncated zip"),
        "escaping member": (["x", "--data", escaping], "escapes its folder"),
        "encrypted zip": (["x", "--data", encrypted], "data/tweets.js is encrypted"),
        "deeply nested JSON": (["x", "--data", nested], "nested too deeply"),
        "over size limit": (["x", "--data", SAMPLE, "--config", small_limit], "over the limit of 1,000"),
        "no tweets": (["x", "--data", no_tweets], "holds no tweet files"),
        "nothing left": (["x", "--data", nothing], "nothing left after cleaning (4 tweets read: 1 retweets"),
        "too little text": (["x", "--data", little], "only 1,070 characters of tweets left"),
        "one long tweet": (["x", "--data", single], "too few tweets to hold some out for validation"),
        "mixed data forms": (["x", "--data", f"a={SAMPLE}", "--data", SAMPLE], "mix of --data"),
        "bad config": (["x", "--data", SAMPLE, "--config", bad_config], "[training] epochs"),
        "bad epochs": (["x", "--data", SAMPLE, "--epochs", 0], "--epochs must be above 0"),
        "missing --data": (["x"], "the following arguments are required: --data"),
        "hostile handle in a zip": (["x", "--data", hostile_zip], f"'{hostile_zip}': data/manifest.js: "
                                    "userName 'x`` <@&123>' is not an X handle (1-15 letters, digits or _)"),
        "hostile handle in a folder": (["x", "--data", hostile_folder],
                                       f"'{hostile_folder}/data/manifest.js': userName 'x`` <@&123>' "
                                       "is not an X handle"),
    }


CASES = ["huge CSV header", "hostile pax header",
         "persona name", "persona name too long", "blend name too long", "missing path", "not a format",
         "corrupt zip", "escaping member", "encrypted zip", "deeply nested JSON", "over size limit",
         "no tweets", "nothing left", "too little text", "one long tweet", "mixed data forms", "bad config",
         "bad epochs", "missing --data", "hostile handle in a zip", "hostile handle in a folder"]


@pytest.mark.parametrize("case", CASES)
def test_bad_input_is_one_line_exit_2_and_writes_nothing(tmp_path, case):
    args, message = bad_inputs(tmp_path)[case]
    models = tmp_path / "models"
    make_checkpoint(models, "x")
    before = snapshot(models)
    for mode in (["--json"], []):
        result = run("train", *args, "--base", "tiny", "--models-dir", models, *mode)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert lines[0].startswith("error: ") and message in lines[0]
        if mode:
            assert "done" not in [e["event"] for e in events(result)]
        assert snapshot(models) == before


@pytest.mark.parametrize(("case", "message"), [("missing path", "no such file or directory"),
                                               ("corrupt zip", "corrupt or truncated zip"),
                                               ("huge CSV header", "field larger than field limit")])
def test_inspect_bad_input_is_one_line_exit_2(tmp_path, case, message):
    args, _ = bad_inputs(tmp_path)[case]
    for mode in (["--json"], []):
        result = run("inspect", args[2], *mode)
        assert result.returncode == 2
        assert result.stderr.strip().splitlines() == [result.stderr.strip()]
        assert result.stderr.startswith("error: ") and message in result.stderr
        assert result.stdout == ""


@pytest.mark.parametrize("kind", ["missing folder", "folder without a model"])
def test_unloadable_base_is_bad_input(tmp_path, kind):
    base = tmp_path / "no-such-model"
    if kind == "folder without a model":
        base.mkdir()
    models = tmp_path / "models"
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--base", base, "--models-dir", models, "--json")
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"error: --base {base}: no such folder"
                                                   if kind == "missing folder" else "error: base model")
    assert not models.exists() or not any(models.iterdir())


def test_internal_failure_is_exit_1_and_writes_nothing(tmp_path, monkeypatch, capsys):
    import training.finetune

    def broken(*args, **kwargs):
        raise RuntimeError("simulated crash\nin training")

    monkeypatch.setattr(training.finetune, "finetune", broken)
    models = tmp_path / "models"
    make_checkpoint(models, "marlowe_bakes")
    before = snapshot(models)
    capsys.readouterr()
    code = cli.main(["train", "marlowe_bakes", "--data", str(SAMPLE), "--base", "tiny",
                     "--models-dir", str(models), "--json"])
    assert code == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["error: internal failure: RuntimeError: simulated crash in training"]
    assert snapshot(models) == before


def test_failure_mid_write_leaves_the_old_persona_and_no_temp_folder(tmp_path):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    models = tmp_path / "models"
    old = make_checkpoint(models, "marlowe_bakes", seed=1)
    before = snapshot(models)
    old_weights = (old / "model.safetensors").read_bytes()
    model = AutoModelForCausalLM.from_pretrained(old)
    tokenizer = AutoTokenizer.from_pretrained(old)
    meta = read_persona(old).model_copy(update={"base_model": "other"})

    def fail(*args, **kwargs):  # the weights are already written when this runs
        raise OSError("disk full")

    tokenizer.save_pretrained = fail
    with pytest.raises(OSError, match="disk full"):
        save_persona(models, meta, model, tokenizer, "card")
    assert snapshot(models) == before
    assert (old / "model.safetensors").read_bytes() == old_weights
    assert read_persona(old).base_model == "tiny"

    del tokenizer.save_pretrained  # and a write that succeeds replaces it whole
    save_persona(models, meta, model, tokenizer, "card")
    assert read_persona(old).base_model == "other"
    assert sorted(p.name for p in models.iterdir()) == ["marlowe_bakes"]


# --- which account each --data belongs to -------------------------------------------------------


def test_plain_data_paths_are_files_of_one_account_named_after_the_persona(tmp_path):
    first, second = tmp_path / "2019.txt", tmp_path / "2020.csv"
    first.write_text("a tweet from the first file\n")
    second.write_text("text\na tweet from the second file\n")
    groups = data_groups("smith", [str(first), str(second)])
    [handle] = read_handles(groups, TrainingSettings(), Reporter())
    assert (handle.handle, handle.display_name) == ("smith", "smith")
    assert [r.text for r in handle.records] == ["a tweet from the first file", "a tweet from the second file"]


def test_manifest_names_the_account_before_the_prefix(tmp_path):
    groups = data_groups("a-b", [f"a={SAMPLE}", f"b={tmp_path}"])
    assert groups == {"a": [SAMPLE], "b": [tmp_path]}
    handles = read_handles({"a": [SAMPLE]}, TrainingSettings(), Reporter())
    assert [(h.handle, h.display_name) for h in handles] == [("marlowe_bakes", "Marlowe Quill")]
    with pytest.raises(BadInput, match="both the account @marlowe_bakes"):
        read_handles({"a": [SAMPLE], "b": [SAMPLE]}, TrainingSettings(), Reporter())


def test_a_path_with_an_equals_sign_is_still_a_path():
    assert split_prefix("crumbfan=x.txt") == ("crumbfan", Path("x.txt"))
    assert split_prefix("dir/a=b.txt") == (None, Path("dir/a=b.txt"))
    assert split_prefix("bad-name=x.txt") == (None, Path("bad-name=x.txt"))


def test_sigterm_mid_training_cleans_up_and_keeps_the_old_persona(tmp_path):
    models, scratch = tmp_path / "models", tmp_path / "tmp"
    scratch.mkdir()
    make_checkpoint(models, "marlowe_bakes")
    before = snapshot(models)
    argv = [sys.executable, "-m", "training", "train", "marlowe_bakes", "--data", str(SAMPLE),
            "--base", "tiny", "--models-dir", str(models), "--json"]
    proc = subprocess.Popen(argv, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "TMPDIR": str(scratch)})
    try:
        for line in proc.stdout:
            if json.loads(line).get("phase") == "train":
                break
        assert list(scratch.glob("persona-trainer-*")), "the Trainer's scratch folder should exist by now"
        proc.send_signal(signal.SIGTERM)
        assert proc.wait(timeout=60) == 128 + signal.SIGTERM
    finally:
        proc.kill()
        proc.wait()
    assert not list(scratch.glob("persona-trainer-*"))
    assert snapshot(models) == before


# SIGTERM handled inside a `__del__` run by the garbage collector: there the exception is only printed.
TERM_IN_DEL = """
import os, signal, sys, time
from training.cli import stop_on_sigterm
stop_on_sigterm()
class Collected:
    def __del__(self):
        os.kill(os.getpid(), signal.SIGTERM)
        sum(range(1000))  # bytecodes: the handler runs here, in __del__
Collected()
for _ in range(500):
    time.sleep(0.01)
print("still running")
"""


def test_sigterm_handled_inside_a_del_still_stops_the_process():
    result = subprocess.run([sys.executable, "-c", TERM_IN_DEL], cwd=ROOT, capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 128 + signal.SIGTERM, result.stderr
    assert "still running" not in result.stdout
    assert "Terminated" not in result.stderr  # handled again, not printed as ignored


def test_unknown_hub_base_is_one_line_exit_2(tmp_path):
    models = tmp_path / "models"
    env = {**os.environ, "HF_HUB_OFFLINE": "1"}  # fail at once, network or none
    result = subprocess.run([sys.executable, "-m", "training", "train", "x", "--data", str(SAMPLE),
                             "--base", "no_such_org/no_such_model", "--models-dir", str(models)],
                            cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: base model 'no_such_org/no_such_model'"), lines
    assert not models.exists() or not any(models.iterdir())


# The real hub client against a closed local port, its back-off sleeps skipped: it logs a warning per
# retry (~50 s of them without the skip), which must stay off the user's terminal.
UNREACHABLE_HUB = """
import sys, huggingface_hub.utils._http as hub_http
hub_http.time = type("NoSleep", (), {"sleep": staticmethod(lambda seconds: None)})
from training.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_hub_retries_on_an_unreachable_hub_stay_off_the_terminal(tmp_path):
    models = tmp_path / "models"
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HUB_OFFLINE": "0"}
    for mode in (["--json"], []):
        result = subprocess.run([sys.executable, "-c", UNREACHABLE_HUB, "train", "x", "--data", str(SAMPLE),
                                 "--base", "no_such_org/no_such_model", "--models-dir", str(models), *mode],
                                cwd=ROOT, capture_output=True, text=True, timeout=120, env=env,
                                stdin=subprocess.DEVNULL)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: base model 'no_such_org/no_such_model'"), lines


def test_default_base_without_a_network_fails_in_seconds(tmp_path):
    """Not cached and the hub out of reach (a closed local port): one line saying what to do, at once,
    not after the hub client's ~50 s of retries; HF_HUB_OFFLINE=1 gives it without asking at all."""
    models = tmp_path / "models"
    env = {**os.environ, "HF_ENDPOINT": "http://127.0.0.1:9", "HF_HOME": str(tmp_path / "hf"),
           "HF_HUB_OFFLINE": "0"}
    for offline in ("0", "1"):
        started = time.monotonic()
        result = subprocess.run([sys.executable, "-m", "training", "train", "x", "--data", str(SAMPLE),
                                 "--base", "gpt2", "--models-dir", str(models)], cwd=ROOT,
                                capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
                                env={**env, "HF_HUB_OFFLINE": offline})
        assert time.monotonic() - started < 15
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, lines
        assert lines[0].startswith("error: base model 'gpt2' is not in the local Hugging Face cache and ")
        assert "--base tiny" in lines[0] and "HF_HUB_OFFLINE=1" in lines[0]
        assert ("HF_HUB_OFFLINE is set" if offline == "1" else "http://127.0.0.1:9") in lines[0]
        assert result.stdout == ""  # refused before reading anything
        assert not models.exists() or not any(models.iterdir())


def test_hub_reachable_counts_any_http_answer(monkeypatch):
    import urllib.error
    import urllib.request

    from training.hub import hub_reachable

    assert not hub_reachable("http://127.0.0.1:9", timeout=2)

    def not_found(request, timeout):
        raise urllib.error.HTTPError(request.full_url, 404, "Not Found", {}, None)

    monkeypatch.setattr(urllib.request, "urlopen", not_found)
    assert hub_reachable("https://huggingface.co")


def test_hub_reachable_counts_a_tls_failure():
    """Something answered (a proxy re-signing traffic, certificates urllib does not trust): the hub
    client may get through with its own settings, so the base is not refused as unreachable."""
    import socket
    import threading

    from training.hub import hub_reachable

    server = socket.create_server(("127.0.0.1", 0))

    def answer_in_plain_text() -> None:
        conn, _ = server.accept()
        with conn:
            conn.recv(1024)
            conn.sendall(b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n")

    thread = threading.Thread(target=answer_in_plain_text, daemon=True)
    thread.start()
    try:
        assert hub_reachable(f"https://127.0.0.1:{server.getsockname()[1]}", timeout=5)
    finally:
        server.close()


# --- the archive's account names, a base in the home folder, leftovers ---------------------------


def archive_folder(folder: Path, user_name: str, display_name: str) -> Path:
    """The sample's tweets as an unpacked archive whose manifest says this account."""
    (folder / "data").mkdir(parents=True)
    (folder / "data" / "tweets.js").write_text((SAMPLE / "data" / "tweets.js").read_text())
    info = {"userInfo": {"userName": user_name, "displayName": display_name}}
    (folder / "data" / "manifest.js").write_text("window.__THAR_CONFIG = " + json.dumps(info))
    return folder


# 3,000 characters with line breaks, control characters and a bidi override.
HOSTILE_DISPLAY = "Marlowe\n\u202eQuill\x1b[1m\r\n<@&123>\x00 " + "z" * 3000
SAFE_DISPLAY = "Marlowe Quill [1m <@&123> " + "z" * 24  # 50 characters, on one line


def test_read_handles_normalises_the_display_name_or_falls_back_to_the_handle(tmp_path):
    hostile = archive_folder(tmp_path / "a", "@marlowe_bakes", HOSTILE_DISPLAY)
    blank = archive_folder(tmp_path / "b", "crumbfan", "\u202e\n\u2066\t")
    handles = read_handles({"a": [hostile], "b": [blank]}, TrainingSettings(), Reporter())
    assert [(h.handle, h.display_name) for h in handles] == [("marlowe_bakes", SAFE_DISPLAY),
                                                             ("crumbfan", "crumbfan")]


def test_expand_home_expands_only_a_home_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    assert expand_home("~/bases/mine") == f"{tmp_path}/bases/mine"
    assert expand_home("~") == str(tmp_path)
    for unchanged in ("gpt2", "tiny", "org/model~2", "./bases/mine", "/abs/~/x"):
        assert expand_home(unchanged) == unchanged
    with pytest.raises(BadInput, match="cannot find that home folder"):
        expand_home("~no_such_user_for_this_test/x")


def test_home_base_is_expanded_and_recorded_and_a_hostile_display_name_made_safe(tmp_path):
    home = tmp_path / "home"
    base = make_checkpoint(home / "bases", "basemodel")
    data = archive_folder(tmp_path / "archive", "@marlowe_bakes", HOSTILE_DISPLAY)
    models = tmp_path / "models"
    env = {**os.environ, "HOME": str(home), "HF_HUB_OFFLINE": "1"}
    result = subprocess.run([sys.executable, "-m", "training", "train", "marlowe_bakes", "--data", str(data),
                             "--base", "~/bases/basemodel", "--models-dir", str(models), "--epochs", "0.2",
                             "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300, env=env,
                            stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    meta = read_persona(models / "marlowe_bakes")
    assert meta.base_model == str(base)  # what was loaded: the folder, not the literal '~/...'
    assert meta.kind == "lora" and (meta.base.source, meta.base.name) == ("folder", str(base))
    assert meta.hyperparameters["vocab_size"] == 1024  # the base's own tokenizer: it was really used
    assert [(h.handle, h.display_name) for h in meta.handles] == [("marlowe_bakes", SAFE_DISPLAY)]
    card = (models / "marlowe_bakes" / "README.md").read_text()
    assert f"\n# 🤖 AI BOT: {SAFE_DISPLAY}\n" in card
    assert "\u202e" not in card and "\x1b" not in card and "\x00" not in card


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_train_first_clears_what_an_interrupted_training_left(tmp_path, capsys):
    models = tmp_path / "models"
    make_checkpoint(models, "alpha")
    os.rename(models / "alpha", models / ".old-alpha")  # killed between the fallback swap's renames
    stale = models / f".tmp-x-{dead_pid()}-deadbeef"
    live = models / f".tmp-y-{os.getpid()}-0123abcd"  # another training, still writing
    for folder in (stale, live):
        folder.mkdir()
        (folder / "model.safetensors").write_bytes(b"half")
    little = tmp_path / "little.txt"
    little.write_text("\n".join(f"a short but proper tweet {i}" for i in range(40)))
    capsys.readouterr()
    code = cli.main(["train", "x", "--data", str(little), "--base", "tiny", "--models-dir", str(models)])
    assert code == 2  # fails fast (too little text), after the clean-up
    assert "only 1,070 characters" in capsys.readouterr().err
    assert sorted(p.name for p in models.iterdir()) == sorted(["alpha", live.name])
    assert read_persona(models / "alpha").name == "alpha"


def test_inspect_counts_posts_too_long_private_dms_and_a_protected_account(tmp_path):
    from helpers.discord_export import ALICE, direct, message, user
    from helpers.mastodon_export import note, outbox
    from helpers.x_archive import protected_history, sample_zip

    posts = tmp_path / "outbox.json"
    posts.write_bytes(outbox([note("<p>" + "word " * 30_000 + "</p>")]
                             + [note(f"<p>an ordinary post number {i}</p>") for i in range(3)]))
    dm = tmp_path / "dm.json"
    alice = user(ALICE, "alice")
    dm.write_text(json.dumps(direct([message(alice, f"a proper message {i}") for i in range(200)])))
    x = sample_zip(tmp_path, **{"data/protected-history.js": protected_history(("2021-01-01", "Protect"))})
    result = run("inspect", f"posts={posts}", f"dm={dm}", f"x={x}", "--json")
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout)
    handles = table["handles"]
    assert (handles["posts"]["filters"], handles["posts"]["kept"]) == ({"private": 0, "too_long": 1}, 3)
    assert (handles["alice"]["filters"]["private"], handles["alice"]["kept"]) == (200, 0)
    assert table["too_long"] == 1 and table["private"] == 200
    assert table["details"]["protected"] == ["marlowe_bakes"] and handles["marlowe_bakes"]["protected"]
    text = run("inspect", f"x={x}")
    assert "@marlowe_bakes: a protected account" in text.stdout
