"""The pool's own GPT-2 forward (`bot.pool.gpt2`): the logits transformers gives for the same weights,
within 1e-4, however the tokens reach the static cache (prefill chunks, decode steps, free rows between
running ones, a cache that grew, and steps drawn at random as the runner would schedule them), and
per-row LoRA as PEFT computes each adapter alone."""

import copy
import random
from pathlib import Path

import pytest
import torch
from helpers.checkpoints import _tokenizer
from peft import PeftModel
from transformers import AutoModelForCausalLM, LlamaConfig, LlamaForCausalLM

from bot.bench_personas import write_lora_persona
from bot.pool.gpt2 import CONTEXT_STEP, PACK_TOKENS, Chunk, GPT2Decoder, unsupported
from bot.pool.lora import BASE, SharedBase, read_adapter
from training.bases import BASES_DIR
from training.tiny import tiny_model

TOLERANCE = 1e-4


@pytest.fixture(scope="module")
def model():
    torch.manual_seed(0)
    return tiny_model(_tokenizer(), seed=11).eval()


def reference(model, ids: list[int]) -> torch.Tensor:
    """transformers' logits for the last token of `ids`, the whole sequence at once."""
    with torch.no_grad():
        return model(torch.tensor([ids])).logits[0, -1]


def decode_step(decoder: GPT2Decoder, rows: dict[int, list[int]], n: int, chunk: Chunk | None = None,
                chunk_wanted: list[int] = ()) -> torch.Tensor:
    """One step where each row in `rows` (cache row -> its whole sequence so far) feeds its last token;
    the other rows below `n` are free (placeholders). Returns the logits of the decode rows in `rows`
    order, then of the chunk's tokens at `chunk_wanted`."""
    tokens, positions, writes = [0] * n, [0] * n, [decoder.scratch] * n
    for row, seq in rows.items():
        tokens[row], positions[row], writes[row] = seq[-1], len(seq) - 1, len(seq) - 1
    span = max(positions) + 1
    wanted = [*rows, *(n + i for i in chunk_wanted)]
    return decoder.forward(n, torch.tensor(tokens), torch.tensor(positions), torch.tensor(writes), span,
                           chunk, torch.tensor(wanted))


def test_prefill_chunks_and_decode_steps_give_transformers_logits(model) -> None:
    decoder = GPT2Decoder(model, rows=4)
    draw = torch.Generator().manual_seed(1)
    seqs = {r: torch.randint(1, 1000, (n,), generator=draw).tolist() for r, n in ((0, 5), (1, 12), (3, 30))}
    # Step 1: rows 0 and 1 whole, row 3 its first 20 tokens (a bounded prefill).
    chunk = Chunk.build([0, 1, 3], [seqs[0], seqs[1], seqs[3][:20]], [0, 0, 0], decoder.scratch)
    wanted = torch.tensor([chunk.index(0, 4), chunk.index(1, 11)])
    logits = decoder.forward(0, None, None, None, 0, chunk, wanted)
    for got, row in zip(logits, (0, 1), strict=True):
        assert (got - reference(model, seqs[row])).abs().max() < TOLERANCE
    # Step 2: rows 0 and 1 decode (row 2 is free, row 3 mid-prompt: placeholders), row 3 finishes its
    # prompt in the same forward.
    seqs[0].append(17)
    seqs[1].append(1001)
    chunk = Chunk.build([3], [seqs[3][20:]], [20], decoder.scratch)
    logits = decode_step(decoder, {0: seqs[0], 1: seqs[1]}, n=4, chunk=chunk, chunk_wanted=[9])
    for got, row in zip(logits, (0, 1, 3), strict=True):
        assert (got - reference(model, seqs[row])).abs().max() < TOLERANCE
    # Steps 3-8: all three decode; row 0 leaves after step 5 and a new prompt takes its cache row.
    for step in range(6):
        for seq in seqs.values():
            seq.append(100 + step)
        logits = decode_step(decoder, dict(seqs), n=4)
        for got, row in zip(logits, seqs, strict=True):
            assert (got - reference(model, seqs[row])).abs().max() < TOLERANCE
        if step == 2:
            seqs[0] = [7, 8, 9]
            chunk = Chunk.build([0], [seqs[0]], [0], decoder.scratch)
            (got,) = decoder.forward(0, None, None, None, 0, chunk, torch.tensor([2]))
            assert (got - reference(model, seqs[0])).abs().max() < TOLERANCE


