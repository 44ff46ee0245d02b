"""The registry of personas: what `models/` holds, read through training's `persona.json` model.

`scan()` is blocking (it reads the disk) but cheap; the pool runs it off the event loop. A rescan
costs one directory listing and two `stat` calls per persona: an unchanged folder (same inode, same
persona.json mtime) keeps its entry without reading persona.json again. Lookups are lock-free reads
of an immutable snapshot, so the loop and the pool's worker thread can share it; the snapshot also
holds what autocomplete compares (casefolded names and display names), computed once per change
rather than on every keystroke.

A read error other than "not there" (`models/` or a persona folder unreadable: a permission or disk
error) changes nothing: what was read before stays served until it can be read again. Such an error is
logged once when it starts and once when it ends, not on every rescan.
"""

from __future__ import annotations

import difflib
import logging
import os
import re
import threading
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from training.checkpoint import PERSONA_FILE, PersonaMeta, read_persona
from training.names import is_valid_persona_name, normalise_display_name

log = logging.getLogger(__name__)

FUZZY_CUTOFF = 0.6  # difflib's default: "close" below this is noise
FUZZY_MIN_CHARS = 3  # one or two typed characters match too much to rank by similarity
_IN_FOLDER = os.sep + PERSONA_FILE
# What "not there" raises: not a persona (any other OSError is a read error: nothing changes).
MISSING = (FileNotFoundError, NotADirectoryError)  # the pool tells "gone" from "cannot read now" by it too


@dataclass(frozen=True)
class PersonaEntry:
    name: str
    path: Path
    meta: PersonaMeta = field(compare=False)
    # Changes when the folder is replaced (a retrain swaps in a new folder, so a new inode) or rewritten.
    version: tuple[int, int] = (0, 0)
    linked: bool = field(default=False, compare=False)  # the folder is a symbolic link (to anywhere)


@dataclass(frozen=True)
class ScanResult:
    added: list[str]
    changed: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def name_order(name: str) -> tuple[str, str]:
    """How personas are sorted: case-insensitively, as people look names up (ties: as written)."""
    return (name.casefold(), name)


def folder_version(folder: Path) -> tuple[int, int]:
    st = (folder / PERSONA_FILE).stat()
    return (folder.stat().st_ino, st.st_mtime_ns)


# Where a word starts inside a name: after '_', '-', a space or a dot, or at a lower-to-upper case
# change ("realDonaldTrump": Donald, Trump).
_WORD_START = re.compile(r"(?<=[_\-\s.])[^_\-\s.]|(?<=[a-z])[A-Z]")
_WORD_SPLIT = re.compile(r"[_\-\s.]+|(?<=[a-z])(?=[A-Z])")


@dataclass(frozen=True)
class MatchKey:
    """What autocomplete compares for one persona, computed once per scan that changed it."""

    name: str
    name_cf: str  # casefolded persona name
    display_cf: str  # casefolded display name(s), normalised as shown ("" when there is none)
    word_tails: tuple[str, ...]  # the casefolded text from each inner word start to the end
    words: tuple[str, ...]  # the casefolded words, for fuzzy matching
    grams: frozenset[str]  # the casefolded name's and display name's character pairs (the fuzzy index)

    @classmethod
    def of(cls, entry: PersonaEntry) -> MatchKey:
        display = " & ".join(n for h in entry.meta.handles if (n := normalise_display_name(h.display_name)))
        tails: list[str] = []
        words: list[str] = []
        for text in (entry.name, display):
            tails += [text[m.start():].casefold() for m in _WORD_START.finditer(text)]
            words += [w.casefold() for w in _WORD_SPLIT.split(text) if len(w) >= FUZZY_MIN_CHARS]
        name_cf, display_cf = entry.name.casefold(), display.casefold()
        return cls(entry.name, name_cf, display_cf, tuple(dict.fromkeys(tails)), tuple(dict.fromkeys(words)),
                   frozenset(pairs(name_cf) | pairs(display_cf)))


