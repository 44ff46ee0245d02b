"""The pool's sampling, and its static decode loop: one batch of left-padded rows, each with its own
sampling settings.

It lives in `training` so that the bot's pool (`bot/pool/`) and the voice report (`training/eval.py`)
sample with the very same code: `training` never imports `bot`, and `bot` already reads training's
checkpoint contract. The pool's continuous runner (`bot/pool/runner.py`) calls `sample_next` and
`TokenText` on its own forward; `decode` is its static path (models that are not GPT-2) and the voice
report's. Pure torch, no transformers import.

A small loop over the model's forward with its KV cache, rather than `model.generate`, because a
batch here mixes requests: every row has its own temperature, top-k, top-p, token limits, and stops on
its own at end-of-text or a newline (one tweet), so the batch ends as soon as its longest tweet does.
Sampling is huggingtweets' (`generate(do_sample=True, top_p=0.95, min_length=10)` with transformers'
default top-k 50): temperature, then top-k (0: off), then top-p (1.0: off, every token kept), and before
a row's `min_new` tokens every stop token (end-of-text and newlines) is suppressed, so a tweet can
neither end nor be cut by a newline before its minimum length.

`TokenText` turns a row's tokens back into text with whole characters only: a byte-level BPE token
may end in the middle of a UTF-8 character, which the tokenizer's own decode shows as U+FFFD.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import torch

from training.generated_text import REPLACEMENT  # U+FFFD: bytes that are no whole character


@dataclass
class Rows:
    """One batch: token ids per row (unpadded, end-of-text first) and per-row settings."""

    prompts: list[list[int]]
    temperature: list[float]
    top_p: list[float]  # 1.0: no nucleus filtering
    top_k: list[int]  # 0: no top-k filtering
    max_new: list[int]  # prompt plus max_new must fit the model's context (the pool clamps it)
    min_new: list[int]  # every stop token is suppressed before this many new tokens


def stop_token_mask(tokenizer, vocab_size: int) -> torch.Tensor:
    """True for the token ids that end a tweet: end-of-text, and every token whose text holds a newline."""
    texts = tokenizer.batch_decode([[i] for i in range(len(tokenizer))])
    mask = torch.zeros(vocab_size, dtype=torch.bool)
    for i, text in enumerate(texts[:vocab_size]):
        if "\n" in text or "\r" in text:
            mask[i] = True
    mask[tokenizer.eos_token_id] = True
    return mask


def bytes_to_unicode() -> dict[int, str]:
    """GPT-2's byte-level alphabet: each byte as the printable character that stands for it in tokens."""
    printable = [*range(ord("!"), ord("~") + 1), *range(ord("¡"), ord("¬") + 1),
                 *range(ord("®"), ord("ÿ") + 1)]
    chars = {b: chr(b) for b in printable}
    extra = 0
    for b in range(256):
        if b not in chars:
            chars[b] = chr(256 + extra)
            extra += 1
    return chars


_BYTE_OF = {c: b for b, c in bytes_to_unicode().items()}


def token_bytes(tokenizer) -> list[bytes] | None:
    """The bytes of every token id of a byte-level BPE tokenizer (GPT-2's, the tiny base's): b"" for a
    special token (skipped, as `skip_special_tokens` does), an added token's own text. None when the
    tokenizer is not byte-level, or its decoder does more than map bytes back."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is not None:
        if type(backend.decoder).__name__ != "ByteLevel":  # e.g. SentencePiece, or extra decode steps
            return None
    elif not hasattr(tokenizer, "byte_decoder"):
        return None
    special = set(tokenizer.all_special_ids)
    added = tokenizer.added_tokens_decoder
    table: list[bytes] = []
    for i, piece in enumerate(tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))):
        if i in special or piece is None:
            table.append(b"")
        elif i in added:
            table.append(added[i].content.encode("utf-8"))
        else:
            try:
                table.append(bytes(_BYTE_OF[c] for c in piece))
            except KeyError:  # a piece outside the byte alphabet: not byte-level after all
                return None
    return table


def encode(tokenizer, text: str) -> list[int]:
    """`tokenizer(text, add_special_tokens=False).input_ids`, for one text: a fast tokenizer's Rust
    backend encodes it directly. The wrapper's call goes through `encode_batch`, which hands even one
    text to the backend's thread pool, and builds a BatchEncoding: 67 us a call alone and ~175 us in a
    busy pool on 2 cores, against 15 us; the pool tokenizes every request it admits between two steps."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is None or backend.truncation is not None or backend.padding is not None:
        return tokenizer(text, add_special_tokens=False).input_ids
    return backend.encode(text, add_special_tokens=False).ids


