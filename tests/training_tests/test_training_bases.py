"""The shared-base contract in training.checkpoint (torch-free, read by the bot): where a base lives,
the fingerprint of its weights, persona.json's kind/base/lora, recovery under models/.bases, and the
test helpers that write bases and LoRA personas."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from helpers.checkpoints import make_base, make_checkpoint, make_lora_checkpoint

from training.atomic import atomic_persona_dir
from training.bases import BASES_DIR, BaseRef, resolve_base, weights_fingerprint
from training.checkpoint import PERSONA_FILE, list_persona_dirs, read_base, read_persona, recover_interrupted
from training.runtime import BadInput
from training.train import choose_method

FP = "sha256:" + "ab" * 32


def test_resolve_a_name_in_order_tiny_then_dot_bases_then_folders_then_hub(tmp_path, monkeypatch):
    models = tmp_path / "models"
    (models / BASES_DIR / "mybase").mkdir(parents=True)
    (tmp_path / "cwd" / "gpt2-local").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "cwd")
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_base("tiny", models).source == "tiny"
    mine = resolve_base("mybase", models)
    assert (mine.source, mine.name, mine.path) == ("models", "mybase", models / BASES_DIR / "mybase")
    assert mine.load_from == str(models / BASES_DIR / "mybase")
    assert resolve_base("otherbase", models).source == "hub"  # no such folder: a hub id
    hub = resolve_base("openai-community/gpt2", models)
    assert (hub.source, hub.name, hub.path, hub.load_from) == ("hub", "openai-community/gpt2", None,
                                                               "openai-community/gpt2")
    rel = resolve_base("./x/y", models)
    assert (rel.source, rel.name) == ("folder", str(tmp_path / "cwd" / "x" / "y"))  # made absolute
    assert resolve_base("~/z", models).name == str(tmp_path / "z")
    assert resolve_base("gpt2-local", models).source == "folder"  # an existing folder, as from_pretrained
    inside = resolve_base(str(models / BASES_DIR / "mybase"), models)  # a path into .bases: by name
    assert (inside.source, inside.name) == ("models", "mybase")


def test_resolve_a_persona_reference_by_its_source_in_this_models_dir(tmp_path):
    moved = tmp_path / "moved" / "models"
    ref = BaseRef(name="mybase", source="models", fingerprint=FP)
    where = resolve_base(ref, moved)  # wherever models/ is now
    assert where.path == moved / BASES_DIR / "mybase"
    assert where.peft_base_path(moved) == "models/.bases/mybase"
    assert where.ref(FP) == ref
    # A hub reference never turns into a .bases folder of the same name.
    (moved / BASES_DIR / "gpt2").mkdir(parents=True)
    assert resolve_base(BaseRef(name="gpt2", source="hub", fingerprint=FP), moved).path is None
    folder = resolve_base(BaseRef(name="/srv/base", source="folder", fingerprint=FP), moved)
    assert folder.path == Path("/srv/base") and folder.peft_base_path(moved) == "/srv/base"
    with pytest.raises(ValueError, match="cannot be shared"):
        resolve_base("tiny", moved).ref(FP)


def test_fingerprint_covers_every_safetensors_file_by_name_and_bytes(tmp_path):
    (tmp_path / "model-00002.safetensors").write_bytes(b"second")
    (tmp_path / "model-00001.safetensors").write_bytes(b"first")
    (tmp_path / "config.json").write_text("{}")
    first = weights_fingerprint(tmp_path)
    assert first.startswith("sha256:") and len(first) == len("sha256:") + 64
    (tmp_path / "config.json").write_text('{"other": 1}')  # not weights
    assert weights_fingerprint(tmp_path) == first
    (tmp_path / "model-00002.safetensors").write_bytes(b"secone")
    assert weights_fingerprint(tmp_path) != first
    (tmp_path / "model-00002.safetensors").write_bytes(b"second")
    os.rename(tmp_path / "model-00001.safetensors", tmp_path / "model-00000.safetensors")
    assert weights_fingerprint(tmp_path) != first  # names count too
    (tmp_path / "empty").mkdir()
    with pytest.raises(FileNotFoundError, match=r"no \*\.safetensors weights"):
        weights_fingerprint(tmp_path / "empty")


def test_old_full_persona_json_still_reads_and_lora_needs_its_base(tmp_path):
    folder = make_checkpoint(tmp_path, "alpha")
    data = json.loads((folder / PERSONA_FILE).read_text())
    for key in ("kind", "base", "lora"):
        data.pop(key, None)  # written before LoRA personas existed
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    meta = read_persona(folder)
    assert (meta.kind, meta.base, meta.lora) == ("full", None, None)
    data["kind"] = "lora"
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    with pytest.raises(ValueError, match=r"a persona of kind 'lora' needs 'base' and 'lora'$"):
        read_persona(folder)


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_recover_cleans_dead_pretrains_in_dot_bases_and_keeps_the_bases(tmp_path):
    models = tmp_path / "models"
    make_base(models, "kept")
    bases = models / BASES_DIR
    crashed = bases / f".tmp-next-{dead_pid()}-89abcdef"
    running = bases / f".tmp-other-{os.getpid()}-0123abcd"
    for folder in (crashed, running):
        folder.mkdir()
        (folder / "model.safetensors").write_bytes(b"half")
    make_base(models, "swapped")
    os.rename(bases / "swapped", bases / ".old-swapped")  # killed between the fallback swap's renames
    recover_interrupted(models)
    assert sorted(p.name for p in models.iterdir()) == [BASES_DIR]
    assert sorted(p.name for p in bases.iterdir()) == sorted(["kept", "swapped", running.name])
    assert read_base(bases / "swapped").name == "swapped"


def test_bases_are_never_listed_as_personas(tmp_path):
    models = tmp_path / "models"
    make_base(models, "testbase")
    (models / BASES_DIR / PERSONA_FILE).write_text("{}")  # even if something wrote one there
    make_lora_checkpoint(models, "alice")
    assert [p.name for p in list_persona_dirs(models)] == ["alice"]


def test_a_base_is_written_atomically_inside_dot_bases(tmp_path):
    bases = tmp_path / "models" / BASES_DIR
    with pytest.raises(RuntimeError), atomic_persona_dir(bases, "b") as tmp:
        assert tmp.parent == bases and tmp.name.startswith(f".tmp-b-{os.getpid()}-")
        raise RuntimeError("killed mid-write")
    assert list(bases.iterdir()) == []


def test_choose_method():
    tiny, hub = resolve_base("tiny", Path("m")), resolve_base("gpt2", Path("m"))
    # auto on a shared base is decided by finetune, which reads the base's perplexity on the person
    assert choose_method("auto", tiny) == "full" and choose_method("auto", hub) == "auto"
    assert choose_method("full", hub) == "full"
    with pytest.raises(BadInput, match="cannot share a base"):
        choose_method("lora", tiny)


def test_auto_trains_an_adapter_only_where_the_base_reads_the_person(tmp_path, monkeypatch):
    """The base's perplexity on the held-out tweets, measured before training, decides: an untrained
    1,024-token base reads anything at about its vocabulary's size, so the bound is moved either side."""
    import math

    from transformers import AutoModelForCausalLM, AutoTokenizer

    from training import finetune
    from training.config import TrainingSettings

    folder = make_base(tmp_path / "models")
    model, tok = AutoModelForCausalLM.from_pretrained(folder), AutoTokenizer.from_pretrained(folder)
    tweets = ["Sourdough taught me patience", "The crust sings when it cools", "Rye on Sundays, always"]
    settings = TrainingSettings()
    blocks = finetune.pack(finetune.token_stream(tweets, tok), 64, tok.pad_token_id)
    loss = finetune.validation_loss(model, blocks, 8)
    assert math.log(len(tok)) - 1.5 < loss < math.log(len(tok)) + 1.5  # untrained: about uniform
    monkeypatch.setattr(finetune, "AUTO_FULL_PERPLEXITY", math.exp(loss) * 2)
    method, why = finetune.choose_by_base(model, tok, tweets, settings)
    assert method == "lora" and "an adapter suffices" in why
    monkeypatch.setattr(finetune, "AUTO_FULL_PERPLEXITY", math.exp(loss) / 2)
    method, why = finetune.choose_by_base(model, tok, tweets, settings)
    assert method == "full" and "never learnt their language" in why


