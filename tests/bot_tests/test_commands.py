"""The command layer on its own: permissions, cooldowns, formatting, downloads, metrics, with the real
pool and registry over untrained tiny personas."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
from pathlib import Path

import pytest
import pytest_asyncio
from aiohttp import web
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config

from bot.archives import download
from bot.commands import Caller, Commands
from bot.config import load_config
from bot.errors import Cooldown, InvalidRequest, PermissionDenied, PoolBusy, UnknownPersona
from bot.message_log import PersonaMessage
from bot.output import DISCORD_LIMIT, discord_tweet
from bot.persona_changes import Archive
from bot.replies import persona_info_text, tweet_card
from bot.wiring import open_commands

ADMIN_USER = 42
ADMIN_ROLE = 77
GUILD = 555  # the server the bot is configured for
ELSEWHERE = 556  # a server someone invited the bot to
OWNER = Caller(ADMIN_USER, guild_id=GUILD)


@pytest.fixture(scope="module")
def models(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Two real personas, plus 28 hard-linked copies of the first (for the autocomplete limit)."""
    folder = tmp_path_factory.mktemp("models")
    source = make_checkpoint(folder, "marlowe_bakes", "Marlowe Quill")
    make_checkpoint(folder, "other_guy", "Other Guy", seed=1)
    for i in range(28):
        shutil.copytree(source, folder / f"copy_{i:02d}", copy_function=os.link)
    return folder


@pytest_asyncio.fixture
async def commands(models: Path, tmp_path: Path):
    cfg_path = write_config(tmp_path, paths={"models_dir": models}, discord={
        "cooldown_s": 30, "admin_user_ids": [ADMIN_USER], "admin_role_ids": [ADMIN_ROLE],
        "max_attachment_bytes": 1000, "guild_ids": [GUILD]})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        yield cmds


def count(cmds: Commands, command: str, outcome: str) -> float:
    return cmds.commands_total.labels(command, outcome)._value.get()


async def test_admin_check(commands: Commands) -> None:
    archive = Archive("tweets.js", 10, url="http://127.0.0.1:9/never")
    admins = (Caller(1, GUILD, administrator=True), OWNER, Caller(2, GUILD, role_ids=(5, ADMIN_ROLE)),
              Caller(ADMIN_USER, ELSEWHERE))  # an owner is an owner in any server
    for caller in admins:
        assert commands.is_admin(caller)
        assert commands.prepare_add(caller, "newbie", archive).name == "newbie"
    # Another server's administrators and roles count for nothing; neither does anyone without a role.
    for nobody in (Caller(3, GUILD, role_ids=(5,)), Caller(1, ELSEWHERE, administrator=True),
                   Caller(2, ELSEWHERE, role_ids=(ADMIN_ROLE,)), Caller(1, None, administrator=True)):
        assert not commands.is_admin(nobody)
        with pytest.raises(PermissionDenied, match=r"Only the bot's admins|works only in a server"):
            commands.prepare_add(nobody, "newbie", archive)
        with pytest.raises(PermissionDenied):
            commands.prepare_remove(nobody, "other_guy")
    # Outside a server (a DM, a user-installed context) not even an owner changes personas.
    with pytest.raises(PermissionDenied, match="works only in a server"):
        commands.prepare_remove(Caller(ADMIN_USER, None), "other_guy")
    assert "other_guy" in commands.registry.names()


async def test_admin_guild_ids_replace_guild_ids_and_owners_are_learnt(models: Path, tmp_path: Path) -> None:
    cfg_path = write_config(tmp_path, paths={"models_dir": models},
                            discord={"guild_ids": [GUILD], "admin_guild_ids": [ELSEWHERE]})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        assert cmds.is_admin(Caller(1, ELSEWHERE, administrator=True))
        assert not cmds.is_admin(Caller(1, GUILD, administrator=True))
        assert not cmds.is_admin(Caller(9, GUILD))
        cmds.owner_ids.add(9)  # what the Discord front end does with the application's owner
        assert cmds.is_admin(Caller(9, GUILD))


