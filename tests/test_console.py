"""The console front end: `python -m bot console` scripted through a pipe, and its line parsing."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from checkpoints import make_checkpoint
from conftest import write_config

from bot.commands import open_commands
from bot.config import load_config
from bot.console import LineReader, console, greeting_names, split_options
from bot.errors import InvalidRequest

ROOT = Path(__file__).resolve().parent.parent


def run_script(folder: Path, script: str, cfg: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", "console", "--config", str(cfg)], input=script, cwd=folder,
        capture_output=True, text=True, timeout=300, check=False,
    )


def test_first_run_trains_the_sample_then_answers_every_line(tmp_path: Path) -> None:
    """The README's main command on a fresh clone: no persona yet, so the sample is trained first."""
    cfg = write_config(tmp_path, discord={"max_attachment_bytes": 100_000})
    big = tmp_path / "big.js"
    big.write_text("x" * 100_001)
    script = "\n".join([
        "/help",
        "/persona list",
        "/imitate marlowe_bakes My dream is count=2 seed=7",
        "/imitate marlowe_bakes My dream is count=2 seed=7",
        "/imitate marlow hello",
        "/imitate marlowe_bakes " + "x" * 301,
        "/imitate marlowe_bakes count=6",
        "/imitate marlowe_bakes temperature=2.5",
        "/imitate marlowe_bakes temperature=hot",
        f"/persona add big_one {big}",
        f"/persona add odd_one {ROOT / 'pyproject.toml'}",
        f"/persona add not-a-handle! {big}",
        "/nonsense",
        "/persona info marlowe_bakes",
    ]) + "\n"
    result = run_script(tmp_path, script, cfg)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    assert "No persona in" in result.stderr  # ensure_sample_persona said what it was doing
    assert "`/persona add name archive [base] [author]` (admin)" in out
    assert "• `marlowe_bakes`: Marlowe" in out
    found = cards(out)
    assert len(found) == 2 and found[0][1] == found[1][1]  # same seed, same tweets
    header, texts = found[0]
    assert header.startswith("#1 **Marlowe") and header.endswith(" (AI)** @marlowe\\_bakes · 🤖 AI Bot")
    assert found[1][0].startswith("#2 **Marlowe")  # numbered, for /another N and /continue N
    assert len(texts) == 2 and all(t.startswith("> My dream is") for t in texts)
    for expected in [
        "No persona named 'marlow'. Did you mean marlowe_bakes?",
        "The prompt is too long: 301 characters, at most 300.",
        "count must be between 1 and 5 (got 6).",
        "temperature must be between 0.1 and 2.0 (got 2.5).",
        "temperature must be a number (got 'hot').",
        "The archive is too large: 0.1 MB, at most 0.1 MB.",
        "Unknown archive format 'pyproject.toml'",
        "'not-a-handle!' is not a valid persona name",
        "Unknown command '/nonsense'.",
    ]:
        assert f"(only you can see this) ⚠️ {expected}" in out
    assert "Tweets kept" in out  # the last line still ran after all the bad ones
    # The sample archive's profile picture, kept by training, shown with each card and by info.
    pictures = list((tmp_path / "models" / "marlowe_bakes").glob("avatar-*.png"))
    assert len(pictures) == 1 and out.count(f"picture: {pictures[0]}") == 3
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["marlowe_bakes"]


def cards(out: str) -> list[tuple[str, list[str]]]:
    """The tweet cards printed: (header line, the quoted texts)."""
    lines = out.splitlines()
    found = []
    for i, line in enumerate(lines):
        if line.endswith("· 🤖 AI Bot"):
            texts = []
            for following in lines[i + 1:]:
                if not following.startswith("> ") and following:
                    break
                if following:
                    texts.append(following)
            found.append((line, texts))
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_checkpoint(tmp_path / "models", "marlowe_bakes", "Marlowe Quill")
    return tmp_path


