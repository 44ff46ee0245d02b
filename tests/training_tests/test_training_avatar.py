"""The persona's profile picture: images checked by their content, the X archive's picture read (the real
profile files of @Datenquelle in ../shared/data), kept by a training, and replaced by `set_avatar`."""

import contextlib
import hashlib
import io
import json
import os
import random
import shutil
import struct
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest
from helpers.checkpoints import make_checkpoint
from helpers.paths import ROOT, SHARED_DATA
from helpers.training_cli import SAMPLE, events, run
from helpers.x_archive import archive_js, encrypt_flag, make_zip, spy_opens, tweet
from PIL import Image

from training.atomic import lock_folder
from training.avatar import MAX_AVATAR_BYTES, MAX_AVATAR_SIDE, avatar_info, check_image, set_avatar
from training.card import model_card
from training.checkpoint import (
    CARD_FILE,
    PERSONA_FILE,
    AvatarInfo,
    avatar_path,
    read_persona,
    recover_interrupted,
    save_persona,
    sweep_persona_folder,
)
from training.ingest import read_source
from training.train import print_summary

LIMIT = 200_000_000
PROFILE = SHARED_DATA / "x-profile-datenquelle" / "data"
PICTURE = "profile_media/2548346140-gOxabXxg.jpg"  # <accountId>-<basename of avatarMediaUrl>
PICTURE_URL = "https://pbs.twimg.com/profile_images/974301403521921024/gOxabXxg.jpg"
NOT_AN_IMAGE = "not an image (PNG, JPEG, GIF or WebP)"


def image_bytes(fmt: str, size: tuple[int, int] = (48, 32)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, (200, 120, 40)).save(buffer, fmt)
    return buffer.getvalue()


def png_bomb(width: int, height: int) -> bytes:
    """A small PNG declaring a large size (a few bytes of data follow): what a decompression bomb looks
    like before it is decoded."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 1000)) + chunk(b"IEND", b""))


@pytest.fixture(scope="module")
def profile() -> Path:
    """The real archive's profile files (account.js, profile.js, profile_media/), read in place."""
    if not PROFILE.is_dir():
        pytest.fail(f"the real profile files expected at {PROFILE} (the project's ../shared/data)")
    return PROFILE


def small_tweets() -> str:
    return archive_js([tweet(f"tweet number {i} about the weather in Zurich today") for i in range(5)])


def archive(folder: Path, profile: Path, tweets: str | None = None, picture: bytes | None = None,
            media: bool = True) -> Path:
    """An unpacked archive: tweets.js and the real profile files (the picture replaced by `picture`,
    left out when not `media`)."""
    data = folder / "data"
    (data / "profile_media").mkdir(parents=True)
    (data / "tweets.js").write_text(tweets or small_tweets())
    for name in ("account.js", "profile.js"):
        shutil.copyfile(profile / name, data / name)
    if media:
        (data / PICTURE).write_bytes(picture if picture is not None else (profile / PICTURE).read_bytes())
    return folder


def zipped(folder: Path, path: Path) -> Path:
    """The folder's files as an archive zip (plus media that must never be read)."""
    members: dict[str, str | bytes] = {str(p.relative_to(folder)): p.read_bytes()
                                       for p in sorted(folder.rglob("*")) if p.is_file()}
    members |= {"data/profile_media/2548346140-header.jpg": image_bytes("JPEG"),
                "data/tweets_media/1-photo.jpg": image_bytes("JPEG"),
                "data/direct_messages_media/2-secret.jpg": image_bytes("JPEG")}
    return make_zip(path, members)


# --- check_image: a real image by its content, bounded ------------------------------------------


@pytest.mark.parametrize(("fmt", "ext", "content_type"), [
    ("PNG", "png", "image/png"), ("JPEG", "jpg", "image/jpeg"), ("GIF", "gif", "image/gif"),
    ("WEBP", "webp", "image/webp"),
])
def test_check_image_knows_real_images_by_their_content(fmt, ext, content_type):
    facts = check_image(image_bytes(fmt, (48, 32)))
    assert (facts.ext, facts.content_type, facts.width, facts.height) == (ext, content_type, 48, 32)


