"""A Discord data package's files, from its zip or its unpacked folder: found under the package's root
(at the top, or in one top folder), each read only when its declared size fits its limit and never
past it, with nothing extracted to disk; a zip whose member escapes its folder or is a link, a folder
holding a link, or a zip with too many members is refused whole. `discord_package` reads them."""

from __future__ import annotations

import re
import stat
import zipfile
import zlib
from pathlib import Path
from typing import Any, NoReturn

from training.records import DataError, quoted, read_capped, safe_member, shown_member

MESSAGES = ("Messages", "messages")
ACCOUNT = ("Account", "account")
INDEX = "index.json"
CHANNEL = "channel.json"
MESSAGE_FILES = ("messages.json", "messages.csv")
AVATARS = ("avatar.png", "avatar.gif", "avatar.jpeg", "avatar.jpg", "avatar.webp")
USER = "user.json"
MAX_MEMBERS = 500_000  # two files per channel, plus activity and server files: far fewer in real ones
CHANNEL_DIR_RE = re.compile(r"c[0-9]{1,20}")
CORRUPT = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, OSError)



class Package:
    """The files of a package by their name under its root ("Messages/c1/channel.json"): read capped."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.names: set[str] = set()

    def size(self, name: str) -> int:
        raise NotImplementedError

    def open(self, name: str) -> Any:
        raise NotImplementedError

    def read(self, name: str, limit: int, what: str | None = None) -> bytes | None:
        """The file's bytes, None when absent; DataError (`what` says it is data) or ValueError (a
        profile file) when over `limit`, declared or found while reading, or unreadable."""
        if name not in self.names:
            return None
        size = self.size(name)
        if size > limit:
            self._problem(name, f"holds {size:,} bytes, over the limit of {limit:,}{what or ''}", what)
        try:
            raw = read_capped(self.open(name), limit)
        except CORRUPT as exc:
            self._problem(name, f"is unreadable ({' '.join(str(exc).split())})", what)
        if raw is None:  # its declared size lied: never more than the limit in memory all the same
            self._problem(name, f"is over the limit of {limit:,} bytes{what or ''}", what)
        return raw

    def _problem(self, name: str, why: str, what: str | None) -> NoReturn:
        message = f"{self.shown(name)} {why}"
        if what is not None:
            raise DataError(message)
        raise ValueError(message)

    def shown(self, name: str) -> str:
        return f"{quoted(self.path)}: {shown_member(name)}"


class FolderPackage(Package):
    def __init__(self, path: Path, root: Path) -> None:
        super().__init__(path)
        self.root = root
        for messages in MESSAGES:
            folder = root / messages
            if not folder.is_dir():
                continue
            _no_link(path, folder)
            for entry in folder.iterdir():
                _no_link(path, entry)
                if entry.name == INDEX or (CHANNEL_DIR_RE.fullmatch(entry.name) and entry.is_dir()):
                    self._add(entry)
        for account in ACCOUNT:
            for name in (USER, *AVATARS):
                self._add(root / account / name)

    def _add(self, entry: Path) -> None:
        files = [entry] if not entry.is_dir() else [entry / n for n in (CHANNEL, *MESSAGE_FILES)]
        for file in files:
            if file.is_symlink():
                raise DataError(f"{quoted(self.path)}: refusing a package holding a link "
                                f"({shown_member(file.relative_to(self.root).as_posix())})")
            if file.is_file():
                self.names.add(file.relative_to(self.root).as_posix())

    def size(self, name: str) -> int:
        return (self.root / name).stat().st_size

    def open(self, name: str) -> Any:
        return open(self.root / name, "rb")  # read_capped closes it

    def shown(self, name: str) -> str:
        return quoted(self.root / name)


class ZipPackage(Package):
    def __init__(self, path: Path, zf: zipfile.ZipFile) -> None:
        super().__init__(path)
        self.zf = zf
        infos = zf.infolist()
        if len(infos) > MAX_MEMBERS:
            raise DataError(f"{quoted(path)}: the zip holds over {MAX_MEMBERS:,} members, too many for a "
                            "Discord data package")
        for info in infos:
            if not safe_member(info.filename):
                raise DataError(f"{quoted(path)}: refusing a zip whose member {shown_member(info.filename)} "
                                "escapes its folder")
            if stat.S_ISLNK(info.external_attr >> 16):  # a link's "content" is where it points
                raise DataError(f"{quoted(path)}: refusing a zip holding a link "
                                f"({shown_member(info.filename)})")
        files = {i.filename: i for i in infos if not i.is_dir()}
        top = zip_top(files)
        self.infos = {name[len(top):]: info for name, info in files.items() if name.startswith(top)}
        self.names = set(self.infos)
        self.top = top

    def size(self, name: str) -> int:
        return self.infos[name].file_size

    def open(self, name: str) -> Any:
        info = self.infos[name]
        if info.flag_bits & 0x1:  # zipfile would raise RuntimeError asking for a password
            raise OSError("encrypted: unzip it and give the folder")
        return self.zf.open(info)

    def shown(self, name: str) -> str:
        return f"{quoted(self.path)}: {shown_member(self.top + name)}"


def _no_link(path: Path, entry: Path) -> None:
    if entry.is_symlink():  # a link could point anywhere: no real package has one
        raise DataError(f"{quoted(path)}: refusing a package holding a link ({entry.name})")


def zip_top(names: dict[str, Any]) -> str:
    """The folder the package sits in inside a zip: "" at its root, else "top/" (a re-packed one)."""
    if any(f"{m}/{INDEX}" in names for m in MESSAGES):
        return ""
    tops = sorted(n[: -len(f"{m}/{INDEX}")] for n in names for m in MESSAGES
                  if n.endswith(f"/{m}/{INDEX}") and n.count("/") == 2)
    return tops[0] if tops else ""


def folder_root(folder: Path) -> Path | None:
    """Where the package's `Messages/` is: the folder, or its one top folder (unpacked into its own)."""
    candidates = [folder, *sorted(d for d in folder.iterdir() if d.is_dir() and not d.is_symlink())]
    for root in candidates:
        if any((root / m / INDEX).is_file() for m in MESSAGES):
            return root
    return None
