"""Reading Mastodon archives (zip, tar.gz, folder, outbox.json alone) and refusing bad ones in one line."""

import io
import json
import tarfile
import time
import zipfile
from pathlib import Path

import pytest
from helpers.mastodon_export import FOLLOWERS, PUBLIC, actor, boost, note, outbox
from helpers.x_archive import encrypt_flag, lie_about_size, make_zip

import training.formats.mastodon as mastodon
from training import clean
from training.config import TrainingSettings
from training.formats.activitypub import looks_like_outbox, visibility
from training.formats.html_text import html_to_text
from training.formats.mastodon import read_mastodon
from training.records import DataError, Record

LIMIT = 200_000_000
SAMPLE_FILES = ("outbox.json", "actor.json", "avatar.jpeg")


@pytest.fixture
def hikurry(shared_data: Path) -> Path:
    return shared_data / "mastodon-hikurry"


def make_tar(path: Path, members: dict[str, bytes], *special: tarfile.TarInfo) -> Path:
    with tarfile.open(path, "w:gz") as tf:
        for name, data in members.items():
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
        for info in special:
            tf.addfile(info)
    return path


def sample_members(folder: Path, top: str = "") -> dict[str, bytes]:
    return {top + name: (folder / name).read_bytes() for name in SAMPLE_FILES}


def small_archive() -> dict[str, bytes]:
    return {"outbox.json": outbox([note("<p>one two three four</p>"), boost()]), "actor.json": actor(),
            "avatar.png": b"\x89PNG not really", "media_attachments/files/1.jpg": b"\xff\xd8" * 100}


def refused(path: Path, match: str, limit: int = LIMIT) -> str:
    """read_mastodon refuses `path` with one line naming it, and writes nothing beside it."""
    before = sorted(path.parent.rglob("*"))
    with pytest.raises(DataError, match=match) as info:
        read_mastodon(path, limit)
    message = str(info.value)
    assert "\n" not in message
    assert str(path) in message
    assert sorted(path.parent.rglob("*")) == before  # nothing extracted
    return message


# --- the real sample in ../shared/data -----------------------------------------------------------


def check_hikurry(source, hikurry: Path) -> None:
    records = source.records
    assert len(records) == 1476
    assert sum(r.retweet for r in records) == 51
    assert sum(r.private for r in records) == 33
    assert not any(r.retweet and r.text for r in records)  # a boost has no text of its own
    assert source.kind == "mastodon" and source.has_visibility
    assert source.handle == "purplerain"
    assert source.display_name == "希望我的烦恼可以如此实际就好了"
    assert source.avatar == (hikurry / "avatar.jpeg").read_bytes() and source.avatar_problem is None


def test_real_folder(hikurry):
    source = read_mastodon(hikurry, LIMIT)
    check_hikurry(source, hikurry)
    assert source.path == hikurry
    polls = [r.text for r in source.records if r.text.startswith("土狗和松鼠谁当1")]
    assert polls == ["土狗和松鼠谁当1\n土狗当1\n松鼠当1"]  # the question, then its options one a line
    if hasattr(clean, "word_count"):  # the CJK-aware short rule: Han characters count as words
        texts = [clean.clean_text(r.text) for r in source.records if not (r.retweet or r.private)]
        short = sum(clean.is_short(t) for t in texts)
        assert (short, len(texts) - short) == (63, 1329)


@pytest.mark.parametrize("top", ["", "archive-20220610/"])
def test_real_archive_zipped_and_tarred(tmp_path, hikurry, top):
    members = sample_members(hikurry, top)
    check_hikurry(read_mastodon(make_zip(tmp_path / "archive.zip", members), LIMIT), hikurry)
    check_hikurry(read_mastodon(make_tar(tmp_path / "archive.tar.gz", members), LIMIT), hikurry)
    # An older server's name for it, and a download renamed: the content says what it is.
    check_hikurry(read_mastodon(make_tar(tmp_path / "archive.tgz", members), LIMIT), hikurry)
    (tmp_path / "archive.zip").rename(tmp_path / "download")
    check_hikurry(read_mastodon(tmp_path / "download", LIMIT), hikurry)


def test_plain_tar_with_dot_slash_names(tmp_path, hikurry):
    path = tmp_path / "archive.tar"
    with tarfile.open(path, "w") as tf:
        for name in SAMPLE_FILES:
            tf.add(hikurry / name, arcname=f"./{name}")
    check_hikurry(read_mastodon(path, LIMIT), hikurry)


