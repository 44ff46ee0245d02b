"""The record of persona messages: who asked for each message the bot posted as a persona, and what it said.

Buttons (Another / Continue / Delete), the "Who asked?" menu and Delete look a message up here, so
they keep working after a restart. One SQLite file, kept as every state file is (`bot.state_file`:
WAL, one connection under a lock, blocking thread-safe methods), bounded in age and in rows: every
`add` drops what is older than `max_age_s` and, when over `max_rows`, the oldest rows.

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

import logging
import sqlite3
import time
from dataclasses import astuple, dataclass, fields
from pathlib import Path

from bot.state_file import StateFile, run_script, transaction

log = logging.getLogger(__name__)

SCHEMA_VERSION = 4
MAX_PROMPT_CHARS = 2000  # Discord's own limits on what a prompt or a message can be, with room
MAX_TEXT_CHARS = 4000


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
# Each step takes a file of the version before it to the next one (run in the opening's transaction,
# with the new user_version, so a crash leaves the old version or the new).
_MIGRATIONS = {
    2: "ALTER TABLE messages ADD COLUMN another_of INTEGER",
    3: "ALTER TABLE messages ADD COLUMN copy_rejections INTEGER NOT NULL DEFAULT 0",
    4: "ALTER TABLE messages ADD COLUMN context_author_id INTEGER",  # its index: _SCHEMA, after the steps
}
_SELECT = f"SELECT {', '.join(_COLUMNS)} FROM messages WHERE message_id = ? AND created_at >= ?"
_USAGE = (f"SELECT {', '.join(_COLUMNS)} FROM messages WHERE persona = ? AND created_at >= ? "
          "ORDER BY created_at DESC, message_id DESC LIMIT ?")


class MessageLog(StateFile):
    def __init__(self, path: Path, max_age_s: float = 30 * 86400, max_rows: int = 100_000) -> None:
        self.max_age_s = max_age_s
        self.max_rows = max(1, max_rows)
        self._rows = 0  # exact while this process is the only writer (it is: one bot, one file)
        # Set-aside copies expire with the records they hold.
        super().__init__(path, log, what="message log", schema_version=SCHEMA_VERSION,
                         aside_max_age_s=max_age_s, lost=", starting empty",
                         keep_in_memory="this run's messages")

    def _migrate(self, conn: sqlite3.Connection, version: int) -> None:
        exists = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'messages'"
                              ).fetchone()
        if exists:  # a file of an older version (0 with a table: version 1 cut short), step by step
            for step in range(max(version, 1) + 1, SCHEMA_VERSION + 1):
                conn.execute(_MIGRATIONS[step])
        run_script(conn, _SCHEMA)  # IF NOT EXISTS: what a new file needs, no-op otherwise

    def _opened(self, conn: sqlite3.Connection) -> None:
        self._rows = conn.execute("SELECT count(*) FROM messages").fetchone()[0]

    # -- the interface -----------------------------------------------------------------------------

    def add(self, msg: PersonaMessage) -> None:
        """Insert (or replace, by message id) one record, then prune by age and size."""
        row = list(astuple(msg))
        row[_COLUMNS.index("prompt")] = msg.prompt[:MAX_PROMPT_CHARS]
        row[_COLUMNS.index("text")] = msg.text[:MAX_TEXT_CHARS]
        row[_COLUMNS.index("context")] = msg.context[:MAX_TEXT_CHARS]

        def work(conn: sqlite3.Connection) -> None:
            with transaction(conn):
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
            self._rows = rows  # only once committed

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
            if gone:  # so the words are gone from the WAL too, not only from the file
                self._checkpoint(conn)
            return gone

        return self._run(work)

    def count(self) -> int:
        """How many records the file holds (expired ones not yet pruned included)."""
        return self._run(lambda conn: conn.execute("SELECT count(*) FROM messages").fetchone()[0])
