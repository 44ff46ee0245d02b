"""A member's yes before a persona imitates them: the consent record (bot/consent.py) and the command
layer's flow (bot/consent_flow.py), with a fake training queue (the queue itself is tested in
test_training_jobs.py) and a local file server standing in for Discord's attachments."""

from __future__ import annotations

import asyncio
import os
import shutil
import sqlite3
import threading
import time
from collections.abc import AsyncIterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web
from helpers.checkpoints import make_checkpoint

from bot.commands import Caller, Commands, CommandSettings
from bot.config import ConsentSettings, GenerationSettings
from bot.consent import (
    CONSENT_FILE,
    CONSENT_UPLOADS,
    ConsentStore,
    PendingConsent,
    delete_upload,
    open_consent_store,
)
from bot.consent_flow import NOT_PENDING, NOT_YOURS, ConsentDeclined
from bot.errors import InvalidRequest, PermissionDenied, TrainingQueueFull
from bot.message_log import MessageLog
from bot.persona_changes import AddRequest, Archive
from bot.personas import PersonaRegistry
from bot.training_jobs import JobEvent

ADMIN = 42
MEMBER = 1001
STRANGER = 1002
GUILD = 555
CHANNEL = 777


def pending(store_root: Path, n: int = 0, *, persona: str = "bob_bakes", subject: int = MEMBER,
            expires_at: float | None = None, **kw: object) -> PendingConsent:
    """A request whose upload is a real file in its own folder under `store_root`."""
    folder = store_root / f"folder{n:02d}"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "tweets.txt").write_text("a tweet of theirs\n")
    now = time.time()
    fields = {"id": f"{n:032x}", "persona": persona, "subject_id": subject, "asker_id": ADMIN,
              "guild_id": GUILD, "channel_id": CHANNEL, "message_id": None,
              "upload": str(folder / "tweets.txt"), "filename": "tweets.txt", "base": None, "author": None,
              "created_at": now, "expires_at": now + 3600 if expires_at is None else expires_at, **kw}
    return PendingConsent(**fields)  # type: ignore[arg-type]


@pytest.fixture
def store(tmp_path: Path):
    s = open_consent_store(tmp_path / "state")
    yield s
    s.close()


# --- the record ---------------------------------------------------------------------------------------

def test_add_get_and_the_subjects_list(store: ConsentStore) -> None:
    a = pending(store.uploads, 1, expires_at=time.time() + 200)
    b = pending(store.uploads, 2, persona="bob_again", expires_at=time.time() + 100)
    gone = pending(store.uploads, 3, expires_at=time.time() - 1)  # past its time: not listed
    other = pending(store.uploads, 4, subject=STRANGER)
    for p in (a, b, gone, other):
        store.add(p)
    assert store.get(a.id) == a and store.get("f" * 32) is None
    assert store.for_subject(MEMBER) == [b, a]  # soonest to expire first
    assert store.set_message(a.id, 123) and not store.set_message("f" * 32, 1)
    got = store.get(a.id)
    assert got is not None and got.message_id == 123
    assert store.count() == 4


def test_take_is_atomic(store: ConsentStore) -> None:
    """Sixteen threads take one request at once (two quick presses): exactly one gets it."""
    p = pending(store.uploads, 1)
    store.add(p)
    start = threading.Barrier(16)

    def take() -> PendingConsent | None:
        start.wait()
        return store.take(p.id)

    with ThreadPoolExecutor(16) as pool:
        results = list(pool.map(lambda _: take(), range(16)))
    assert [r for r in results if r is not None] == [p]
    assert store.get(p.id) is None and store.take(p.id) is None


def test_takes_by_expiry_persona_and_subject(store: ConsentStore) -> None:
    now = time.time()
    old = pending(store.uploads, 1, expires_at=now - 5)
    fresh = pending(store.uploads, 2, expires_at=now + 500)
    other_persona = pending(store.uploads, 3, persona="someone_else")
    other_subject = pending(store.uploads, 4, persona="someone_else", subject=STRANGER)
    for p in (old, fresh, other_persona, other_subject):
        store.add(p)
    assert store.take_expired(now) == [old]
    assert store.take_expired(now) == []
    assert store.take_persona("bob_bakes") == [fresh]
    assert store.take_subject(STRANGER) == [other_subject]
    assert store.take_subject(MEMBER) == [other_persona]
    assert store.count() == 0


