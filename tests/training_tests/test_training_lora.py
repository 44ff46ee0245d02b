"""LoRA personas on a shared base: `pretrain` writes the base into models/.bases, `train` (method auto)
an adapter folder on it that loads in plain Python with PEFT and the pipeline, from wherever models/
has moved, with the base's and the persona's validation loss on the person's held-out tweets."""

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from helpers.checkpoints import make_base, make_checkpoint
from helpers.paths import ROOT

from training.bases import BASES_DIR, resolve_base, weights_fingerprint
from training.checkpoint import list_persona_dirs, read_base, read_persona
from training.tiny import EOS

SAMPLE = ROOT / "examples" / "marlowe_bakes"
PHASES = ["ingest", "clean", "tokenizer", "dataset", "evaluate", "train", "evaluate", "save"]
OFFLINE = {**os.environ, "HF_HUB_OFFLINE": "1"}  # nothing here may reach the hub


def run(*args: object, cwd: Path = ROOT, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "training", *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, timeout=300, stdin=subprocess.DEVNULL, env=env or OFFLINE)


def events(result: subprocess.CompletedProcess) -> list[dict]:
    return [json.loads(line) for line in result.stdout.splitlines()]


def snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*"))}


@dataclass
class Trained:
    work: Path
    models: Path
    base: Path
    pretrain: subprocess.CompletedProcess
    train: subprocess.CompletedProcess
    persona: Path


@pytest.fixture(scope="module")
def trained(tmp_path_factory) -> Trained:
    """A base pretrained on the sample (one epoch), then the sample persona trained on it the way the
    bot starts a training: `[training] base` names the base, method is left at auto, --json."""
    work = tmp_path_factory.mktemp("lora")
    models = work / "models"
    pretrain = run("pretrain", "samplebase", "--data", SAMPLE, "--models-dir", models, "--epochs", 1,
                   "--json")
    assert pretrain.returncode == 0, pretrain.stderr
    config = work / "config.toml"
    config.write_text('[training]\nbase = "samplebase"\nepochs = 1\nlora_epochs = 2\n')
    train = run("train", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models, "--json",
                "--config", config)
    assert train.returncode == 0, train.stderr
    return Trained(work, models, models / BASES_DIR / "samplebase", pretrain, train, models / "marlowe_bakes")


# --- the shared base ---------------------------------------------------------------------------


def test_pretrain_writes_an_ordinary_folder_under_dot_bases(trained):
    evs = events(trained.pretrain)
    assert [e["phase"] for e in evs if e["event"] == "phase"] == PHASES
    assert evs[-1]["event"] == "done" and Path(evs[-1]["path"]) == trained.base
    assert trained.pretrain.stderr.strip() == ""
    names = {p.name for p in trained.base.iterdir()}
    assert {"config.json", "model.safetensors", "tokenizer.json", "generation_config.json", "base.json",
            "README.md"} <= names
    assert sorted(p.name for p in (trained.models / BASES_DIR).iterdir()) == ["samplebase"]  # no temp left
    meta = read_base(trained.base)
    assert meta.name == "samplebase"
    assert [(s.label, s.data.kept, s.data.retweets) for s in meta.sources] == [("marlowe_bakes", 402, 50)]
    assert meta.fingerprint == weights_fingerprint(trained.base)
    assert meta.metrics.val_loss_after < meta.metrics.val_loss_before
    assert meta.hyperparameters["vocab_size"] > 256  # a BPE learnt from the text, beyond the bytes
    assert json.loads((trained.base / "config.json").read_text())["prefix"] == EOS
    assert list_persona_dirs(trained.models) == [trained.persona]  # a base is never a persona


def test_pretrained_base_loads_with_from_pretrained(trained):
    from transformers import AutoModelForCausalLM, AutoTokenizer

    model = AutoModelForCausalLM.from_pretrained(trained.base)
    tokenizer = AutoTokenizer.from_pretrained(trained.base)
    assert tokenizer.eos_token == EOS
    assert model.config.vocab_size == len(tokenizer)


# --- the LoRA persona folder ---------------------------------------------------------------------


