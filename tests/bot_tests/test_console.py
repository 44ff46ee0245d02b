"""The console front end: `python -m bot console` scripted through a pipe, and its line parsing."""

from __future__ import annotations

import asyncio
import io
import json
import os
import select
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config
from helpers.paths import ROOT

from bot.config import load_config
from bot.console import console, console_text, greeting_names, quote_given_path
from bot.console_input import PROMPT, LineReader, Quoted, split_options, split_words
from bot.errors import InvalidRequest
from bot.output import escape_markdown
from bot.persona_changes import AddRequest, Archive
from bot.replies import Reply
from bot.wiring import open_commands


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
    (tmp_path / "bot").mkdir()  # a folder with no tweets, named like the program
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
        f"/persona add no_tweets {tmp_path / 'bot'}",
        "/persona info marlowe_bakes",
    ]) + "\n"
    result = run_script(tmp_path, script, cfg)
    assert result.returncode == 0, result.stderr[-2000:]
    out = result.stdout
    # Which config and models folder, said before anything else; the folder's creation too.
    assert out.startswith(f"config: {cfg}\nmodels: {tmp_path / 'models'}/\n")
    assert f"Creating the models folder {tmp_path / 'models'}/" in result.stderr
    assert "No persona in" in result.stderr  # ensure_sample_persona said what it was doing
    # A failed training: one line, the path quoted as given; no log lines about it on stderr.
    given = escape_markdown(str(tmp_path / "bot"))
    assert out.count("no tweet files") == 1
    assert f"❌ Training `no_tweets` failed: '{given}': no tweet files" in out
    assert "WARNING" not in result.stderr and "no tweet files" not in result.stderr
    assert "`/persona add name archive [base] [author] [subject]` (admin)" in out
    assert "• `marlowe_bakes`: Marlowe" in out
    found = cards(out)
    assert len(found) == 2 and found[0][1] == found[1][1]  # same seed, same tweets
    header, texts = found[0]
    assert header.startswith("#1 **Marlowe") and header.endswith(" (AI)** @marlowe\\_bakes · 🤖 AI Bot")
    assert found[1][0].startswith("#2 **Marlowe")  # numbered, for /another N and /continue N
    assert len(texts) == 2 and all(t.startswith("│ My dream is") for t in texts)
    assert "\n> " not in out  # nothing printed looks like the old `> ` prompt
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
    """The tweet cards printed: (header line, the texts, marked `│ ` in the console)."""
    lines = out.splitlines()
    found = []
    for i, line in enumerate(lines):
        if line.endswith("· 🤖 AI Bot"):
            texts = []
            for following in lines[i + 1:]:
                if not following.startswith("│ ") and following:
                    break
                if following:
                    texts.append(following)
            found.append((line, texts))
    return found


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    make_checkpoint(tmp_path / "models", "marlowe_bakes", "Marlowe Quill")
    return tmp_path


async def run_lines(folder: Path, lines: list[str], training: dict | None = None,
                    background: bool | None = None, **discord: object) -> str:
    cfg_path = write_config(folder, discord=discord, training=training or {})
    out = io.StringIO()
    reader = LineReader(interactive=False, stream=io.StringIO("\n".join(lines) + "\n"))
    await console(load_config(cfg_path), cfg_path, reader, out, background=background)
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
    lines = ["/persona remove other_guy", "/persona remove other_guy confirm=no", "/imitate other_guy hi",
             "/persona remove other_guy confirm=yes", "/imitate other_guy hi", "/persona remove nobody",
             "/persona remove marlowe_bakes confrim=yes"]
    out = await run_lines(folder, lines)
    ask = ("This deletes `other_guy` and the record of its messages: type "
           "`/persona remove other_guy confirm=yes`")
    assert out.count(ask) == 2  # asked, and asked again for anything but confirm=yes
    assert out.index(ask) < out.index("· 🤖 AI Bot") < out.index("🗑️ Removed `other_guy`")
    assert "Unknown option 'confrim': did you mean confirm?" in out
    assert "No persona named 'other\\_guy'." in out and "No persona named 'nobody'." in out
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]


