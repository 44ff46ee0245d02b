"""Reading every accepted export format, and refusing bad input with one line naming the path."""

import json
import zipfile
from pathlib import Path

import pytest
from helpers.x_archive import (
    SAMPLE,
    archive_js,
    encrypt_flag,
    make_zip,
    protected_history,
    sample_zip,
    spy_opens,
    tweet,
)

from training.clean import clean_records, format_table, table_json
from training.config import TrainingSettings
from training.ingest import read_source
from training.records import DataError

LIMIT = 200_000_000


# --- the real samples in ../shared/data (counts from its README) ---------------------------------


@pytest.mark.parametrize(("folder", "tweets", "retweets", "handle"), [
    ("x-archive-smithjd", 1758, 128, None),
    ("x-archive-milahu104", 2045, 239, "milahu104"),
    ("trump-condensed/condensed_2016.json", 4225, 188, None),
])
def test_real_samples_read_with_the_readme_counts(shared_data, folder, tweets, retweets, handle):
    source = read_source(shared_data / folder, LIMIT)
    assert len(source.records) == tweets
    assert sum(r.retweet for r in source.records) == retweets
    assert source.handle == handle
    assert all(r.text for r in source.records)


def test_milahu_manifest_gives_display_name(shared_data):
    assert read_source(shared_data / "x-archive-milahu104", LIMIT).display_name == "Milan Hauth"


# --- X archive: zip, folder, tweets file -------------------------------------------------------


def test_whole_zip_folder_and_tweets_file_read_the_same(tmp_path):
    folder = read_source(SAMPLE, LIMIT)
    archive = read_source(sample_zip(tmp_path), LIMIT)
    alone = read_source(SAMPLE / "data" / "tweets.js", LIMIT)
    texts = [r.text for r in folder.records]
    assert [r.text for r in archive.records] == texts == [r.text for r in alone.records]
    assert len(folder.records) == 480
    assert (archive.handle, archive.display_name) == (folder.handle, folder.display_name) == \
        ("marlowe_bakes", "Marlowe Quill")
    assert alone.handle is None  # the tweets file alone has no manifest beside it in the source


def test_zip_reads_only_tweet_files_never_media_or_other_data(tmp_path, monkeypatch):
    path = sample_zip(tmp_path)
    opened = spy_opens(monkeypatch)
    read_source(path, LIMIT)
    assert sorted(opened) == ["data/manifest.js", "data/tweets.js"]
    assert list(tmp_path.iterdir()) == [tmp_path / "archive.zip"]  # nothing extracted


def test_split_parts_and_old_tweet_js_name_in_zip_with_top_folder(tmp_path):
    members = {"twitter-2022/data/tweet.js": archive_js([tweet("one old style tweet here")]),
               "twitter-2022/data/tweets-part2.js": archive_js([tweet("third part tweet here")], "];"),
               "twitter-2022/data/tweets-part1.js": archive_js([tweet("second part tweet here")]),
               "twitter-2022/data/tweet-headers.js": archive_js([tweet("not a tweet file at all")])}
    source = read_source(make_zip(tmp_path / "a.zip", members), LIMIT)
    assert [r.text for r in source.records] == ["one old style tweet here", "second part tweet here",
                                                "third part tweet here"]


def test_archive_folder_with_split_parts(tmp_path):
    data = tmp_path / "export" / "data"
    data.mkdir(parents=True)
    (data / "tweets-part1.js").write_text(archive_js([tweet("first of the parts")]))
    (data / "tweets-part10.js").write_text(archive_js([tweet("tenth of the parts")]))
    (data / "tweets-part2.js").write_text(archive_js([tweet("second of the parts")]))
    texts = [r.text for r in read_source(tmp_path / "export", LIMIT).records]
    assert texts == ["first of the parts", "second of the parts", "tenth of the parts"]


def test_flags_from_archive_fields(tmp_path):
    items = [tweet("RT @x: a retweet by prefix"), tweet("a retweet by field", retweeted_status={"id": "1"}),
             tweet("a reply by field", in_reply_to_status_id_str="123"),
             tweet("a reply by name", in_reply_to_screen_name="bob"), tweet("@bob a reply by text"),
             tweet("just a plain tweet here", in_reply_to_status_id=None)]
    path = tmp_path / "tweets.js"
    path.write_text(archive_js(items))
    flags = [(r.retweet, r.reply) for r in read_source(path, LIMIT).records]
    assert flags == [(True, False), (True, False), (False, True), (False, True), (False, True),
                     (False, False)]


