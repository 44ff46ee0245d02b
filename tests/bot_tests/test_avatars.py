"""Persona pictures served by the health server (bot/avatars.py), fetched over real HTTP."""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import json
import os
import threading
from collections.abc import AsyncIterator, Mapping
from pathlib import Path
from types import SimpleNamespace

import aiohttp
import pytest
from helpers.checkpoints import make_checkpoint
from prometheus_client import CollectorRegistry
from yarl import URL

import bot.avatars
from bot.avatars import CACHE_CONTROL, AvatarCache, avatar_file, avatar_route_path, avatar_routes, avatar_url
from bot.health import HealthServer
from bot.personas import PersonaRegistry
from training.checkpoint import PERSONA_FILE

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4  # not a real picture: the server never looks inside
JPEG = b"\xff\xd8\xff\xe0" + b"another picture" * 50


def set_avatar(folder: Path, body: bytes, ext: str, content_type: str, sha256: str | None = None) -> str:
    """Write a picture into the persona folder and record it in persona.json, as training would;
    returns its sha256."""
    sha = hashlib.sha256(body).hexdigest()
    name = f"avatar-{sha[:12]}.{ext}"
    (folder / name).write_bytes(body)
    record_avatar(folder, {"file": name, "sha256": sha256 or sha, "content_type": content_type,
                           "bytes": len(body), "width": 1, "height": 1, "source": "archive"})
    return sha


def record_avatar(folder: Path, avatar: dict[str, str]) -> None:
    meta_path = folder / PERSONA_FILE
    before = meta_path.stat().st_mtime_ns
    meta = json.loads(meta_path.read_text())
    meta["avatar"] = avatar
    meta_path.write_text(json.dumps(meta))
    # The registry sees a rewrite by persona.json's mtime; make sure it moves, however coarse the clock.
    os.utime(meta_path, ns=(before + 1_000_000_000, before + 1_000_000_000))


@pytest.fixture
def personas(models_dir: Path) -> PersonaRegistry:
    set_avatar(make_checkpoint(models_dir, "marlowe_bakes", "Marlowe"), PNG, "png", "image/png")
    make_checkpoint(models_dir, "plain", "No Picture")
    registry = PersonaRegistry(models_dir)
    registry.scan()
    return registry


@pytest.fixture
async def base(personas: PersonaRegistry) -> AsyncIterator[str]:
    server = HealthServer("127.0.0.1", 0, CollectorRegistry(), lambda: {"pool": True},
                          routes=avatar_routes(personas))
    await server.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        await server.close()


async def fetch(url: str | URL, method: str = "GET") -> tuple[int, bytes, Mapping[str, str]]:
    async with aiohttp.ClientSession() as session, session.request(method, url) as resp:
        return resp.status, await resp.read(), resp.headers


def test_paths_and_urls(personas: PersonaRegistry) -> None:
    entry = personas.get("marlowe_bakes")
    assert entry is not None
    sha = hashlib.sha256(PNG).hexdigest()
    assert avatar_route_path(entry) == f"/avatars/marlowe_bakes/{sha[:12]}.png"
    assert avatar_url("https://bot.example.org", entry) == (
        f"https://bot.example.org/avatars/marlowe_bakes/{sha[:12]}.png")
    assert avatar_url("https://bot.example.org/", entry) == avatar_url("https://bot.example.org", entry)
    assert avatar_url(None, entry) is None and avatar_url("", entry) is None
    assert avatar_file(entry) == (entry.path / f"avatar-{sha[:12]}.png").resolve()
    plain = personas.get("plain")
    assert plain is not None
    assert avatar_route_path(plain) is None and avatar_url("https://bot.example.org", plain) is None
    assert avatar_file(plain) is None


async def test_serves_the_picture(personas: PersonaRegistry, base: str) -> None:
    entry = personas.get("marlowe_bakes")
    assert entry is not None
    url = avatar_url(base, entry)
    assert url is not None
    status, body, headers = await fetch(url)
    assert status == 200 and body == PNG
    assert headers["Content-Type"] == "image/png"
    assert headers["Cache-Control"] == CACHE_CONTROL
    assert headers["X-Content-Type-Options"] == "nosniff"
    status, body, headers = await fetch(url, "HEAD")
    assert status == 200 and body == b"" and headers["Content-Type"] == "image/png"
    assert int(headers["Content-Length"]) == len(PNG)
    status, _, _ = await fetch(f"{base}/healthz")  # the server's own routes are still there
    assert status == 200


