import logging
import os
import shutil

import pytest
from checkpoints import make_checkpoint

from bot.personas import PersonaRegistry


@pytest.fixture(scope="module")
def base_models(tmp_path_factory):
    d = tmp_path_factory.mktemp("registry") / "models"
    for name in ("alpha", "alphabet", "beta", "Zebra_alp"):
        make_checkpoint(d, name)
    return d


@pytest.fixture
def models(base_models, tmp_path):
    d = tmp_path / "models"
    shutil.copytree(base_models, d)
    return d


def test_scan_lists_personas_sorted(models):
    reg = PersonaRegistry(models)
    result = reg.scan()
    assert result.added == ["Zebra_alp", "alpha", "alphabet", "beta"]
    assert reg.names() == ["Zebra_alp", "alpha", "alphabet", "beta"]
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
    assert reg.names() == ["Zebra_alp", "alpha", "alphabet", "beta"]
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


def test_complete_prefix_first_then_substring(models):
    reg = PersonaRegistry(models)
    reg.scan()
    assert reg.complete("ALP") == ["alpha", "alphabet", "Zebra_alp"]
    assert reg.complete("") == reg.names()
    assert reg.complete("a", limit=2) == ["alpha", "alphabet"]
    assert reg.complete("xyz") == []


def test_version_changes_when_persona_json_rewritten(models):
    reg = PersonaRegistry(models)
    reg.scan()
    before = reg.get("beta").version
    meta = models / "beta" / "persona.json"
    st = meta.stat()
    os.utime(meta, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert reg.scan().changed == ["beta"]
    assert reg.get("beta").version != before