def test_auto_method_on_a_shared_base_trains_an_adapter(trained):
    evs = events(trained.train)
    assert [e["phase"] for e in evs if e["event"] == "phase"] == PHASES  # what the bot's progress reads
    progress = [e for e in evs if e["event"] == "progress"]
    assert progress and progress[-1]["step"] == progress[-1]["total"]
    assert trained.train.stderr.strip() == ""
    done = evs[-1]
    assert done["event"] == "done" and done["kind"] == "lora"
    assert done["base"]["name"] == "samplebase" and done["base"]["source"] == "models"

    names = sorted(p.name for p in trained.persona.iterdir() if not p.name.startswith("avatar-"))
    assert names == ["README.md", "adapter_config.json", "adapter_model.safetensors", "copyguard.hashes",
                     "persona.json", "tokenizer.json", "tokenizer_config.json"]  # no config.json: not full
    assert read_persona(trained.persona).hyperparameters["method_reason"].startswith(
        "the base reads this person's tweets (perplexity ")  # auto measured the base before choosing
    assert len(list(trained.persona.glob("avatar-*.png"))) == 1  # the sample's profile picture
    meta = read_persona(trained.persona)
    assert meta.kind == "lora" and meta.base_model == "samplebase"
    assert (meta.base.name, meta.base.source) == ("samplebase", "models")
    assert meta.base.fingerprint == weights_fingerprint(trained.base) == read_base(trained.base).fingerprint
    # The rank chosen for the base: the largest power of two up to 16 keeping the adapter within 5% of it.
    from training.lora import LORA_MAX_SHARE, MAX_AUTO_RANK

    rank = meta.lora.rank
    assert rank in (1, 2, 4, 8, 16) and meta.lora.alpha == 2.0 * rank
    trainable = meta.hyperparameters["trainable_parameters"]
    base_params = meta.hyperparameters["parameters"] - trainable
    assert trainable <= LORA_MAX_SHARE * base_params
    assert rank == MAX_AUTO_RANK or LORA_MAX_SHARE * base_params < 2 * trainable
    assert (meta.lora.targets, meta.lora.dropout) == (["c_attn", "c_proj", "c_fc"], 0.05)
    assert meta.lora.peft_version and meta.library_versions["peft"] == meta.lora.peft_version
    assert meta.prompt_prefix == EOS
    hp = meta.hyperparameters
    # An adapter trains lora_epochs (2 here), not the full fine-tune's epochs (1).
    assert hp["method"] == "lora" and hp["learning_rate"] == pytest.approx(5e-3) and hp["epochs"] == 2
    assert 0 < hp["trainable_parameters"] < hp["parameters"] / 5
    assert meta.metrics.val_loss_after < meta.metrics.val_loss_before


def test_adapter_files_are_pefts_with_the_contracts_shape(trained):
    from safetensors import safe_open

    config = json.loads((trained.persona / "adapter_config.json").read_text())
    assert config["base_model_name_or_path"] == "models/.bases/samplebase"  # relative to models/' parent
    rank = read_persona(trained.persona).lora.rank
    assert (config["peft_type"], config["r"], config["lora_alpha"], config["lora_dropout"]) == \
        ("LORA", rank, 2 * rank, 0.05)
    assert sorted(config["target_modules"]) == ["c_attn", "c_fc", "c_proj"]
    assert config["fan_in_fan_out"] is True and config["bias"] == "none"
    assert not config["modules_to_save"] and not config["use_dora"] and not config["use_rslora"]
    n_layer = json.loads((trained.base / "config.json").read_text())["n_layer"]
    key = re.compile(r"base_model\.model\.transformer\.h\.(\d+)\."
                     r"(attn\.c_attn|attn\.c_proj|mlp\.c_fc|mlp\.c_proj)\.lora_(A|B)\.weight")
    with safe_open(trained.persona / "adapter_model.safetensors", "pt") as f:
        keys = list(f.keys())
        assert all(key.fullmatch(k) for k in keys), keys
        assert len(keys) == n_layer * 4 * 2
        a = f.get_slice("base_model.model.transformer.h.0.attn.c_attn.lora_A.weight").get_shape()
        b = f.get_slice("base_model.model.transformer.h.0.attn.c_attn.lora_B.weight").get_shape()
    assert a == [rank, 256] and b == [3 * 256, rank]  # [r, in] and [out, r]


