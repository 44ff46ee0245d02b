"""The benchmark's baseline: `transformers.pipeline('text-generation')` per persona, called once per
request, one after another, counting only the new tokens each call generated (never the prompt or its
end-of-text prefix), so its tokens per second compare fairly with the pool's (`bot.bench`).
"""

from __future__ import annotations

import time

from bot.bench_workloads import PROMPTS, TEMPERATURE, TOP_K, TOP_P
from bot.personas import PersonaRegistry
from training.checkpoint import context_length


def run_naive(registry: PersonaRegistry, personas: list[str], requests: int, new_tokens: int,
              device: str, dtype, threads: int) -> dict:
    """One pipeline per persona (built before timing), called once per request, one after another."""
    import torch
    from transformers import pipeline

    # Same torch threads as the pool's worker: on a busy 2-core machine two threads oversubscribe the
    # cores and make the baseline erratic (and the speedup flattering).
    torch.set_num_threads(threads)

    pipes = {}
    for name in personas:
        entry = registry.get(name)
        if entry.meta.kind == "lora":  # PEFT on the base, as the persona's model card shows
            from peft import PeftModel
            from transformers import AutoModelForCausalLM, AutoTokenizer

            from training.bases import resolve_base

            where = resolve_base(entry.meta.base, registry.models_dir).load_from
            model = PeftModel.from_pretrained(AutoModelForCausalLM.from_pretrained(where, dtype=dtype),
                                              entry.path).eval()
            pipe = pipeline("text-generation", model=model, tokenizer=AutoTokenizer.from_pretrained(where),
                            device=device)
        else:
            pipe = pipeline("text-generation", model=str(entry.path), device=device, dtype=dtype)
        pipes[name] = pipe
    new_counts: list[int] = []
    for model in {id(p.model): p.model for p in pipes.values()}.values():  # each model counted once
        count_new_tokens(model, new_counts)
    latencies: list[float] = []
    start = time.perf_counter()
    for i in range(requests):
        pipe = pipes[personas[i % len(personas)]]
        prompt = PROMPTS[i % len(PROMPTS)] or pipe.tokenizer.eos_token  # an empty prompt cannot be encoded
        # The pipeline puts the persona's config.json prefix before the prompt; as the pool does, prompt
        # (prefix included) and new tokens must fit the context.
        prompt_len = len(pipe.tokenizer((getattr(pipe, "prefix", None) or "") + prompt).input_ids)
        n = min(new_tokens, context_length(pipe.model.config) - prompt_len)
        t0 = time.perf_counter()
        pipe(prompt, max_new_tokens=n, min_new_tokens=n, do_sample=True, top_p=TOP_P, top_k=TOP_K,
             temperature=TEMPERATURE, return_tensors=True,
             pad_token_id=pipe.tokenizer.eos_token_id)
        latencies.append(time.perf_counter() - t0)
    seconds = time.perf_counter() - start
    # New tokens only, as the pool counts: what generate returned beyond what it was given (prefix and
    # prompt), measured at generate itself rather than re-derived from a tokenization of the prompt.
    tokens = sum(new_counts)
    return {"seconds": seconds, "tokens": tokens, "latencies": latencies}


def count_new_tokens(model, counts: list[int]) -> None:
    """Wrap `model.generate` (the pipeline's one call into the model) so that each call appends the
    number of tokens it added per sequence to `counts`: its output's length beyond its input's."""
    generate = model.generate

    def counting(*args, **kwargs):
        out = generate(*args, **kwargs)
        given = kwargs.get("input_ids", args[0] if args else None)
        sequences = out if hasattr(out, "shape") else out.sequences
        given_len = 0 if given is None else given.shape[-1]
        counts.extend([sequences.shape[-1] - given_len] * sequences.shape[0])
        return out

    model.generate = counting
