"""The attachment pre-check of /persona add (`check_archive_content`): a tar is recognised by its
first header alone, never parsed by tarfile in the bot process (CVE-2024-6232: before CPython
3.11.10, tarfile's pax-header parsing is quadratic and holds the GIL, so a 1.6 KB tar froze the bot)."""

from __future__ import annotations

import asyncio
import ctypes
import io
import re
import sys
import tarfile
import threading
from pathlib import Path

import pytest
from prometheus_client import CollectorRegistry

from bot.archives import check_archive_content, is_tar_header
from bot.errors import InvalidRequest
from bot.health import HealthServer

NOT_TAR = "'{name}' is not a tar archive."


def tar_bytes(fmt: int = tarfile.USTAR_FORMAT, name: str = "tweets.js") -> bytes:
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w", format=fmt) as tf:
        info = tarfile.TarInfo(name)
        info.size = 5
        tf.addfile(info, io.BytesIO(b"hello"))
    return out.getvalue()


def pax_bomb() -> bytes:
    """A small tar whose pax header holds many records with long length fields: the shape of the
    CVE-2024-6232 input (a vulnerable tarfile spends minutes on its header; a fixed one refuses it).
    Its first block is a well-formed ustar header, so the pre-check accepts it; training decides."""
    records = b"".join(b"%020d x=y\n" % 30 for _ in range(100))
    pax = tarfile.TarInfo("././@PaxHeader")
    pax.type, pax.size = tarfile.XHDTYPE, len(records)
    body = records + b"\0" * (-len(records) % 512)
    member = tarfile.TarInfo("x").tobuf(tarfile.USTAR_FORMAT)
    return pax.tobuf(tarfile.USTAR_FORMAT) + body + member + b"\0" * 1024


def with_checksum(header: bytearray, signed: bool = False) -> bytearray:
    """Write the checksum field of a 512-byte header (the sum with the field as spaces), as tarfile
    writes it, or with the bytes read as signed chars (as some old tar programs did)."""
    header[148:156] = b" " * 8
    total = sum(b - 256 if signed and b >= 0x80 else b for b in header)
    header[148:156] = b"%06o\0 " % total
    return header


@pytest.fixture
def no_tarfile(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """tarfile's ways in, made to fail loudly; returns the names of those called."""
    called: list[str] = []

    def refuse(name: str):
        def fail(*_args: object, **_kwargs: object) -> None:
            called.append(name)
            raise AssertionError(f"tarfile.{name} called in the bot process")
        return fail

    for name in ("open", "is_tarfile", "TarFile"):
        monkeypatch.setattr(tarfile, name, refuse(name))
    return called


def test_a_tar_is_told_by_its_first_header_without_tarfile(tmp_path: Path, no_tarfile: list[str]) -> None:
    files = {"ustar.tar": USTAR, "gnu.tar": GNU, "pax.tar": PAX, "bomb.tar": BOMB}
    signed = with_checksum(bytearray(USTAR[:512].replace(b"tweets.js", "twéets.js".encode("latin-1"))),
                           signed=True)
    files["signed.tar"] = bytes(signed) + USTAR[512:]
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
        check_archive_content(tmp_path / name)  # accepted
    wrong_sum = bytearray(USTAR)
    wrong_sum[0] ^= 1  # one bit of the name changed: the stored checksum no longer adds up
    bad = {
        "wrong-checksum.tar": bytes(wrong_sum),
        "not-octal.tar": USTAR[:148] + b"0000x00\0" + USTAR[156:],
        "no-checksum.tar": USTAR[:148] + b"\0" * 8 + USTAR[156:],
        "random.tar": bytes(range(256)) * 8,
        "short.tar": USTAR[:511],
        "zeros.tar": b"\0" * 10240,
        "no-magic.tar": bytes(with_checksum(bytearray(USTAR[:257] + b"xxxxx\x0000" + USTAR[265:512]))),
        "empty.tar": b"",
    }
    for name, data in bad.items():
        (tmp_path / name).write_bytes(data)
        with pytest.raises(InvalidRequest, match=f"^{re.escape(NOT_TAR.format(name=name))}$"):
            check_archive_content(tmp_path / name)
    assert no_tarfile == []


def test_the_header_check_agrees_with_tarfile_on_what_it_reads() -> None:
    """Every format tarfile writes passes; a checksum tarfile refuses is refused here too."""
    for data in (USTAR, GNU, PAX):
        assert is_tar_header(data) and tarfile.TarInfo.frombuf(data[:512], "utf-8", "strict")
    broken = bytearray(USTAR[:512])
    broken[10] ^= 0x40
    assert not is_tar_header(bytes(broken))
    with pytest.raises(tarfile.HeaderError):
        tarfile.TarInfo.frombuf(bytes(broken), "utf-8", "strict")


# Polls a URL from a process of its own (a client in this process would wait for the GIL too, and so
# could not see the freeze): prints "ready", then, after `seconds`, the slowest answer in seconds.
PROBE = """
import sys, time, urllib.request
url, seconds = sys.argv[1], float(sys.argv[2])
print("ready", flush=True)
slowest, end = 0.0, time.monotonic() + seconds
while time.monotonic() < end:
    start = time.monotonic()
    urllib.request.urlopen(url, timeout=30).read()
    slowest = max(slowest, time.monotonic() - start)
    time.sleep(0.02)
print(slowest, flush=True)
"""
GIL_HELD_S = 4.0  # how long the emulated vulnerable tarfile holds the GIL per call


async def test_health_answers_while_a_pax_tar_is_checked(tmp_path: Path, monkeypatch) -> None:
    """The bot's /healthz answers within a second while the pre-check runs on a pax-header tar, with
    tarfile made to hold the GIL for seconds as a vulnerable CPython's does on it (this repository's
    interpreter is a fixed one): the check never reaches tarfile, so the loop stays free."""
    called = threading.Event()
    libc = ctypes.PyDLL(None)  # PyDLL: a call that keeps the GIL, as the CVE's parsing did

    def vulnerable(*_args: object, **_kwargs: object) -> bool:
        called.set()
        libc.usleep(int(GIL_HELD_S * 1e6))
        return True

    monkeypatch.setattr(tarfile, "is_tarfile", vulnerable)
    monkeypatch.setattr(tarfile, "open", vulnerable)
    bomb = tmp_path / "bomb.tar"
    bomb.write_bytes(BOMB)
    health = HealthServer("127.0.0.1", 0, CollectorRegistry(), lambda: {"pool": True})
    await health.start()
    try:
        probe = await asyncio.create_subprocess_exec(
            sys.executable, "-c", PROBE, f"http://127.0.0.1:{health.port}/healthz", str(GIL_HELD_S),
            stdout=asyncio.subprocess.PIPE)
        assert probe.stdout is not None
        assert (await probe.stdout.readline()).strip() == b"ready"
        await asyncio.to_thread(check_archive_content, bomb)  # as Commands._submit runs it
        slowest = float(await asyncio.wait_for(probe.stdout.readline(), 60))
        await probe.wait()
    finally:
        await health.close()
    assert not called.is_set()
    assert slowest < 1.0, f"/healthz took {slowest:.1f}s while the archive was checked"


USTAR = tar_bytes(tarfile.USTAR_FORMAT)
GNU = tar_bytes(tarfile.GNU_FORMAT)
PAX = tar_bytes(tarfile.PAX_FORMAT, "twéets.js")
BOMB = pax_bomb()
