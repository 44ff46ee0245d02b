"""Which requests run next: the per-persona queues (bounded in total) and the choice of the batch key
that is due. Pure Python, no torch and no threads of its own: every call holds the pool's lock.

Requests group by batch key: a full-model persona batches alone, the adapter personas of one base
batch together (vLLM's rule: requests, not models, are the unit). The key whose oldest ready request
has waited longest goes first, once that request has waited the batching window (`batch_window_ms`)
or the key's ready rows fill a batch (`max_batch`), so no persona starves.

A request with a `seed` runs in a batch of its own (with a generator seeded from it): exactly the same
computation every time, so the same persona, prompt, settings and seed give the same text on the same
machine, whatever else is queued. Seeded requests are rare (a user's explicit choice), so isolating
them costs little.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.errors import BotError, PoolBusy
from bot.pool.request import Request, resolve


@dataclass(frozen=True)
class Due:
    """What `choose` decided: the batch key to serve now, else when to look again (both None: when
    something changes)."""

    key: str | None = None
    wake_at: float | None = None


def choose(waiting: Mapping[str, tuple[float, int]], now: float, window: float, max_batch: int) -> Due:
    """The batch key to serve now, from `waiting` (batch key -> (when its oldest ready request was
    queued, its ready rows), in the order keys were met): of the keys whose oldest request has waited
    `window` seconds or whose rows fill `max_batch`, the one with the oldest request (the first met on a
    tie); else the earliest time one of them will have waited the window."""
    best: tuple[float, str] | None = None
    wake_at: float | None = None
    for key, (oldest, rows) in waiting.items():
        due = oldest + window
        if due <= now or rows >= max_batch:
            if best is None or oldest < best[0]:
                best = (oldest, key)
        elif wake_at is None or due < wake_at:
            wake_at = due
    if best is not None:
        return Due(key=best[1])
    return Due(wake_at=wake_at)


def choose_step(live: Mapping[str, float], waiting: Mapping[str, tuple[float, int]], current: str | None,
                turn: int, now: float, window: float, max_batch: int, yield_steps: int) -> Due:
    """The batch key to step now, with continuous batching: `live` maps the keys with a decode in
    progress to when they last had to wait (their start, or when they yielded), `waiting` is as for
    `choose`. The key stepped last (`current`, `turn` steps in a row) goes on while it has a decode,
    until it has taken `yield_steps` steps while another key has work (a live decode, or requests that
    are due); then the oldest wins: a live key's wait, or a due key's oldest request (a key with both
    counts the older). Keys with only queued requests are due as in `choose`. The caller records a
    yield (the key returned is not `current`, which is live) as `current` waiting from `now`."""
    def due(key: str) -> bool:
        oldest, rows = waiting[key]
        return oldest + window <= now or rows >= max_batch

    if current in live:
        others = any(k != current for k in live) or any(k != current and due(k) for k in waiting)
        if turn < yield_steps or not others:
            return Due(key=current)
    since = dict(live)
    if current in since:  # it yields its turn: from now on it waits like the others
        since[current] = now
    for key, (oldest, _) in waiting.items():
        if key in since:
            since[key] = min(since[key], oldest)
        elif due(key):
            since[key] = oldest
    if since:
        return Due(key=min(since, key=since.__getitem__))
    return choose(waiting, now, window, max_batch)


class Scheduler:
    """The queues: a deque of requests per persona, oldest first (a copy guard's redraw goes back to
    the head: it is the oldest). `on_depth` is told the number of requests waiting whenever it changes."""

    def __init__(self, max_queue: int, on_depth: Callable[[int], None] | None = None) -> None:
        self.max_queue = max_queue
        self.queues: dict[str, deque[Request]] = {}
        self._waiting = 0
        self._on_depth = on_depth

    @property
    def waiting(self) -> int:
        """Requests waiting in every queue."""
        return self._waiting

    def enqueue(self, req: Request) -> None:
        """Queue `req` at the tail of its persona's queue; PoolBusy when `max_queue` requests wait."""
        if self._waiting >= self.max_queue:
            raise PoolBusy()
        self.queues.setdefault(req.persona, deque()).append(req)
        self._set_waiting(self._waiting + 1)

    def requeue_front(self, req: Request) -> None:
        """Queue `req` again at the head of its persona's queue (it keeps its first arrival time, so it
        is due at once); never refused: it was admitted already."""
        self.queues.setdefault(req.persona, deque()).appendleft(req)
        self._set_waiting(self._waiting + 1)

    def drop(self, req: Request) -> bool:
        """Take `req` out of its queue, unanswered (its caller went away); False if it was not queued."""
        queue = self.queues.get(req.persona)
        if queue is None or req not in queue:
            return False
        queue.remove(req)
        self._set_waiting(self._waiting - 1)
        return True

    def fail(self, name: str, error: BotError) -> None:
        """Answer every request queued for persona `name` with `error`."""
        queue = self.queues.pop(name, deque())
        for req in queue:
            resolve(req, error=error)
        self._set_waiting(self._waiting - len(queue))

    def fail_all(self, error: BotError) -> None:
        for name in list(self.queues):
            self.fail(name, error)

    def prune(self) -> None:
        """Forget the queues left empty."""
        for name in [n for n, q in self.queues.items() if not q]:
            del self.queues[name]

    def queued(self, name: str) -> bool:
        return bool(self.queues.get(name))

    def oldest_and_rows(self, names: list[str]) -> tuple[float, int]:
        """When the oldest request of these personas was queued, and the rows they wait for in all
        (what `choose` takes per batch key)."""
        oldest = min(self.queues[n][0].enqueued for n in names)
        return oldest, sum(r.count for n in names for r in self.queues[n])

    def head(self, names: list[str]) -> Request:
        """The oldest request queued for these personas."""
        return min((self.queues[n][0] for n in names), key=lambda r: r.enqueued)

    def take(self, names: list[str], max_rows: int) -> list[Request]:
        """Pop the oldest request of these personas' queues and, unless seeded, the oldest unseeded
        ones after it, up to `max_rows` rows (a seeded request always runs alone; the oldest is taken
        even when its rows alone are more)."""
        waiting = sorted((r for n in names for r in self.queues[n]), key=lambda r: r.enqueued)
        head = waiting[0]
        batch, rows = [head], head.count
        if head.seed is None:
            for req in waiting[1:]:
                if req.seed is None and rows + req.count <= max_rows:
                    batch.append(req)
                    rows += req.count
        taken = set(map(id, batch))
        for name in names:
            queue = self.queues[name]
            kept = [r for r in queue if id(r) not in taken]
            if len(kept) != len(queue):
                queue.clear()
                queue.extend(kept)
        self._set_waiting(self._waiting - len(batch))
        return batch

    def _set_waiting(self, n: int) -> None:
        self._waiting = n
        if self._on_depth is not None:
            self._on_depth(n)
