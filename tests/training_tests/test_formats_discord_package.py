"""Reading a Discord data package (zip or folder, JSON or CSV messages, either folder case): server
messages as posts, DMs private and never seen, markup as text, only names and picture from user.json,
and refusing bad input with one line."""

import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from helpers.discord_package import (
    OTHER_SERVER,
    PRIVATE_USER,
    SERVER,
    channel,
    messages_csv,
    messages_json,
    package,
    user,
    write_folder,
    write_zip,
)
from helpers.paths import ROOT
from helpers.training_cli import run, snapshot
from helpers.x_archive import lie_about_size, make_zip
from PIL import Image

from training.clean import clean_records
from training.config import TrainingSettings
from training.formats.discord_package import discord_text, read_package
from training.ingest import read_source
from training.records import DataError

LIMIT = 200_000_000
SERVER_WORDS = ["the first loaf of the morning is always the best", "rye needs a longer proof than wheat"]
THREAD, FORUM = "threads hold the longest talks", "forum posts are mine as well"
SAMPLE_TWEETS = ROOT / "examples" / "marlowe_bakes" / "data" / "tweets.js"
DM_WORDS = ["my secret DM sourdough confession here", "another private whisper about flour"]


def png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (4, 4), "red").save(out, "PNG")
    return out.getvalue()


def mixed(upper: bool = True, csv_files: bool = False, named: bool = False, **kw) -> dict[str, bytes]:
    """A server channel, a thread, a forum post, a DM and a group DM; types numbers or (2025) names."""
    def kind(number: int, name: str) -> int | str:
        return name if named else number

    def data(words: list[str]) -> tuple[bytes, str]:
        return (messages_csv(words), "messages.csv") if csv_files else (messages_json(words), "messages.json")

    return package({
        10: (channel(10, kind(0, "GUILD_TEXT")), *data(SERVER_WORDS)),
        11: (channel(11, kind(11, "PUBLIC_THREAD"), name="a thread"), *data([THREAD])),
        12: (channel(12, kind(15, "GUILD_FORUM"), OTHER_SERVER), *data([FORUM])),
        20: (channel(20, kind(1, "DM"), None, recipients=["1", "2"]), *data(DM_WORDS[:1])),
        21: (channel(21, kind(3, "GROUP_DM"), None, recipients=["1", "2", "3"]), *data(DM_WORDS[1:])),
    }, upper=upper, **kw)


def trained(source) -> list[str]:
    kept, _table = clean_records(source.records, TrainingSettings(), source.has_visibility)
    return kept


@pytest.mark.parametrize("upper", [True, False])
@pytest.mark.parametrize("csv_files", [False, True])
@pytest.mark.parametrize("named", [False, True])
def test_folder_and_zip_every_shape(tmp_path, upper, csv_files, named):
    files = mixed(upper, csv_files, named, avatar=png())
    for path in (write_folder(tmp_path / "pkg", files), write_zip(tmp_path / "pkg.zip", files)):
        source = read_source(path, LIMIT)
        assert source.kind == "discord-package" and source.has_visibility
        assert source.display_name == "Marlowe Quill" and source.handle == "marlowe"
        assert source.avatar == files[("Account" if upper else "account") + "/avatar.png"]
        assert [r.private for r in source.records].count(True) == 2
        assert trained(source) == [*SERVER_WORDS, THREAD, FORUM]
        assert source.servers == [(SERVER["id"], "Bakers Guild", 3), (OTHER_SERVER["id"], "Night Owls", 1)]


def test_package_under_one_top_folder(tmp_path):
    files = {f"package/{k}": v for k, v in mixed().items()}
    for path in (write_folder(tmp_path / "pkg", files), make_zip(tmp_path / "pkg.zip", files)):
        assert len(trained(read_source(path, LIMIT))) == 4


def test_dm_text_never_reaches_a_record(tmp_path):
    source = read_package(write_folder(tmp_path / "pkg", mixed()), LIMIT)
    every = " ".join(r.text for r in source.records)
    assert all(w not in every for w in DM_WORDS)
    _kept, table = clean_records(source.records, TrainingSettings(), True)
    assert table.filters["private"] == 2 and table.downloaded == 6


