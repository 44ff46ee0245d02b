"""One batch decoded whole: requests to rows, one `training.sampling.decode`, the rows' tokens to
texts checked by the copy guard, and each request's answer (`Samples`, an error, or redraws owed).
The path of every model the continuous runner does not serve.

Sampling settings may differ row by row inside one batch (see `training.sampling`). Every row fits the
persona's context: its max_new_tokens is clamped to what the prompt leaves, and a long prompt keeps its
tail but leaves room to generate (at least half the context, or max_new_tokens). Each row's minimum is
`[generation] min_length` minus its prompt (prefix included), as huggingtweets. A request's `context`
(the tweet it answers) goes before its prompt as a tweet of its own, never part of the result. On a
shared base every row runs with its own persona's adapter slot.

The copy guard: after a decode, each sample that repeats `[generation] max_copied_words` consecutive
words of a training tweet (n-grams of the prompt's own words alone do not count) is rejected and drawn
again, up to `COPY_TRIES` draws in all. An unseeded request goes back to the head of its queue for the
samples it is still owed (its answer here is None), so a redraw rides in the next batch with whatever
else is due instead of holding the worker for a decode of a few rows; a seeded request (alone in its
batch) draws again at once, its generator going on, so the retry is reproducible too. Still a copy
after the last draw, the sample is dropped: the request gets what remains (`Samples.dropped` says how
many went), or CopyRejected when nothing does. `Samples.copy_rejections` counts rejected draws, as does
`pool_copy_rejections_total`.

A batch that raises runs again request by request (`serve`), so only a request that fails on its own
gets GenerationFailed; a CUDA error breaks the pool instead.
"""

from __future__ import annotations

import dataclasses
import logging
from collections import deque
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from bot.config import GenerationSettings
from bot.errors import BotError
from bot.generation import COPY_TRIES, Samples
from bot.metrics import PoolMetrics
from bot.personas import PersonaRegistry
from bot.pool.request import Request, answer, failed, failed_alone
from bot.pool.runner import finish, prefix_ids, prompt_rows
from bot.pool.weights import Model, poisons_device, served
from training.generated_text import one_tweet

if TYPE_CHECKING:
    from training.copyguard import CopyGuard
    from training.sampling import Rows

log = logging.getLogger(__name__)

Answer = Samples | BotError | None  # None: the copy guard still owes it samples (drawn in a later batch)
_BROKEN = object()  # a request's result once the pool broke (PoolBroken already sent)