def test_outbox_json_alone(tmp_path, hikurry):
    # In its folder it finds the actor beside it; alone it is just the posts.
    check_hikurry(read_mastodon(hikurry / "outbox.json", LIMIT), hikurry)
    alone = tmp_path / "outbox.json"
    alone.write_bytes((hikurry / "outbox.json").read_bytes())
    source = read_mastodon(alone, LIMIT)
    assert len(source.records) == 1476 and sum(r.private for r in source.records) == 33
    assert (source.handle, source.display_name, source.avatar, source.avatar_problem) == (None,) * 4


def test_the_sample_looks_like_an_outbox(hikurry):
    assert looks_like_outbox(json.loads((hikurry / "outbox.json").read_bytes()))
    assert not looks_like_outbox(json.loads((hikurry / "actor.json").read_bytes()))
    assert looks_like_outbox(json.loads(outbox([])))
    for data in ([], {"type": "OrderedCollection"}, {"type": "Collection", "orderedItems": [boost()]},
                 {"type": "OrderedCollection", "orderedItems": [{"type": "Like"}, 3]}, "x", None):
        assert not looks_like_outbox(data)


# --- HTML to text ---------------------------------------------------------------------------------


@pytest.mark.parametrize(("html", "text"), [
    ("<p>first paragraph</p><p>second one</p>", "first paragraph\n\nsecond one"),
    ("line one<br>line two<br/>line three<br />four", "line one\nline two\nline three\nfour"),
    ("<p>a<br />b</p><p>c</p>", "a\nb\n\nc"),
    ('<p><span class="h-card"><a href="https://m.example/@bob" class="u-url mention">@<span>bob</span></a>'
     "</span> hello</p>", "@bob hello"),
    ('<p>Baking <a href="https://m.example/tags/sourdough" class="mention hashtag" rel="tag">'
     "#<span>sourdough</span></a> today</p>", "Baking #sourdough today"),
    ('<p>see <a href="https://example.com/very/long/path"><span class="invisible">https://</span>'
     '<span class="ellipsis">example.com/very/lo</span><span class="invisible">ng/path</span></a> now</p>',
     "see https://example.com/very/long/path now"),
    ("<p>fish &amp; chips &lt;3 caf&eacute; &#8212; &#x1F600; &nbsp;x</p>", "fish & chips <3 café — 😀 x"),
    ("<ul><li>one</li><li>two</li></ul><blockquote>quoted</blockquote><h1>Head</h1><pre>co  de</pre>",
     "one\ntwo\n\nquoted\n\nHead\n\nco de"),
    ("<div>a</div><div>b</div>words<script>alert(1)</script> left", "a\nb\nwords left"),
    ("<p>a<br><br>b<br></p>\n<p>c</p>", "a\n\nb\n\nc"),
    ("<p>source\nnewlines are\r\nspaces</p><pre>but in pre\nthey  stay</pre>",
     "source newlines are spaces\n\nbut in pre\nthey stay"),
    ("no markup at all", "no markup at all"),
    ("<p>unclosed <b>tags", "unclosed tags"),
    ("", ""),
])
def test_html_to_text(html, text):
    assert html_to_text(html) == text


def test_post_text_leaves_out_the_content_warning_and_reads_content_map(tmp_path):
    items = [note("<p>the words themselves</p>", summary="cw: spoilers", sensitive=True),
             note(None, contentMap={"de": "<p>nur auf Deutsch</p>", "en": "<p>other</p>"})]
    poll = note("<p>Which bread?</p>")
    poll["object"].update(type="Question", anyOf=[{"type": "Note", "name": "rye"},
                                                  {"type": "Note", "name": "spelt  loaf"}, {"name": 3}])
    path = tmp_path / "outbox.json"
    path.write_bytes(outbox([*items, poll]))
    texts = [r.text for r in read_mastodon(path, LIMIT).records]
    assert texts == ["the words themselves", "nur auf Deutsch", "Which bread?\nrye\nspelt loaf"]


# --- visibility, replies, and what is counted ---------------------------------------------------


@pytest.mark.parametrize(("to", "cc", "expected", "private"), [
    ([PUBLIC], [FOLLOWERS], "public", False),
    (["as:Public"], [], "public", False),
    (["Public"], [], "public", False),
    ([FOLLOWERS], [PUBLIC], "unlisted", False),
    ([FOLLOWERS], ["as:Public", "https://other.example/users/bob"], "unlisted", False),
    ([FOLLOWERS], ["https://other.example/users/bob"], "followers", True),
    (["https://other.example/users/bob"], [], "direct", True),
    ([], [], "direct", True),
    (["https://other.example/users/bob/followers"], [], "direct", True),  # someone else's followers
])
def test_visibility(tmp_path, to, cc, expected, private):
    item = note("<p>a post of some words</p>", to=to, cc=cc)
    assert visibility(item["object"], item) == expected
    path = tmp_path / "outbox.json"
    path.write_bytes(outbox([item]))
    assert read_mastodon(path, LIMIT).records == [Record("a post of some words", private=private)]


