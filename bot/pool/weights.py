"""Reading a persona's weights: which device and dtype, what a loaded model is (`Model`), reading a
full model, a shared base or an adapter from disk (on the loader thread), and telling a folder that
changed, went or cannot be read now apart. Torch and transformers are imported inside the functions, so
importing the pool stays cheap.
"""

from __future__ import annotations

import os
import re
import stat
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import ConfigError, PoolSettings
from bot.errors import LoadFailed
from bot.personas import MISSING, PersonaEntry, folder_version
from training.bases import base_folder, resolve_base, weights_fingerprint
from training.checkpoint import PERSONA_FILE, context_length

if TYPE_CHECKING:
    from bot.pool.half import HalfWeights
    from bot.pool.lora import Adapter, SharedBase
    from training.sampling import TokenText

BASE_KEY = "base:"  # batch keys of shared bases start with this (persona names cannot hold ':')
SLOT_STEP = 8  # adapter slots are allocated this many at a time


def batch_key(entry: PersonaEntry) -> str:
    """What a persona's requests batch with: its shared base for an adapter (any persona of that base
    may share the batch), the persona itself for a full model."""
    base = entry.meta.base if entry.meta.kind == "lora" else None
    if base is None:
        return entry.name
    return f"{BASE_KEY}{base.source}:{base.name}@{base.fingerprint}"


@dataclass(eq=False)
class Model:
    """A persona's weights and tokenizer, on the device (resident) or in CPU memory (loaded, second tier);
    or a shared base (`lora` set), whose adapters sit in slots: `slots` maps persona -> (slot, version)."""

    version: Any
    model: Any
    tokenizer: Any
    stop_mask: Any
    text: TokenText  # the tokens of a sample back to text, whole characters only
    nbytes: int
    prefix: list[int]  # token ids put before every prompt
    context: int  # positions the model can attend to (prompt + generated)
    lora: SharedBase | None = None
    weight_bytes: int = 0  # a shared base: its own weights (nbytes adds its slots)
    slots: OrderedDict[str, tuple[int, Any]] = field(default_factory=OrderedDict)  # LRU order
    # The continuous runner's forward and static KV cache (`bot.pool.gpt2`), made on first use on the
    # device and dropped when the model leaves it; None until then, or when it is not a GPT-2.
    decoder: Any = None
    cache_bytes: int = 0  # the decoder's bytes, counted in nbytes
    half: HalfWeights | None = None  # float16 copies for the forward on a CPU (counted in nbytes)

    @cached_property
    def stop_ids(self) -> frozenset[int]:
        """The token ids that end a tweet (`stop_mask`), as a set: the runner checks each sampled token."""
        import torch

        return frozenset(torch.nonzero(self.stop_mask).flatten().tolist())

    def count_cache(self) -> bool:
        """Count the decoder's bytes in `nbytes` as they are now; whether they changed."""
        now = self.decoder.nbytes if self.decoder is not None else 0
        if now == self.cache_bytes:
            return False
        self.nbytes += now - self.cache_bytes
        self.cache_bytes = now
        return True

    def pack_half(self) -> Model:
        """Give a GPT-2 float16 copies of its weights for the forward on a CPU (`bot.pool.half`) in place
        of its float32 projections (let go: nothing reads them then), the change counted in `nbytes`
        (and a shared base's `weight_bytes`). Runs on the loader thread; a model the forward does not
        run, or a CPU fbgemm refuses (logged), keeps float32 only."""
        from bot.pool.gpt2 import unsupported
        from bot.pool.half import HalfWeights, release_float32

        if self.half is None and unsupported(self.model) is None:
            self.half = HalfWeights.pack(self.model)
            if self.half is not None:
                change = self.half.nbytes - release_float32(self.model)
                self.nbytes += change
                if self.lora is not None:
                    self.weight_bytes += change
        return self

    def unslot(self, name: str) -> int | None:
        """A shared base: persona `name`'s adapter leaves its slot (returned; None when it held none: the
        slot's weights are the caller's to clear or overwrite), and the prompts kept of it are forgotten
        (rows of it still decoding may have kept more since: those go too)."""
        held = self.slots.pop(name, None)
        if self.decoder is not None:
            self.decoder.prompts.drop(name)
            self.count_cache()
        return None if held is None else held[0]

    def drop_cache(self) -> None:
        """Let go of the decoder and its cache, and their bytes (made again on the next decode)."""
        self.decoder = None
        self.count_cache()