async def test_with_global_commands_only_owners_change_personas(models: Path, tmp_path: Path) -> None:
    cfg_path = write_config(tmp_path, paths={"models_dir": models}, discord={"admin_user_ids": [ADMIN_USER]})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        assert not cmds.is_admin(Caller(1, GUILD, administrator=True))
        assert cmds.is_admin(Caller(ADMIN_USER, GUILD))


async def test_cooldown_is_per_user_and_only_for_accepted_requests(commands: Commands) -> None:
    with pytest.raises(InvalidRequest):
        commands.prepare_imitate(Caller(10), "marlowe_bakes", count=9)  # refused: no cooldown started
    req = commands.prepare_imitate(Caller(10), "marlowe_bakes", "Bread")
    with pytest.raises(Cooldown) as exc:
        commands.prepare_imitate(Caller(10), "other_guy")
    assert 29 < exc.value.retry_after <= 30 and str(exc.value).startswith("Slow down: try again in")
    commands.prepare_imitate(Caller(11), "other_guy")  # another user is not held back
    reply = await commands.imitate(req)
    assert reply.card is not None and reply.card.handle == "@marlowe_bakes"
    assert reply.card.display_name == "Marlowe Quill" and reply.card.label == "🤖 AI Bot"
    assert reply.card.name == "Marlowe Quill (AI)" and reply.card.persona == "marlowe_bakes"
    assert reply.text.startswith("**Marlowe Quill (AI)** @marlowe\\_bakes · 🤖 AI Bot\n> Bread")
    assert reply.card.texts[0].startswith("Bread") and not reply.ephemeral
    assert count(commands, "imitate", "ok") == 1


async def test_unknown_persona_suggests(commands: Commands) -> None:
    with pytest.raises(UnknownPersona) as exc:
        commands.prepare_imitate(Caller(12), "marlowe")
    assert exc.value.suggestions[0] == "marlowe_bakes"
    reply = commands.error_reply("imitate", exc.value)
    assert reply.ephemeral and "Did you mean marlowe_bakes" in reply.text
    assert count(commands, "imitate", "unknown_persona") == 1


def test_internal_errors_stay_in_the_log(commands: Commands, caplog: pytest.LogCaptureFixture) -> None:
    reply = commands.error_reply("imitate", RuntimeError("secret path /home/x"))
    assert reply.ephemeral and "secret" not in reply.text
    assert "secret path" in caplog.text


def test_card_fits_discord() -> None:
    meta = load_meta()
    reply = tweet_card("marlowe_bakes", meta, ["word " * 400] * 5, " (AI)")
    assert len(reply.text) <= DISCORD_LIMIT
    assert reply.text.startswith("**Marlowe Quill (AI)** @marlowe\\_bakes · 🤖 AI Bot\n> word")
    assert reply.text.count("\n> ") == 5 and all(t.endswith("…") for t in reply.card.texts)


def test_a_card_of_several_tweets_never_cuts_inside_an_escape() -> None:
    # Each tweet gets a share of the 2,000 characters; a cut between a backslash and the bracket it
    # escapes would leave the backslash escaping the ellipsis, and Continue answering a stray one.
    for lead in ("", "x"):
        reply = tweet_card("marlowe_bakes", load_meta(), [discord_tweet(lead + "[" * 3000)] * 5, " (AI)")
        assert len(reply.text) <= DISCORD_LIMIT
        assert all(t.endswith("\\[…") for t in reply.card.texts), reply.card.texts[0][-6:]


def load_meta():
    from training.checkpoint import DataTable, Handle, Metrics, PersonaMeta
    return PersonaMeta(name="marlowe_bakes", base_model="tiny",
                       handles=[Handle(handle="marlowe_bakes", display_name="Marlowe Quill",
                                       data=DataTable(downloaded=9, retweets=1, short=1, kept=7))],
                       metrics=Metrics(val_loss_before=5, val_loss_after=4, val_ppl_before=148.4,
                                       val_ppl_after=54.6))