def test_opt_out_and_opt_in(store: ConsentStore) -> None:
    assert not store.is_opted_out(MEMBER)
    assert store.opt_out(MEMBER) and not store.opt_out(MEMBER)  # True only when newly added
    assert store.is_opted_out(MEMBER) and not store.is_opted_out(STRANGER)
    assert store.opt_in(MEMBER) and not store.opt_in(MEMBER)
    assert not store.is_opted_out(MEMBER)
    columns = [row[1] for row in store._conn.execute("PRAGMA table_info(opted_out)")]
    assert columns == ["user_id"]  # nothing else about them is kept


def test_a_reopened_file_keeps_requests_and_opt_outs(tmp_path: Path) -> None:
    """A restart: the buttons of a request asked before it still find the request."""
    state = tmp_path / "state"
    store = open_consent_store(state)
    p = pending(store.uploads, 1)
    store.add(p)
    store.set_message(p.id, 99)
    store.opt_out(STRANGER)
    store.close()
    again = open_consent_store(state)  # also sweeps orphans: the pending request's upload stays
    try:
        assert again.get(p.id) == PendingConsent(**{**p.__dict__, "message_id": 99})
        assert again.is_opted_out(STRANGER)
        assert Path(p.upload).is_file()
    finally:
        again.close()


def test_deleted_requests_leave_no_trace_in_the_files(store: ConsentStore) -> None:
    """secure_delete and a checkpoint after each deletion: the persona's name is gone from the file
    and the WAL at once."""
    marker = "zq_marker_9"
    store.add(pending(store.uploads, 1, persona=marker))
    assert store.take_persona(marker)

    def on_disk() -> bytes:
        return b"".join(f.read_bytes() for f in store.path.parent.glob(f"{CONSENT_FILE}*") if f.is_file())

    assert marker.encode() not in on_disk()
    wal = store.path.with_name(CONSENT_FILE + "-wal")
    assert not wal.exists() or wal.stat().st_size == 0
    assert store._conn.execute("PRAGMA secure_delete").fetchone()[0] == 1
    assert store._conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_corrupt_file_is_set_aside(tmp_path: Path) -> None:
    path = tmp_path / CONSENT_FILE
    path.write_bytes(b"this is not a database" * 100)
    store = ConsentStore(path)
    try:
        assert store.count() == 0 and not store.is_opted_out(MEMBER)
        assert len(list(tmp_path.glob(f"{CONSENT_FILE}.corrupt-*"))) == 1
    finally:
        store.close()


def test_a_file_it_cannot_read_keeps_its_opt_outs(tmp_path: Path) -> None:
    """A file of a newer schema is set aside like a corrupt one; the opt-outs it holds are copied
    over (forgetting them would let a member who asked to be left alone be named again)."""
    path = tmp_path / CONSENT_FILE
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE opted_out (user_id INTEGER PRIMARY KEY)")
    conn.execute("INSERT INTO opted_out VALUES (?)", (MEMBER,))
    conn.execute("PRAGMA user_version=99")
    conn.commit()
    conn.close()
    store = ConsentStore(path)
    try:
        assert store.is_opted_out(MEMBER) and not store.is_opted_out(STRANGER)
        assert list(tmp_path.glob(f"{CONSENT_FILE}.corrupt-*"))
    finally:
        store.close()


def test_delete_upload_stays_inside_its_folder(tmp_path: Path) -> None:
    root = tmp_path / CONSENT_UPLOADS
    inside = pending(root, 1)
    assert delete_upload(inside, root) and not Path(inside.upload).parent.exists()
    assert not delete_upload(inside, root)  # already gone
    outside = pending(tmp_path / "elsewhere", 2)
    assert not delete_upload(outside, root) and Path(outside.upload).exists()
    escaping = PendingConsent(**{**outside.__dict__, "upload": str(root / ".." / "elsewhere" / "x" / "f")})
    assert not delete_upload(escaping, root)
    # A link where the folder was: never followed, the folder it points at stays.
    target = tmp_path / "precious"
    target.mkdir()
    (target / "keep.txt").write_text("keep")
    os.symlink(target, root / "linked")
    linked = PendingConsent(**{**inside.__dict__, "upload": str(root / "linked" / "keep.txt")})
    assert not delete_upload(linked, root)
    assert (target / "keep.txt").exists()


def test_orphan_uploads_are_deleted_at_start(tmp_path: Path) -> None:
    state = tmp_path / "state"
    store = open_consent_store(state)
    kept = pending(store.uploads, 1)
    store.add(kept)
    orphan = pending(store.uploads, 2)  # a training killed with the bot, say: no request holds it
    (store.uploads / "stray.part").write_text("x")
    store.close()
    open_consent_store(state).close()
    assert Path(kept.upload).exists()
    assert not Path(orphan.upload).parent.exists() and not (store.uploads / "stray.part").exists()


