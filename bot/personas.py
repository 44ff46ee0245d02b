"""The registry of personas: what `models/` holds, read through training's `persona.json` model.

`scan()` is blocking (it reads the disk) but cheap; the pool runs it off the event loop. Lookups are
lock-free reads of an immutable snapshot, so the loop and the pool's worker thread can share it.
"""

from __future__ import annotations

import difflib
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from training.checkpoint import PERSONA_FILE, PersonaMeta, is_valid_persona_name, read_persona

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class PersonaEntry:
    name: str
    path: Path
    meta: PersonaMeta = field(compare=False)
    # Changes when the folder is replaced (a retrain swaps in a new folder, so a new inode) or rewritten.
    version: tuple[int, int] = (0, 0)


@dataclass(frozen=True)
class ScanResult:
    added: list[str]
    changed: list[str]
    removed: list[str]

    def __bool__(self) -> bool:
        return bool(self.added or self.changed or self.removed)


def folder_version(folder: Path) -> tuple[int, int]:
    st = (folder / PERSONA_FILE).stat()
    return (folder.stat().st_ino, st.st_mtime_ns)


class PersonaRegistry:
    def __init__(self, models_dir: Path) -> None:
        self.models_dir = Path(models_dir)
        self._entries: dict[str, PersonaEntry] = {}
        self._scan_lock = threading.Lock()
        self._warned: set[tuple[str, tuple[int, int]]] = set()

    def scan(self) -> ScanResult:
        """Re-read `models/`: dot-folders and folders without a valid persona.json are skipped (logged)."""
        with self._scan_lock:
            old = self._entries
            new: dict[str, PersonaEntry] = {}
            folders = sorted(self.models_dir.iterdir()) if self.models_dir.is_dir() else []
            for folder in folders:
                if folder.name.startswith(".") or not folder.is_dir():
                    continue  # work in progress (training's temporary folders) or stray files
                entry = self._read(folder, old.get(folder.name))
                if entry is not None:
                    new[entry.name] = entry
            self._entries = new  # one assignment: readers see the old snapshot or the new one
            return ScanResult(
                added=sorted(new.keys() - old.keys()),
                changed=sorted(n for n in new.keys() & old.keys() if new[n].version != old[n].version),
                removed=sorted(old.keys() - new.keys()),
            )

    def _read(self, folder: Path, previous: PersonaEntry | None) -> PersonaEntry | None:
        try:
            version = folder_version(folder)
        except OSError:
            return None  # no persona.json (or it vanished mid-scan): not a persona
        if previous is not None and previous.version == version:
            return previous
        if not is_valid_persona_name(folder.name):
            self._warn_once(folder, version, "folder name is not a persona name")
            return None
        try:
            meta: PersonaMeta = read_persona(folder)
        except (OSError, ValidationError, ValueError) as exc:
            self._warn_once(folder, version, f"invalid {PERSONA_FILE}: {str(exc).splitlines()[0]}")
            return None
        return PersonaEntry(name=folder.name, path=folder, meta=meta, version=version)

    def _warn_once(self, folder: Path, version: tuple[int, int], why: str) -> None:
        if (folder.name, version) not in self._warned:
            self._warned.add((folder.name, version))
            log.warning("ignoring %s: %s", folder, why)

    def names(self) -> list[str]:
        return sorted(self._entries)

    def get(self, name: str) -> PersonaEntry | None:
        return self._entries.get(name)

    def suggest(self, name: str, n: int = 3) -> list[str]:
        """Close matches for an unknown name (case-insensitive), best first."""
        by_lower = {k.lower(): k for k in self._entries}
        close = difflib.get_close_matches(name.lower(), list(by_lower), n=n, cutoff=0.5)
        prefixed = [k for low, k in sorted(by_lower.items()) if name and low.startswith(name.lower())]
        out: list[str] = []
        for k in [by_lower[c] for c in close] + prefixed:
            if k not in out:
                out.append(k)
        return out[:n]

    def complete(self, text: str, limit: int = 25) -> list[str]:
        """Autocomplete: prefix matches first, then substring matches, case-insensitive, each sorted."""
        needle = text.lower()
        names = self.names()
        prefix = [n for n in names if n.lower().startswith(needle)]
        inner = [n for n in names if needle in n.lower() and n not in prefix]
        return (prefix + inner)[:limit]
