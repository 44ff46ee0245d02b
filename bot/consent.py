"""The record of consent: requests to imitate a member that wait for their answer, and the members who
opted out of being imitated at all.

`/persona add ... subject:@member` trains nothing until that member presses Accept: the upload waits
in a folder of its own under `<state_dir>/consent-uploads/` (not `downloads/`, which every start
empties) and its request here (`PendingConsent`), so the buttons still work after a restart. The
opt-out list keeps user ids only: nothing else about those who asked to be left alone.

One SQLite file (`<state_dir>/consent.sqlite3`), kept as every state file is (`bot.state_file`): one
connection guarded by a lock (the bot calls through `asyncio.to_thread`), WAL, `secure_delete` with a
`wal_checkpoint(TRUNCATE)` after every deletion (the requests name people), a schema version, and a
corrupt or newer file set aside (`<name>.corrupt-<stamp>`, deleted after ASIDE_MAX_AGE_S) for a fresh
one. Unlike the message record (`bot.message_log`), the opt-outs a set-aside file still holds are
copied into the fresh one, and a file that cannot be opened at all stops the bot (OSError): forgetting
opt-outs is no fallback.

`take*` are atomic (read and delete in one transaction under the lock): two quick presses of one
button, or a press racing the expiry sweep, cannot both get the request.
"""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
import time
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from bot.state_file import StateFile, run_script, transaction

log = logging.getLogger(__name__)

CONSENT_FILE = "consent.sqlite3"  # in [paths] state_dir
CONSENT_UPLOADS = "consent-uploads"  # in [paths] state_dir: the uploads waiting for their member
SCHEMA_VERSION = 1
ASIDE_MAX_AGE_S = 30 * 86400  # a set-aside copy's requests have long expired by then


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


class ConsentStore(StateFile):
    """Pending consent requests and opt-outs, in one SQLite file. Blocking, thread-safe."""

    def __init__(self, path: Path, uploads: Path | None = None) -> None:
        path = Path(path)
        # Where the uploads of pending requests wait (delete_upload deletes only inside it).
        self.uploads = Path(uploads) if uploads is not None else path.parent / CONSENT_UPLOADS
        # No keep_in_memory: a file that cannot be had is OSError, not a run without the opt-outs.
        super().__init__(path, log, what="consent record", schema_version=SCHEMA_VERSION,
                         aside_max_age_s=ASIDE_MAX_AGE_S, aside_level=logging.ERROR,
                         lost="; its pending requests are lost "
                              "(their buttons answer that nothing is pending)")

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        run_script(conn, _SCHEMA)  # version 0 (a new file) is the only older one

    def _opened(self, conn: sqlite3.Connection) -> None:
        conn.execute("SELECT count(*) FROM pending").fetchone()

    def _salvage(self, conn: sqlite3.Connection, aside: Path) -> None:
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

    def take_persona(self, name: str, guilds: list[int] | None = None) -> list[PendingConsent]:
        """Every request for the persona `name` (/persona forget), made in one of `guilds` when given
        (the forgotten persona's servers: a forget never touches another server's request)."""
        taken = self._take("WHERE persona = ?", name) if guilds is None else [
            p for g in guilds for p in self._take("WHERE persona = ? AND guild_id = ?", (name, g))]
        return taken

    def is_pending(self, name: str) -> bool:
        """Whether a request for a persona of that name awaits its member: the name is taken meanwhile."""
        return self._run(lambda conn: conn.execute("SELECT 1 FROM pending WHERE persona = ? LIMIT 1",
                                                   (name,)).fetchone() is not None)

    def take_subject(self, user_id: int) -> list[PendingConsent]:
        """Every request to imitate `user_id` (they asked to be forgotten)."""
        return self._take("WHERE subject_id = ?", user_id)

    def _take(self, where: str, value: object) -> list[PendingConsent]:
        values = value if isinstance(value, tuple) else (value,)

        def work(conn: sqlite3.Connection) -> list[PendingConsent]:
            with transaction(conn):
                rows = conn.execute(f"{_SELECT} {where} ORDER BY expires_at, id", values).fetchall()
                if rows:
                    conn.execute(f"DELETE FROM pending {where}", values)
            if rows:
                self._checkpoint(conn)
            return [PendingConsent(*row) for row in rows]

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
