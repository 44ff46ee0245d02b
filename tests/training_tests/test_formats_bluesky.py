"""Reading a Bluesky repository export (CAR): posts, replies, reposts, the display name, and refusing
bad files with one line naming the path."""

import hashlib
import io
import json
import zipfile
from pathlib import Path

import libipld
import pytest

from training.formats.bluesky import is_car, read_car
from training.records import DataError

SAMPLES = Path("/work/shared/data/bluesky-dnproto")  # real exports, read in place
FIRST_POST = SAMPLES / "msttest-04-firstpost.car"
REPLY = SAMPLES / "msttest-06-reply.car"
LIMIT = 10_000_000
needs_samples = pytest.mark.skipif(not REPLY.exists(), reason="Bluesky sample CARs not present")


def varint(n: int) -> bytes:
    out = bytearray()
    while n > 0x7F:
        out.append(n & 0x7F | 0x80)
        n >>= 7
    return bytes([*out, n])


def cid(block: bytes) -> bytes:
    """CIDv1, dag-cbor (0x71), sha2-256 (0x12, 32 bytes)."""
    return bytes([1, 0x71, 0x12, 0x20]) + hashlib.sha256(block).digest()


def frame(header: bytes, blocks: list[bytes] = ()) -> bytes:
    return varint(len(header)) + header + b"".join(varint(len(cid(b)) + len(b)) + cid(b) + b for b in blocks)


def car(*records: dict) -> bytes:
    """A CAR v1 of these records (the first is the root); libipld encodes CID bytes as links."""
    blocks = [libipld.encode_dag_cbor(r) for r in records]
    return frame(libipld.encode_dag_cbor({"version": 1, "roots": [cid(blocks[0])]}), blocks)


def post(text: str, created: str | None = None, **extra) -> dict:
    record = {"$type": "app.bsky.feed.post", "text": text, "langs": ["en"], **extra}
    if created is not None:
        record["createdAt"] = created
    return record


def write(tmp_path: Path, data: bytes, name: str = "repo.car") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def refused(path: Path, max_bytes: int = LIMIT) -> str:
    with pytest.raises(DataError) as info:
        read_car(path, max_bytes)
    message = str(info.value)
    assert message.startswith(f"{path}: ") and "\n" not in message and len(message) < 400
    return message


@needs_samples
def test_real_first_post() -> None:
    source = read_car(FIRST_POST, LIMIT)
    assert [(r.text, r.reply, r.retweet) for r in source.records] == [
        ("doing a quick test of mst", False, False)]
    assert (source.display_name, source.handle, source.kind) == ("msttest", None, "bluesky")
    assert source.avatar is None and source.path == FIRST_POST


@needs_samples
def test_real_reply_and_like_skipped() -> None:
    source = read_car(REPLY, LIMIT)  # 2 posts, 1 like, 1 profile
    assert [(r.text, r.reply, r.retweet) for r in source.records] == [
        ("doing a quick test of mst", False, False), ("and a quick reply", True, False)]
    assert source.display_name == "msttest"


@needs_samples
def test_is_car_on_real_files() -> None:
    for path in (FIRST_POST, REPLY):
        raw = path.read_bytes()
        assert is_car(raw) and is_car(raw[:64]) and is_car(raw[:16])  # whole header, or its start only


def test_is_car_false_for_other_files() -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    others = [buffer.getvalue(), json.dumps([{"text": "hi"}]).encode(), b"just a line of text\n", b"",
              b"\x80\x80\x80", libipld.encode_dag_cbor({"version": 1, "roots": []}),  # no length prefix
              frame(libipld.encode_dag_cbor({"a": 1})), frame(libipld.encode_dag_cbor({"version": 2})),
              frame(libipld.encode_dag_cbor([1, 2]))]
    assert not any(is_car(head[:64]) for head in others)
    assert is_car(car(post("hi")))


