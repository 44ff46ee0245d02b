"""The pool's scheduler without a model: the pure choice of the batch key that is due (`choose`), and
the queues (`Scheduler`): taking a batch, the bound on waiting requests, redraws put back at the head,
requests dropped and queues failed."""

from __future__ import annotations

import asyncio

import pytest

from bot.errors import PoolBusy, PoolClosed, UnknownPersona
from bot.pool.request import Request
from bot.pool.scheduler import Due, Scheduler, choose, choose_step


def request(persona: str, enqueued: float, count: int = 1, seed: int | None = None) -> Request:
    loop = asyncio.get_running_loop()
    return Request(persona, f"{persona} at {enqueued}", count, 8, 0, 1.0, 1.0, 0, seed, loop.create_future(),
                   loop, enqueued=enqueued)


def queued(scheduler: Scheduler, *requests: Request) -> Scheduler:
    for req in requests:
        scheduler.enqueue(req)
    return scheduler


async def settled() -> None:
    """Let the callbacks `resolve` scheduled with call_soon_threadsafe run."""
    await asyncio.sleep(0)


# ---- choose_step: pure, with decodes in progress ------------------------------------------------------

STEP = {"window": 0.5, "max_batch": 8, "yield_steps": 4}


def test_the_current_decode_goes_on_until_its_turn_is_spent_while_others_wait() -> None:
    live = {"alpha": 1.0}
    waiting = {"beta": (2.0, 1)}  # due: it has waited the window
    assert choose_step(live, waiting, "alpha", 3, now=10.0, **STEP) == Due(key="alpha")
    assert choose_step(live, waiting, "alpha", 4, now=10.0, **STEP) == Due(key="beta")


def test_a_decode_alone_never_yields() -> None:
    assert choose_step({"alpha": 1.0}, {}, "alpha", 10_000, now=10.0, **STEP) == Due(key="alpha")
    # a key whose requests have not waited the window yet is no reason to yield
    early = {"beta": (9.9, 1)}
    assert choose_step({"alpha": 1.0}, early, "alpha", 10_000, now=10.0, **STEP) == Due(key="alpha")


def test_after_a_yield_the_oldest_work_wins_and_the_yielder_waits_from_now() -> None:
    live = {"alpha": 1.0, "beta": 5.0}  # beta's decode yielded at 5.0
    waiting = {"gamma": (3.0, 1)}
    assert choose_step(live, waiting, "alpha", 4, now=10.0, **STEP) == Due(key="gamma")
    assert choose_step(live, {}, "alpha", 4, now=10.0, **STEP) == Due(key="beta")  # not alpha: it yields


def test_a_live_key_with_queued_requests_counts_the_older_of_the_two() -> None:
    live = {"alpha": 8.0}
    waiting = {"alpha": (2.0, 1), "beta": (4.0, 1)}
    assert choose_step(live, waiting, None, 0, now=10.0, **STEP) == Due(key="alpha")


def test_with_no_decode_the_choice_is_choose() -> None:
    waiting = {"alpha": (9.75, 1)}
    assert choose_step({}, waiting, None, 0, now=10.0, **STEP) == choose(waiting, 10.0, 0.5, 8)
    assert choose_step({}, waiting, None, 0, now=10.0, **STEP) == Due(wake_at=10.25)
    assert choose_step({}, {}, "alpha", 7, now=10.0, **STEP) == Due()


# ---- choose: pure ----------------------------------------------------------------------------------

def test_the_key_whose_oldest_request_waited_longest_goes_first() -> None:
    waiting = {"alpha": (5.0, 1), "beta": (2.0, 1), "gamma": (3.0, 1)}
    assert choose(waiting, now=10.0, window=0.5, max_batch=8) == Due(key="beta")


def test_nothing_is_due_before_the_window_and_the_wake_is_the_earliest_due() -> None:
    waiting = {"alpha": (9.75, 1), "beta": (9.5, 2)}
    assert choose(waiting, now=10.0, window=0.75, max_batch=8) == Due(wake_at=10.25)


def test_a_key_goes_once_its_oldest_request_has_waited_the_window() -> None:
    waiting = {"alpha": (9.75, 1), "beta": (9.5, 1)}
    assert choose(waiting, now=10.0, window=0.5, max_batch=8) == Due(key="beta")
    assert choose(waiting, now=10.0, window=0.25, max_batch=8) == Due(key="beta")  # both due: the oldest
    assert choose(waiting, now=10.5, window=0.75, max_batch=8) == Due(key="beta")
    assert choose(waiting, now=10.25, window=0.75, max_batch=8) == Due(key="beta")


def test_a_full_batch_is_due_before_its_window() -> None:
    waiting = {"alpha": (9.9, 8), "beta": (9.8, 3)}
    assert choose(waiting, now=10.0, window=1.0, max_batch=8) == Due(key="alpha")


def test_a_full_batch_still_yields_to_an_older_due_key() -> None:
    waiting = {"alpha": (9.9, 8), "beta": (8.0, 1)}
    assert choose(waiting, now=10.0, window=1.0, max_batch=8) == Due(key="beta")


def test_a_tie_goes_to_the_key_met_first() -> None:
    assert choose({"b": (1.0, 1), "a": (1.0, 1)}, now=5.0, window=0.0, max_batch=8) == Due(key="b")


def test_no_keys_means_wait_for_a_change() -> None:
    assert choose({}, now=5.0, window=0.1, max_batch=8) == Due()


