"""Fixtures every part of the tests uses. Helpers imported by name are in helpers/ (see README.md);
a folder's own fixtures are in its conftest.py."""

import os
import stat
from pathlib import Path

import pytest


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    d = tmp_path / "models"
    d.mkdir()
    return d


@pytest.fixture
def dir_fsyncs(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Every fsync of a directory from here on: a rename is durable only once its folder is synced."""
    synced: list[int] = []
    real_fsync = os.fsync

    def fsync(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", fsync)
    return synced


@pytest.fixture
async def start_pool():
    """`await start_pool(models, generation=None, **pool_settings)`: a started GenerationPool (no
    periodic rescan unless asked); every pool started is closed at the end of the test."""
    from bot.config import GenerationSettings, PoolSettings
    from bot.personas import PersonaRegistry
    from bot.pool import GenerationPool

    pools = []

    async def start(models: Path, generation=None, **pool_settings):
        settings = PoolSettings(**{"rescan_interval_s": 3600, **pool_settings})
        generation = generation or GenerationSettings(max_new_tokens=16)
        pool = GenerationPool(PersonaRegistry(models), settings, generation)
        await pool.start()
        pools.append(pool)
        return pool

    yield start
    for pool in pools:
        await pool.close()