def pairs(text: str) -> set[str]:
    """The character pairs of `text` ("trump": tr, ru, um, mp)."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


@dataclass(frozen=True)
class Snapshot:
    """One scan's view of `models/`, never changed once built (readers need no lock)."""

    entries: dict[str, PersonaEntry]
    ordered: tuple[PersonaEntry, ...]  # by name, case-insensitively (how people look names up)
    keys: tuple[MatchKey, ...]  # in the same order
    # character pair -> indexes into `keys` holding it: fuzzy matching looks only at personas sharing
    # pairs with what was typed, not at all of them on every keystroke
    index: dict[str, tuple[int, ...]]

    @classmethod
    def build(cls, entries: dict[str, PersonaEntry], previous: Snapshot | None = None) -> Snapshot:
        reuse = {} if previous is None else {k.name: k for k in previous.keys}
        ordered = tuple(sorted(entries.values(), key=lambda e: name_order(e.name)))
        keys = []
        for entry in ordered:
            key = reuse.get(entry.name)
            if key is None or previous is None or previous.entries.get(entry.name) is not entry:
                key = MatchKey.of(entry)  # new or changed: its display name may be new too
            keys.append(key)
        index: dict[str, list[int]] = {}
        for i, key in enumerate(keys):
            for gram in key.grams:
                index.setdefault(gram, []).append(i)
        return cls(entries, ordered, tuple(keys), {g: tuple(ids) for g, ids in index.items()})


    def only(self, allowed: Allowed) -> Snapshot:
        """The personas `allowed` accepts, as a snapshot of their own (their match keys reused). The
        fuzzy index is rebuilt lazily: only when a fuzzy match is asked for (see `close_matches`)."""
        keep = [i for i, entry in enumerate(self.ordered) if allowed(entry)]
        if len(keep) == len(self.ordered):
            return self
        entries = {self.ordered[i].name: self.ordered[i] for i in keep}
        return Snapshot(entries, tuple(self.ordered[i] for i in keep), tuple(self.keys[i] for i in keep), {})


Allowed = Callable[[PersonaEntry], bool]
EMPTY = Snapshot({}, (), (), {})


class ReadErrors:
    """The read errors of the last scan, by what failed (`models/` or one persona folder): each is
    logged when it starts (or its kind changes) and when it ends, so a rescan every few seconds of an
    unreadable folder logs two lines in all, not one per scan. Used under the scan lock."""

    def __init__(self) -> None:
        self.failing: dict[str, str] = {}  # what -> the error, as logged

    def failed(self, what: str, exc: OSError) -> None:
        why = exc.strerror or type(exc).__name__
        if self.failing.get(what) != why:
            self.failing[what] = why
            log.warning("cannot read %s (%s); keeping what was read before until it can be read again",
                        what, why)

    def ok(self, what: str) -> None:
        if self.failing.pop(what, None) is not None:
            log.info("%s can be read again", what)

    def forget(self, keep: set[str]) -> None:
        """Drop folders no longer listed (removed while failing): nothing to recover from."""
        for what in [w for w in self.failing if w not in keep]:
            del self.failing[what]