async def test_misses_are_404(personas: PersonaRegistry, base: str) -> None:
    entry = personas.get("marlowe_bakes")
    assert entry is not None
    path = avatar_route_path(entry)
    assert path is not None
    sha12 = path.rsplit("/", 1)[1].split(".")[0]
    misses = [
        f"/avatars/marlowe_bakes/{'0' * 12}.png",  # another version
        f"/avatars/marlowe_bakes/{sha12}.jpg",  # the right hash, another extension
        f"/avatars/marlowe_bakes/{sha12.upper()}.png",
        f"/avatars/marlowe_bakes/{sha12}.png.bak",
        f"/avatars/marlowe_bakes/avatar-{sha12}.png",  # the file's own name is no URL
        f"/avatars/plain/{sha12}.png",  # a persona without a picture
        f"/avatars/nobody/{sha12}.png",  # an unknown persona
        f"/avatars/Marlowe_Bakes/{sha12}.png",
        "/avatars/marlowe_bakes/",
        "/avatars/marlowe_bakes",
    ]
    for miss in misses:
        status, _, _ = await fetch(base + miss)
        assert status == 404, miss
    # Sent as written: the client would otherwise resolve the dots before they reach the server.
    assert (await fetch(URL(base + path, encoded=True)))[0] == 200  # the way of sending works
    for raw in [f"/avatars/../{sha12}.png", f"/avatars/%2e%2e/{sha12}.png", f"/avatars/%2E%2E/{sha12}.png",
                f"/avatars/marlowe_bakes/..%2f{sha12}.png",
                f"/avatars/marlowe_bakes%2f..%2fplain/{sha12}.png",
                "/avatars/..%2fmarlowe_bakes/persona.json", "/avatars/marlowe_bakes/%2e%2e"]:
        status, _, _ = await fetch(URL(base + raw, encoded=True))
        assert status == 404, raw


async def test_changed_picture_changes_url(personas: PersonaRegistry, base: str) -> None:
    old = personas.get("marlowe_bakes")
    assert old is not None
    old_url = avatar_url(base, old)
    set_avatar(old.path, JPEG, "jpg", "image/jpeg")  # the old file stays: the record decides
    assert personas.scan().changed == ["marlowe_bakes"]
    new = personas.get("marlowe_bakes")
    assert new is not None
    new_url = avatar_url(base, new)
    assert new_url is not None and new_url != old_url and new_url.endswith(".jpg")
    assert (await fetch(old_url))[0] == 404  # type: ignore[arg-type]
    status, body, headers = await fetch(new_url)
    assert status == 200 and body == JPEG and headers["Content-Type"] == "image/jpeg"


async def test_refuses_what_the_record_does_not_vouch_for(tmp_path: Path, models_dir: Path,
                                                          personas: PersonaRegistry, base: str) -> None:
    folder = models_dir / "marlowe_bakes"
    # A picture that is a link out of the persona folder: never followed.
    outside = tmp_path / "secret.png"
    outside.write_bytes(PNG + b"secret")
    sha = hashlib.sha256(outside.read_bytes()).hexdigest()
    link = folder / f"avatar-{sha[:12]}.png"
    link.symlink_to(outside)
    record_avatar(folder, {"file": link.name, "sha256": sha, "content_type": "image/png", "bytes": 1,
                           "width": 1, "height": 1, "source": "admin"})
    personas.scan()
    entry = personas.get("marlowe_bakes")
    assert entry is not None and avatar_file(entry) is None
    assert (await fetch(avatar_url(base, entry)))[0] == 404  # type: ignore[arg-type]
    # Bytes that do not match the recorded sha256: the immutable URL would name the wrong picture.
    body = JPEG + b"edited"
    name = f"avatar-{hashlib.sha256(body).hexdigest()[:12]}.jpg"
    (folder / name).write_bytes(body)
    record_avatar(folder, {"file": name, "sha256": "ab" * 32, "content_type": "image/jpeg", "bytes": 1,
                           "width": 1, "height": 1, "source": "admin"})
    personas.scan()
    entry = personas.get("marlowe_bakes")
    assert entry is not None and avatar_file(entry) is not None
    assert (await fetch(avatar_url(base, entry)))[0] == 404  # type: ignore[arg-type]
    # Records that are not a picture this code serves: persona.json is refused, so nothing is served.
    url = avatar_url(base, entry)
    for odd in [{"file": "../plain/persona.json"}, {"file": "avatar-0123456789ab.svg"},
                {"content_type": "text/html"}, {"sha256": "xyz"}]:
        record_avatar(folder, {"file": name, "sha256": "ab" * 32, "content_type": "image/jpeg", "bytes": 1,
                               "width": 1, "height": 1, "source": "admin", **odd})
        personas.scan()
        assert personas.get("marlowe_bakes") is None, odd
        assert (await fetch(url))[0] == 404  # type: ignore[arg-type]


