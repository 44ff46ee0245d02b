"""Float16 weights for the forward on a CPU (`[pool] dtype = "float16"`, `bot.pool.half`): the logits stay
within a float16 rounding of transformers' and PEFT's, the copies are counted in the pool's memory, and
where fbgemm cannot run the pool says so and stays float32."""

import copy
import logging

import pytest
import torch
from helpers.checkpoints import _tokenizer, make_checkpoint
from peft import PeftModel
from transformers import AutoModelForCausalLM

import bot.pool.gpt2
from bot.bench_personas import write_lora_persona
from bot.config import PoolSettings
from bot.pool.gpt2 import Chunk, GPT2Decoder
from bot.pool.half import HalfWeights, available
from bot.pool.lora import SharedBase, read_adapter
from bot.pool.weights import BASE_KEY, dtype_label, half_weights, load_persona, resolve_device
from training.bases import BASES_DIR
from training.tiny import tiny_model

# float16 keeps 11 bits: a weight moves by up to 2^-11 of itself. Measured on these models the logits
# move by ~5e-4; float32's own forward matches within 1e-4 (test_pool_gpt2).
HALF_TOLERANCE = 5e-3


@pytest.fixture(scope="module")
def model():
    return tiny_model(_tokenizer(), seed=11).eval()


def reference(model, ids: list[int]) -> torch.Tensor:
    with torch.no_grad():
        return model(torch.tensor([ids])).logits[0, -1]


def prefill_then_decode(decoder: GPT2Decoder, seqs: list[list[int]]) -> list[torch.Tensor]:
    """Prefill each sequence into its cache row, then one decode step of token 42 on every row: the
    logits of both steps, row by row."""
    chunk = Chunk.build(list(range(len(seqs))), seqs, [0] * len(seqs), decoder.scratch)
    last = torch.tensor([chunk.index(i, len(s) - 1) for i, s in enumerate(seqs)])
    prefilled = decoder.forward(0, None, None, None, 0, chunk, last)
    positions = torch.tensor([len(s) for s in seqs])
    stepped = decoder.forward(len(seqs), torch.full((len(seqs),), 42), positions, positions,
                              int(positions.max()) + 1, None, torch.arange(len(seqs)))
    return [*prefilled, *stepped]


@pytest.mark.parametrize("threads", [1, 2])
def test_half_weights_give_transformers_logits_within_float16_rounding(model, threads) -> None:
    packed = HalfWeights.pack(model, threads)
    assert packed is not None
    assert packed.direct == (threads == 1)  # fbgemm's one-thread call, or the op that uses the threads
    seqs = [list(range(5, 14)), [3, 1, 4, 1, 5], list(range(100, 130))]
    got = prefill_then_decode(GPT2Decoder(model, rows=3, half=packed), seqs)
    exact = prefill_then_decode(GPT2Decoder(model, rows=3), seqs)
    wanted = [reference(model, s) for s in seqs] + [reference(model, [*s, 42]) for s in seqs]
    for half_logits, float_logits, ref in zip(got, exact, wanted, strict=True):
        assert (half_logits - ref).abs().max() < HALF_TOLERANCE
        assert half_logits.argmax() == ref.argmax()
        assert (float_logits - ref).abs().max() < 1e-4
    # The float16 copies are what ran: their rounding shows, where float32 matches exactly.
    assert max((h - f).abs().max() for h, f in zip(got, exact, strict=True)) > 1e-6
    weights = sum(p.numel() for name, p in model.named_parameters() if "ln" not in name and "wpe" not in name
                  and not name.endswith(".bias"))
    assert packed.nbytes == 2 * weights  # four projections a block and the head, 2 bytes a weight


def test_half_weights_under_per_row_adapters_give_what_peft_gives(tmp_path) -> None:
    models = tmp_path / "models"
    folder = models / BASES_DIR / "shared"
    tok = _tokenizer()
    tiny_model(tok, seed=7).save_pretrained(folder)
    tok.save_pretrained(folder)
    write_lora_persona(models, "ann", "shared", seed=0, rank=8)
    base = AutoModelForCausalLM.from_pretrained(folder).eval()
    shared = SharedBase(copy.deepcopy(base), slots=2, rank=8)
    shared.put(0, read_adapter(models / "ann"))
    decoders = [GPT2Decoder(shared.model, rows=2, lora=shared, half=half)
                for half in (HalfWeights.pack(shared.model), None)]
    assert decoders[0].half is not None
    seqs = [list(range(7, 16)), list(range(40, 46))]
    for decoder in decoders:
        decoder.set_adapter(0, 0)
        decoder.set_adapter(1, -1)  # the plain base beside it
    got, exact = (prefill_then_decode(decoder, seqs) for decoder in decoders)
    assert max((h - f).abs().max() for h, f in zip(got, exact, strict=True)) > 1e-6  # float16 ran
    peft_model = PeftModel.from_pretrained(copy.deepcopy(base), models / "ann").eval()
    wanted = [reference(peft_model, seqs[0]), reference(base, seqs[1]),
              reference(peft_model, [*seqs[0], 42]), reference(base, [*seqs[1], 42])]
    for logits, ref in zip(got, wanted, strict=True):
        assert (logits - ref).abs().max() < HALF_TOLERANCE