class PersonaRegistry:
    def __init__(self, models_dir: Path) -> None:
        self.models_dir = Path(models_dir)
        self._snapshot = EMPTY
        self._scan_lock = threading.Lock()
        self._warned: set[tuple[str, tuple[int, int]]] = set()
        self.errors = ReadErrors()

    def scan(self) -> ScanResult:
        """Re-read `models/`: dot-folders and folders without a valid persona.json are skipped (logged).
        Never raises for a read error: an unreadable `models/` or folder keeps what was read before."""
        with self._scan_lock:
            old = self._snapshot
            folders = self._folders()
            if folders is None:
                return ScanResult(added=[], changed=[], removed=[])
            new: dict[str, PersonaEntry] = {}
            for item in folders:
                entry = self._read(item, old.entries.get(item.name))
                if entry is not None:
                    new[entry.name] = entry
            self.errors.forget({str(self.models_dir), *(item.path for item in folders)})
            added = sorted(new.keys() - old.entries.keys(), key=name_order)
            removed = sorted(old.entries.keys() - new.keys(), key=name_order)
            # _read hands back the very entry it was given when the version is the same
            changed = sorted((n for n, e in new.items() if n in old.entries and old.entries[n] is not e),
                             key=name_order)
            if added or removed or changed:
                # One assignment: readers see the old snapshot or the new one. Unchanged: kept as it
                # is, so what was built from it (sorted names, match keys, list pages) stays valid.
                self._snapshot = Snapshot.build(new, old)
            return ScanResult(added=added, changed=changed, removed=removed)

    def _folders(self) -> list[os.DirEntry[str]] | None:
        """The folders to read; None when `models/` cannot be read now (the scan changes nothing)."""
        what = str(self.models_dir)
        try:
            with os.scandir(self.models_dir) as it:
                # Dot-folders are work in progress (training's temporary folders, removals).
                folders = [item for item in it if not item.name.startswith(".")]
        except MISSING:
            folders = []
        except OSError as exc:  # EACCES, EIO, ...: not "no personas"
            self.errors.failed(what, exc)
            return None
        self.errors.ok(what)
        return folders

    def _read(self, item: os.DirEntry[str], previous: PersonaEntry | None) -> PersonaEntry | None:
        try:
            entry = self._read_folder(item, previous)
        except MISSING:
            entry = None  # no persona.json (or it vanished mid-scan): not a persona
        except OSError as exc:  # unreadable now: keep what was read before (nothing, if nothing was)
            self.errors.failed(item.path, exc)
            return previous
        self.errors.ok(item.path)
        return entry

    def _read_folder(self, item: os.DirEntry[str], previous: PersonaEntry | None) -> PersonaEntry | None:
        if not item.is_dir():  # from the listing itself: no system call unless it is a link
            return None  # stray files
        # The same values as folder_version (the pool compares them); plain string paths, as
        # path objects would cost as much as the stat calls on a rescan of a thousand folders.
        version = (item.stat().st_ino, os.stat(item.path + _IN_FOLDER).st_mtime_ns)
        if previous is not None and previous.version == version:
            return previous
        folder = Path(item.path)
        if not is_valid_persona_name(item.name):
            self._warn_once(folder, version, "folder name is not a persona name")
            return None
        try:
            meta: PersonaMeta = read_persona(folder)
        except (ValidationError, ValueError) as exc:
            self._warn_once(folder, version, f"invalid {PERSONA_FILE}: {str(exc).splitlines()[0]}")
            return None
        return PersonaEntry(name=item.name, path=folder, meta=meta, version=version, linked=item.is_symlink())

    def _warn_once(self, folder: Path, version: tuple[int, int], why: str) -> None:
        if (folder.name, version) not in self._warned:
            self._warned.add((folder.name, version))
            log.warning("ignoring %s: %s", folder, why)

    def names(self) -> list[str]:
        """Every persona's name, sorted case-insensitively."""
        return [e.name for e in self._snapshot.ordered]

    def entries(self) -> tuple[PersonaEntry, ...]:
        """Every persona, sorted as `names()`; one snapshot, the same tuple until something changes."""
        return self._snapshot.ordered

    def get(self, name: str) -> PersonaEntry | None:
        return self._snapshot.entries.get(name)

    def suggest(self, name: str, n: int = 3, allowed: Allowed | None = None) -> list[str]:
        """Names close to an unknown one, best first (as autocomplete ranks them)."""
        return self.complete(name, limit=n, allowed=allowed) if name.strip() else []

    def complete(self, text: str, limit: int = 25, allowed: Allowed | None = None) -> list[str]:
        """Autocomplete, best first: the name or display name equal to `text` (case-insensitive), then
        names starting with it, then display names starting with it, then those with a word starting
        with it (after '_', '-', a space, or in camelCase), then those containing it, then close ones
        (difflib) for what is still missing. Alphabetical within each group, the close ones by
        similarity. Empty `text`: the first names. `allowed`: only personas it accepts are considered,
        so the best `limit` are the best of those (a persona of another server takes no place)."""
        snapshot = self._snapshot  # one snapshot throughout, whatever a rescan does meanwhile
        if allowed is not None:
            snapshot = snapshot.only(allowed)
        needle = " ".join(text.split()).casefold()
        if not needle:
            return [k.name for k in snapshot.keys[:limit]]
        exact: list[str] = []
        prefix: list[str] = []
        display_prefix: list[str] = []
        word: list[str] = []
        inner: list[str] = []
        for k in snapshot.keys:
            if needle == k.name_cf or needle == k.display_cf:
                exact.append(k.name)
            elif k.name_cf.startswith(needle):
                prefix.append(k.name)
            elif k.display_cf.startswith(needle):
                display_prefix.append(k.name)
            elif any(t.startswith(needle) for t in k.word_tails):
                word.append(k.name)
            elif needle in k.name_cf or needle in k.display_cf:
                inner.append(k.name)
        found = (exact + prefix + display_prefix + word + inner)[:limit]
        if len(found) < limit and len(needle) >= FUZZY_MIN_CHARS:
            found += close_matches(needle, snapshot, set(found), limit - len(found))
        return found


def close_matches(needle: str, snapshot: Snapshot, skip: set[str], n: int) -> list[str]:
    """The `n` personas (not in `skip`) most similar to `needle`, best first: difflib's ratio over the
    name, the display name and their words, at least FUZZY_CUTOFF. Only personas sharing at least half
    of the needle's character pairs are compared (a typo keeps most pairs), found through the index."""
    wanted = pairs(needle)
    hits: Counter[int] = Counter()
    if not snapshot.index and snapshot.keys:  # a filtered snapshot: no index, so compare by its pairs
        for i, key in enumerate(snapshot.keys):
            if shared := len(wanted & key.grams):
                hits[i] = shared
    for gram in wanted:
        hits.update(snapshot.index.get(gram, ()))
    enough = max(1, len(wanted) // 2)
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(needle)  # difflib caches what it learns about seq2: the needle, set once
    size = len(needle)
    scored: list[tuple[float, str]] = []
    for i, shared in hits.items():
        k = snapshot.keys[i]
        if shared < enough or k.name in skip:
            continue
        best = 0.0
        for candidate in (k.name_cf, k.display_cf, *k.words):
            # difflib's real_quick_ratio from the lengths alone, before any matcher work
            if 2 * min(size, len(candidate)) < FUZZY_CUTOFF * (size + len(candidate)):
                continue
            matcher.set_seq1(candidate)
            if matcher.quick_ratio() >= FUZZY_CUTOFF:
                best = max(best, matcher.ratio())
        if best >= FUZZY_CUTOFF:
            scored.append((-best, k.name))
    return [name for _, name in sorted(scored)[:n]]