async def test_forget_and_usage_in_the_console(folder: Path) -> None:
    """The console is the operator: it sees every persona (a server's too), forgets after confirm=yes,
    and sees any persona's usage."""
    make_checkpoint(folder / "models", "member_x", servers=[5], owner=6, subject=7)
    lines = ["/persona list", "/imitate member_x hi", "/persona usage member_x", "/persona forget member_x",
             "/persona forget member_x confirm=yes", "/persona usage member_x", "/persona list",
             "/persona forget-me", "/persona me x.js"]
    out = await run_lines(folder, lines)
    assert "**2 personas**" in out and "**1 persona**" in out
    assert out.count("· 🤖 AI Bot") == 1  # /imitate of a server's persona works in the console
    assert "Nobody has asked `member_x` for anything the record still holds." in out  # the console's own
    assert ("This forgets `member_x` completely (files, picture, message records, a training of it): type "
            "`/persona forget member_x confirm=yes`") in out
    forgot = out.split("🧹 Forgot `member_x`")[1].splitlines()[0]
    assert "files" in forgot and "0 message records" in forgot and "Nothing of it is left." in forgot
    assert "No persona named 'member\\_x'." in out  # usage after the forget
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]
    # What is about a member's own personas and consent is Discord's only.
    assert "Unknown command '/persona forget-me'" in out and "Unknown command '/persona me'" in out


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
    with pytest.raises(InvalidRequest, match="count must be a whole number"):
        split_options(["count=2.5"])
    # A word that looks like an option but names none is a typo, never prompt text.
    with pytest.raises(InvalidRequest, match="Unknown option 'x': /imitate takes count=, temperature=, "):
        split_options(["a", "x=1", "b"])
    with pytest.raises(InvalidRequest, match=r"did you mean temperature\?"):
        split_options(["temprature=0.5"])
    with pytest.raises(InvalidRequest, match=r"did you mean count\?"):
        split_options(["Count=2"])
    # Quoted, it is text; `=` inside a word that does not look like an option stays text too.
    words = [Quoted("x=1 is math"), "1+1=2", "=)", "e2=mc"]
    assert split_options(words) == ({}, ["x=1 is math", "1+1=2", "=)", "e2=mc"])
    # Another command's options: only its own.
    assert split_options(["page=2"], {"page": int}, "persona list") == ({"page": 2}, [])
    with pytest.raises(InvalidRequest, match=r"did you mean page\?"):
        split_options(["pages=3"], {"page": int}, "persona list")
    with pytest.raises(InvalidRequest, match="/another takes no options"):
        split_options(["seed=3"], {}, "another")


def test_split_words_quotes_like_a_shell_but_keeps_apostrophes() -> None:
    assert split_words('/imitate marlowe_bakes "x=1 is math" count=2') == [
        "/imitate", "marlowe_bakes", "x=1 is math", "count=2"]
    assert isinstance(split_words('"x=1"')[0], Quoted)
    assert split_words("/imitate m I don't know, it's l'été") == [
        "/imitate", "m", "I", "don't", "know,", "it's", "l'été"]
    assert split_words("/persona add x chat.json author='Jo Smith'") == [
        "/persona", "add", "x", "chat.json", "author=Jo Smith"]
    # Quotes that group nothing needing it are the tweet's own text, kept as typed.
    for prose in ("the '90s were great", '"hello", she said', "rock 'n' roll", 'He said "hi there" ok',
                  "a 'two words' b", "/imitate m 'tis", '/imitate m "x=1 is math'):
        assert " ".join(split_words(prose)) == prose
    assert split_words('/persona add x f author="Jo') == ["/persona", "add", "x", "f", 'author="Jo']


async def test_option_typos_are_errors_and_quotes_keep_text(folder: Path) -> None:
    """`temprature=0.5` used to become prompt text; now every command's options are checked."""
    (folder / "t.txt").write_text("a tweet long enough to count\n" * 50)
    out = await run_lines(folder, [
        "/imitate marlowe_bakes temprature=0.5 hello",
        "/imitate marlowe_bakes Count=2 hello",
        '/imitate marlowe_bakes "x=1 is math" seed=1',
        "/imitate marlowe_bakes I don't know seed=1",
        '/imitate marlowe_bakes "hello", she said seed=1',
        "/persona list pgae=2",
        f"/persona add typo {folder / 't.txt'} bse=tiny",
        "/another foo=1",
    ])
    for refusal in ("Unknown option 'temprature': did you mean temperature? /imitate takes count=, "
                    "temperature=, seed=.",
                    "Unknown option 'Count': did you mean count?",
                    "Unknown option 'pgae': did you mean page? /persona list takes page=, sort=.",
                    "Unknown option 'bse': did you mean base? /persona add takes base=, author=, subject=.",
                    "Unknown option 'foo': /another takes no options."):
        assert f"(only you can see this) ⚠️ {refusal}" in out, refusal
    texts = [texts[0] for _, texts in cards(out)]
    assert len(texts) == 3
    assert texts[0].startswith("│ x=1 is math") and texts[1].startswith("│ I don't know")
    assert texts[2].startswith('│ "hello", she said')  # a tweet's own quotes stay as typed
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]  # no training


def test_cards_do_not_look_like_typed_lines() -> None:
    """Discord's quote `> ` is the console's `│ `; other replies and the Discord text are unchanged."""
    from bot.replies import Card

    card = Card("p", "P", "@p", ("one", "two"))
    reply = Reply("#1 **P (AI)** @p · 🤖 AI Bot\n> one\n>\n> two", card=card)
    assert console_text(reply) == "#1 **P (AI)** @p · 🤖 AI Bot\n│ one\n│\n│ two"
    assert console_text(Reply("> not a card")) == "> not a card"
    assert not PROMPT.startswith(">") and not PROMPT.startswith("│")


