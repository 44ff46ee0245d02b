"""The record of persona messages (bot/message_log.py) on a real SQLite file."""

from __future__ import annotations

import logging
import os
import sqlite3
import threading
import time
from dataclasses import replace
from pathlib import Path

import pytest

from bot.message_log import MAX_PROMPT_CHARS, MAX_TEXT_CHARS, SCHEMA_VERSION, MessageLog, PersonaMessage


def message(message_id: int, persona: str = "marlowe_bakes", created_at: float | None = None,
            **more: object) -> PersonaMessage:
    return PersonaMessage(message_id=message_id, persona=persona, invoker_id=42, channel_id=7,
                          prompt="Sourdough", text=f"tweet {message_id}",
                          created_at=time.time() if created_at is None else created_at,
                          style="webhook", **more)  # type: ignore[arg-type]


@pytest.fixture
def db(tmp_path: Path) -> Path:
    return tmp_path / "state" / "messages.sqlite3"  # the folder does not exist yet


def test_roundtrip_every_field(db: Path) -> None:
    log = MessageLog(db)
    full = PersonaMessage(message_id=1_234_567_890_123_456_789, persona="a-b", invoker_id=2**62,
                          channel_id=3, prompt="p ✨", text="t\nline two", created_at=time.time(),
                          style="embed", guild_id=4, webhook_id=5, thread_id=6, reply_to=7, count=3,
                          temperature=0.85, context="c", another_of=8, copy_rejections=3,
                          context_author_id=2**63 - 1)
    bare = PersonaMessage(message_id=9, persona="x", invoker_id=1, channel_id=2, prompt="", text="",
                          created_at=time.time(), style="webhook")
    log.add(full)
    log.add(bare)
    assert log.get(full.message_id) == full
    got = log.get(9)
    assert got == bare and got is not None
    assert (got.guild_id, got.webhook_id, got.thread_id, got.reply_to, got.temperature,
            got.another_of, got.context_author_id) == (None,) * 7
    assert (got.count, got.copy_rejections) == (1, 0)
    assert log.get(12345) is None
    assert log.count() == 2
    log.close()


def test_file_settings(db: Path) -> None:
    MessageLog(db).close()
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
        indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
        assert {"messages_created_at", "messages_persona", "messages_context_author"} <= indexes
    finally:
        conn.close()


def test_survives_restart(db: Path) -> None:
    log = MessageLog(db)
    log.add(message(1, temperature=1.1))
    log.add(message(2))
    log.close()
    again = MessageLog(db)
    assert again.count() == 2
    got = again.get(1)
    assert got is not None and got.text == "tweet 1" and got.temperature == 1.1
    again.add(message(3))
    assert again.count() == 3
    again.close()


def test_replace_keeps_one_row(db: Path) -> None:
    log = MessageLog(db, max_rows=2)
    log.add(message(1))
    log.add(replace(message(1), text="new"))
    log.add(message(2))
    assert log.count() == 2  # the replacement did not count as a third row
    got = log.get(1)
    assert got is not None and got.text == "new"
    log.close()


def test_texts_capped(db: Path) -> None:
    log = MessageLog(db)
    log.add(replace(message(1), prompt="p" * 5000, text="t" * 9000))
    got = log.get(1)
    assert got is not None
    assert got.prompt == "p" * MAX_PROMPT_CHARS and got.text == "t" * MAX_TEXT_CHARS
    log.close()


def test_age_pruning(db: Path) -> None:
    log = MessageLog(db, max_age_s=3600)
    now = time.time()
    log.add(message(1, created_at=now - 7200))
    assert log.get(1) is None  # expired: never returned, pruned or not
    log.add(message(2, created_at=now - 60))
    log.add(message(3, created_at=now))
    assert log.count() == 2 and log.get(1) is None
    assert log.get(2) is not None and log.get(3) is not None
    log.close()


def test_expired_row_not_returned_before_pruning(db: Path) -> None:
    log = MessageLog(db, max_age_s=3600)
    log.add(message(1, created_at=time.time() - 60))
    log.close()
    # The same file read with a shorter age: the row is still there, but too old to hand out.
    short = MessageLog(db, max_age_s=30)
    assert short.count() == 1 and short.get(1) is None
    short.close()


