"""The machinery of a state file (bot/state_file.py) where the message record's and the consent record's
own tests do not reach it: corruption found while in use, the errors that are not corruption, the
policy for a file that cannot be had, and the transaction."""

from __future__ import annotations

import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.state_file import StateFile, _is_corrupt, run_script, transaction

log = logging.getLogger(__name__)


class Notes(StateFile):
    """The smallest state file: one table, version 1, and a salvage hook that records its calls."""

    def __init__(self, path: Path, keep_in_memory: str | None = "this run's notes") -> None:
        self.salvaged: list[Path] = []
        super().__init__(path, log, what="notes", schema_version=1, aside_max_age_s=86400,
                         lost=", starting empty", keep_in_memory=keep_in_memory)

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        run_script(conn, "CREATE TABLE IF NOT EXISTS notes (n INTEGER); "
                         "CREATE INDEX IF NOT EXISTS notes_n ON notes (n)")

    def _salvage(self, conn: sqlite3.Connection, aside: Path) -> None:
        self.salvaged.append(aside)

    def add(self, n: int) -> None:
        self._run(lambda conn: conn.execute("INSERT INTO notes VALUES (?)", (n,)))

    def count(self) -> int:
        return self._run(lambda conn: conn.execute("SELECT count(*) FROM notes").fetchone()[0])


def under_a_file(tmp_path: Path) -> Path:
    """A path whose folder cannot be made: a file stands where the folder should be."""
    (tmp_path / "file").write_text("a file where the folder should be")
    return tmp_path / "file" / "notes.sqlite3"


def failing_once(exc: BaseException) -> tuple[Callable[[sqlite3.Connection], int], list[sqlite3.Connection]]:
    """Work that raises `exc` on its first call and counts the notes on the next; the connections it got."""
    seen: list[sqlite3.Connection] = []

    def work(conn: sqlite3.Connection) -> int:
        seen.append(conn)
        if len(seen) == 1:
            raise exc
        return conn.execute("SELECT count(*) FROM notes").fetchone()[0]

    return work, seen


def test_corruption_found_in_use_sets_the_file_aside_and_retries_once(
        tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    path = tmp_path / "notes.sqlite3"
    notes = Notes(path)
    notes.add(1)
    work, seen = failing_once(sqlite3.DatabaseError("database disk image is malformed"))
    with caplog.at_level(logging.WARNING, logger=__name__):
        assert notes._run(work) == 0  # the retry ran on a fresh, empty file
    assert len(seen) == 2 and seen[0] is not seen[1] and seen[1] is notes._conn
    aside = list(tmp_path.glob("notes.sqlite3.corrupt-*"))
    assert [p.name for p in aside] == [p.name for p in notes.salvaged]  # the salvage hook saw the copy
    assert any(r.name == __name__ and "notes" in r.getMessage() and "moved aside" in r.getMessage()
               and r.getMessage().endswith(", starting empty") for r in caplog.records)
    notes.add(2)
    assert notes.count() == 1 and not notes.in_memory
    notes.close()


def test_errors_that_are_not_corruption_are_raised_and_leave_the_file(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "notes.sqlite3")
    work, seen = failing_once(sqlite3.OperationalError("database is locked"))
    with pytest.raises(sqlite3.OperationalError):
        notes._run(work)
    assert len(seen) == 1 and not list(tmp_path.glob("*.corrupt-*")) and not notes.salvaged
    notes.close()


def test_an_in_memory_database_is_never_set_aside(tmp_path: Path) -> None:
    notes = Notes(under_a_file(tmp_path))
    assert notes.in_memory
    work, seen = failing_once(sqlite3.DatabaseError("database disk image is malformed"))
    with pytest.raises(sqlite3.DatabaseError):
        notes._run(work)
    assert len(seen) == 1 and not notes.salvaged
    notes.close()


def test_without_keep_in_memory_a_file_that_cannot_be_had_is_oserror(tmp_path: Path) -> None:
    folder_as_file = tmp_path / "notes.sqlite3"
    folder_as_file.mkdir()  # SQLite cannot open a folder: "unable to open", not corruption
    with pytest.raises(OSError, match=r"the notes .* cannot be opened"):
        Notes(folder_as_file, keep_in_memory=None)
    assert not list(tmp_path.glob("*.corrupt-*"))
    with pytest.raises(OSError):
        Notes(under_a_file(tmp_path), keep_in_memory=None)


def test_a_newer_file_is_set_aside_and_salvaged_from(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite3"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 2")
    conn.close()
    notes = Notes(path)
    assert len(notes.salvaged) == 1 and notes.salvaged[0].name.startswith("notes.sqlite3.corrupt-")
    assert notes.count() == 0
    notes.close()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    conn.close()


def test_a_transaction_that_raises_is_rolled_back(tmp_path: Path) -> None:
    notes = Notes(tmp_path / "notes.sqlite3")

    def work(conn: sqlite3.Connection) -> None:
        with transaction(conn):
            conn.execute("INSERT INTO notes VALUES (1)")
            raise ValueError("changed my mind")

    with pytest.raises(ValueError):
        notes._run(work)
    assert notes.count() == 0
    notes.add(2)  # no transaction left open
    assert notes.count() == 1
    notes.close()


def test_a_programming_error_is_no_corruption() -> None:
    """Wrong bindings or a closed connection are a bug of ours: never a reason to set a file aside."""
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("SELECT ?", (1, 2))
    except sqlite3.ProgrammingError as exc:
        assert not _is_corrupt(exc)
    else:
        raise AssertionError("sqlite accepted two bindings for one parameter")
    conn.close()
    with pytest.raises(sqlite3.ProgrammingError) as closed:
        conn.execute("SELECT 1")
    assert not _is_corrupt(closed.value)