def held_out_blocks(tokenizer, meta):
    """The persona's validation blocks, rebuilt as training built them."""
    from training.config import TrainingSettings
    from training.dataset import pack, split_tweets, token_stream
    from training.events import Reporter
    from training.handles import clean_handles, read_handles

    settings = TrainingSettings()
    handles = read_handles({"marlowe_bakes": [SAMPLE]}, settings, Reporter())
    texts, _ = clean_handles(handles, settings, Reporter())
    split = split_tweets([texts["marlowe_bakes"]], meta.hyperparameters["seed"], settings.validation_fraction)
    return pack(token_stream(split.validation, tokenizer), meta.hyperparameters["block_size"],
                tokenizer.pad_token_id)


def batch_loss(model, blocks) -> float:
    """The loss over the blocks as one batch: what the Trainer's evaluation computes when they fit in
    one batch (the mean over every labelled token)."""
    import torch

    model.eval()
    with torch.no_grad():
        return model(**{k: torch.stack([b[k] for b in blocks]) for k in blocks[0]}).loss.item()


def test_metrics_are_the_base_and_the_persona_on_the_held_out_tweets(trained):
    from peft import PeftModel
    from transformers import AutoModelForCausalLM, AutoTokenizer

    meta = read_persona(trained.persona)
    tokenizer = AutoTokenizer.from_pretrained(trained.persona)
    blocks = held_out_blocks(tokenizer, meta)
    assert len(blocks) == meta.hyperparameters["validation_blocks"] <= meta.hyperparameters["batch_size"]
    base = AutoModelForCausalLM.from_pretrained(trained.base)
    base_loss = batch_loss(base, blocks)
    persona_loss = batch_loss(PeftModel.from_pretrained(base, trained.persona), blocks)
    # The Trainer divides by every labelled token, each block's first too (which predicts nothing):
    # 4 more tokens in about 950 here, so its figures are 0.4% lower than the model's own mean.
    assert base_loss == pytest.approx(meta.metrics.val_loss_before, rel=0.005)
    assert persona_loss == pytest.approx(meta.metrics.val_loss_after, rel=0.005)
    assert persona_loss < base_loss * 0.985  # the gain (a rank-2 adapter here) is 3x that tolerance
    card = (trained.persona / "README.md").read_text()
    assert "| Validation (held-out tweets) | Base | Persona |" in card
    assert f"| Perplexity | {meta.metrics.val_ppl_before:.2f} | {meta.metrics.val_ppl_after:.2f} |" in card


# The card's Python blocks, run as written, then checks that the pipeline really used the adapter.
CARD_RUNNER = """
import json, re, sys, torch
card = open(sys.argv[1]).read()
blocks = re.findall(r"```python\\n(.*?)```", card, re.S)
assert len(blocks) == 2, blocks
ns = {}
for block in blocks:
    exec(block, ns)
ids = ns["tokenizer"]("<|endoftext|>My dream is", return_tensors="pt").input_ids
from transformers import AutoModelForCausalLM
base = AutoModelForCausalLM.from_pretrained(ns["model"].peft_config["default"].base_model_name_or_path)
with torch.no_grad():
    peft_logits = ns["model"](ids).logits
    pipe_logits = ns["generator"].model(ids).logits
    base_logits = base(ids).logits
print(json.dumps({"pipe_vs_peft": (pipe_logits - peft_logits).abs().max().item(),
                  "peft_vs_base": (peft_logits - base_logits).abs().max().item(),
                  "pipe_type": type(ns["generator"].model).__name__}))
"""