def resolve_device(pool: PoolSettings) -> tuple[str, Any]:
    """The device and the dtype models are loaded in: cuda when present (bf16 where supported, else
    fp16), else CPU fp32. float16 or auto on a CPU loads float32 (`half_weights`: float16 copies then
    replace the projections)."""
    import torch

    device = pool.device
    if device == "auto":
        device = "cuda" if torch.cuda.is_available() else "cpu"
    elif device == "cuda" and not torch.cuda.is_available():
        raise ConfigError('[pool] device = "cuda" but no CUDA device is available (use "auto" or "cpu")')
    if device == "cpu" and pool.dtype == "float16":
        # A CPU without AVX-512 FP16 has no fast float16 arithmetic (a model cast to it runs ~50x
        # slower): float16 there means weights held as float16 for the forward, math in float32.
        return device, torch.float32
    if pool.dtype != "auto":
        return device, getattr(torch, pool.dtype)
    if device == "cuda":
        return device, torch.bfloat16 if torch.cuda.is_bf16_supported() else torch.float16
    return device, torch.float32


def device_memory(device: str) -> int:
    """Total memory of the device in bytes: GPU memory on cuda, physical RAM on CPU."""
    if device == "cuda":
        import torch

        return torch.cuda.get_device_properties(0).total_memory
    return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")


def half_weights(pool: PoolSettings, device: str) -> bool:
    """Whether GPT-2 models get float16 copies of their weights for the forward (`bot.pool.half`): on
    a CPU, where the continuous path runs (the static path is transformers'), with `dtype = "float16"`,
    or `auto` where fbgemm's fp16 GEMM runs (x86 with AVX2: 1.4-2.8x the float32 step on the CPUs
    measured, the logits within 1e-3; `float32` keeps the forward exact)."""
    if device != "cpu" or not pool.continuous:
        return False
    if pool.dtype == "auto":
        from bot.pool.half import available

        return available(default_threads(pool))
    return pool.dtype == "float16"


def dtype_label(pool: PoolSettings, device: str, dtype: Any) -> str:
    """What the log and the bench say the pool runs in."""
    if half_weights(pool, device):
        from bot.pool.half import available

        return ("float16 weights, float32 math" if available(default_threads(pool))
                else "float32 (no float16 GEMM here)")
    return str(dtype).removeprefix("torch.")


def default_threads(pool: PoolSettings) -> int:
    """`torch_threads`, or all cores but one: the asyncio loop keeps a core of its own."""
    if pool.torch_threads is not None:
        return pool.torch_threads
    return max(1, (os.cpu_count() or 1) - 1)


def load_persona(entry: PersonaEntry, dtype: Any) -> Model:
    """Read a persona's weights (safetensors only: nothing is unpickled) and tokenizer into CPU memory.

    Labelled with `entry.version`; the caller checks the folder still has that version afterwards.
    """
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from training.sampling import TokenText, stop_token_mask

    hf_logging.disable_progress_bar()  # a bar per load would clutter the console and the bot's log

    tokenizer = AutoTokenizer.from_pretrained(entry.path)
    model = AutoModelForCausalLM.from_pretrained(entry.path, use_safetensors=True, dtype=dtype)
    model.eval()
    nbytes = sum(t.numel() * t.element_size() for t in (*model.parameters(), *model.buffers()))
    if tokenizer.eos_token_id is None:
        raise ValueError("the tokenizer has no end-of-text token")
    # huggingtweets: every training tweet followed an end-of-text, so every prompt does too.
    prefix_text = entry.meta.prompt_prefix
    prefix = tokenizer(prefix_text, add_special_tokens=False).input_ids if prefix_text else []
    prefix = prefix or [tokenizer.eos_token_id]
    stop = stop_token_mask(tokenizer, model.config.vocab_size)
    return Model(entry.version, model, tokenizer, stop, TokenText(tokenizer), nbytes, prefix,
                 context_length(model.config))


def load_shared_base(entry: PersonaEntry, models_dir: Path, dtype: Any) -> Model:
    """Read the base an adapter persona was trained on (checked against the fingerprint training
    recorded: a different base would silently give another voice), wrapped for per-row adapters."""
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging as hf_logging

    from bot.pool.lora import SharedBase
    from training.sampling import TokenText, stop_token_mask

    hf_logging.disable_progress_bar()
    meta = entry.meta
    assert meta.base is not None and meta.lora is not None
    where = resolve_base(meta.base, models_dir).load_from
    folder = base_folder(where)
    if folder is None or not folder.is_dir():
        raise FileNotFoundError(f"the base {meta.base.name!r} of persona {entry.name!r} is not on this "
                                f"machine ({where})")
    if weights_fingerprint(folder) != meta.base.fingerprint:
        raise ValueError(f"the base at {folder} is not the one persona {entry.name!r} was trained on "
                         "(its weights' fingerprint differs)")
    tokenizer = AutoTokenizer.from_pretrained(where)
    model = AutoModelForCausalLM.from_pretrained(where, use_safetensors=True, dtype=dtype)
    model.eval()
    if tokenizer.eos_token_id is None:
        raise ValueError("the base's tokenizer has no end-of-text token")
    weight_bytes = sum(t.numel() * t.element_size() for t in (*model.parameters(), *model.buffers()))
    shared = SharedBase(model, slots=SLOT_STEP, rank=meta.lora.rank)
    stop = stop_token_mask(tokenizer, model.config.vocab_size)
    return Model(batch_key(entry), model, tokenizer, stop, TokenText(tokenizer),
                 weight_bytes + shared.nbytes, [tokenizer.eos_token_id], context_length(model.config),
                 shared, weight_bytes)


