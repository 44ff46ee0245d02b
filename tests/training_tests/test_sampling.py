import warnings
from types import SimpleNamespace

import pytest
import torch
from helpers.checkpoints import make_checkpoint
from transformers import AutoModelForCausalLM, AutoTokenizer
from transformers.generation.logits_process import TemperatureLogitsWarper, TopKLogitsWarper, TopPLogitsWarper

from training.sampling import (
    REPLACEMENT,
    Rows,
    TokenText,
    bytes_to_unicode,
    decode,
    encode,
    filtered_probs,
    sample_next,
    stop_token_mask,
)


@pytest.fixture(scope="module")
def persona(tmp_path_factory):
    path = make_checkpoint(tmp_path_factory.mktemp("sampling") / "models", "alpha")
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path, use_safetensors=True).eval()
    return tok, model


def prompts(tok):
    texts = ("My dream is", "", "The bread this morning was so")
    return [[tok.eos_token_id, *tok(p).input_ids] for p in texts]


def test_left_padded_batch_matches_transformers_generate(persona):
    # A vanishing top-p keeps only the most likely token: greedy decoding, comparable row for row.
    tok, model = persona
    ids = prompts(tok)
    stop = stop_token_mask(tok, model.config.vocab_size)
    rows = Rows(ids, [1.0] * 3, [1e-9] * 3, [0] * 3, [12] * 3, [12] * 3)
    mine, generated = decode(model, rows, tok.eos_token_id, stop)
    tok.padding_side = "left"
    enc = tok.pad({"input_ids": ids}, return_tensors="pt")
    # min_new 12 of 12 holds back every stop token (newlines too) for the whole run: suppress_tokens.
    ref = model.generate(**enc, do_sample=False, max_new_tokens=12, min_new_tokens=12,
                         suppress_tokens=stop.nonzero().flatten().tolist(),
                         pad_token_id=tok.eos_token_id)[:, enc["input_ids"].shape[1]:].tolist()
    assert mine == ref
    assert generated == 36


class FixedLogits:
    """A stand-in model whose next-token logits are always `logits`, whatever the input."""

    device = torch.device("cpu")

    def __init__(self, logits: torch.Tensor) -> None:
        self.logits = logits

    def __call__(self, input_ids, **kwargs):
        return SimpleNamespace(cache=None, logits=self.logits.expand(*input_ids.shape, -1))


def test_every_stop_token_is_held_back_until_min_new():
    # Tokens 0 (end-of-text) and 1 (a newline) stop a row and are by far the most likely; 2 is the only
    # other token. Before its min_new a row may not stop at either: it must draw token 2.
    stop = torch.tensor([True, True, False])
    model = FixedLogits(torch.tensor([0.0, 0.0, -30.0]))
    rows = Rows([[0, 2]] * 3, [1.0] * 3, [1.0] * 3, [0] * 3, [10, 10, 4], [0, 6, 0])
    new, generated = decode(model, rows, 0, stop, torch.Generator().manual_seed(0))
    # row 0 stops at its first token, row 1 after 6 held tokens and its stop, row 2 (max 4) at once.
    assert generated == 1 + 7 + 1
    assert new[1][:6] == [2] * 6 and new[1][6:] in ([], [1])  # end-of-text is cut, a newline kept
    assert new[0] in ([], [1]) and new[2] in ([], [1])


def test_min_new_is_capped_by_max_new():
    stop = torch.tensor([True, True, False])
    model = FixedLogits(torch.tensor([0.0, 0.0, -30.0]))
    new, generated = decode(model, Rows([[0]], [1.0], [1.0], [0], [3], [3]), 0, stop)
    assert new == [[2, 2, 2]] and generated == 3


def test_stop_mask_marks_end_of_text_and_newlines(persona):
    tok, model = persona
    mask = stop_token_mask(tok, model.config.vocab_size)
    assert mask[tok.eos_token_id]
    for i in mask.nonzero().flatten().tolist():
        assert i == tok.eos_token_id or "\n" in tok.decode([i]) or "\r" in tok.decode([i])