# --- the flow -------------------------------------------------------------------------------------------

class FakeJob:
    def __init__(self, jobs: FakeJobs, name: str, owned: Path | None) -> None:
        self.jobs, self.name, self.owned, self.data = jobs, name, owned, None

    async def events(self) -> AsyncIterator[JobEvent]:
        yield JobEvent("queued")
        if self.owned is not None:  # as the real queue: the job deletes what it owns when it ends
            await asyncio.to_thread(shutil.rmtree, self.owned, True)
        self.jobs.running.discard(self.name)
        yield JobEvent("done", data={"seconds": 1.0})


class FakeJobs:
    """The training queue's interface: `full` makes check_room refuse; `submitted` records each submit."""

    def __init__(self) -> None:
        self.full = False
        self.running: set[str] = set()
        self.submitted: list[dict] = []

    def busy_with(self, name: str) -> bool:
        return name in self.running

    def check_room(self, guild_id: int | None) -> None:
        if self.full:
            raise TrainingQueueFull("This server already has 2 trainings queued or running; try again "
                                    "when one has finished.")

    def submit(self, name: str, data: Path, base: str | None = None, **kw: object) -> FakeJob:
        self.check_room(kw.get("guild_id"))  # type: ignore[arg-type]
        self.submitted.append({"name": name, "data": data, "base": base, **kw})
        job = FakeJob(self, name, kw.get("owned"))  # type: ignore[arg-type]
        job.data = data
        return job

    async def close(self) -> None:
        pass

    async def cancel(self, name: str) -> bool:
        return False

    def names_of_subject(self, user_id: int, guild_id: int | None = None) -> list[str]:
        return []


class FakePool:
    async def refresh(self) -> None:
        pass

    async def forget(self, name: str) -> None:
        pass


@pytest_asyncio.fixture
async def files():
    """Attachments as Discord serves them: /tweets.txt (text), /archive.zip (no zip at all)."""
    async def tweets(_r: web.Request) -> web.Response:
        return web.Response(body=b"a tweet of theirs\nanother one\n")

    async def not_zip(_r: web.Request) -> web.Response:
        return web.Response(body=b"not a zip")

    app = web.Application()
    app.router.add_get("/tweets.txt", tweets)
    app.router.add_get("/archive.zip", not_zip)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


@pytest.fixture
def cmds(tmp_path: Path):
    """Commands over fakes (pool, training queue), with the consent record in its state folder."""
    cls = Commands
    state = tmp_path / "state"
    (tmp_path / "models").mkdir()
    settings = CommandSettings(GenerationSettings(), tmp_path / "models", state, ["tiny"],
                               admin_user_ids=[ADMIN], trusted_guild_ids=[GUILD], max_attachment_bytes=10_000,
                               consent=ConsentSettings(accept_hours=2))
    store = open_consent_store(state)
    messages = MessageLog(state / "messages.sqlite3")
    args: dict[str, object] = {"settings": settings, "registry": PersonaRegistry(tmp_path / "models"),
                               "pool": FakePool(), "jobs": FakeJobs(), "messages": messages}
    commands = cls(**args, consents=store)
    yield commands
    commands.consents.close()
    messages.close()


def member_add(cmds, url: str, name: str = "bob_bakes", filename: str = "tweets.txt") -> AddRequest:
    """A /persona add naming MEMBER, as prepare_add accepts it."""
    req = cmds.prepare_add(Caller(ADMIN, GUILD), name, Archive(filename, 30, url=f"{url}/{filename}"),
                           subject=MEMBER)
    assert (req.owner, req.subject, req.guild_id) == (ADMIN, MEMBER, GUILD)
    return req


def uploads(cmds) -> list[Path]:
    root = cmds.consents.uploads
    return sorted(root.iterdir()) if root.exists() else []


async def test_asking_keeps_the_upload_and_the_request(cmds, files: str) -> None:
    before = time.time()
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    assert (p.persona, p.subject_id, p.asker_id, p.guild_id, p.channel_id) == ("bob_bakes", MEMBER, ADMIN,
                                                                               GUILD, CHANNEL)
    assert before + 2 * 3600 <= p.expires_at <= time.time() + 2 * 3600  # [consent] accept_hours
    upload = Path(p.upload)
    assert upload.read_bytes().startswith(b"a tweet") and upload.parent.parent == cmds.consents.uploads
    assert len(p.id) == 32 and p.message_id is None and p.filename == "tweets.txt"
    assert await asyncio.to_thread(cmds.consents.get, p.id) == p
    assert not (cmds.settings.downloads.exists() and list(cmds.settings.downloads.iterdir()))
    await cmds.set_consent_message(p.id, 5)
    assert (await asyncio.to_thread(cmds.consents.get, p.id)).message_id == 5