def test_without_the_direct_call_one_thread_takes_the_quantized_op(model, monkeypatch) -> None:
    monkeypatch.delattr(torch, "fbgemm_pack_gemm_matrix_fp16")  # deprecated: the first to go
    packed = HalfWeights.pack(model, threads=1)
    assert packed is not None and not packed.direct
    assert packed.logits(torch.zeros(2, model.config.n_embd)).shape == (2, model.config.vocab_size)


def test_without_fbgemm_the_forward_stays_float32_and_says_so(model, monkeypatch, caplog) -> None:
    monkeypatch.delattr(torch, "fbgemm_pack_gemm_matrix_fp16")

    def gone(*_args):
        raise AttributeError("no op named linear_prepack_fp16")

    monkeypatch.setattr(torch.ops.quantized, "linear_prepack_fp16", gone)
    with caplog.at_level(logging.WARNING, logger="bot.pool.half"):
        assert HalfWeights.pack(model, threads=1) is None
    assert 'float16 weights on a CPU: no op named linear_prepack_fp16; the forward runs in float32' \
        in caplog.text
    assert dtype_label(PoolSettings(device="cpu", dtype="float16"), "cpu", torch.float32) \
        == "float32 (no float16 GEMM here)"


def test_a_cpu_fbgemm_refuses_leaves_float32(model, monkeypatch, caplog) -> None:
    def refuse(*_args):
        raise RuntimeError("Your CPU does not support FBGEMM.\nmore")

    monkeypatch.setattr(torch, "fbgemm_pack_gemm_matrix_fp16", refuse)
    monkeypatch.setattr(torch.ops.quantized, "linear_prepack_fp16", refuse)
    with caplog.at_level(logging.WARNING, logger="bot.pool.half"):
        assert HalfWeights.pack(model, threads=1) is None
    assert "Your CPU does not support FBGEMM.; the forward runs in float32" in caplog.text


def test_a_weight_beyond_float16_range_is_not_packed(model, caplog) -> None:
    big = copy.deepcopy(model)
    with torch.no_grad():
        big.transformer.h[1].mlp.c_fc.weight[0, 0] = 1e5  # would be inf as float16
    with caplog.at_level(logging.WARNING, logger="bot.pool.half"):
        assert HalfWeights.pack(big) is None
    assert "beyond float16's range" in caplog.text


def test_float16_on_a_cpu_loads_float32_and_packs_only_for_the_continuous_path() -> None:
    cpu16 = PoolSettings(device="cpu", dtype="float16")
    # A model cast to float16 runs ~50x slower on a CPU without AVX-512: it is never loaded so.
    assert resolve_device(cpu16) == ("cpu", torch.float32)
    assert resolve_device(PoolSettings(device="cpu")) == ("cpu", torch.float32)
    # bfloat16 is the user's to choose (fast on CPUs with AMX): a model cast to it, as before.
    assert resolve_device(PoolSettings(device="cpu", dtype="bfloat16")) == ("cpu", torch.bfloat16)
    assert half_weights(cpu16, "cpu")
    assert not half_weights(PoolSettings(device="cpu", dtype="float16", continuous=False), "cpu")
    assert not half_weights(PoolSettings(dtype="float16"), "cuda")  # a GPU runs float16 itself
    assert dtype_label(cpu16, "cpu", torch.float32) == "float16 weights, float32 math"
    # auto, the default: float16 weights where fbgemm runs (x86 with AVX2, as every test machine here).
    cpu_auto = PoolSettings(device="cpu")
    assert available() and half_weights(cpu_auto, "cpu")
    assert dtype_label(cpu_auto, "cpu", torch.float32) == "float16 weights, float32 math"
    assert not half_weights(PoolSettings(device="cpu", continuous=False), "cpu")
    assert not half_weights(PoolSettings(), "cuda")
    # float32: exact, no copies.
    cpu32 = PoolSettings(device="cpu", dtype="float32")
    assert not half_weights(cpu32, "cpu")
    assert dtype_label(cpu32, "cpu", torch.float32) == "float32"


def refuse_fbgemm(monkeypatch, direct: bool = True, quantized: bool = True) -> None:
    def refuse(*_args):
        raise RuntimeError("Your CPU does not support FBGEMM.")

    if direct:
        monkeypatch.setattr(torch, "fbgemm_pack_gemm_matrix_fp16", refuse)
    if quantized:
        monkeypatch.setattr(torch.ops.quantized, "linear_prepack_fp16", refuse)


async def test_the_default_pool_reads_float16_copies_and_a_float32_one_none(tmp_path, start_pool) -> None:
    models = tmp_path / "models"
    make_checkpoint(models, "alpha", seed=0)
    for dtype, packed in (("auto", True), ("float32", False)):
        pool = await start_pool(models, device="cpu", dtype=dtype, batch_window_ms=0)
        assert await pool.generate("alpha", "Bread", max_new_tokens=4)
        resident = pool.residency.resident["alpha"]
        assert (resident.half is not None) is packed and (resident.decoder.half is not None) is packed
        await pool.close()