async def run_lines(folder: Path, lines: list[str], training: dict | None = None, **discord: object) -> str:
    cfg_path = write_config(folder, discord=discord, training=training or {})
    out = io.StringIO()
    reader = LineReader(interactive=False, stream=io.StringIO("\n".join(lines) + "\n"))
    await console(load_config(cfg_path), cfg_path, reader, out)
    return out.getvalue()


async def test_bad_archives_write_nothing(folder: Path) -> None:
    (folder / "fake.zip").write_bytes(b"not a zip")
    (folder / "binary.js").write_bytes(b"\x00\x01\x02\xff" * 10)
    (folder / "empty.txt").write_text("  \n")
    out = await run_lines(folder, [
        f"/persona add alpha {folder / 'fake.zip'}",
        f"/persona add beta {folder / 'binary.js'}",
        f"/persona add gamma {folder / 'empty.txt'}",
        f"/persona add delta {folder / 'missing.js'}",
        "/persona add",
    ])
    assert "'fake.zip' is not a valid zip archive." in out
    assert "'binary.js' is not a text file" in out
    assert "'empty.txt' is empty." in out
    assert f"No such file or folder: {folder / 'missing.js'}" in out
    assert "Usage: /persona add NAME PATH" in out
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]


async def test_failed_training_reports_the_training_error(folder: Path) -> None:
    """Too little text: the real training CLI refuses with one line; existing personas untouched."""
    (folder / "few.txt").write_text("just one short tweet here\nand another one there\n")
    before = sorted((folder / "models" / "marlowe_bakes").iterdir())
    out = await run_lines(folder, [f"/persona add few_tweets {folder / 'few.txt'}", "/persona list"])
    assert "❌ Training `few_tweets` failed: " in out
    failure = out.split("❌ Training `few_tweets` failed: ")[1].splitlines()[0]
    assert failure and "exit code" not in failure  # the CLI's own one-line reason
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]
    assert sorted((folder / "models" / "marlowe_bakes").iterdir()) == before
    assert "**1 persona**" in out


async def test_list_pages_are_asked_for_with_page_option(folder: Path) -> None:
    models = folder / "models"
    for i in range(24):  # 25 personas: two pages
        shutil.copytree(models / "marlowe_bakes", models / f"copy_{i:02d}", copy_function=os.link)
    out = await run_lines(folder, ["/persona list", "/persona list page=2", "/persona list page=3",
                                   "/persona list 2", "/persona list page=two"])
    assert "Personas: copy_00, copy_01, copy_02, copy_03, copy_04, copy_05, copy_06, copy_07, copy_08, " \
           "copy_09 and 15 more (/persona list)." in out
    first = out.split("**25 personas** (page 1 of 2)\n")[1]
    assert first.startswith("• `copy_00`: Marlowe Quill (@marlowe\\_bakes)\n")
    assert "• `copy_19`: Marlowe Quill (@marlowe\\_bakes)\nNext page: `/persona list page=2`\n" in first
    second = out.split("**25 personas** (page 2 of 2)\n")[1]
    assert second.startswith("• `copy_20`") and "• `marlowe_bakes`: Marlowe Quill" in second
    for refusal in ("There is no page 3: the list has 2 pages (`/persona list page=1` is the first).",
                    "Usage: /persona list [page=N]", "page must be a whole number (got 'two')."):
        assert f"(only you can see this) ⚠️ {refusal}\n" in out


def test_greeting_names_a_few_personas() -> None:
    assert greeting_names([]) == "none yet"
    assert greeting_names(["a", "b"]) == "a, b"
    names = [f"p{i:04d}" for i in range(1000)]
    assert greeting_names(names) == ", ".join(names[:10]) + " and 990 more (/persona list)"


async def test_remove_then_unknown(folder: Path) -> None:
    make_checkpoint(folder / "models", "other_guy", seed=1)
    lines = ["/persona remove other_guy", "/imitate other_guy hi", "/persona remove nobody"]
    out = await run_lines(folder, lines)
    assert "🗑️ Removed `other_guy`" in out
    assert "No persona named 'other\\_guy'." in out and "No persona named 'nobody'." in out
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]