async def test_the_asker_may_be_given(cmds, files: str) -> None:
    """A retrain leaves `owner` unset (it keeps the persona's): whoever asked is then given."""
    req = member_add(cmds, files)
    req.owner = None
    with pytest.raises(InvalidRequest):
        await cmds.ask_consent(req, CHANNEL)
    p = await cmds.ask_consent(req, CHANNEL, asker_id=STRANGER)
    assert p.asker_id == STRANGER and cmds.accepted_add(p).owner == STRANGER


async def test_a_refused_archive_keeps_nothing(cmds, files: str) -> None:
    with pytest.raises(InvalidRequest, match="not a valid zip archive"):
        await cmds.ask_consent(member_add(cmds, files, filename="archive.zip"), CHANNEL)
    assert uploads(cmds) == [] and cmds.consents.count() == 0


async def test_an_opted_out_member_cannot_be_asked(cmds, files: str) -> None:
    req = member_add(cmds, files)
    assert await cmds.opt_out(MEMBER) and await cmds.opted_out(MEMBER)
    assert MEMBER in cmds.opted_out_ids  # the fast checks' copy follows the record
    with pytest.raises(PermissionDenied, match="opted out"):
        await cmds.ask_consent(req, CHANNEL)
    assert uploads(cmds) == [] and cmds.consents.count() == 0
    assert cmds.consents.opted_out_users() == {MEMBER}
    assert await cmds.opt_in(MEMBER) and not await cmds.opted_out(MEMBER)
    assert MEMBER not in cmds.opted_out_ids


async def test_accept_trains_with_owner_subject_and_server(cmds, files: str) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    # Someone else's press changes nothing.
    with pytest.raises(PermissionDenied, match=NOT_YOURS):
        await cmds.answer_consent(Caller(STRANGER, GUILD), p.id, True)
    with pytest.raises(PermissionDenied):
        await cmds.answer_consent(Caller(ADMIN, GUILD, administrator=True), p.id, False)
    assert cmds.consents.get(p.id) == p and Path(p.upload).exists()

    taken = await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)
    assert taken == p and cmds.consents.get(p.id) is None
    assert Path(p.upload).exists()  # the training owns it now
    req = cmds.accepted_add(taken)
    assert (req.name, req.owner, req.subject, req.servers, req.guild_id) == ("bob_bakes", ADMIN, MEMBER,
                                                                             (GUILD,), GUILD)
    assert req.archive == Archive("tweets.txt", path=Path(p.upload), owned=True) and not req.replacing
    replies = [r async for r in cmds.persona_add(req)]
    assert replies[-1].text.startswith("✅ Added `bob_bakes`")
    [submitted] = cmds.jobs.submitted
    assert (submitted["owner"], submitted["subject"], submitted["servers"]) == (ADMIN, MEMBER, (GUILD,))
    assert submitted["data"] == Path(p.upload) and submitted["owned"] == Path(p.upload).parent
    assert uploads(cmds) == []  # the job deleted it when it ended
    with pytest.raises(InvalidRequest, match=NOT_PENDING):  # pressed again: answered already
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)


async def test_two_quick_presses_train_once(cmds, files: str) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    results = await asyncio.gather(*(cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)
                                     for _ in range(4)), return_exceptions=True)
    assert [r for r in results if isinstance(r, PendingConsent)] == [p]
    assert all(isinstance(r, InvalidRequest) for r in results if not isinstance(r, PendingConsent))


async def test_decline_deletes_the_upload_and_trains_nothing(cmds, files: str) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    taken = await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, False)
    assert taken == p and uploads(cmds) == [] and cmds.consents.count() == 0
    assert cmds.jobs.submitted == []
    with pytest.raises(InvalidRequest, match=NOT_PENDING):
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)


