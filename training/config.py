"""The `[paths]` and `[training]` sections of config.toml, and the loader both halves share.

The bot adds its own sections in `bot/config.py`; training validates only what it uses, because
`training` must never import `bot`.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError

DEFAULT_CONFIG = Path("config.toml")


class ConfigError(Exception):
    """A config file that cannot be used; the message is one line naming the key and the problem."""


class Section(BaseModel):
    # Unknown keys are typos far more often than intent: refuse them.
    model_config = ConfigDict(extra="forbid", validate_default=True)


class SamplingSettings(Section):
    """The `[generation]` keys that say how a tweet is sampled, defined once: the bot's
    `GenerationSettings` adds the bounds on what users may ask, and the voice eval samples with these
    so that it generates exactly as /imitate does."""

    # huggingtweets' prediction settings: sampling, top-p 0.95, temperature 1.0.
    max_new_tokens: int = Field(48, ge=1, le=1024)
    temperature: float = Field(1.0, gt=0, le=5)
    top_p: float = Field(0.95, gt=0, le=1)  # 1.0: no nucleus filtering
    # transformers' default top-k, which huggingtweets sampled with; 0: no top-k filtering.
    top_k: int = Field(50, ge=0, le=100_000)
    # huggingtweets' generate(min_length=10): prompt (with its end-of-text prefix) plus new tokens;
    # no row may end (end-of-text or newline) before that. 0: no minimum.
    min_length: int = Field(10, ge=0, le=1024)


class PathsSettings(Section):
    models_dir: Path = Path("models")
    state_dir: Path = Path("state")


class TrainingSettings(Section):
    base: str = Field("gpt2", min_length=1,
                      description="hub id, NAME of models/.bases/NAME, save_pretrained directory, or 'tiny'")
    # The bases a /persona add may name (the command line is not limited); None: `base` and "tiny".
    allowed_bases: list[str] | None = None
    # huggingtweets' defaults: 4 epochs, lr 1.372e-4, cosine schedule.
    epochs: float = Field(4.0, gt=0, le=100)
    learning_rate: float = Field(1.372e-4, gt=0, le=1)
    # The tiny base starts from random weights: it needs a far larger step than a fine-tune, and more
    # (smaller) steps. These replace learning_rate, epochs and batch_size when the base is "tiny".
    tiny_learning_rate: float = Field(1e-3, gt=0, le=1)
    tiny_epochs: float = Field(8.0, gt=0, le=100)
    tiny_batch_size: int = Field(4, ge=1, le=1024)
    lr_scheduler: Literal["cosine", "linear", "constant", "constant_with_warmup"] = "cosine"
    warmup_ratio: float = Field(0.0, ge=0, lt=1)
    weight_decay: float = Field(0.0, ge=0, le=1)
    batch_size: int = Field(8, ge=1, le=1024)
    gradient_accumulation_steps: int = Field(1, ge=1, le=1024)
    block_size: int = Field(512, ge=16, le=8192)
    seed: int = Field(42, ge=0)
    validation_fraction: float = Field(0.1, gt=0, lt=1)
    # The voice report (`python -m training eval`) made at the end of every training from this many
    # generated tweets (0: none); `eval` itself makes 200 unless told otherwise.
    eval_tweets: int = Field(100, ge=0, le=10_000)
    mixed_precision: Literal["auto", "no", "fp16", "bf16"] = "auto"
    # Where the Trainer logs loss curves: nowhere, TensorBoard (TENSORBOARD_LOGGING_DIR, else
    # runs/<persona>-<time>) or Weights & Biases (WANDB_PROJECT ...); each is an optional extra.
    report_to: Literal["none", "tensorboard", "wandb"] = "none"
    # Extra filters beyond huggingtweets' defaults; each gets its own row in the data table.
    drop_replies: bool = False
    strip_reply_mentions: bool = False
    drop_duplicates: bool = False
    min_chars: int = Field(6000, ge=0, description="below this many kept characters: refuse to train")
    warn_chars: int = Field(40000, ge=0, description="below this many kept characters: warn")
    max_tweets_bytes: int = Field(200_000_000, ge=1, description="uncompressed size limit of tweet files")
    # How a persona is trained: "lora" (a PEFT adapter on a shared base), "full" (the whole model),
    # "auto": lora on hub ids, models/.bases names and local folders, full on "tiny" (whose tokenizer is
    # trained per person, so it cannot share a base).
    method: Literal["auto", "lora", "full"] = "auto"
    # LoRA defaults, chosen by the voice sweep (docs/voice.md): all GPT-2 Conv1D layers (c_proj is
    # both attn.c_proj and mlp.c_proj), dropout 0.05, a learning rate about 10x the full fine-tune's,
    # twice its epochs. Batch size and schedule are the full fine-tune's.
    # lora_rank None: the largest power of two up to 16 whose adapter stays within 5% of the base's
    # parameters, so 8 resident personas cost at most 1.4x the base (16 on gpt2 and on the offline
    # bases). lora_alpha None: twice the rank (the scaling of r=16, alpha=32).
    lora_rank: int | None = Field(None, ge=1, le=256)
    lora_alpha: float | None = Field(None, gt=0, le=4096)
    lora_dropout: float = Field(0.05, ge=0, lt=1)
    lora_targets: list[str] = Field(["c_attn", "c_proj", "c_fc"], min_length=1)
    # None: 1e-3 on a base of GPT-2's size or larger, 5e-3 on a small one (under 50M parameters, such
    # as `pretrain`'s), as the voice sweep found (docs/voice.md).
    lora_learning_rate: float | None = Field(None, gt=0, le=1)
    # An adapter learns a voice more slowly than the whole model: with 8 epochs a person the base never
    # saw went from 0.855 to 0.91 of their tweets sounding like them (the full model: 0.95). docs/voice.md.
    lora_epochs: float = Field(8.0, gt=0, le=100)
    # `python -m training pretrain`: a shared base from scratch (the tiny architecture, a larger
    # vocabulary for several accounts), with tiny_learning_rate and tiny_batch_size.
    pretrain_epochs: float = Field(4.0, gt=0, le=100)
    pretrain_vocab_size: int = Field(8192, ge=512, le=65536)

    @property
    def bases_allowed(self) -> list[str]:
        """What a /persona add may ask for: `allowed_bases`, or the configured base and "tiny"."""
        if self.allowed_bases is not None:
            return self.allowed_bases
        return list(dict.fromkeys([self.base, "tiny"]))


class TrainingConfig(Section):
    """What `python -m training` reads. The bot's sections are validated by the bot (`bot/config.py`);
    they are named here only so that a misspelt section is still refused."""

    paths: PathsSettings = PathsSettings()
    training: TrainingSettings = TrainingSettings()
    generation: dict[str, Any] = {}
    pool: dict[str, Any] = {}
    discord: dict[str, Any] = {}
    web: dict[str, Any] = {}
    serve: dict[str, Any] = {}
    consent: dict[str, Any] = {}


M = TypeVar("M", bound=BaseModel)


def read_toml(path: Path | None) -> dict[str, Any]:
    """Read the TOML file; a missing default file means 'all defaults', a missing named one is an error."""
    if path is None:
        path = DEFAULT_CONFIG
        if not path.exists():
            return {}
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None


def validate(model: type[M], data: dict[str, Any], source: Path | None) -> M:
    """Validate `data` against `model`, turning the first problem into one line naming the key."""
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(describe_error(exc, source or DEFAULT_CONFIG)) from None


def describe_error(exc: ValidationError, source: Path) -> str:
    errors = exc.errors()
    first = errors[0]
    loc = [str(p) for p in first["loc"]]
    where = f"[{loc[0]}] {'.'.join(loc[1:])}" if len(loc) > 1 else f"[{loc[0]}]" if loc else "(top level)"
    msg = "unknown key" if first["type"] == "extra_forbidden" else first["msg"]
    got = "" if first["type"] in ("extra_forbidden", "missing") else f" (got {first.get('input')!r})"
    more = f" (and {len(errors) - 1} more problem(s))" if len(errors) > 1 else ""
    return f"{source}: {where}: {msg}{got}{more}"


def load_training_config(path: Path | None = None, models_dir: Path | None = None) -> TrainingConfig:
    cfg = validate(TrainingConfig, read_toml(path), path)
    if models_dir is not None:
        cfg.paths.models_dir = models_dir
    return cfg