class StaticRunner:
    """Runs a batch on its model, on the worker thread. `guard(persona)` is the persona's copy guard
    (None: off); `assign_slots(base, personas)` their adapter slots on a shared base; every batch run is
    recorded in `batches` as (batch key, rows, distinct personas). `requeue(req)` queues a request again
    for the samples the copy guard still owes it; `on_break(reason, exc)` breaks the pool."""

    def __init__(self, generation: GenerationSettings, registry: PersonaRegistry, metrics: PoolMetrics,
                 guard: Callable[[str], CopyGuard | None],
                 assign_slots: Callable[[Model, list[str]], dict[str, int]],
                 batches: deque[tuple[str, int, int]], requeue: Callable[[Request], None],
                 on_break: Callable[[str, BaseException], None]) -> None:
        self.generation = generation
        self.registry = registry
        self.metrics = metrics
        self.guard = guard
        self.assign_slots = assign_slots
        self.batches = batches
        self.requeue = requeue
        self.on_break = on_break
        self.running: list[Request] = []  # the batch running now (read from the loop by `holds`)

    def serve(self, key: str, model: Model, batch: list[Request]) -> None:
        """Run `batch` and answer each request, or queue it again for the samples it is still owed; a
        failing batch runs again request by request."""
        self.running = batch
        try:
            try:
                results = self.run(key, model, batch)
            except Exception as exc:
                what = served(key, [req.persona for req in batch])
                if poisons_device(exc):
                    self.on_break(f"CUDA error in a batch for '{what}': {exc}", exc)
                    return
                if len(batch) == 1:
                    log.exception("generation for %s failed", what)
                    results = [failed(batch[0].persona)]
                else:
                    log.warning("a batch of %d requests for %s failed (%s: %s): running each alone",
                                len(batch), what, type(exc).__name__, exc)
                    results = [self._alone(key, model, req) for req in batch]
            self.running = []  # first: `holds` never says "running" of a request its caller has back
            for req, result in zip(batch, results, strict=True):
                if result is None:  # owed redraws: back to the head of its queue
                    self.requeue(req)
                elif result is not _BROKEN:
                    answer(req, result)
        finally:
            self.running = []

    def _alone(self, key: str, model: Model, req: Request) -> Answer | object:
        """`req` run again alone; `_BROKEN` when a CUDA error broke the pool doing it."""
        try:
            (result,) = self.run(key, model, [req])
            return result
        except Exception as exc:
            error = failed_alone(req, exc, self.on_break)
            return _BROKEN if error is None else error

    def run(self, key: str, resident: Model, batch: list[Request]) -> list[Answer]:
        """Generate for every request of `batch` in one decode (and a seeded one's redraws); per
        request, None when the copy guard still owes it samples (drawn in a later batch), else its texts
        or (when only its decoding or formatting failed, or the guard dropped every sample) its error."""
        import torch

        from bot.pool.lora import BASE
        from training.sampling import Rows

        tok, model, context = resident.tokenizer, resident.model, resident.context
        personas = [req.persona for req in batch]
        slots = self.assign_slots(resident, personas) if resident.lora is not None else {}
        rows = Rows([], [], [], [], [], [])
        row_slots: list[int] = []
        for req in batch:
            ids, max_new, min_new = prompt_rows(tok, prefix_ids(resident, self.registry.get(req.persona)),
                                                req.prompt, req.context, req.max_new_tokens,
                                                req.min_new_tokens, self.generation.min_length, context)
            for _ in range(req.count):
                row_slots.append(slots.get(req.persona, BASE))
                rows.prompts.append(ids)
                rows.temperature.append(req.temperature)
                rows.top_p.append(req.top_p)
                rows.top_k.append(req.top_k)
                rows.max_new.append(max_new)
                rows.min_new.append(min_new)
        generator = None
        if batch[0].seed is not None:  # a seeded request always runs alone
            generator = torch.Generator(device=model.device).manual_seed(batch[0].seed)
        distinct = len(set(personas))
        self.batches.append((key, len(rows.prompts), distinct))
        self.metrics.batch_rows.observe(len(rows.prompts))
        self.metrics.batch_personas.observe(distinct)
        new = self.decode(resident, rows, row_slots, generator)
        return self._texts(batch, resident, rows, row_slots, generator, new)

    def decode(self, resident: Model, rows: Rows, row_slots: list[int], generator: Any) -> list[list[int]]:
        """One decode of `rows` (on a shared base, each with its adapter slot); counts the tokens."""
        import torch

        from training.sampling import decode

        if resident.lora is not None:
            resident.lora.select(torch.tensor(row_slots))
        try:
            new, generated = decode(resident.model, rows, resident.tokenizer.eos_token_id, resident.stop_mask,
                                    generator)
        finally:
            if resident.lora is not None:
                resident.lora.release()
        self.metrics.tokens.inc(generated)
        return new

    def _texts(self, batch: list[Request], resident: Model, rows: Rows, row_slots: list[int],
               generator: Any, new: list[list[int]]) -> list[Answer]:
        """The text step: each row's tokens to text, checked by its persona's copy guard, formatted.
        A rejected row is drawn again (up to COPY_TRIES draws): a seeded request, alone in its batch, at
        once in one more decode, its generator going on; any other later, with the next batch (None
        for it here: the pool queues it again for the samples still owed).
        One request's text failing to decode or format fails that request only."""
        limit = self.generation.max_copied_words
        guards = {req.persona: self.guard(req.persona) for req in batch}  # set by the loader
        owner = [req for req in batch for _ in range(req.count)]
        texts: list[str | None] = [None] * len(new)  # a row's continuation, once accepted
        failures: set[int] = set()  # id() of requests whose text could not be made
        todo = list(range(len(new)))
        while True:
            redo = []
            for i in todo:
                req = owner[i]
                if id(req) in failures:
                    continue
                try:
                    # Not tok.decode: a token may end mid-character, which it would show as U+FFFD.
                    text = resident.text(new[i])
                    guard = guards[req.persona]
                    copied = guard is not None and guard.copies(req.prompt, one_tweet(text), limit)
                except Exception:
                    log.exception("making the texts of a request for %s failed", req.persona)
                    failures.add(id(req))
                    continue
                if copied:
                    req.rejections += 1
                    redo.append(i)
                else:
                    texts[i] = text
            if generator is None or not redo or batch[0].draw == COPY_TRIES:
                break
            batch[0].draw += 1  # seeded: the batch is this one request
            for i, ids in zip(redo, self.decode(resident, _pick(rows, redo), [row_slots[i] for i in redo],
                                                generator), strict=True):
                new[i] = ids
            todo = redo
        owed = {id(req): 0 for req in batch}
        for i in redo:
            owed[id(owner[i])] += 1
        results: list[Answer] = []
        i = 0
        for req in batch:
            mine = texts[i:i + req.count]
            i += req.count
            if id(req) in failures:
                results.append(failed(req.persona))
                continue
            req.kept.extend(t for t in mine if t is not None)
            if owed[id(req)] and req.draw < COPY_TRIES:
                req.count, req.draw = owed[id(req)], req.draw + 1
                results.append(None)
                continue
            results.append(finish(req, limit, self.metrics))
        return results


def _pick(rows: Rows, index: list[int]) -> Rows:
    """The rows of `rows` at `index`, in that order, with their own settings."""
    return type(rows)(*([getattr(rows, f.name)[i] for i in index] for f in dataclasses.fields(rows)))