def leaves(value: object) -> list[str]:
    if isinstance(value, dict):
        return [leaf for v in value.values() for leaf in leaves(v)]
    if isinstance(value, list):
        return [leaf for v in value for leaf in leaves(v)]
    return [str(value)] if isinstance(value, str) else []


def test_user_json_private_fields_never_in_the_source(tmp_path):
    source = read_package(write_folder(tmp_path / "pkg", mixed()), LIMIT)
    seen = repr(vars(source))
    secrets = leaves(PRIVATE_USER)
    assert len(secrets) >= 14
    assert [s for s in secrets if s in seen] == []


def test_global_name_absent_or_null_falls_back_to_username(tmp_path):
    files = mixed()
    files["Account/user.json"] = user("crumb_queen", None)
    assert read_package(write_folder(tmp_path / "a", files), LIMIT).display_name == "crumb_queen"
    files["Account/user.json"] = json.dumps({"id": "1", "username": "crumb_queen"}).encode()
    assert read_package(write_folder(tmp_path / "b", files), LIMIT).display_name == "crumb_queen"


def test_ids_numbers_or_strings_empty_json_and_bare_channel_json(tmp_path):
    files = package({
        1: (channel(1), messages_json(SERVER_WORDS, numeric_ids=True), "messages.json"),
        2: (channel(2), b"", "messages.json"),  # every message deleted: 0 bytes
        3: (json.dumps({"id": 3, "type": 0}).encode(), messages_json(["bare channel files still count"]),
            "messages.json"),
        4: (json.dumps({"id": "4", "type": 1}).encode(), messages_json(DM_WORDS), "messages.json"),
    })
    source = read_package(write_folder(tmp_path / "pkg", files), LIMIT)
    assert trained(source) == [*SERVER_WORDS, "bare channel files still count"]
    assert sum(r.private for r in source.records) == 2


def test_messages_without_text_have_their_own_row(tmp_path):
    files = package({1: (channel(1), messages_json([*SERVER_WORDS, "", None]), "messages.json")})
    source = read_package(write_folder(tmp_path / "pkg", files), LIMIT)
    _kept, table = clean_records(source.records, TrainingSettings(), True)
    assert table.filters["no_text"] == 2 and table.short == 0
    assert ("Messages without text", 2) in table.rows()


@pytest.mark.parametrize(("markup", "text"), [
    ("hey <@123456789012345678> and <@!123456789012345678>", "hey @someone and @someone"),
    ("ping <@&987654321098765432> now", "ping @role now"),
    ("see <#555555555555555555> there", "see #channel there"),
    ("nice <:bread:777777777777777777> and <a:dance:888888888888888888>", "nice :bread: and :dance:"),
    ("due <t:1700000000:R> ok <t:1700000000>", "due  ok"),
    ("the end is ||a twist|| really", "the end is a twist really"),
    ("look\n```py\nprint('code')\n```\nafter", "look\n \nafter"),
    ("> someone else said this\nand I replied", "and I replied"),
    ("mine first\n>>> quoted rest\nof message", "mine first"),
    ("use </bake:999999999999999999> daily", "use /bake daily"),
    ("line one\nline two", "line one\nline two"),
])
def test_markup_as_a_person_reads_it(markup, text):
    assert discord_text(markup) == text


def test_no_ids_survive_markup(tmp_path):
    words = ["<@123456789012345678> the <#555555555555555555> <@&987654321098765432> bread rises"]
    source = read_package(write_folder(tmp_path / "pkg", package({1: (channel(1), messages_json(words),
                                                                      "messages.json")})), LIMIT)
    assert "123456789012345678" not in source.records[0].text


def test_servers_keeps_only_the_chosen(tmp_path):
    path = write_folder(tmp_path / "pkg", mixed())
    source = read_package(path, LIMIT, [OTHER_SERVER["id"]])
    assert trained(source) == [FORUM]
    assert sum(r.private for r in source.records) == 2  # DMs still counted, never trained on
    with pytest.raises(DataError, match=r"no server 42 .*Bakers Guild"):
        read_package(path, LIMIT, ["42"])


