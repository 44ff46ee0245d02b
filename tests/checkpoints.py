"""Build real persona checkpoints for tests in a second: the `tiny` architecture with random weights.

They are written by training's own writer (`save_persona`: save_pretrained files, persona.json, the
model card, the same permissions), just untrained; tests of the training itself train for real.
"""

from __future__ import annotations

import functools
from pathlib import Path

from training.card import model_card
from training.checkpoint import DataTable, Handle, Metrics, PersonaMeta, save_persona
from training.ingest import read_source
from training.tiny import tiny_model, train_tokenizer

SAMPLE = Path(__file__).resolve().parent.parent / "examples" / "marlowe_bakes" / "data" / "tweets.js"


@functools.lru_cache(maxsize=1)
def sample_texts() -> tuple[str, ...]:
    return tuple(r.text for r in read_source(SAMPLE, SAMPLE.stat().st_size).records)


@functools.lru_cache(maxsize=1)
def _tokenizer():
    return train_tokenizer(sample_texts(), vocab_size=1024)


def make_checkpoint(models_dir: Path, name: str, display_name: str | None = None, seed: int = 0) -> Path:
    """Write an untrained tiny persona `name` into `models_dir` and return its folder."""
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
    )
    return save_persona(models_dir, meta, model, tok, model_card(meta))
