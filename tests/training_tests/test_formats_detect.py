"""Every format through the one door: `read_source` tells exports apart by content, the CLI reports
the same keys for all of them, a Discord chat needs its author, and the bot takes the new files.

The readers themselves are tested in test_formats_mastodon/bluesky/discord_chat.py."""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import tarfile
import zipfile
from pathlib import Path

import pytest
from helpers.paths import SHARED_DATA
from helpers.training_cli import SAMPLE, run, snapshot

from bot.archives import check_archive_content
from bot.errors import InvalidRequest
from bot.training_jobs import TrainingJob, TrainingJobs
from training.ingest import read_source
from training.records import DataError

MASTODON = SHARED_DATA / "mastodon-hikurry"
BLUESKY = SHARED_DATA / "bluesky-dnproto" / "msttest-06-reply.car"
LIMIT = 200_000_000
TABLE_KEYS = {"downloaded", "retweets", "short", "kept"}


def discord_export(authors: dict[str, int], bot_messages: int = 2) -> dict:
    """A DiscordChatExporter channel export: `authors` name → how many messages (ids from the names)."""
    def author(name: str, is_bot: bool = False) -> dict:
        return {"id": str(abs(hash(name)) % 10**17 + 10**17), "name": name, "discriminator": "0000",
                "nickname": name.title(), "color": None, "isBot": is_bot, "roles": [], "avatarUrl": ""}
    messages = [{"id": str(1000 + i), "type": "Default", "timestamp": "2026-01-01T00:00:00+00:00",
                 "content": f"message number {i} from {name} about bread and ovens", "author": author(name),
                 "attachments": [], "embeds": [], "reactions": [], "mentions": []}
                for name, count in authors.items() for i in range(count)]
    messages += [{"id": str(9000 + i), "type": "Default", "timestamp": "2026-01-01T00:00:00+00:00",
                  "content": "beep boop i am a bot", "author": author("helperbot", True)}
                 for i in range(bot_messages)]
    return {"guild": {"id": "1", "name": "Bakers", "iconUrl": ""},
            "channel": {"id": "2", "type": "GuildTextChat", "name": "general"}, "messages": messages,
            "messageCount": len(messages)}


@pytest.fixture
def exports(tmp_path: Path) -> dict[str, Path]:
    """The same exports under names that do not give them away: only their content can."""
    for needed in (MASTODON, BLUESKY):
        if not needed.exists():
            pytest.fail(f"{needed} is missing: the shared data must sit beside the clone")
    made = {"mastodon_folder": MASTODON}
    zipped = tmp_path / "archive-2026.download"
    with zipfile.ZipFile(zipped, "w") as zf:
        for name in ("outbox.json", "actor.json", "avatar.jpeg"):
            zf.write(MASTODON / name, f"archive/{name}")
    made["mastodon_zip"] = zipped
    tarred = tmp_path / "archive.tar.gz"
    with tarfile.open(tarred, "w:gz") as tf:
        for name in ("outbox.json", "actor.json"):
            tf.add(MASTODON / name, name)
    made["mastodon_tar"] = tarred
    made["outbox_renamed"] = shutil.copy(MASTODON / "outbox.json", tmp_path / "posts.json")
    made["car_renamed"] = shutil.copy(BLUESKY, tmp_path / "repo.bin")
    made["discord"] = tmp_path / "general.json"
    made["discord"].write_text(json.dumps(discord_export({"alice": 3})))
    return made


@pytest.mark.parametrize(("key", "kind", "records"), [
    ("mastodon_folder", "mastodon", 1476), ("mastodon_zip", "mastodon", 1476),
    ("mastodon_tar", "mastodon", 1476), ("outbox_renamed", "mastodon", 1476),
    ("car_renamed", "bluesky", 2), ("discord", "discord", 3),
])
def test_formats_are_told_apart_by_content(exports: dict[str, Path], key: str, kind: str,
                                           records: int) -> None:
    source = read_source(exports[key], LIMIT)
    assert (source.kind, len(source.records)) == (kind, records)
    assert source.has_visibility is (kind == "mastodon")


def test_x_exports_read_as_before() -> None:
    source = read_source(SAMPLE, LIMIT)
    assert source.kind == "x" and source.handle == "marlowe_bakes" and len(source.records) == 480


def test_an_unknown_file_names_the_formats_read(tmp_path: Path) -> None:
    odd = tmp_path / "export.bin"
    odd.write_bytes(b"\x00\x01binary junk" * 10)
    with pytest.raises(DataError) as exc:
        read_source(odd, LIMIT)
    message = str(exc.value)
    assert "\n" not in message and str(odd) in message
    for named in ("X archive", "Mastodon archive", "Bluesky repository (.car)", "DiscordChatExporter"):
        assert named in message


