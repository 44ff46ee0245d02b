"""A generation request as it waits in the pool, and answering it from whichever thread is done with it."""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from bot.errors import GenerationFailed

if TYPE_CHECKING:
    from bot.generation import Samples


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


def failed(persona: str) -> GenerationFailed:
    """What a request gets when its generation failed (the log has the traceback)."""
    return GenerationFailed(f"Generation failed for '{persona}'; the bot's log says why.")
