"""Prompts already prefilled, kept by the decoder that ran them: each one's keys and values and its last
token's logits (vLLM's and SGLang's prefix caching, for whole prompts).

On a CPU a prompt token costs about what a decoding row does, so a tweet of 19 new tokens after a
prompt of 5 spends a fifth of its compute on the prompt. Prompts repeat: `count=3` asks for three rows
of one prompt, /another and a copy guard's redraw run the same prompt again, `/imitate NAME` with no
prompt is the persona's prefix alone, and a server's favourite openings ("My dream is") come back.
A row whose prompt is kept copies its keys and values into its cache row and samples its first token
from the kept logits, in the step it joins, with no forward at all.

A key is (owner, token ids): the owner says whose weights computed it ("" on a persona's own model,
(persona, adapter version) on a shared base, whose rows differ by adapter), so a retrained adapter
never meets its old prompts, and `drop(persona)` forgets a persona's (its adapter leaving its slot, or
/persona forget). A prompt that quotes another message (a reply's context) is never kept. Least
recently used entries go first, within a budget of bytes counted in the model's (`GPT2Decoder.nbytes`);
the whole cache goes with the decoder when the model leaves the device. The logits are kept as the
forward gave them (each row applies its own sampling settings)."""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass

import torch

LARGEST_SHARE = 4  # an entry over 1/4 of the budget is not kept (one long prompt would push out many):
# with 32 MB, GPT-2 small keeps prompts of up to ~100 tokens in float32 (74 KB a token, 201 KB of logits)


@dataclass(frozen=True)
class Prefilled:
    kv: torch.Tensor  # [2, layers, heads, length, head_dim]: the prompt's keys, then its values
    logits: torch.Tensor  # [vocab]: what its last token's forward gave

    @property
    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in (self.kv, self.logits))


def owner_of(persona: str, adapter_version: object | None, shared_base: bool = True) -> Hashable:
    """Whose weights a row's prompt runs on: "" for a persona's own model (its decoder is its own), or
    (persona, version) on a shared base (version None: no adapter in a slot, the plain base: still the
    persona's, for its prompt prefix, and never kept: `Running._may_keep`)."""
    return (persona, adapter_version) if shared_base else ""


class PromptCache:
    """Whole prompts by (owner, token ids), least recently used first out, within `budget` bytes (0:
    nothing is kept). The worker thread alone uses it."""

    def __init__(self, budget: int) -> None:
        self.budget = budget
        self.entries: OrderedDict[tuple[Hashable, tuple[int, ...]], Prefilled] = OrderedDict()
        self.nbytes = 0

    def get(self, key: tuple[Hashable, tuple[int, ...]]) -> Prefilled | None:
        entry = self.entries.get(key)
        if entry is not None:
            self.entries.move_to_end(key)
        return entry

    def put(self, key: tuple[Hashable, tuple[int, ...]], kv: torch.Tensor, logits: torch.Tensor) -> None:
        """Keep a prompt just prefilled (`kv` and `logits` are copied: the caller's are views of buffers
        the next step overwrites)."""
        size = Prefilled(kv, logits).nbytes
        if key in self.entries or size > self.budget // LARGEST_SHARE:
            return
        while self.entries and self.nbytes + size > self.budget:
            self.nbytes -= self.entries.popitem(last=False)[1].nbytes
        self.entries[key] = Prefilled(kv.clone(), logits.clone())
        self.nbytes += size

    def drop(self, persona: str) -> None:
        """Forget every prompt kept of adapter rows of `persona` (the persona's own model takes its
        cache with it)."""
        for key in [k for k in self.entries if isinstance(k[0], tuple) and k[0][0] == persona]:
            self.nbytes -= self.entries.pop(key).nbytes
