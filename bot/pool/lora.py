"""Per-row LoRA on a shared GPT-2 base: personas as adapters, mixed row by row in one batch.

Punica/S-LoRA's BGMV in plain PyTorch. Every adapter of a base lives in a slot of stacked tensors,
one pair per projection kind: `A[kind]` is `[layers, slots, in, r]`, `B[kind]` is `[layers, slots,
r, out]`, ranks zero-padded to the largest loaded, `alpha / r` folded into B. A row may also run as
the plain base (`BASE`), with no slot spent on it. A batch gathers its rows' slots once (`select`:
one `index_select` per tensor), and each wrapped projection then adds `(x @ A_row) @ B_row` with two
batched matmuls: no Python loop over adapters in the hot path, and the same kernels whatever the mix
of personas in the batch.

Adapters are read from PEFT's own files (`adapter_config.json`, `adapter_model.safetensors`) without
PEFT: the folder stays loadable by `peft.AutoPeftModelForCausalLM`, and reading one takes milliseconds.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import torch
from torch import nn

from training.checkpoint import ADAPTER_CONFIG, ADAPTER_WEIGHTS  # PEFT's file names, defined once

# GPT-2's four projection kinds (transformers' Conv1D: y = x @ W + b, W is [in, out]).
KINDS = ("attn.c_attn", "attn.c_proj", "mlp.c_fc", "mlp.c_proj")
# PEFT target names that select them: "c_proj" matches both attn.c_proj and mlp.c_proj, as in PEFT.
_TARGETS = {"c_attn": ("attn.c_attn",), "c_proj": ("attn.c_proj", "mlp.c_proj"), "c_fc": ("mlp.c_fc",)}
_KEY = re.compile(r"base_model\.model\.transformer\.h\.(\d+)\."
                  r"(attn\.c_attn|attn\.c_proj|mlp\.c_fc|mlp\.c_proj)\.lora_([AB])\.weight")
BASE = -1  # the slot of a row that runs as the plain base


def conv1d(block: nn.Module, kind: str) -> nn.Module:
    """The Conv1D of projection `kind` (one of KINDS) in a GPT-2 `block`: itself, or what a `RowLoRA`
    wraps (a shared base's projections)."""
    owner, attr = kind.split(".")
    conv = getattr(getattr(block, owner), attr)
    return getattr(conv, "base", conv)


class AdapterError(ValueError):
    """An adapter folder this server cannot serve; the message is one line."""


@dataclass
class Adapter:
    """One persona's adapter, ready for a slot: per kind, A `[layers, in, r]` and B `[layers, r, out]`
    (scaling folded into B); kinds it does not adapt are absent."""

    rank: int
    a: dict[str, torch.Tensor]
    b: dict[str, torch.Tensor]
    version: Any = None
    read_ms: float = 0.0  # how long reading it took (the pool reports adapter load times)

    @property
    def nbytes(self) -> int:
        return sum(t.numel() * t.element_size() for t in (*self.a.values(), *self.b.values()))


def read_adapter(folder: Path, layers: int | None = None, dtype: torch.dtype = torch.float32) -> Adapter:
    """Read a PEFT LoRA adapter for a GPT-2 base of `layers` blocks (None: as many as the adapter has;
    `SharedBase.put` checks the shapes against the base). Safetensors only: nothing is unpickled.

    Refuses what cannot be mixed row by row: DoRA, trained biases, `modules_to_save`, rank or alpha
    patterns, layers other than the four projection kinds.
    """
    from safetensors.torch import load_file

    try:
        config = json.loads((folder / ADAPTER_CONFIG).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise AdapterError(f"{folder / ADAPTER_CONFIG}: cannot be read: {exc}") from None
    if config.get("peft_type") != "LORA":
        raise AdapterError(f"{folder}: not a LoRA adapter (peft_type {config.get('peft_type')!r})")
    for key, unsupported in (("use_dora", True), ("bias", "lora_only"), ("bias", "all")):
        if config.get(key) == unsupported:
            raise AdapterError(f"{folder}: {key} = {unsupported!r} cannot be served row by row")
    for key in ("modules_to_save", "rank_pattern", "alpha_pattern", "trainable_token_indices"):
        if config.get(key):
            raise AdapterError(f"{folder}: {key} is set; only plain LoRA on the projections is served")
    rank, alpha = int(config["r"]), float(config["lora_alpha"])
    scaling = alpha / rank ** 0.5 if config.get("use_rslora") else alpha / rank
    try:
        tensors = load_file(folder / ADAPTER_WEIGHTS)
    except (OSError, ValueError) as exc:  # safetensors raises its own errors as ValueError subclasses
        raise AdapterError(f"{folder / ADAPTER_WEIGHTS}: cannot be read: {exc}") from None
    if layers is None:
        layers = 1 + max((int(m.group(1)) for k in tensors if (m := _KEY.fullmatch(k))), default=-1)
    found: dict[str, dict[int, dict[str, torch.Tensor]]] = {}
    for key, tensor in tensors.items():
        match = _KEY.fullmatch(key)
        if match is None:
            raise AdapterError(f"{folder}: unexpected tensor {key!r} (only lora_A/lora_B of GPT-2's "
                               "c_attn, c_proj, c_fc)")
        layer, kind, which = int(match.group(1)), match.group(2), match.group(3)
        if layer >= layers:  # only with `layers` given
            raise AdapterError(f"{folder}: layer {layer} does not exist in a base of {layers} layers")
        found.setdefault(kind, {}).setdefault(layer, {})[which] = tensor
    a: dict[str, torch.Tensor] = {}
    b: dict[str, torch.Tensor] = {}
    for kind, per_layer in found.items():
        if set(per_layer) != set(range(layers)) or any(set(p) != {"A", "B"} for p in per_layer.values()):
            raise AdapterError(f"{folder}: {kind} is adapted in some layers only")
        # PEFT stores lora_A [r, in] and lora_B [out, r]; Conv1D computes x @ W, so x @ A.T @ B.T.
        a[kind] = torch.stack([per_layer[i]["A"].T for i in range(layers)]).to(dtype).contiguous()
        b[kind] = (torch.stack([per_layer[i]["B"].T for i in range(layers)]).float() * scaling
                   ).to(dtype).contiguous()
    if not a:
        raise AdapterError(f"{folder}: the adapter holds no LoRA weights")
    return Adapter(rank, a, b)


class RowLoRA(nn.Module):
    """A GPT-2 Conv1D plus each row's own low-rank update; the rows' A and B are set by `select`."""

    def __init__(self, base: nn.Module) -> None:
        super().__init__()
        self.base = base
        self.rows: tuple[torch.Tensor, torch.Tensor] | None = None  # ([B, in, r], [B, r, out])

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.base(x)
        if self.rows is None:
            return y
        a, b = self.rows
        return torch.baddbmm(y, torch.bmm(x, a), b)


class SharedBase:
    """A base model whose projections take per-row adapters, and the slots holding those adapters.

    Not thread-safe: the pool's worker thread alone calls `put`, `select` and runs the model.
    """

    def __init__(self, model: nn.Module, slots: int = 8, rank: int = 8) -> None:
        self.model = model
        blocks = model.transformer.h
        self.layers = len(blocks)
        self.device = next(model.parameters()).device
        self.dtype = next(model.parameters()).dtype
        self.modules: dict[str, list[RowLoRA]] = {kind: [] for kind in KINDS}
        self.shapes: dict[str, tuple[int, int]] = {}
        for block in blocks:
            for kind in KINDS:
                owner_name, attr = kind.split(".")
                owner = getattr(block, owner_name)
                conv = getattr(owner, attr)
                wrapped = RowLoRA(conv)
                setattr(owner, attr, wrapped)
                self.modules[kind].append(wrapped)
                self.shapes[kind] = tuple(conv.weight.shape)  # (in, out)
        self.rank = 0
        self.capacity = 0
        self.a: dict[str, torch.Tensor] = {}
        self.b: dict[str, torch.Tensor] = {}
        self._resize(max(slots, 1), rank)

    @property
    def slot_bytes(self) -> int:
        """Bytes one slot takes at the current rank."""
        per = sum(self.rank * (i + o) for i, o in self.shapes.values()) * self.layers
        return per * torch.empty((), dtype=self.dtype).element_size()

    @property
    def nbytes(self) -> int:
        """The slots' bytes (the base's weights are counted apart)."""
        return sum(t.numel() * t.element_size() for t in (*self.a.values(), *self.b.values()))

    def _resize(self, capacity: int, rank: int) -> None:
        """Reallocate the slot tensors (more slots, or a larger rank), keeping what they hold."""
        a, b = {}, {}
        for kind, (n_in, n_out) in self.shapes.items():
            a[kind] = torch.zeros(self.layers, capacity, n_in, rank, dtype=self.dtype, device=self.device)
            b[kind] = torch.zeros(self.layers, capacity, rank, n_out, dtype=self.dtype, device=self.device)
            if self.capacity:
                a[kind][:, : self.capacity, :, : self.rank] = self.a[kind]
                b[kind][:, : self.capacity, : self.rank, :] = self.b[kind]
        self.a, self.b, self.capacity, self.rank = a, b, capacity, rank

    def grow(self, capacity: int) -> None:
        if capacity > self.capacity:
            self._resize(capacity, self.rank)

    def put(self, slot: int, adapter: Adapter) -> None:
        """Write `adapter` into `slot` (0..capacity-1); a larger rank widens every slot, zero-padded."""
        if not 0 <= slot < self.capacity:
            raise IndexError(f"slot {slot} outside 0..{self.capacity - 1}")
        for kind, a in adapter.a.items():
            n_in, n_out = self.shapes[kind]
            if a.shape != (self.layers, n_in, adapter.rank) or adapter.b[kind].shape[2] != n_out:
                raise AdapterError(f"the adapter's {kind} ({tuple(a.shape)}) does not fit this base "
                                   f"({self.layers} layers, {n_in} -> {n_out})")
        if adapter.rank > self.rank:
            self._resize(self.capacity, adapter.rank)
        self.clear(slot)  # kinds it does not adapt, and ranks beyond its own, stay zero
        r = adapter.rank
        for kind, a in adapter.a.items():
            self.a[kind][:, slot, :, :r] = a.to(self.device, self.dtype)
            self.b[kind][:, slot, :r, :] = adapter.b[kind].to(self.device, self.dtype)

    def clear(self, slot: int) -> None:
        for kind in KINDS:
            self.a[kind][:, slot].zero_()
            self.b[kind][:, slot].zero_()

    def to(self, device: Any) -> None:
        """Move the slots with the model (the model itself is moved by its owner)."""
        self.device = torch.device(device)
        self.a = {k: t.to(device) for k, t in self.a.items()}
        self.b = {k: t.to(device) for k, t in self.b.items()}

    def select(self, slots: torch.Tensor) -> None:
        """Give each row of the next forward passes its slot's adapter (`BASE`: none), gathered once
        per batch."""
        slots = slots.to(self.device)
        plain = slots < 0
        index = slots.clamp(min=0)
        for kind in KINDS:
            a = self.a[kind].index_select(1, index)  # [layers, rows, in, r]
            b = self.b[kind].index_select(1, index)
            if bool(plain.any()):  # (x @ 0) @ B adds nothing: the plain base
                a[:, plain] = 0
            for layer, module in enumerate(self.modules[kind]):
                module.rows = (a[layer], b[layer])

    def release(self) -> None:
        """Back to the plain base (and the gathered rows freed)."""
        for modules in self.modules.values():
            for module in modules:
                module.rows = None
