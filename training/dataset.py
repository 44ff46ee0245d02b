"""The training text: tweets shuffled with the seed, split train/validation, joined by end-of-text, packed.

Each handle's tweets are split on their own, and only then are the smaller handles' training tweets
repeated up to the largest by character count (huggingtweets' blend); repeating before the split would
put copies of training tweets into the validation set.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import torch
from transformers import PreTrainedTokenizerBase


@dataclass
class Split:
    train: list[str]
    validation: list[str]
    repeats: list[int]  # per handle: how many times its training tweets appear


def split_tweets(groups: list[list[str]], seed: int, validation_fraction: float) -> Split:
    """Shuffle each handle's tweets with `seed`, hold out `validation_fraction` of each (at least one),
    repeat the smaller handles' training tweets up to the largest, and shuffle the whole."""
    rng = random.Random(seed)
    trains, validation = [], []
    for tweets in groups:
        tweets = list(tweets)
        rng.shuffle(tweets)
        n_val = max(1, round(len(tweets) * validation_fraction)) if len(tweets) > 1 else 0
        validation += tweets[:n_val]
        trains.append(tweets[n_val:])
    sizes = [sum(len(t) for t in tweets) for tweets in trains]
    largest = max(sizes)
    repeats = [max(1, round(largest / size)) if size else 1 for size in sizes]
    train = [t for tweets, n in zip(trains, repeats, strict=True) for t in tweets * n]
    rng.shuffle(train)
    rng.shuffle(validation)
    return Split(train, validation, repeats)


def token_stream(texts: list[str], tokenizer: PreTrainedTokenizerBase) -> list[int]:
    """End-of-text before every tweet and one at the end: the model learns where tweets start and stop,
    and a prompt prefixed with end-of-text reads as the start of a tweet."""
    eos = tokenizer.eos_token_id
    stream: list[int] = []
    for ids in tokenizer(texts, add_special_tokens=False, verbose=False)["input_ids"]:
        stream.append(eos)
        stream.extend(ids)
    stream.append(eos)
    return stream


def pack(stream: list[int], block_size: int, pad_id: int) -> list[dict[str, torch.Tensor]]:
    """Cut the stream into blocks of `block_size` tokens; the last one is padded (its padding masked
    out of the loss) rather than dropped, so a small validation set still gives a block."""
    blocks = []
    for start in range(0, len(stream), block_size):
        ids = stream[start : start + block_size]
        n = len(ids)
        if n < 2:  # a single token predicts nothing
            continue
        pad = block_size - n
        input_ids = torch.tensor(ids + [pad_id] * pad)
        mask = torch.tensor([1] * n + [0] * pad)
        labels = input_ids.clone()
        labels[n:] = -100
        blocks.append({"input_ids": input_ids, "attention_mask": mask, "labels": labels})
    return blocks