def test_check_image_reads_the_real_archive_picture(profile):
    facts = check_image((profile / PICTURE).read_bytes())
    assert (facts.ext, facts.content_type, facts.width, facts.height) == ("jpg", "image/jpeg", 254, 254)


@pytest.mark.parametrize("data", [
    b"", b"hello, I am a text file\n", b"<svg xmlns='http://www.w3.org/2000/svg'/>",
    image_bytes("PNG")[:60], image_bytes("PNG")[:-20], image_bytes("JPEG")[:-40], image_bytes("GIF")[:-8],
    image_bytes("BMP"), image_bytes("TIFF"),
], ids=["empty", "text", "svg", "png header only", "truncated png", "truncated jpeg", "truncated gif",
        "bmp", "tiff"])
def test_check_image_refuses_what_is_no_whole_png_jpeg_gif_or_webp(data):
    with pytest.raises(ValueError) as info:
        check_image(data)
    assert str(info.value) == NOT_AN_IMAGE


def test_check_image_refuses_a_file_over_the_byte_limit_before_reading_it():
    padded = image_bytes("PNG") + b"\0" * 9_100_000
    with pytest.raises(ValueError) as info:
        check_image(padded)
    assert str(info.value) == "the picture is 9.1 MB, at most 8.0 MB"
    with pytest.raises(ValueError, match=r"8,000,001 bytes, at most 8\.0 MB"):
        check_image(b"\0" * (MAX_AVATAR_BYTES + 1))


def test_check_image_refuses_an_over_large_side_and_a_decompression_bomb_undecoded():
    with pytest.raises(ValueError) as info:
        check_image(image_bytes("PNG", (5000, 300)))
    assert str(info.value) == f"the picture is 5000x300 pixels, at most {MAX_AVATAR_SIDE} a side"
    assert check_image(image_bytes("PNG", (MAX_AVATAR_SIDE, 2))).width == MAX_AVATAR_SIDE
    started = time.monotonic()
    # 75 MB, 1.2 GB and 10.8 GB once decoded: refused from the header (the larger by Pillow's own guard).
    for size, shown in (((5000, 5000), "5000x5000"), ((20_000, 20_000), "over 4096x4096"),
                        ((60_000, 60_000), "over 4096x4096")):
        with pytest.raises(ValueError) as info:
            check_image(png_bomb(*size))
        assert str(info.value) == f"the picture is {shown} pixels, at most 4096 a side"
    assert time.monotonic() - started < 1


