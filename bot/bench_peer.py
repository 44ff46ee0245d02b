"""`python -m bot bench --peer ctranslate2`: the fixed workload on CTranslate2, the CPU inference engine
the pool is measured against, in the same run and on the same persona (its full model converted on the
fly, float32 and int8), with the same threads, prompts, sampling and batch size (`--concurrency`
requests a batch). Optional: `pip install -e '.[peer]'`.

Each tweet is exactly `--max-new-tokens` new tokens, as in the pool's fixed workload (`min_length`
holds end-of-text back until then); tokens are counted from what each call returned.
"""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

from bot.bench_workloads import PROMPTS, TEMPERATURE, TOP_K, TOP_P
from bot.personas import PersonaEntry

COMPUTE_TYPES = ("float32", "int8")


def check_peer(entry: PersonaEntry) -> None:
    """ValueError (one line) when CTranslate2 cannot run `entry`: not installed, or an adapter. The bench
    asks before its first leg, not after the pool's."""
    try:
        import ctranslate2  # noqa: F401  (here for the one-line error; `converted` uses it)
    except ImportError:
        raise ValueError("--peer ctranslate2 needs CTranslate2: pip install -e '.[peer]'") from None
    if entry.meta.kind != "full":
        raise ValueError(f"--peer ctranslate2 needs a full-model persona; '{entry.name}' is an adapter")


def run_ctranslate2(entry: PersonaEntry, requests: int, batch: int, new_tokens: int, threads: int) -> dict:
    """Tokens/s and seconds per compute type (`COMPUTE_TYPES`), and how long the conversion took."""
    from transformers import AutoTokenizer

    check_peer(entry)
    tokenizer = AutoTokenizer.from_pretrained(entry.path)
    prefix = [tokenizer.eos_token_id] if entry.meta.prompt_prefix else []  # as the pool puts before
    prompts = [tokenizer.convert_ids_to_tokens(prefix + tokenizer(PROMPTS[i % len(PROMPTS)]).input_ids)
               for i in range(requests)]
    generate = fixed_options(new_tokens)
    result: dict = {}
    folder = Path(tempfile.mkdtemp(prefix="ct2-"))
    try:
        for compute_type in COMPUTE_TYPES:
            t0 = time.perf_counter()
            generator = converted(entry.path, folder / compute_type, compute_type, threads)
            convert_s = time.perf_counter() - t0
            generator.generate_batch(prompts[:1], **{**generate, "max_length": 1, "min_length": 1})  # warm
            tokens = 0
            start = time.perf_counter()
            for i in range(0, requests, batch):
                for answer in generator.generate_batch(prompts[i:i + batch], **generate):
                    tokens += len(answer.sequences_ids[0])
            seconds = time.perf_counter() - start
            result[compute_type] = {"tokens": tokens, "seconds": seconds, "tokens_per_s": tokens / seconds,
                                    "convert_s": convert_s}
            del generator
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    return result


def converted(persona: Path, out: Path, compute_type: str, threads: int):
    """The full-model persona at `persona` converted to CTranslate2 in `out` (`compute_type`: float32,
    int8) and loaded on the CPU with `threads` threads (also `scripts/bench_step.py --sweep`'s)."""
    import ctranslate2

    ctranslate2.converters.TransformersConverter(str(persona)).convert(str(out), quantization=compute_type,
                                                                       force=True)
    return ctranslate2.Generator(str(out), device="cpu", compute_type=compute_type, intra_threads=threads,
                                 inter_threads=1)


def fixed_options(new_tokens: int) -> dict:
    """`generate_batch`'s options for the fixed workload: exactly `new_tokens` new tokens a tweet, the
    pool's sampling, the prompt left out of the result."""
    return dict(max_length=new_tokens, min_length=new_tokens, sampling_topk=TOP_K, sampling_topp=TOP_P,
                sampling_temperature=TEMPERATURE, include_prompt_in_result=False)
