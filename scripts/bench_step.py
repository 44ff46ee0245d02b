"""What the continuous runner's decode step costs on this machine, and what three ways of speeding it
up give: `torch.compile` of the forward (inductor), int8 weights for the projections (dynamic
quantisation, fbgemm), and float16 weights with float32 math (the pool's default on a
CPU). The same persona, the same decoder and rows, runs interleaved so that the machine's drift falls
on both sides; prints milliseconds a step and the ratios, and how far the
logits move.

    .venv/bin/python scripts/bench_step.py [--persona models/marlowe_bakes] [--rows 16] [--threads 1]

`--sweep` (with `--half`: float16 weights) instead times a step (the forward and the sampling, as the
runner does them) at 1 to 32 rows, and a step in which a request joins, and fits `fixed + rows *
per_row`: what a step costs whoever is in it, and what each row adds. With CTranslate2 installed (the
`peer` extra) it times CTranslate2's step on the same persona, batch by batch, beside it. The fit is
what bounds the pool's figures on a CPU: latency under load against latency alone, and what a prompt's
tokens cost.

The pool runs eager, float32 or with float16 weights (int8 moves logits by ~0.1; compile is slower
here).
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import statistics
import tempfile
import time
import warnings
from collections.abc import Callable, Iterator
from pathlib import Path

import torch
from transformers import AutoModelForCausalLM

from bot.pool.gpt2 import GPT2Decoder
from bot.pool.half import HalfWeights


def int8_packed(w: torch.Tensor, b: torch.Tensor | None):
    """GPT-2's Conv1D weight [in, out] as fbgemm's packed int8 linear, one scale per output."""
    scale = (w.abs().amax(0) / 127).clamp(min=1e-8)
    q = torch.quantize_per_channel(w.t().contiguous(), scale, torch.zeros(w.shape[1], dtype=torch.long), 0,
                                   torch.qint8)
    return torch.ops.quantized.linear_prepack(q, b)


def timed(run, reps: int = 30, inner: int = 20) -> list[float]:
    """Milliseconds a call of `run`, `reps` times the mean of `inner` calls (waiting for the GPU)."""
    out = []
    for _ in range(reps):
        start = time.perf_counter()
        for _ in range(inner):
            run()
        if torch.cuda.is_available():
            torch.cuda.synchronize()
        out.append((time.perf_counter() - start) / inner * 1000)
    return out


def cuda_graph(run: Callable[[], torch.Tensor]) -> Callable[[], torch.Tensor]:
    """`run` captured as a CUDA graph (after warm-up calls on a side stream, as capture requires):
    replaying it launches every kernel of the step at once, with no Python and no per-op launch."""
    stream = torch.cuda.Stream()
    stream.wait_stream(torch.cuda.current_stream())
    with torch.cuda.stream(stream):
        for _ in range(3):
            run()
    torch.cuda.current_stream().wait_stream(stream)
    graph = torch.cuda.CUDAGraph()
    with torch.cuda.graph(graph):
        out = run()

    def replay() -> torch.Tensor:
        graph.replay()
        return out
    return replay


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--persona", type=Path, default=Path("models/marlowe_bakes"))
    parser.add_argument("--rows", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--device", default="cpu",
                        help="cpu, or cuda (bfloat16: eager, compile and CUDA graphs; no CTranslate2)")
    parser.add_argument("--sweep", action="store_true", help="step cost by rows (and CTranslate2's)")
    parser.add_argument("--half", action="store_true", help="--sweep with float16 weights (a CPU's float16)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")  # torch's quantised ops warn that they are deprecated
    torch.set_num_threads(args.threads)
    cuda = args.device == "cuda"
    dtype = torch.bfloat16 if cuda else torch.float32
    model = AutoModelForCausalLM.from_pretrained(args.persona, dtype=dtype).to(args.device).eval()
    if args.half and cuda:
        parser.error("--half is the CPU's float16 (float16 weights, float32 math); a GPU runs bfloat16")
    if args.sweep:
        sweep(model, args.persona, args.threads, args.half)
        return
    decoder = GPT2Decoder(model, rows=args.rows)
    n, span = args.rows, 48  # a step in the middle of a tweet
    tokens = torch.randint(0, model.config.vocab_size, (n,), generator=torch.Generator().manual_seed(0))
    tokens, positions, wanted = (t.to(args.device) for t in
                                 (tokens, torch.full((n,), span - 1), torch.arange(n)))

    def eager() -> torch.Tensor:
        return decoder.forward(n, tokens, positions, positions, span, None, wanted)

    raw = type(decoder).forward.__wrapped__  # compiled without inference_mode (inductor refuses it)
    started = time.perf_counter()
    compiled_forward = torch.compile(lambda *a: raw(decoder, *a), dynamic=False)

    def compiled() -> torch.Tensor:
        with torch.no_grad():
            return compiled_forward(n, tokens, positions, positions, span, None, wanted)

    compiled()
    compile_s = time.perf_counter() - started
    variants: dict[str, Callable[[], torch.Tensor]] = {"eager": eager, "compiled": compiled}
    if cuda:
        variants["graph"] = cuda_graph(eager)
    else:
        variants["int8"] = int8_step(decoder, eager)
        packed = HalfWeights.pack(model)
        if packed is not None:  # the pool's default on a CPU (`dtype` auto or "float16")
            half_decoder = GPT2Decoder(model, rows=args.rows, half=packed)
            variants["float16 weights"] = lambda: half_decoder.forward(n, tokens, positions, positions, span,
                                                                        None, wanted)
    ref = eager().float()
    times: dict[str, list[float]] = {name: [] for name in variants}
    for _ in range(3):  # interleaved rounds
        for name, run in variants.items():
            times[name] += timed(run, reps=10)
    ms = {name: statistics.median(values) for name, values in times.items()}

    def moved(name: str) -> float:
        return (variants[name]().float() - ref).abs().max().item()

    threads = f"{args.threads} thread(s)" if not cuda else torch.cuda.get_device_name()
    print(f"decode step, {n} rows, {threads}, {args.persona.name}: {str(dtype).removeprefix('torch.')} eager "
          f"{ms['eager']:.2f} ms")
    if "int8" in ms:
        print(f"int8 projections: {ms['int8']:.2f} ms ({ms['eager'] / ms['int8']:.2f}x eager), logits move "
              f"by {moved('int8'):.3f} at most")
    if "float16 weights" in ms:
        print(f"float16 weights, float32 math (the pool's default on a CPU): {ms['float16 weights']:.2f} ms "
              f"({ms['eager'] / ms['float16 weights']:.2f}x eager), logits move by "
              f"{moved('float16 weights'):.1e} at most")
    print(f"torch.compile (inductor): {ms['compiled']:.2f} ms ({ms['eager'] / ms['compiled']:.2f}x eager) "
          f"after {compile_s:.0f} s compiling, logits within {moved('compiled'):.1e}")
    if "graph" in ms:
        print(f"CUDA graph of the eager step: {ms['graph']:.2f} ms ({ms['eager'] / ms['graph']:.2f}x eager), "
              f"logits within {moved('graph'):.1e}")


def int8_step(decoder: GPT2Decoder, eager: Callable[[], torch.Tensor]) -> Callable[[], torch.Tensor]:
    """The eager step with every projection an fbgemm int8 linear (CPU only)."""
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
    return int8


SWEEP_ROWS = (1, 2, 4, 8, 16, 32)
NEW_TOKENS = 48  # the bench's fixed workload: a step's rows read about half of it on average
JOIN_TOKENS = 6  # a request joining: the prefix and a short prompt, as the bench's natural workload


def sweep(model, persona: Path, threads: int, half: bool = False) -> None:
    """Milliseconds a step at each of SWEEP_ROWS rows (forward and sampling), one with a request
    joining, the least-squares `fixed + rows * per_row` over them; CTranslate2's beside it if installed.
    `half`: the pool's forward with float16 weights (`dtype = "float16"` on a CPU)."""
    from bot.bench_workloads import TEMPERATURE, TOP_K, TOP_P
    from bot.pool.gpt2 import Chunk
    from training.sampling import sample_next

    vocab, span = model.config.vocab_size, NEW_TOKENS // 2 + JOIN_TOKENS
    decoder = GPT2Decoder(model, rows=max(SWEEP_ROWS) + 1, half=HalfWeights.pack(model) if half else None)
    device = decoder.device
    gen = torch.Generator().manual_seed(0)

    def step(n: int, join: bool = False):
        tokens = torch.randint(0, vocab, (n,), generator=gen).to(device)
        positions = torch.full((n,), span - 1, device=device)
        settings = [[v] * (n + join) for v in (TEMPERATURE, TOP_P, TOP_K)]

        def run() -> list[int]:
            chunk = None
            wanted = torch.arange(n, device=device)
            if join:  # cache row n prefills its prompt; its last token's logits are sampled too
                chunk = Chunk.build([n], [list(range(1, JOIN_TOKENS + 1))], [0], decoder.scratch, device)
                wanted = torch.tensor([*range(n), n + JOIN_TOKENS - 1], device=device)
            logits = decoder.forward(n, tokens, positions, positions, span, chunk, wanted)
            return sample_next(logits, *settings, None).tolist()
        return run

    runs = {f"{n} rows": step(n) for n in SWEEP_ROWS}
    runs["16 rows + a join"] = step(16, join=True)
    on_cpu = ctranslate2_runs(persona, threads) if device.type == "cpu" else contextlib.nullcontext({})
    with on_cpu as peer_runs:
        times: dict[str, list[float]] = {name: [] for name in [*runs, *peer_runs]}
        for _ in range(9):  # interleaved rounds: the machine's drift falls on every row count, both engines
            for name, run in runs.items():
                times[name] += timed(run, reps=3, inner=10)
            for name, run in peer_runs.items():  # one call is NEW_TOKENS steps
                times[name] += [ms / NEW_TOKENS for ms in timed(run, reps=1, inner=1)]
    ms = {name: statistics.median(values) for name, values in times.items()}
    peer = {name: ms.pop(name) for name in peer_runs}
    fixed, per_row = fit([ms[f"{n} rows"] for n in SWEEP_ROWS])
    where = f"{threads} thread(s)" if device.type == "cpu" else torch.cuda.get_device_name()
    weights = "float16 weights" if decoder.half is not None else str(decoder.dtype).removeprefix("torch.")
    print(f"step (forward and sampling), {persona.name}, {weights}, {where}, rows reading {span} positions:")
    for name, value in ms.items():
        ct2 = peer.get(f"ct2 {name}")
        beside = f"   CTranslate2 float32 {ct2:.2f} ms (pool {ct2 / value:.2f}x its speed)" if ct2 else ""
        print(f"  {name:>16}: {value:6.2f} ms{beside}")
    print(f"fit: {fixed:.2f} ms + {per_row:.3f} ms a row: a step of 11 rows costs "
          f"{(fixed + 11 * per_row) / (fixed + per_row):.2f}x a step of 1; a join of {JOIN_TOKENS} prompt "
          f"tokens adds {ms['16 rows + a join'] - ms['16 rows']:.2f} ms to a step of 16")
    if peer:
        p_fixed, p_row = fit([peer[f"ct2 {n} rows"] for n in SWEEP_ROWS])
        print(f"CTranslate2 fit: {p_fixed:.2f} ms + {p_row:.3f} ms a row")


