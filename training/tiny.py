"""The `tiny` base: a small GPT-2 initialised from scratch, with a byte-level BPE tokenizer trained on
the persona's own text. It needs no network, so tests, the quickstart and the benchmarks use it."""

from __future__ import annotations

from collections.abc import Iterable

from tokenizers import Tokenizer, decoders, models, pre_tokenizers, processors, trainers
from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

EOS = "<|endoftext|>"
VOCAB_SIZE = 4096
CONTEXT = 256


def train_tokenizer(texts: Iterable[str], vocab_size: int = VOCAB_SIZE,
                    show_progress: bool = False) -> PreTrainedTokenizerFast:
    """Byte-level BPE as GPT-2's, trained on `texts`, with GPT-2's end-of-text token as bos/eos/unk/pad."""
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.post_processor = processors.ByteLevel(trim_offsets=False)
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size,
        special_tokens=[EOS],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(),
        show_progress=show_progress,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    return PreTrainedTokenizerFast(
        tokenizer_object=tok,
        bos_token=EOS,
        eos_token=EOS,
        unk_token=EOS,
        pad_token=EOS,
        model_max_length=CONTEXT,
    )


def tiny_model(tokenizer: PreTrainedTokenizerFast, seed: int = 42) -> GPT2LMHeadModel:
    """A 4-layer, 256-wide GPT-2 (about 4M parameters) sized to the tokenizer's vocabulary."""
    import torch

    torch.manual_seed(seed)
    config = GPT2Config(
        vocab_size=len(tokenizer),
        n_positions=CONTEXT,
        n_embd=256,
        n_layer=4,
        n_head=4,
        bos_token_id=tokenizer.eos_token_id,
        eos_token_id=tokenizer.eos_token_id,
        pad_token_id=tokenizer.eos_token_id,
    )
    return GPT2LMHeadModel(config)