def test_per_row_top_p_top_k_and_temperature():
    logits = torch.tensor([[5.0, 4.0, 3.0, 2.0]] * 4)  # probabilities .64, .24, .09, .03
    temperature = [1.0, 0.05, 1.0, 1.0]
    top_p, top_k = [0.5, 1.0, 1.0, 1.0], [0, 0, 0, 2]
    gen = torch.Generator().manual_seed(0)
    picks = [sample_next(logits, temperature, top_p, top_k, gen).tolist() for _ in range(400)]
    assert {p[0] for p in picks} == {0}  # top-p 0.5 keeps only the top token
    assert {p[1] for p in picks} == {0}  # a low temperature sharpens to the top token
    assert {p[2] for p in picks} == {0, 1, 2, 3}  # plain sampling: every token can come
    assert {p[3] for p in picks} == {0, 1}  # top-k 2 keeps the two most likely


def test_top_p_1_and_top_k_0_keep_every_token():
    # One dominant token: in float32 the running mass reaches 1.0 at the first token already, which
    # used to drop the whole tail at top_p = 1.0.
    logits = torch.full((1, 1000), -20.0)
    logits[0, 0] = 20.0
    probs, order = filtered_probs(logits, [1.0], [1.0], [0])
    assert probs[0, 0] == 1.0  # the float sum is already full here
    expected = logits.softmax(-1).gather(-1, order)
    assert torch.equal(probs, expected)
    assert bool((probs[0, 1:] > 0).all())


@pytest.mark.parametrize(("top_k", "top_p", "temperature"), [
    (50, 0.95, 1.0), (0, 0.95, 1.0), (5, 1.0, 1.0), (50, 0.5, 0.7), (1, 0.95, 1.3), (2000, 0.9, 1.0),
])
def test_filtering_keeps_the_tokens_transformers_keeps(top_k, top_p, temperature):
    # Transformers' own warpers, in generate's order (temperature, top-k, top-p); generate adds none
    # for top_k 0 or top_p 1.0.
    logits = torch.randn(4, 1000, generator=torch.Generator().manual_seed(1)) * 3
    scores = TemperatureLogitsWarper(temperature)(None, logits.clone())
    if top_k > 0:
        scores = TopKLogitsWarper(top_k)(None, scores)
    if top_p < 1.0:
        scores = TopPLogitsWarper(top_p)(None, scores)
    n = logits.shape[0]
    probs, order = filtered_probs(logits, [temperature] * n, [top_p] * n, [top_k] * n)
    kept = torch.zeros_like(logits, dtype=torch.bool).scatter(-1, order, probs > 0)
    assert torch.equal(kept, scores.isfinite())
    renormalised = torch.zeros_like(logits).scatter(-1, order, probs / probs.sum(-1, keepdim=True))
    assert torch.allclose(renormalised, scores.softmax(-1), atol=1e-6)


@pytest.mark.parametrize(("top_k", "top_p", "temperature"), [
    (50, 0.95, 1.0), (0, 0.95, 1.0), (5, 1.0, 0.7), (0, 1.0, 1.3), (2000, 0.5, 1.0),
])
def test_rows_sharing_their_settings_sample_as_beside_a_row_that_differs(top_k, top_p, temperature):
    # Rows that share every setting are filtered with those values as scalars (a filter off for all
    # skipped); beside a row that differs, per row. Either way the same rows get the same distribution,
    # and the same draws from the same generator.
    logits = torch.randn(3, 1000, generator=torch.Generator().manual_seed(2)) * 3
    other_k = min(top_k, 7)  # the third row's k: the batch's largest k, so its path, stays the same
    shared = ([temperature] * 2, [top_p] * 2, [top_k] * 2)
    mixed = ([temperature] * 2 + [0.9], [top_p] * 2 + [0.8], [top_k] * 2 + [other_k])
    probs, order = filtered_probs(logits[:2], *shared)
    beside, beside_order = filtered_probs(logits, *mixed)
    assert torch.equal(probs, beside[:2]) and torch.equal(order, beside_order[:2])
    for seed in range(30):
        alone = sample_next(logits[:2], *shared, torch.Generator().manual_seed(seed))
        assert torch.equal(alone, sample_next(logits, *mixed, torch.Generator().manual_seed(seed))[:2])


