import logging
import os
import shutil

import pytest
from helpers.checkpoints import make_checkpoint

from bot.personas import PersonaRegistry


@pytest.fixture(scope="module")
def base_models(tmp_path_factory):
    d = tmp_path_factory.mktemp("registry") / "models"
    for name in ("alpha", "alphabet", "beta", "Zebra_alp"):
        make_checkpoint(d, name)
    make_checkpoint(d, "realDonaldTrump", "Donald J. Trump")
    make_checkpoint(d, "marlowe_bakes", "Marlowe Quill")
    make_checkpoint(d, "beatrix", "Alpha Fan")
    return d


@pytest.fixture
def models(base_models, tmp_path):
    d = tmp_path / "models"
    shutil.copytree(base_models, d)
    return d


NAMES = ["alpha", "alphabet", "beatrix", "beta", "marlowe_bakes", "realDonaldTrump", "Zebra_alp"]


def test_scan_lists_personas_sorted_case_insensitively(models):
    reg = PersonaRegistry(models)
    result = reg.scan()
    assert result.added == NAMES
    assert reg.names() == NAMES and [e.name for e in reg.entries()] == NAMES
    entry = reg.get("beta")
    assert entry.path == models / "beta" and entry.meta.name == "beta"
    assert reg.get("nobody") is None


def test_scan_reports_added_changed_removed(models):
    reg = PersonaRegistry(models)
    reg.scan()
    assert not reg.scan()  # nothing changed
    old = reg.get("alpha").version
    make_checkpoint(models, "alpha", seed=3)  # retrained: a new folder swapped in
    shutil.rmtree(models / "beta")
    make_checkpoint(models, "gamma")
    result = reg.scan()
    assert (result.added, result.changed, result.removed) == (["gamma"], ["alpha"], ["beta"])
    assert reg.get("alpha").version != old


def test_scan_ignores_dot_folders_and_invalid_personas(models, caplog):
    shutil.copytree(models / "alpha", models / ".tmp-alpha-1234")
    (models / "broken").mkdir()
    (models / "broken" / "persona.json").write_text("{not json", encoding="utf-8")
    (models / "nojson").mkdir()
    shutil.copytree(models / "beta", models / "bad name")
    with caplog.at_level(logging.WARNING):
        PersonaRegistry(models).scan()
    reg = PersonaRegistry(models)
    reg.scan()
    assert reg.names() == NAMES
    assert "broken" in caplog.text and "bad name" in caplog.text


def test_scan_of_a_missing_folder_is_empty(tmp_path):
    reg = PersonaRegistry(tmp_path / "absent")
    assert not reg.scan() and reg.names() == []


def test_suggest_close_matches(models):
    reg = PersonaRegistry(models)
    reg.scan()
    assert reg.suggest("alpah")[0] == "alpha"
    assert "beta" in reg.suggest("BETA")
    assert reg.suggest("qqqqqqq") == []
    assert len(reg.suggest("al", n=2)) <= 2


def test_complete_ranks_prefix_then_word_start_then_substring_then_close(models):
    reg = PersonaRegistry(models)
    reg.scan()
    # names starting with it, then a display name starting with it, then a word after '_'
    assert reg.complete("ALP") == ["alpha", "alphabet", "beatrix", "Zebra_alp"]
    assert reg.complete("") == reg.names()
    assert reg.complete("a", limit=2) == ["alpha", "alphabet"]
    assert reg.complete("xyz") == []
    # "et" starts no name and no word: inside alphabet and beta
    assert reg.complete("et") == ["alphabet", "beta"]
    assert reg.complete("bet") == ["beta", "alphabet", "beatrix"]  # the last only close (difflib)
    assert reg.complete("DONALD") == ["realDonaldTrump"]  # a word in camelCase (and the display name)
    assert reg.complete("aldt") == ["realDonaldTrump"]  # inside a word: a substring


def test_complete_matches_display_names(models):
    reg = PersonaRegistry(models)
    reg.scan()
    assert reg.complete("Marlowe") == ["marlowe_bakes"]
    assert reg.complete("marlowe  QUILL") == ["marlowe_bakes"]  # the whole display name, spaces collapsed
    assert reg.complete("quill") == ["marlowe_bakes"]  # a word of the display name
    assert reg.complete("trump") == ["realDonaldTrump"]
    assert reg.complete("j. tru") == ["realDonaldTrump"]


def test_complete_exact_match_comes_first(models):
    reg = PersonaRegistry(models)
    reg.scan()
    assert reg.complete("alphabet") == ["alphabet", "alpha", "beatrix"]  # then close ones, best first
    assert reg.complete("alpha")[:2] == ["alpha", "alphabet"]
    assert reg.complete("Donald J. Trump") == ["realDonaldTrump"]  # exact on the display name


def test_complete_falls_back_to_close_matches(models):
    reg = PersonaRegistry(models)
    reg.scan()
    assert reg.complete("marlowe_bakse") == ["marlowe_bakes"]  # a typo: difflib finds it
    assert reg.complete("trunp")[0] == "realDonaldTrump"  # close to a word of the display name
    assert reg.complete("alpah")[0] == "alpha"
    assert reg.complete("bt") == []  # under three characters: no guessing


def test_version_changes_when_persona_json_rewritten(models):
    reg = PersonaRegistry(models)
    reg.scan()
    before = reg.get("beta").version
    meta = models / "beta" / "persona.json"
    st = meta.stat()
    os.utime(meta, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert reg.scan().changed == ["beta"]
    assert reg.get("beta").version != before
