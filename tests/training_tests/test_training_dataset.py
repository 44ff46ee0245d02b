"""Splitting, blending and packing the training text."""

import functools

import torch

from training.dataset import pack, split_tweets, token_stream
from training.tiny import EOS, train_tokenizer

TWEETS = [f"tweet number {i} about bread and ovens" for i in range(100)]


@functools.lru_cache(maxsize=1)
def tokenizer():
    return train_tokenizer(TWEETS, vocab_size=300)


def test_split_is_90_10_disjoint_and_seeded():
    a = split_tweets([TWEETS], seed=1, validation_fraction=0.1)
    assert (len(a.train), len(a.validation)) == (90, 10)
    assert sorted(a.train + a.validation) == sorted(TWEETS)
    assert split_tweets([TWEETS], seed=1, validation_fraction=0.1) == a
    b = split_tweets([TWEETS], seed=2, validation_fraction=0.1)
    assert b.validation != a.validation
    assert a.train != TWEETS[10:]  # shuffled


def test_blend_repeats_smaller_handles_by_characters_after_the_split():
    big = [f"a long tweet from the big account, number {i}" for i in range(100)]
    small = [f"small {i} tweet" for i in range(30)]
    split = split_tweets([big, small], seed=0, validation_fraction=0.1)
    big_chars = sum(len(t) for t in big if t in split.train)
    small_train = [t for t in small if t not in split.validation]
    assert split.repeats[0] == 1
    assert split.repeats[1] == round(big_chars / sum(len(t) for t in small_train)) > 1
    for t in small_train:
        assert split.train.count(t) == split.repeats[1]
    assert not set(split.validation) & set(split.train)  # no copies leak into validation
    assert len([t for t in split.validation if t in small]) == 3  # each handle holds out its own 10%


def test_token_stream_puts_eos_before_every_tweet_and_at_the_end():
    tok = tokenizer()
    eos = tok.convert_tokens_to_ids(EOS)
    stream = token_stream(["hello bread", "oven"], tok)
    assert stream[0] == eos and stream[-1] == eos
    assert stream.count(eos) == 3
    assert tok.decode(stream) == f"{EOS}hello bread{EOS}oven{EOS}"


def test_pack_makes_full_blocks_and_pads_the_last_out_of_the_loss():
    blocks = pack(list(range(1, 24)), block_size=10, pad_id=0)
    assert len(blocks) == 3
    assert all(b["input_ids"].shape == (10,) for b in blocks)
    assert torch.equal(blocks[0]["labels"], blocks[0]["input_ids"])
    last = blocks[2]
    assert last["input_ids"].tolist() == [21, 22, 23] + [0] * 7
    assert last["attention_mask"].tolist() == [1, 1, 1] + [0] * 7
    assert last["labels"].tolist() == [21, 22, 23] + [-100] * 7
    assert len(pack([5], block_size=10, pad_id=0)) == 0  # a lone token predicts nothing