def test_no_pillow_exception_escapes_from_damaged_images():
    for fmt in ("PNG", "JPEG", "GIF", "WEBP"):
        good = image_bytes(fmt, (40, 40))
        for cut in range(0, len(good), max(1, len(good) // 25)):
            for data in (good[:cut], good[:cut] + b"\xff" * 7 + good[cut + 7:]):
                with contextlib.suppress(ValueError):  # the only exception allowed out
                    check_image(data)


# --- persona.json's record ---------------------------------------------------------------------


@pytest.mark.parametrize("file", ["../x.png", "avatar-0123456789ab.png/../x", "avatar-0123456789AB.png",
                                  "avatar-0123456789ab.png\n", "avatar-0123456789ab.svg", "x.png",
                                  "/tmp/avatar-0123456789ab.png", "avatar-0123456789a.png"])
def test_avatar_info_refuses_a_file_name_that_is_no_plain_picture_name(file):
    with pytest.raises(ValueError, match="not a picture file name"):
        AvatarInfo(file=file, sha256="0" * 64, content_type="image/png", bytes=1, width=1, height=1,
                   source="admin")


def test_an_old_persona_json_without_avatar_still_reads(tmp_path):
    folder = make_checkpoint(tmp_path / "models", "oldtimer")
    data = json.loads((folder / PERSONA_FILE).read_text())
    data.pop("avatar", None)
    (folder / PERSONA_FILE).write_text(json.dumps(data))
    meta = read_persona(folder)
    assert meta.avatar is None and avatar_path(folder, meta) is None
    assert "profile picture" not in (folder / CARD_FILE).read_text()


def test_save_persona_writes_the_picture_only_with_its_record(tmp_path):
    folder = make_checkpoint(tmp_path / "models", "pictured")
    meta = read_persona(folder)
    data = image_bytes("PNG")
    with pytest.raises(ValueError, match="exactly when meta"):
        save_persona(tmp_path / "models", meta, None, None, "card", avatar=data)
    wrong = meta.model_copy(update={"avatar": avatar_info(image_bytes("GIF"), "admin")})
    with pytest.raises(ValueError, match="do not match"):
        save_persona(tmp_path / "models", wrong, None, None, "card", avatar=data)
    assert sorted(p.name for p in (tmp_path / "models").iterdir()) == ["pictured"]  # nothing begun


# --- reading the archive's picture --------------------------------------------------------------


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_archive_picture_url_and_names_from_the_real_profile_files(tmp_path, profile, kind):
    path = archive(tmp_path / "export", profile)
    if kind == "zip":
        path = zipped(path, tmp_path / "export.zip")
    source = read_source(path, LIMIT)
    assert len(source.records) == 5
    assert source.avatar == (profile / PICTURE).read_bytes()
    assert source.avatar_url == PICTURE_URL
    assert source.avatar_problem is None
    assert source.display_name is None  # accountDisplayName is empty in this archive
    assert source.handle == "Datenquelle"  # account.js's username, no manifest.js beside it


def test_zip_reads_the_one_named_picture_never_other_media(tmp_path, profile, monkeypatch):
    path = zipped(archive(tmp_path / "export", profile), tmp_path / "export.zip")
    opened = spy_opens(monkeypatch)
    read_source(path, LIMIT)
    assert sorted(opened) == ["data/account.js", "data/profile.js", f"data/{PICTURE}", "data/tweets.js"]


def test_zip_under_a_top_folder_finds_the_picture_beside_its_tweets(tmp_path, profile):
    folder = archive(tmp_path / "export", profile)
    members = {f"twitter-2024/{p.relative_to(folder)}": p.read_bytes()
               for p in folder.rglob("*") if p.is_file()}
    source = read_source(make_zip(tmp_path / "a.zip", members), LIMIT)
    assert source.avatar == (profile / PICTURE).read_bytes() and source.avatar_problem is None


@pytest.mark.parametrize("kind", ["folder", "zip"])
def test_a_missing_picture_is_a_problem_not_an_error(tmp_path, profile, kind):
    path = archive(tmp_path / "export", profile, media=False)
    if kind == "zip":
        path = zipped(path, tmp_path / "export.zip")
    source = read_source(path, LIMIT)
    assert len(source.records) == 5
    assert (source.avatar, source.avatar_url) == (None, None)
    assert source.avatar_problem == f"the profile picture data/{PICTURE} is missing"


@pytest.mark.parametrize("url", [
    "https://abs.twimg.com/sticky/default_profile_images/default_profile.png",
    "https://abs.twimg.com/sticky/default_profile_images/default_profile_normal.png",
    "", None,
])
def test_the_default_picture_or_none_gives_nothing(tmp_path, profile, url):
    path = archive(tmp_path / "export", profile, media=False)
    profile_js = "window.YTD.profile.part0 = " + json.dumps([{"profile": {"avatarMediaUrl": url}}])
    (path / "data" / "profile.js").write_text(profile_js)
    source = read_source(path, LIMIT)
    assert (source.avatar, source.avatar_url, source.avatar_problem) == (None, None, None)


def test_a_picture_over_the_limit_is_never_read(tmp_path, profile, monkeypatch):
    big = b"\xff\xd8" + b"\0" * MAX_AVATAR_BYTES
    folder = archive(tmp_path / "export", profile, picture=big)
    assert read_source(folder, LIMIT).avatar_problem == \
        f"the profile picture data/{PICTURE} is {len(big):,} bytes, over the limit of {MAX_AVATAR_BYTES:,}"
    path = zipped(folder, tmp_path / "export.zip")
    opened = spy_opens(monkeypatch)
    source = read_source(path, LIMIT)
    assert source.avatar is None and "over the limit of 8,000,000" in source.avatar_problem
    assert f"data/{PICTURE}" not in opened


def test_an_encrypted_picture_is_a_problem(tmp_path, profile):
    path = encrypt_flag(zipped(archive(tmp_path / "export", profile), tmp_path / "a.zip"), f"data/{PICTURE}")
    source = read_source(path, LIMIT)
    assert source.avatar is None
    assert source.avatar_problem == f"the profile picture data/{PICTURE} is encrypted"


def profile_with(url: object) -> str:
    return "window.YTD.profile.part0 = " + json.dumps([{"profile": {"avatarMediaUrl": url}}])


@pytest.mark.parametrize(("profile_js", "problem"), [
    pytest.param("window.YTD.profile.part0 = [ {", "the profile file data/profile.js is not valid JSON",
                 id="not JSON"),
    pytest.param("window.YTD.profile.part0 = " + "[" * 100_000, "data/profile.js is JSON nested too deeply",
                 id="nested"),
    pytest.param(b"\xff\xfe window", "the profile file data/profile.js is not UTF-8 text", id="not UTF-8"),
    pytest.param(profile_with("javascript:alert(1)"),
                 "the profile picture's address in data/profile.js is not a web address", id="javascript"),
    pytest.param(profile_with("https://x/a\nb.jpg"), "is not a web address", id="line break"),
    pytest.param(profile_with("https://x/a%2F..%2Fb"),
                 "the profile picture's address in data/profile.js names no file", id="escaped slashes"),
    pytest.param(profile_with("https://x/y/../../.."), "names no file", id="dot-dot"),
    pytest.param(profile_with("https://x/../passwd"),
                 "the profile picture data/profile_media/2548346140-passwd is missing", id="only a basename"),
    pytest.param(profile_with(42), None, id="no string"),
    pytest.param("window.YTD.profile.part0 = " + json.dumps([{"profile": []}]), None, id="no object"),
])
def test_a_hostile_or_broken_profile_js_never_fails_the_read(tmp_path, profile, profile_js, problem):
    path = archive(tmp_path / "export", profile)
    raw = profile_js if isinstance(profile_js, bytes) else profile_js.encode()
    (path / "data" / "profile.js").write_bytes(raw)
    for given in (path, zipped(path, tmp_path / "export.zip")):
        source = read_source(given, LIMIT)
        assert len(source.records) == 5 and source.avatar is None
        assert (source.avatar_problem is None) if problem is None else problem in source.avatar_problem


def manifest_js(**info: str) -> str:
    return "window.__THAR_CONFIG = " + json.dumps({"userInfo": info})


def account_js(display: str, account_id: str = "2548346140", username: str = "Datenquelle") -> str:
    info = {"email": "someone@example.org", "username": username, "accountId": account_id,
            "accountDisplayName": display}
    return "window.YTD.account.part0 = " + json.dumps([{"account": info}])


@pytest.mark.parametrize(("manifest", "account", "expected"), [
    # An empty accountId in the manifest: the picture is found by account.js's.
    (manifest_js(userName="Datenquelle", accountId="", displayName="Daten Quelle"), account_js(""),
     ("Datenquelle", "Daten Quelle")),
    (manifest_js(userName="Datenquelle", accountId="2548346140"), account_js("Quelle\u202e der\nDaten"),
     ("Datenquelle", "Quelle der Daten")),  # the manifest has none: account.js's, made safe
    (None, account_js("someone@example.org"), ("Datenquelle", None)),  # never an e-mail address
    (None, account_js("x", username="no way!"), (None, "x")),  # no handle: the group's label then
    (manifest_js(userName="marlowe_bakes", accountId="2548346140", displayName="Marlowe"),
     account_js("Other", username="other"), ("marlowe_bakes", "Marlowe")),  # the manifest wins
])
def test_names_and_account_id_from_manifest_then_account_js(tmp_path, profile, manifest, account, expected):
    path = archive(tmp_path / "export", profile)
    if manifest is not None:
        (path / "data" / "manifest.js").write_text(manifest)
    (path / "data" / "account.js").write_text(account)
    source = read_source(path, LIMIT)
    assert (source.handle, source.display_name) == expected
    assert source.avatar == (profile / PICTURE).read_bytes()


def test_no_account_id_anywhere_is_a_problem(tmp_path, profile):
    path = archive(tmp_path / "export", profile)
    (path / "data" / "account.js").write_text(account_js("", account_id=""))
    source = read_source(path, LIMIT)
    assert source.avatar is None
    assert source.avatar_problem == ("the profile picture cannot be found: no account id in data/account.js "
                                     "or data/manifest.js")


def test_other_formats_carry_no_picture(tmp_path, profile):
    text = tmp_path / "tweets.txt"
    text.write_text("one tweet\nanother tweet\n")
    csv = tmp_path / "tweets.csv"
    csv.write_text("text\na tweet in a CSV\n")
    folder = archive(tmp_path / "export", profile)
    for path in (text, csv, folder / "data" / "tweets.js", SAMPLE / "data" / "tweets.js"):
        source = read_source(path, LIMIT)
        assert (source.avatar, source.avatar_url, source.avatar_problem) == (None, None, None)
    # The sample archive as a whole has its (drawn) profile picture, as a real archive does.
    sample = read_source(SAMPLE, LIMIT)
    assert sample.avatar == next((SAMPLE / "data" / "profile_media").iterdir()).read_bytes()


# --- a training keeps the picture; one missing or broken never fails it --------------------------


def train(tmp_path: Path, data: Path, *mode: str):
    config = tmp_path / "config.toml"
    config.write_text("[training]\nwarn_chars = 1000\n")  # explicit: the repository's may hold more
    models = tmp_path / "models"
    result = run("train", "datenquelle", "--data", data, "--base", "tiny", "--models-dir", models,
                 "--epochs", 0.2, "--config", config, *mode)
    assert result.returncode == 0, result.stderr
    return result, models / "datenquelle"


@pytest.fixture(scope="module")
def trained_with_picture(tmp_path_factory, profile):
    work = tmp_path_factory.mktemp("pictured")
    path = zipped(archive(work / "export", profile, tweets=(SAMPLE / "data" / "tweets.js").read_text()),
                  work / "export.zip")
    result, persona = train(work, path, "--json")
    return events(result), persona, (profile / PICTURE).read_bytes()


def test_training_stores_the_archive_picture_and_records_it(trained_with_picture):
    evs, persona, picture = trained_with_picture
    meta = read_persona(persona)
    a = meta.avatar
    assert a is not None
    assert (a.source, a.url, a.content_type, a.bytes, a.width, a.height) == \
        ("archive", PICTURE_URL, "image/jpeg", len(picture), 254, 254)
    assert a.sha256 == hashlib.sha256(picture).hexdigest() and a.file == f"avatar-{a.sha256[:12]}.jpg"
    assert avatar_path(persona, meta) == persona / a.file
    assert (persona / a.file).read_bytes() == picture
    assert len({(p.stat().st_mode & 0o777) for p in persona.iterdir()}) == 1  # as readable as the rest
    assert [(h.handle, h.display_name) for h in meta.handles] == [("Datenquelle", "Datenquelle")]
    assert evs[-1]["event"] == "done" and evs[-1]["avatar"] == a.model_dump()
    assert not [e for e in evs if e["event"] == "warning" and "picture" in e["message"]]


def test_the_card_and_the_summary_show_the_picture(trained_with_picture, capsys):
    _evs, persona, _picture = trained_with_picture
    meta = read_persona(persona)
    card = (persona / CARD_FILE).read_text()
    assert f"# 🤖 AI BOT: Datenquelle\n\n![profile picture]({meta.avatar.file})\n\nA language model" in card
    # Otherwise the card is the one a persona without a picture gets.
    assert card.replace(f"\n![profile picture]({meta.avatar.file})\n", "") == \
        model_card(meta.model_copy(update={"avatar": None}), persona.parent)
    print_summary(meta, persona, 1.0)
    assert f"  Profile picture: {meta.avatar.file} (254x254)\n" in capsys.readouterr().out


def test_a_new_picture_keeps_what_the_card_says(trained_with_picture, tmp_path):
    """The card rewritten by set_avatar keeps the language and the sample tweets training recorded."""
    _evs, trained, _picture = trained_with_picture
    persona = tmp_path / "models" / trained.name
    shutil.copytree(trained, persona)
    before = read_persona(persona)
    assert before.language == "en" and len(before.samples) == 3

    def sample_lines(card: str) -> list[str]:
        return [line for line in card.splitlines() if line.startswith("- `")]

    shown = sample_lines((persona / CARD_FILE).read_text())
    assert len(shown) == 3
    set_avatar(persona, image_bytes("PNG", (40, 40)))
    card = (persona / CARD_FILE).read_text()
    assert card.startswith("---\nlanguage: en\n") and sample_lines(card) == shown
    assert read_persona(persona).samples == before.samples


@pytest.mark.parametrize("case", ["broken", "missing"])
def test_a_broken_or_missing_picture_warns_and_trains_without(tmp_path, profile, case):
    tweets = (SAMPLE / "data" / "tweets.js").read_text()
    broken = (profile / PICTURE).read_bytes()[:4000]  # a JPEG cut short
    path = archive(tmp_path / "export", profile, tweets=tweets, picture=broken, media=case == "broken")
    result, persona = train(tmp_path, path, "--json")
    warnings = [e["message"] for e in events(result) if e["event"] == "warning"]
    expected = (f"profile picture skipped: {NOT_AN_IMAGE}" if case == "broken"
                else f"the profile picture data/{PICTURE} is missing")
    assert expected in warnings
    meta = read_persona(persona)
    assert meta.avatar is None and events(result)[-1]["avatar"] is None
    assert not list(persona.glob("avatar-*"))
    assert "profile picture" not in (persona / CARD_FILE).read_text()


# --- set_avatar: an admin replaces the picture ---------------------------------------------------


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_set_avatar_on_a_persona_without_one_then_replacing_it(tmp_path, dir_fsyncs):
    folder = make_checkpoint(tmp_path / "models", "marlowe_bakes")
    first = image_bytes("PNG", (64, 64))
    meta = set_avatar(folder, first)
    a = meta.avatar
    assert (a.source, a.url, a.content_type, a.width, a.height) == ("admin", None, "image/png", 64, 64)
    assert read_persona(folder) == meta
    assert (folder / a.file).read_bytes() == first and a.sha256 == hashlib.sha256(first).hexdigest()
    assert f"![profile picture]({a.file})" in (folder / CARD_FILE).read_text()
    assert len(dir_fsyncs) >= 2  # the picture's rename, then persona.json's, made durable

    second = image_bytes("JPEG", (80, 40))
    meta = set_avatar(folder, second)
    assert meta.avatar.file.endswith(".jpg") and meta.avatar.file != a.file
    assert read_persona(folder).avatar == meta.avatar
    assert not (folder / a.file).exists()  # the previous picture is gone
    assert [p.name for p in folder.glob("avatar-*")] == [meta.avatar.file]
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]  # no temporary file left
    card = (folder / CARD_FILE).read_text()
    assert f"![profile picture]({meta.avatar.file})" in card and a.file not in card
    assert set_avatar(folder, second).avatar == meta.avatar  # the same picture again: kept, not deleted
    assert (folder / meta.avatar.file).read_bytes() == second


@pytest.mark.parametrize("data", [b"not a picture", image_bytes("PNG", (5000, 10)), b""])
def test_set_avatar_refuses_a_non_image_and_changes_nothing(tmp_path, data):
    folder = make_checkpoint(tmp_path / "models", "marlowe_bakes")
    set_avatar(folder, image_bytes("GIF"))
    before = contents(folder)
    with pytest.raises(ValueError, match=r"not an image|pixels"):
        set_avatar(folder, data)
    assert contents(folder) == before


def test_set_avatar_on_a_folder_that_is_no_persona(tmp_path):
    with pytest.raises(FileNotFoundError):
        set_avatar(tmp_path / "nothing", image_bytes("PNG"))
    (tmp_path / "broken").mkdir()
    (tmp_path / "broken" / PERSONA_FILE).write_text("{}")
    with pytest.raises(ValueError):
        set_avatar(tmp_path / "broken", image_bytes("PNG"))
    assert [p.name for p in (tmp_path / "broken").iterdir()] == [PERSONA_FILE]


@pytest.mark.parametrize("step", range(4))
def test_set_avatar_stopped_at_any_step_leaves_persona_json_naming_a_whole_file(tmp_path, monkeypatch, step):
    folder = make_checkpoint(tmp_path / "models", "marlowe_bakes")
    old = set_avatar(folder, image_bytes("PNG")).avatar
    new = image_bytes("WEBP")
    calls = []
    real = {"replace": os.replace, "unlink": os.unlink}

    def stop(kind):
        def stopped(*args, **kwargs):
            calls.append(kind)
            if len(calls) > step:
                raise KeyboardInterrupt  # as a kill would land: between two steps
            return real[kind](*args, **kwargs)
        return stopped

    monkeypatch.setattr(os, "replace", stop("replace"))
    monkeypatch.setattr(os, "unlink", stop("unlink"))
    with pytest.raises(KeyboardInterrupt):
        set_avatar(folder, new)
    monkeypatch.undo()
    # Stopped before persona.json was replaced: the old picture; after: the new one. Whole either way.
    meta = read_persona(folder)
    assert meta.avatar == (old if step < 2 else avatar_info(new, "admin"))
    path = avatar_path(folder, meta)
    assert path is not None and hashlib.sha256(path.read_bytes()).hexdigest() == meta.avatar.sha256


def test_set_avatar_never_mixes_with_a_persona_swapped_in_meanwhile(tmp_path, monkeypatch):
    import training.avatar

    models = tmp_path / "models"
    folder = make_checkpoint(models, "marlowe_bakes")
    retrained = make_checkpoint(tmp_path / "retrained", "marlowe_bakes", display_name="Retrained")
    fresh = contents(retrained)
    real_replace_file = training.avatar.replace_file

    def swap_first(*args, **kwargs):  # a training swaps its new folder in once the picture is checked
        if not (models / ".old").exists():
            os.rename(folder, models / ".old")
            os.rename(retrained, folder)
        return real_replace_file(*args, **kwargs)

    monkeypatch.setattr(training.avatar, "replace_file", swap_first)
    meta = set_avatar(folder, image_bytes("PNG"))
    assert contents(folder) == fresh  # the new persona untouched: no stale persona.json over it
    assert read_persona(models / ".old").avatar == meta.avatar  # the picture went with the old folder
    assert (models / ".old" / meta.avatar.file).is_file()


# --- the start-up sweep of interrupted picture swaps ------------------------------------------------


def dead_pid() -> int:
    child = subprocess.Popen(["true"])
    child.wait()
    return child.pid


def leave_kill_leftovers(folder: Path, pid: int) -> list[str]:
    """What SIGKILLs during set_avatar leave (as 40 of them did): replace_file's temporary files of
    each step, and a picture persona.json does not name. Returns the names written."""
    names = [f".README.md.tmp-{pid}-0123abcd", f".persona.json.tmp-{pid}-89abcdef",
             f".avatar-aaaaaaaaaaaa.png.tmp-{pid}-00ff00ff", "avatar-bbbbbbbbbbbb.webp"]
    for name in names:
        (folder / name).write_bytes(b"half")
    return names


def test_the_sweep_removes_what_a_killed_swap_left(tmp_path):
    models = tmp_path / "models"
    folder = make_checkpoint(models, "marlowe_bakes")
    named = set_avatar(folder, image_bytes("PNG")).avatar.file
    before = contents(folder)
    stale = leave_kill_leftovers(folder, dead_pid())
    live = f".README.md.tmp-{os.getpid()}-fedcba98"  # a writer still at work (this process)
    (folder / live).write_bytes(b"being written")
    recover_interrupted(models)
    assert contents(folder) == {**before, live: b"being written"}
    assert read_persona(folder).avatar.file == named and (folder / named).is_file()
    assert not any((folder / name).exists() for name in stale)


def test_the_sweep_leaves_a_folder_a_live_swap_holds(tmp_path):
    models = tmp_path / "models"
    folder = make_checkpoint(models, "marlowe_bakes")
    set_avatar(folder, image_bytes("PNG"))
    leave_kill_leftovers(folder, dead_pid())
    before = contents(folder)
    held = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
    try:
        assert lock_folder(held)  # as set_avatar holds it between writing the picture and persona.json
        assert sweep_persona_folder(folder) == []
        recover_interrupted(models)
        assert contents(folder) == before
    finally:
        os.close(held)
    assert len(sweep_persona_folder(folder)) == 4  # once the writer is gone


def test_the_sweep_touches_no_folder_that_is_no_persona(tmp_path):
    models = tmp_path / "models"
    make_checkpoint(models, "marlowe_bakes")
    pid = dead_pid()
    others = [models / "no_persona_json", models / "bad name!", models / ".bases" / "base"]
    for other in others:
        other.mkdir(parents=True)
        leave_kill_leftovers(other, pid)
    (models / "bad name!" / PERSONA_FILE).write_text("{}")
    broken = make_checkpoint(models, "broken")  # persona.json unreadable: which picture it names is unknown
    (broken / PERSONA_FILE).write_text("{not json")
    leave_kill_leftovers(broken, pid)
    snapshot = {other: contents(other) for other in others}
    recover_interrupted(models)
    assert {other: contents(other) for other in others} == snapshot
    assert sorted(p.name for p in broken.iterdir() if "avatar-" in p.name) == ["avatar-bbbbbbbbbbbb.webp"]
    assert not [p for p in broken.iterdir() if ".tmp-" in p.name]  # dead writers' files still go


def test_the_sweep_never_follows_a_link(tmp_path):
    models = tmp_path / "models"
    folder = make_checkpoint(models, "marlowe_bakes")
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "avatar-cccccccccccc.png").write_bytes(b"someone's")
    os.symlink(outside / "avatar-cccccccccccc.png", folder / "avatar-cccccccccccc.png")
    os.symlink(outside, models / "linked")
    leave_kill_leftovers(outside, dead_pid())
    (outside / PERSONA_FILE).write_bytes((folder / PERSONA_FILE).read_bytes())
    before = contents(outside)
    recover_interrupted(models)
    assert contents(outside) == before and (folder / "avatar-cccccccccccc.png").is_symlink()