def test_fresh_pieces_of_differing_lengths_are_packed_not_padded() -> None:
    packed = Chunk.build([4, 1, 6], [[11, 12, 13], [21], [31, 32]], [0, 0, 0], scratch=64)
    assert packed.tokens.flatten().tolist() == [11, 12, 13, 21, 31, 32]  # no pad computed
    assert packed.rows.tolist() == [4, 4, 4, 1, 6, 6]
    assert packed.positions.flatten().tolist() == packed.writes.flatten().tolist() == [0, 1, 2, 0, 0, 1]
    assert [packed.index(i, 0) for i in range(3)] == [0, 3, 4] and packed.span == 3
    # Per-row LoRA runs on the pieces padded (an adapter copy a piece): each token's place there.
    assert packed.piece_rows.tolist() == [4, 1, 6] and packed.pad_slots.tolist() == [0, 1, 2, 3, 6, 7]
    # Each token reads the earlier tokens of its own piece, never another's.
    assert packed.packed.int().tolist() == [[1, 0, 0, 0, 0, 0], [1, 1, 0, 0, 0, 0], [1, 1, 1, 0, 0, 0],
                                            [0, 0, 0, 1, 0, 0], [0, 0, 0, 0, 1, 0], [0, 0, 0, 0, 1, 1]]
    # Equal lengths have no pads; a piece that continues its prompt reads the cache; past PACK_TOKENS
    # the mask (tokens x tokens) would outgrow the pads: all three stay padded.
    long = [[1] * (PACK_TOKENS // 2), [2] * (PACK_TOKENS // 2 + 1)]
    for rows, pieces, starts in (([0, 1], [[1, 2], [3, 4]], [0, 0]), ([0, 1], [[1, 2, 3], [4]], [0, 5]),
                                 ([0, 1], long, [0, 0])):
        chunk = Chunk.build(rows, pieces, starts, scratch=64)
        assert chunk.packed is None and chunk.tokens.shape == (2, max(map(len, pieces)))
        assert chunk.index(1, 0) == chunk.tokens.shape[1]


def test_the_cache_grows_keeping_what_it_holds(model) -> None:
    decoder = GPT2Decoder(model, rows=2)
    assert decoder.context == CONTEXT_STEP
    seq = list(range(1, CONTEXT_STEP))
    chunk = Chunk.build([1], [seq], [0], decoder.scratch)
    decoder.forward(0, None, None, None, 0, chunk, torch.tensor([len(seq) - 1]))
    decoder.ensure_context(CONTEXT_STEP + 10)
    assert decoder.context == 2 * CONTEXT_STEP and decoder.scratch == 2 * CONTEXT_STEP
    for token in (5, 6, 7):
        seq.append(token)
        (got,) = decode_step(decoder, {1: seq}, n=2)
        assert (got - reference(model, seq)).abs().max() < TOLERANCE
    with pytest.raises(ValueError, match="positions asked of a model of 256"):
        decoder.ensure_context(257)


def shared_base(models: Path) -> Path:
    """A tiny shared base in models/.bases/shared with two adapters on it: ann (rank 8), dan (rank 4)."""
    folder = models / BASES_DIR / "shared"
    tok = _tokenizer()
    tiny_model(tok, seed=7).save_pretrained(folder)
    tok.save_pretrained(folder)
    write_lora_persona(models, "ann", "shared", seed=0, rank=8)
    write_lora_persona(models, "dan", "shared", seed=3, rank=4)
    return folder


def test_per_row_adapters_give_what_peft_gives_each_alone(tmp_path) -> None:
    models = tmp_path / "models"
    folder = shared_base(models)
    model = AutoModelForCausalLM.from_pretrained(folder).eval()
    shared = SharedBase(copy.deepcopy(model), slots=4, rank=8)
    shared.put(0, read_adapter(models / "ann"))
    shared.put(2, read_adapter(models / "dan"))  # rank 4, zero-padded to 8
    decoder = GPT2Decoder(shared.model, rows=3, lora=shared)
    for row, slot in enumerate((0, 2, BASE)):
        decoder.set_adapter(row, slot)
    draw = torch.Generator().manual_seed(0)
    seqs = [torch.randint(1, 1000, (n,), generator=draw).tolist() for n in (9, 4, 6)]
    chunk = Chunk.build([0, 1, 2], seqs, [0, 0, 0], decoder.scratch)
    ends = [chunk.index(i, len(seq) - 1) for i, seq in enumerate(seqs)]
    prefilled = decoder.forward(0, None, None, None, 0, chunk, torch.tensor(ends))
    for seq in seqs:
        seq.append(42)
    stepped = decode_step(decoder, dict(enumerate(seqs)), n=3)
    for logits, cut in ((prefilled, -1), (stepped, None)):
        for row, name in ((0, "ann"), (1, "dan")):
            peft_model = PeftModel.from_pretrained(copy.deepcopy(model), models / name).eval()
            ids = seqs[row][:cut]
            assert (logits[row] - reference(peft_model, ids)).abs().max() < TOLERANCE
            assert (reference(peft_model, ids) - reference(model, ids)).abs().max() > 0.1  # it matters
        assert (logits[2] - reference(model, seqs[2][:cut])).abs().max() < TOLERANCE  # the plain base


def random_steps(decoder: GPT2Decoder, references: dict[int, object], seed: int, steps: int = 40,
                 budget: int = 24) -> tuple[int, int, int]:
    """Steps scheduled as the runner schedules them, at random: rows join with prompts of 1-40 tokens
    and leave after 2-12 new ones, at most `budget` prompt tokens a step (a long prompt takes several
    steps, one mid-prompt first), so steps mix decoding rows, fresh chunks and chunks whose rows start
    at 0 and mid-prompt, in cache rows below and above the decoding ones. Every sampled row's logits are
    checked against transformers on its reference model (cache row -> model). Returns the rows
    checked, the fresh chunks, the mixed ones and the packed ones (fresh, of differing lengths) seen."""
    rnd = random.Random(seed)
    rows: dict[int, dict] = {}  # cache row -> its prompt, tokens prefilled, new tokens
    checked = fresh = mixed = packed = 0
    for _ in range(steps):
        for r in range(decoder.rows):
            if r not in rows and rnd.random() < 0.4:
                rows[r] = {"ids": [rnd.randrange(1, 1000) for _ in range(rnd.randrange(1, 40))], "filled": 0,
                           "new": []}
        left, pieces = budget, []
        for r, row in sorted(rows.items(), key=lambda kv: -kv[1]["filled"]):
            if row["filled"] < len(row["ids"]) and left > 0:
                take = min(left, len(row["ids"]) - row["filled"])
                pieces.append((r, row["filled"], take))
                left -= take
        decoding = [r for r, row in rows.items() if row["new"]]
        n = max(decoding) + 1 if decoding else 0
        tokens, positions, writes = [0] * n, [0] * n, [decoder.scratch] * n
        for r in decoding:
            pos = len(rows[r]["ids"]) + len(rows[r]["new"]) - 1
            tokens[r], positions[r], writes[r] = rows[r]["new"][-1], pos, pos
        wanted, who, chunk = list(decoding), list(decoding), None
        if pieces:
            chunk = Chunk.build([r for r, _, _ in pieces], [rows[r]["ids"][s:s + t] for r, s, t in pieces],
                                [s for _, s, _ in pieces], decoder.scratch)
            for k, (r, start, take) in enumerate(pieces):
                if start + take == len(rows[r]["ids"]):
                    wanted.append(n + chunk.index(k, take - 1))
                    who.append(r)
            packed += chunk.packed is not None
            fresh += chunk.fresh
            mixed += not chunk.fresh and any(s == 0 for _, s, _ in pieces)
        if not wanted and chunk is None:
            continue
        inputs = [torch.tensor(xs) if n else None for xs in (tokens, positions, writes)]
        logits = decoder.forward(n, *inputs, max(positions, default=-1) + 1, chunk,
                                 torch.tensor(wanted, dtype=torch.long))
        for r, start, take in pieces:
            rows[r]["filled"] = start + take
        for got, r in zip(logits, who, strict=True):
            row = rows[r]
            assert (got - reference(references[r], row["ids"] + row["new"])).abs().max() < TOLERANCE
            checked += 1
            row["new"].append(rnd.randrange(1, 1000))
            if len(row["new"]) > rnd.randrange(2, 12):
                del rows[r]
    return checked, fresh, mixed, packed


def test_random_steps_give_transformers_logits(model) -> None:
    decoder = GPT2Decoder(model, rows=6)
    decoder.ensure_context(128)
    for seed in range(3):
        checked, fresh, mixed, packed = random_steps(decoder, dict.fromkeys(range(6), model), seed)
        assert checked > 20 and fresh and mixed and packed  # every kind of step was met, and checked


def test_random_steps_with_adapters_give_what_peft_gives(tmp_path) -> None:
    models = tmp_path / "models"
    model = AutoModelForCausalLM.from_pretrained(shared_base(models)).eval()
    shared = SharedBase(copy.deepcopy(model), slots=4, rank=8)
    shared.put(0, read_adapter(models / "ann"))
    shared.put(2, read_adapter(models / "dan"))
    decoder = GPT2Decoder(shared.model, rows=6, lora=shared)
    decoder.ensure_context(128)
    peft = {0: PeftModel.from_pretrained(copy.deepcopy(model), models / "ann").eval(),
            2: PeftModel.from_pretrained(copy.deepcopy(model), models / "dan").eval(), BASE: model}
    slots = [0, 2, BASE, 0, 2, BASE]
    for row, slot in enumerate(slots):
        decoder.set_adapter(row, slot)
    for seed in range(2):
        checked, fresh, mixed, packed = random_steps(decoder, {r: peft[slot] for r, slot in enumerate(slots)},
                                                     seed)
        assert checked > 20 and fresh and mixed and packed


def test_models_it_cannot_run_are_named() -> None:
    llama = LlamaForCausalLM(LlamaConfig(vocab_size=64, hidden_size=32, intermediate_size=64,
                                         num_hidden_layers=1, num_attention_heads=2))
    assert unsupported(llama) == "not a GPT-2 model (llama)"
    with pytest.raises(ValueError, match="cannot run this model: not a GPT-2 model"):
        GPT2Decoder(llama, rows=1)


def test_clearing_rows_zeroes_their_keys_values_and_adapters_only(tmp_path) -> None:
    models = tmp_path / "models"
    folder = shared_base(models)
    shared = SharedBase(AutoModelForCausalLM.from_pretrained(folder).eval(), slots=2, rank=8)
    shared.put(0, read_adapter(models / "ann"))
    decoder = GPT2Decoder(shared.model, rows=3, lora=shared)
    for row in range(3):
        decoder.set_adapter(row, 0)
    decoder.forward(0, None, None, None, 0, Chunk.build([0, 1, 2], [[5, 6], [7, 8], [9]], [0, 0, 0],
                                                        decoder.scratch), torch.tensor([1]))
    decoder.clear_rows([0, 2])
    for tensor in (decoder.k, decoder.v, *decoder.row_a.values(), *decoder.row_b.values()):
        assert not tensor[:, [0, 2]].any() and tensor[:, 1].any()