# --- the test helpers the serving tests use ----------------------------------------------------------


def test_make_base_is_deterministic_and_seeded(tmp_path):
    a = make_base(tmp_path / "a", "testbase")
    b = make_base(tmp_path / "b", "testbase")
    c = make_base(tmp_path / "c", "testbase", seed=1)
    assert a == tmp_path / "a" / BASES_DIR / "testbase"
    assert weights_fingerprint(a) == weights_fingerprint(b) != weights_fingerprint(c)
    assert read_base(a).fingerprint == weights_fingerprint(a)


def test_make_lora_checkpoint_writes_a_loadable_adapter_that_moves_the_logits(tmp_path):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    models = tmp_path / "models"
    base = make_base(models, "testbase")
    alice = make_lora_checkpoint(models, "alice", seed=1)
    bob = make_lora_checkpoint(models, "bob", seed=2, rank=8)
    meta = read_persona(alice)
    assert meta.kind == "lora" and meta.base == BaseRef(name="testbase", source="models",
                                                        fingerprint=weights_fingerprint(base))
    assert read_persona(bob).lora.rank == 8
    config = json.loads((alice / "adapter_config.json").read_text())
    assert config["base_model_name_or_path"] == "models/.bases/testbase" and config["r"] == 16
    assert not (alice / "config.json").exists()
    ids = torch.tensor([[0, 5, 9, 14]])
    logits = {}
    with torch.no_grad():
        logits["base"] = AutoModelForCausalLM.from_pretrained(base)(ids).logits
        for folder in (alice, bob):
            model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(base), folder).eval()
            logits[folder.name] = model(ids).logits
    assert (logits["alice"] - logits["base"]).abs().max() > 0.1
    assert (logits["alice"] - logits["bob"]).abs().max() > 0.1
    again = make_lora_checkpoint(tmp_path / "again", "alice", base=str(base), seed=1)  # a folder base
    weights = "adapter_model.safetensors"
    assert (again / weights).read_bytes() == (alice / weights).read_bytes()
