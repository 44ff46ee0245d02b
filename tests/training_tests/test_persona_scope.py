"""Whose a persona is and where it may be used (issue 22): persona.json's `owner`, `subject` and
`servers`, the `train` flags that set them, a retrain keeping them, and the writers that rewrite
persona.json (eval's voice report, a new picture) keeping them too."""

import io
import json
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint, sample_texts
from helpers.training_cli import SAMPLE, run
from PIL import Image

from training import cli
from training.avatar import set_avatar
from training.card import model_card
from training.checkpoint import CARD_FILE, PERSONA_FILE, PersonaMeta, VoiceReport, read_persona, save_persona
from training.eval import write_voice
from training.runtime import BadInput
from training.tiny import tiny_model, train_tokenizer
from training.train import persona_scope, previous_persona

BIG = 2**64 - 1  # the largest snowflake


def with_fields(folder: Path, **fields: object) -> Path:
    """Add (or, with None, remove) keys of the persona.json in `folder`, as another writer would."""
    data = json.loads((folder / PERSONA_FILE).read_text())
    for key, value in fields.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    return folder


# --- persona.json -------------------------------------------------------------------------------


def test_the_fields_round_trip_through_save_and_read(tmp_path):
    old = read_persona(make_checkpoint(tmp_path / "old", "alpha"))
    meta = PersonaMeta.model_validate({**old.model_dump(), "owner": 3, "subject": BIG, "servers": [2, 1]})
    assert meta.servers == [1, 2] and not meta.usable_everywhere  # stored sorted
    tokenizer = train_tokenizer(sample_texts()[:50], vocab_size=300)
    folder = save_persona(tmp_path / "models", meta, tiny_model(tokenizer), tokenizer, model_card(meta))
    raw = json.loads((folder / PERSONA_FILE).read_text())
    assert (raw["owner"], raw["subject"], raw["servers"]) == (3, BIG, [1, 2])  # JSON integers, exact
    again = read_persona(folder)
    assert again == meta and (again.owner, again.subject, again.servers) == (3, BIG, [1, 2])


def test_an_older_persona_json_without_them_reads_as_the_operators_usable_everywhere(tmp_path):
    folder = make_checkpoint(tmp_path, "alpha")
    data = json.loads((folder / PERSONA_FILE).read_text())
    for key in ("owner", "subject", "servers"):
        data.pop(key)
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    meta = read_persona(folder)
    assert (meta.owner, meta.subject, meta.servers) == (None, None, None)
    assert meta.usable_everywhere and meta.format_version == 1


@pytest.mark.parametrize(("fields", "message"), [
    ({"owner": 0}, r"^owner: 0 is not a Discord id \(a positive integer below 2\*\*64\)$"),
    ({"subject": -5}, r"^subject: -5 is not a Discord id"),
    ({"owner": 2**64}, rf"^owner: {2**64} is not a Discord id"),
    ({"servers": [7, 0]}, r"^servers\.1: 0 is not a Discord id"),
    ({"servers": [5, 3, 5]}, r"^servers: server 5 is listed twice$"),
    ({"servers": []}, r"^servers: the server list is empty"),
    ({"owner": "123"}, r"^owner: Input should be a valid integer$"),  # a JSON number, never a string
    ({"subject": True}, r"^subject: Input should be a valid integer$"),
    ({"servers": 123}, r"^servers: Input should be a valid array$"),
])
def test_bad_ids_are_refused_in_one_line(tmp_path, fields, message):
    folder = with_fields(make_checkpoint(tmp_path, "alpha"), **fields)
    with pytest.raises(ValueError, match=message) as info:
        read_persona(folder)
    assert "\n" not in str(info.value)


# --- the command line ---------------------------------------------------------------------------


def train_args(*extra: str):
    return cli.parse_args(["train", "alpha", "--data", "x", *extra])


