"""The copy guard's word n-grams: hashes of a persona's training tweets, so the bot can refuse a sample
that repeats one of them word for word, without the persona folder holding the tweets' text.

Training calls `write_ngram_hashes(folder, tweets)`; the bot reads the set with `read_ngram_hashes`
(on its loader thread, beside the weights) and asks `CopyGuard.copies(prompt, continuation, m)` of
every sample: does the sample hold a run of `m` or more consecutive words of a training tweet, counting
only n-grams that include at least one generated word (a prompt that quotes a training tweet by itself
is the user's words, not a copy; a sample that goes on quoting it is).

Words (`words`): the text NFKC-normalised and casefolded, split on whitespace, each token's leading and
trailing characters that are neither letters nor digits removed, tokens with none left dropped. A copy
that differs only by punctuation, emoji or case ("Bread." / "bread!") is still a copy, while inner
punctuation keeps contractions, numbers and handles one word ("don't", "3.5"). The writer and the
checker use this one function. (Scripts written without spaces, such as Chinese, make long "words":
the guard catches their copies only when whole space-separated runs repeat.)

File `copyguard.hashes`, format version 1, all integers little-endian:

    offset  size  field
    0       4     magic b"PBCG"
    4       2     format version (uint16, 1)
    6       2     n, words per n-gram (uint16, at least 1)
    8       16    salt: random per persona, the key of the hashes
    24      8     count of hashes (uint64)
    32      8*c   the hashes, sorted ascending, unique (uint64)

A hash is the first 8 bytes (read little-endian) of BLAKE2b keyed with the salt over the n-gram's words
joined by U+001F (a character `words` never leaves in a word). Keyed by a per-persona random salt, the
hashes cannot be matched against hashes of other texts (a dictionary of known tweets): only someone who
has the file can test a guess, one persona at a time. With 64 bits, a false match among a million
stored n-grams is about one in 10^13 per n-gram checked. A newer format version is refused, never
guessed at; a damaged file (short, unsorted, wrong magic) is an error, not "no guard".
"""

from __future__ import annotations

import os
import re
import secrets
import struct
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from hashlib import blake2b
from pathlib import Path

import numpy as np

from training.atomic import replace_file

FILENAME = "copyguard.hashes"  # not .bin: Hugging Face tools take *.bin for pickled weights
FORMAT_VERSION = 1
DEFAULT_N = 8
MAGIC = b"PBCG"
SALT_BYTES = 16
_HEADER = struct.Struct("<4sHH16sQ")  # magic, version, n, salt, count: 32 bytes
_SEP = "\x1f"
_EDGES = re.compile(r"^[\W_]+|[\W_]+$")  # what is neither a letter nor a digit, at a token's ends


class CopyGuardError(ValueError):
    """A copy guard file that cannot be used (damaged, or written by a newer version); one line."""


def words(text: str) -> list[str]:
    """The words the guard compares (see the module's docstring for why these rules)."""
    out = []
    for token in unicodedata.normalize("NFKC", text).casefold().split():
        word = _EDGES.sub("", token)
        if word:
            out.append(word)
    return out


def _hasher(salt: bytes) -> blake2b:
    return blake2b(digest_size=8, key=salt)


def hash_ngrams(ws: list[str], n: int, salt: bytes, start: int = 0) -> np.ndarray:
    """The keyed hashes (uint64) of the n-grams of `ws` starting at `start` and after, in order."""
    base = _hasher(salt)
    out = np.empty(max(len(ws) - n + 1 - start, 0), dtype=np.uint64)
    for k, i in enumerate(range(start, len(ws) - n + 1)):
        h = base.copy()  # copying the keyed state skips the key's own compression block
        h.update(_SEP.join(ws[i:i + n]).encode("utf-8"))
        out[k] = int.from_bytes(h.digest(), "little")
    return out


def write_ngram_hashes(folder: Path, tweets: Iterable[str], n: int = DEFAULT_N,
                       salt: bytes | None = None) -> Path:
    """Write `folder/copyguard.hashes`: the hashes of every word n-gram of `tweets` (never their text),
    atomically (a temporary file, fsynced, renamed). A tweet of fewer than `n` words adds nothing.
    `salt`: for tests; by default 16 random bytes. Returns the file's path."""
    if not 1 <= n <= 0xFFFF:
        raise ValueError(f"n must be between 1 and 65535 (got {n})")
    salt = secrets.token_bytes(SALT_BYTES) if salt is None else salt
    if len(salt) != SALT_BYTES:
        raise ValueError(f"the salt must be {SALT_BYTES} bytes (got {len(salt)})")
    parts = [hash_ngrams(words(t), n, salt) for t in tweets]
    hashes = np.unique(np.concatenate(parts)) if parts else np.empty(0, dtype=np.uint64)
    data = _HEADER.pack(MAGIC, FORMAT_VERSION, n, salt, len(hashes)) + hashes.astype("<u8").tobytes()
    path = Path(folder) / FILENAME
    replace_file(path, data)
    return path


