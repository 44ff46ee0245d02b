"""The copy guard's file and checker (training/copyguard.py), and its setting. The pool's use of it is in
test_pool.py (a real tiny checkpoint whose seeded draws are made "copies")."""

from __future__ import annotations

import struct
from pathlib import Path

import numpy as np
import pytest

from bot.config import ConfigError, GenerationSettings, load_config
from training.copyguard import (
    FILENAME,
    CopyGuardError,
    guard_state,
    read_header,
    read_ngram_hashes,
    words,
    write_ngram_hashes,
)

TWEETS = [
    "Sourdough taught me that patience is an ingredient you cannot buy. & yes, I ate the heel.",
    "Rye starter smells like apples this morning, which means it is finally happy with the kitchen",
    "too short to count",
]
SALT = bytes(range(16))


def test_words_casefold_and_strip_edge_punctuation_but_keep_inner() -> None:
    assert words("  Bread!! 🍞 don't \"Stop\" 3.5kg — ＦＵＬＬ-width... ") == [
        "bread", "don't", "stop", "3.5kg", "full-width"]
    assert words("") == [] and words("!!! 🍞🍞 ...") == []


def test_round_trip_holds_hashes_only(tmp_path: Path) -> None:
    path = write_ngram_hashes(tmp_path, TWEETS)
    assert path == tmp_path / FILENAME
    data = path.read_bytes()
    for word in {w for t in TWEETS for w in t.split()} | {w for t in TWEETS for w in words(t)}:
        if len(word) >= 3:  # a byte pair or two can occur in any random bytes; a word of 3+ must not
            assert word.encode() not in data, word
    assert data[:4] == b"PBCG" and struct.unpack_from("<HH", data, 4) == (1, 8)
    guard = read_ngram_hashes(tmp_path)
    assert guard is not None and guard.n == 8
    # 16 words each ("&" is no word): 9 + 9 eight-grams; the 4-word tweet adds none.
    assert len(guard) == 18 and read_header(tmp_path) == (8, 18)
    assert np.all(guard.hashes[1:] > guard.hashes[:-1])
    assert len(data) == 32 + 8 * 18
    assert not list(tmp_path.glob(".*tmp*"))  # written through a temporary file, nothing left behind