def test_a_moved_models_folder_still_resolves_and_the_cards_lines_run_from_its_parent(trained, tmp_path):
    elsewhere = tmp_path / "another" / "machine"
    elsewhere.mkdir(parents=True)
    shutil.copytree(trained.models, elsewhere / "models", symlinks=True)
    moved = elsewhere / "models"
    meta = read_persona(moved / "marlowe_bakes")
    where = resolve_base(meta.base, moved)
    assert where.source == "models" and where.path == moved / BASES_DIR / "samplebase"
    assert weights_fingerprint(where.path) == meta.base.fingerprint
    assert where.peft_base_path(moved) == "models/.bases/samplebase"

    card = moved / "marlowe_bakes" / "README.md"
    text = card.read_text()
    assert 'AutoPeftModelForCausalLM.from_pretrained("models/marlowe_bakes")' in text
    assert 'pipeline("text-generation", model="models/marlowe_bakes")' in text
    assert "`samplebase`" in text and meta.base.fingerprint in text
    result = subprocess.run([sys.executable, "-c", CARD_RUNNER, str(card)], cwd=elsewhere,
                            capture_output=True, text=True, timeout=300, env={**OFFLINE, "PYTHONPATH": ""})
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout.strip().splitlines()[-1])
    assert out["pipe_vs_peft"] < 1e-5  # the pipeline loaded the adapter, not just the base
    assert out["peft_vs_base"] > 1e-3  # and the adapter changes what the base says


def test_the_folders_reference_does_not_load_from_elsewhere(trained, tmp_path):
    # The relative base path means: from the folder holding models/. From anywhere else it fails,
    # which is why the card says where to run it.
    code = "from peft import AutoPeftModelForCausalLM; AutoPeftModelForCausalLM.from_pretrained(" \
           f"{str(trained.persona)!r})"
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, env=OFFLINE)
    assert result.returncode != 0
    result = subprocess.run([sys.executable, "-c", code], cwd=trained.work, capture_output=True, text=True,
                            timeout=300, env=OFFLINE)
    assert result.returncode == 0, result.stderr


# --- methods, bases, and bad input ----------------------------------------------------------------


def test_full_method_on_a_shared_base_is_a_whole_model(trained, tmp_path):
    models = tmp_path / "models"
    shutil.copytree(trained.base, models / BASES_DIR / "samplebase")
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models, "--base", "samplebase",
                 "--method", "full", "--epochs", 0.2, "--json")
    assert result.returncode == 0, result.stderr
    persona = models / "marlowe_bakes"
    assert (persona / "config.json").is_file() and not (persona / "adapter_config.json").exists()
    meta = read_persona(persona)
    assert meta.kind == "full" and meta.base is None and meta.lora is None
    assert meta.hyperparameters["learning_rate"] == pytest.approx(1.372e-4)


def test_a_local_folder_base_is_recorded_by_its_absolute_path(tmp_path):
    base = make_base(tmp_path / "elsewhere", "folderbase")  # any save_pretrained folder
    models = tmp_path / "models"
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models, "--base", base,
                 "--epochs", 0.2, "--json")
    assert result.returncode == 0, result.stderr
    meta = read_persona(models / "marlowe_bakes")
    assert meta.kind == "lora"
    assert (meta.base.source, meta.base.name) == ("folder", str(base))
    assert meta.base.fingerprint == weights_fingerprint(base)
    config = json.loads((models / "marlowe_bakes" / "adapter_config.json").read_text())
    assert config["base_model_name_or_path"] == str(base)


def fake_hub_cache(cache: Path, repo_id: str, files_from: Path) -> Path:
    """A hub model in the local cache, laid out as huggingface_hub keeps it (refs/main -> a snapshot)."""
    commit = "0123456789abcdef0123456789abcdef01234567"
    repo = cache / f"models--{repo_id.replace('/', '--')}"
    snapshot_dir = repo / "snapshots" / commit
    snapshot_dir.mkdir(parents=True)
    for name in ("config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json",
                 "generation_config.json"):
        shutil.copy(files_from / name, snapshot_dir / name)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(commit)
    return snapshot_dir


def test_a_hub_base_is_named_by_its_id_and_fingerprinted_from_the_cache(tmp_path):
    cache = tmp_path / "hub"
    snapshot_dir = fake_hub_cache(cache, "persona-bot-tests/tinygpt", make_base(tmp_path / "src", "hubbase"))
    env = {**OFFLINE, "HF_HUB_CACHE": str(cache)}
    models = tmp_path / "models"
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--models-dir", models,
                 "--base=persona-bot-tests/tinygpt", "--epochs", 0.2, "--json", env=env)
    assert result.returncode == 0, result.stderr
    meta = read_persona(models / "marlowe_bakes")
    assert (meta.kind, meta.base.source, meta.base.name) == ("lora", "hub", "persona-bot-tests/tinygpt")
    assert meta.base.fingerprint == weights_fingerprint(snapshot_dir)
    config = json.loads((models / "marlowe_bakes" / "adapter_config.json").read_text())
    assert config["base_model_name_or_path"] == "persona-bot-tests/tinygpt"
    assert "huggingface.co/persona-bot-tests/tinygpt" in (models / "marlowe_bakes" / "README.md").read_text()
    # A hub base loads from any folder.
    code = ("from peft import AutoPeftModelForCausalLM; "
            f"AutoPeftModelForCausalLM.from_pretrained({str(models / 'marlowe_bakes')!r})")
    loaded = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, capture_output=True, text=True,
                            timeout=300, env=env)
    assert loaded.returncode == 0, loaded.stderr


