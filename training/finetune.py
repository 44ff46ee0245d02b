"""Fine-tuning with the Hugging Face Trainer: load the base, evaluate, train, evaluate again.

The base is a hub id or a `save_pretrained` folder (the real `from_pretrained` code path), or `tiny`
(`training/tiny.py`: a small GPT-2 from scratch with a tokenizer trained on the persona's own text,
trained with its own preset: `tiny_learning_rate`, `tiny_epochs`, `tiny_batch_size`).
Method "full" trains every weight; "lora" wraps the base with a PEFT adapter (`training/lora.py`)
and trains only that, with `lora_learning_rate`; the same Trainer runs both (and `pretrain`).
Using the Trainer means `accelerate launch` / `torchrun` run the same command on several GPUs.
The Trainer writes nothing into `models/`: its output folder is a temporary one and saving is off.
"""

from __future__ import annotations

import logging
import math
import os
import tempfile
import time
import warnings
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from huggingface_hub.utils import disable_progress_bars
from huggingface_hub.utils import logging as hub_logging
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    GenerationConfig,
    PreTrainedModel,
    PreTrainedTokenizerBase,
    PrinterCallback,
    Trainer,
    TrainerCallback,
    TrainingArguments,
    default_data_collator,
)
from transformers.utils import logging as hf_logging

from training import tiny
from training.checkpoint import context_length
from training.config import TrainingSettings
from training.dataset import Split, pack, token_stream
from training.events import Reporter


class BaseModelError(Exception):
    """The base model cannot be loaded or used (bad input: a wrong id or folder)."""


@dataclass
class FinetuneResult:
    model: PreTrainedModel
    tokenizer: PreTrainedTokenizerBase
    metrics: dict[str, float]
    hyperparameters: dict[str, Any] = field(default_factory=dict)
    main_process: bool = True  # under torchrun / accelerate launch only one process writes the persona
    base_fingerprint: str | None = None  # lora: `weights_fingerprint` of the base that was loaded


def load_base(base: str, train_texts: list[str], seed: int, show_progress: bool = False,
              local_files_only: bool = False) -> tuple[PreTrainedModel, PreTrainedTokenizerBase]:
    """The model and tokenizer to fine-tune; `tiny` builds both from the training tweets (with
    tokenizers' own progress bar on the terminal if `show_progress`). `local_files_only`: a cached hub
    base while the hub is out of reach (`training/hub.py`), so nothing waits on the network."""
    if base == "tiny":
        tokenizer = tiny.train_tokenizer(train_texts, show_progress=show_progress)
        return tiny.tiny_model(tokenizer, seed=seed), tokenizer
    try:
        tokenizer = AutoTokenizer.from_pretrained(base, local_files_only=local_files_only)
        # float32 master weights whatever the checkpoint's dtype: the Trainer's mixed precision
        # does the rest, and fp16 weights cannot be trained with a gradient scaler.
        model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32,
                                                     local_files_only=local_files_only)
    except (OSError, ValueError) as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise BaseModelError(f"base model {base!r} cannot be loaded: {first}") from None
    if tokenizer.eos_token_id is None:
        raise BaseModelError(f"base model {base!r} has no end-of-text token to separate tweets with")
    if tokenizer.pad_token_id is None:
        tokenizer.pad_token = tokenizer.eos_token
    return model, tokenizer


# About a second of tokenizer training on one core (~3.5 MB/s measured on the 2-core dev machine).
TOKENIZER_PROGRESS_CHARS = 3_000_000


def show_tokenizer_progress(reporter: Reporter, texts: list[str]) -> bool:
    """tokenizers' bar draws at once (it has no delay): show it only on a terminal, never in --json
    mode, and only for text that takes about a second or more to learn."""
    return (not reporter.json_mode and reporter.err.isatty()
            and sum(len(t) for t in texts) >= TOKENIZER_PROGRESS_CHARS)


def precision(setting: str) -> tuple[bool, bool, str]:
    """(bf16, fp16, label): mixed precision only on a GPU; `auto` takes bf16 where the GPU has it."""
    if not torch.cuda.is_available():
        return False, False, "no"
    if setting == "auto":
        setting = "bf16" if torch.cuda.is_bf16_supported() else "fp16"
    return setting == "bf16", setting == "fp16", setting


def generation_config(tokenizer: PreTrainedTokenizerBase, max_new_tokens: int = 48) -> GenerationConfig:
    """huggingtweets' prediction settings, as the bot samples: sampling, top-p 0.95, top-k 50
    (transformers' default, which huggingtweets' `generate` call left as it was), temperature 1.0;
    EOS ends and pads."""
    eos = tokenizer.eos_token_id
    return GenerationConfig(do_sample=True, top_p=0.95, top_k=50, temperature=1.0,
                            max_new_tokens=max_new_tokens,
                            bos_token_id=eos, eos_token_id=eos, pad_token_id=eos)