@dataclass(frozen=True, eq=False)
class CopyGuard:
    """A persona's n-gram hashes, ready to check samples against."""

    n: int
    salt: bytes
    hashes: np.ndarray  # uint64, sorted, unique

    def __len__(self) -> int:
        return len(self.hashes)

    def _known(self, hashes: np.ndarray) -> np.ndarray:
        if not len(self.hashes):
            return np.zeros(len(hashes), dtype=bool)
        at = np.searchsorted(self.hashes, hashes).clip(max=len(self.hashes) - 1)
        return self.hashes[at] == hashes

    def copied_run(self, prompt: str, continuation: str) -> int:
        """The most consecutive words of the text (prompt then continuation) that a training tweet
        holds, counting only n-grams with at least one generated word; 0 when no n-gram matches. A
        run of k >= n words is k - n + 1 consecutive matching n-grams. O(words)."""
        ws = words(prompt + continuation)
        # The prompt's own words: all its words but a last one the continuation goes on (a merged word
        # is partly generated, so it counts as generated).
        own = len(words(prompt))
        if own and prompt and continuation and not prompt[-1].isspace() and not continuation[0].isspace():
            own -= 1
        start = max(own - self.n + 1, 0)  # the first n-gram that includes a generated word
        if len(ws) - start < self.n:
            return 0
        known = self._known(hash_ngrams(ws, self.n, self.salt, start))
        best = run = 0
        for hit in known.tolist():
            run = run + 1 if hit else 0
            best = max(best, run)
        return best + self.n - 1 if best else 0

    def copies(self, prompt: str, continuation: str, max_words: int) -> bool:
        """Whether the sample repeats `max_words` or more consecutive words of a training tweet
        (`max_words` at least `n`: fewer cannot be told from n-gram hashes)."""
        if max_words < self.n:
            raise ValueError(f"this guard holds {self.n}-word n-grams: it cannot check {max_words} words")
        return self.copied_run(prompt, continuation) >= max_words


def read_ngram_hashes(folder: Path) -> CopyGuard | None:
    """The guard of a persona folder; None when it has no `copyguard.hashes` (trained before the guard
    existed). Raises CopyGuardError for a damaged file or one of a newer format, OSError for a read
    that fails."""
    path = Path(folder) / FILENAME
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    n, salt, count = _parse_header(data[:_HEADER.size], path)
    if len(data) != _HEADER.size + 8 * count:
        raise CopyGuardError(f"{path.name} is damaged: {len(data)} bytes where its header says "
                             f"{_HEADER.size + 8 * count}")
    hashes = np.frombuffer(data, dtype="<u8", offset=_HEADER.size).astype(np.uint64)
    if count > 1 and not bool(np.all(hashes[1:] > hashes[:-1])):
        raise CopyGuardError(f"{path.name} is damaged: its hashes are not sorted")
    return CopyGuard(n, salt, hashes)


def read_header(folder: Path) -> tuple[int, int] | None:
    """(n, count of hashes) from the file's header alone (32 bytes read), None when there is no file.
    Raises CopyGuardError as `read_ngram_hashes` does for a header that cannot be used."""
    path = Path(folder) / FILENAME
    try:
        with open(path, "rb") as fh:
            head = fh.read(_HEADER.size)
            size = os.fstat(fh.fileno()).st_size
    except FileNotFoundError:
        return None
    n, _salt, count = _parse_header(head, path)
    if size != _HEADER.size + 8 * count:
        raise CopyGuardError(f"{path.name} is damaged: {size} bytes where its header says "
                             f"{_HEADER.size + 8 * count}")
    return n, count


def _parse_header(head: bytes, path: Path) -> tuple[int, bytes, int]:
    if len(head) < _HEADER.size:
        raise CopyGuardError(f"{path.name} is damaged: shorter than its header")
    magic, version, n, salt, count = _HEADER.unpack(head)
    if magic != MAGIC:
        raise CopyGuardError(f"{path.name} is not a copy guard file")
    if version > FORMAT_VERSION:
        raise CopyGuardError(f"{path.name} is format version {version}; this version reads up to "
                             f"{FORMAT_VERSION} (update the bot)")
    if version < 1 or n < 1:
        raise CopyGuardError(f"{path.name} is damaged: version {version}, n {n}")
    return n, salt, count


def guard_state(folder: Path, max_copied_words: int) -> tuple[bool, str]:
    """Whether a persona's samples are checked with `[generation] max_copied_words`, and the line that
    says so (for `/persona info`), e.g. (True, "copy guard: on (8+ words in a row)"). Reads the 32-byte
    header only; blocking (file I/O): call it off the event loop."""
    if max_copied_words == 0:
        return False, "copy guard: off ([generation] max_copied_words = 0)"
    try:
        header = read_header(folder)
    except CopyGuardError as exc:
        return False, f"copy guard: damaged ({exc}); the persona is refused until it is retrained"
    except OSError as exc:
        why = os.strerror(exc.errno) if exc.errno is not None else type(exc).__name__
        return False, f"copy guard: cannot be read right now ({why})"
    if header is None:
        return False, "copy guard: off (trained before it existed)"
    n, _count = header
    if max_copied_words < n:
        return False, (f"copy guard: off (max_copied_words = {max_copied_words} is below the {n} words "
                       "its training recorded)")
    return True, f"copy guard: on ({max_copied_words}+ words in a row)"

