"""The record of consent: requests to imitate a member that wait for their answer, and the members who
opted out of being imitated at all.

`/persona add ... subject:@member` trains nothing until that member presses Accept: the upload waits
in a folder of its own under `<state_dir>/consent-uploads/` (not `downloads/`, which every start
empties) and its request here (`PendingConsent`), so the buttons still work after a restart. The
opt-out list keeps user ids only: nothing else about those who asked to be left alone.

One SQLite file (`<state_dir>/consent.sqlite3`, stdlib `sqlite3`, WAL), as the message record
(`bot.message_log`) is kept: one connection guarded by a lock (the bot calls through
`asyncio.to_thread`), `secure_delete` with a `wal_checkpoint(TRUNCATE)` after every deletion (the
requests name people), a schema version, and a corrupt file set aside (`<name>.corrupt-<stamp>`) for a
fresh one, whose opt-outs are copied over where they can still be read. Unlike the message record,
a file that cannot be opened at all stops the bot (OSError): forgetting opt-outs is no fallback.

`take*` are atomic (read and delete in one transaction under the lock): two quick presses of one
button, or a press racing the expiry sweep, cannot both get the request.
"""

from __future__ import annotations

import contextlib
import glob
import logging
import os
import shutil
import sqlite3
import stat
import threading
import time
from collections.abc import Callable
from dataclasses import astuple, dataclass, fields
from pathlib import Path
from typing import TypeVar

log = logging.getLogger(__name__)

CONSENT_FILE = "consent.sqlite3"  # in [paths] state_dir
CONSENT_UPLOADS = "consent-uploads"  # in [paths] state_dir: the uploads waiting for their member
SCHEMA_VERSION = 1
ASIDE_MAX_AGE_S = 30 * 86400  # a set-aside copy's requests have long expired by then
_CORRUPT_CODES = frozenset({11, 26})  # SQLITE_CORRUPT, SQLITE_NOTADB

T = TypeVar("T")


@dataclass(frozen=True)
class PendingConsent:
    """A /persona add waiting for its member's Accept."""

    id: str  # uuid4 hex: the buttons' custom ids carry it
    persona: str
    subject_id: int  # the member it would imitate: the only one who may answer
    asker_id: int  # the admin who asked (the persona's owner once trained)
    guild_id: int
    channel_id: int  # where the consent message is, and where the asker is told the outcome
    message_id: int | None  # the consent message (None until posted)
    upload: str  # the downloaded archive, alone in its folder under the uploads folder
    filename: str  # the attachment's name, as the asker sent it (shown instead of the path)
    base: str | None
    author: str | None
    created_at: float  # unix time
    expires_at: float


_COLUMNS = tuple(f.name for f in fields(PendingConsent))
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM pending"
_SCHEMA = """
CREATE TABLE IF NOT EXISTS pending (
    id TEXT PRIMARY KEY,
    persona TEXT NOT NULL,
    subject_id INTEGER NOT NULL,
    asker_id INTEGER NOT NULL,
    guild_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL,
    message_id INTEGER,
    upload TEXT NOT NULL,
    filename TEXT NOT NULL,
    base TEXT,
    author TEXT,
    created_at REAL NOT NULL,
    expires_at REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS pending_subject ON pending (subject_id);
CREATE INDEX IF NOT EXISTS pending_persona ON pending (persona);
CREATE INDEX IF NOT EXISTS pending_expires ON pending (expires_at);
CREATE TABLE IF NOT EXISTS opted_out (user_id INTEGER PRIMARY KEY);
"""


class _NewerSchema(Exception):
    """Written by a newer bot: set aside like a corrupt file (its opt-outs copied over if readable)."""


def _is_corrupt(exc: BaseException) -> bool:
    if isinstance(exc, _NewerSchema):
        return True
    if not isinstance(exc, sqlite3.DatabaseError):
        return False
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return (code & 0xFF) in _CORRUPT_CODES
    return not isinstance(exc, sqlite3.OperationalError)