def test_seeded_generator_reproduces(persona):
    tok, model = persona
    rows = Rows(prompts(tok), [1.0] * 3, [0.95] * 3, [50] * 3, [8] * 3, [0] * 3)
    stop = stop_token_mask(tok, model.config.vocab_size)
    a, _ = decode(model, rows, tok.eos_token_id, stop, torch.Generator().manual_seed(7))
    b, _ = decode(model, rows, tok.eos_token_id, stop, torch.Generator().manual_seed(7))
    assert a == b


class OlderTransformers(torch.nn.Module):
    """The model as an older transformers release shows it (5.17, on the GPU machines): the KV cache
    is `past_key_values`, in forward's arguments and its output, not `cache`."""

    def __init__(self, model):
        super().__init__()
        self.model = model

    @property
    def device(self):
        return self.model.device

    def forward(self, input_ids, attention_mask, position_ids, past_key_values=None, use_cache=True,
                logits_to_keep=0):
        out = self.model(input_ids=input_ids, attention_mask=attention_mask, position_ids=position_ids,
                         cache=past_key_values, use_cache=use_cache, logits_to_keep=logits_to_keep)
        return SimpleNamespace(logits=out.logits, past_key_values=out.cache)


def test_decode_runs_on_a_transformers_that_calls_the_cache_past_key_values(persona):
    tok, model = persona
    rows = Rows(prompts(tok), [1.0] * 3, [0.95] * 3, [50] * 3, [12] * 3, [4] * 3)
    stop = stop_token_mask(tok, model.config.vocab_size)
    new, _ = decode(model, rows, tok.eos_token_id, stop, torch.Generator().manual_seed(3))
    old, _ = decode(OlderTransformers(model), rows, tok.eos_token_id, stop, torch.Generator().manual_seed(3))
    assert old == new and any(len(row) > 1 for row in new)  # the cache carried: same tokens, many steps


def test_decode_through_a_peft_model_passes_the_cache_by_the_models_own_name(tmp_path):
    # The voice report of a LoRA persona decodes through a PeftModel, whose forward takes the cache in
    # **kwargs: the name comes from the output, so no deprecated alias is used (a warning every step,
    # and gone in a later transformers).
    from peft import LoraConfig, get_peft_model

    path = make_checkpoint(tmp_path / "models", "beta")
    tok = AutoTokenizer.from_pretrained(path)
    model = AutoModelForCausalLM.from_pretrained(path, use_safetensors=True).eval()
    plain, _ = decode(model, Rows(prompts(tok), [1.0] * 3, [1e-9] * 3, [0] * 3, [8] * 3, [8] * 3),
                      tok.eos_token_id, stop_token_mask(tok, model.config.vocab_size))
    peft = get_peft_model(model, LoraConfig(r=2, target_modules=["c_attn"], fan_in_fan_out=True)).eval()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        new, _ = decode(peft, Rows(prompts(tok), [1.0] * 3, [1e-9] * 3, [0] * 3, [8] * 3, [8] * 3),
                        tok.eos_token_id, stop_token_mask(tok, model.config.vocab_size))
    assert new == plain  # a fresh adapter adds nothing (B is zero): greedy tokens as without it
    assert not [w for w in caught if "past_key_values" in str(w.message)]