class ProgressEvents(TrainerCallback):
    """Hands training progress (step, total, latest loss) to the reporter: JSON events, or the one
    training bar on the terminal (the Trainer's own bar and log dicts are off unless --verbose)."""

    def __init__(self, reporter: Reporter) -> None:
        self.reporter = reporter

    def on_log(self, args, state, control, logs=None, **kwargs):
        # Logs come after the step they follow, so reporting here pairs each step with its loss.
        if logs and "loss" in logs:
            self.reporter.progress(state.global_step, state.max_steps, round(float(logs["loss"]), 4))

    def on_train_end(self, args, state, control, **kwargs):
        self.reporter.end_progress()


# The card's sample tweets: huggingtweets' widget prompt and two more, each with its own fixed seed.
SAMPLE_PROMPTS = ("My dream is", "I think", "Today")


def sample_tweets(model: PreTrainedModel, tokenizer: PreTrainedTokenizerBase, seed: int,
                  prompts: tuple[str, ...] = SAMPLE_PROMPTS, max_new_tokens: int = 40) -> list[str]:
    """One generated tweet per prompt, as the bot samples (after the end-of-text token, huggingtweets'
    settings), seeded so that the same training writes the same card. Whitespace is collapsed: a
    tweet is one line."""
    config = generation_config(tokenizer, max_new_tokens)
    model.eval()
    samples = []
    with torch.no_grad():
        for i, prompt in enumerate(prompts):
            torch.manual_seed(seed + i)
            ids = tokenizer(tokenizer.eos_token + prompt, return_tensors="pt").input_ids.to(model.device)
            out = model.generate(input_ids=ids, attention_mask=torch.ones_like(ids),
                                 generation_config=config)
            text = tokenizer.decode(out[0][ids.shape[1]:], skip_special_tokens=True)
            samples.append(" ".join((prompt + text).split()))
    return samples


def perplexity(loss: float) -> float:
    return math.exp(min(loss, 80.0))  # keep it finite (and JSON-writable) for an untrained model


@dataclass
class TrainOutcome:
    model: PreTrainedModel
    metrics: dict[str, float]
    world_size: int
    main_process: bool


def train_and_evaluate(model: PreTrainedModel, train_blocks: list, val_blocks: list, *, epochs: float,
                       learning_rate: float, batch_size: int, seed: int, settings: TrainingSettings,
                       reporter: Reporter) -> TrainOutcome:
    """Validation loss, training, validation loss again, with the HF Trainer: `finetune` (full or LoRA)
    and `pretrain` share it. Metrics: val_loss/ppl before and after, train loss, seconds and steps."""
    bf16, fp16, mixed = precision(settings.mixed_precision)
    trainer_output = reporter.verbose and not reporter.json_mode
    if settings.report_to == "tensorboard":  # the Trainer's default folder is our scratch output_dir
        os.environ.setdefault("TENSORBOARD_LOGGING_DIR", str(Path("runs") / time.strftime("%Y%m%d-%H%M%S")))

    if mixed == "no" and settings.mixed_precision in ("bf16", "fp16"):
        reporter.warning(f"mixed_precision = {settings.mixed_precision} needs a GPU: training in float32")
    with tempfile.TemporaryDirectory(prefix="persona-trainer-") as scratch:
        args = TrainingArguments(
            output_dir=scratch,
            num_train_epochs=epochs,
            learning_rate=learning_rate,
            lr_scheduler_type=settings.lr_scheduler,
            warmup_steps=settings.warmup_ratio,
            weight_decay=settings.weight_decay,
            per_device_train_batch_size=batch_size,
            per_device_eval_batch_size=batch_size,
            gradient_accumulation_steps=settings.gradient_accumulation_steps,
            seed=seed,
            bf16=bf16,
            fp16=fp16,
            save_strategy="no",
            eval_strategy="no",
            report_to=settings.report_to,
            # Every step logged, so that our bar (or a progress event) carries a fresh loss; the
            # Trainer's own bar and its log dicts only with --verbose (then ten of them).
            logging_strategy="steps",
            logging_steps=0.1 if trainer_output else 1,
            disable_tqdm=not trainer_output,
            dataloader_pin_memory=False,
            # The blocks carry their labels; say so, since a PEFT-wrapped model hides them from the
            # Trainer's signature inspection.
            label_names=["labels"],
        )
        callbacks = [] if trainer_output else [ProgressEvents(reporter)]
        trainer = Trainer(model=model, args=args, train_dataset=train_blocks, eval_dataset=val_blocks,
                          data_collator=default_data_collator, callbacks=callbacks)
        trainer.remove_callback(PrinterCallback)  # it prints log dicts to stdout

        reporter.phase("evaluate", f"validation loss before training ({len(val_blocks)} blocks)")
        before = trainer.evaluate()["eval_loss"]
        per_step = batch_size * settings.gradient_accumulation_steps * args.world_size
        steps = math.ceil(len(train_blocks) / per_step)
        reporter.phase("train", f"{epochs:g} epoch(s) over {len(train_blocks)} blocks, about "
                                f"{math.ceil(steps * epochs)} steps, lr {learning_rate:g}")
        started = time.monotonic()
        train_output = trainer.train()
        train_seconds = time.monotonic() - started
        reporter.phase("evaluate", "validation loss after training")
        after = trainer.evaluate()["eval_loss"]

    metrics = {
        "val_loss_before": round(before, 4), "val_loss_after": round(after, 4),
        "val_ppl_before": round(perplexity(before), 2), "val_ppl_after": round(perplexity(after), 2),
        "train_loss": round(train_output.training_loss, 4), "train_seconds": round(train_seconds, 1),
        "train_steps": train_output.global_step,
    }
    return TrainOutcome(trainer.model, metrics, trainer.args.world_size, trainer.is_world_process_zero())