def test_a_failed_trainings_path_is_quoted_as_given(tmp_path: Path) -> None:
    path = tmp_path / "bot"
    req = AddRequest("smithjd", Archive("bot", path=path))
    failed = Reply(f"❌ Training `smithjd` failed: {escape_markdown(str(path))}: no tweet files (data/...)")
    shown = quote_given_path(failed, req, "bot/").text
    assert shown == "❌ Training `smithjd` failed: 'bot/': no tweet files (data/...)"
    already = Reply(f"❌ Training `smithjd` failed: '{path}': no tweet files")
    assert quote_given_path(already, req, "bot/") == already  # a training CLI that quotes it already
    other = Reply("❌ Training `smithjd` failed: --base x: no such folder")
    assert quote_given_path(other, req, "bot/") == other


def small_tweets(path: Path) -> Path:
    words = ["bread", "oven", "crust", "flour", "morning", "river", "starter", "butter", "salt", "market"]
    path.write_text("".join(f"the {words[i % 10]} and the {words[(i * 3) % 10]} were {i} times better today\n"
                            for i in range(120)))
    return path


async def test_training_runs_in_the_background(folder: Path) -> None:
    """The console keeps answering while a persona trains: an /imitate typed after /persona add is
    answered before the training's result; at the end of the input the console waits for it."""
    data = small_tweets(folder / "tweets.txt")
    out = await run_lines(folder, [f"/persona add fresh_one {data} base=tiny", "/imitate marlowe_bakes Bread",
                                   "/persona list"], background=True)  # as at a terminal
    assert "✅ Added `fresh_one`" in out, out[-2000:]
    assert out.index("**Marlowe Quill (AI)**") < out.index("✅ Added `fresh_one`")
    assert out.index("**1 persona**") < out.index("Waiting for the training of `fresh_one`") \
        < out.index("✅ Added `fresh_one`")
    assert "fresh_one" in [p.name for p in (folder / "models").iterdir()]


class Stalling(LineReader):
    """The given lines, then a person who types nothing more."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__(interactive=False, stream=io.StringIO())
        self.lines = list(lines)

    def start(self, loop: asyncio.AbstractEventLoop) -> None:
        pass

    async def next(self) -> str | None:
        if self.lines:
            return self.lines.pop(0)
        await asyncio.Event().wait()
        return None


async def test_piped_lines_run_in_order(folder: Path) -> None:
    """A script that adds a persona and then uses it: piped, the training ends before the next line."""
    data = small_tweets(folder / "tweets.txt")
    out = await run_lines(folder, [f"/persona add fresh_one {data} base=tiny", "/imitate fresh_one the"])
    [(header, _texts)] = cards(out)
    assert "@fresh\\_one" in header and out.index("✅ Added `fresh_one`") < out.index(header)


async def test_ctrl_c_stops_a_training_and_writes_nothing(folder: Path) -> None:
    data = small_tweets(folder / "tweets.txt")
    cfg_path = write_config(folder)
    out = io.StringIO()
    task = asyncio.create_task(console(load_config(cfg_path), cfg_path,
                                       Stalling([f"/persona add fresh_one {data} base=tiny"]), out,
                                       background=True))
    for _ in range(600):  # the training child is running
        if "⏳ Training `fresh_one`: started" in out.getvalue():
            break
        await asyncio.sleep(0.05)
    else:
        pytest.fail(out.getvalue())
    await asyncio.sleep(1.0)
    task.cancel()  # what asyncio.run does with the console on Ctrl-C
    with pytest.raises(asyncio.CancelledError):
        await task
    assert out.getvalue().rstrip().endswith("The training of `fresh_one` was stopped: nothing was written.")
    assert "✅" not in out.getvalue()
    assert sorted(p.name for p in (folder / "models").iterdir()) == ["marlowe_bakes"]


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
    assert text.count("\n│ My dream is") == 3


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
    assert found[2][1][0].startswith("│ My dream is")  # another of #1: the same prompt
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


def test_ctrl_c_at_the_prompt_gives_the_terminal_back(folder: Path) -> None:
    """readline turns echo and line mode off while it waits; Ctrl-C must not leave them off."""
    import pty
    import signal
    import termios

    cfg = write_config(folder)
    main, child = pty.openpty()
    before = termios.tcgetattr(child)
    # A suite started as a background job runs with SIGINT ignored, which children inherit (and then
    # Python installs no KeyboardInterrupt): give the console Ctrl-C as a terminal's foreground job has it.
    proc = subprocess.Popen([sys.executable, "-m", "bot", "console", "--config", str(cfg)], cwd=folder,
                            stdin=child, stdout=child, stderr=child,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    try:
        seen = b""
        deadline = time.monotonic() + 120
        while b"persona-bot> " not in seen and time.monotonic() < deadline:
            ready, _, _ = select.select([main], [], [], 1)
            if ready:
                seen += os.read(main, 65536)
        assert b"persona-bot> " in seen, seen[-500:]
        proc.send_signal(signal.SIGINT)
        assert proc.wait(timeout=30) == 0
        after = termios.tcgetattr(child)
        assert after[3] & termios.ECHO and after[3] & termios.ICANON
        assert after[3] == before[3]
    finally:
        proc.kill()
        os.close(main)
        os.close(child)