async def test_list_info_autocomplete_help(commands: Commands) -> None:
    listing = commands.persona_list(OWNER).text
    # 30 personas, 20 a page: copy_00..copy_19 first (sorted), then the rest on page 2.
    assert listing.startswith("**30 personas** (page 1 of 2)\n• `copy_00`: Marlowe Quill (@marlowe\\_bakes)")
    assert listing.endswith("• `copy_19`: Marlowe Quill (@marlowe\\_bakes)\n"
                            "Next page: `/persona list page:2`")
    last = commands.persona_list(OWNER, 2).text
    assert last.startswith("**30 personas** (page 2 of 2)\n• `copy_20`")
    assert last.endswith("• `marlowe_bakes`: Marlowe Quill (@marlowe\\_bakes)\n• `other_guy`: Other Guy "
                         "(@other\\_guy)")  # the last page says nothing of a next one
    with pytest.raises(InvalidRequest, match=r"There is no page 3: the list has 2 pages"):
        commands.persona_list(OWNER, 3)
    info = (await commands.persona_info("other_guy", OWNER)).text
    for expected in ("**Other Guy** @other\\_guy", "Tweets downloaded  10", "Retweets           1",
                     "Tweets kept        8",
                     # What to expect of the offline model, said where users look.
                     "Base model: `tiny`, a small model trained from scratch on this account alone: it "
                     "picks up words and topics, but writes loosely joined phrases", " · trained ",
                     "Validation perplexity on the person's held-out tweets: base 1096.6 → persona 1096.6 "
                     "(loss 7.000 → 7.000)"):
        assert expected in info
    assert len(commands.autocomplete("", OWNER)) == 25
    assert commands.autocomplete("OTHER", OWNER) == ["other_guy"]
    assert commands.autocomplete("y_1", OWNER)[:2] == ["copy_10", "copy_11"]
    text = commands.help().text
    assert "/imitate persona [prompt] [count] [temperature] [seed]" in text and "0.0 MB" in text
    assert "`/persona list [page]`: the personas this bot serves, 20 a page." in text


async def test_one_page_needs_no_page_numbers(tmp_path: Path) -> None:
    make_checkpoint(tmp_path / "models", "solo", "Solo Act")
    cfg_path = write_config(tmp_path)
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        assert cmds.persona_list(OWNER).text == "**1 persona**\n• `solo`: Solo Act (@solo)"
        with pytest.raises(InvalidRequest, match=r"There is no page 2: the list has 1 page "):
            cmds.persona_list(OWNER, 2)
        shutil.rmtree(tmp_path / "models" / "solo")
        await cmds.pool.refresh()
        # the pages follow the rescan
        assert cmds.persona_list(OWNER).text.startswith("No personas here yet.")


LORA_PERSONA = {
    "format_version": 1, "name": "lora_fan", "base_model": "gpt2", "kind": "lora",
    "base": {"name": "gpt2", "source": "hub", "fingerprint": "sha256:" + "ab" * 32},
    "lora": {"rank": 16, "alpha": 32.0, "targets": ["c_attn", "c_proj", "c_fc"], "dropout": 0.05,
             "peft_version": "0.17.0"},
    "handles": [{"handle": "lora_fan", "display_name": "Lora Fan",
                 "data": {"downloaded": 120, "retweets": 20, "short": 10, "kept": 90}}],
    "metrics": {"val_loss_before": 4.25, "val_loss_after": 3.5, "val_ppl_before": 70.11,
                "val_ppl_after": 33.12},
    "created_at": "2026-01-02T03:04:05Z",
}


