"""Opening an untrusted tar (plain, gzip, bzip2 or xz) for `tarfile` to list and read, with what
`tarfile` does badly on hostile input refused first.

`tarfile` is used, not replaced; two things are put around it. Each header it is about to read is
looked at first by a linear scan of the raw 512-byte block (through `GuardedInfo.fromtarfile`, the
documented hook `tarfile` reads every header through): extension headers (pax, GNU long names and
links) over `MAX_EXTENSION_BYTES`, a pax record not framed as the fixed CPython requires (a 1-20 digit
length, a space, `keyword=value`, a newline), long chains of extension headers, and sparse files are
refused before `tarfile` parses them. That is what makes CVE-2024-6232 (a pax header of digits takes
`tarfile`'s regexes quadratic time) harmless on an interpreter that lacks the fix. And the stream is
read through `Budgeted`, which never lets its position pass a budget of decompressed bytes: listing a
compressed tar means decompressing every member's data to skip it, so a small bzip2 file declaring a
member of gigabytes would otherwise cost minutes of CPU.
"""

from __future__ import annotations

import bz2
import contextlib
import gzip
import io
import lzma
import re
import tarfile
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

BLOCK = 512
MAX_EXTENSION_BYTES = 65_536  # real pax headers and GNU long names are tens of bytes
MAX_EXTENSION_CHAIN = 8  # extension headers before one member (real archives: a global and a per-file one)
PAX_TYPES = frozenset({b"x", b"g", b"X"})  # per-file, global, and Solaris' per-file pax header
GNU_LONG_TYPES = frozenset({b"L", b"K"})  # a long name or link name for the next member
GNU_SPARSE = b"S"
_PAX_LENGTH_RE = re.compile(rb"[0-9]{1,20} ")  # as the fixed CPython (3.12.6, 3.11.10) frames a record
# A vulnerable tarfile also searches the whole pax body for `\d+ hdrcharset=`, quadratic in a run of
# digits anywhere in it (a value too): runs are capped (paths and times hold far shorter ones).
MAX_PAX_DIGIT_RUN = 64
_LONG_DIGIT_RUN_RE = re.compile(rb"[0-9]{%d}" % (MAX_PAX_DIGIT_RUN + 1))
_MAGIC: tuple[tuple[bytes, Callable[[IO[bytes]], IO[bytes]]], ...] = (
    (b"\x1f\x8b", lambda raw: gzip.GzipFile(fileobj=raw, mode="rb")),
    (b"BZh", bz2.BZ2File), (b"\xfd7zXZ\x00", lzma.LZMAFile))


class TarRefused(Exception):
    """A tar this will not read: the message is one line, without the path (the caller adds it)."""


