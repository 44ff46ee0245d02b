"""A SQLite file of the bot's state that is never half-written, forgets for good, and survives corruption.

`StateFile` is what the message record (`bot.message_log`) and the consent record (`bot.consent`)
share; each subclass keeps its own schema, migrations, queries and domain methods, and fills in hooks:
`_migrate` (bring an older or new file to the schema version), `_opened` (a first read at opening),
`_salvage` (copy from a set-aside file what must not be lost).

- Never half-written: one file (stdlib `sqlite3`, WAL, `synchronous=NORMAL`) and one connection guarded
  by a lock; the methods block (the bot calls them through `asyncio.to_thread`) and are thread-safe.
  Writes group themselves in `transaction`s, and a file is brought to its schema version
  (`PRAGMA user_version`) in one transaction with the new version number, so a crash leaves the old
  version or the new.
- Forgets for good: `secure_delete` zeroes a deleted row's bytes in the file, and `_checkpoint` after a
  deletion copies the WAL into the file and truncates it, so the deleted words are gone from both files
  at once, not at SQLite's next automatic checkpoint.
- Survives corruption: a corrupt file, or one a newer bot wrote, is renamed aside
  (`<name>.corrupt-<YYYYmmdd-HHMMSS>`, its -wal and -shm with it) and a fresh one started, at opening
  or when a query finds it corrupt (`_run` then tries the work once more). Set-aside copies hold the
  same data, so one last written more than `aside_max_age_s` ago is deleted when the file opens.

A file that cannot be opened at all either is no reason to stop the bot (`keep_in_memory`: an
in-memory database for this run, `in_memory` True) or is (OSError for the caller).
"""

from __future__ import annotations

import contextlib
import glob
import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TypeVar

_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB

T = TypeVar("T")


class _NewerSchema(Exception):
    """The file was written by a newer bot: this one cannot read it, so it is set aside like a corrupt one."""