def delete_upload(p: PendingConsent, root: Path) -> bool:
    """Delete the folder of `p`'s upload: only a real folder directly inside `root` (a path from the
    file that points elsewhere, or a link, is left alone and logged); True when it was deleted."""
    folder = Path(os.path.normpath(os.path.abspath(p.upload))).parent
    root = Path(os.path.normpath(os.path.abspath(root)))
    if folder.parent != root or folder == root:
        log.warning("consent %s: its upload is not in %s; not deleting %r", p.id, root, p.upload)
        return False
    try:
        mode = os.lstat(folder).st_mode
    except FileNotFoundError:
        return False
    if not stat.S_ISDIR(mode):  # a link (or a file) where the folder was: never followed
        log.warning("consent %s: %s is not a folder; not deleting it", p.id, folder)
        return False
    try:
        shutil.rmtree(folder)  # never follows links inside (fd-based where the OS allows)
    except FileNotFoundError:
        return False
    except OSError as exc:
        log.warning("consent %s: could not delete its upload: %s", p.id, exc)
        return False
    return True


class ConsentStore:
    """Pending consent requests and opt-outs, in one SQLite file. Blocking, thread-safe."""

    def __init__(self, path: Path, uploads: Path | None = None) -> None:
        self.path = Path(path)
        # Where the uploads of pending requests wait (delete_upload deletes only inside it).
        self.uploads = Path(uploads) if uploads is not None else self.path.parent / CONSENT_UPLOADS
        self._lock = threading.Lock()
        self._expire_set_aside()
        self._conn = self._open()

    # -- opening -----------------------------------------------------------------------------------

    def _open(self) -> sqlite3.Connection:
        """The file, or a fresh one when it is corrupt; OSError when it cannot be had at all."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            return self._connect()
        except (sqlite3.DatabaseError, _NewerSchema) as exc:
            if not _is_corrupt(exc):
                raise OSError(f"the consent record {self.path} cannot be opened: {exc}") from exc
            aside = self._set_aside(exc)
        try:
            conn = self._connect()
        except sqlite3.DatabaseError as exc:
            raise OSError(f"the consent record {self.path} cannot be opened: {exc}") from exc
        self._salvage_opt_outs(conn, aside)
        return conn

    def _connect(self) -> sqlite3.Connection:
        # isolation_level=None: no implicit transactions; writes group themselves with BEGIN/COMMIT.
        conn = sqlite3.connect(str(self.path), timeout=5.0, check_same_thread=False, isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode=WAL")
            conn.execute("PRAGMA synchronous=NORMAL")
            conn.execute("PRAGMA secure_delete=ON")  # a deleted row's bytes are zeroed, not left behind
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise _NewerSchema(f"schema version {version} is newer than {SCHEMA_VERSION}")
            if version < SCHEMA_VERSION:
                conn.execute("BEGIN IMMEDIATE")
                try:
                    for statement in _SCHEMA.split(";"):
                        if statement.strip():
                            conn.execute(statement)
                    conn.execute(f"PRAGMA user_version={SCHEMA_VERSION}")
                    conn.execute("COMMIT")
                except BaseException:
                    with contextlib.suppress(sqlite3.Error):
                        conn.execute("ROLLBACK")
                    raise
            conn.execute("SELECT count(*) FROM pending").fetchone()  # a broken table shows here
        except BaseException:
            conn.close()
            raise
        return conn

    def _set_aside(self, exc: BaseException) -> Path:
        """Rename the unreadable file (with its WAL and shared-memory files) aside; its path."""
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        for suffix in ("", "-wal", "-shm"):
            src = self.path.with_name(self.path.name + suffix)
            try:
                src.rename(aside.with_name(aside.name + suffix))
            except FileNotFoundError:
                pass
            except OSError as err:
                log.error("cannot move %s aside: %s", src, err)
        log.error("consent record %s is unreadable (%s): moved aside to %s; its pending requests are "
                  "lost (their buttons answer that nothing is pending)", self.path, exc, aside)
        return aside

    def _salvage_opt_outs(self, conn: sqlite3.Connection, aside: Path) -> None:
        """Copy the opt-outs the set-aside file still holds: forgetting them would let a member who
        asked to be left alone be named again."""
        try:
            old = sqlite3.connect(f"file:{aside}?mode=ro", uri=True, timeout=1.0)
            try:
                ids = [row[0] for row in old.execute("SELECT user_id FROM opted_out")]
            finally:
                old.close()
        except sqlite3.Error as exc:
            log.error("consent record: the opt-outs of %s cannot be read (%s); they are lost", aside, exc)
            return
        conn.executemany("INSERT OR IGNORE INTO opted_out (user_id) VALUES (?)",
                         [(i,) for i in ids if isinstance(i, int)])
        log.warning("consent record: %d opt-outs copied from %s", len(ids), aside)

    def _expire_set_aside(self) -> None:
        """Delete set-aside copies last written more than ASIDE_MAX_AGE_S ago."""
        horizon = time.time() - ASIDE_MAX_AGE_S
        for aside in self.path.parent.glob(f"{glob.escape(self.path.name)}.corrupt-*"):
            try:
                if aside.is_file() and aside.stat().st_mtime < horizon:
                    aside.unlink()
            except OSError as exc:
                log.warning("cannot delete the expired copy %s: %s", aside, exc)

    def _run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run `work` under the lock; a file found corrupt meanwhile is set aside and `work` tried once
        on a fresh one."""
        with self._lock:
            try:
                return work(self._conn)
            except sqlite3.DatabaseError as exc:
                if not _is_corrupt(exc):
                    raise
                self._conn.close()
                aside = self._set_aside(exc)
                self._conn = self._connect()
                self._salvage_opt_outs(self._conn, aside)
                return work(self._conn)

    @staticmethod
    def _transaction(conn: sqlite3.Connection, work: Callable[[], T]) -> T:
        conn.execute("BEGIN IMMEDIATE")
        try:
            result = work()
            conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(sqlite3.Error):
                conn.execute("ROLLBACK")
            raise
        return result

    def _checkpoint(self, conn: sqlite3.Connection) -> None:
        """After a deletion: the deleted rows' old pages are still in the WAL (secure_delete zeroes only
        the new ones), so copy the WAL into the file and truncate it."""
        busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        if busy:  # another connection reading (none in this bot): the next deletion retries
            log.warning("consent record %s: checkpoint after a deletion was blocked", self.path)

    # -- pending requests --------------------------------------------------------------------------

    def add(self, p: PendingConsent) -> None:
        sql = f"INSERT INTO pending ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' for _ in _COLUMNS)})"
        self._run(lambda conn: conn.execute(sql, astuple(p)))

    def get(self, consent_id: str) -> PendingConsent | None:
        row = self._run(lambda conn: conn.execute(f"{_SELECT} WHERE id = ?", (consent_id,)).fetchone())
        return None if row is None else PendingConsent(*row)

    def set_message(self, consent_id: str, message_id: int) -> bool:
        """Record the consent message of a request; False when the request is gone."""
        return self._run(lambda conn: conn.execute("UPDATE pending SET message_id = ? WHERE id = ?",
                                                   (message_id, consent_id)).rowcount) > 0

    def for_subject(self, user_id: int, now: float | None = None) -> list[PendingConsent]:
        """What awaits `user_id`'s answer (not yet expired at `now`), soonest to expire first."""
        now = time.time() if now is None else now
        rows = self._run(lambda conn: conn.execute(
            f"{_SELECT} WHERE subject_id = ? AND expires_at > ? ORDER BY expires_at, id",
            (user_id, now)).fetchall())
        return [PendingConsent(*row) for row in rows]

    def take(self, consent_id: str) -> PendingConsent | None:
        """The request, deleted in the same transaction: of two takes only one gets it."""
        taken = self._take("WHERE id = ?", consent_id)
        return taken[0] if taken else None

    def take_expired(self, now: float | None = None) -> list[PendingConsent]:
        return self._take("WHERE expires_at <= ?", time.time() if now is None else now)

    def take_persona(self, name: str) -> list[PendingConsent]:
        """Every request for the persona `name` (/persona forget)."""
        return self._take("WHERE persona = ?", name)

    def take_subject(self, user_id: int) -> list[PendingConsent]:
        """Every request to imitate `user_id` (they asked to be forgotten)."""
        return self._take("WHERE subject_id = ?", user_id)

    def _take(self, where: str, value: object) -> list[PendingConsent]:
        def work(conn: sqlite3.Connection) -> list[PendingConsent]:
            def select_and_delete() -> list[PendingConsent]:
                rows = conn.execute(f"{_SELECT} {where} ORDER BY expires_at, id", (value,)).fetchall()
                if rows:
                    conn.execute(f"DELETE FROM pending {where}", (value,))
                return [PendingConsent(*row) for row in rows]

            taken = self._transaction(conn, select_and_delete)
            if taken:
                self._checkpoint(conn)
            return taken

        return self._run(work)

    def count(self) -> int:
        return self._run(lambda conn: conn.execute("SELECT count(*) FROM pending").fetchone()[0])

    def uploads_in_use(self) -> set[str]:
        """The upload paths pending requests hold (what an orphan sweep must keep)."""
        rows = self._run(lambda conn: conn.execute("SELECT upload FROM pending").fetchall())
        return {row[0] for row in rows}

    # -- opt-outs ----------------------------------------------------------------------------------

    def is_opted_out(self, user_id: int) -> bool:
        return self._run(lambda conn: conn.execute("SELECT 1 FROM opted_out WHERE user_id = ?",
                                                   (user_id,)).fetchone()) is not None

    def opted_out_users(self) -> set[int]:
        """Every user on the opt-out list (what `Commands.opted_out_ids` starts from)."""
        rows = self._run(lambda conn: conn.execute("SELECT user_id FROM opted_out").fetchall())
        return {row[0] for row in rows}

    def opt_out(self, user_id: int) -> bool:
        """`user_id` may no longer be named as a subject; True when newly added."""
        return self._run(lambda conn: conn.execute("INSERT OR IGNORE INTO opted_out (user_id) VALUES (?)",
                                                   (user_id,)).rowcount) > 0

    def opt_in(self, user_id: int) -> bool:
        """The opt-out taken back; True when there was one."""
        def work(conn: sqlite3.Connection) -> bool:
            gone = conn.execute("DELETE FROM opted_out WHERE user_id = ?", (user_id,)).rowcount > 0
            if gone:
                self._checkpoint(conn)
            return gone

        return self._run(work)

    def close(self) -> None:
        with self._lock:
            self._conn.close()


def clean_orphan_uploads(store: ConsentStore) -> int:
    """Delete the folders in the uploads folder that no pending request holds (a training killed with
    the bot, a request lost with a corrupt file); how many went. Call at start, before any request."""
    root = store.uploads
    if not root.is_dir():
        return 0
    kept = {Path(os.path.normpath(os.path.abspath(u))).parent.name for u in store.uploads_in_use()}
    gone = 0
    for entry in root.iterdir():
        if entry.name in kept:
            continue
        try:
            if entry.is_dir() and not entry.is_symlink():
                shutil.rmtree(entry)
            else:
                entry.unlink()
            gone += 1
        except OSError as exc:
            log.warning("could not delete the leftover upload %s: %s", entry, exc)
    return gone


def open_consent_store(state_dir: Path) -> ConsentStore:
    """The consent record of `state_dir`, with the uploads no request holds any more deleted.
    Blocking: call through `asyncio.to_thread` (OSError when the file cannot be had)."""
    store = ConsentStore(Path(state_dir) / CONSENT_FILE, Path(state_dir) / CONSENT_UPLOADS)
    gone = clean_orphan_uploads(store)
    if gone:
        log.info("deleted %d leftover consent uploads", gone)
    return store