class Budgeted(io.RawIOBase):
    """A seekable view of a (decompressed) stream whose position may never pass `budget` bytes: a
    seek or read beyond it raises TarRefused before anything past it is decompressed. Also checks
    each tar header `GuardedInfo` announces, from a look-ahead buffer, before `tarfile` reads it."""

    def __init__(self, inner: IO[bytes], budget: int, compressed: bool) -> None:
        super().__init__()
        self.inner = inner
        self.budget = budget
        self.compressed = compressed
        self.pos = 0
        self.ahead = b""  # bytes read from `inner` at `pos` but not yet given out
        self.chain = 0  # extension headers seen since the last member's header

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self.pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        target = {io.SEEK_SET: offset, io.SEEK_CUR: self.pos + offset}.get(whence)
        if target is None:  # SEEK_END would decompress everything: tarfile never needs it to read
            raise io.UnsupportedOperation("seek from the end")
        if self.pos <= target <= self.pos + len(self.ahead):
            self.ahead = self.ahead[target - self.pos :]
        else:
            self._within(target)
            self.inner.seek(target)
            self.ahead = b""
        self.pos = target
        return target

    def read(self, size: int | None = -1) -> bytes:
        if size is None or size < 0:  # "everything": tarfile never asks it, but at most the budget
            size = max(0, self.budget + 1 - self.pos) if self.compressed else 1 << 62
        if size > len(self.ahead):
            self._within(self.pos + size)
        out = self.ahead[:size]
        self.ahead = self.ahead[size:]
        if len(out) < size:
            out += self.inner.read(size - len(out))
        self.pos += len(out)
        return out

    def readinto(self, buffer: Any) -> int:
        data = self.read(len(buffer))
        buffer[: len(data)] = data
        return len(data)

    def _within(self, end: int) -> None:
        if self.compressed and end > self.budget:
            raise TarRefused(f"listing it would decompress over {self.budget:,} bytes, more than its "
                             "size and the limits allow (a decompression bomb?)")

    def _peek(self, size: int) -> bytes:
        if len(self.ahead) < size:
            self._within(self.pos + size)
            self.ahead += self.inner.read(size - len(self.ahead))
        return self.ahead[:size]

    def check_header(self) -> None:
        """Look at the header block at the current position (and an extension header's body) before
        tarfile parses it; raise TarRefused for what tarfile must not see."""
        block = self._peek(BLOCK)
        if len(block) < BLOCK or block.count(0) == BLOCK:
            return  # the end of the archive (or a truncated one): tarfile says which
        kind = block[156:157]
        if kind == GNU_SPARSE:
            raise TarRefused("it holds a sparse file, which no export has")
        if kind not in PAX_TYPES and kind not in GNU_LONG_TYPES:
            self.chain = 0
            return
        self.chain += 1
        if self.chain > MAX_EXTENSION_CHAIN:
            raise TarRefused(f"over {MAX_EXTENSION_CHAIN} extension headers in a row before one member")
        size = _header_size(block[124:136])
        if size is None:
            return  # tarfile refuses the header itself
        if size > MAX_EXTENSION_BYTES:
            what = "pax header" if kind in PAX_TYPES else "GNU long name"
            raise TarRefused(f"a {what} of {size:,} bytes, over the limit of {MAX_EXTENSION_BYTES:,}")
        if kind in PAX_TYPES:
            padded = -(-size // BLOCK) * BLOCK
            check_pax(self._peek(BLOCK + padded)[BLOCK:])


def _header_size(field: bytes) -> int | None:
    """A header's size field as tarfile reads it (octal, or GNU base-256 when the top bit is set)."""
    if field[:1] in (b"\x80", b"\xff"):
        value = int.from_bytes(field[1:], "big")
        return value if field[:1] == b"\x80" else value - (1 << (8 * (len(field) - 1)))
    digits = field.split(b"\0", 1)[0].strip()
    try:
        return int(digits or b"0", 8)
    except ValueError:
        return None


def check_pax(body: bytes) -> None:
    """Refuse a pax header's body unless each record is `<1-20 digits> <keyword>=<value>\\n` of its
    stated length (up to a NUL or the end), and none describes a sparse file. Linear in the body."""
    pos = 0
    while pos < len(body) and body[pos] != 0:
        match = _PAX_LENGTH_RE.match(body, pos)
        length = int(match.group()[:-1]) if match else 0
        end = pos + length - 1  # the record's last byte, its newline
        if match is None or length < 5 or end >= len(body) or body[end] != 0x0A:
            raise TarRefused("a malformed pax header")
        keyword, equals, _value = body[match.end() : end].partition(b"=")
        if not keyword or not equals:
            raise TarRefused("a malformed pax header")
        if keyword.startswith(b"GNU.sparse."):
            raise TarRefused("it holds a sparse file, which no export has")
        pos = end + 1
    if _LONG_DIGIT_RUN_RE.search(body):
        raise TarRefused(f"a pax header holding a run of over {MAX_PAX_DIGIT_RUN} digits")


class GuardedInfo(tarfile.TarInfo):
    """tarfile's TarInfo, with every header checked by `Budgeted.check_header` before it is parsed
    (tarfile reads each header, those after a pax header too, through `fromtarfile`)."""

    @classmethod
    def fromtarfile(cls, tf: tarfile.TarFile) -> tarfile.TarInfo:
        fileobj = tf.fileobj
        if not isinstance(fileobj, Budgeted):
            raise TypeError("GuardedInfo reads only tars opened by open_tar")
        fileobj.check_header()
        return super().fromtarfile(tf)


@contextlib.contextmanager
def open_tar(path: Path, budget: int) -> Iterator[tarfile.TarFile]:
    """`path` opened as a tar (its compression told by its first bytes), guarded as this module says;
    `budget`: the decompressed bytes a compressed one may cost. Raises TarRefused, tarfile.TarError,
    and what a damaged compressed stream raises (OSError, EOFError, zlib.error, lzma.LZMAError)."""
    with open(path, "rb") as raw:
        head = raw.read(6)
        raw.seek(0)
        opener = next((o for magic, o in _MAGIC if head.startswith(magic)), None)
        with opener(raw) if opener is not None else contextlib.nullcontext(raw) as inner:
            stream = Budgeted(inner, budget, compressed=opener is not None)
            with tarfile.open(fileobj=stream, mode="r:", tarinfo=GuardedInfo) as tf:
                yield tf


def is_tar(path: Path, budget: int = 1 << 20) -> bool:
    """Whether `path` is a tar (gzip, bzip2 or xz compressed, or not): its first member reads, with
    the same guards. What `tarfile.is_tarfile` answers, without its exposure to a hostile header."""
    try:
        with open_tar(path, budget):
            return True
    except (TarRefused, tarfile.TarError, OSError, EOFError, lzma.LZMAError, zlib.error):
        return False  # a damaged compressed file, or no tar: not recognisably a tar