async def test_auto_where_fbgemm_cannot_run_is_float32_without_a_warning(tmp_path, start_pool, monkeypatch,
                                                                         caplog) -> None:
    models = tmp_path / "models"
    make_checkpoint(models, "alpha", seed=0)
    refuse_fbgemm(monkeypatch)
    with caplog.at_level(logging.INFO, logger="bot.pool"):
        pool = await start_pool(models, device="cpu", batch_window_ms=0)
        assert await pool.generate("alpha", "Bread", max_new_tokens=4)
    assert pool.residency.resident["alpha"].half is None
    assert "generation pool on cpu (float32)" in caplog.text
    assert not [r for r in caplog.records if r.levelno >= logging.WARNING]  # nothing asked for float16
    # Asked for, it is said.
    assert dtype_label(PoolSettings(device="cpu", dtype="float16"), "cpu", torch.float32) \
        == "float32 (no float16 GEMM here)"


def test_auto_takes_float16_only_in_the_form_its_threads_would_run(monkeypatch) -> None:
    # Only the direct call left (the quantized op gone): it runs on one thread, not on two.
    refuse_fbgemm(monkeypatch, direct=False)
    assert available(1) and not available(2)
    assert half_weights(PoolSettings(device="cpu", torch_threads=1), "cpu")
    assert not half_weights(PoolSettings(device="cpu", torch_threads=2), "cpu")
    assert dtype_label(PoolSettings(device="cpu", torch_threads=2), "cpu", torch.float32) == "float32"


async def test_a_float16_pool_answers_and_counts_the_copies(tmp_path, start_pool, monkeypatch) -> None:
    models = tmp_path / "models"
    make_checkpoint(models, "alpha", seed=0)
    pool = await start_pool(models, device="cpu", dtype="float16", batch_window_ms=0)
    texts = await pool.generate("alpha", "Bread", count=2, max_new_tokens=8)
    assert len(texts) == 2 and all(t.startswith("Bread") for t in texts)
    resident = pool.residency.resident["alpha"]
    assert resident.half is not None and resident.decoder.half is resident.half
    plain = load_persona(pool.registry.get("alpha"), torch.float32)
    assert plain.half is None
    # The float32 projections are let go once packed: the copies take their place, in fewer bytes.
    projections = sum(p.numel() * p.element_size() for n, p in plain.model.named_parameters()
                      if n.endswith(("c_attn.weight", "c_proj.weight", "c_fc.weight")))
    assert projections > 0.5 * plain.nbytes
    assert resident.nbytes == plain.nbytes - projections + resident.half.nbytes + resident.cache_bytes
    assert resident.nbytes - resident.cache_bytes < plain.nbytes
    with pytest.raises(RuntimeError):  # transformers' forward on it fails loudly, never silently
        resident.model(torch.tensor([[1, 2]]))
    # A seeded request runs alone on a decoder of its own: on the same copies, and reproducibly.
    made = []

    class Recorded(GPT2Decoder):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            made.append(self)

    monkeypatch.setattr(bot.pool.gpt2, "GPT2Decoder", Recorded)
    seeded = [await pool.generate("alpha", "Bread", seed=5, max_new_tokens=8) for _ in range(2)]
    assert seeded[0] == seeded[1]
    assert len(made) == 2 and all(d.half is resident.half for d in made)


def test_float16_weights_refuse_a_model_not_float32_on_a_cpu(model) -> None:
    packed = HalfWeights.pack(model)
    with pytest.raises(ValueError, match="for a float32 model on a CPU"):
        GPT2Decoder(copy.deepcopy(model).to(torch.bfloat16), rows=1, half=packed)


async def test_a_float16_pool_packs_a_shared_base_once_for_its_adapters(tmp_path, start_pool) -> None:
    models = tmp_path / "models"
    folder = models / BASES_DIR / "shared"
    tok = _tokenizer()
    tiny_model(tok, seed=7).save_pretrained(folder)
    tok.save_pretrained(folder)
    for seed, name in enumerate(("ann", "bob")):
        write_lora_persona(models, name, "shared", seed=seed, rank=4)
    pool = await start_pool(models, device="cpu", dtype="float16", batch_window_ms=0)
    await pool.generate("ann", "Bread", max_new_tokens=4)
    await pool.generate("bob", "Bread", max_new_tokens=4)
    (key,) = pool.residency.resident
    base = pool.residency.resident[key]
    assert key.startswith(BASE_KEY) and base.half is not None
    params = sum(t.numel() * t.element_size() for t in base.model.parameters())
    assert base.weight_bytes == params + base.half.nbytes
    float32 = sum(t.numel() * t.element_size() for t in tiny_model(tok, seed=7).parameters())
    assert base.weight_bytes < float32  # its float32 projections let go for the copies
    assert base.nbytes == base.weight_bytes + base.lora.nbytes + base.cache_bytes