SWAPPER = """
import itertools, sys
from pathlib import Path
from training.avatar import set_avatar
pictures = [Path(p).read_bytes() for p in sys.argv[2:]]
print("ready", flush=True)
for data in itertools.cycle(pictures):
    set_avatar(Path(sys.argv[1]), data)
"""


def test_sigkills_mid_swap_leave_a_consistent_folder_once_swept(tmp_path):
    models = tmp_path / "models"
    folder = make_checkpoint(models, "marlowe_bakes")
    pictures = []
    for i, fmt in enumerate(("PNG", "JPEG", "GIF", "WEBP")):
        pictures.append(tmp_path / f"p{i}")
        pictures[-1].write_bytes(image_bytes(fmt, (40 + i, 30)))
    rng = random.Random(18)
    for _ in range(8):
        child = subprocess.Popen([sys.executable, "-c", SWAPPER, folder, *pictures], cwd=ROOT,
                                 stdout=subprocess.PIPE, text=True)
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 0.4))
        child.kill()
        child.wait()
        child.stdout.close()
        recover_interrupted(models)
        meta = read_persona(folder)
        assert hashlib.sha256((folder / meta.avatar.file).read_bytes()).hexdigest() == meta.avatar.sha256
        assert [p.name for p in folder.glob("avatar-*")] == [meta.avatar.file]
        assert not [p.name for p in folder.iterdir() if ".tmp-" in p.name]