def test_size_pruning_keeps_newest(db: Path) -> None:
    log = MessageLog(db, max_rows=5)
    now = time.time()
    # Added out of order: "newest" is by creation time, not by when the row was added.
    for i in [3, 1, 7, 2, 9, 4, 8, 6, 5, 10]:
        log.add(message(i, created_at=now - 100 + i))
    assert log.count() == 5
    assert [i for i in range(1, 11) if log.get(i) is not None] == [6, 7, 8, 9, 10]
    log.close()
    reopened = MessageLog(db, max_rows=3)  # a smaller bound takes effect on the next add
    reopened.add(message(11, created_at=now))
    assert [i for i in range(1, 12) if reopened.get(i) is not None] == [9, 10, 11]
    reopened.close()


def test_forget_persona_and_delete(db: Path) -> None:
    log = MessageLog(db, max_rows=5)
    for i in range(3):
        log.add(message(i, persona="gone"))
    log.add(message(10, persona="kept"))
    log.add(message(11, persona="gone-too"))  # a different persona, despite the shared prefix
    assert log.forget_persona("gone") == 3
    assert log.forget_persona("gone") == 0
    assert log.count() == 2 and log.get(10) is not None and log.get(11) is not None
    assert log.delete(10) and not log.delete(10)
    assert log.get(10) is None and log.count() == 1
    # The row count stayed exact through the deletes: four more fit before anything is pruned.
    for i in range(20, 24):
        log.add(message(i, persona="kept"))
    assert log.count() == 5 and log.get(11) is not None
    log.add(message(24, persona="kept"))
    assert log.count() == 5 and log.get(11) is None
    log.close()


def test_corrupt_file_moved_aside(db: Path, caplog: pytest.LogCaptureFixture) -> None:
    db.parent.mkdir(parents=True)
    garbage = b"this is not an SQLite database, whatever its name says\n" * 100
    db.write_bytes(garbage)
    with caplog.at_level(logging.WARNING, logger="bot.message_log"):
        log = MessageLog(db)
    assert any("moved aside" in r.getMessage() for r in caplog.records)
    aside = [p for p in db.parent.iterdir() if p.name.startswith("messages.sqlite3.corrupt-")]
    assert len(aside) == 1 and aside[0].read_bytes() == garbage
    assert not log.in_memory
    log.add(message(1))
    assert log.get(1) is not None
    log.close()
    assert MessageLog(db).count() == 1  # the fresh file is a real one


def test_newer_schema_moved_aside(db: Path) -> None:
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA user_version = 99")
    conn.close()
    log = MessageLog(db)
    assert any(p.name.startswith("messages.sqlite3.corrupt-") for p in db.parent.iterdir())
    log.add(message(1))
    assert log.count() == 1
    log.close()


