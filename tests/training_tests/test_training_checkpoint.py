"""The persona folder's atomic write and the clean-up of what a kill leaves behind."""

import json
import os
import subprocess
import sys

import pytest
from helpers.checkpoints import make_checkpoint

from training.atomic import atomic_persona_dir
from training.checkpoint import (
    FORMAT_VERSION,
    PERSONA_FILE,
    list_persona_dirs,
    read_persona,
    recover_interrupted,
)
from training.names import MAX_DISPLAY_NAME, is_valid_persona_name, normalise_display_name


def dead_pid() -> int:
    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_temp_folder_lives_inside_models_and_carries_the_writer_pid(tmp_path):
    with atomic_persona_dir(tmp_path, "alpha") as tmp:
        assert tmp.parent == tmp_path
        assert tmp.name.startswith(f".tmp-alpha-{os.getpid()}-")
        (tmp / "persona.json").write_text("{}")
    assert (tmp_path / "alpha" / "persona.json").read_text() == "{}"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alpha"]


def test_exception_inside_leaves_models_dir_as_it_was(tmp_path):
    old = make_checkpoint(tmp_path, "alpha")
    before = read_persona(old)
    with pytest.raises(RuntimeError), atomic_persona_dir(tmp_path, "alpha") as tmp:
        (tmp / "persona.json").write_text("half")
        raise RuntimeError("crash mid-write")
    assert read_persona(old) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["alpha"]


def test_recover_removes_dead_writers_folders_but_not_a_running_training(tmp_path):
    running = tmp_path / f".tmp-beta-{os.getpid()}-0123abcd"
    crashed = tmp_path / f".tmp-beta-{dead_pid()}-89abcdef"
    legacy = tmp_path / ".tmp-gamma-1234"
    for folder in (running, crashed, legacy):
        folder.mkdir()
    make_checkpoint(tmp_path, "alpha")
    recover_interrupted(tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([running.name, "alpha"])
    assert [p.name for p in list_persona_dirs(tmp_path)] == ["alpha"]


def test_recover_puts_back_an_old_persona_set_aside_mid_swap(tmp_path):
    make_checkpoint(tmp_path, "alpha")
    os.rename(tmp_path / "alpha", tmp_path / ".old-alpha")  # killed between the fallback's two renames
    recover_interrupted(tmp_path)
    assert [p.name for p in list_persona_dirs(tmp_path)] == ["alpha"]
    assert not (tmp_path / ".old-alpha").exists()
    assert read_persona(tmp_path / "alpha").name == "alpha"


def test_persona_names_are_handles_joined_by_dashes_at_most_100_characters():
    assert is_valid_persona_name("marlowe_bakes") and is_valid_persona_name("a-b_2-C")
    for bad in ("", "a" * 16, "a--b", "-a", "a-", "a b", "a.b", "../a"):
        assert not is_valid_persona_name(bad), bad
    blend = "-".join(["abcdefghijklmno"] * 6) + "-abc"  # 15 * 6 + 6 + 3 = 99 characters
    assert len(blend) == 99 and is_valid_persona_name(blend)
    assert is_valid_persona_name(blend + "d")  # 100: Discord's limit on a choice name
    assert not is_valid_persona_name(blend + "de")


def test_a_persona_json_of_a_newer_format_is_refused(tmp_path):
    folder = make_checkpoint(tmp_path, "alpha")
    data = json.loads((folder / PERSONA_FILE).read_text())
    assert data["format_version"] == FORMAT_VERSION
    data["format_version"] = FORMAT_VERSION + 1
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    newer = f"^format_version: persona.json format_version {FORMAT_VERSION + 1} is newer than this code"
    with pytest.raises(ValueError, match=newer) as info:
        read_persona(folder)
    assert "\n" not in str(info.value)  # the registry logs it as one line


def test_an_invalid_persona_json_is_one_line_naming_the_field(tmp_path):
    folder = make_checkpoint(tmp_path, "alpha")
    data = json.loads((folder / PERSONA_FILE).read_text())
    del data["metrics"]["val_loss_after"]
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    with pytest.raises(ValueError, match=r"^metrics\.val_loss_after: Field required$"):
        read_persona(folder)


def test_test_personas_are_written_as_training_writes_them(tmp_path):
    folder = make_checkpoint(tmp_path, "alpha", display_name="Alpha Person")
    assert "# 🤖 AI BOT: Alpha Person" in (folder / "README.md").read_text()  # the model card
    assert len({p.stat().st_mode & 0o777 for p in folder.iterdir()}) == 1  # the weights as readable
    assert read_persona(folder).handles[0].display_name == "Alpha Person"


@pytest.mark.parametrize(("text", "expected"), [
    ("Marlowe Quill", "Marlowe Quill"),
    ("  Marlowe\n\r\tQuill\u2028\u2029 ", "Marlowe Quill"),  # line breaks and separators: spaces
    ("Mar\x00lowe\x1b[2J\x7f\x85", "Mar lowe [2J"),  # C0, DEL and C1 controls
    ("\u202eevil\u202c \u2066x\u2069\u202a\u202b\u202d\u2067\u2068", "evil x"),  # bidi controls
    ("\u202e \n\u2069", ""),
    ("\U0001f469\u200d\U0001f373 bakes", "\U0001f469\u200d\U0001f373 bakes"),  # a joined emoji is kept
    ("a" * 3000, "a" * MAX_DISPLAY_NAME),
    ("a" * 49 + " " + "b" * 10, "a" * 49),  # no trailing space after the clip
    # A clip never splits a combined character, an emoji with its modifier, a ZWJ sequence or a flag.
    ("a" * 49 + "e\u0301" + "b", "a" * 49),
    ("a" * 49 + "\U0001f44d\U0001f3fd", "a" * 49),
    ("a" * 48 + "\U0001f469\u200d\U0001f373", "a" * 48),
    ("a" * 49 + "\U0001f1eb\U0001f1f7", "a" * 49),
    ("a" * 48 + "\U0001f1eb\U0001f1f7\U0001f1e9\U0001f1ea", "a" * 48 + "\U0001f1eb\U0001f1f7"),
])
def test_display_names_are_normalised_for_one_line_of_at_most_50_characters(text, expected):
    assert normalise_display_name(text) == expected
    assert normalise_display_name(expected) == expected  # idempotent: safe to apply again on reading


def test_recover_is_safe_when_another_process_recovered_first(tmp_path, monkeypatch):
    make_checkpoint(tmp_path, "alpha")
    os.rename(tmp_path / "alpha", tmp_path / ".old-alpha")
    real_rename = os.rename

    def raced(src, dst):  # the bot's recovery and a command-line training's, at the same moment
        real_rename(src, dst)
        raise FileNotFoundError(src)

    monkeypatch.setattr(os, "rename", raced)
    recover_interrupted(tmp_path)
    assert [p.name for p in list_persona_dirs(tmp_path)] == ["alpha"]
