"""huggingtweets' cleaning rules, the optional filters, and the data table (including `inspect`)."""

import json
import subprocess
import sys

import pytest
from helpers.paths import ROOT
from helpers.paths import SHARED_DATA as SHARED

from training.clean import clean_records, clean_text, format_table, is_short, table_json
from training.config import TrainingSettings
from training.ingest import read_source
from training.records import Record


def test_clean_text_unescapes_removes_links_and_collapses_whitespace():
    text = "Bread &amp; butter &lt;3 &gt; toast https://t.co/abc123 and\n\n more   http://x.y/z?q=1"
    assert clean_text(text) == "Bread & butter <3 > toast and more"
    assert clean_text("https://t.co/only") == ""


def test_strip_mentions_removes_only_the_leading_ones():
    assert clean_text("@a @b_c thanks, see @d later", strip_mentions=True) == "thanks, see @d later"
    assert clean_text(".@a: you are right about this", strip_mentions=True) == "you are right about this"
    assert clean_text("no mentions at the start", strip_mentions=True) == "no mentions at the start"


@pytest.mark.parametrize(("text", "short"), [
    ("lol", True), ("good night", True), ("@a #b http://c d e", True), ("#one #two three", True),
    ("bread is good", False), ("@a the bread is good", False), ("Oven's on, again", False),
])
def test_short_is_fewer_than_three_words_free_of_http_at_and_hash(text, short):
    assert is_short(text) is short


RECORDS = [
    Record("RT @x: a retweet of something long enough", retweet=True),
    Record("@bob I agree with you on this one", reply=True),
    Record("@bob I agree with you on this one", reply=True),
    Record("ok https://t.co/x"),
    Record("a plain tweet about &amp; bread"),
    Record("a plain tweet about & bread"),
    Record("yes"),
]


def test_default_rules_count_every_tweet_once():
    kept, table = clean_records(RECORDS, TrainingSettings())
    assert kept == ["@bob I agree with you on this one"] * 2 + ["a plain tweet about & bread"] * 2
    assert (table.downloaded, table.retweets, table.short, table.kept) == (7, 1, 2, 4)
    assert table.filters == {}
    assert table.kept_chars == sum(len(t) for t in kept)


def test_extra_filters_each_get_a_count_and_the_sum_holds():
    settings = TrainingSettings(drop_replies=True, drop_duplicates=True, strip_reply_mentions=True)
    kept, table = clean_records(RECORDS, settings)
    assert kept == ["a plain tweet about & bread"]
    assert table.filters == {"replies": 2, "duplicates": 1}
    assert table.retweets + table.short + sum(table.filters.values()) + table.kept == table.downloaded


def test_data_table_rows_in_huggingtweets_order_with_one_row_per_filter():
    _, plain = clean_records(RECORDS, TrainingSettings())
    assert plain.rows() == [("Tweets downloaded", 7), ("Retweets", 1), ("Short tweets", 2),
                            ("Tweets kept", 4)]
    _, filtered = clean_records(RECORDS, TrainingSettings(drop_replies=True, drop_duplicates=True))
    assert filtered.rows() == [("Tweets downloaded", 7), ("Retweets", 1), ("Short tweets", 2),
                               ("Replies", 2), ("Duplicates", 1), ("Tweets kept", 1)]
    lines = format_table({"alice": filtered}).splitlines()[2:]
    assert lines == [f"| {label} | {n} |" for label, n in filtered.rows()]


def test_strip_reply_mentions_without_dropping_replies():
    kept, table = clean_records(RECORDS[1:3], TrainingSettings(strip_reply_mentions=True))
    assert kept == ["I agree with you on this one"] * 2
    assert table.mentions_stripped == 2
    assert table.filters == {}


def test_table_markdown_and_json():
    _, a = clean_records(RECORDS, TrainingSettings())
    _, b = clean_records(RECORDS[:3], TrainingSettings())
    text = format_table({"alice": a, "bob": b})
    assert text.splitlines()[0] == "| Data | @alice | @bob |"
    assert "| Tweets downloaded | 7 | 3 |" in text
    assert "| Retweets | 1 | 1 |" in text
    assert "| Tweets kept | 4 | 2 |" in text
    data = table_json({"alice": a})
    assert {k for k, v in data.items() if isinstance(v, int)} == {"downloaded", "retweets", "short", "kept"}
    assert data["details"]["kept_chars"] == a.kept_chars