def test_unopenable_path_falls_back_to_memory(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("a file where the folder should be")
    log = MessageLog(blocker / "messages.sqlite3")
    assert log.in_memory
    log.add(message(1))
    assert log.get(1) is not None
    log.close()


def test_concurrent_adds(db: Path) -> None:
    log = MessageLog(db)
    threads, per_thread = 8, 50
    errors: list[BaseException] = []

    def writer(t: int) -> None:
        try:
            for i in range(per_thread):
                log.add(message(t * 1000 + i, persona=f"p{t}"))
                log.get(t * 1000 + i)
        except BaseException as exc:
            errors.append(exc)

    workers = [threading.Thread(target=writer, args=(t,)) for t in range(threads)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    assert not errors
    assert log.count() == threads * per_thread
    assert all(log.get(t * 1000 + i) is not None for t in range(threads) for i in range(per_thread))
    log.close()


# The layout of schema version 1, as the bot before `another_of` wrote it.
V1_SCHEMA = """
CREATE TABLE messages (
    message_id INTEGER PRIMARY KEY, persona TEXT NOT NULL, invoker_id INTEGER NOT NULL,
    channel_id INTEGER NOT NULL, prompt TEXT NOT NULL, text TEXT NOT NULL, created_at REAL NOT NULL,
    style TEXT NOT NULL, guild_id INTEGER, webhook_id INTEGER, thread_id INTEGER, reply_to INTEGER,
    count INTEGER NOT NULL, temperature REAL, context TEXT NOT NULL DEFAULT ''
);
CREATE INDEX messages_created_at ON messages (created_at);
CREATE INDEX messages_persona ON messages (persona);
PRAGMA user_version = 1;
"""


def write_old_file(db: Path, schema: str, *extra: str) -> None:
    """A record file as an older bot left it: its schema and one record (message 5), `extra` columns last."""
    db.parent.mkdir(parents=True)
    conn = sqlite3.connect(db)
    conn.executescript(schema)
    columns = ", ".join(("5, 'marlowe_bakes', 42, 7, 'Rye', 'old tweet', ?, 'webhook', 1, NULL, NULL, NULL, "
                         "1, NULL, ''", *extra))
    conn.execute(f"INSERT INTO messages VALUES ({columns})", (time.time(),))
    conn.commit()
    conn.close()


def test_a_version_1_file_is_migrated_and_keeps_its_records(db: Path) -> None:
    write_old_file(db, V1_SCHEMA)
    log = MessageLog(db)
    old = log.get(5)
    assert old is not None and (old.prompt, old.text, old.another_of) == ("Rye", "old tweet", None)
    assert not any(p.name.startswith("messages.sqlite3.corrupt-") for p in db.parent.iterdir())
    log.add(message(6, another_of=5))
    log.close()
    reopened = MessageLog(db)
    assert reopened.get(6).another_of == 5 and reopened.count() == 2  # type: ignore[union-attr]
    assert reopened.get(5).copy_rejections == 0  # type: ignore[union-attr]
    reopened.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    conn.close()


# The layout of schema version 2, as the bot before `copy_rejections` wrote it.
V2_SCHEMA = V1_SCHEMA.replace("context TEXT NOT NULL DEFAULT ''", "context TEXT NOT NULL DEFAULT '', "
                              "another_of INTEGER").replace("user_version = 1", "user_version = 2")


def test_a_version_2_file_gains_copy_rejections_and_keeps_its_records(db: Path) -> None:
    write_old_file(db, V2_SCHEMA, "4")
    log = MessageLog(db)
    old = log.get(5)
    assert old is not None and (old.text, old.another_of, old.copy_rejections) == ("old tweet", 4, 0)
    assert not any(p.name.startswith("messages.sqlite3.corrupt-") for p in db.parent.iterdir())
    log.add(message(6, copy_rejections=2))
    log.close()
    reopened = MessageLog(db)
    assert reopened.get(6).copy_rejections == 2  # type: ignore[union-attr]
    reopened.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [r[1] for r in conn.execute("PRAGMA table_info(messages)")]
    assert columns[-2:] == ["copy_rejections", "context_author_id"]
    conn.close()


def test_a_removed_personas_prompts_leave_the_file_and_the_wal(db: Path) -> None:
    """After forget_persona, the prompt's bytes are in neither file (read raw, the log still open)."""
    secret = "Zanzibar-quokka-7781 is my bank PIN"
    log = MessageLog(db)
    for i in range(3):
        log.add(replace(message(i, persona="gone"), prompt=secret, text=f"{secret} said {i}"))
    log.add(message(10, persona="kept"))
    wal = db.with_name(db.name + "-wal")
    before = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert secret.encode() in before  # the words were written (so the check below means something)
    assert log.forget_persona("gone") == 3
    after = db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    assert secret.encode() not in after and b"Zanzibar" not in after
    assert log.get(10) is not None  # the other persona's record is untouched
    log.delete(10)
    assert b"tweet 10" not in db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")
    # Set on the log's connection, whatever this SQLite build's default is.
    assert log._conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    log.close()


def test_set_aside_copies_expire_with_the_records(db: Path) -> None:
    db.parent.mkdir(parents=True)
    day = 86400
    old = [db.with_name(db.name + ".corrupt-20200101-000000" + s) for s in ("", "-wal", "-shm")]
    fresh = db.with_name(db.name + ".corrupt-20991231-000000")
    unrelated = db.with_name("other.sqlite3.corrupt-20200101-000000")
    for path in (*old, fresh, unrelated):
        path.write_bytes(b"someone's prompt")
    for path in (*old, unrelated):
        os.utime(path, (time.time() - 31 * day, time.time() - 31 * day))
    os.utime(fresh, (time.time() - 29 * day, time.time() - 29 * day))
    MessageLog(db, max_age_s=30 * day).close()
    assert not any(p.exists() for p in old)
    assert fresh.exists() and unrelated.exists()  # within retention; not this log's


# The layout of schema version 3, as the bot before `context_author_id` wrote it.
V3_SCHEMA = V2_SCHEMA.replace("another_of INTEGER", "another_of INTEGER, "
                              "copy_rejections INTEGER NOT NULL DEFAULT 0").replace("user_version = 2",
                                                                                    "user_version = 3")


def test_a_version_3_file_gains_context_author_id_and_keeps_its_records(db: Path) -> None:
    write_old_file(db, V3_SCHEMA, "4", "2")
    log = MessageLog(db)
    old = log.get(5)
    assert old is not None and (old.text, old.another_of, old.copy_rejections) == ("old tweet", 4, 2)
    assert old.context_author_id is None
    assert not any(p.name.startswith("messages.sqlite3.corrupt-") for p in db.parent.iterdir())
    log.add(message(6, context="their words", context_author_id=77))
    assert log.forget_context_of(77) == 1 and log.get(6) is None and log.get(5) is not None
    log.close()
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION == 4
    columns = [r[1] for r in conn.execute("PRAGMA table_info(messages)")]
    assert columns[-1] == "context_author_id"
    indexes = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'index'")}
    assert "messages_context_author" in indexes  # made by the migration too, not only in new files
    conn.close()


def test_usage_is_a_personas_latest_records_newest_first(db: Path) -> None:
    log = MessageLog(db, max_age_s=3600)
    now = time.time()
    for i, age in enumerate((50, 10, 30, 20, 40)):
        log.add(message(i, persona="busy", created_at=now - age))
    log.add(message(10, persona="busy-too", created_at=now))  # another persona, despite the prefix
    log.add(message(11, persona="busy", created_at=now - 7200))  # expired: never handed out
    assert [m.message_id for m in log.usage("busy")] == [1, 3, 2, 4, 0]
    assert [m.message_id for m in log.usage("busy", limit=2)] == [1, 3]
    assert log.usage("busy")[0] == log.get(1)  # whole records
    assert log.usage("nobody") == [] and log.usage("busy", limit=0) == []
    log.close()


def test_forget_context_of_deletes_the_replies_to_that_members_words_from_both_files(db: Path) -> None:
    """A member who opts out: every record whose context was their message goes, its bytes too; the
    records answering others, or nobody, stay."""
    secret = "Velociraptor-marmalade-3391 is where I live"
    log = MessageLog(db)
    for i in range(3):
        log.add(message(i, context=secret, context_author_id=555))
    log.add(message(10, context="someone else's words", context_author_id=556))
    log.add(message(11, context="the persona's own tweet"))  # Continue: no member's message
    log.add(replace(message(12), invoker_id=555))  # asked for by that member, no context of theirs
    wal = db.with_name(db.name + "-wal")

    def on_disk() -> bytes:
        return db.read_bytes() + (wal.read_bytes() if wal.exists() else b"")

    assert secret.encode() in on_disk()  # written (so the check below means something)
    assert log.forget_context_of(555) == 3
    assert secret.encode() not in on_disk() and b"Velociraptor" not in on_disk()
    assert [i for i in (0, 1, 2, 10, 11, 12) if log.get(i) is not None] == [10, 11, 12]
    assert log.forget_context_of(555) == 0 and log.count() == 3
    log.close()