def test_a_full_context_row_batched_with_a_long_running_row(persona):
    # The long prompt leaves room for its own 2 tokens only; its batch-mate runs 100 steps. The finished
    # row must not advance past the position table (it used to: IndexError, a device assert on CUDA).
    tok, model = persona
    context = model.config.n_positions
    long = [tok.eos_token_id, *([tok("bread").input_ids[0]] * (context - 3))]
    short = prompts(tok)[0]
    greedy = [1e-9, 1e-9]
    stop = stop_token_mask(tok, model.config.vocab_size)
    both = Rows([long, short], [1.0, 1.0], greedy, [0, 0], [2, 100], [2, 100])
    new, _ = decode(model, both, tok.eos_token_id, stop)
    assert len(new[1]) == 100
    alone, _ = decode(model, Rows([long], [1.0], greedy[:1], [0], [2], [2]), tok.eos_token_id, stop)
    assert new[0] == alone[0]  # a row's text does not depend on its company


def test_top_k_rows_sample_from_their_k_best_only():
    """When every row has a top-k, only the k largest logits are sorted (the fast path): draws stay
    within each row's k best, reach all of them, and greedy stays the argmax."""
    gen = torch.Generator().manual_seed(0)
    logits = torch.randn(3, 5000, generator=gen)
    ones = [1.0] * 3
    best = logits.topk(4, dim=-1).indices
    drawn = {row: set() for row in range(3)}
    for _ in range(300):
        tokens = sample_next(logits, [5.0] * 3, ones, [4, 4, 2], gen)
        for row, token in enumerate(tokens.tolist()):
            drawn[row].add(token)
    assert drawn[0] == set(best[0].tolist()) and drawn[1] == set(best[1].tolist())
    assert drawn[2] == set(best[2, :2].tolist())  # a smaller k in the same batch
    greedy = sample_next(logits, ones, [1e-9] * 3, [50, 50, 50], gen)
    assert greedy.tolist() == logits.argmax(dim=-1).tolist()


# ---- whole characters only (issue 13: "�" in generated tweets) -------------------------------------

def byte_tokens(tok, data: bytes) -> list[int]:
    """One token per byte: the test persona's byte-level BPE has every byte in its alphabet, so a
    multi-byte character can be split across tokens, or cut short, at will."""
    alphabet = bytes_to_unicode()
    return tok.convert_tokens_to_ids([alphabet[b] for b in data])


def test_the_byte_alphabet_is_gpt2s():
    from transformers.convert_slow_tokenizer import bytes_to_unicode as gpt2s

    assert bytes_to_unicode() == gpt2s()


def test_a_character_split_across_tokens_decodes_whole(persona):
    tok, _ = persona
    text = TokenText(tok)
    assert text.table is not None  # the byte-level path, not the fallback
    for word in ("é", "🍞", "Crème brûlée 🍞 with 🥖!"):
        ids = byte_tokens(tok, word.encode())
        assert len(ids) == len(word.encode())
        assert text(ids) == word
    # The tokenizer's own encoding agrees (whatever its merges), with prompt-like ids around it.
    ids = [tok.eos_token_id, *tok("Sourdough é 🍞 done", add_special_tokens=False).input_ids]
    assert text(ids) == tok.decode(ids, skip_special_tokens=True) == "Sourdough é 🍞 done"


@pytest.mark.parametrize("cut", [1, 2, 3])
def test_a_sample_ending_mid_character_drops_the_incomplete_tail(persona, cut):
    tok, _ = persona
    ids = tok(" crackle like the", add_special_tokens=False).input_ids + byte_tokens(tok, "🍞".encode()[:cut])
    assert REPLACEMENT in tok.decode(ids, skip_special_tokens=True)  # what the pool used to send
    assert TokenText(tok)(ids) == " crackle like the"