# --- other formats ---------------------------------------------------------------------------


def test_condensed_json(tmp_path):
    path = tmp_path / "condensed.json"
    reply_to = "in_reply_to_user_id_str"  # the condensed format's only reply field
    path.write_text(json.dumps([{"text": "RT @a: hello there", "is_retweet": True, reply_to: None},
                                {"text": "a tweet of mine", "is_retweet": False, reply_to: None},
                                {"text": "a reply with no mention in its text", "is_retweet": False,
                                 reply_to: "357606935"},
                                {"text": "an older record's reply", "in_reply_to_user_id": 44945327}]))
    records = read_source(path, LIMIT).records
    assert [(r.text, r.retweet, r.reply) for r in records] == [
        ("RT @a: hello there", True, False), ("a tweet of mine", False, False),
        ("a reply with no mention in its text", False, True), ("an older record's reply", False, True)]


@pytest.mark.parametrize("column", ["text", "full_text"])
def test_csv_with_text_or_full_text_column(tmp_path, column):
    path = tmp_path / "tweets.csv"
    path.write_text(f'id,{column},is_retweet\n1,"hello, with a comma",false\n2,"multi\nline",False\n'
                    f"3,RT @a: copied,true\n")
    records = read_source(path, LIMIT).records
    assert [(r.text, r.retweet) for r in records] == [("hello, with a comma", False), ("multi\nline", False),
                                                       ("RT @a: copied", True)]


def test_jsonl_and_plain_text(tmp_path):
    jsonl = tmp_path / "tweets.jsonl"
    jsonl.write_text('{"full_text": "first line tweet"}\n\n{"text": "second", "is_retweet": "true"}\n')
    assert [(r.text, r.retweet) for r in read_source(jsonl, LIMIT).records] == \
        [("first line tweet", False), ("second", True)]
    txt = tmp_path / "tweets.txt"
    txt.write_text("one tweet per line\n\nRT @a: a retweet\n@b a reply\n")
    assert [(r.text, r.retweet, r.reply) for r in read_source(txt, LIMIT).records] == \
        [("one tweet per line", False, False), ("RT @a: a retweet", True, False), ("@b a reply", False, True)]


# --- bad input: one line, naming the path ----------------------------------------------------


def refused(path: Path, match: str, limit: int = LIMIT) -> str:
    with pytest.raises(DataError, match=match) as info:
        read_source(path, limit)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    return message


def test_a_folder_named_like_the_program_is_quoted(tmp_path, monkeypatch):
    # `bot: no tweet files ...` read like the program `bot` speaking: the path is quoted.
    (tmp_path / "bot").mkdir()
    monkeypatch.chdir(tmp_path)
    assert refused(Path("bot"), "no tweet files").startswith("'bot': no tweet files (data/tweets.js")


def test_missing_path(tmp_path):
    refused(tmp_path / "nope.zip", "no such file or directory")