def _is_corrupt(exc: BaseException) -> bool:
    if isinstance(exc, _NewerSchema):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES  # extended codes keep the primary one in the low byte
    # Without a code: "file is not a database" and "malformed" are plain DatabaseErrors, whereas
    # "locked" or "unable to open" are OperationalErrors that say nothing about the file's content, and
    # a ProgrammingError (wrong bindings, a closed connection) is our bug, never a reason to set a
    # healthy file aside.
    return not isinstance(exc, (sqlite3.OperationalError, sqlite3.ProgrammingError))


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """BEGIN IMMEDIATE ... COMMIT around the block (the connections are in autocommit mode); ROLLBACK
    when it raises."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        with contextlib.suppress(sqlite3.Error):  # a corrupt file may refuse this too
            conn.execute("ROLLBACK")
        raise


def run_script(conn: sqlite3.Connection, script: str) -> None:
    """Run each `;`-separated statement of `script` inside the caller's transaction (`executescript`
    would COMMIT it first)."""
    for statement in script.split(";"):
        if statement.strip():
            conn.execute(statement)


class StateFile:
    """One SQLite state file: the connection (`_conn`), its lock, and the corruption policy. Subclass it;
    `what` names the file in log lines ("message log"), which go to the subclass's logger `log`."""

    def __init__(self, path: Path, log: logging.Logger, *, what: str, schema_version: int,
                 aside_max_age_s: float, lost: str, aside_level: int = logging.WARNING,
                 keep_in_memory: str | None = None) -> None:
        """`lost` ends the line that says the file was set aside (what became of its contents), logged at
        `aside_level`. `keep_in_memory` says what an in-memory database keeps when the file cannot be
        opened ("this run's messages"); None: OSError instead, for a file the bot must not run without."""
        self.path = Path(path)
        self._log = log
        self._what = what
        self._schema_version = schema_version
        self._lost = lost
        self._aside_level = aside_level
        self._keep_in_memory = keep_in_memory
        self._lock = threading.Lock()
        self.in_memory = False  # True when the file could not be opened: what it holds lasts this run only
        self._expire_set_aside(aside_max_age_s)
        self._conn = self._open()

    # -- the hooks ---------------------------------------------------------------------------------

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        """Bring a file of `version` (0: new or empty) to the schema version; runs inside the opening's
        transaction, which then sets `user_version`."""
        raise NotImplementedError

    def _opened(self, conn: sqlite3.Connection) -> None:
        """A first read once the schema is current (a broken table shows here, and is set aside)."""

    def _salvage(self, conn: sqlite3.Connection, aside: Path) -> None:
        """Copy into the fresh file `conn` what must outlive the file just set aside as `aside`."""

    # -- opening -----------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """The file, or a fresh one when it is corrupt or newer; when it cannot be had at all, an
        in-memory one (`keep_in_memory`) or OSError."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(str(self.path))
        except (sqlite3.DatabaseError, _NewerSchema) as exc:
            if not _is_corrupt(exc):
                return self._unopenable(exc)
            unreadable: BaseException = exc
        except OSError as exc:
            if self._keep_in_memory is None:
                raise
            self._log.error("%s folder %s cannot be made (%s): keeping %s in memory only",
                            self._what, self.path.parent, exc, self._keep_in_memory)
            return self._in_memory()
        return self._replace(unreadable)

    def _connect(self, where: str) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; writes group themselves with BEGIN/COMMIT.
        conn = sqlite3.connect(where, timeout=5.0, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")  # a deleted row's bytes are zeroed, not left behind
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > self._schema_version:
                raise _NewerSchema(f"schema version {version} is newer than {self._schema_version}")
            if version < self._schema_version:
                with transaction(conn):
                    self._migrate(conn, version)
                    conn.execute(f"PRAGMA user_version={self._schema_version}")
            self._opened(conn)
        except BaseException:
            conn.close()
            raise
        return conn

    def _unopenable(self, exc: BaseException) -> sqlite3.Connection:
        if self._keep_in_memory is None:
            raise OSError(f"the {self._what} {self.path} cannot be opened: {exc}") from exc
        self._log.error("%s %s cannot be opened (%s): keeping %s in memory only",
                        self._what, self.path, exc, self._keep_in_memory)
        return self._in_memory()

    def _in_memory(self) -> sqlite3.Connection:
        self.in_memory = True
        return self._connect(":memory:")

    def _replace(self, exc: BaseException) -> sqlite3.Connection:
        """Set the unreadable file aside and start a fresh one, with what `_salvage` keeps of the old."""
        aside = self._set_aside(exc)
        try:
            conn = self._connect(str(self.path))
        except sqlite3.DatabaseError as again:
            return self._unopenable(again)
        self._salvage(conn, aside)
        return conn

    def _set_aside(self, exc: BaseException) -> Path:
        """Rename the unreadable file (and its WAL and shared-memory files, which belong to it) aside;
        the set-aside file's path."""
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            src = self.path.with_name(self.path.name + suffix)
            try:
                src.rename(aside.with_name(aside.name + suffix))
            except FileNotFoundError:
                pass
            except OSError as err:
                self._log.error("cannot move %s aside: %s", src, err)
        self._log.log(self._aside_level, "%s %s is unreadable (%s): moved aside to %s%s",
                      self._what, self.path, exc, aside, self._lost)
        return aside

    def _expire_set_aside(self, max_age_s: float) -> None:
        """Delete set-aside copies (`<name>.corrupt-*`, their -wal and -shm too) last written more than
        `max_age_s` ago: what they hold is past its retention."""
        horizon = time.time() - max_age_s
        for aside in self.path.parent.glob(f"{glob.escape(self.path.name)}.corrupt-*"):
            try:
                if aside.is_file() and aside.stat().st_mtime < horizon:
                    aside.unlink()
                    self._log.info("deleted %s: its records are past their retention", aside.name)
            except OSError as exc:
                self._log.warning("cannot delete the expired copy %s: %s", aside, exc)

    # -- using it ----------------------------------------------------------------------------------

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` under the lock; a file found corrupt meanwhile is set aside and `work` tried once
        on a fresh one (what `_salvage` does not keep is lost, the bot goes on)."""
        with self._lock:
            try:
                return work(self._conn)
            except sqlite3.DatabaseError as exc:
                if not _is_corrupt(exc) or self.in_memory:  # an in-memory database has no file to set aside
                    raise
                self._conn.close()
                self._conn = self._replace(exc)
                return work(self._conn)

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        """After a deletion: the deleted rows' old pages are still in the WAL (secure_delete zeroes only
        the new ones), so copy the WAL into the file and truncate it."""
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:  # another connection reading (none in this bot): the next deletion retries
            self._log.warning("%s %s: checkpoint after a deletion was blocked", self._what, self.path)

    def close(self) -> None:
        with self._lock:
            self._conn.close()
