"""The record of persona messages: who asked for each message the bot posted as a persona, and what it said.

Buttons (Another / Continue / Delete), the "Who asked?" menu and Delete look a message up here, so
they keep working after a restart. One SQLite file (stdlib `sqlite3`, WAL, `synchronous=NORMAL`),
bounded in age and in rows: every `add` drops what is older than `max_age_s` and, when over
`max_rows`, the oldest rows. The methods block (the bot calls them through `asyncio.to_thread`) and are
thread-safe: one connection guarded by a lock.

The log is a convenience, never a reason to stop the bot: a corrupt file (or one a newer bot wrote) is
renamed aside (`<name>.corrupt-<timestamp>`) and a fresh one started; a file that cannot be opened at
all leaves an in-memory log for this run. Set-aside copies hold records too, so they expire with them:
one last written more than `max_age_s` ago is deleted when the log opens.

Prompts are other people's words: `secure_delete` zeroes a deleted row's bytes in the file, and a
deletion (a removed persona, a deleted message) is checkpointed into the file and the WAL truncated,
so the words are gone from both files at once, not at SQLite's next automatic checkpoint.

Schema versions (`PRAGMA user_version`): 1, the first; 2 adds `another_of` (the message an Another
was pressed on); 3 adds `copy_rejections` (samples the copy guard drew again or dropped while making
the message); 4 adds `context_author_id` (whose Discord message the `context` was, so that a member who
opts out has their words deleted from other messages' context too: `forget_context_of`). An older file
is migrated in place when opened; a newer one is set aside.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
MAX_PROMPT_CHARS = 2000  # Discord's own limits on what a prompt or a message can be, with room
MAX_TEXT_CHARS = 4000
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB

T = TypeVar("T")


@dataclass(frozen=True)
class PersonaMessage:
    message_id: int
    persona: str
    invoker_id: int
    channel_id: int  # where the message is (a thread's own id for a thread)
    prompt: str  # the prompt it was asked with ("" for none)
    text: str  # what the persona said (Continue's context)
    created_at: float  # unix time
    style: str  # "webhook" | "embed"
    guild_id: int | None = None
    webhook_id: int | None = None  # the webhook that posted it (to delete it through that webhook)
    thread_id: int | None = None  # the thread it is in, when posted by a webhook into a thread
    reply_to: int | None = None  # the message it answers (Continue, Reply as persona)
    count: int = 1
    temperature: float | None = None
    context: str = ""  # the text it answers (so Another on a reply answers the same)
    another_of: int | None = None  # the message whose Another button made this one
    copy_rejections: int = 0  # samples the copy guard rejected while making it (`Samples.copy_rejections`)
    # Whose Discord message `context` is ("Reply as persona…" on a member's message); None when it is the
    # persona's own tweet (Continue) or there is none.
    context_author_id: int | None = None


_COLUMNS = tuple(f.name for f in fields(PersonaMessage))
_SCHEMA = """
CREATE TABLE IF NOT EXISTS messages (
    message_id INTEGER PRIMARY KEY,
    persona TEXT NOT NULL,
    invoker_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    prompt TEXT NOT NULL,
    text TEXT NOT NULL,
    created_at REAL NOT NULL,
    style TEXT NOT NULL,
    guild_id INTEGER,
    webhook_id INTEGER,
    thread_id INTEGER,
    reply_to INTEGER,
    count INTEGER NOT NULL,
    temperature REAL,
    context TEXT NOT NULL DEFAULT '',
    another_of INTEGER,
    copy_rejections INTEGER NOT NULL DEFAULT 0,
    context_author_id INTEGER
);
CREATE INDEX IF NOT EXISTS messages_created_at ON messages (created_at);
CREATE INDEX IF NOT EXISTS messages_persona ON messages (persona);
CREATE INDEX IF NOT EXISTS messages_context_author ON messages (context_author_id);
"""
_INSERT = (f"INSERT OR REPLACE INTO messages ({', '.join(_COLUMNS)}) "
           f"VALUES ({', '.join('?' for _ in _COLUMNS)})")
# Each step takes a file of the version before it to the next one (run in one transaction with the
# new user_version, so a crash leaves the old version or the new).
_MIGRATIONS = {
    2: "ALTER TABLE messages ADD COLUMN another_of INTEGER",
    3: "ALTER TABLE messages ADD COLUMN copy_rejections INTEGER NOT NULL DEFAULT 0",
    4: "ALTER TABLE messages ADD COLUMN context_author_id INTEGER",  # its index: _SCHEMA, after the steps
}
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM messages WHERE message_id = ? AND created_at >= ?"
_USAGE = (f"SELECT {', '.join(_COLUMNS)} FROM messages WHERE persona = ? AND created_at >= ? "
          "ORDER BY created_at DESC, message_id DESC LIMIT ?")


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
    # "locked" or "unable to open" are OperationalErrors that say nothing about the file's content.
    return not isinstance(exc, sqlite3.OperationalError)


class MessageLog:
    def __init__(self, path: Path, max_age_s: float = 30 * 86400, max_rows: int = 100_000) -> None:
        self.path = Path(path)
        self.max_age_s = max_age_s
        self.max_rows = max(1, max_rows)
        self._lock = threading.Lock()
        self._rows = 0  # exact while this process is the only writer (it is: one bot, one file)
        self.in_memory = False  # True when the file could not be opened: records last this run only
        self._expire_set_aside()
        self._conn = self._open()

    # -- opening -----------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect(str(self.path))
        except (sqlite3.DatabaseError, _NewerSchema) as exc:
            if _is_corrupt(exc):
                self._set_aside(exc)
                try:
                    return self._connect(str(self.path))
                except sqlite3.DatabaseError as again:
                    exc = again
            log.error("message log %s cannot be opened (%s): keeping this run's messages in memory only",
                      self.path, exc)
        except OSError as exc:
            log.error("message log folder %s cannot be made (%s): keeping this run's messages in memory only",
                      self.path.parent, exc)
        self.in_memory = True
        return self._connect(":memory:")

    def _connect(self, where: str) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; writes group themselves with BEGIN/COMMIT.
        conn = sqlite3.connect(where, timeout=5.0, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")  # a deleted row's bytes are zeroed, not left behind
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _NewerSchema(f"schema version {version} is newer than {SCHEMA_VERSION}")
            if version < SCHEMA_VERSION:
                self._migrate(conn, version)
            self._rows = conn.execute("SELECT count(*) FROM messages").fetchone()[0]
        except BaseException:
            conn.close()
            raise
        return conn

    @staticmethod
    def _migrate(conn: sqlite3.Connection, version: int) -> None:
        """Bring a file of `version` (0: new or empty) to SCHEMA_VERSION, in one transaction."""
        conn.execute("BEGIN IMMEDIATE")
        try:
            exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages'"
                                  ).fetchone()
            if exists:  # a file of an older version (0 with a table: version 1 cut short), step by step
                for step in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
                    conn.execute(_MIGRATIONS[step])
            for statement in _SCHEMA.split(";"):  # IF NOT EXISTS: what a new file needs, no-op otherwise
                if statement.strip():
                    conn.execute(statement)
            conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise

    def _expire_set_aside(self) -> None:
        """Delete set-aside copies (`<name>.corrupt-*`, their -wal and -shm too) last written more than
        `max_age_s` ago: every record in them is past its retention."""
        horizon = time.time() - self.max_age_s
        for aside in self.path.parent.glob(f"{glob.escape(self.path.name)}.corrupt-*"):
            try:
                if aside.is_file() and aside.stat().st_mtime < horizon:
                    aside.unlink()
                    log.info("deleted %s: its records are past their retention", aside.name)
            except OSError as exc:
                log.warning("cannot delete the expired copy %s: %s", aside, exc)

    def _set_aside(self, exc: BaseException) -> None:
        """Rename the unreadable file (and its WAL and shared-memory files, which belong to it) aside."""
        stamp = time.strftime("%Y%m%d-%H%M%S")
        aside = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        for suffix in ("", "-wal", "-shm"):
            src = self.path.with_name(self.path.name + suffix)
            try:
                src.rename(aside.with_name(aside.name + suffix))
            except FileNotFoundError:
                pass
            except OSError as err:
                log.error("cannot move %s aside: %s", src, err)
        log.warning("message log %s is unreadable (%s): moved aside to %s, starting empty",
                    self.path, exc, aside)

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` under the lock; a file found corrupt meanwhile is set aside and `work` tried once
        on a fresh one (the records are lost, the bot goes on)."""
        with self._lock:
            try:
                return work(self._conn)
            except sqlite3.DatabaseError as exc:
                if not _is_corrupt(exc) or self.in_memory:
                    raise
                self._conn.close()
                self._set_aside(exc)
                self._conn = self._open()
                return work(self._conn)

    # -- the interface -----------------------------------------------------------------------------

    def add(self, msg: PersonaMessage) -> None:
        """Insert (or replace, by message id) one record, then prune by age and size."""
        row = list(astuple(msg))
        row[_COLUMNS.index("prompt")] = msg.prompt[:MAX_PROMPT_CHARS]
        row[_COLUMNS.index("text")] = msg.text[:MAX_TEXT_CHARS]
        row[_COLUMNS.index("context")] = msg.context[:MAX_TEXT_CHARS]

        def work(conn: sqlite3.Connection) -> None:
            conn.execute("BEGIN IMMEDIATE")
            try:
                # A replaced message keeps the count; only a new id adds a row (an indexed lookup).
                known = conn.execute("SELECT 1 FROM messages WHERE message_id = ?",
                                     (msg.message_id,)).fetchone()
                conn.execute(_INSERT, row)
                rows = self._rows + (known is None)
                # Indexed on created_at: when nothing is old enough this is one index probe.
                rows -= conn.execute("DELETE FROM messages WHERE created_at < ?",
                                     (time.time() - self.max_age_s,)).rowcount
                if rows > self.max_rows:
                    rows -= conn.execute(
                        "DELETE FROM messages WHERE message_id IN "
                        "(SELECT message_id FROM messages ORDER BY created_at, message_id LIMIT ?)",
                        (rows - self.max_rows,)).rowcount
                conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.Error):  # a corrupt file may refuse this too
                    conn.execute("ROLLBACK")
                raise
            self._rows = rows

        self._run(work)

    def get(self, message_id: int) -> PersonaMessage | None:
        """The record of `message_id`; None when there is none or it is older than `max_age_s`."""
        row = self._run(lambda conn: conn.execute(_SELECT, (message_id, time.time() - self.max_age_s))
                        .fetchone())
        return None if row is None else PersonaMessage(*row)

    def delete(self, message_id: int) -> bool:
        """Forget one message; True when there was a record of it."""
        return self._delete("DELETE FROM messages WHERE message_id = ?", message_id) > 0

    def usage(self, persona: str, limit: int = 20) -> list[PersonaMessage]:
        """The latest `limit` records of `persona`, newest first (expired ones never)."""
        rows = self._run(lambda conn: conn.execute(
            _USAGE, (persona, time.time() - self.max_age_s, max(0, limit))).fetchall())
        return [PersonaMessage(*row) for row in rows]

    def forget_persona(self, persona: str) -> int:
        """Forget every message of a removed or forgotten persona, gone from the file and its WAL at
        once; returns how many records went."""
        return self._delete("DELETE FROM messages WHERE persona = ?", persona)

    def forget_context_of(self, user_id: int) -> int:
        """Forget every message that answered one of `user_id`'s messages (their words are its
        `context`), for a member who opts out; gone from the file and its WAL at once. Returns how many
        records went."""
        return self._delete("DELETE FROM messages WHERE context_author_id = ?", user_id)

    def _delete(self, sql: str, value: object) -> int:
        def work(conn: sqlite3.Connection) -> int:
            gone = conn.execute(sql, (value,)).rowcount  # autocommit: one statement, its own transaction
            self._rows -= gone
            if gone:
                # The deleted rows' old pages are still in the WAL (secure_delete zeroes only the new
                # ones): copy the WAL into the file and truncate it, so the words are gone from both.
                busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
                if busy:  # another connection reading (none in this bot): the next delete retries
                    log.warning("message log %s: checkpoint after a deletion was blocked", self.path)
            return gone

        return self._run(work)

    def count(self) -> int:
        """How many records the file holds (expired ones not yet pruned included)."""
        return self._run(lambda conn: conn.execute("SELECT count(*) FROM messages").fetchone()[0])

    def close(self) -> None:
        with self._lock:
            self._conn.close()
