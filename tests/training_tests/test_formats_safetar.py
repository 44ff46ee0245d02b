"""Hostile tars: what tarfile must never parse (CVE-2024-6232's pax headers, sparse files, long
chains of extension headers) is refused before it does, and listing a compressed tar stops at a
budget of decompressed bytes. Each refusal is one line, through read_mastodon and the CLI."""

import bz2
import gzip
import io
import os
import tarfile
import time
from pathlib import Path

import pytest
from helpers.raw_tar import OUTBOX, archive, header, member, pax, record

from training.formats import safetar
from training.formats.mastodon import read_mastodon
from training.records import DataError

LIMIT = 1_000_000


@pytest.fixture
def pax_parsed(monkeypatch):
    """How often tarfile parsed a pax header (its `_proc_pax`, where CVE-2024-6232's regexes run)."""
    calls = []
    original = tarfile.TarInfo._proc_pax

    def spy(self, tf):
        calls.append(self.size)
        return original(self, tf)

    monkeypatch.setattr(tarfile.TarInfo, "_proc_pax", spy)
    return calls


def refused(path: Path, match: str) -> str:
    with pytest.raises(DataError) as caught:
        read_mastodon(path, LIMIT)
    message = str(caught.value)
    assert match in message and "\n" not in message and message.startswith(str(path))
    return message


def test_a_good_pax_header_is_read(tmp_path, pax_parsed):
    path = tmp_path / "a.tar"
    path.write_bytes(archive(pax(record(b"mtime", b"1700000000.5"), record(b"comment", b"fine 1234"))))
    assert len(read_mastodon(path, LIMIT).records) == 3
    assert pax_parsed  # tarfile itself still parses what is well formed


def test_a_huge_pax_header_never_reaches_tarfile(tmp_path, pax_parsed):
    # CVE-2024-6232: 300,000 digits took 128 s to list on Python 3.11.7.
    path = tmp_path / "a.tar"
    path.write_bytes(archive(member(b"././@PaxHeader", b"x", b"1" * 300_000)))
    refused(path, "a pax header of 300,000 bytes, over the limit of 65,536")
    assert pax_parsed == []


@pytest.mark.parametrize(("body", "why"), [
    (b"1" * 60_000, "a malformed pax header"),  # under the size cap: framing refuses it
    (b"123456789012345678901 a=b\n", "a malformed pax header"),  # a 21-digit length
    (b"600 a=b\n", "a malformed pax header"),  # its length runs past the header's end
    (b"6 =bc\n", "a malformed pax header"),  # no keyword
    (b"6 abc\n", "a malformed pax header"),  # no '='
    (b"7 a=bc!", "a malformed pax header"),  # no newline where the length says
    (record(b"comment", b"9" * 10_000), "a run of over 64 digits"),  # hdrcharset's search is quadratic
    (record(b"GNU.sparse.map", b"0,1"), "sparse file"),
])
def test_a_malformed_pax_header_never_reaches_tarfile(tmp_path, pax_parsed, body, why):
    path = tmp_path / "a.tar"
    path.write_bytes(archive(member(b"././@PaxHeader", b"x", body)))
    refused(path, why)
    assert pax_parsed == []


def test_a_huge_gnu_long_name_is_refused(tmp_path):
    path = tmp_path / "a.tar"
    path.write_bytes(archive(member(b"././@LongLink", b"L", b"a" * 100_000)))
    refused(path, "a GNU long name of 100,000 bytes, over the limit of 65,536")


def test_a_sparse_member_is_refused(tmp_path):
    path = tmp_path / "a.tar"
    path.write_bytes(member(b"outbox.json", b"S", OUTBOX) + b"\0" * 1024)
    refused(path, "sparse file")


def test_a_chain_of_extension_headers_is_refused(tmp_path):
    # tarfile reads each pax header's next header by recursion: thousands of them were a RecursionError
    # (a traceback), and each is parsed work.
    path = tmp_path / "a.tar"
    path.write_bytes(archive(*[pax(record(b"comment", b"x"))] * 3000))
    refused(path, "over 8 extension headers in a row")


def test_a_renamed_tar_is_sniffed_with_the_same_guards(tmp_path, pax_parsed):
    # A download without its suffix is told apart by its content: tarfile.is_tarfile parsed the first
    # (hostile) header unguarded.
    path = tmp_path / "archive-download"
    path.write_bytes(archive(member(b"././@PaxHeader", b"x", b"1" * 300_000)))
    with pytest.raises(DataError):
        read_mastodon(path, LIMIT)
    assert pax_parsed == []
    assert not safetar.is_tar(path)
    good = tmp_path / "good-download"
    good.write_bytes(gzip.compress(archive()))
    assert safetar.is_tar(good) and len(read_mastodon(good, LIMIT).records) == 3


def bomb(size: int) -> bytes:
    """A bzip2 tar of a few kB whose first member declares `size` bytes of zeros (before outbox.json):
    bzip2 streams one after another read as one, so one compressed 64 MiB of zeros is repeated."""
    chunk = 64 << 20
    zeros = bz2.compress(b"\0" * chunk, 9)
    return (bz2.compress(header(b"media_attachments/big.mp4", b"0", size)) + zeros * (size // chunk)
            + bz2.compress(b"\0" * (size % chunk) + archive()))


@pytest.fixture(scope="module")
def bomb_8gb(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("bomb") / "archive.tar"
    path.write_bytes(bomb(8 << 30))
    return path


def test_listing_a_decompression_bomb_stops_at_the_budget(bomb_8gb):
    # Listing skips the 8 GB member by decompressing it: 50 s of CPU before the budget.
    assert bomb_8gb.stat().st_size < 50_000
    start = time.process_time()
    refused(bomb_8gb, "listing it would decompress over")
    assert time.process_time() - start < 5


def test_the_budget_counts_decompressed_bytes(tmp_path):
    data = archive()
    path = tmp_path / "a.tar.gz"
    path.write_bytes(gzip.compress(data))
    with safetar.open_tar(path, len(data)) as tf:
        assert [m.name for m in tf.getmembers()] == ["outbox.json"]
    with pytest.raises(safetar.TarRefused, match="decompress over 1,000 bytes"), \
            safetar.open_tar(path, 1000) as tf:
        tf.getmembers()
    plain = tmp_path / "a.tar"  # an uncompressed tar skips its members by seeking: no budget to spend
    plain.write_bytes(data)
    with safetar.open_tar(plain, 0) as tf:
        assert [m.name for m in tf.getmembers()] == ["outbox.json"]


def test_a_real_compressed_archive_with_media_is_within_its_budget(tmp_path):
    # Pictures and videos hardly compress: the budget grows with the file.
    media = os.urandom(3_000_000)
    path = tmp_path / "a.tar.bz2"
    with tarfile.open(path, "w:bz2") as tf:
        for name, data in (("media_attachments/v.mp4", media), ("outbox.json", OUTBOX)):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            tf.addfile(info, io.BytesIO(data))
    assert len(read_mastodon(path, 10_000).records) == 3