def test_train_flags_parse():
    args = train_args("--server", "22", "--server", "11", "--owner", "3", "--subject", str(BIG))
    assert (args.server, args.everywhere, args.owner, args.subject) == ([22, 11], False, 3, BIG)
    args = train_args("--everywhere")
    assert (args.server, args.everywhere, args.owner, args.subject) == (None, True, None, None)
    args = train_args("--servers", "5,6")  # the data package's channels: another flag, untouched
    assert (args.server, args.servers) == (None, ["5", "6"])


@pytest.mark.parametrize(("extra", "message"), [
    (["--server", "1", "--everywhere"], "argument --everywhere: not allowed with argument --server"),
    (["--everywhere", "--server", "1"], "argument --server: not allowed with argument --everywhere"),
    (["--server", "0"], "argument --server: a Discord id (a positive integer below 2**64) wanted, got '0'"),
    (["--server", "-4"], "argument --server: a Discord id"),
    (["--owner", str(2**64)], "argument --owner: a Discord id"),
    (["--subject", "12x"], "argument --subject: a Discord id"),
    (["--server", "1_000"], "argument --server: a Discord id"),
    (["--server", " 1"], "argument --server: a Discord id"),
])
def test_bad_train_flags_are_one_line_exit_2(capsys, extra, message):
    with pytest.raises(SystemExit) as info:
        train_args(*extra)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.startswith(f"error: {message}") and err.count("\n") == 1


# --- a retrain keeps what no flag changes -------------------------------------------------------


def scoped(tmp_path: Path) -> PersonaMeta:
    folder = with_fields(make_checkpoint(tmp_path, "alpha"), owner=3, subject=4, servers=[1, 2])
    return read_persona(folder)


def test_a_new_persona_has_what_the_flags_say_else_none():
    assert persona_scope(None, servers=None, everywhere=False, owner=None, subject=None) == \
        {"owner": None, "subject": None, "servers": None}
    assert persona_scope(None, servers=[9, 8, 9], everywhere=False, owner=3, subject=None) == \
        {"owner": 3, "subject": None, "servers": [8, 9]}


def test_a_retrain_without_flags_keeps_whose_it_is_and_where(tmp_path):
    previous = scoped(tmp_path)
    assert persona_scope(previous, servers=None, everywhere=False, owner=None, subject=None) == \
        {"owner": 3, "subject": 4, "servers": [1, 2]}


def test_a_retrain_with_flags_takes_each_flag_and_keeps_the_rest(tmp_path):
    previous = scoped(tmp_path)
    assert persona_scope(previous, servers=[5], everywhere=False, owner=None, subject=None) == \
        {"owner": 3, "subject": 4, "servers": [5]}
    assert persona_scope(previous, servers=None, everywhere=True, owner=None, subject=None) == \
        {"owner": 3, "subject": 4, "servers": None}
    assert persona_scope(previous, servers=None, everywhere=False, owner=7, subject=8) == \
        {"owner": 7, "subject": 8, "servers": [1, 2]}


def test_the_persona_being_replaced(tmp_path):
    assert previous_persona(tmp_path / "nobody", None, False) is None
    kept = previous_persona(make_checkpoint(tmp_path, "alpha"), None, False)
    assert kept is not None and kept.usable_everywhere
    broken = with_fields(make_checkpoint(tmp_path, "beta"), servers=[])  # unreadable: its scope unknown
    with pytest.raises(BadInput, match=r"^persona 'beta' exists but cannot be read \(servers: .*\): give "
                                       r"--server ID or --everywhere"):
        previous_persona(broken, None, False)
    assert previous_persona(broken, [1], False) is None  # a flag says where: nothing to carry over
    assert previous_persona(broken, None, True) is None


