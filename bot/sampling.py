"""The decode loop of the pool: one batch of left-padded rows, each with its own sampling settings.

A small loop over the model's forward with its KV cache, rather than `model.generate`, because a
batch here mixes requests: every row has its own temperature, top-p, token limits, and stops on its
own at end-of-text or a newline (one tweet), so the batch ends as soon as its longest tweet does.
"""

from __future__ import annotations

from dataclasses import dataclass

import torch


@dataclass
class Rows:
    """One batch: token ids per row (unpadded, end-of-text first) and per-row settings."""

    prompts: list[list[int]]
    temperature: list[float]
    top_p: list[float]
    max_new: list[int]
    min_new: list[int]  # end-of-text is suppressed, and no row stops, before this many new tokens


def stop_token_mask(tokenizer, vocab_size: int) -> torch.Tensor:
    """True for the token ids that end a tweet: end-of-text, and every token whose text holds a newline."""
    texts = tokenizer.batch_decode([[i] for i in range(len(tokenizer))])
    mask = torch.zeros(vocab_size, dtype=torch.bool)
    for i, text in enumerate(texts[:vocab_size]):
        if "\n" in text or "\r" in text:
            mask[i] = True
    mask[tokenizer.eos_token_id] = True
    return mask


def sample_next(logits: torch.Tensor, temperature: torch.Tensor, top_p: torch.Tensor,
                generator: torch.Generator | None) -> torch.Tensor:
    """One token per row: temperature, then nucleus (top-p) filtering, then a multinomial draw."""
    logits = logits.float() / temperature[:, None]
    sorted_logits, order = logits.sort(dim=-1, descending=True)
    probs = sorted_logits.softmax(dim=-1)
    # Keep the smallest prefix whose mass reaches top_p: a token goes when the mass before it already does.
    drop = (probs.cumsum(dim=-1) - probs) >= top_p[:, None]
    probs = probs.masked_fill(drop, 0.0)
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
    temperature = torch.tensor(rows.temperature, device=device)
    top_p = torch.tensor(rows.top_p, device=device)
    max_new = torch.tensor(rows.max_new, device=device)
    min_new = torch.tensor(rows.min_new, device=device)
    stop_mask = stop_mask.to(device)

    out = model(input_ids=ids, attention_mask=mask, position_ids=positions, use_cache=True)
    cache, logits = out.cache, out.logits[:, -1, :]
    done = torch.zeros(n, dtype=torch.bool, device=device)
    steps: list[torch.Tensor] = []
    generated = torch.zeros((), dtype=torch.long, device=device)  # summed on the device: one sync per step
    for step in range(max(rows.max_new)):
        if step < max(rows.min_new):
            logits[step < min_new, eos_id] = float("-inf")
        token = sample_next(logits, temperature, top_p, generator)
        token = torch.where(done, eos_id, token)
        generated += (~done).sum()
        steps.append(token)
        done = done | (stop_mask[token] & (step + 1 >= min_new)) | (step + 1 >= max_new)
        if bool(done.all()):
            break
        mask = torch.cat([mask, torch.ones((n, 1), dtype=mask.dtype, device=device)], dim=1)
        # A finished row keeps its position: its batch-mates may run longer than its prompt leaves room for.
        positions = torch.where(done[:, None], positions[:, -1:], positions[:, -1:] + 1)
        out = model(input_ids=token[:, None], attention_mask=mask, position_ids=positions,
                    cache=cache, use_cache=True)
        cache, logits = out.cache, out.logits[:, -1, :]
    new = torch.stack(steps, dim=1).tolist() if steps else [[] for _ in range(n)]
    return [_cut(row, rows.max_new[i], eos_id) for i, row in enumerate(new)], int(generated)


def _cut(row: list[int], limit: int, eos_id: int) -> list[int]:
    row = row[:limit]
    return row[: row.index(eos_id)] if eos_id in row else row