def test_broken_bytes_in_the_middle_are_dropped_not_replaced(persona):
    tok, _ = persona
    text = TokenText(tok)
    head = tok("a crackle like the", add_special_tokens=False).input_ids
    tail = tok(" to the best part", add_special_tokens=False).input_ids
    for broken in (b"\xa9", b"\x80\x80", b"\xc3", b"\xf0\x9f", b"\xff", b"\xed\xa0\x80"):
        # a continuation byte without its lead, a lead byte cut short by ASCII, bytes never valid UTF-8
        ids = [*head, *byte_tokens(tok, broken), *tail]
        assert REPLACEMENT in tok.decode(ids, skip_special_tokens=True)
        assert text(ids) == "a crackle like the to the best part"
    # Whole characters either side of a broken one survive.
    ids = byte_tokens(tok, "é".encode() + b"\x9f" + "🍞".encode())
    assert text(ids) == "é🍞"


def test_token_text_matches_decode_wherever_decode_is_whole(persona):
    # Random id sequences (the untrained model's kind of output): identical text whenever the
    # tokenizer's decode has no U+FFFD, and never a U+FFFD from TokenText.
    tok, _ = persona
    text = TokenText(tok)
    gen = torch.Generator().manual_seed(0)
    broken = 0
    for _ in range(300):
        length = int(torch.randint(0, 24, (1,), generator=gen))
        ids = torch.randint(0, len(tok), (length,), generator=gen).tolist()
        reference = tok.decode(ids, skip_special_tokens=True)
        broken += REPLACEMENT in reference
        assert REPLACEMENT not in text(ids)
        if REPLACEMENT not in reference:
            assert text(ids) == reference
    assert broken > 30  # the case was exercised, not just the easy one


def test_ids_past_the_tokenizer_and_special_tokens_decode_to_nothing(persona):
    tok, _ = persona
    text = TokenText(tok)
    ids = [tok.eos_token_id, *tok("bread", add_special_tokens=False).input_ids, len(tok) + 5]
    assert text(ids) == "bread"


def test_a_tokenizer_that_is_not_byte_level_falls_back_without_replacement_characters(persona):
    tok, _ = persona

    class NotByteLevel:
        """A tokenizer TokenText cannot map to bytes: its decode is used, U+FFFD removed."""

        def decode(self, ids, skip_special_tokens=False):
            return tok.decode(ids, skip_special_tokens=skip_special_tokens)

    text = TokenText(NotByteLevel())
    assert text.table is None
    ids = tok("the", add_special_tokens=False).input_ids + byte_tokens(tok, "🍞".encode()[:2])
    assert text(ids) == "the"


ENCODED = ("My dream is", "", "  spaces  around ", "bread<|endoftext|>again", "naïve café 🍞🍞",
           "line\nbreak\ttab", "@someone https://t.co/x #tag", "ÿ\u0100\U0001f9c0")


def test_encode_gives_the_ids_the_tokenizer_call_gives(persona):
    # The backend's own encode (one text, no thread pool): exactly the wrapper's ids, special tokens
    # written in the text included.
    tok, _ = persona
    assert tok.backend_tokenizer.truncation is None
    for text in ENCODED:
        assert encode(tok, text) == tok(text, add_special_tokens=False).input_ids, text
    assert tok.eos_token_id in encode(tok, "bread<|endoftext|>again")


def test_encode_falls_back_to_the_call_without_a_backend_or_with_truncation_set(persona):
    tok, _ = persona

    class Slow:
        """A tokenizer with no Rust backend: its own call is used."""

        def __call__(self, text, add_special_tokens=True):
            assert add_special_tokens is False
            return SimpleNamespace(input_ids=[len(text)])

    assert encode(Slow(), "four") == [4]
    truncating = AutoTokenizer.from_pretrained(tok.name_or_path)
    truncating.backend_tokenizer.enable_truncation(max_length=2)
    text = "The bread this morning was so good"
    assert len(encode(truncating, text)) > 2  # as the call: no truncation asked, none applied
    assert encode(truncating, text) == tok(text, add_special_tokens=False).input_ids