def test_visibility_from_the_activity_when_the_object_has_no_addresses():
    item = note("x", to=[FOLLOWERS], cc=[])
    del item["object"]["to"], item["object"]["cc"]
    assert visibility(item["object"], item) == "followers"
    item["cc"] = PUBLIC  # a single address, not a list
    assert visibility(item["object"], item) == "unlisted"


def test_replies_boosts_and_skipped_items(tmp_path):
    reply = note("<p>@bob yes indeed</p>", inReplyTo="https://other.example/users/bob/statuses/9")
    odd = [{"type": "Like", "object": "https://x.example/1"}, {"type": "Create", "object": "just a url"},
           {"type": "Create", "object": {"type": "Article", "content": "long form"}},
           {"type": "Create"}, {"type": "Announce"}, "a string", 42, None, [], {"no": "type"}]
    path = tmp_path / "outbox.json"
    path.write_bytes(outbox([reply, boost(), *odd, note("<p>last</p>")]))
    assert read_mastodon(path, LIMIT).records == [
        Record("@bob yes indeed", reply=True), Record("", retweet=True), Record("last")]


def test_a_post_without_text_is_still_counted(tmp_path):
    path = tmp_path / "outbox.json"
    path.write_bytes(outbox([note(None, attachment=[{"type": "Document", "url": "media/1.jpg"}])]))
    assert read_mastodon(path, LIMIT).records == [Record("")]


# --- the profile: names and picture -------------------------------------------------------------


def test_small_zip_reads_profile_and_never_the_media(tmp_path, monkeypatch):
    path = make_zip(tmp_path / "a.zip", small_archive())
    opened = []
    real_open = zipfile.ZipFile.open
    monkeypatch.setattr(zipfile.ZipFile, "open",
                        lambda self, name, *a, **k: opened.append(getattr(name, "filename", name))
                        or real_open(self, name, *a, **k))
    source = read_mastodon(path, LIMIT)
    assert sorted(opened) == ["actor.json", "avatar.png", "outbox.json"]
    assert (source.handle, source.display_name, source.avatar) == ("marlowe", "Marlowe Quill",
                                                                    b"\x89PNG not really")


@pytest.mark.parametrize(("fields", "handle", "name"), [
    ({"preferredUsername": "a_name_far_longer_than_x_allows", "name": ""}, None,
     "a_name_far_longer_than_x_allows"),
    ({"name": "  Marlowe\u202e\n Quill  "}, "marlowe", "Marlowe Quill"),
    ({"preferredUsername": 7, "name": None}, None, None),
    ({"preferredUsername": "bad-name!", "name": "x" * 80}, None, "x" * 50),
])
def test_names_from_the_actor(tmp_path, fields, handle, name):
    path = make_zip(tmp_path / "a.zip", {**small_archive(), "actor.json": actor(**fields)})
    source = read_mastodon(path, LIMIT)
    assert (source.handle, source.display_name) == (handle, name)


@pytest.mark.parametrize(("members", "problem"), [
    ({"avatar.png": None}, "the profile picture avatar.png is missing"),
    ({"actor.json": actor(icon={"url": "https://cdn.example/a.png"})}, "names no file of the archive"),
    ({"actor.json": actor(icon={"url": "../outbox.json"})}, "names no file of the archive"),
    ({"avatar.png": b"x" * 2000}, "avatar.png is 2,000 bytes, over the limit of 1,000"),
])
def test_an_unusable_picture_is_a_problem_not_an_error(tmp_path, monkeypatch, members, problem):
    monkeypatch.setattr(mastodon, "MAX_AVATAR_BYTES", 1000)
    files = {k: v for k, v in {**small_archive(), **members}.items() if v is not None}
    for path in (make_zip(tmp_path / "a.zip", files), make_tar(tmp_path / "a.tar.gz", files)):
        source = read_mastodon(path, LIMIT)
        assert source.avatar is None and problem in source.avatar_problem
        assert "\n" not in source.avatar_problem and len(source.records) == 2