def bad_train_inputs(tmp: Path) -> dict[str, tuple[list[object], str]]:
    adapter = make_checkpoint(tmp / "other", "x")
    (adapter / "config.json").unlink()
    (adapter / "adapter_config.json").write_text("{}")
    return {
        "tiny with lora": (["--base", "tiny", "--method", "lora"],
                           "the tiny base trains its own tokenizer per person, so it cannot share a base"),
        "an adapter as base": (["--base", adapter], "is a LoRA adapter, not a base model"),
        "missing folder": (["--base", tmp / "nope"], "no such folder"),
        "bad method": (["--method", "half"], "invalid choice: 'half'"),
    }


@pytest.mark.parametrize("case", ["tiny with lora", "an adapter as base", "missing folder", "bad method"])
def test_bad_train_input_is_one_line_exit_2_and_writes_nothing(tmp_path, case):
    args, message = bad_train_inputs(tmp_path)[case]
    models = tmp_path / "models"
    make_checkpoint(models, "x")
    before = snapshot(models)
    result = run("train", "x", "--data", SAMPLE, "--models-dir", models, "--json", *args)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
    assert "done" not in result.stdout
    assert snapshot(models) == before


def bad_pretrain_inputs(tmp: Path) -> dict[str, tuple[list[object], str]]:
    nothing = tmp / "nothing.txt"
    nothing.write_text("RT @a: only retweets here\nlol\nok then\n")
    return {
        "missing path": (["b", "--data", tmp / "nope"], "no such file or directory"),
        "bad name": (["../b", "--data", SAMPLE], "base name '../b' is not valid"),
        "tiny as name": (["tiny", "--data", SAMPLE], "base name 'tiny' is not valid"),
        "no data": (["b", "--data", nothing], "only 0 characters of tweets left after cleaning"),
        "no --data": (["b"], "the following arguments are required: --data"),
        "exists": (["old", "--data", SAMPLE], "base 'old' already exists"),
        "bad epochs": (["b", "--data", SAMPLE, "--epochs", 0], "--epochs must be above 0"),
    }


@pytest.mark.parametrize("case", ["missing path", "bad name", "tiny as name", "no data", "no --data",
                                  "exists", "bad epochs"])
def test_bad_pretrain_input_is_one_line_exit_2_and_writes_nothing(tmp_path, case):
    args, message = bad_pretrain_inputs(tmp_path)[case]
    models = tmp_path / "models"
    make_base(models, "old")
    before = snapshot(models)
    for mode in (["--json"], []):
        result = run("pretrain", *args, "--models-dir", models, *mode)
        assert result.returncode == 2, result.stderr
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: ") and message in lines[0], lines
        assert snapshot(models) == before


# --- the torch-free contract ----------------------------------------------------------------------


TORCH_FREE = """
import sys
from pathlib import Path
from training.bases import resolve_base, weights_fingerprint
from training.checkpoint import list_persona_dirs, read_persona
models = Path(sys.argv[1])
meta = read_persona(models / "marlowe_bakes")
where = resolve_base(meta.base, models)
assert weights_fingerprint(where.path) == meta.base.fingerprint
loaded = sorted({"torch", "transformers", "peft"} & set(sys.modules))
print(loaded, [p.name for p in list_persona_dirs(models)])
"""


def test_the_bot_reads_lora_personas_without_torch(trained):
    out = subprocess.run([sys.executable, "-c", TORCH_FREE, str(trained.models)], cwd=ROOT,
                         capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split("\n")[0] == "[] ['marlowe_bakes']"