def test_info_of_a_lora_persona_names_its_adapter_and_base(tmp_path: Path) -> None:
    """A persona.json written by hand with the LoRA fields, read as the bot reads it."""
    from bot.personas import PersonaRegistry

    folder = tmp_path / "models" / "lora_fan"
    folder.mkdir(parents=True)
    (folder / "persona.json").write_text(json.dumps(LORA_PERSONA), encoding="utf-8")
    registry = PersonaRegistry(tmp_path / "models")
    assert registry.scan().added == ["lora_fan"]
    info = persona_info_text(registry.get("lora_fan").meta)
    assert "\nLoRA adapter (rank 16) on base `gpt2` · trained 2026-01-02 03:04 UTC\n" in info
    assert "Base model" not in info
    assert info.endswith("Validation perplexity on the person's held-out tweets: base 70.1 → persona 33.1 "
                         "(loss 4.250 → 3.500)\nA persona of a public account (its handle), added by the "
                         "bot's operator; usable in every server.")
    # A base of models/.bases, with a name that must not end the code span early.
    odd = dict(LORA_PERSONA, base={"name": "tweets`base", "source": "models",
                                   "fingerprint": "sha256:" + "0" * 64})
    (folder / "persona.json").write_text(json.dumps(odd), encoding="utf-8")
    registry = PersonaRegistry(tmp_path / "models")
    registry.scan()
    info = persona_info_text(registry.get("lora_fan").meta)
    assert "LoRA adapter (rank 16) on base `tweetsbase` · trained" in info


async def test_add_refuses_before_downloading(commands: Commands) -> None:
    admin = OWNER
    with pytest.raises(InvalidRequest, match=r"too large: 0\.0 MB, at most 0\.0 MB"):
        commands.prepare_add(admin, "newbie", Archive("tweets.js", 1001, url="http://x/never"))
    with pytest.raises(InvalidRequest, match="Unknown archive format"):
        commands.prepare_add(admin, "newbie", Archive("tweets.exe", 10, url="http://x/never"))
    with pytest.raises(InvalidRequest, match="not a valid persona name"):
        commands.prepare_add(admin, "", Archive("tweets.js", 10, url="http://x/never"))


async def test_remove_goes_through_a_dot_folder(commands: Commands, tmp_path: Path) -> None:
    models = commands.settings.models_dir
    shutil.copytree(models / "other_guy", models / "doomed", copy_function=os.link)
    await commands.pool.refresh()
    reply = await commands.persona_remove(commands.prepare_remove(OWNER, "doomed"))
    assert reply.text.startswith("🗑️ Removed `doomed`")
    assert not (models / "doomed").exists() and not list(models.glob(".removing-*"))
    with pytest.raises(UnknownPersona):
        commands.prepare_imitate(Caller(13), "doomed")