def finetune(split: Split, base: str, settings: TrainingSettings, reporter: Reporter,
             epochs: float | None = None, seed: int | None = None, method: str = "full",
             local_files_only: bool = False) -> FinetuneResult:
    """Train a persona from `base` (what `from_pretrained` takes, or "tiny") on `split`: every weight
    (`method` "full"), a LoRA adapter ("lora"; never on tiny), or ("auto", a shared base) an adapter
    unless the base cannot read the person's language (`choose_by_base`); the choice and its reason
    are in the hyperparameters."""
    tiny_base = base == "tiny"
    if method == "auto" and tiny_base:
        method = "full"
    if method == "lora" and tiny_base:
        raise BaseModelError("the tiny base trains its own tokenizer per person, so it cannot share a base")
    seed = settings.seed if seed is None else seed
    batch_size = settings.tiny_batch_size if tiny_base else settings.batch_size

    reporter.phase("tokenizer", "training a byte-level BPE tokenizer on the tweets" if tiny_base
                   else f"loading {base}")
    model, tokenizer = load_base(base, split.train, seed, show_tokenizer_progress(reporter, split.train),
                                 local_files_only)
    reason = None
    if method == "auto":
        method, reason = choose_by_base(model, tokenizer, split.validation, settings)
        reporter.text(f"method: {method} ({reason})")
    lora = method == "lora"
    if epochs is None:
        epochs = settings.tiny_epochs if tiny_base else settings.lora_epochs if lora else settings.epochs
    learning_rate = (settings.tiny_learning_rate if tiny_base
                     else lora_learning_rate(model, settings) if lora else settings.learning_rate)
    fingerprint = None
    if lora:
        from training.lora import LoraError, add_adapter, base_fingerprint  # peft only when needed

        try:
            fingerprint = base_fingerprint(base)
            model = add_adapter(model, settings, base)
        except LoraError as exc:
            raise BaseModelError(str(exc)) from None

    block_size = min(settings.block_size, context_length(model.config))
    reporter.phase("dataset", f"packing into blocks of {block_size} tokens")
    pad = tokenizer.pad_token_id
    train_blocks = pack(token_stream(split.train, tokenizer), block_size, pad)
    val_blocks = pack(token_stream(split.validation, tokenizer), block_size, pad)

    outcome = train_and_evaluate(model, train_blocks, val_blocks, epochs=epochs, learning_rate=learning_rate,
                                 batch_size=batch_size, seed=seed, settings=settings, reporter=reporter)
    model = outcome.model
    if not lora:  # an adapter folder has no generation_config.json: the base's is used
        model.generation_config = generation_config(tokenizer)
    hyperparameters = {
        "method": "lora" if lora else "full",
        "method_reason": reason,  # why `auto` chose it (None: the method was asked for)
        "epochs": epochs, "learning_rate": learning_rate, "lr_scheduler": settings.lr_scheduler,
        "warmup_ratio": settings.warmup_ratio, "weight_decay": settings.weight_decay,
        "batch_size": batch_size,
        "gradient_accumulation_steps": settings.gradient_accumulation_steps,
        "block_size": block_size, "seed": seed, "validation_fraction": settings.validation_fraction,
        "mixed_precision": precision(settings.mixed_precision)[2], "train_tweets": len(split.train),
        "validation_tweets": len(split.validation), "train_blocks": len(train_blocks),
        "validation_blocks": len(val_blocks), "blend_repeats": split.repeats,
        "parameters": sum(p.numel() for p in model.parameters()),
        "trainable_parameters": sum(p.numel() for p in model.parameters() if p.requires_grad),
        "vocab_size": len(tokenizer), "devices": outcome.world_size,
    }
    return FinetuneResult(model, tokenizer, outcome.metrics, hyperparameters, outcome.main_process,
                          fingerprint)