class TokenText:
    """A persona's token ids to text, whole characters only, and never U+FFFD.

    On a byte-level tokenizer the tokens' bytes are joined and decoded once, dropping what is not a
    whole UTF-8 character: an incomplete tail (the row ended mid-character) and any broken sequence in
    the middle (a continuation byte without its lead, a lead byte cut short). Elsewhere (no byte table)
    the tokenizer's decode with its U+FFFD removed.
    """

    def __init__(self, tokenizer) -> None:
        self.tokenizer = tokenizer
        self.table = token_bytes(tokenizer)
        # As the tokenizer's decode would (" ." -> "." on tokenizers configured so; off on GPT-2's).
        self.clean_up = bool(getattr(tokenizer, "clean_up_tokenization_spaces", False))

    def __call__(self, ids: list[int]) -> str:
        if self.table is None:
            return self.tokenizer.decode(ids, skip_special_tokens=True).replace(REPLACEMENT, "")
        table = self.table
        # Ids past the tokenizer (a model vocabulary larger than it) decode to nothing, as in decode().
        raw = b"".join(table[i] if 0 <= i < len(table) else b"" for i in ids)
        # errors="ignore" drops exactly the bytes that do not form a whole character, tail included.
        # (A U+FFFD the model spelt out whole, learnt from its training text, goes too.)
        text = raw.decode("utf-8", errors="ignore").replace(REPLACEMENT, "")
        return self.tokenizer.clean_up_tokenization(text) if self.clean_up else text


def per_row(values: Sequence[float], device: torch.device | str) -> float | torch.Tensor:
    """A sampling setting of every row: the one value when all rows share it (the common case, a batch
    at the config's defaults: broadcasting does the rest, and a filter that is off for all costs
    nothing), else a column [rows, 1]."""
    first = values[0]
    if all(v == first for v in values):
        return first
    return torch.tensor(values, device=device)[:, None]


def filtered_probs(logits: torch.Tensor, temperature: Sequence[float], top_p: Sequence[float],
                   top_k: Sequence[int], ranked: bool = False) -> tuple[torch.Tensor, torch.Tensor | None]:
    """Each row's sampling distribution, sorted from the most likely token: the probabilities after
    temperature, top-k and top-p (a filtered token gets 0; the rest are not renormalised), and the
    token id at each sorted position (None when `ranked`: `logits` come sorted, as `topk` gives them).
    Settings are per row. Pure, in transformers' warper order."""
    device, width = logits.device, logits.shape[-1]
    temperature = per_row(temperature, device)
    top_k = per_row([k if 0 < k < width else width for k in top_k], device)  # 0 (off): keep all
    # top_p 1.0 keeps everything (as inf): the float sum can reach 1.0 before the last tokens.
    top_p = per_row([p if p < 1.0 else math.inf for p in top_p], device)
    logits = logits.float()
    if isinstance(temperature, torch.Tensor) or temperature != 1.0:
        logits = logits / temperature
    order = None
    if not ranked:
        logits, order = logits.sort(dim=-1, descending=True)
    if isinstance(top_k, torch.Tensor) or top_k < width:  # sorted, the k most likely come first
        logits = logits.masked_fill(torch.arange(width, device=device) >= top_k, float("-inf"))
    probs = logits.softmax(dim=-1)
    # Keep the smallest prefix whose mass reaches top_p: a token goes when the mass before it already does.
    if isinstance(top_p, torch.Tensor) or top_p < math.inf:
        probs = probs.masked_fill((probs.cumsum(dim=-1) - probs) >= top_p, 0.0)
    return probs, order


