"""LoRA personas: a PEFT adapter on a shared base, trained by the same `Trainer` as a full fine-tune.

Only the adapter is saved (PEFT's adapter_config.json and adapter_model.safetensors, a few MB), and
adapter_config.json names the base where it can be loaded from (`BaseLocation.peft_base_path`), so
the folder loads with `AutoPeftModelForCausalLM.from_pretrained` and `pipeline(...)`. The adapter's
shape is fixed for the bot's per-row serving: no modules_to_save, no DoRA, no rslora, no bias.
"""

from __future__ import annotations

import warnings
from importlib import metadata

from peft import LoraConfig, PeftModel, get_peft_model
from transformers import PreTrainedModel

from training.bases import base_folder, weights_fingerprint
from training.checkpoint import LoraInfo
from training.config import TrainingSettings

# An adapter's parameters as a share of its base's at most, when the rank is chosen automatically:
# rank 16 on GPT-2 (1.9%) and on the small offline bases (5%), so 8 resident personas cost at most 1.4x
# the base's bytes in the pool. Chosen by the voice report (docs/voice.md): on an offline base, rank 4
# at lr 1e-3 sounded like the person in 5.6 tweets of 10, rank 16 at 5e-3 in 7.7.
LORA_MAX_SHARE = 0.05
MAX_AUTO_RANK = 16


class LoraError(Exception):
    """The base cannot take this adapter (bad input)."""


def lora_shape(model: PreTrainedModel, settings: TrainingSettings) -> tuple[int, float]:
    """(rank, alpha): `[training] lora_rank` and `lora_alpha`, or when unset the largest power of two
    up to 16 whose adapter keeps within LORA_MAX_SHARE of the base's parameters, and twice the rank."""
    rank = settings.lora_rank
    if rank is None:
        targets = tuple(settings.lora_targets)
        # Parameters one rank adds: in + out of every targeted projection (GPT-2's Conv1D is [in, out]).
        per_rank = sum(sum(module.weight.shape) for name, module in model.named_modules()
                       if name.rsplit(".", 1)[-1] in targets and getattr(module, "weight", None) is not None
                       and module.weight.dim() == 2)
        budget = LORA_MAX_SHARE * sum(p.numel() for p in model.parameters())
        rank = MAX_AUTO_RANK
        while rank > 1 and rank * per_rank > budget:
            rank //= 2
    alpha = settings.lora_alpha if settings.lora_alpha is not None else 2.0 * rank
    return rank, alpha


def lora_config(model: PreTrainedModel, settings: TrainingSettings) -> LoraConfig:
    rank, alpha = lora_shape(model, settings)
    return LoraConfig(
        r=rank,
        lora_alpha=alpha,
        target_modules=list(settings.lora_targets),
        # GPT-2's Conv1D stores W as [in, out]; PEFT only uses this when merging, and forces it anyway.
        fan_in_fan_out=True,
        lora_dropout=settings.lora_dropout,
        bias="none",
        task_type="CAUSAL_LM",
    )


def add_adapter(model: PreTrainedModel, settings: TrainingSettings, base: str) -> PeftModel:
    """`model` wrapped with a fresh adapter (lora_B starts at zero: the wrapped model is the base)."""
    try:
        with warnings.catch_warnings():
            # peft 0.21 calls a transformers method that 5.x deprecates: not ours to fix, and in --json
            # mode stderr is for the one error line.
            warnings.filterwarnings("ignore", message=".*is_gradient_checkpointing", category=FutureWarning)
            return get_peft_model(model, lora_config(model, settings))
    except ValueError as exc:  # e.g. "Target modules {...} not found in the base model"
        first = str(exc).strip().splitlines()[0]
        raise LoraError(f"base model {base!r} cannot take the LoRA adapter ([training] lora_targets "
                        f"{list(settings.lora_targets)}): {first}") from None


def lora_info(model: PeftModel, settings: TrainingSettings) -> LoraInfo:
    """The adapter's shape as trained (the rank may have been chosen for the base)."""
    config = model.peft_config["default"]
    return LoraInfo(rank=config.r, alpha=config.lora_alpha, targets=list(settings.lora_targets),
                    dropout=settings.lora_dropout, peft_version=metadata.version("peft"))


def base_fingerprint(load_from: str) -> str:
    """The fingerprint of the base's weights: of its folder, or of the hub snapshot `from_pretrained`
    loaded (call it after loading)."""
    folder = base_folder(load_from)
    if folder is None:
        raise LoraError(f"base model {load_from!r}: cannot find its files in the hub cache to fingerprint")
    try:
        return weights_fingerprint(folder)
    except FileNotFoundError:
        raise LoraError(f"base model {load_from!r} has no safetensors weights: a LoRA persona names its "
                        "base by their fingerprint (use --method full)") from None


def point_at_base(model: PeftModel, peft_base_path: str) -> None:
    """What adapter_config.json's base_model_name_or_path will say (PEFT would write whatever the base
    was loaded from: an absolute path, which does not survive moving models/)."""
    for config in model.peft_config.values():
        config.base_model_name_or_path = peft_base_path

