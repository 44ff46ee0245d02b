"""A `models/` folder that cannot be read for a while (EACCES, EIO) fails the requests of the personas
it holds with one line; it never ends the pool's worker or loader, and the next request after the
folder is readable again is served. The registry's rescans log such an error once when it starts and
once when it ends.

Tests run as root, which ignores permission bits, so "unreadable" is simulated: every call that looks
at a path under `models/` (os.stat, os.lstat, os.scandir, os.open, open) raises PermissionError, as
the kernel does for a folder its reader may not enter.
"""

from __future__ import annotations

import builtins
import contextlib
import errno
import logging
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint

from bot.errors import BotError, LoadFailed
from bot.personas import PersonaRegistry


@contextlib.contextmanager
def unreadable(monkeypatch: pytest.MonkeyPatch, folder: Path) -> Iterator[None]:
    """Inside: every path under `folder` (itself included) raises PermissionError when looked at."""
    root = str(folder)

    def denied(path: object) -> bool:
        if isinstance(path, int):  # an open file descriptor: opened before, or dir_fd-relative
            return False
        text = os.fsdecode(path) if isinstance(path, str | bytes) else str(path)
        return text == root or text.startswith(root + os.sep)

    def guard(real):
        def call(path, *args, **kwargs):
            if denied(path):
                raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
            return real(path, *args, **kwargs)
        return call

    with monkeypatch.context() as m:
        for module, name in ((os, "stat"), (os, "lstat"), (os, "scandir"), (os, "open"),
                             (builtins, "open")):
            m.setattr(module, name, guard(getattr(module, name)))
        yield


async def test_an_unreadable_models_folder_fails_the_request_and_the_worker_lives(
        models_dir: Path, start_pool, monkeypatch: pytest.MonkeyPatch) -> None:
    make_checkpoint(models_dir, "alpha")
    make_checkpoint(models_dir, "beta", seed=1)
    pool = await start_pool(models_dir)
    assert await pool.generate("beta", "warm")  # resident: a read error elsewhere does not touch it
    with unreadable(monkeypatch, models_dir):
        for _ in range(3):  # every try fails alone; none takes the worker down
            with pytest.raises(LoadFailed) as caught:
                await pool.generate("alpha", "hello")
            message = str(caught.value)
            assert isinstance(caught.value, BotError) and "\n" not in message
            assert "'alpha'" in message and "Permission denied" in message
            assert pool.ready and pool.broken is None and pool.worker.is_alive()
            assert pool.loader.thread.is_alive()
        await pool.refresh()  # a rescan of the unreadable folder keeps both personas
        assert pool.registry.names() == ["alpha", "beta"]
        assert (await pool.generate("beta", "still"))[0].startswith("still")
    texts = await pool.generate("alpha", "hello")  # readable again: the next request is served
    assert len(texts) == 1 and texts[0].startswith("hello")
    assert pool.ready and pool.worker.is_alive()


def registry_lines(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == "bot.personas"]


def test_rescans_of_an_unreadable_models_folder_log_once_and_keep_the_personas(
        models_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    make_checkpoint(models_dir, "alpha")
    make_checkpoint(models_dir, "beta", seed=1)
    reg = PersonaRegistry(models_dir)
    reg.scan()
    entries = reg.entries()
    caplog.set_level(logging.INFO, logger="bot.personas")
    with unreadable(monkeypatch, models_dir):
        for _ in range(20):
            assert not reg.scan()  # no change: not "every persona removed"
    assert reg.entries() is entries
    lines = registry_lines(caplog)
    assert len(lines) == 1 and str(models_dir) in lines[0] and "Permission denied" in lines[0]
    caplog.clear()
    for _ in range(20):
        assert not reg.scan()
    lines = registry_lines(caplog)
    assert len(lines) == 1 and "can be read again" in lines[0]


def test_an_unreadable_persona_folder_keeps_its_entry_and_logs_once(
        models_dir: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    make_checkpoint(models_dir, "alpha")
    make_checkpoint(models_dir, "beta", seed=1)
    reg = PersonaRegistry(models_dir)
    reg.scan()
    alpha = reg.get("alpha")
    caplog.set_level(logging.INFO, logger="bot.personas")
    with unreadable(monkeypatch, models_dir / "alpha"):
        for _ in range(20):
            assert not reg.scan()
    assert reg.get("alpha") is alpha and reg.names() == ["alpha", "beta"]
    lines = registry_lines(caplog)
    assert len(lines) == 1 and str(models_dir / "alpha") in lines[0]
    caplog.clear()
    for _ in range(5):
        assert not reg.scan()
    assert [line.endswith("can be read again") for line in registry_lines(caplog)] == [True]
