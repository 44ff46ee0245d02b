import pytest
import torch
from checkpoints import make_checkpoint
from transformers import AutoModelForCausalLM, AutoTokenizer

from bot.sampling import Rows, decode, sample_next, stop_token_mask


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
    rows = Rows(ids, [1.0] * 3, [1e-9] * 3, [12] * 3, [12] * 3)
    mine, generated = decode(model, rows, tok.eos_token_id, stop_token_mask(tok, model.config.vocab_size))
    tok.padding_side = "left"
    enc = tok.pad({"input_ids": ids}, return_tensors="pt")
    ref = model.generate(**enc, do_sample=False, max_new_tokens=12, min_new_tokens=12,
                         pad_token_id=tok.eos_token_id)[:, enc["input_ids"].shape[1]:].tolist()
    assert mine == ref
    assert generated == 36


def test_rows_stop_at_a_stop_token_unless_held_by_min_new(persona):
    tok, model = persona
    every_token_stops = torch.ones(model.config.vocab_size, dtype=torch.bool)
    rows = Rows(prompts(tok), [1.0] * 3, [1.0] * 3, [10, 10, 4], [0, 6, 0])
    new, generated = decode(model, rows, tok.eos_token_id, every_token_stops)
    # row 0 stops after its first token, row 1 only after 6, row 2 (max 4) after one as well.
    assert generated == 1 + 6 + 1
    assert len(new[1]) == 6 and len(new[0]) <= 1 and len(new[2]) <= 1


def test_stop_mask_marks_end_of_text_and_newlines(persona):
    tok, model = persona
    mask = stop_token_mask(tok, model.config.vocab_size)
    assert mask[tok.eos_token_id]
    for i in mask.nonzero().flatten().tolist():
        assert i == tok.eos_token_id or "\n" in tok.decode([i]) or "\r" in tok.decode([i])


def test_per_row_top_p_and_temperature():
    logits = torch.tensor([[5.0, 4.0, 0.0, -1.0]] * 3)
    temperature, top_p = torch.tensor([1.0, 0.05, 1.0]), torch.tensor([0.5, 1.0, 1.0])
    gen = torch.Generator().manual_seed(0)
    picks = [sample_next(logits, temperature, top_p, gen).tolist() for _ in range(200)]
    assert {p[0] for p in picks} == {0}  # top-p 0.5 keeps only the top token
    assert {p[1] for p in picks} == {0}  # a low temperature sharpens to the top token
    assert len({p[2] for p in picks}) > 1  # plain sampling varies


def test_seeded_generator_reproduces(persona):
    tok, model = persona
    rows = Rows(prompts(tok), [1.0] * 3, [0.95] * 3, [8] * 3, [0] * 3)
    stop = stop_token_mask(tok, model.config.vocab_size)
    a, _ = decode(model, rows, tok.eos_token_id, stop, torch.Generator().manual_seed(7))
    b, _ = decode(model, rows, tok.eos_token_id, stop, torch.Generator().manual_seed(7))
    assert a == b


def test_a_full_context_row_batched_with_a_long_running_row(persona):
    # The long prompt leaves room for its own 2 tokens only; its batch-mate runs 100 steps. The finished
    # row must not advance past the position table (it used to: IndexError, a device assert on CUDA).
    tok, model = persona
    context = model.config.n_positions
    long = [tok.eos_token_id, *([tok("bread").input_ids[0]] * (context - 3))]
    short = prompts(tok)[0]
    greedy = [1e-9, 1e-9]
    stop = stop_token_mask(tok, model.config.vocab_size)
    both = Rows([long, short], [1.0, 1.0], greedy, [2, 100], [2, 100])
    new, _ = decode(model, both, tok.eos_token_id, stop)
    assert len(new[1]) == 100
    alone, _ = decode(model, Rows([long], [1.0], greedy[:1], [2], [2]), tok.eos_token_id, stop)
    assert new[0] == alone[0]  # a row's text does not depend on its company