@pytest_asyncio.fixture
async def file_server():
    """Serves /ok (20 bytes), /liar (claims nothing, streams 5000 bytes), /cut (promises 5000 bytes,
    drops the connection after 100), /missing (404)."""
    async def ok(_r: web.Request) -> web.Response:
        return web.Response(body=b"[" + b" " * 18 + b"]")

    async def liar(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse()
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        for _ in range(50):
            await resp.write(b"x" * 100)
        await resp.write_eof()
        return resp

    async def cut(request: web.Request) -> web.StreamResponse:
        resp = web.StreamResponse(headers={"Content-Length": "5000"})
        await resp.prepare(request)
        await resp.write(b"x" * 100)
        request.transport.close()  # the connection drops mid-body
        return resp

    app = web.Application()
    app.router.add_get("/ok", ok)
    app.router.add_get("/cut", cut)
    app.router.add_get("/liar", liar)
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    yield f"http://127.0.0.1:{runner.addresses[0][1]}"
    await runner.cleanup()


async def test_download_is_bounded_and_atomic(file_server: str, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    got = await download(f"{file_server}/ok", "../../etc/tweets.js", folder, 1000)
    assert got.name == "tweets.js" and got.parent.parent == folder and got.read_bytes().startswith(b"[")
    assert [p.name for p in got.parent.iterdir()] == ["tweets.js"]  # no temporary file left
    with pytest.raises(InvalidRequest, match="too large: more than"):
        await download(f"{file_server}/liar", "tweets.js", folder, 1000)
    with pytest.raises(InvalidRequest, match="HTTP 404"):
        await download(f"{file_server}/missing", "tweets.js", folder, 1000)
    assert list(folder.iterdir()) == [got.parent]  # failed downloads leave nothing behind


async def test_busy_pool_is_a_short_ephemeral_reply(models: Path, tmp_path: Path) -> None:
    cfg_path = write_config(tmp_path, paths={"models_dir": models},
                            pool={"max_queue": 2, "batch_window_ms": 200})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        reqs = [cmds.prepare_imitate(Caller(100 + i), "marlowe_bakes") for i in range(8)]
        outcomes = await asyncio.gather(*(cmds.imitate(r) for r in reqs), return_exceptions=True)
        busy = [o for o in outcomes if isinstance(o, PoolBusy)]
        assert busy and len(busy) < 8
        reply = cmds.error_reply("imitate", busy[0])
        assert reply.ephemeral and reply.text == "⚠️ The bot is busy right now, try again in a few seconds."
        assert count(cmds, "imitate", "busy") == 1


async def test_second_add_says_its_queue_position(commands: Commands, tmp_path: Path, monkeypatch) -> None:
    """Two /persona add at once: the second waits its turn and says so (training stood in for by the
    fake CLI of helpers/fake_training.py, since only the queueing is under test here)."""
    import sys

    from helpers.fake_training import FAKE_TRAINING

    from bot.training_jobs import TrainingJobs

    script = tmp_path / "fake_training.py"
    script.write_text(FAKE_TRAINING)
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log.txt"))
    commands.jobs = TrainingJobs(commands.settings.models_dir, command=(sys.executable, str(script)))
    data = tmp_path / "tweets.txt"
    data.write_text("some tweets\n")
    admin = OWNER

    async def replies(name: str) -> list[str]:
        req = commands.prepare_add(admin, name, Archive(data.name, data.stat().st_size, path=data))
        return [r.text async for r in commands.persona_add(req)]

    first, second = await asyncio.gather(replies("ok_first"), replies("ok_second"))
    # Either may reach the queue first (each checks its file on a thread before queueing).
    openings = {first[0].split("`: ")[1], second[0].split("`: ")[1]}
    assert openings == {"starting…", "queued at position 2 (1 training ahead)."}
    assert first[-1].startswith("✅ Added `ok_first`") and second[-1].startswith("✅ Added `ok_second`")
    await commands.jobs.close()


async def test_failed_download_leaves_no_partial_file(file_server: str, tmp_path: Path) -> None:
    folder = tmp_path / "downloads"
    with pytest.raises(InvalidRequest, match=r"Could not download the archive: \w+\."):
        await download(f"{file_server}/cut", "tweets.js", folder, 10_000)
    assert list(folder.iterdir()) == []
    with pytest.raises(InvalidRequest, match="Could not download the archive: ClientConnectorError"):
        await download("http://127.0.0.1:9/closed", "tweets.js", folder, 10_000)
    assert list(folder.iterdir()) == []


async def test_download_rename_is_made_durable(
    file_server: str, tmp_path: Path, dir_fsyncs: list[int]
) -> None:
    await download(f"{file_server}/ok", "tweets.js", tmp_path / "downloads", 1000)
    assert dir_fsyncs  # the folder holding the renamed file was fsynced


async def test_add_answers_whatever_fails(commands: Commands, tmp_path: Path,
                                          caplog: pytest.LogCaptureFixture) -> None:
    """Not a BotError (here the download folder cannot be made): still one reply, the error logged."""
    blocker = tmp_path / "a_file"
    blocker.write_text("not a folder")
    commands.settings.state_dir = blocker
    req = commands.prepare_add(OWNER, "newbie", Archive("tweets.js", 10, url="http://127.0.0.1:9/x"))
    replies = [r async for r in commands.persona_add(req)]
    assert len(replies) == 1 and replies[0].ephemeral
    assert replies[0].text == "⚠️ Something went wrong on our side; the error has been logged."
    assert "NotADirectoryError" in caplog.text and "Traceback" in caplog.text
    assert count(commands, "persona add", "internal") == 1
    assert "newbie" not in commands.registry.names()


def test_base_option_is_checked(commands: Commands) -> None:
    """Only `[training] allowed_bases` (default: the configured base, here tiny, and tiny): a hub id
    would make the trainer download any model."""
    archive = Archive("tweets.js", 10, url="http://127.0.0.1:9/x")
    assert commands.prepare_add(OWNER, "newbie", archive, "tiny").base == "tiny"
    assert commands.prepare_add(OWNER, "newbie", archive, " ").base is None
    for base in ("gpt2 --epochs 99", "gpt2", "EleutherAI/gpt-neox-20b", "/etc"):
        with pytest.raises(InvalidRequest, match="is not a base model this bot trains from: choose tiny "):
            commands.prepare_add(OWNER, "newbie", archive, base)
    commands.settings.bases_allowed = ["tiny", "gpt2"]
    assert commands.prepare_add(OWNER, "newbie", archive, "gpt2").base == "gpt2"


def test_info_table_has_trainings_rows() -> None:
    from training.checkpoint import DataTable, Handle

    meta = load_meta()
    tables = [DataTable(downloaded=9, retweets=1, short=1, filters={"replies": 3, "duplicates": 2}, kept=2),
              DataTable(downloaded=5, retweets=0, short=1, filters={"replies": 1, "duplicates": 0}, kept=3)]
    meta = meta.model_copy(update={"handles": [Handle(handle=h, display_name=h, data=t)
                                               for h, t in zip(("a_b", "c_d"), tables, strict=True)]})
    table = persona_info_text(meta).split("```\n")[1].split("\n```")[0].splitlines()
    assert table[0].split() == ["Data", "@a_b", "@c_d"]
    assert [line.rsplit(maxsplit=2)[0] for line in table[1:]] == [label for label, _ in tables[0].rows()]
    assert [line.split()[-2:] for line in table[1:]] == [
        [str(a), str(b)] for (_, a), (_, b) in zip(tables[0].rows(), tables[1].rows(), strict=True)]


async def test_display_names_cannot_ping_or_format(tmp_path: Path) -> None:
    """A display name comes from an uploaded manifest: shown with mentions and Markdown defused."""
    loud = "@everyone **x** <@123>\n# big"
    make_checkpoint(tmp_path / "models", "loud_one", loud)
    cfg_path = write_config(tmp_path, discord={"admin_user_ids": [ADMIN_USER]})
    shown = "@\u200beveryone \\*\\*x\\*\\* <\u200b@123> # big"
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        assert f"• `loud_one`: {shown} (@loud\\_one)" in cmds.persona_list(OWNER).text
        assert (await cmds.persona_info("loud_one", OWNER)).text.startswith(f"**{shown}** @loud\\_one")
        card = await cmds.imitate(cmds.prepare_imitate(Caller(1), "loud_one", "hi"))
        assert card.text.startswith(f"**{shown} (AI)** @loud\\_one · 🤖 AI Bot\n> hi")
        removed = await cmds.persona_remove(cmds.prepare_remove(OWNER, "loud_one"))
        assert shown in removed.text
        for reply in (cmds.persona_list(OWNER), card, removed):
            assert "@everyone" not in reply.text and "**x**" not in reply.text


def fake_jobs(commands: Commands, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **bounds: int):
    """The training queue over helpers/fake_training.py ("hang" runs until stopped, "ok…" succeed)."""
    import sys

    from helpers.fake_training import FAKE_TRAINING

    from bot.training_jobs import TrainingJobs

    script = tmp_path / "fake_training.py"
    script.write_text(FAKE_TRAINING)
    monkeypatch.setenv("FAKE_LOG", str(tmp_path / "log.txt"))
    command = (sys.executable, str(script))
    commands.jobs = TrainingJobs(commands.settings.models_dir, command=command, **bounds)
    return commands.jobs


async def test_the_training_queue_is_bounded_per_server_and_in_all(
    commands: Commands, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bot.errors import TrainingQueueFull

    jobs = fake_jobs(commands, tmp_path, monkeypatch, max_jobs=2, max_jobs_per_guild=1)
    archive = Archive("tweets.js", 10, url="http://127.0.0.1:9/never")
    jobs.submit("hang", tmp_path / "x.txt", guild_id=GUILD)
    with pytest.raises(TrainingQueueFull, match="This server already has 1 training"):
        commands.prepare_add(OWNER, "newbie", archive)  # refused before anything is downloaded
    jobs.submit("hang2", tmp_path / "x.txt", guild_id=ELSEWHERE)
    with pytest.raises(TrainingQueueFull, match=r"The training queue is full \(2 queued or running\)"):
        commands.prepare_add(Caller(ADMIN_USER, 557), "newbie", archive)
    reply = commands.error_reply("persona add", TrainingQueueFull("full"))
    assert reply.ephemeral and count(commands, "persona add", "queue_full") == 1
    await jobs.close()


async def test_a_handler_that_goes_away_leaves_the_queued_training_its_download(
    commands: Commands, file_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The Discord handler dies (its iteration of persona_add ends) while its training waits in the
    queue: the download stays until that training has run, then goes."""
    jobs = fake_jobs(commands, tmp_path, monkeypatch)
    commands.settings.state_dir = tmp_path / "state"
    jobs.submit("hang", tmp_path / "x.txt")  # runs until stopped: the next one waits
    req = commands.prepare_add(OWNER, "ok_later", Archive("tweets.js", 20, url=f"{file_server}/ok"))
    replies = commands.persona_add(req)
    first = await anext(replies)
    assert first.progress and "queued at position 2" in first.text
    await replies.aclose()  # the handler is gone
    downloads = tmp_path / "state" / "downloads"
    (folder,) = downloads.iterdir()
    assert [p.name for p in folder.iterdir()] == ["tweets.js"]  # still there for the queued training
    assert jobs.busy_with("ok_later")
    await jobs.close()  # the queued training ends (cancelled): its download goes with it
    assert list(downloads.iterdir()) == []


async def test_an_archive_refused_after_download_is_deleted(
    commands: Commands, file_server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    commands.settings.state_dir = tmp_path / "state"
    req = commands.prepare_add(OWNER, "newbie", Archive("archive.zip", 20, url=f"{file_server}/ok"))
    replies = [r async for r in commands.persona_add(req)]
    assert [r.text for r in replies] == ["⚠️ 'archive.zip' is not a valid zip archive."]
    assert list((tmp_path / "state" / "downloads").iterdir()) == []


async def test_avatar_and_delete_need_the_right_person(commands: Commands) -> None:
    """/persona avatar: admins, in a server, a persona not in training, a picture of at most 8 MB
    (refused before anything is downloaded). Delete: whoever asked, or an admin."""
    image = Archive("a.png", 100, url="http://127.0.0.1:9/never-fetched")
    with pytest.raises(PermissionDenied):
        commands.prepare_avatar(Caller(5, GUILD), "marlowe_bakes", image)
    with pytest.raises(PermissionDenied, match="only in a server"):
        commands.prepare_avatar(Caller(ADMIN_USER), "marlowe_bakes", image)
    with pytest.raises(InvalidRequest, match=r"The picture is too large: 9\.0 MB, at most 8\.0 MB"):
        commands.prepare_avatar(OWNER, "marlowe_bakes", Archive("a.png", 9_000_000, url=image.url))
    with pytest.raises(UnknownPersona):
        commands.prepare_avatar(OWNER, "nobody", image)
    assert commands.prepare_avatar(OWNER, "marlowe_bakes", image).name == "marlowe_bakes"

    record = PersonaMessage(message_id=1, persona="marlowe_bakes", invoker_id=7, channel_id=2, prompt="Bread",
                            text="Bread is life", created_at=0, style="webhook", guild_id=GUILD)
    commands.check_delete(Caller(7, GUILD), record)  # whoever asked
    commands.check_delete(OWNER, record)  # an admin
    with pytest.raises(PermissionDenied, match="Only whoever asked for this message, or an admin"):
        commands.check_delete(Caller(8, GUILD, administrator=False), record)
    asked = commands.who_asked(record)
    assert asked.ephemeral and asked.mention == 7
    assert asked.text.startswith("asked for it with `/imitate marlowe_bakes Bread`, <t:0:R>")


async def test_the_engine_returns_plain_tweets_and_the_command_layer_shapes_them(commands: Commands) -> None:
    prompt = "@everyone see [x](http://a.b) \\o/"
    plain = await commands.pool.generate("marlowe_bakes", prompt, max_new_tokens=4)
    assert plain[0].startswith(prompt)  # the engine knows nothing of Discord
    reply = await commands.imitate(commands.prepare_imitate(Caller(20), "marlowe_bakes", prompt))
    shaped = "@\u200beveryone see \\[x\\](http://a.b) \\\\o/"
    assert discord_tweet(prompt) == shaped and reply.card.texts[0].startswith(shaped)


def test_continue_and_reply_answer_the_words_not_their_escapes(commands: Commands) -> None:
    # A posted tweet has its brackets and backslashes escaped (no masked link); the persona answers
    # what Discord shows.
    shown = "see [a] and \\ too"
    posted = discord_tweet(shown)
    assert posted != shown
    record = PersonaMessage(1, "marlowe_bakes", 7, 8, "", posted, 0.0, "embed", GUILD)
    assert commands.prepare_continue(Caller(9, GUILD), record).context == shown
    assert commands.prepare_reply(Caller(10, GUILD), "marlowe_bakes", posted, 1).context == shown


async def test_info_says_whether_the_copy_guard_is_on(tmp_path: Path) -> None:
    from training.copyguard import write_ngram_hashes

    make_checkpoint(tmp_path / "models", "old_one")
    new = make_checkpoint(tmp_path / "models", "new_one", seed=1)
    write_ngram_hashes(new, ["one two three four five six seven eight nine"])
    cfg_path = write_config(tmp_path)
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        old = (await cmds.persona_info("old_one", OWNER)).text
        assert "\nCopy guard: off (trained before it existed)." in old
        assert "\nCopy guard: on (8+ words in a row)." in (await cmds.persona_info("new_one", OWNER)).text
    cfg_path = write_config(tmp_path, generation={"max_copied_words": 0})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        assert "Copy guard: off ([generation] max_copied_words = 0)." in (
            await cmds.persona_info("new_one", OWNER)).text


async def test_list_sorts_by_voice_and_info_shows_the_report(tmp_path: Path) -> None:
    from training.checkpoint import VoiceReport, read_persona, write_json

    models = tmp_path / "models"
    for name, figure in (("aa_low", 0.3), ("bb_none", None), ("cc_high", 0.9)):
        folder = make_checkpoint(models, name)
        if figure is not None:
            meta = read_persona(folder)
            meta.voice = VoiceReport(tweets=100, seed=42, held_out=20, base="b", voice=figure, ceiling=0.95,
                                     floor=0.1, copied_8gram=0.01, copied_exact=0.0)
            write_json(folder / "persona.json", meta.model_dump_json(indent=2))
    cfg_path = write_config(tmp_path, paths={"models_dir": models})
    async with open_commands(load_config(cfg_path), cfg_path) as cmds:
        by_name = cmds.persona_list(OWNER).text.splitlines()[1:]
        assert [line.split("`")[1] for line in by_name] == ["aa_low", "bb_none", "cc_high"]
        by_voice = cmds.persona_list(OWNER, sort="voice").text.splitlines()[1:]
        assert by_voice == ["• `cc_high`: Cc\\_High (@cc\\_high) · sounds like them in 9.0 of 10",
                            "• `aa_low`: Aa\\_Low (@aa\\_low) · sounds like them in 3.0 of 10",
                            "• `bb_none`: Bb\\_None (@bb\\_none)"]
        with pytest.raises(InvalidRequest, match="sort must be one of: name, voice"):
            cmds.persona_list(OWNER, sort="loudness")
        info = (await cmds.persona_info("cc_high", OWNER)).text
        assert "\nSounds like them in 9 of 10 tweets (real tweets: 9.5 of 10; the base: 1 of 10)" in info
        assert "\nVoice: not measured" in (await cmds.persona_info("bb_none", OWNER)).text
