"""What the continuous runner's decode step costs on this machine, and what two ways of speeding it
up give: `torch.compile` of the forward (inductor), and int8 weights for the projections (dynamic
quantisation, fbgemm). The same persona, the same decoder and rows, runs interleaved so that the
machine's drift falls on both sides; prints milliseconds a step and the ratios, and how far the
logits move.

    .venv/bin/python scripts/bench_step.py [--persona models/marlowe_bakes] [--rows 16] [--threads 1]

A measurement, not a feature: the pool runs float32 eager (int8 moves logits by ~0.1, and torch's
quantised ops are deprecated; compile is slower here).
"""

from __future__ import annotations

import argparse
import statistics
import time
import warnings
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM

from bot.pool.gpt2 import GPT2Decoder


def int8_packed(w: torch.Tensor, b: torch.Tensor | None):
    """GPT-2's Conv1D weight [in, out] as fbgemm's packed int8 linear, one scale per output."""
    scale = (w.abs().amax(0) / 127).clamp(min=1e-8)
    q = torch.quantize_per_channel(w.t().contiguous(), scale, torch.zeros(w.shape[1], dtype=torch.long), 0,
                                   torch.qint8)
    return torch.ops.quantized.linear_prepack(q, b)


def timed(run, reps: int = 30, inner: int = 20) -> list[float]:
    out = []
    for _ in range(reps):
        start = time.perf_counter()
        for _ in range(inner):
            run()
        out.append((time.perf_counter() - start) / inner * 1000)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", type=Path, default=Path("models/marlowe_bakes"))
    parser.add_argument("--rows", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # torch's quantised ops warn that they are deprecated
    torch.set_num_threads(args.threads)
    model = AutoModelForCausalLM.from_pretrained(args.persona).eval()
    decoder = GPT2Decoder(model, rows=args.rows)
    n, span = args.rows, 48  # a step in the middle of a tweet
    tokens = torch.randint(0, model.config.vocab_size, (n,), generator=torch.Generator().manual_seed(0))
    positions = torch.full((n,), span - 1)
    wanted = torch.arange(n)

    def eager() -> torch.Tensor:
        return decoder.forward(n, tokens, positions, positions, span, None, wanted)

    packs = {(i, kind): int8_packed(*weights) for i, block in enumerate(decoder.blocks)
             for kind, weights in block.proj.items()}
    float_proj = decoder._proj

    def int8_proj(x, _block, layer, kind, _n, _chunk):
        return torch.ops.quantized.linear_dynamic(x, packs[(layer, kind)], True)

    def int8() -> torch.Tensor:
        decoder._proj = int8_proj
        try:
            return eager()
        finally:
            decoder._proj = float_proj

    raw = type(decoder).forward.__wrapped__  # compiled without inference_mode (inductor refuses it)
    started = time.perf_counter()
    compiled_forward = torch.compile(lambda *a: raw(decoder, *a), dynamic=False)

    def compiled() -> torch.Tensor:
        with torch.no_grad():
            return compiled_forward(n, tokens, positions, positions, span, None, wanted)

    compiled()
    compile_s = time.perf_counter() - started
    ref = eager()
    times: dict[str, list[float]] = {"eager": [], "int8": [], "compiled": []}
    for _ in range(3):  # interleaved rounds
        for name, run in (("eager", eager), ("int8", int8), ("compiled", compiled)):
            times[name] += timed(run, reps=10)
    ms = {name: statistics.median(values) for name, values in times.items()}
    print(f"decode step, {n} rows, {args.threads} thread(s), {args.persona.name}: float32 eager "
          f"{ms['eager']:.2f} ms")
    print(f"int8 projections: {ms['int8']:.2f} ms ({ms['eager'] / ms['int8']:.2f}x eager), logits move "
          f"by {(int8() - ref).abs().max().item():.3f} at most")
    print(f"torch.compile (inductor): {ms['compiled']:.2f} ms ({ms['eager'] / ms['compiled']:.2f}x eager) "
          f"after {compile_s:.0f} s compiling, logits within {(compiled() - ref).abs().max().item():.1e}")


if __name__ == "__main__":
    main()
