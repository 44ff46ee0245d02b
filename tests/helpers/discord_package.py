"""Discord data packages for tests: a package's files by name, written as a folder or a zip."""

import csv
import io
import json
from pathlib import Path

from helpers.x_archive import make_zip

ME = 111111111111111111
SERVER = {"id": "222222222222222222", "name": "Bakers Guild"}
OTHER_SERVER = {"id": "333333333333333333", "name": "Night Owls"}
# Every private field a real user.json has, filled with values that must never reach a Source.
PRIVATE_USER = {
    "email": "secret.mail@example.com", "phone": "+15550001234", "ip": "203.0.113.77",
    "verified": True, "has_mobile": True, "premium_until": "2031-01-01",
    "payments": [{"amount": 999, "description": "SECRET-PAYMENT-NOTE"}],
    "relationships": [{"id": "444444444444444444", "user": {"username": "secret_friend"}}],
    "connections": [{"type": "spotify", "name": "SECRET-CONNECTION"}],
    "settings": {"locale": "xx-SECRET"}, "notes": {"1": "SECRET-NOTE"},
    "guild_settings": [{"guild_id": "SECRET-GUILD-SETTING"}], "entitlements": ["SECRET-ENTITLEMENT"],
    "user_activity_application_statistics": ["SECRET-ACTIVITY"], "friend_suggestions": ["SECRET-SUGGEST"],
}


def user(username: str = "marlowe", global_name: str | None = "Marlowe Quill", **extra) -> bytes:
    return json.dumps({"id": str(ME), "username": username, "discriminator": "0", "global_name": global_name,
                       "avatar_hash": "abc123", **PRIVATE_USER, **extra}).encode()


def messages_json(contents: list[str | None], numeric_ids: bool = False) -> bytes:
    return json.dumps([{"ID": 900 + i if numeric_ids else str(900 + i), "Timestamp": "2023-11-06 00:00:53",
                        "Contents": c, "Attachments": "" if c else "https://cdn.example/x.png"}
                       for i, c in enumerate(contents)]).encode()


def messages_csv(contents: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["ID", "Timestamp", "Contents", "Attachments"])
    for i, c in enumerate(contents):
        writer.writerow([900 + i, "2021-03-04 05:06:07.123000+00:00", c, ""])
    return out.getvalue().encode()


def channel(cid: int, kind: int | str = 0, guild: dict | None = SERVER, name: str = "general",
            **extra) -> bytes:
    data = {"id": str(cid), "type": kind, "name": name, **extra}
    if guild is not None:
        data["guild"] = guild
    return json.dumps(data).encode()


def package(channels: dict[int, tuple[bytes, bytes, str]], *, upper: bool = True, account: bool = True,
            avatar: bytes | None = None, index: bytes | None = None) -> dict[str, bytes]:
    """A package's files: `channels` maps a channel id to (channel.json, messages bytes, file name)."""
    messages, acct = ("Messages", "Account") if upper else ("messages", "account")
    files = {f"{messages}/index.json": index if index is not None else
             json.dumps({str(cid): None for cid in channels}).encode()}
    for cid, (meta, data, name) in channels.items():
        files[f"{messages}/c{cid}/channel.json"] = meta
        files[f"{messages}/c{cid}/{name}"] = data
    if account:
        files[f"{acct}/user.json"] = user()
    if avatar is not None:
        files[f"{acct}/avatar.png"] = avatar
    return files


def write_folder(folder: Path, files: dict[str, bytes]) -> Path:
    for name, data in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


def write_zip(path: Path, files: dict[str, bytes]) -> Path:
    return make_zip(path, files)