def test_no_picture_or_no_actor_is_no_problem(tmp_path):
    no_icon = json.loads(actor())
    del no_icon["icon"]
    for files in ({**small_archive(), "actor.json": json.dumps(no_icon).encode()},
                  {**small_archive(), "actor.json": b"not json"},
                  {"outbox.json": small_archive()["outbox.json"]}):
        source = read_mastodon(make_zip(tmp_path / "a.zip", files), LIMIT)
        assert source.avatar is None and source.avatar_problem is None and len(source.records) == 2


def test_an_encrypted_picture_is_a_problem(tmp_path):
    path = encrypt_flag(make_zip(tmp_path / "a.zip", small_archive()), "avatar.png")
    source = read_mastodon(path, LIMIT)
    assert source.avatar is None and "avatar.png is encrypted" in source.avatar_problem


# --- refused ----------------------------------------------------------------------------------------


def test_missing_path(tmp_path):
    refused(tmp_path / "nope.zip", "no such file or directory")


def test_truncated_archives(tmp_path, hikurry):
    members = sample_members(hikurry)
    for good in (make_zip(tmp_path / "good.zip", members), make_tar(tmp_path / "good.tar.gz", members)):
        raw = good.read_bytes()
        cut = tmp_path / ("cut" + "".join(good.suffixes))
        cut.write_bytes(raw[: len(raw) // 2])
        refused(cut, "corrupt or truncated archive")
        good.unlink()
        cut.unlink()
    garbage = tmp_path / "garbage.tgz"
    garbage.write_bytes(b"\x1f\x8b\x08\x00" + b"\x00" * 64)
    refused(garbage, "corrupt|unreadable")


@pytest.mark.parametrize(("content", "match"), [
    (b"{not json", "not a Mastodon outbox.json \\(not valid JSON: line 1 col 2"),
    (b"\xff\xfe\x00garbage", "not a Mastodon outbox.json \\(not UTF-8 text\\)"),
    (b"[1, 2]", "not a Mastodon outbox.json \\(a JSON list, not an object\\)"),
    (b'{"type": "Person"}', "not a Mastodon outbox.json \\(its type is 'Person', not OrderedCollection\\)"),
    (b'{"type": "OrderedCollection", "orderedItems": {}}', "no orderedItems list"),
    (b'{"type": "OrderedCollection"}', "no orderedItems list"),
    (b"[" * 100_000 + b"]" * 100_000, "nested too deeply"),
    (outbox([]), "the archive holds no posts"),
    (outbox([{"type": "Like"}, {"type": "Follow"}]), "the archive holds no posts"),
])
def test_bad_outbox(tmp_path, content, match):
    path = tmp_path / "outbox.json"
    path.write_bytes(content)
    refused(path, match)
    refused(make_zip(tmp_path / "a.zip", {"outbox.json": content}), match)
    refused(make_tar(tmp_path / "a.tar.gz", {"top/outbox.json": content}), match)


def test_no_outbox(tmp_path):
    refused(make_zip(tmp_path / "a.zip", {"actor.json": actor(), "deep/er/outbox.json": b"{}"}),
            "no outbox.json in the archive")
    (tmp_path / "folder").mkdir()
    refused(tmp_path / "folder", "no outbox.json in this folder")


@pytest.mark.parametrize("member", ["../outbox.json", "top/../../outbox.json", "/outbox.json",
                                    "/etc/passwd", "C:/outbox.json", "..\\evil.txt"])
def test_member_escaping_its_folder(tmp_path, member):
    files = {**small_archive(), member: b"x"}
    refused(make_zip(tmp_path / "a.zip", files), "escapes its folder")
    refused(make_tar(tmp_path / "a.tar.gz", files), "escapes its folder")


@pytest.mark.parametrize(("kind", "match"), [(tarfile.SYMTYPE, "holding a link"),
                                             (tarfile.LNKTYPE, "holding a link"),
                                             (tarfile.CHRTYPE, "holding a special file"),
                                             (tarfile.FIFOTYPE, "holding a special file")])
@pytest.mark.parametrize("name", ["avatar.png", "media_attachments/x.jpg"])
def test_tar_with_a_link_or_special_member(tmp_path, kind, match, name):
    info = tarfile.TarInfo(name)
    info.type, info.linkname = kind, "/etc/passwd"
    files = {k: v for k, v in small_archive().items() if k != name}
    refused(make_tar(tmp_path / "a.tar.gz", files, info), match)


def test_outbox_over_the_declared_limit(tmp_path, hikurry):
    size = (hikurry / "outbox.json").stat().st_size
    members = sample_members(hikurry)
    message = f"outbox.json holds {size:,} bytes, over the limit of {size - 1:,} bytes"
    for path in (make_zip(tmp_path / "a.zip", members), make_tar(tmp_path / "a.tar.gz", members)):
        refused(path, message, limit=size - 1)
        check_hikurry(read_mastodon(path, size), hikurry)  # exactly at the limit is fine
    refused(hikurry, "over the limit", limit=size - 1)
    refused(hikurry / "outbox.json", "over the limit", limit=size - 1)


def test_zip_whose_declared_size_lies_is_still_capped(tmp_path, monkeypatch):
    big = outbox([note("<p>" + "word " * 2000 + "</p>")])
    path = lie_about_size(make_zip(tmp_path / "a.zip", {"outbox.json": big}), "outbox.json", 100)
    assert zipfile.ZipFile(path).getinfo("outbox.json").file_size == 100
    reads = []
    real_open = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        fh = real_open(self, name, *args, **kwargs)
        real_read = fh.read
        fh.read = lambda n=-1: reads.append(n) or real_read(n)
        return fh

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    refused(path, "over the limit|corrupt", limit=1000)
    assert reads == [1001]  # never more than the limit (+1 to tell) asked for


def test_encrypted_outbox(tmp_path):
    path = encrypt_flag(make_zip(tmp_path / "a.zip", small_archive()), "outbox.json")
    with pytest.raises(RuntimeError, match="encrypted"):
        zipfile.ZipFile(path).read("outbox.json")  # what an unchecked read meets
    refused(path, "outbox.json is encrypted \\(a password-protected zip\\)")


def test_odd_member_name_is_escaped_in_the_one_line_error(tmp_path):
    message = refused(make_zip(tmp_path / "a.zip", {**small_archive(), "../x\n\u202eevil": b"x"}),
                      "escapes its folder")
    assert "\\n" in message and "\u202e" not in message


def test_tar_with_too_many_members(tmp_path, monkeypatch):
    monkeypatch.setattr(mastodon, "MAX_TAR_MEMBERS", 3)
    refused(make_tar(tmp_path / "a.tar.gz", small_archive()), "holds over 3 members")
    monkeypatch.setattr(mastodon, "MAX_TAR_MEMBERS", 4)
    assert len(read_mastodon(tmp_path / "a.tar.gz", LIMIT).records) == 2


# --- hostile post HTML: linear parse, a cap per post ----------------------------------------------


@pytest.mark.parametrize("unit", ["<a ", "<!--", '<a x="', "</a ", "<a x='>"])
def test_post_html_parses_in_linear_time(unit):
    # HTMLParser rescanned an unterminated tag to the end for each `<`: 60,000 characters of `<a `
    # took 44 s (120,000: 186 s). Under the per-post cap, any HTML now takes a fraction of a second.
    content = unit * (60_000 // len(unit))
    start = time.process_time()
    text = html_to_text(content)
    assert time.process_time() - start < 5
    assert isinstance(text, str)


def test_markup_declarations_are_text_not_a_crash(tmp_path):
    # `<![` made HTMLParser raise AssertionError ("expected name token"): a traceback, exit 1.
    path = tmp_path / "outbox.json"
    path.write_bytes(outbox([note("<p>" + "<![" * 1000 + "</p>"), note("<p>an ordinary post here</p>")]))
    texts = [r.text for r in read_mastodon(path, LIMIT).records]
    assert texts == ["<![" * 1000, "an ordinary post here"]
    assert html_to_text("<p>a <!-- b --> c &lt;3 <3</p>") == "a <!-- b --> c <3 <3"


def test_a_post_over_the_cap_is_counted_and_never_parsed(tmp_path, monkeypatch):
    parsed = []
    monkeypatch.setattr(mastodon, "html_to_text", lambda html: parsed.append(len(html)) or "words of a post")
    huge = "<p>" + "word " * 30_000 + "</p>"  # 150,007 characters, over MAX_POST_HTML
    path = tmp_path / "outbox.json"
    path.write_bytes(outbox([note(huge), note("<p>an ordinary post here</p>"),
                             note(huge, to=["https://m.example/users/marlowe/followers"])]))
    records = read_mastodon(path, LIMIT).records
    assert [(r.too_long, r.private) for r in records] == [(True, False), (False, False), (True, True)]
    assert parsed == [len("<p>an ordinary post here</p>")]
    _kept, table = clean.clean_records(records, TrainingSettings(), visibility=True)
    assert (table.downloaded, table.filters, table.kept) == (3, {"private": 1, "too_long": 1}, 1)
    assert ("Posts too long", 1) in table.rows()
