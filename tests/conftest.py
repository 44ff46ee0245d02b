import json
import os
import stat
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
sys.path.insert(0, str(Path(__file__).resolve().parent))


@pytest.fixture
def models_dir(tmp_path: Path) -> Path:
    d = tmp_path / "models"
    d.mkdir()
    return d


@pytest.fixture
def shared_data() -> Path:
    if not SHARED_DATA.is_dir():
        pytest.fail(f"real tweet exports expected at {SHARED_DATA} (the project's ../shared/data)")
    return SHARED_DATA


def sample(pool: object, name: str, labels: dict | None = None) -> float:
    """A metric of a generation backend (embedded or remote: both keep a `PoolMetrics`), 0 when unset."""
    return pool.metrics.registry.get_sample_value(name, labels or {}) or 0.0


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | Path):
        return json.dumps(str(value))  # a JSON string is a TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return repr(value)


def write_config(folder: Path, **sections: dict[str, object]) -> Path:
    """`folder/config.toml` for tests: models and state in `folder`, the tiny base, CPU, no cooldown;
    `sections` add or override keys, e.g. `discord={"cooldown_s": 60}, pool={"max_queue": 2}`."""
    config: dict[str, dict[str, object]] = {
        "paths": {"models_dir": folder / "models", "state_dir": folder / "state"},
        "training": {"base": "tiny", "epochs": 1},
        "pool": {"device": "cpu"},
        "discord": {"cooldown_s": 0},
    }
    for name, keys in sections.items():
        config.setdefault(name, {}).update(keys)
    text = "".join(f"[{name}]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in keys.items())
                   for name, keys in config.items())
    path = folder / "config.toml"
    path.write_text(text)
    return path


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