async def test_expiry_deletes_the_upload(cmds, files: str) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    assert await cmds.expire_consents(p.expires_at - 1) == []
    # Past its time but not yet swept: refused, and left for the sweep (which tells whoever asked).
    cmds.consents.add(PendingConsent(**{**p.__dict__, "id": "e" * 32, "expires_at": time.time() - 1}))
    with pytest.raises(InvalidRequest, match=NOT_PENDING):
        await cmds.answer_consent(Caller(MEMBER, GUILD), "e" * 32, True)
    assert cmds.consents.get("e" * 32) is not None
    expired = await cmds.expire_consents(p.expires_at + 1)
    assert sorted(e.id for e in expired) == sorted([p.id, "e" * 32])
    assert uploads(cmds) == [] and cmds.jobs.submitted == []
    with pytest.raises(InvalidRequest, match=NOT_PENDING):
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)


async def test_a_full_queue_keeps_the_request_for_a_later_press(cmds, files: str) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    cmds.jobs.full = True
    with pytest.raises(TrainingQueueFull):
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)
    assert cmds.consents.get(p.id) == p and Path(p.upload).exists()
    cmds.jobs.running.add("bob_bakes")  # a training of that name already runs: kept too
    cmds.jobs.full = False
    with pytest.raises(InvalidRequest, match="already queued or running"):
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)
    assert cmds.consents.get(p.id) == p
    cmds.jobs.running.clear()
    assert await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True) == p


async def test_opting_out_meanwhile_declines(cmds, files: str) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    await cmds.opt_out(MEMBER)
    with pytest.raises(ConsentDeclined) as declined:
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)
    assert declined.value.pending == p and "opted out" in str(declined.value)
    assert uploads(cmds) == [] and cmds.consents.count() == 0 and cmds.jobs.submitted == []


async def test_pending_lists_what_awaits_the_member(cmds, files: str) -> None:
    nothing = await cmds.pending_reply(Caller(MEMBER, GUILD))
    assert nothing.ephemeral and nothing.text == "Nothing is waiting for your answer."
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    await cmds.ask_consent(member_add(cmds, files, "bob_two"), CHANNEL)
    reply = await cmds.pending_reply(Caller(MEMBER, GUILD))
    assert reply.ephemeral and not reply.public_fallback and reply.text.startswith("**2 requests**")
    assert [user for user, _ in reply.more] == [ADMIN, ADMIN]
    assert reply.more[0][1] == (f"asks to make `bob_bakes` imitate you (server {GUILD}); "
                                f"expires <t:{int(p.expires_at)}:R>.")
    assert (await cmds.pending_reply(Caller(STRANGER, GUILD))).text == "Nothing is waiting for your answer."


async def test_forgetting_withdraws_requests(cmds, files: str) -> None:
    await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    # A request reserves its name: a second one (here, or from another server) is refused.
    with pytest.raises(InvalidRequest, match="The name 'bob_bakes' is taken"):
        await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    other = await cmds.ask_consent(member_add(cmds, files, "bob_two"), CHANNEL)
    # A forget takes only the requests of its persona's servers.
    assert await cmds.forget_pending("bob_bakes", [GUILD + 1]) == 0
    assert await cmds.forget_pending("bob_bakes", [GUILD]) == 1
    assert [p.name for p in uploads(cmds)] == [Path(other.upload).parent.name]
    assert await cmds.forget_pending_of(MEMBER) == 1
    assert uploads(cmds) == [] and await cmds.forget_pending_of(MEMBER) == 0


async def test_an_accept_never_replaces_another_servers_persona(cmds, files: str, tmp_path: Path) -> None:
    p = await cmds.ask_consent(member_add(cmds, files), CHANNEL)
    # Meanwhile a persona of that name appears in another server (the command line, say).
    make_checkpoint(tmp_path / "models", "bob_bakes", servers=[GUILD + 1])
    cmds.registry.scan()
    with pytest.raises(InvalidRequest, match="was taken meanwhile: nothing was trained"):
        await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True)
    assert cmds.consents.get(p.id) is None and uploads(cmds) == [] and cmds.jobs.submitted == []


async def test_a_forget_or_an_opt_out_after_the_accept_stops_the_training(cmds, files: str) -> None:
    for name, then in (("bob_bakes", "forget"), ("bob_two", "opt-out")):
        p = await cmds.ask_consent(member_add(cmds, files, name), CHANNEL)
        req = cmds.accepted_add(await cmds.answer_consent(Caller(MEMBER, GUILD), p.id, True))
        if then == "forget":  # between the Accept and the queue (its message being edited, say)
            await cmds.forget_persona(name)
        else:
            await cmds.opt_out(MEMBER)
        replies = [r async for r in cmds.persona_add(req)]
        assert ("forgotten meanwhile" if then == "forget" else "asked not to be imitated") in replies[-1].text
        assert cmds.jobs.submitted == [] and uploads(cmds) == []
