"""The voice report of a persona: tweets generated as `/imitate` generates them, measured by
`training/voice.py` against the person's held-out tweets.

Generation is the pool's: the decode loop of `training/sampling.py` (the pool's static path; its
continuous runner samples with the same `sample_next`, on a forward equal to transformers' within 1e-4
in float32, ~1e-3 with the float16 weights a CPU pool reads by default),
a prompt of only the prompt prefix (end-of-text), the `[generation]` defaults (temperature, top-p,
top-k, min_length, max_new_tokens), text by `TokenText` and made a tweet by the pool's own rule,
`training.generated_text.tweet_text` (the bot's Discord escaping leaves the measures unchanged, so it
is not applied).
A LoRA persona runs on its base through PEFT (`PeftModel.from_pretrained`, numerically the pool's
per-row adapter path); the base's own tweets come from the same model with the adapter disabled. A
full persona's base is loaded again from `base_model`; a `tiny` persona has none (trained from scratch:
only copying and style are measured).

Runs in the training process (`python -m training eval`, and at the end of `train`), never in the
bot's: it is seconds to minutes of torch work.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from training.atomic import lock_folder, replace_file
from training.bases import base_folder, resolve_base, weights_fingerprint
from training.checkpoint import (
    CARD_FILE,
    PERSONA_FILE,
    PersonaMeta,
    VoiceReport,
    context_length,
    read_persona,
)
from training.config import SamplingSettings
from training.generated_text import tweet_text
from training.voice import measure

BATCH = 64  # rows per decode: the pool's largest batches are of this order


class EvalError(Exception):
    """The persona or its base cannot be evaluated (bad input: one line, exit 2)."""


def prefix_ids(tokenizer: Any, prompt_prefix: str | None) -> list[int]:
    """The token ids before every prompt, as the pool takes them: the persona's prompt prefix, else
    end-of-text."""
    ids = tokenizer(prompt_prefix, add_special_tokens=False).input_ids if prompt_prefix else []
    return ids or [tokenizer.eos_token_id]


def generate_tweets(model: Any, tokenizer: Any, prefix: list[int], n: int, seed: int,
                    sampling: SamplingSettings) -> list[str]:
    """`n` tweets from an empty prompt, as the pool makes them, in batches of `BATCH` rows drawn from
    one generator seeded with `seed` (the same seed gives the same tweets on the same machine)."""
    import torch

    from training.sampling import Rows, TokenText, decode, stop_token_mask

    model.eval()
    stop = stop_token_mask(tokenizer, model.config.vocab_size)
    text = TokenText(tokenizer)
    context = context_length(model.config)
    max_new = max(1, min(sampling.max_new_tokens, context - len(prefix)))
    # huggingtweets' min_length counts the prompt with its prefix, as the pool counts it.
    min_new = min(max(sampling.min_length - len(prefix), 0), max_new)
    generator = torch.Generator(device=model.device).manual_seed(seed)
    tweets: list[str] = []
    while len(tweets) < n:
        k = min(BATCH, n - len(tweets))
        rows = Rows([list(prefix)] * k, [sampling.temperature] * k, [sampling.top_p] * k,
                    [sampling.top_k] * k, [max_new] * k, [min_new] * k)
        new, _ = decode(model, rows, tokenizer.eos_token_id, stop, generator)
        tweets += [tweet_text("", text(ids), tokenizer.eos_token) for ids in new]
    return tweets


@dataclass
class Models:
    """A persona's model and tokenizer, and how to reach its base's own voice: `base` a separate model,
    or `lora` True (the persona's adapter disabled); neither: no base (`base_name` None)."""

    model: Any
    tokenizer: Any
    base_name: str | None
    base: Any = None
    lora: bool = False

    @contextlib.contextmanager
    def base_model(self) -> Iterator[Any]:
        if self.lora:
            with self.model.disable_adapter():
                yield self.model
        else:
            yield self.base


def voice_report(models: Models, prompt_prefix: str | None, training: list[str], held_out: list[str],
                 n: int, seed: int, sampling: SamplingSettings) -> VoiceReport:
    """Generate `n` persona tweets (seed), and with a base `2n` of the base's (seed + 1: the first `n`
    teach the classifier, the others are the floor), and measure them (`training.voice.measure`)."""
    prefix = prefix_ids(models.tokenizer, prompt_prefix)
    generated = generate_tweets(models.model, models.tokenizer, prefix, n, seed, sampling)
    base_train: list[str] = []
    base_floor: list[str] = []
    if models.base_name is not None:
        with models.base_model() as base:
            base_tweets = generate_tweets(base, models.tokenizer, prefix, 2 * n, seed + 1, sampling)
        base_train, base_floor = base_tweets[:n], base_tweets[n:]
    return measure(generated, training, held_out, base_train, base_floor, seed=seed, base=models.base_name,
                   sampling=sampling.model_dump())


def load_models(folder: Path, meta: PersonaMeta, models_dir: Path) -> Models:
    """Load a saved persona for evaluation (CPU, or the GPU when there is one). A LoRA persona's base
    must be there with the weights it was trained on (`EvalError` otherwise, as the pool refuses it)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    device = "cuda" if torch.cuda.is_available() else "cpu"
    tokenizer = AutoTokenizer.from_pretrained(folder)
    if meta.kind == "lora":
        from peft import PeftModel

        assert meta.base is not None
        where = resolve_base(meta.base, models_dir).load_from
        local = base_folder(where)
        if local is None or not local.is_dir():
            raise EvalError(f"the base {meta.base.name!r} of persona {meta.name!r} is not on this machine")
        if weights_fingerprint(local) != meta.base.fingerprint:
            raise EvalError(f"the base {meta.base.name!r} has other weights than persona {meta.name!r} "
                            "was trained on")
        base = AutoModelForCausalLM.from_pretrained(local, use_safetensors=True, dtype=torch.float32)
        model = PeftModel.from_pretrained(base, folder).to(device)
        return Models(model, tokenizer, meta.base.name, lora=True)
    model = AutoModelForCausalLM.from_pretrained(folder, use_safetensors=True, dtype=torch.float32).to(device)
    if meta.base_model == "tiny":
        return Models(model, tokenizer, None)
    location = resolve_base(meta.base_model, models_dir)
    try:
        base = AutoModelForCausalLM.from_pretrained(location.load_from, dtype=torch.float32).to(device)
    except (OSError, ValueError) as exc:
        first = (str(exc).strip().splitlines() or [type(exc).__name__])[0]
        raise EvalError(f"the base {meta.base_model!r} of persona {meta.name!r} cannot be loaded: "
                        f"{first}") from None
    return Models(model, tokenizer, meta.base_model, base=base)


def write_voice(folder: Path, meta: PersonaMeta, report: VoiceReport, models_dir: Path) -> PersonaMeta:
    """Record `report` in the persona.json of `folder` and its model card, each replaced atomically
    under the folder's lock (as a new picture is). `meta` is what was evaluated: if the folder holds
    another training of that persona by now, nothing is written (`EvalError`)."""
    from training.card import model_card

    folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        lock_folder(folder_fd)
        current = read_persona(folder, dir_fd=folder_fd)
        if current.created_at != meta.created_at:
            raise EvalError(f"persona {meta.name!r} was trained again while it was measured: run eval again")
        current = current.model_copy(update={"voice": report})
        replace_file(Path(PERSONA_FILE), current.model_dump_json(indent=2).encode("utf-8"), dir_fd=folder_fd)
        with contextlib.suppress(OSError):  # persona.json holds the report by now: the card only shows it
            replace_file(Path(CARD_FILE), model_card(current, models_dir).encode("utf-8"), dir_fd=folder_fd)
    finally:
        os.close(folder_fd)
    return current