@pytest.mark.parametrize(("name", "content", "match"), [
    ("photo.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe", "not UTF-8 text"),
    ("notes.md", b"# just some notes", "not a tweet export"),
    ("tweets.csv", b"id,body\n1,hello\n", "no 'text' or 'full_text' column"),
    ("data.json", b'{"a": 1}', "a JSON object that is no export this reads \\(expected an X archive"),
    ("photo.png", b"\x89PNG\r\n\x1a\n" + b"\0" * 600, "not UTF-8 text, so not a tweet export"),
    ("data.json", b"[1, 2]", "item 0 is a int"),
    ("data.json", b'[{"id": 1}]', "no 'full_text' or 'text'"),
    ("tweets.js", b"window.YTD.tweets.part0 = [{", "not valid JSON"),
    ("tweets.js", b"var x = 1;", "no '\\['"),
    ("tweets.json", b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    ("tweets.js", b"window.YTD.tweets.part0 = " + b"[" * 100_000, "nested too deeply"),
    ("tweets.jsonl", b'{"text": "fine"}\n' + b'{"a":' * 100_000 + b"1" + b"}" * 100_000, "nested too deeply"),
])
def test_file_of_no_known_format(tmp_path, name, content, match):
    path = tmp_path / name
    path.write_bytes(content)
    refused(path, match)


def test_corrupt_zip(tmp_path):
    good = sample_zip(tmp_path).read_bytes()
    truncated = tmp_path / "truncated.zip"
    truncated.write_bytes(good[: len(good) // 2])
    refused(truncated, "corrupt or truncated zip")
    garbage = tmp_path / "garbage.zip"
    garbage.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    refused(garbage, "corrupt or truncated zip")


def test_corrupt_member_data(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"data/tweets.js": archive_js([tweet("x " * 500)])})
    raw = bytearray(path.read_bytes())
    start = raw.index(b"data/tweets.js") + len("data/tweets.js")
    raw[start + 10 : start + 40] = b"\xff" * 30  # damage the compressed data, not the directory
    path.write_bytes(bytes(raw))
    refused(path, "corrupt or truncated zip")


def test_encrypted_tweets_member(tmp_path):
    path = encrypt_flag(sample_zip(tmp_path), "data/tweets.js")
    with pytest.raises(RuntimeError, match="encrypted"):
        zipfile.ZipFile(path).read("data/tweets.js")  # what an unchecked read meets
    refused(path, "data/tweets.js is encrypted")


def test_encrypted_manifest_is_skipped(tmp_path):
    path = encrypt_flag(sample_zip(tmp_path), "data/manifest.js")
    source = read_source(path, LIMIT)
    assert len(source.records) == 480 and source.handle is None


@pytest.mark.parametrize("member", ["../evil.js", "data/../../evil.js", "/etc/data/tweets.js"])
def test_zip_member_escaping_its_folder(tmp_path, member):
    path = sample_zip(tmp_path, **{member: "x"})
    refused(path, "escapes its folder")


def test_tweet_files_over_the_size_limit(tmp_path):
    size = (SAMPLE / "data" / "tweets.js").stat().st_size
    refused(sample_zip(tmp_path), "over the limit of 1,000", limit=1000)
    refused(SAMPLE / "data" / "tweets.js", "over the limit", limit=size - 1)
    refused(SAMPLE, "over the limit", limit=size - 1)
    assert read_source(SAMPLE, size).records  # exactly at the limit is fine


def test_zip_whose_declared_size_lies_is_still_capped(tmp_path):
    path = make_zip(tmp_path / "a.zip", {"data/tweets.js": archive_js([tweet("word " * 2000)])})
    raw = bytearray(path.read_bytes())
    real = zipfile.ZipFile(path).getinfo("data/tweets.js").file_size
    # Rewrite the declared uncompressed size (local header and central directory) to 100 bytes.
    for sig, offset in ((b"PK\x03\x04", 22), (b"PK\x01\x02", 24)):
        at = raw.index(sig)
        assert int.from_bytes(raw[at + offset : at + offset + 4], "little") == real
        raw[at + offset : at + offset + 4] = (100).to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    assert zipfile.ZipFile(path).getinfo("data/tweets.js").file_size == 100
    refused(path, "over the limit|corrupt", limit=1000)


def test_archive_with_no_tweets(tmp_path):
    refused(make_zip(tmp_path / "a.zip", {"data/manifest.js": "window.__THAR_CONFIG = {}",
                                           "data/like.js": "[]"}), "holds no tweet files")
    refused(make_zip(tmp_path / "b.zip", {"data/tweets.js": "window.YTD.tweets.part0 = []"}),
            "holds no tweets")
    empty = tmp_path / "export"
    (empty / "data").mkdir(parents=True)
    refused(empty, "no tweet files")
    js = tmp_path / "tweets.js"
    js.write_text("window.YTD.tweets.part0 = [ ];")
    refused(js, "no tweets")


# --- the manifest's account is untrusted input -------------------------------------------------


def manifest_js(user_name: object, display_name: object = "Marlowe Quill") -> str:
    info = {"accountId": "1", "userName": user_name, "displayName": display_name}
    return "window.__THAR_CONFIG = " + json.dumps({"userInfo": info}, indent=1)


def archive_with_manifest(tmp_path: Path, kind: str, manifest: str) -> tuple[Path, str]:
    """A folder or zip archive of the sample's tweets with this manifest; and where errors name it."""
    tweets = (SAMPLE / "data" / "tweets.js").read_text()
    if kind == "zip":
        path = make_zip(tmp_path / "archive.zip", {"data/tweets.js": tweets, "data/manifest.js": manifest})
        return path, f"'{path}': data/manifest.js"
    data = tmp_path / "archive" / "data"
    data.mkdir(parents=True)
    (data / "tweets.js").write_text(tweets)
    (data / "manifest.js").write_text(manifest)
    return tmp_path / "archive", f"'{data / 'manifest.js'}'"


HOSTILE_NAME = ("\n".join(["Mar\u202elowe\tQuill\x00\x1b[31m"] * 5) + "\u2028\u2066x\u2069 " + "é" * 3000)


@pytest.mark.parametrize("kind", ["folder", "zip"])
@pytest.mark.parametrize(("user_name", "shown"), [
    ("x`` <@&123>", "'x`` <@&123>'"),
    ("a" * 3000, "'" + "a" * 40 + "'..."),
    ("marlowe\nbakes", "'marlowe\\nbakes'"),
    ("bad-name", "'bad-name'"),
    ("mar\u202elowe", "'mar\\u202elowe'"),
    ("@", "'@'"),
])
def test_a_manifest_user_name_that_is_no_handle_is_refused(tmp_path, kind, user_name, shown):
    path, where = archive_with_manifest(tmp_path, kind, manifest_js(user_name))
    message = refused(path, "is not an X handle")
    assert message == f"{where}: userName {shown} is not an X handle (1-15 letters, digits or _)"


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_a_manifest_display_name_is_made_safe_and_at_most_50_characters(tmp_path, kind):
    path, _ = archive_with_manifest(tmp_path, kind, manifest_js("@marlowe_bakes", HOSTILE_NAME))
    source = read_source(path, LIMIT)
    assert source.handle == "marlowe_bakes"  # a leading '@' is only the way it is written
    # Controls as spaces, bidi controls gone, whitespace collapsed, clipped to 50 characters.
    assert source.display_name == "Marlowe Quill [31m Marlowe Quill [31m Marlowe Quil"


@pytest.mark.parametrize(("user_name", "display_name", "expected"), [
    ("marlowe_bakes", "\u202e\n\t\u2066 \u2069", ("marlowe_bakes", None)),  # nothing left: no name
    (None, 42, (None, None)),  # not strings: as if absent
    ("", "", (None, None)),
])
def test_a_manifest_without_usable_names_gives_none(tmp_path, user_name, display_name, expected):
    path, _ = archive_with_manifest(tmp_path, "folder", manifest_js(user_name, display_name))
    source = read_source(path, LIMIT)
    assert (source.handle, source.display_name) == expected


def test_an_odd_zip_member_name_is_escaped_in_the_one_line_error(tmp_path):
    tweets = (SAMPLE / "data" / "tweets.js").read_text()
    path = make_zip(tmp_path / "a.zip", {"top\n<@&1>/data/tweets.js": tweets,
                                          "top\n<@&1>/data/manifest.js": manifest_js("no way")})
    message = refused(path, "is not an X handle")
    assert message.startswith(f"'{path}': 'top\\n<@&1>/data/manifest.js': userName 'no way' is not")


# --- a protected account --------------------------------------------------------------------------


@pytest.mark.parametrize(("events", "protected"), [
    ([("2021-05-01T10:00:00.000Z", "Protect")], True),
    ([("2021-05-01T10:00:00.000Z", "Protect"), ("2022-01-01T10:00:00.000Z", "Unprotect")], False),
    ([("2023-01-01T10:00:00.000Z", "Protect"), ("2022-01-01T10:00:00.000Z", "Unprotect")], True),  # by date
    ([], False),
])
def test_a_protected_account_is_said_in_the_data_table(tmp_path, events, protected):
    zipped = sample_zip(tmp_path, **{"data/protected-history.js": protected_history(*events)})
    folder = tmp_path / "folder"
    (folder / "data").mkdir(parents=True)
    for name in ("tweets.js", "manifest.js"):
        (folder / "data" / name).write_text((SAMPLE / "data" / name).read_text())
    (folder / "data" / "protected-history.js").write_text(protected_history(*events))
    for path in (zipped, folder):
        source = read_source(path, LIMIT)
        assert source.protected is protected
        _kept, table = clean_records(source.records, TrainingSettings(), protected=source.protected)
        assert table.protected is protected and table.kept > 0  # still trained on: the person's own
        assert ("a protected account" in format_table({"marlowe": table})) is protected
        assert table_json({"marlowe": table})["details"]["protected"] == (["marlowe"] if protected else [])


def test_an_unreadable_protected_history_is_no_failure(tmp_path):
    source = read_source(sample_zip(tmp_path, **{"data/protected-history.js": "window.x = [{"}), LIMIT)
    assert source.protected is False and source.records