def refused_cli(path: Path, match: str, *extra: str) -> None:
    """`python -m training inspect PATH` exits 2 with one line naming the path, writing nothing."""
    before = snapshot(path.parent)
    result = run("inspect", path, *extra, timeout=120)
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and str(path) in lines[0], result.stderr
    assert re.search(match, lines[0]), lines[0]
    assert snapshot(path.parent) == before


def test_bad_packages_through_the_cli(tmp_path):
    dms_only = package({20: (channel(20, 1, None), messages_json(DM_WORDS), "messages.json")})
    for sub in "acd":  # each case in a folder of its own: nothing may be written beside it
        (tmp_path / sub).mkdir()
    refused_cli(write_zip(tmp_path / "a" / "dms.zip", dms_only), r"no messages in any server \(2 in direct")
    bad_index = mixed()
    bad_index["Messages/index.json"] = b"{not json"
    refused_cli(write_folder(tmp_path / "b", bad_index), "index.json'?: not valid JSON")
    big = mixed()
    lie = "Messages/c10/messages.json"
    big[lie] = messages_json(["word " * 50] * 2000)
    path = lie_about_size(write_zip(tmp_path / "c" / "lie.zip", big), lie, 100)
    assert zipfile.ZipFile(path).getinfo(lie).file_size == 100
    refused_cli(path, "over the limit|corrupt|unreadable")
    escape = {**mixed(), "../evil.txt": b"x"}
    refused_cli(write_zip(tmp_path / "d" / "escape.zip", escape), "escapes its folder")


def test_inspect_lists_the_servers(tmp_path):
    path = write_zip(tmp_path / "pkg.zip", mixed(avatar=png()))
    result = run("inspect", path, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "Bakers Guild (222222222222222222): 3 messages" in result.stdout
    assert "Private posts | 2" in result.stdout
    assert all(w not in result.stdout + result.stderr for w in DM_WORDS)
    chosen = run("inspect", path, "--servers", OTHER_SERVER["id"], timeout=120)
    assert chosen.returncode == 0, chosen.stderr
    assert "Tweets kept | 1" in chosen.stdout


def test_servers_option_wants_ids(tmp_path):
    result = run("inspect", tmp_path, "--servers", "abc", timeout=120)
    assert result.returncode == 2 and result.stderr.count("\n") == 1
    assert "--servers: server ids (digits)" in result.stderr


def test_a_persona_trained_from_a_package_holds_nothing_of_its_dms(tmp_path):
    """The whole path, training included: the DMs' words reach no file of the persona folder (not the
    tokenizer trained on the text, the card, persona.json's sample tweets, nor the log)."""
    marker = "zebraquokka"  # frequent in the DMs: a tokenizer that saw them would learn it as a word
    tweets = [r.text for r in read_source(SAMPLE_TWEETS, LIMIT).records if not r.retweet]
    dms = [f"{marker} {marker} private {marker} number {i}" for i in range(300)]
    files = package({1: (channel(1), messages_json(tweets), "messages.json"),
                     2: (channel(2, kind="DM", guild=None, recipients=["1", "2"]), messages_json(dms),
                         "messages.json")})
    pkg = write_zip(tmp_path / "package.zip", files)
    config = tmp_path / "config.toml"
    config.write_text("[training]\neval_tweets = 20\n")
    models = tmp_path / "models"
    result = run("train", "marlowe", "--data", pkg, "--base", "tiny", "--epochs", 1, "--models-dir", models,
                 "--config", config)
    assert result.returncode == 0, result.stderr
    assert marker not in result.stdout + result.stderr
    folder = models / "marlowe"
    meta = json.loads((folder / "persona.json").read_text())
    assert meta["handles"][0]["data"]["filters"]["private"] == len(dms)
    written = [p for p in folder.rglob("*") if p.is_file()]
    assert any(p.name == "tokenizer.json" for p in written)
    for path in written:
        assert marker.encode() not in path.read_bytes(), path
