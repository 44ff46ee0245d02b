"""A thousand personas in `models/`: the registry scans them once and rescans cheaply, autocomplete
ranks the best 25, `/persona list` pages through all of them within Discord's limit.

Behaviour only; the timings are printed by `scripts/measure_registry.py`."""

from __future__ import annotations

import json
import os
import re
import shutil
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint
from helpers.config import write_config

import bot.personas
from bot.commands import Caller
from bot.config import load_config
from bot.errors import InvalidRequest
from bot.output import DISCORD_LIMIT, outbound
from bot.personas import PersonaRegistry
from bot.replies import LIST_PAGE_SIZE, list_page_text, list_pages
from bot.wiring import open_commands

COUNT = 1000
FIRST = ["marlowe", "ada", "grace", "linus", "elon", "taylor", "serena", "yoko", "pierre", "ngozi"]
WORDS = ["bakes", "codes", "runs", "sings", "paints", "writes", "cooks", "trades", "hikes", "films"]
# A display name from before training normalised them: long, with links, Markdown and mentions.
LEGACY_NAME = "[Nitro](https://e.x) **bold** @everyone <@&74> https://example.com/a_long_path " * 40
BLENDS = [f"b{i}a-b{i}b-b{i}c-b{i}d-b{i}e-b{i}f" for i in range(6)]  # six handles, six long names each
LISTED = re.compile(r"^• `([^`]+)`: ", re.MULTILINE)

ANYONE = Caller(7, guild_id=1)  # personas of every server: seen in any


def write_persona(models: Path, template: dict, name: str, displays: dict[str, str]) -> None:
    """A copy of a real persona.json under another name, one handle per entry of `displays`."""
    meta = dict(template, name=name)
    meta["handles"] = [dict(template["handles"][0], handle=h, display_name=d) for h, d in displays.items()]
    (models / name).mkdir()
    (models / name / "persona.json").write_text(json.dumps(meta), encoding="utf-8")