class Counts:
    """Reads (file opened and read) and sha256 computations done by bot.avatars."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.reads = 0
        self.hashes = 0
        real_read = bot.avatars._read

        def read(*args):
            self.reads += 1
            return real_read(*args)

        def sha256(data: bytes = b""):
            self.hashes += 1
            return hashlib.sha256(data)

        monkeypatch.setattr(bot.avatars, "_read", read)
        monkeypatch.setattr(bot.avatars, "hashlib", SimpleNamespace(sha256=sha256))


@contextlib.asynccontextmanager
async def serving(personas: PersonaRegistry, cache: AvatarCache | None = None) -> AsyncIterator[str]:
    server = HealthServer("127.0.0.1", 0, CollectorRegistry(), lambda: {"pool": True},
                          routes=avatar_routes(personas, cache))
    await server.start()
    try:
        yield f"http://127.0.0.1:{server.port}"
    finally:
        await server.close()


async def test_a_repeat_request_reads_and_hashes_nothing(personas: PersonaRegistry, base: str,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    counts = Counts(monkeypatch)
    entry = personas.get("marlowe_bakes")
    assert entry is not None
    url = avatar_url(base, entry)
    assert url is not None
    together = await asyncio.gather(*(fetch(url) for _ in range(20)))  # arriving at once: one read
    after = [await fetch(url) for _ in range(20)] + [await fetch(url, "HEAD")]
    assert all(status == 200 and body == PNG for status, body, _ in together + after[:-1])
    assert after[-1][0] == 200 and int(after[-1][2]["Content-Length"]) == len(PNG)
    assert (counts.reads, counts.hashes) == (1, 1)


async def test_a_picture_changed_on_disk_is_read_and_checked_again(personas: PersonaRegistry, base: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    counts = Counts(monkeypatch)
    entry = personas.get("marlowe_bakes")
    assert entry is not None
    url = avatar_url(base, entry)
    path = avatar_file(entry)
    assert url is not None and path is not None
    assert (await fetch(url))[1] == PNG and (await fetch(url))[1] == PNG
    assert counts.reads == 1
    st = path.stat()
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))  # rewritten: a new identity
    assert (await fetch(url))[1] == PNG and (await fetch(url))[1] == PNG
    assert counts.reads == 2
    path.write_bytes(PNG[:-1] + b"!")  # the same size, other bytes: not what the URL names
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 2_000_000_000))
    assert (await fetch(url))[0] == 404  # checked again, not served from what was kept
    assert counts.reads == 3
    path.unlink()
    assert (await fetch(url))[0] == 404  # gone from disk: gone from the URL too
    set_avatar(entry.path, JPEG, "jpg", "image/jpeg")  # a new picture: a new URL, read once
    personas.scan()
    new = personas.get("marlowe_bakes")
    assert new is not None
    new_url = avatar_url(base, new)
    assert new_url is not None
    assert [(await fetch(new_url))[1] for _ in range(3)] == [JPEG] * 3
    assert counts.reads == 4


async def test_the_cache_is_bounded_in_bytes_and_count(models_dir: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = {name: PNG + name.encode() * 40 for name in ("ann", "bob", "cat")}
    for name, body in bodies.items():
        set_avatar(make_checkpoint(models_dir, name), body, "png", "image/png")
    personas = PersonaRegistry(models_dir)
    personas.scan()
    counts = Counts(monkeypatch)
    cache = AvatarCache(max_bytes=2 * len(bodies["ann"]) + 100, max_entries=10)
    paths = {name: avatar_route_path(personas.get(name)) for name in bodies}  # type: ignore[arg-type]
    async with serving(personas, cache) as base:
        urls = {name: f"{base}{path}" for name, path in paths.items()}
        for name in ("ann", "bob", "ann", "cat"):  # ann used again: bob is the least recently used
            assert (await fetch(urls[name]))[1] == bodies[name]
        assert counts.reads == 3 and len(cache) == 2 and cache.bytes <= cache.max_bytes
        assert (await fetch(urls["ann"]))[1] == bodies["ann"] and counts.reads == 3  # kept
        assert (await fetch(urls["bob"]))[1] == bodies["bob"] and counts.reads == 4  # evicted, read again
    cache = AvatarCache(max_bytes=10**6, max_entries=1)
    async with serving(personas, cache) as base:
        for name in ("ann", "bob", "ann"):
            assert (await fetch(f"{base}{paths[name]}"))[1] == bodies[name]
        assert len(cache) == 1 and cache.bytes == len(bodies["ann"]) and counts.reads == 7
    too_big = AvatarCache(max_bytes=10)
    too_big.put(("ann", "0" * 64, "a.png", (0, 0, 0, 0)), PNG)  # served, never kept
    assert len(too_big) == 0 and too_big.bytes == 0


# --- a persona removed or forgotten (/persona forget) --------------------------------------------


async def test_a_forgotten_personas_url_answers_404_at_once_and_nothing_of_it_stays_cached(
        models_dir: Path, personas: PersonaRegistry) -> None:
    set_avatar(make_checkpoint(models_dir, "kept", "Kept"), JPEG, "jpg", "image/jpeg")
    personas.scan()
    cache = AvatarCache()
    entry, other = personas.get("marlowe_bakes"), personas.get("kept")
    assert entry is not None and other is not None
    async with serving(personas, cache) as base:
        url, other_url = avatar_url(base, entry), avatar_url(base, other)
        assert url is not None and other_url is not None
        assert (await fetch(url))[:2] == (200, PNG) and (await fetch(other_url))[:2] == (200, JPEG)
        assert cache.holds("marlowe_bakes") == 1 and cache.bytes == len(PNG) + len(JPEG)
        (models_dir / "marlowe_bakes").rename(models_dir / ".forget-marlowe_bakes")  # as forget does
        personas.scan()
        assert (await fetch(url))[0] == 404  # at once: the registry no longer lists it
        assert cache.forget("marlowe_bakes") == len(PNG)
        assert cache.holds("marlowe_bakes") == 0 and cache.bytes == len(JPEG) and len(cache) == 1
        assert cache.forget("marlowe_bakes") == 0
        assert (await fetch(url))[0] == 404 and cache.holds("marlowe_bakes") == 0
        assert (await fetch(other_url))[:2] == (200, JPEG)  # another persona's picture is untouched


async def test_a_read_in_flight_when_its_persona_is_forgotten_is_neither_kept_nor_served(
        personas: PersonaRegistry, monkeypatch: pytest.MonkeyPatch) -> None:
    started, release = threading.Event(), threading.Event()
    real_read = bot.avatars._read

    def slow_read(*args):
        started.set()
        release.wait(30)
        return real_read(*args)

    monkeypatch.setattr(bot.avatars, "_read", slow_read)
    cache = AvatarCache()
    entry = personas.get("marlowe_bakes")
    assert entry is not None
    async with serving(personas, cache) as base:
        url = avatar_url(base, entry)
        assert url is not None
        reading = asyncio.create_task(fetch(url))
        assert await asyncio.to_thread(started.wait, 30)
        assert cache.forget("marlowe_bakes") == 0  # nothing kept yet: the read is still under way
        release.set()
        assert (await reading)[0] == 404
        assert cache.holds("marlowe_bakes") == 0 and cache.bytes == 0
        assert (await fetch(url))[:2] == (200, PNG)  # a later request (it was not removed) reads anew
        assert cache.holds("marlowe_bakes") == 1