def fit(ms: list[float]) -> tuple[float, float]:
    """Least squares `fixed + rows * per_row` through the step times at SWEEP_ROWS."""
    xs = SWEEP_ROWS
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ms)
    per_row = (sum((x - mean_x) * (y - mean_y) for x, y in zip(xs, ms, strict=True))
               / sum((x - mean_x) ** 2 for x in xs))
    return mean_y - per_row * mean_x, per_row


@contextlib.contextmanager
def ctranslate2_runs(persona: Path, threads: int) -> Iterator[dict[str, Callable[[], object]]]:
    """CTranslate2's float32 generation of NEW_TOKENS tokens over n rows, for each n of SWEEP_ROWS, as
    the same sampling and prompt (the persona converted on the fly); none when it is not installed."""
    try:
        import ctranslate2  # noqa: F401
    except ImportError:
        yield {}
        return
    from transformers import AutoTokenizer

    from bot.bench_peer import converted, fixed_options
    from bot.bench_workloads import PROMPTS

    tokenizer = AutoTokenizer.from_pretrained(persona)
    prompt = tokenizer.convert_ids_to_tokens([tokenizer.eos_token_id, *tokenizer(PROMPTS[0]).input_ids])
    with tempfile.TemporaryDirectory(prefix="ct2-") as folder:
        generator = converted(persona, Path(folder), "float32", threads)
        options = fixed_options(NEW_TOKENS)
        generator.generate_batch([prompt], **options)  # warm
        yield {f"ct2 {n} rows": functools.partial(generator.generate_batch, [prompt] * n, **options)
               for n in SWEEP_ROWS}
        del generator


if __name__ == "__main__":
    main()
