"""A generation request as it waits in the pool (made from a caller's arguments: `new_request`), and answering
it from whichever thread is done with it."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.errors import BotError, GenerationFailed
from bot.generation import check, checked_text
from bot.pool.weights import poisons_device

if TYPE_CHECKING:
    from collections.abc import Callable

    from bot.config import GenerationSettings
    from bot.generation import Samples

log = logging.getLogger(__name__)


@dataclass(eq=False)  # by identity: a queue removes this request, not an equal one
class Request:
    persona: str
    prompt: str
    count: int
    max_new_tokens: int
    min_new_tokens: int
    temperature: float
    top_p: float
    top_k: int
    seed: int | None
    future: asyncio.Future
    loop: asyncio.AbstractEventLoop
    enqueued: float = field(default_factory=time.monotonic)
    context: str = ""  # a tweet this one answers: before the prompt, never part of the result
    # The copy guard's redraws: `count` is the samples still owed, `draw` the draw they are (1 first).
    asked: int = 0  # the samples asked for (count before any redraw)
    draw: int = 1
    kept: list[str] = field(default_factory=list)  # accepted continuations so far
    rejections: int = 0  # draws the copy guard rejected so far

    def __post_init__(self) -> None:
        self.asked = self.asked or self.count


def new_request(generation: GenerationSettings, persona: str, prompt: str, count: int,
                max_new_tokens: int | None, temperature: float | None, top_p: float | None, top_k: int | None,
                seed: int | None, min_new_tokens: int, context: str,
                loop: asyncio.AbstractEventLoop) -> Request:
    """A caller's request, checked and cleaned (`checked_text`) with `[generation]`'s defaults for the
    settings it left None, its future on `loop`. Raises InvalidRequest."""
    g = generation
    prompt, context = checked_text(g, prompt=prompt, context=context, count=count,
                                   max_new_tokens=max_new_tokens, temperature=temperature, top_p=top_p,
                                   seed=seed, top_k=top_k)
    max_new = g.max_new_tokens if max_new_tokens is None else max_new_tokens
    check(0 <= min_new_tokens <= max_new, f"min_new_tokens must be between 0 and {max_new}.")
    return Request(persona, prompt, count, max_new, min_new_tokens,
                   g.temperature if temperature is None else temperature, g.top_p if top_p is None else top_p,
                   g.top_k if top_k is None else top_k, seed, loop.create_future(), loop, context=context)


def resolve(req: Request, result: Samples | None = None, error: BaseException | None = None) -> None:
    """Complete the caller's future from any thread (ignored when the caller is gone)."""

    def settle() -> None:
        if req.future.done():
            return
        if error is not None:
            req.future.set_exception(error)
        else:
            req.future.set_result(result)

    with contextlib.suppress(RuntimeError):  # the caller's loop is closed: nobody is waiting
        req.loop.call_soon_threadsafe(settle)


def answer(req: Request, result: Samples | BotError) -> None:
    """Complete the caller's future with `result`: its samples, or the error it gets."""
    if isinstance(result, BotError):
        resolve(req, error=result)
    else:
        resolve(req, result)


def failed(persona: str) -> GenerationFailed:
    """What a request gets when its generation failed (the log has the traceback)."""
    return GenerationFailed(f"Generation failed for '{persona}'; the bot's log says why.")


def failed_alone(req: Request, exc: BaseException,
                 on_break: Callable[[str, BaseException], None]) -> GenerationFailed | None:
    """What `req` gets when running it alone (after its batch failed) raised `exc`: GenerationFailed,
    the traceback logged (call it where `exc` is handled); None when `exc` is a CUDA error, which
    breaks the pool instead (`on_break`: every request gets PoolBroken)."""
    if poisons_device(exc):
        on_break(f"CUDA error in a request for '{req.persona}': {exc}", exc)
        return None
    log.exception("generation for %s failed for one request", req.persona)
    return failed(req.persona)
