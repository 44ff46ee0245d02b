"""The persona folder's atomic write and the clean-up of what a kill leaves behind."""

import json
import os
import subprocess
import sys

import pytest
from checkpoints import make_checkpoint

from training.checkpoint import (
    FORMAT_VERSION,
    PERSONA_FILE,
    atomic_persona_dir,
    is_valid_persona_name,
    list_persona_dirs,
    read_persona,
    recover_interrupted,
)


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