def load_adapter(entry: PersonaEntry, dtype: Any) -> Adapter:
    """Read a persona's adapter (milliseconds: two small files), labelled with `entry.version`."""
    from bot.pool.lora import read_adapter

    start = time.perf_counter()
    adapter = read_adapter(entry.path, dtype=dtype)
    adapter.version = entry.version
    adapter.read_ms = (time.perf_counter() - start) * 1000
    return adapter


class Removed(Exception):
    """The persona folder was removed while it was being read."""


def unchanged(entry: PersonaEntry) -> bool:
    """Whether the folder still has the version read. Raises OSError when it cannot be looked at now
    (a permission or disk error): that is the load's failure, not a retrain to read again."""
    try:
        return folder_version(entry.path) == entry.version
    except MISSING:  # removed, or mid-swap
        return False


# Filesystems whose `stat` may wait on a network (or on a userspace daemon: every FUSE type).
NETWORK_FILESYSTEMS = frozenset({"nfs", "nfs4", "cifs", "smb3", "smbfs", "ceph", "glusterfs", "lustre",
                                 "gpfs", "9p", "afs", "beegfs", "ocfs2", "gfs2", "davfs", "sshfs"})
MOUNTS = Path("/proc/self/mounts")


def on_local_disk(path: Path, mounts: str | None = None) -> bool:
    """Whether `path` lies on a local filesystem, where a `stat` of a file just read costs microseconds
    and never waits on a network: the type of the innermost mount above it (`mounts`: the text of
    /proc/self/mounts, read when None). False when that cannot be told (no /proc: not Linux)."""
    if mounts is None:
        try:
            mounts = MOUNTS.read_text()
        except OSError:
            return False
    target = os.path.realpath(path)
    best, kind = "", None
    for line in mounts.splitlines():
        fields = line.split()
        if len(fields) < 3:
            continue
        # Spaces and the like are octal escapes there (\040).
        point = re.sub(r"\\([0-7]{3})", lambda m: chr(int(m.group(1), 8)), fields[1])
        inside = target == point or target.startswith(point.rstrip("/") + "/")
        if inside and len(point) >= len(best):
            best, kind = point, fields[2]
    return kind is not None and kind not in NETWORK_FILESYSTEMS and not kind.startswith("fuse")


def folder_gone(entry: PersonaEntry) -> bool:
    """Whether the persona's persona.json is no longer on disk (one `stat`). An unreadable one (EACCES,
    EIO) is there: its load reports the error."""
    try:
        (entry.path / PERSONA_FILE).stat()
    except MISSING:
        return True
    except OSError:
        return False
    return False


def gone(entry: PersonaEntry) -> bool:
    """Whether the persona's folder is no longer there. Never raises: a folder that cannot be looked at
    (EACCES, EIO: `Path.is_dir` raises for those) is there, its load failed."""
    try:
        return not stat.S_ISDIR(entry.path.stat().st_mode)
    except MISSING:
        return True
    except OSError:
        return False


def load_failed(name: str, exc: BaseException | None) -> LoadFailed:
    """The one line a user sees when a persona's weights could not be loaded."""
    # Unreadable (EACCES, EIO), not missing: the disk, not the persona, and it may come back.
    if isinstance(exc, OSError) and exc.errno is not None and not isinstance(exc, MISSING):
        return LoadFailed(f"Could not read persona '{name}' from disk right now ({os.strerror(exc.errno)}); "
                          "try again later.")
    return LoadFailed(f"Could not load persona '{name}'; see the bot's log.")


def base_load_failed(name: str) -> LoadFailed:
    """The one line a user of an adapter persona sees when its shared base could not be loaded."""
    return LoadFailed(f"Could not load the base model of '{name}'; see the bot's log.")


def poisons_device(exc: BaseException) -> bool:
    """A CUDA error: the device's context is unusable afterwards (every later kernel fails too)."""
    import torch

    accelerator_error = getattr(torch, "AcceleratorError", None)  # torch >= 2.8
    if accelerator_error is not None and isinstance(exc, accelerator_error):
        return True
    return isinstance(exc, RuntimeError) and ("CUDA error" in str(exc) or "device-side assert" in str(exc))


def served(key: str, personas: list[str]) -> str:
    """Who a batch key's decode served, for the log: the persona, or a shared base's personas."""
    return key if not key.startswith(BASE_KEY) else ", ".join(sorted(set(personas)))