async def test_no_cooldown_in_the_console(folder: Path) -> None:
    """The console is one local user at the machine: never held back (Discord users are: test_commands)."""
    out = await run_lines(folder, ["/imitate marlowe_bakes a", "/imitate marlowe_bakes b"], cooldown_s=60)
    assert len(cards(out)) == 2 and "Slow down" not in out


async def test_add_passes_the_base_to_the_training(folder: Path) -> None:
    """`base=` reaches the real training CLI, which names it in its one-line refusal; a base outside
    `[training] allowed_bases` is refused at once."""
    (folder / "t.txt").write_text("a tweet long enough to count\n" * 50)
    out = await run_lines(folder, [f"/persona add based {folder / 't.txt'} base=./no/such/base",
                                   f"/persona add based2 {folder / 't.txt'} base=gpt2;rm",
                                   f"/persona add based3 {folder / 't.txt'} base=gpt2"],
                          training={"allowed_bases": ["tiny", "./no/such/base"]})
    assert "❌ Training `based` failed: --base ./no/such/base: no such folder" in out
    assert "⚠️ 'gpt2;rm' is not a base model this bot trains from: choose tiny or ./no/such/base" in out
    assert "⚠️ 'gpt2' is not a base model this bot trains from" in out
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]


def test_history_is_written_atomically(tmp_path: Path) -> None:
    import readline

    history = tmp_path / "state" / "console_history"
    history.parent.mkdir()
    history.write_text("/help\n")
    before = history.stat().st_ino
    readline.clear_history()
    readline.add_history("/imitate marlowe_bakes hello")
    LineReader(interactive=True, history=history).close()
    assert "/imitate marlowe_bakes hello" in history.read_text()
    assert history.stat().st_ino != before  # a new file renamed into place, not the old one rewritten
    assert [p.name for p in history.parent.iterdir()] == ["console_history"]  # no temporary file left


async def test_history_is_saved_when_the_console_fails(folder: Path) -> None:
    class Failing(LineReader):
        closed = False

        async def next(self) -> str | None:
            raise KeyboardInterrupt  # what Ctrl-C raises where the console waits for a line

        def close(self) -> None:
            self.closed = True

    reader = Failing(interactive=False, stream=io.StringIO())
    with pytest.raises(KeyboardInterrupt):
        await console(load_config(write_config(folder)), None, reader, io.StringIO())
    assert reader.closed


def test_split_options() -> None:
    assert split_options(["marlowe_bakes", "My", "dream", "is", "count=3", "temperature=0.8", "seed=7"]) == (
        {"count": 3, "temperature": 0.8, "seed": 7}, ["marlowe_bakes", "My", "dream", "is"])
    assert split_options(["a", "x=1", "b"]) == ({}, ["a", "x=1", "b"])  # not an option: part of the prompt
    with pytest.raises(InvalidRequest, match="count must be a whole number"):
        split_options(["count=2.5"])
    # Another command's options: only those named count.
    assert split_options(["page=2", "count=3"], ints=("page",), floats=()) == ({"page": 2}, ["count=3"])


async def test_open_commands_cleans_interrupted_removals_and_downloads(folder: Path) -> None:
    leftover = folder / "models" / ".removing-old-1234abcd"
    leftover.mkdir()
    (leftover / "model.safetensors").write_bytes(b"x")
    download = folder / "state" / "downloads" / "0123456789ab"
    download.mkdir(parents=True)
    (download / ".part-tweets.js").write_bytes(b"half a download")
    async with open_commands(load_config(write_config(folder))) as commands:
        assert commands.registry.names() == ["marlowe_bakes"]
        assert list((folder / "state" / "downloads").iterdir()) == []
    assert not leftover.exists()