def test_the_salt_keys_the_hashes(tmp_path: Path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir()
    b.mkdir()
    write_ngram_hashes(a, TWEETS)
    write_ngram_hashes(b, TWEETS)
    ga, gb = read_ngram_hashes(a), read_ngram_hashes(b)
    assert ga is not None and gb is not None and ga.salt != gb.salt
    assert not set(ga.hashes.tolist()) & set(gb.hashes.tolist())  # the same text, unrelated hashes
    assert ga.copies("", TWEETS[0], 8) and gb.copies("", TWEETS[0], 8)


def test_a_copy_is_found_whatever_its_case_and_punctuation(tmp_path: Path) -> None:
    write_ngram_hashes(tmp_path, TWEETS, salt=SALT)
    guard = read_ngram_hashes(tmp_path)
    assert guard is not None
    copied = "SOURDOUGH taught me -- that patience is an ingredient you... cannot"
    assert guard.copied_run("", f"Honestly, {copied}") == 10
    assert guard.copies("", f" {copied} and more", 8)
    assert not guard.copies("", "Sourdough taught me that patience is a virtue you cannot", 8)  # 5 in a row
    assert guard.copied_run("", "sourdough taught me that patience is an") == 0  # 7 words: no 8-gram


def test_longer_settings_need_longer_runs(tmp_path: Path) -> None:
    write_ngram_hashes(tmp_path, TWEETS, salt=SALT)
    guard = read_ngram_hashes(tmp_path)
    assert guard is not None
    ten = "sourdough taught me that patience is an ingredient you cannot"
    assert guard.copied_run("", ten) == 10
    assert guard.copies("", ten, 10) and not guard.copies("", ten, 11)
    with pytest.raises(ValueError, match="cannot check 5 words"):
        guard.copies("", ten, 5)


def test_the_prompts_own_words_do_not_count(tmp_path: Path) -> None:
    write_ngram_hashes(tmp_path, TWEETS, salt=SALT)
    guard = read_ngram_hashes(tmp_path)
    assert guard is not None
    quote = "Sourdough taught me that patience is an ingredient you cannot buy."
    assert guard.copies("", quote, 8)  # as generated text it is a copy ...
    assert guard.copied_run(quote, " Anyway, lunch") == 0  # ... as the user's prompt it is not
    # A sample that goes on quoting is: the two 8-grams holding "yes" and "i" make a run of 9.
    assert guard.copied_run(quote, " & yes, I") == 9
    # The prompt ends mid-word: that word is partly generated, so the 8-gram holding it counts.
    assert guard.copied_run("Sourdough taught me that patience is an ingredie", "nt") == 8
    assert guard.copied_run("Sourdough taught me that patience is an ingredient", " ") == 0


def test_an_empty_set_checks_nothing(tmp_path: Path) -> None:
    write_ngram_hashes(tmp_path, ["two words", ""])
    guard = read_ngram_hashes(tmp_path)
    assert guard is not None and len(guard) == 0
    assert not guard.copies("", TWEETS[0], 8)


def test_a_folder_without_the_file_has_no_guard(tmp_path: Path) -> None:
    assert read_ngram_hashes(tmp_path) is None and read_header(tmp_path) is None
    assert guard_state(tmp_path, 8) == (False, "copy guard: off (trained before it existed)")


def test_guard_state_lines(tmp_path: Path) -> None:
    write_ngram_hashes(tmp_path, TWEETS)
    assert guard_state(tmp_path, 8) == (True, "copy guard: on (8+ words in a row)")
    assert guard_state(tmp_path, 12) == (True, "copy guard: on (12+ words in a row)")
    assert guard_state(tmp_path, 0) == (False, "copy guard: off ([generation] max_copied_words = 0)")
    assert guard_state(tmp_path, 5) == (
        False, "copy guard: off (max_copied_words = 5 is below the 8 words its training recorded)")


def _damage(path: Path, how: str) -> None:
    data = bytearray(path.read_bytes())
    if how == "short":
        del data[-3:]
    elif how == "header":
        del data[20:]
    elif how == "magic":
        data[:4] = b"JUNK"
    elif how == "newer":
        data[4:6] = struct.pack("<H", 2)
    elif how == "unsorted":
        data[32:40], data[40:48] = data[40:48], data[32:40]
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(("how", "message"), [
    ("short", r"copyguard.hashes is damaged: \d+ bytes where its header says \d+"),
    ("header", "copyguard.hashes is damaged: shorter than its header"),
    ("magic", "copyguard.hashes is not a copy guard file"),
    ("newer", r"copyguard.hashes is format version 2; this version reads up to 1 \(update the bot\)"),
    ("unsorted", "copyguard.hashes is damaged: its hashes are not sorted"),
])
def test_a_damaged_file_is_an_error_not_no_guard(tmp_path: Path, how: str, message: str) -> None:
    path = write_ngram_hashes(tmp_path, TWEETS)
    _damage(path, how)
    with pytest.raises(CopyGuardError, match=message) as info:
        read_ngram_hashes(tmp_path)
    assert "\n" not in str(info.value) and str(tmp_path) not in str(info.value)  # one line, no server path
    if how != "unsorted":  # the header alone cannot tell
        ok, line = guard_state(tmp_path, 8)
        assert not ok and line.startswith("copy guard: damaged (") and line.endswith("until it is retrained")


def test_write_refuses_bad_arguments_and_leaves_no_file(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="n must be between 1 and 65535"):
        write_ngram_hashes(tmp_path, TWEETS, n=0)
    with pytest.raises(ValueError, match="the salt must be 16 bytes"):
        write_ngram_hashes(tmp_path, TWEETS, salt=b"short")
    assert not list(tmp_path.iterdir())


def test_rewriting_replaces_the_file_whole(tmp_path: Path) -> None:
    write_ngram_hashes(tmp_path, TWEETS)
    write_ngram_hashes(tmp_path, TWEETS[:1])
    assert read_header(tmp_path) == (8, 9)


def _config(tmp_path: Path, value: int) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(f"[generation]\nmax_copied_words = {value}\n", encoding="utf-8")
    return path


def test_max_copied_words_setting(tmp_path: Path) -> None:
    assert GenerationSettings().max_copied_words == 8
    assert load_config(_config(tmp_path, 0)).generation.max_copied_words == 0
    assert load_config(_config(tmp_path, 12)).generation.max_copied_words == 12
    for bad, why in ((3, "must be 0 \\(off\\) or at least 4"), (-1, "greater than or equal to 0"),
                     (281, "less than or equal to 280")):
        with pytest.raises(ConfigError, match=why) as info:
            load_config(_config(tmp_path, bad))
        assert "max_copied_words" in str(info.value) and "\n" not in str(info.value)
