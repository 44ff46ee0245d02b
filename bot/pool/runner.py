"""The continuous runner: one batch key's decode in progress, whose rows join and leave between steps.

A request becomes rows (`prompt_rows`: one per sample asked, its prompt clamped to the context); each
row takes a cache row when it is admitted, its persona's adapter copied into it, and the rows stay
packed at the front of the cache (`_pack`: a step computes cache rows 0..n-1, free ones included).
Every `step` is one forward of `GPT2Decoder`: each decoding row feeds the token it sampled last, and
the rows whose prompt is not all in the cache yet prefill a chunk of it, at most `prefill_tokens`
tokens in all (a burst of joins, or one long prompt, never stalls the decoding rows for long: a long
prompt takes several steps). A row whose prompt the decoder keeps (`prompt_cache`), or that has the
same prompt as a row whose prompt is all in after this step (a twin: `count=3`), copies that prompt's
keys and values instead, and samples its first token from its logits, with no forward of its own.
Then one sampling call over every row that has logits (each with its own temperature, top-k, top-p and
minimum length: `training.sampling.sample_next`, the very function the voice report samples with), and
a row that stopped (end of text, a newline, its `max_new`) leaves at once: its tokens become text, the
copy guard checks it, and a rejected sample is drawn again by a new row in the same cache row (its
adapter copy kept: the slot it came from may serve another persona by then), up to `COPY_TRIES` draws.
A request is answered the moment its last row is done, whatever its batch-mates are doing.

A seeded request runs alone (the scheduler admits nothing beside it) with its own generator: the same
computation every time, redraws included.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.errors import BotError, CopyRejected
from bot.generation import COPY_TRIES, Samples
from bot.pool.request import failed
from training.generated_text import one_tweet

if TYPE_CHECKING:
    import torch

    from bot.config import GenerationSettings
    from bot.metrics import PoolMetrics
    from bot.pool.gpt2 import GPT2Decoder
    from training.copyguard import CopyGuard

log = logging.getLogger(__name__)


def prompt_rows(tokenizer, prefix: list[int], prompt: str, context_text: str, max_new_tokens: int,
                min_new_tokens: int, min_length: int, context: int) -> tuple[list[int], int, int]:
    """A request's row: the token ids before its first new token (the prefix, the tweet it answers if
    any, the prompt), and its max and min new tokens, clamped to the model's `context`.

    Prompt and new tokens must fit the context: a long prompt (or the tweet it answers) keeps its tail,
    but leaves room to generate (max_new_tokens, or half the context if less). huggingtweets' min_length
    counts the prompt, prefix included (not the tweet answered: it is not part of this tweet); the
    benchmark's min_new_tokens may ask for more; never above max_new: the context has the last word."""
    from training.sampling import encode  # (torch: not at import)

    answered = [*prefix, *encode(tokenizer, context_text)] if context_text else []
    own = [*prefix, *encode(tokenizer, prompt)]
    ids = [*answered, *own]
    reserve = min(max_new_tokens, context // 2)
    ids = ids[-(context - reserve):]
    max_new = min(max_new_tokens, context - len(ids))
    min_new = min(max(min_new_tokens, min_length - min(len(own), len(ids)), 0), max_new)
    return ids, max_new, min_new


def finish(req: Any, limit: int, metrics: PoolMetrics) -> Samples | BotError:
    """A request's answer once every sample is accepted or dropped: its continuations (the text layer
    makes them replies: `GenerationPool.generate`, on the event loop), or CopyRejected when the copy
    guard dropped them all."""
    dropped = req.asked - len(req.kept)
    metrics.copy_rejections.inc(req.rejections)
    if dropped:
        metrics.copy_drops.inc(dropped)
        log.info("copy guard: dropped %d of %d sample(s) for %s, each still repeating %d+ words of a "
                 "training tweet after %d draws", dropped, req.asked, req.persona, limit, COPY_TRIES)
    if not req.kept:
        return CopyRejected(req.persona, limit)
    return Samples(req.kept, req.rejections, dropped)


def prefix_ids(model: Any, entry: Any) -> list[int]:
    """Token ids before every prompt: the model's, or on a shared base the persona's own (`entry`, its
    registry entry, None when gone)."""
    if model.lora is None or entry is None or not entry.meta.prompt_prefix:
        return model.prefix
    from training.sampling import encode

    ids = encode(model.tokenizer, entry.meta.prompt_prefix)
    return ids or model.prefix


@dataclass(eq=False)
class _Row:
    req: Any
    ids: list[int]
    max_new: int
    min_new: int
    cache_row: int  # its row of the cache, and of the per-row adapters (copied in when it was admitted)
    key: tuple | None  # (owner, ids): its prompt as the prompt cache and its twins know it (None: unshared)
    draw: int = 1
    filled: int = 0  # prompt tokens in the cache
    new: list[int] = field(default_factory=list)


class Running:
    """One batch key's decode in progress. The worker thread alone uses it."""

    def __init__(self, key: str, model: Any, decoder: GPT2Decoder, generation: GenerationSettings,
                 metrics: PoolMetrics, guard_of: Callable[[str], CopyGuard | None], prefill_tokens: int,
                 max_rows: int, generator: torch.Generator | None = None) -> None:
        self.key = key
        self.model = model  # bot.pool.weights.Model: tokenizer, text, stop mask, context, prefixes
        self.decoder = decoder
        self.generation = generation
        self.metrics = metrics
        self.guard_of = guard_of
        self.prefill_tokens = prefill_tokens
        self.max_rows = max_rows  # the cache grows to this many rows as requests join
        self.generator = generator
        self.seeded = generator is not None
        self.prefilling: deque[_Row] = deque()  # rows whose prompt is not all in the cache, in order
        self.cache: list[_Row | None] = [None] * decoder.rows
        self.owed: dict[int, int] = {}  # id(request) -> its rows not done yet
        self.requests: dict[int, Any] = {}  # id(request) -> request, while it has rows here
        self.failed_text: set[int] = set()  # id() of requests whose text could not be made
        device = decoder.device
        self.stop_mask = model.stop_mask.to(device)
        self.eos = model.tokenizer.eos_token_id
        self.steps = 0

    # ---- membership -------------------------------------------------------------------------------

    @property
    def rows(self) -> int:
        """Rows in this decode (each has its cache row)."""
        return sum(r is not None for r in self.cache)

    @property
    def free(self) -> int:
        """Rows that could still join."""
        return self.max_rows - self.rows

    def free_rows(self) -> list[int]:
        """The cache rows no row holds now."""
        return [i for i, r in enumerate(self.cache) if r is None]

    @property
    def empty(self) -> bool:
        return not self.requests

    def personas(self) -> set[str]:
        return {req.persona for req in self.requests.values()}

    def admit(self, req: Any, prefix: list[int], slot: int, owner: Hashable | None = None) -> None:
        """`req`'s rows join this decode: each takes a cache row now (the cache grows if it must) with
        the adapter in `slot` copied into it (the slot may serve another persona later: the row keeps
        its copy, redraws included), and its prompt is prefilled from the next step on. `owner` says
        whose weights compute the prompt (`prompt_cache.owner_of`); None: its prompt is never shared."""
        model = self.model
        ids, max_new, min_new = prompt_rows(model.tokenizer, prefix, req.prompt, req.context,
                                            req.max_new_tokens, req.min_new_tokens,
                                            self.generation.min_length, model.context)
        key = (owner, tuple(ids)) if owner is not None else None
        self.decoder.ensure_context(len(ids) + max_new)
        rows = []
        for _ in range(req.count):
            free = next((i for i, r in enumerate(self.cache) if r is None), None)
            if free is None:
                self.decoder.ensure_rows(len(self.cache) + 1)
                free = len(self.cache)
                self.cache += [None] * (self.decoder.rows - len(self.cache))
            self.decoder.scrub(free)
            self.decoder.set_adapter(free, slot)
            row = _Row(req, ids, max_new, min_new, free, key, draw=req.draw)
            self.cache[free] = row
            rows.append(row)
        self.prefilling.extend(rows)
        self.requests[id(req)] = req
        self.owed[id(req)] = self.owed.get(id(req), 0) + req.count

    def drop(self, keep: Callable[[Any], bool]) -> list[Any]:
        """Take out the requests `keep` says no to (their callers left, their persona was forgotten);
        returns them. Their rows leave at once."""
        gone = [req for req in self.requests.values() if not keep(req)]
        ids = {id(req) for req in gone}
        if not ids:
            return []
        self.prefilling = deque(r for r in self.prefilling if id(r.req) not in ids)
        for r in self.cache:
            if r is not None and id(r.req) in ids:
                self._vacate(r)
        for i in ids:
            del self.requests[i]
            del self.owed[i]
            self.failed_text.discard(i)
        return gone

    # ---- the step ---------------------------------------------------------------------------------

    def step(self) -> list[tuple[Any, Samples | BotError]]:
        """One forward and one sampling over every row; returns the requests answered by it. A joining
        row whose prompt is kept (`prompt_cache`), or that has the same prompt as a row whose prompt is
        all in after this step (its twin: `count=3`, two callers asking alike), takes that prompt's
        keys, values and logits instead of a forward of its own."""
        import torch

        from bot.pool.gpt2 import Chunk

        decoder, device = self.decoder, self.decoder.device
        self._pack()
        kept = self._from_cache()
        chunk_rows, twins = self._start_joins()
        decoding = [i for i, r in enumerate(self.cache) if r is not None and r.new]
        n = decoding[-1] + 1 if decoding else 0
        scratch = decoder.scratch
        tokens, positions, writes = [0] * n, [0] * n, [scratch] * n
        for i in decoding:
            row = self.cache[i]
            pos = len(row.ids) + len(row.new) - 1
            tokens[i], positions[i], writes[i] = row.new[-1], pos, pos
        wanted: list[int] = list(decoding)
        wanted_rows: list[_Row] = [self.cache[i] for i in decoding]
        prefilled: list[tuple[_Row, int]] = []  # rows whose prompt is all in now, and their logits' index
        chunk = None
        if chunk_rows:
            chunk = Chunk.build([r.cache_row for r in chunk_rows],
                                [r.ids[s:s + t] for r, (s, t) in chunk_rows.items()],
                                [s for s, _ in chunk_rows.values()], scratch, device)
            for k, (row, (start, take)) in enumerate(chunk_rows.items()):
                if start + take == len(row.ids):  # the prompt is in: its last token's logits are sampled
                    prefilled.append((row, len(wanted)))
                    for r in (row, *twins.get(row, ())):
                        wanted.append(n + chunk.index(k, take - 1))
                        wanted_rows.append(r)
        logits = None
        if n or chunk is not None:
            span = max(positions[:n], default=-1) + 1
            inputs = [torch.tensor(xs, device=device) if n else None for xs in (tokens, positions, writes)]
            # Typed: `wanted` may be empty (one long prompt fills the step alone, no row to sample yet).
            picked = torch.tensor(wanted, dtype=torch.long, device=device)
            logits = decoder.forward(n, *inputs, span, chunk, picked)
            self.steps += 1
        elif not kept:
            return []
        for row, (start, take) in chunk_rows.items():
            row.filled = start + take
        for row, index in prefilled:
            prompt = decoder.prompt(row.cache_row, len(row.ids))
            for twin in twins.get(row, ()):
                decoder.load_prompt(twin.cache_row, prompt)
                twin.filled = len(twin.ids)
            if self._may_keep(row):
                decoder.prompts.put(row.key, prompt, logits[index])
        shared = len(kept) + sum(len(t) for t in twins.values())
        if prefilled or shared:  # (most steps join nobody: no counter's lock taken for nothing)
            self.metrics.prompts_prefilled.inc(len(prefilled))
            self.metrics.prompts_shared.inc(shared)
            self.prefilling = deque(r for r in self.prefilling if r.filled < len(r.ids))
        if kept:  # sampled after the forward's rows, from the logits kept with their prompt
            stacked = torch.stack([entry_logits for _, entry_logits in kept])
            logits = stacked if logits is None else torch.cat([logits, stacked])
            wanted_rows += [row for row, _ in kept]
        if not wanted_rows:
            return []
        return self._sample(logits, wanted_rows)

    def _pack(self) -> None:
        """Keep the rows at the front of the cache: a step's decode part is cache rows 0..n-1, a free
        row among them computed as a placeholder, so a row left free in the middle (its row ended
        early) would cost a row's compute every step. The last row moves into the first free one."""
        cache = self.cache
        while True:
            free = next((i for i, r in enumerate(cache) if r is None), len(cache))
            last = next((i for i in range(len(cache) - 1, -1, -1) if cache[i] is not None), -1)
            if last < free:
                return
            row = cache[last]
            self.decoder.move(last, free, len(row.ids) + len(row.new))
            cache[free], cache[last], row.cache_row = row, None, free

    def _may_keep(self, row: _Row) -> bool:
        """Whether `row`'s prompt, just prefilled, may be kept: it has an owner, it quotes nobody (a
        reply's context is someone else's message: never kept past its request), and on a shared base
        its adapter is still the one in its persona's slot (an adapter leaving its slot takes its
        prompts: none come back after it from rows still decoding)."""
        if row.key is None or row.req.context:
            return False
        owner = row.key[0]
        if isinstance(owner, tuple):
            held = self.model.slots.get(owner[0])
            return held is not None and held[1] == owner[1]
        return True

    def _from_cache(self) -> list[tuple[_Row, torch.Tensor]]:
        """Joining rows whose prompt is kept: its keys and values copied into their cache row (all of it
        in at once), with the logits to sample their first token from."""
        prompts = self.decoder.prompts
        if not prompts.entries:
            return []
        kept = []
        for row in self.prefilling:
            entry = None if row.filled or row.key is None else prompts.get(row.key)
            if entry is not None:
                self.decoder.load_prompt(row.cache_row, entry.kv)
                row.filled = len(row.ids)
                kept.append((row, entry.logits))
        return kept

    def _start_joins(self) -> tuple[dict[_Row, tuple[int, int]], dict[_Row, list[_Row]]]:
        """This step's prefill: the rows whose prompt is not all in the cache, in the order they joined
        (those mid-prompt first), `prefill_tokens` tokens in all. Row -> (start, tokens); and the twins of
        the rows whose prompt is all in after this step (rows yet to start the same prompt: they take a
        copy of it). A row whose twin is part way through a long prompt waits for that copy."""
        budget = self.prefill_tokens
        chunks: dict[_Row, tuple[int, int]] = {}
        completing: dict[tuple, _Row] = {}  # a prompt all in after this step, by key
        under_way = {r.key for r in self.prefilling if 0 < r.filled < len(r.ids)}
        twins: dict[_Row, list[_Row]] = {}
        for row in self.prefilling:
            if row.filled == len(row.ids):  # kept: in from the prompt cache already
                continue
            fresh = not row.filled and row.key is not None
            if fresh and row.key in completing:
                twins.setdefault(completing[row.key], []).append(row)
                continue
            if fresh and row.key in under_way:
                continue
            if budget <= 0:
                break
            take = min(budget, len(row.ids) - row.filled)
            chunks[row] = (row.filled, take)
            budget -= take
            if row.key is not None:
                if row.filled + take == len(row.ids):
                    completing.setdefault(row.key, row)
                else:
                    under_way.add(row.key)
        return chunks, twins

    def _sample(self, logits: torch.Tensor, rows: list[_Row]) -> list[tuple[Any, Samples | BotError]]:
        import torch

        from training.sampling import sample_next

        device = logits.device
        held = [len(r.new) < r.min_new for r in rows]
        if any(held):  # no end of text and no newline yet: the tweet is too short
            logits = logits.masked_fill(torch.tensor(held, device=device)[:, None] & self.stop_mask[None, :],
                                        float("-inf"))
        reqs = [r.req for r in rows]
        chosen = sample_next(logits, [q.temperature for q in reqs], [q.top_p for q in reqs],
                             [q.top_k for q in reqs], self.generator).tolist()
        self.metrics.tokens.inc(len(chosen))
        answered = []
        for row, token in zip(rows, chosen, strict=True):
            stop = token in self.model.stop_ids
            if token != self.eos:  # a newline stays: the text layer cuts the tweet there
                row.new.append(token)
            if stop or len(row.new) >= row.max_new:
                answered.extend(self._leave(row))
        return answered

    def _leave(self, row: _Row) -> list[tuple[Any, Samples | BotError]]:
        """A row is done: its cache row is free, its sample checked; its request answered if it was the
        last row it waited for."""
        self._vacate(row)
        req, key = row.req, id(row.req)
        if key in self.failed_text:
            return self._settle(req)
        limit = self.generation.max_copied_words
        try:
            # Not tok.decode: a token may end mid-character, which it would show as U+FFFD.
            text = self.model.text(row.new)
            guard = self.guard_of(req.persona)
            copied = guard is not None and guard.copies(req.prompt, one_tweet(text), limit)
        except Exception:
            log.exception("making the texts of a request for %s failed", req.persona)
            self.failed_text.add(key)
            return self._settle(req)
        if not copied:
            req.kept.append(text)
            return self._settle(req)
        req.rejections += 1
        if row.draw < COPY_TRIES:  # drawn again: a new row in the same cache row, with its adapter copy
            self.decoder.scrub(row.cache_row)
            again = _Row(req, row.ids, row.max_new, row.min_new, row.cache_row, row.key, draw=row.draw + 1)
            self.cache[row.cache_row] = again
            self.prefilling.append(again)
            return []
        return self._settle(req)

    def _vacate(self, row: _Row) -> None:
        """`row` leaves its cache row: free for another, and zeroed as far as `row` wrote before it is
        used again (`GPT2Decoder.scrub`)."""
        self.cache[row.cache_row] = None
        self.decoder.wrote(row.cache_row, len(row.ids) + len(row.new))

    def _settle(self, req: Any) -> list[tuple[Any, Samples | BotError]]:
        key = id(req)
        self.owed[key] -= 1
        if self.owed[key]:
            return []
        del self.owed[key], self.requests[key]
        if key in self.failed_text:
            self.failed_text.discard(key)
            return [(req, failed(req.persona))]
        return [(req, finish(req, self.generation.max_copied_words, self.metrics))]