def test_synthetic_repost_order_and_profile(tmp_path: Path) -> None:
    path = write(tmp_path, car(
        {"$type": "app.bsky.actor.profile", "displayName": "  Ann\n\u202eBee ", "description": "bio",
         "avatar": {"$type": "blob", "mimeType": "image/jpeg", "size": 10}},
        post("third", "2024-03-01T10:00:00.000Z"),
        {"$type": "app.bsky.feed.repost", "createdAt": "2024-02-01T00:00:00Z",
         "subject": {"uri": "at://did:plc:x/app.bsky.feed.post/1", "cid": "bafy"}},
        post("undated"),
        post("first", "2024-01-01T12:00:00+02:00",
             reply={"root": {"uri": "at://a", "cid": "b"}, "parent": {"uri": "at://a", "cid": "b"}}),
        post("second", "2024-01-01T11:00:00.5Z"),  # after "first" (10:00 UTC) though earlier on its clock
        {"$type": "app.bsky.feed.like", "createdAt": "2024-01-05T00:00:00Z", "subject": {"uri": "at://x"}},
        {"$type": "app.bsky.graph.follow", "subject": "did:plc:y", "createdAt": "2024-01-05T00:00:00Z"},
        {"e": [], "l": None},  # a tree node: no $type
        post(None, "2024-05-01T00:00:00Z"),  # text that is no string: an empty record, cleaned away later
    ))
    source = read_car(path, LIMIT)
    assert [(r.text, r.retweet, r.reply) for r in source.records] == [
        ("first", False, True), ("second", False, False), ("", True, False), ("third", False, False),
        ("", False, False), ("undated", False, False)]
    assert (source.display_name, source.handle, source.kind) == ("Ann Bee", None, "bluesky")


def test_reposts_only_is_enough(tmp_path: Path) -> None:
    path = write(tmp_path, car({"$type": "app.bsky.feed.repost", "createdAt": "2024-02-01T00:00Z"}))
    source = read_car(path, LIMIT)
    assert [(r.text, r.retweet) for r in source.records] == [("", True)]
    assert source.display_name is None


def test_no_posts(tmp_path: Path) -> None:
    path = write(tmp_path, car({"$type": "app.bsky.actor.profile", "displayName": "x"},
                               {"$type": "app.bsky.feed.like", "subject": {"uri": "at://x"}}))
    assert refused(path) == f"{path}: the repository holds no posts"


@needs_samples
def test_truncated_and_flipped_real_file(tmp_path: Path) -> None:
    raw = REPLY.read_bytes()
    half = write(tmp_path, raw[: len(raw) // 2], "half.car")
    assert "not a readable Bluesky repository (CAR) file: " in refused(half)
    flipped = write(tmp_path, raw[:2] + bytes(b ^ 0xFF for b in raw[2:12]) + raw[12:], "flipped.car")
    assert "not a readable Bluesky repository (CAR) file: " in refused(flipped)


@needs_samples
def test_over_the_limit_before_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    def never(*_args, **_kwargs):
        raise AssertionError("read an oversized file")

    monkeypatch.setattr(Path, "open", never)  # the size is checked by stat, before any read
    monkeypatch.setattr(Path, "read_bytes", never)
    message = refused(REPLY, max_bytes=100)
    assert message.endswith(": 1,648 bytes, over the limit of 100 ([training] max_tweets_bytes)")


@pytest.mark.parametrize("data", [
    b"",
    hashlib.sha512(b"random").digest() * 8,
    libipld.encode_dag_cbor({"version": 1, "roots": []}),  # CBOR, but no CAR framing
    frame(libipld.encode_dag_cbor({"a": 1})),  # a framed CBOR map that is no CAR header
    frame(libipld.encode_dag_cbor([1, 2])),  # a header that is no map
    frame(libipld.encode_dag_cbor({"version": 2, "roots": []})),
    frame(libipld.encode_dag_cbor({"version": 1, "roots": [cid(b"x")]}), [b"\x81" * 100_000 + b"\x00"]),
], ids=["empty", "random", "cbor-unframed", "cbor-not-car", "header-not-map", "version-2", "deep-block"])
def test_bad_files_one_line(tmp_path: Path, data: bytes) -> None:
    path = write(tmp_path, data)
    message = refused(path)
    assert "not a readable Bluesky repository (CAR) file: Failed to read CAR " in message


def test_missing_file(tmp_path: Path) -> None:
    assert "cannot read" in refused(tmp_path / "gone.car")
