"""What a front end opens to answer commands (`open_commands`): the persona registry, the generation
backend `[pool] backend` names (`make_pool`), the training queue, the message record and the consent
record, behind one `Commands`; started, and on the way out stopped in order (queued trainings cancelled,
the running one terminated, the pool closed, the records closed).
"""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.archives import clean_leftovers
from bot.commands import Commands, CommandSettings
from bot.consent import open_consent_store

if TYPE_CHECKING:
    from prometheus_client import CollectorRegistry

    from bot.config import Config
    from bot.generation import Generator
    from bot.personas import PersonaRegistry

MESSAGE_LOG = "messages.sqlite3"  # the record of persona messages, in [paths] state_dir


@contextlib.asynccontextmanager
async def open_commands(
    cfg: Config, config_path: Path | None = None, metrics: CollectorRegistry | None = None
) -> AsyncIterator[Commands]:
    """The persona registry, the generation pool and the training queue behind a `Commands`, started
    and, on the way out, stopped: queued trainings cancelled, the running one terminated, pool closed."""
    from bot.message_log import MessageLog
    from bot.personas import PersonaRegistry
    from bot.training_jobs import TrainingJobs

    settings = CommandSettings.from_config(cfg)
    models_dir = cfg.paths.models_dir
    await asyncio.to_thread(clean_leftovers, models_dir, settings.downloads)
    registry = PersonaRegistry(models_dir)
    pool = make_pool(cfg, registry, metrics)
    d = cfg.discord
    jobs = TrainingJobs(models_dir, config_path, d.training_timeout_s, max_jobs=d.max_trainings,
                        max_jobs_per_guild=d.max_trainings_per_guild, memory_bytes=d.training_memory_bytes)
    messages = await asyncio.to_thread(MessageLog, cfg.paths.state_dir / MESSAGE_LOG,
                                       d.message_record_days * 86400, d.message_record_max)
    consents = await asyncio.to_thread(open_consent_store, cfg.paths.state_dir)
    opted_out = await asyncio.to_thread(consents.opted_out_users)
    await pool.start()
    try:
        yield Commands(settings, registry, pool, jobs, messages, metrics, consents=consents,
                       opted_out=opted_out)
    finally:
        await jobs.close()
        await pool.close()
        messages.close()
        consents.close()


def make_pool(cfg: Config, registry: PersonaRegistry, metrics: CollectorRegistry | None = None) -> Generator:
    """The generation backend `[pool] backend` names: this process's pool, or the remote service's client
    (same interface; `bot.remote` imports no torch model code and no Ray)."""
    if cfg.pool.backend == "remote":
        from bot.remote import RemotePool

        return RemotePool(registry, cfg.pool, cfg.generation, metrics)
    from bot.pool import GenerationPool

    return GenerationPool(registry, cfg.pool, cfg.generation, metrics)