def test_a_zero_window_makes_every_key_due_at_once() -> None:
    assert choose({"alpha": (10.0, 1)}, now=10.0, window=0.0, max_batch=8) == Due(key="alpha")


# ---- the queues ------------------------------------------------------------------------------------

async def test_take_is_oldest_first_across_personas_up_to_max_rows() -> None:
    a1, b1, a2, b2 = request("a", 1.0, 2), request("b", 2.0, 3), request("a", 3.0, 2), request("b", 4.0, 1)
    s = queued(Scheduler(100), a1, a2, b1, b2)
    batch = s.take(["a", "b"], max_rows=6)
    # a1 (2 rows), b1 (3 rows) fit; a2 (2 rows) would make 7; b2 (1 row) fits after it.
    assert batch == [a1, b1, b2]
    assert list(s.queues["a"]) == [a2] and list(s.queues["b"]) == []
    assert s.waiting == 1


async def test_take_with_max_rows_below_the_batch_size() -> None:
    reqs = [request("a", float(i)) for i in range(5)]
    s = queued(Scheduler(100), *reqs)
    assert s.take(["a"], max_rows=2) == reqs[:2]
    assert s.take(["a"], max_rows=2) == reqs[2:4]
    assert s.take(["a"], max_rows=2) == reqs[4:]
    assert s.waiting == 0


async def test_the_oldest_request_is_taken_even_when_its_rows_alone_are_more() -> None:
    big, small = request("a", 1.0, count=5), request("a", 2.0)
    s = queued(Scheduler(100), big, small)
    assert s.take(["a"], max_rows=2) == [big]
    assert s.take(["a"], max_rows=2) == [small]


async def test_a_seeded_request_runs_alone() -> None:
    seeded, other = request("a", 1.0, seed=7), request("a", 2.0)
    s = queued(Scheduler(100), seeded, other)
    assert s.take(["a"], max_rows=8) == [seeded]
    assert s.take(["a"], max_rows=8) == [other]


async def test_unseeded_batches_skip_seeded_requests() -> None:
    first, seeded, last = request("a", 1.0), request("a", 2.0, seed=7), request("a", 3.0)
    s = queued(Scheduler(100), first, seeded, last)
    assert s.take(["a"], max_rows=8) == [first, last]
    assert list(s.queues["a"]) == [seeded]


async def test_take_only_looks_at_the_personas_named() -> None:
    a, b = request("a", 2.0), request("b", 1.0)
    s = queued(Scheduler(100), a, b)
    assert s.take(["a"], max_rows=8) == [a]
    assert list(s.queues["b"]) == [b]


async def test_oldest_and_rows_per_group() -> None:
    s = queued(Scheduler(100), request("a", 3.0, 2), request("b", 1.5, 1), request("a", 4.0, 3))
    assert s.oldest_and_rows(["a"]) == (3.0, 5)
    assert s.oldest_and_rows(["a", "b"]) == (1.5, 6)


async def test_busy_at_max_queue_and_the_depth_is_reported() -> None:
    depths: list[int] = []
    s = Scheduler(2, depths.append)
    s.enqueue(request("a", 1.0))
    s.enqueue(request("b", 2.0))
    with pytest.raises(PoolBusy):
        s.enqueue(request("a", 3.0))
    assert s.waiting == 2 and depths == [1, 2]
    assert [len(q) for q in s.queues.values()] == [1, 1]


async def test_requeue_front_puts_a_redraw_at_the_head_even_when_full() -> None:
    s = Scheduler(2)
    redraw, later, last = request("a", 1.0), request("a", 2.0), request("a", 3.0)
    queued(s, redraw, later)
    assert s.take(["a"], max_rows=1) == [redraw]
    s.enqueue(last)
    s.requeue_front(redraw)  # admitted already: never refused
    assert list(s.queues["a"]) == [redraw, later, last] and s.waiting == 3
    assert s.take(["a"], max_rows=1) == [redraw]


async def test_drop_takes_a_request_out_once() -> None:
    kept, gone = request("a", 1.0), request("a", 2.0)
    s = queued(Scheduler(10), kept, gone)
    assert s.drop(gone) and not s.drop(gone)
    assert list(s.queues["a"]) == [kept] and s.waiting == 1
    assert not s.drop(request("nobody", 3.0))
    await settled()
    assert not gone.future.done()  # dropped, not answered: its caller already left


async def test_fail_answers_every_request_of_one_persona() -> None:
    a1, a2, b = request("a", 1.0), request("a", 2.0), request("b", 3.0)
    s = queued(Scheduler(10), a1, a2, b)
    s.fail("a", UnknownPersona("a", []))
    await settled()
    assert all(isinstance(r.future.exception(), UnknownPersona) for r in (a1, a2))
    assert not b.future.done() and s.waiting == 1 and "a" not in s.queues
    s.fail("nobody", UnknownPersona("nobody", []))  # no queue: nothing to do
    assert s.waiting == 1


async def test_fail_all_and_prune() -> None:
    a, b = request("a", 1.0), request("b", 2.0)
    s = queued(Scheduler(10), a, b)
    s.take(["a"], max_rows=1)
    assert list(s.queues) == ["a", "b"] and not s.queued("a") and s.queued("b")
    s.prune()
    assert list(s.queues) == ["b"]
    s.fail_all(PoolClosed())
    await settled()
    assert isinstance(b.future.exception(), PoolClosed) and not a.future.done()
    assert s.waiting == 0 and s.queues == {}