def sample_next(logits: torch.Tensor, temperature: Sequence[float], top_p: Sequence[float],
                top_k: Sequence[int], generator: torch.Generator | None) -> torch.Tensor:
    """One token per row: temperature, top-k and top-p filtering (`filtered_probs`, settings per row),
    a multinomial draw."""
    k = max(top_k)
    if 0 < k < logits.shape[-1] and min(top_k) > 0:
        # Every row keeps at most k tokens, so only the k largest need sorting (`topk` returns them
        # sorted): on a small model a sort of the whole vocabulary per row costs a good share of a step.
        logits, order = logits.topk(k, dim=-1)
        probs, _ = filtered_probs(logits, temperature, top_p, top_k, ranked=True)
    else:
        probs, order = filtered_probs(logits, temperature, top_p, top_k)
    choice = torch.multinomial(probs, 1, generator=generator)
    return order.gather(-1, choice).squeeze(-1)


@torch.inference_mode()
def decode(model, rows: Rows, eos_id: int, stop_mask: torch.Tensor,
           generator: torch.Generator | None = None) -> tuple[list[list[int]], int]:
    """Generate for every row; returns the new tokens per row (cut before its first end-of-text) and
    the number of tokens generated in all rows."""
    device = model.device
    n = len(rows.prompts)
    width = max(len(p) for p in rows.prompts)
    # Left padding with end-of-text as pad; the mask hides the pads and positions start at each row's text.
    ids = torch.full((n, width), eos_id, dtype=torch.long)
    mask = torch.zeros((n, width), dtype=torch.long)
    for i, p in enumerate(rows.prompts):
        ids[i, width - len(p):] = torch.tensor(p)
        mask[i, width - len(p):] = 1
    ids, mask = ids.to(device), mask.to(device)
    positions = (mask.cumsum(-1) - 1).clamp(min=0)
    max_new = torch.tensor(rows.max_new, device=device)
    min_new = torch.tensor(rows.min_new, device=device)
    stop_mask = stop_mask.to(device)

    # Only the last position's logits are sampled from: the prompt's others would cost an LM head each.
    out = model(input_ids=ids, attention_mask=mask, position_ids=positions, use_cache=True, logits_to_keep=1)
    # What transformers calls the KV cache, in the output and the next call: `cache` in recent releases
    # (5.25 here), `past_key_values` in older ones, which pyproject allows (the GPU machines have 5.17).
    # Read off the output, not forward's signature: a PeftModel's forward takes the cache as **kwargs.
    named = "cache" if hasattr(out, "cache") else "past_key_values"
    cache, logits = getattr(out, named), out.logits[:, -1, :]
    done = torch.zeros(n, dtype=torch.bool, device=device)
    steps: list[torch.Tensor] = []
    generated = torch.zeros((), dtype=torch.long, device=device)  # summed on the device: one sync per step
    for step in range(max(rows.max_new)):
        if step < max(rows.min_new):  # no end-of-text and no newline yet: the tweet is too short
            held = (step < min_new)[:, None] & stop_mask[None, :]
            logits = logits.masked_fill(held, float("-inf"))
        token = sample_next(logits, rows.temperature, rows.top_p, rows.top_k, generator)
        token = torch.where(done, eos_id, token)
        generated += (~done).sum()
        steps.append(token)
        done = done | stop_mask[token] | (step + 1 >= max_new)
        if bool(done.all()):
            break
        mask = torch.cat([mask, torch.ones((n, 1), dtype=mask.dtype, device=device)], dim=1)
        # A finished row keeps its position: its batch-mates may run longer than its prompt leaves room for.
        positions = torch.where(done[:, None], positions[:, -1:], positions[:, -1:] + 1)
        out = model(input_ids=token[:, None], attention_mask=mask, position_ids=positions,
                    use_cache=True, **{named: cache})
        cache, logits = getattr(out, named), out.logits[:, -1, :]
    new = torch.stack(steps, dim=1).tolist() if steps else [[] for _ in range(n)]
    return [_cut(row, rows.max_new[i], eos_id) for i, row in enumerate(new)], int(generated)


def _cut(row: list[int], limit: int, eos_id: int) -> list[int]:
    row = row[:limit]
    return row[: row.index(eos_id)] if eos_id in row else row