@pytest.fixture(scope="module")
def many(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`models/` with 1,000 personas (persona.json only: all the registry and the list read)."""
    source = make_checkpoint(tmp_path_factory.mktemp("template"), "template")
    template = json.loads((source / "persona.json").read_text(encoding="utf-8"))
    models = tmp_path_factory.mktemp("many") / "models"
    models.mkdir()
    personas = {"marlowe_bakes": {"marlowe_bakes": "Marlowe Quill"},
                "realDonaldTrump": {"realDonaldTrump": "Donald J. Trump"}}
    personas |= {f"{f}_{w}": {f"{f}_{w}": f"{f.title()} {w.title()}"} for f in FIRST for w in WORDS
                 if f"{f}_{w}" not in personas}
    personas |= {f"legacy_{i:02d}": {f"legacy_{i:02d}": LEGACY_NAME} for i in range(12)}
    personas |= {name: {h: LEGACY_NAME for h in name.split("-")} for name in BLENDS}
    i = 0
    while len(personas) < COUNT:
        personas[f"user_{i:04d}"] = {f"user_{i:04d}": f"User {i}"}
        i += 1
    for name, displays in personas.items():
        write_persona(models, template, name, displays)
    return models


@pytest.fixture
def own_copy(many: Path, tmp_path: Path) -> Path:
    return Path(shutil.copytree(many, tmp_path / "models"))


async def test_the_bot_starts_over_1000_personas_and_pages_through_them(many: Path, tmp_path: Path) -> None:
    cfg_path = write_config(tmp_path, paths={"models_dir": many})
    async with open_commands(load_config(cfg_path), cfg_path) as commands:
        names = commands.registry.names()
        assert len(names) == COUNT
        first = commands.persona_list(ANYONE)
        assert first.text.startswith(f"**{COUNT} personas** (page 1 of ")
        total = int(re.match(r"\*\*\d+ personas\*\* \(page 1 of (\d+)\)", first.text).group(1))
        assert COUNT / LIST_PAGE_SIZE <= total < COUNT / LIST_PAGE_SIZE + 10
        assert first.text.endswith("\nNext page: `/persona list page:2`")
        assert commands.persona_list(ANYONE, usage="/persona list page={page}").text.endswith(
            "\nNext page: `/persona list page=2`")  # the console's way of asking

        listed: list[str] = []
        texts: list[str] = []
        short_pages = 0
        for page in range(1, total + 1):
            reply = commands.persona_list(ANYONE, page)
            text = reply.text
            # Within Discord's limit as sent: outbound has nothing left to clip or change.
            assert len(text) <= DISCORD_LIMIT and outbound(text) == text and not reply.ephemeral
            assert text.startswith(f"**{COUNT} personas** (page {page} of {total})\n")
            on_page = LISTED.findall(text)
            assert 1 <= len(on_page) <= LIST_PAGE_SIZE
            short_pages += page < total and len(on_page) < LIST_PAGE_SIZE
            assert ("Next page" in text) == (page < total)
            listed += on_page
            texts.append(text)
        assert listed == names  # every persona exactly once, in order, none cut off
        assert short_pages  # the blends' long lines made some pages end early instead of passing 2,000
        assert any("\n• `user_0000`: User 0 (@user\\_0000)\n" in t for t in texts)  # each line as before

        for past in (total + 1, 0, -3):
            with pytest.raises(InvalidRequest, match=f"There is no page {past}: the list has {total} pages"):
                commands.persona_list(ANYONE, past)
        error = commands.error_reply("persona list", InvalidRequest("x"))
        assert error.ephemeral

        choices = commands.autocomplete("", ANYONE)
        assert choices == names[:25]
        assert len(commands.autocomplete("u", ANYONE)) == 25
        assert commands.autocomplete("Marlowe Quill", ANYONE)[0] == "marlowe_bakes"  # its display name
        assert commands.autocomplete("trump", ANYONE) == ["realDonaldTrump"]
        assert "Marlowe Quill" in (await commands.persona_info("marlowe_bakes", ANYONE)).text


def test_list_pages_end_early_rather_than_pass_the_limit() -> None:
    """Lines of any length: each page fits, no line is lost, a line alone too long for a page is clipped."""
    class Entry:
        def __init__(self, name: str, display: str) -> None:
            from training.checkpoint import DataTable, Handle, Metrics, PersonaMeta
            self.name = name
            self.meta = PersonaMeta(
                name=name, base_model="tiny",
                handles=[Handle(handle=h, display_name=display, data=DataTable(downloaded=1, retweets=0,
                                                                               short=0, kept=1))
                         for h in name.split("-")],
                metrics=Metrics(val_loss_before=1, val_loss_after=1, val_ppl_before=1, val_ppl_after=1))

    huge = "-".join(f"h{i:02d}" for i in range(25))  # a 99-character blend of 25 handles
    entries = [Entry(f"p{i:03d}", "https://x.y/" + "_" * 45) for i in range(60)] + [Entry(huge, "*" * 50)]
    pages = list_pages(entries, per_page=20)
    assert [LISTED.findall(line)[0] for page in pages for line in page] == [e.name for e in entries]
    for number in range(1, len(pages) + 1):
        text = list_page_text(len(entries), pages, number, "/persona list page:{page}")
        assert len(text) <= DISCORD_LIMIT and outbound(text) == text
    assert len(pages[-1]) == 1 and pages[-1][0].endswith("…")  # alone, and still too long: clipped
    assert max(len(p) for p in pages) < 20  # escaped underscores: fewer than 20 such lines fit a page


def test_autocomplete_ranks_the_best_25(many: Path) -> None:
    reg = PersonaRegistry(many)
    reg.scan()
    assert reg.complete("") == reg.names()[:25]
    assert reg.complete("user_0") == [f"user_{i:04d}" for i in range(25)]  # prefix, alphabetical
    bakes = reg.complete("bakes")  # a word of ten names (after '_'), then close ones ("hikes")
    assert bakes[:10] == sorted(f"{f}_bakes" for f in FIRST) and "ada_hikes" in bakes[10:]
    assert reg.complete("Marlowe Quill")[0] == "marlowe_bakes"
    assert reg.complete("marlowe_bakse")[0] == "marlowe_bakes"  # a typo
    assert reg.complete("donald")[0] == "realDonaldTrump"
    assert reg.complete("b3c") == [BLENDS[3]]  # a handle inside a blend
    assert reg.complete("zzqx") == []


def count_reads(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    read: list[Path] = []
    real = bot.personas.read_persona

    def spy(folder: Path):
        read.append(folder)
        return real(folder)

    monkeypatch.setattr(bot.personas, "read_persona", spy)
    return read


def test_a_rescan_reads_only_what_changed(own_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    models = own_copy
    reads = count_reads(monkeypatch)
    reg = PersonaRegistry(models)
    assert len(reg.scan().added) == COUNT and len(reads) == COUNT
    entries = reg.entries()
    reads.clear()
    assert not reg.scan()
    assert reads == [] and reg.entries() is entries  # nothing re-read, nothing rebuilt

    template = json.loads((models / "ada_bakes" / "persona.json").read_text(encoding="utf-8"))
    write_persona(models, template, "newcomer", {"newcomer": "Fresh Face"})
    result = reg.scan()
    assert (result.added, result.changed, result.removed) == (["newcomer"], [], [])
    assert reads == [models / "newcomer"] and reg.complete("fresh face") == ["newcomer"]
    assert all(reg.get(e.name) is e for e in entries)  # the other 1,000 kept as they were

    reads.clear()
    os.rename(models / "grace_runs", models / ".removing-grace_runs")
    result = reg.scan()
    assert (result.added, result.changed, result.removed) == ([], [], ["grace_runs"])
    assert reads == [] and reg.get("grace_runs") is None and "grace_runs" not in reg.complete("grace")

    meta_file = models / "linus_codes" / "persona.json"
    meta = json.loads(meta_file.read_text(encoding="utf-8"))
    meta["handles"][0]["display_name"] = "Penguin Person"
    meta_file.write_text(json.dumps(meta), encoding="utf-8")
    st = meta_file.stat()
    os.utime(meta_file, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))  # coarse clocks: a new mtime
    result = reg.scan()
    assert (result.added, result.changed, result.removed) == ([], ["linus_codes"], [])
    assert reads == [models / "linus_codes"]
    assert reg.complete("penguin") == ["linus_codes"]  # its match keys follow the new display name
    assert len(reg.names()) == COUNT