async def test_max_new_tokens_beyond_the_context_still_answers(folder: Path) -> None:
    """[generation] max_new_tokens 300 on a tiny persona (context 256) used to fail every request."""
    cfg_path = write_config(folder, generation={"max_new_tokens": 300, "max_new_tokens_limit": 400})
    out = io.StringIO()
    lines = "/imitate marlowe_bakes count=3 My dream is\n/imitate marlowe_bakes seed=3\n"
    reader = LineReader(interactive=False, stream=io.StringIO(lines))
    await console(load_config(cfg_path), cfg_path, reader, out)
    text = out.getvalue()
    assert text.count("**Marlowe Quill (AI)** @marlowe\\_bakes · 🤖 AI Bot") == 2 and "⚠️" not in text
    assert text.count("\n> My dream is") == 3


async def test_another_and_continue_follow_up_numbered_tweets(folder: Path) -> None:
    """The buttons' console twins: /another repeats a tweet's persona and prompt, /continue makes the
    persona answer its own tweet (the tweet as context, not shown again)."""
    out = await run_lines(folder, [
        "/another",  # nothing to follow up yet
        "/imitate marlowe_bakes My dream is seed=1",
        "/imitate marlowe_bakes Bread",
        "/another 1",
        "/continue",
        "/continue #1",
        "/another 9",
        "/continue one",
    ])
    found = cards(out)
    headers = [h.split(" ", 1)[0] for h, _ in found]
    assert headers == ["#1", "#2", "#3", "#4", "#5"]
    assert found[2][1][0].startswith("> My dream is")  # another of #1: the same prompt
    assert "#4 (answering #3) **Marlowe Quill (AI)**" in out and "#5 (answering #1)" in out
    assert found[3][1][0] != found[2][1][0]  # the tweet answered is context, not repeated
    for refusal in ("No tweet yet: /imitate one first.", "There is no tweet #9 (1-5).",
                    "Usage: /continue [N]"):
        assert f"(only you can see this) ⚠️ {refusal}" in out


def png(path: Path, color: str = "red", size: tuple[int, int] = (32, 32)) -> Path:
    from PIL import Image

    Image.new("RGB", size, color).save(path, "PNG")
    return path


async def test_persona_avatar_replaces_the_picture_and_info_shows_it(folder: Path) -> None:
    """/persona avatar: checked by content, swapped in with persona.json; a refused file changes nothing."""
    persona = folder / "models" / "marlowe_bakes"
    (folder / "notes.png").write_text("not a picture at all")
    (folder / "huge.png").write_bytes(b"\0" * 8_000_001)
    before = {p.name: p.read_bytes() for p in persona.iterdir()}
    out = await run_lines(folder, [
        "/persona info marlowe_bakes",
        f"/persona avatar marlowe_bakes {folder / 'notes.png'}",
        f"/persona avatar marlowe_bakes {folder / 'huge.png'}",
        f"/persona avatar marlowe_bakes {folder / 'missing.png'}",
        f"/persona avatar nobody {png(folder / 'red.png')}",
        "/persona avatar marlowe_bakes",
    ])
    assert "No profile picture." in out
    for refusal in ("That picture cannot be used: not an image (PNG, JPEG, GIF or WebP).",
                    "The picture is too large: 8.0 MB, at most 8.0 MB.",
                    f"No such file: {folder / 'missing.png'}", "No persona named 'nobody'.",
                    "Usage: /persona avatar NAME PATH"):
        assert f"(only you can see this) ⚠️ {refusal}" in out, refusal
    assert {p.name: p.read_bytes() for p in persona.iterdir()} == before  # nothing changed

    out = await run_lines(folder, [f"/persona avatar marlowe_bakes {png(folder / 'blue.png', 'blue')}",
                                   "/persona info marlowe_bakes", "/imitate marlowe_bakes Bread"])
    meta = json.loads((persona / "persona.json").read_text())
    stored = persona / meta["avatar"]["file"]
    assert stored.read_bytes() == (folder / "blue.png").read_bytes() and meta["avatar"]["source"] == "admin"
    assert "🖼️ New picture for `marlowe_bakes` (Marlowe Quill) (32x32)." in out
    assert out.count(f"picture: {stored}") == 3  # the reply, /persona info, the tweet card