def test_inspect_reports_the_same_keys_for_every_format(exports: dict[str, Path]) -> None:
    mastodon = run("inspect", "--json", exports["mastodon_zip"])
    assert mastodon.returncode == 0, mastodon.stderr
    counts = {k: v for k, v in json.loads(mastodon.stdout).items() if isinstance(v, int)}
    # The counts for this archive: boosts are retweets, followers-only and direct are private.
    assert counts == {"downloaded": 1476, "retweets": 51, "private": 33, "short": 63, "kept": 1329}
    for key in ("car_renamed", "discord"):
        result = run("inspect", "--json", exports[key])
        assert result.returncode == 0, result.stderr
        data = json.loads(result.stdout)
        assert {k for k, v in data.items() if isinstance(v, int)} == TABLE_KEYS
    x = json.loads(run("inspect", "--json", SAMPLE).stdout)
    assert {k for k, v in x.items() if isinstance(v, int)} == TABLE_KEYS


def test_a_tiny_bluesky_repo_is_counted_then_refused_for_training(tmp_path: Path) -> None:
    models = tmp_path / "models"
    result = run("train", "msttest", "--data", BLUESKY, "--base", "tiny", "--models-dir", models)
    assert result.returncode == 2
    [line] = result.stderr.strip().splitlines()
    assert "only 42 characters of tweets left after cleaning" in line and "min_chars" in line
    assert not models.exists() or snapshot(models) == {}


def test_a_discord_chat_needs_its_author(tmp_path: Path) -> None:
    chat = tmp_path / "general.json"
    chat.write_text(json.dumps(discord_export({"alice": 40, "bob": 3})))
    models = tmp_path / "models"
    refused = run("train", "alice", "--data", chat, "--base", "tiny", "--models-dir", models)
    assert refused.returncode == 2
    [line] = refused.stderr.strip().splitlines()
    assert "several authors" in line and "--author" in line and "alice" in line and "40 messages" in line
    assert "helperbot" not in line  # bots are never authors
    assert not models.exists() or snapshot(models) == {}
    picked = run("inspect", "--json", "--author", "ALICE", chat)
    assert picked.returncode == 0, picked.stderr
    assert json.loads(picked.stdout)["downloaded"] == 40


def test_report_to_needs_its_package(tmp_path: Path) -> None:
    if importlib.util.find_spec("wandb") is not None:
        pytest.skip("wandb is installed here, so there is no missing package to report")
    result = run("train", "marlowe_bakes", "--data", SAMPLE, "--base", "tiny", "--report-to", "wandb",
                 "--models-dir", tmp_path / "models")
    assert result.returncode == 2
    needs = "error: --report-to wandb needs the wandb package: pip install -e '.[wandb]'"
    assert result.stderr.strip() == needs
    assert not (tmp_path / "models").exists() or snapshot(tmp_path / "models") == {}


def test_report_to_reaches_the_trainer(monkeypatch: pytest.MonkeyPatch) -> None:
    """The setting is what the Trainer's TrainingArguments get (its integrations do the rest)."""
    import training.finetune as finetune
    from training.config import TrainingSettings
    from training.events import Reporter

    seen = {}

    class Stop(Exception):
        pass

    def arguments(**kwargs):
        seen.update(kwargs)
        raise Stop

    monkeypatch.setattr(finetune, "TrainingArguments", arguments)
    monkeypatch.delenv("TENSORBOARD_LOGGING_DIR", raising=False)
    with pytest.raises(Stop):
        finetune.train_and_evaluate(None, [], [], epochs=1, learning_rate=1e-3, batch_size=1, seed=1,
                                    settings=TrainingSettings(report_to="tensorboard"), reporter=Reporter())
    assert seen["report_to"] == "tensorboard"
    assert os.environ.pop("TENSORBOARD_LOGGING_DIR").startswith("runs/")  # not the scratch output_dir


def test_the_bot_takes_the_new_files(tmp_path: Path) -> None:
    """/persona add: a .car must be a CAR, a .tar.gz gzip, as a .zip must be a zip; the author goes
    to the training as --author."""
    car = shutil.copy(BLUESKY, tmp_path / "repo.car")
    check_archive_content(Path(car))
    fake = tmp_path / "fake.car"
    fake.write_text("just text")
    with pytest.raises(InvalidRequest, match="not a Bluesky repository"):
        check_archive_content(fake)
    notgz = tmp_path / "archive.tar.gz"
    notgz.write_text("plain")
    with pytest.raises(InvalidRequest, match="not a gzipped tar archive"):
        check_archive_content(notgz)
    jobs = TrainingJobs(tmp_path / "models")
    argv = jobs._argv(TrainingJob("alice", tmp_path / "general.json", author="alice"))
    assert argv[-1] == "--author=alice"
