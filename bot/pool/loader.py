"""The loader thread: reads weights (and each persona's copy guard with them) one load at a time, so
a cold persona never stalls the worker's batches of warm ones, nor the event loop.

Weights are read by a daemon thread, so neither close() nor interpreter exit waits for a load stuck in
flight. A retrain may swap a persona's folder while it is read: the load is read again, after a
rescan, so what it returns is one version, labelled with it.

The copy guard (`[generation] max_copied_words`, `training.copyguard`): a persona trained with it has
hashed word n-grams of its training tweets, read here with its weights (the same version, off the
loop). A persona without the file (trained before the guard) runs with it off.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future
from queue import SimpleQueue
from typing import Any

from bot.config import GenerationSettings
from bot.personas import PersonaEntry, PersonaRegistry
from bot.pool.weights import Removed, gone, unchanged
from training.copyguard import CopyGuard, read_ngram_hashes

log = logging.getLogger(__name__)


class Loader:
    """One thread running loads in order, each into its future; `on_done` runs when one ends (the pool
    wakes its worker with it). Also the keeper of the copy guards it reads."""

    def __init__(self, registry: PersonaRegistry, generation: GenerationSettings, dtype: Any, threads: int,
                 on_done: Callable[[], None]) -> None:
        self.registry = registry
        self.generation = generation
        self.dtype = dtype
        self.threads = threads
        self.thread: threading.Thread | None = None
        self.loading_now: str | None = None  # what the thread is reading now (set by it)
        self._on_done = on_done
        self._jobs: SimpleQueue[tuple[str, Callable[[], Any], Future] | None] = SimpleQueue()
        # Copy guards by persona (None: none, or off): written by this thread with the weights, read by
        # the worker, dropped with the weights (`Residency.drop_unheld_guards`).
        self._guards: dict[str, CopyGuard | None] = {}
        self._guard_lock = threading.Lock()

    def start(self) -> None:
        # A daemon thread, not an executor: executor threads are joined at interpreter exit, so a
        # load stuck on a slow disk would keep the process from exiting after close().
        self.thread = threading.Thread(target=self._run, name="pool-loader", daemon=True)
        self.thread.start()

    def close(self, join_s: float) -> None:
        """Blocking: end the thread after the load it is on, if any, waiting at most `join_s` for it."""
        self._jobs.put(None)
        if self.thread is not None:
            # An idle loader ends at once; let it, so it never unwinds torch's thread state while the
            # interpreter exits (that aborts the process). A load in flight is not waited for.
            self.thread.join(join_s)

    def submit(self, name: str, load: Callable[[], Any]) -> Future:
        """Queue `load()` (labelled `name`: what `loading_now` says while it runs); its future gets the
        result or the exception."""
        future: Future = Future()
        future.add_done_callback(lambda _f: self._on_done())
        self._jobs.put((name, load, future))
        return future

    def submit_read(self, entry: PersonaEntry, read: Callable[[PersonaEntry, Any], Any]) -> Future:
        """Queue `read(entry, dtype)` with the persona's copy guard, read again if a retrain swapped
        the folder meanwhile (the result carries the version read)."""
        return self.submit(entry.name, lambda: self._load(entry, read))

    def guard(self, name: str) -> CopyGuard | None:
        with self._guard_lock:
            return self._guards.get(name)

    def has_guard(self, name: str) -> bool:
        with self._guard_lock:
            return name in self._guards

    def any_guards(self) -> bool:
        return bool(self._guards)

    def drop_guard(self, name: str) -> None:
        with self._guard_lock:
            self._guards.pop(name, None)

    def keep_guards(self, held: set[str]) -> None:
        """Forget the guards of personas not in `held`."""
        with self._guard_lock:
            for name in [n for n in self._guards if n not in held]:
                del self._guards[name]

    def _run(self) -> None:
        """The thread: run loads one at a time, each into its future; None ends it."""
        import torch

        torch.set_num_threads(self.threads)
        while (job := self._jobs.get()) is not None:
            name, load, future = job
            self.loading_now = name  # a forget waits for this read, even once nobody waits for it
            if not future.set_running_or_notify_cancel():
                self.loading_now = None
                continue
            try:
                result = load()
            except BaseException as exc:  # the worker reports it; the loader stays for later loads
                self.loading_now = None
                future.set_exception(exc)
            else:
                self.loading_now = None  # cleared before the worker is woken by the result
                future.set_result(result)

    def _load(self, entry: PersonaEntry, read: Callable[[PersonaEntry, Any], Any]) -> Any:
        """`read(entry, dtype)`, and again if a retrain swapped the folder mid-read (the files read may
        mix both versions), after rescanning so the result carries the new version."""
        for _ in range(3):
            try:
                loaded = read(entry, self.dtype)
                guard = self._read_guard(entry)  # with the weights: the same version, off the loop
            except Exception:
                if unchanged(entry):
                    raise
            else:
                if unchanged(entry):
                    with self._guard_lock:
                        self._guards[entry.name] = guard
                    return loaded
            if gone(entry):  # removed (or forgotten: its name is not logged) while it was read
                raise Removed()
            log.info("persona %s changed on disk while loading: reading it again", entry.name)
            changes = self.registry.scan()
            if changes:
                log.info("personas: added %s, changed %s, removed %s",
                         changes.added, changes.changed, changes.removed)
            entry = self.registry.get(entry.name)
            if entry is None:
                raise Removed()
        raise RuntimeError("the persona folder kept changing while it was read")

    def _read_guard(self, entry: PersonaEntry) -> CopyGuard | None:
        """The persona's copy guard, None when it has none or it is off (said once per load in the
        log). A damaged file raises (CopyGuardError): the persona fails to load rather than run
        unguarded."""
        limit = self.generation.max_copied_words
        if limit == 0:
            return None
        guard = read_ngram_hashes(entry.path)
        if guard is None:
            log.info("persona %s has no copy guard (trained before it existed): its samples are not checked",
                     entry.name)
        elif limit < guard.n:
            log.warning("persona %s: copy guard off, [generation] max_copied_words = %d is below the %d "
                        "words its training recorded", entry.name, limit, guard.n)
            return None
        return guard