SMALL_BASE_PARAMETERS = 50_000_000  # GPT-2 small has 124M; `pretrain`'s bases about 5M


def lora_learning_rate(model: PreTrainedModel, settings: TrainingSettings) -> float:
    """`[training] lora_learning_rate`, else by the base's size: a small base's adapter needs a larger
    step to move its voice (docs/voice.md: 5e-3 on a 5M base, where 1e-2 raised the validation loss of
    a weakly trained one; 1e-3, about 10x GPT-2's full fine-tune rate, on GPT-2)."""
    if settings.lora_learning_rate is not None:
        return settings.lora_learning_rate
    small = sum(p.numel() for p in model.parameters()) < SMALL_BASE_PARAMETERS
    return 5e-3 if small else 1e-3


# `auto` trains a full model instead of an adapter when the base's perplexity on the person's held-out
# tweets is above this: the base has never seen their language (on an offline base pretrained on three
# English and German exports: 491 for a person in it, about 1,100 for an English one it never saw, and
# 496,730 for a Chinese one, whose adapters then sounded like her in 0 of 10 tweets and the whole model
# in 10 of 10; docs/voice.md).
AUTO_FULL_PERPLEXITY = 10_000.0


def choose_by_base(model: PreTrainedModel, tokenizer: Any, validation: list[str],
                   settings: TrainingSettings) -> tuple[str, str]:
    """`auto` on a shared base: ("lora" | "full", why). An adapter leaves the token embeddings as the
    base learnt them, so it cannot carry a person whose language the base never saw: that shows as the
    base's perplexity on the person's held-out tweets, measured here before anything is trained."""
    blocks = pack(token_stream(validation, tokenizer), min(settings.block_size, context_length(model.config)),
                  tokenizer.pad_token_id)
    perplexity = math.exp(min(validation_loss(model, blocks, settings.batch_size), 700.0))
    if perplexity > AUTO_FULL_PERPLEXITY:
        return "full", (f"the base's perplexity on this person's tweets is {perplexity:,.0f}, over "
                        f"{AUTO_FULL_PERPLEXITY:,.0f}: it never learnt their language, which an adapter "
                        "cannot teach it")
    return "lora", f"the base reads this person's tweets (perplexity {perplexity:,.0f}): an adapter suffices"


def validation_loss(model: PreTrainedModel, blocks: list[dict[str, Any]], batch_size: int) -> float:
    """The mean token loss of `model` over packed `blocks` (padding masked), without training."""
    device = next(model.parameters()).device
    total, tokens = 0.0, 0
    model.eval()
    with torch.no_grad():
        for start in range(0, len(blocks), batch_size):
            batch = blocks[start : start + batch_size]
            ids = torch.stack([b["input_ids"] for b in batch]).to(device)
            mask = torch.stack([b["attention_mask"] for b in batch]).to(device)
            labels = torch.stack([b["labels"] for b in batch]).to(device)
            logits = model(input_ids=ids, attention_mask=mask).logits[:, :-1].float()
            target = labels[:, 1:]
            loss = torch.nn.functional.cross_entropy(logits.reshape(-1, logits.shape[-1]), target.reshape(-1),
                                                     ignore_index=-100, reduction="sum")
            total += float(loss)
            tokens += int((target != -100).sum())
    return total / max(tokens, 1)


def quiet_libraries(json_mode: bool, verbose: bool = False) -> None:
    """Keep the libraries' chatter off the terminal (bad input must leave one `error:` line: the hub
    client alone logs a line per retry of an unreachable hub), and their progress bars ("Writing model
    shards", downloads) off it and off the JSON protocol's stderr: our phase lines and our one training
    bar tell the story. `verbose` (terminal only) leaves the libraries as they are."""
    if verbose and not json_mode:
        return
    hf_logging.set_verbosity_error()
    hub_logging.set_verbosity_error()
    warnings.filterwarnings("ignore", module=r"huggingface_hub(\.|$)")
    logging.getLogger("accelerate").setLevel(logging.ERROR)
    hf_logging.disable_progress_bar()
    disable_progress_bars()  # the hub's own (downloads), whatever transformers' switch covers
