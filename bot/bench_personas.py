"""The personas and bases `python -m bot bench` writes for measuring on a GPU: a GPT-2-small-shaped
persona or shared base with random weights, and random LoRA adapters on a base, laid out exactly as
training lays out real ones (so the pool loads them the same way), with the sample's tokenizer."""

from __future__ import annotations

from pathlib import Path


def write_lora_persona(models_dir: Path, name: str, base: str, seed: int = 0, rank: int = 16) -> Path:
    """Write a LoRA persona `name` with random adapter weights on the shared base `base` (a name in
    models/.bases, a folder or a hub id), as training lays it out: PEFT's files, the base's tokenizer,
    persona.json; the card is left out (benchmark personas)."""
    return write_lora_personas(models_dir, {name: seed}, base, rank)[0]


def write_lora_personas(models_dir: Path, seeds: dict[str, int], base: str, rank: int = 16) -> list[Path]:
    """`write_lora_persona` for each name in `seeds` (name -> the seed of its random weights), on one
    load of the base: 64 adapters on a GPT-2-small base cost one load and one hash of its weights, not
    64 (about a minute of a GPU machine's time)."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from training.atomic import atomic_persona_dir
    from training.bases import base_folder, resolve_base, weights_fingerprint
    from training.checkpoint import PERSONA_FILE, DataTable, Handle, LoraInfo, Metrics, PersonaMeta
    from training.names import is_valid_persona_name

    for name in seeds:
        if not is_valid_persona_name(name):
            raise ValueError(f"'{name}' is not a persona name (1-15 letters, digits or underscores)")
    location = resolve_base(base, models_dir)
    if location.source == "tiny":
        raise ValueError("the tiny base is trained per persona: give a shared base")
    folder = base_folder(location.load_from)
    if folder is None or not folder.is_dir():
        raise ValueError(f"base {base!r} is not on this machine")
    ref = location.ref(weights_fingerprint(folder))
    tok = AutoTokenizer.from_pretrained(location.load_from)
    targets = ["c_attn", "c_proj", "c_fc"]
    adapter = get_peft_model(AutoModelForCausalLM.from_pretrained(location.load_from),
                             LoraConfig(r=rank, lora_alpha=2 * rank, target_modules=targets,
                                        fan_in_fan_out=True, lora_dropout=0.0, init_lora_weights=False))
    low_rank = [module for path, module in adapter.named_modules()
                if path.endswith(("lora_A.default", "lora_B.default"))]
    written = []
    for name, seed in seeds.items():
        torch.manual_seed(seed)
        for layer in low_rank:  # nn.Linear's own init, as PEFT leaves it with init_lora_weights=False
            layer.reset_parameters()
        meta = PersonaMeta(
            name=name, kind="lora", base_model=base, base=ref,
            lora=LoraInfo(rank=rank, alpha=2 * rank, targets=targets, dropout=0.0, peft_version="random"),
            handles=[Handle(handle=name, display_name=f"Random adapter {name}",
                            data=DataTable(downloaded=0, retweets=0, short=0, kept=0))],
            metrics=Metrics(val_loss_before=0, val_loss_after=0, val_ppl_before=0, val_ppl_after=0),
            prompt_prefix=tok.eos_token,
        )
        with atomic_persona_dir(models_dir, name) as tmp:
            adapter.save_pretrained(tmp)
            tok.save_pretrained(tmp)
            (tmp / PERSONA_FILE).write_text(meta.model_dump_json(indent=2))
        written.append(models_dir / name)
    return written


def make_gpt2_base(models_dir: Path, name: str, shape: dict | None = None) -> Path:
    """Write a GPT-2-small-shaped shared base (random weights, the sample's tokenizer) to
    models/.bases/NAME, for LoRA benchmarks on a GPU (`bench --make-gpt2-base NAME`)."""
    from transformers import GPT2Config, GPT2LMHeadModel

    from training.bases import BASES_DIR

    tok = _sample_tokenizer()
    eos = tok.eos_token_id
    folder = models_dir / BASES_DIR / name
    model = GPT2LMHeadModel(GPT2Config(bos_token_id=eos, eos_token_id=eos, pad_token_id=eos, **(shape or {})))
    model.save_pretrained(folder)
    tok.save_pretrained(folder)
    return folder


def _sample_tokenizer():
    from bot.sample import SAMPLE_DATA
    from training.ingest import read_source
    from training.tiny import train_tokenizer

    records = read_source(SAMPLE_DATA / "data" / "tweets.js", max_bytes=100_000_000).records
    tok = train_tokenizer([r.text for r in records])
    tok.model_max_length = 1024
    return tok


def make_gpt2_persona(models_dir: Path, name: str, shape: dict | None = None) -> Path:
    """Write a GPT-2-small-sized persona (124M parameters, random weights) for benchmarks on a GPU
    (`bench --make-gpt2-persona NAME` writes it once, then benchmarks it).

    The tokenizer is the tiny preset's, trained on the sample export; the vocabulary stays GPT-2's 50257
    so the model has GPT-2's exact shape (ids past the tokenizer's own decode to nothing). `shape`
    overrides GPT2Config fields (tests write a small one).
    """
    from transformers import GPT2Config, GPT2LMHeadModel

    from training.card import model_card
    from training.checkpoint import (
        DataTable,
        Handle,
        Metrics,
        PersonaMeta,
        save_persona,
    )
    from training.names import is_valid_persona_name

    if not is_valid_persona_name(name):
        raise ValueError(f"'{name}' is not a persona name (1-15 letters, digits or underscores)")
    tok = _sample_tokenizer()
    eos = tok.eos_token_id
    model = GPT2LMHeadModel(GPT2Config(bos_token_id=eos, eos_token_id=eos, pad_token_id=eos, **(shape or {})))
    meta = PersonaMeta(
        name=name,
        handles=[Handle(handle=name, display_name="GPT-2 small (random weights)",
                        data=DataTable(downloaded=0, retweets=0, short=0, kept=0))],
        base_model="gpt2-architecture, random weights (benchmark only)",
        metrics=Metrics(val_loss_before=0, val_loss_after=0, val_ppl_before=0, val_ppl_after=0),
        prompt_prefix=tok.eos_token,
    )
    return save_persona(models_dir, meta, model, tok, model_card(meta))