def inspect_json(*args: str) -> dict:
    result = subprocess.run([sys.executable, "-m", "training", "inspect", *args, "--json"], cwd=ROOT,
                            capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.mark.parametrize(("folder", "downloaded", "retweets"), [
    ("x-archive-smithjd", 1758, 128),
    ("x-archive-milahu104", 2045, 239),
    ("trump-condensed/condensed_2016.json", 4225, 188),
])
def test_inspect_json_on_the_real_samples(shared_data, folder, downloaded, retweets):
    data = inspect_json(str(shared_data / folder))
    ints = {k: v for k, v in data.items() if isinstance(v, int)}
    assert set(ints) == {"downloaded", "retweets", "short", "kept"}
    assert (data["downloaded"], data["retweets"]) == (downloaded, retweets)
    assert data["retweets"] + data["short"] + data["kept"] == data["downloaded"]
    assert data["short"] > 0 and data["kept"] > 0
    assert data["details"]["kept_chars"] > 6000


def test_inspect_json_with_extra_filters_and_two_handles(shared_data, tmp_path):
    config = tmp_path / "config.toml"
    config.write_text("[training]\ndrop_replies = true\ndrop_duplicates = true\n")
    data = inspect_json("smith=" + str(shared_data / "x-archive-smithjd"),
                        str(shared_data / "x-archive-milahu104"), "--config", str(config))
    ints = {k: v for k, v in data.items() if isinstance(v, int)}
    assert set(ints) == {"downloaded", "retweets", "short", "replies", "duplicates", "kept"}
    assert data["downloaded"] == 1758 + 2045
    assert sum(v for k, v in ints.items() if k != "downloaded") == data["downloaded"]
    assert set(data["handles"]) == {"smith", "milahu104"}
    assert data["handles"]["milahu104"]["filters"]["replies"] > 1000  # mostly replies, as its README says


def test_inspect_prints_the_table(shared_data):
    sample = str(ROOT / "examples" / "marlowe_bakes")
    result = subprocess.run([sys.executable, "-m", "training", "inspect", sample],
                            cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0
    assert "| Data | @marlowe_bakes |" in result.stdout
    assert "| Tweets downloaded | 480 |" in result.stdout


@pytest.mark.parametrize(("text", "short"), [
    ("今日はいい天気ですね", False),  # one token of 10 Japanese characters: 5 words
    ("今日は", True),  # 3 characters: 1 word
    ("東京 大阪", True),  # two tokens of 2: 2 words
    ("東京 大阪 京都", False),
    ("おはよう ございます", False),  # 2 + 2 words
    ("ข้าวผัดอร่อยมาก", False),  # Thai, no spaces
    ("https://x.example 今日はいい", True),  # the link is not a word; 5 characters are 2
    ("我 爱 你", False),  # one character a token: each still a word
    ("Ich bin hier", False),  # space-separated languages count as before
    ("ok 👍 🍞", False),
])
def test_short_counts_words_of_unspaced_scripts(text: str, short: bool) -> None:
    assert is_short(text) is short


@pytest.mark.parametrize(("export", "counts"), [
    ("x-archive-smithjd", (1758, 128, 43, 1587)),
    ("x-archive-milahu104", (2045, 239, 135, 1671)),
    ("trump-condensed/condensed_2016.json", (4225, 188, 169, 3868)),
])
def test_shared_exports_keep_their_counts(export: str, counts: tuple[int, int, int, int]) -> None:
    """The script-aware word count leaves space-separated archives exactly as huggingtweets counted."""
    path = SHARED / export
    if not path.exists():
        pytest.fail(f"{path} is missing: the shared data must sit beside the clone")
    _, table = clean_records(read_source(path, 10**9).records, TrainingSettings())
    assert (table.downloaded, table.retweets, table.short, table.kept) == counts


def test_private_posts_are_counted_and_never_kept() -> None:
    records = [Record("a public post with words"), Record("a followers only post", private=True),
               Record("a direct message to someone", private=True), Record("", retweet=True)]
    kept, table = clean_records(records, TrainingSettings(), visibility=True)
    assert kept == ["a public post with words"]
    assert table.filters == {"private": 2} and table.rows()[3] == ("Private posts", 2)
    assert table.retweets + table.short + sum(table.filters.values()) + table.kept == table.downloaded
    _, plain = clean_records(records[:1], TrainingSettings())
    assert "private" not in plain.filters  # formats without visibility have no such row
