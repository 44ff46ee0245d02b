"""The generation pool (`GenerationPool`, in `bot.pool.pool`) and what the rest of the bot imports of
it. Imports only: importing the package loads no torch.

The parts, one job each: `request` (a request, answering it), `scheduler` (the queues, which batch is
due), `residency` (what is on the device and in RAM, whether a persona can run now), `loader` (the
thread reading weights), `weights` (reading them), `static_runner` (decoding one whole batch), `lora`
(per-row adapters on a shared base).
"""

from bot.pool.pool import GenerationPool
from bot.pool.weights import BASE_KEY, default_threads, device_memory, resolve_device

__all__ = ["BASE_KEY", "GenerationPool", "default_threads", "device_memory", "resolve_device"]