def test_train_refuses_an_unreadable_persona_without_a_scope_before_any_work(tmp_path, capsys):
    models = tmp_path / "models"
    folder = with_fields(make_checkpoint(models, "marlowe_bakes"), format_version=99)
    before = (folder / PERSONA_FILE).read_bytes()
    config = tmp_path / "config.toml"
    config.write_text("[training]\n")
    capsys.readouterr()  # the test persona's own writing bar
    code = cli.main(["train", "marlowe_bakes", "--data", str(SAMPLE), "--base", "tiny",
                     "--models-dir", str(models), "--config", str(config)])
    assert code == 2
    out = capsys.readouterr()
    assert out.err.startswith("error: persona 'marlowe_bakes' exists but cannot be read (format_version: ")
    assert out.err.count("\n") == 1 and "[ingest]" not in out.out  # refused before reading the data
    assert (folder / PERSONA_FILE).read_bytes() == before


def test_train_then_retrain_without_flags_keeps_the_fields(tmp_path):
    models = tmp_path / "models"
    config = tmp_path / "config.toml"
    config.write_text("[training]\nwarn_chars = 100000\neval_tweets = 0\n")
    common = ["--data", SAMPLE, "--base", "tiny", "--models-dir", models, "--epochs", 0.1, "--json",
              "--config", config]
    first = run("train", "marlowe_bakes", *common, "--server", 2, "--server", 1, "--owner", 3, "--subject", 4)
    assert first.returncode == 0, first.stderr
    folder = models / "marlowe_bakes"
    raw = json.loads((folder / PERSONA_FILE).read_text())
    assert (raw["owner"], raw["subject"], raw["servers"]) == (3, 4, [1, 2])
    card = (folder / CARD_FILE).read_text()
    assert "imitates a Discord member (user id 4)" in card and "(server ids 1, 2)" in card
    created = read_persona(folder).created_at

    again = run("train", "marlowe_bakes", *common)
    assert again.returncode == 0, again.stderr
    meta = read_persona(folder)
    assert meta.created_at != created  # a new persona, with the old one's owner, subject and servers
    assert (meta.owner, meta.subject, meta.servers) == (3, 4, [1, 2])


# --- the writers that rewrite persona.json ------------------------------------------------------


def test_a_new_picture_and_a_voice_report_keep_the_fields(tmp_path):
    models = tmp_path / "models"
    folder = with_fields(make_checkpoint(models, "alpha"), owner=3, subject=4, servers=[1, 2])
    picture = io.BytesIO()
    Image.new("RGB", (32, 32), (200, 80, 40)).save(picture, format="PNG")
    meta = set_avatar(folder, picture.getvalue())
    assert (meta.owner, meta.subject, meta.servers) == (3, 4, [1, 2])
    report = VoiceReport(tweets=1, seed=0, held_out=0, copied_8gram=0, copied_exact=0)
    meta = write_voice(folder, read_persona(folder), report, models)
    meta = read_persona(folder)
    assert meta.voice == report and meta.avatar is not None
    assert (meta.owner, meta.subject, meta.servers) == (3, 4, [1, 2])
    assert "(server ids 1, 2)" in (folder / CARD_FILE).read_text()


# --- the model card -----------------------------------------------------------------------------


def test_the_card_says_whose_it_is_and_where_only_when_persona_json_does(tmp_path):
    plain = read_persona(make_checkpoint(tmp_path, "alpha"))
    card = model_card(plain)
    assert "Discord" not in card
    one = model_card(plain.model_copy(update={"subject": 4, "servers": [9]}))
    assert "This persona imitates a Discord member (user id 4), as recorded by whoever trained it." in one
    asked = model_card(plain.model_copy(update={"subject": 4, "owner": 3}))
    assert "This persona imitates a Discord member (user id 4), made with their consent." in asked
    assert "may be used only in the Discord server it was made for (server id 9)." in one
    owned = model_card(plain.model_copy(update={"owner": 3, "servers": [1, 2]}))
    assert "imitates a Discord member" not in owned and "servers it was made for (server ids 1, 2)" in owned
    # The rest of the card is as it was: the lines sit between the first paragraph and the next heading.
    assert one.replace("\nThis persona imitates a Discord member (user id 4), as recorded by whoever trained "
                       "it.\n"
                       "This persona may be used only in the Discord server it was made for (server id 9).\n",
                       "") == card
