"""The generation pool (`GenerationPool`, in `bot.pool.pool`) and what the rest of the bot imports of
it. Imports only: importing the package loads no torch.

The parts, one job each: `pool` (the asyncio API, the worker loop, the retry and break policy),
`request` (a request, answering it), `scheduler` (the queues, which batch key steps, who joins it),
`engine` (the decodes in progress, one step at a time), `runner` (a decode: requests to rows, a step,
texts out), `gpt2` (GPT-2's forward on a static KV cache), `prompt_cache` (prompts prefilled once,
kept), `static_runner` (a whole batch, for other
models), `residency` (what is on the device and in RAM, whether a persona can run now), `loader` (the
thread reading weights), `weights` (reading them), `lora` (per-row adapters on a shared base).
"""

from bot.pool.pool import GenerationPool
from bot.pool.weights import BASE_KEY, default_threads, device_memory, resolve_device

__all__ = ["BASE_KEY", "GenerationPool", "default_threads", "device_memory", "resolve_device"]
