"""Build real persona checkpoints for tests in a second: the `tiny` architecture with random weights.

They are written by training's own writers (`save_persona`: save_pretrained files, persona.json, the
model card, the same permissions; `save_base` for shared bases), just untrained; tests of the training
itself train for real. `make_base` and `make_lora_checkpoint` give a shared base in
`models/.bases/NAME` and LoRA personas on it (random, non-zero adapters, so each moves the logits).
"""

from __future__ import annotations

import functools
from pathlib import Path

from helpers.paths import ROOT
from training.bases import resolve_base, weights_fingerprint
from training.card import model_card
from training.checkpoint import (
    BaseMeta,
    BaseSource,
    DataTable,
    Handle,
    Metrics,
    PersonaMeta,
    save_base,
    save_persona,
)
from training.ingest import read_source
from training.tiny import EOS, tiny_model, train_tokenizer

SAMPLE = ROOT / "examples" / "marlowe_bakes" / "data" / "tweets.js"


@functools.lru_cache(maxsize=1)
def sample_texts() -> tuple[str, ...]:
    return tuple(r.text for r in read_source(SAMPLE, SAMPLE.stat().st_size).records)


@functools.lru_cache(maxsize=1)
def _tokenizer():
    return train_tokenizer(sample_texts(), vocab_size=1024)


def make_checkpoint(models_dir: Path, name: str, display_name: str | None = None, seed: int = 0, *,
                    servers: list[int] | None = None, owner: int | None = None,
                    subject: int | None = None) -> Path:
    """Write an untrained tiny persona `name` into `models_dir` and return its folder; `servers`,
    `owner`, `subject`: whose it is and where it may be used (default: the operator's, everywhere)."""
    tok = _tokenizer()
    model = tiny_model(tok, seed=seed)
    meta = PersonaMeta(
        name=name,
        handles=[
            Handle(
                handle=name,
                display_name=display_name or name.title(),
                data=DataTable(downloaded=10, retweets=1, short=1, kept=8, kept_chars=800),
            )
        ],
        base_model="tiny",
        hyperparameters={"epochs": 0},
        metrics=Metrics(val_loss_before=7.0, val_loss_after=7.0, val_ppl_before=1096.6, val_ppl_after=1096.6),
        servers=servers, owner=owner, subject=subject,
    )
    return save_persona(models_dir, meta, model, tok, model_card(meta))


def _untrained_metrics() -> Metrics:
    return Metrics(val_loss_before=7.0, val_loss_after=7.0, val_ppl_before=1096.6, val_ppl_after=1096.6)


def make_base(models_dir: Path, name: str = "testbase", seed: int = 0) -> Path:
    """Write an untrained shared base `models_dir/.bases/name` (the tiny architecture, the sample's
    1024-token tokenizer) as `pretrain` writes one, and return its folder. The same seed gives the same
    weights, so the same fingerprint."""
    from training.finetune import generation_config

    tok = _tokenizer()
    model = tiny_model(tok, seed=seed)
    model.generation_config = generation_config(tok)
    model.config.prefix = EOS
    meta = BaseMeta(
        name=name,
        sources=[BaseSource(label="marlowe_bakes", path=str(SAMPLE),
                            data=DataTable(downloaded=10, retweets=1, short=1, kept=8, kept_chars=800))],
        hyperparameters={"epochs": 0, "seed": seed},
        metrics=_untrained_metrics(),
    )
    return save_base(models_dir, meta, model, tok, f"# Shared base `{name}` (untrained, for tests)\n")


def make_lora_checkpoint(models_dir: Path, name: str, base: str = "testbase", seed: int = 0,
                         rank: int = 16, display_name: str | None = None) -> Path:
    """Write a LoRA persona `name` on `base` (a NAME made by `make_base` in the same `models_dir`, or a
    folder) with random adapter weights drawn from `seed`, through training's own writer; return its
    folder. Its adapter_config.json names the base as `training` does (`models/.bases/NAME`)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    from training.config import TrainingSettings
    from training.lora import add_adapter, lora_info, point_at_base

    location = resolve_base(base, models_dir)
    assert location.path is not None and location.path.is_dir(), f"no base {base!r} in {models_dir}"
    model = AutoModelForCausalLM.from_pretrained(location.load_from)
    tokenizer = AutoTokenizer.from_pretrained(location.load_from)
    settings = TrainingSettings(lora_rank=rank, lora_alpha=2.0 * rank)
    peft_model = add_adapter(model, settings, location.load_from)
    generator = torch.Generator().manual_seed(seed)
    with torch.no_grad():  # PEFT starts lora_B at zero (a no-op adapter): draw both, small but visible
        for param_name, param in peft_model.named_parameters():
            if "lora_" in param_name:
                param.copy_(torch.randn(param.shape, generator=generator) * 0.05)
    point_at_base(peft_model, location.peft_base_path(models_dir))
    meta = PersonaMeta(
        name=name,
        handles=[Handle(handle=name.split("-")[0], display_name=display_name or name.title(),
                        data=DataTable(downloaded=10, retweets=1, short=1, kept=8, kept_chars=800))],
        base_model=base,
        hyperparameters={"epochs": 0, "method": "lora"},
        metrics=_untrained_metrics(),
        prompt_prefix=tokenizer.eos_token,
        kind="lora",
        base=location.ref(weights_fingerprint(location.path)),
        lora=lora_info(peft_model, settings),
    )
    return save_persona(models_dir, meta, peft_model, tokenizer, model_card(meta, models_dir))
