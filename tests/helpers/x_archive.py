"""X (Twitter) archives for tests: tweets.js text, zips of the sample archive, a zip member marked
encrypted, the protected-history file, and a spy on the members a reader opens."""

import json
import zipfile
from pathlib import Path

from helpers.paths import ROOT

SAMPLE = ROOT / "examples" / "marlowe_bakes"


def archive_js(items: list[dict], ending: str = "]") -> str:
    return "window.YTD.tweets.part0 = " + json.dumps(items, indent=1)[:-1] + ending


def tweet(text: str, **extra) -> dict:
    return {"tweet": {"full_text": text, "retweeted": False, "favorite_count": "1", **extra}}


def make_zip(path: Path, members: dict[str, str | bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def sample_zip(tmp_path: Path, **more: str | bytes) -> Path:
    members = {"data/tweets.js": (SAMPLE / "data" / "tweets.js").read_text(),
               "data/manifest.js": (SAMPLE / "data" / "manifest.js").read_text(),
               "data/tweets_media/big.jpg": b"\xff\xd8" + b"\0" * 1000,
               "data/direct-messages.js": "window.YTD.direct_messages.part0 = []", **more}
    return make_zip(tmp_path / "archive.zip", members)


def spy_opens(monkeypatch) -> list[str]:
    """The names of the zip members opened from here on."""
    opened = []
    original = zipfile.ZipFile.open

    def spy(self, name, *args, **kwargs):
        opened.append(getattr(name, "filename", name))
        return original(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", spy)
    return opened


def encrypt_flag(path: Path, member: str) -> Path:
    """Mark `member` encrypted (the flag bit in its local header and central directory entry), as a
    password-protected zip has it; zipfile then refuses to read it without a password."""
    raw = bytearray(path.read_bytes())
    # (signature, offset of the flags, offset of the name) of the local header and the directory entry
    for sig, flags, name_at in ((b"PK\x03\x04", 6, 30), (b"PK\x01\x02", 8, 46)):
        at = raw.index(sig)
        while not raw[at + name_at :].startswith(member.encode()):
            at = raw.index(sig, at + 1)
        raw[at + flags] |= 0x1
    path.write_bytes(bytes(raw))
    return path


def protected_history(*events: tuple[str, str]) -> str:
    items = [{"protectedHistory": {"protectedAt": at, "action": action}} for at, action in events]
    return "window.YTD.protected_history.part0 = " + json.dumps(items)


def lie_about_size(path: Path, member: str, size: int) -> Path:
    """Rewrite `member`'s declared uncompressed size (local header and central directory) to `size`."""
    raw = bytearray(path.read_bytes())
    for sig, offset, name_at in ((b"PK\x03\x04", 22, 30), (b"PK\x01\x02", 24, 46)):
        at = raw.index(sig)
        while not raw[at + name_at :].startswith(member.encode()):
            at = raw.index(sig, at + 1)
        raw[at + offset : at + offset + 4] = size.to_bytes(4, "little")
    path.write_bytes(bytes(raw))
    return path
