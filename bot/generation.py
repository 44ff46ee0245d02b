"""What generating a tweet means to the rest of the bot, whichever backend does it: the `Generator`
protocol (this process's pool, `bot.pool.GenerationPool`, or the generation service's client,
`bot.remote.RemotePool`), what it returns (`Samples`), and the request limits (`validate_request`,
`MAX_SEED`, `MAX_CONTEXT_CHARS`). The command layer and the remote client import this module, not the
engine: checking a request needs no torch.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

from bot.errors import InvalidRequest

if TYPE_CHECKING:
    from bot.config import GenerationSettings
    from bot.personas import PersonaRegistry

log = logging.getLogger(__name__)

MAX_SEED = 2**32 - 1  # what torch.Generator.manual_seed and numpy accept everywhere
MAX_CONTEXT_CHARS = 4000  # the message a reply answers: two Discord messages' worth
COPY_TRIES = 4  # draws of a sample the copy guard may reject before it is dropped


class Samples(list[str]):
    """What `generate` returns: the tweets (the prompt and one tweet of continuation, plain text:
    `training.generated_text.tweet_text`), and what the copy guard did while making them."""

    def __init__(self, texts: Iterable[str] = (), copy_rejections: int = 0, dropped: int = 0) -> None:
        super().__init__(texts)
        self.copy_rejections = copy_rejections  # draws rejected as copies (redrawn or dropped)
        self.dropped = dropped  # samples dropped after COPY_TRIES rejected draws (fewer texts than asked)


class Generator(Protocol):
    """What the command layer needs of a generation backend: this module's `GenerationPool`, or
    `bot.remote.RemotePool`, the client of the generation service (`[pool] backend`)."""

    registry: PersonaRegistry

    async def start(self) -> None: ...
    async def close(self) -> None: ...
    async def refresh(self) -> None: ...
    @property
    def ready(self) -> bool: ...
    async def generate(self, persona: str, prompt: str = "", *, count: int = 1,
                       max_new_tokens: int | None = None, temperature: float | None = None,
                       top_p: float | None = None, top_k: int | None = None, seed: int | None = None,
                       timeout: float | None = None, min_new_tokens: int = 0,
                       context: str = "") -> list[str]: ...
    # Returns when nothing of the persona is held any more; the remote backend returns False when the
    # service did not confirm (its replicas then drop the persona at their next rescan).
    async def forget(self, name: str) -> bool | None: ...


async def rescan_forever(backend: Generator, interval_s: float) -> None:
    """`backend.refresh()` every `interval_s` seconds, until cancelled: both backends' periodic rescan
    of `models/` (a transient disk error is logged, and the rescans go on)."""
    while True:
        await asyncio.sleep(interval_s)
        try:
            await backend.refresh()
        except Exception:
            log.exception("rescanning %s failed", backend.registry.models_dir)


def validate_request(generation: GenerationSettings, *, prompt: str, count: int, max_new_tokens: int | None,
                     temperature: float | None, top_p: float | None, seed: int | None,
                     top_k: int | None = None, context: str = "") -> None:
    """Raise InvalidRequest naming the bound when a value is outside `[generation]`'s limits.

    Pure (no pool needed), so the command layer checks with exactly the pool's rules; None means default.
    """
    g = generation
    check(len(prompt) <= g.max_prompt_chars,
           f"The prompt is too long: {len(prompt)} characters, at most {g.max_prompt_chars}.")
    check(len(context) <= MAX_CONTEXT_CHARS,
           f"The message to answer is too long: {len(context)} characters, at most {MAX_CONTEXT_CHARS}.")
    check(1 <= count <= g.max_count, f"count must be between 1 and {g.max_count} (got {count}).")
    if max_new_tokens is not None:
        check(1 <= max_new_tokens <= g.max_new_tokens_limit,
               f"max_new_tokens must be between 1 and {g.max_new_tokens_limit} (got {max_new_tokens}).")
    if temperature is not None:
        check(g.min_temperature <= temperature <= g.max_temperature, f"temperature must be between "
               f"{g.min_temperature} and {g.max_temperature} (got {temperature}).")
    if top_p is not None:
        check(0 < top_p <= 1, f"top_p must be above 0 and at most 1 (got {top_p}).")
    if top_k is not None:
        check(top_k >= 0, f"top_k must be 0 (no top-k filtering) or more (got {top_k}).")
    if seed is not None:
        check(0 <= seed <= MAX_SEED, f"seed must be between 0 and {MAX_SEED} (got {seed}).")


def checked_text(generation: GenerationSettings, *, prompt: str, context: str = "", count: int,
                 max_new_tokens: int | None, temperature: float | None, top_p: float | None,
                 seed: int | None, top_k: int | None = None) -> tuple[str, str]:
    """A request's text cleaned and checked, by the one rule the command layer and both backends apply:
    the prompt without the whitespace around it, the message it answers on one line (a newline would
    read as the end of a tweet), then `validate_request`. Returns (prompt, context)."""
    prompt, context = prompt.strip(), " ".join(context.split())
    validate_request(generation, prompt=prompt, count=count, max_new_tokens=max_new_tokens,
                     temperature=temperature, top_p=top_p, seed=seed, top_k=top_k, context=context)
    return prompt, context


def check(ok: bool, message: str) -> None:
    if not ok:
        raise InvalidRequest(message)
