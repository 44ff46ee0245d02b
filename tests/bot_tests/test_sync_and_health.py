"""The command-sync record and the health server, on their own."""

from __future__ import annotations

import json
from pathlib import Path

import aiohttp
from prometheus_client import CollectorRegistry, Counter

from bot.health import HealthServer
from bot.sync_state import SyncRecord, definitions_hash


def test_hash_ignores_key_order_but_not_content() -> None:
    a = [{"name": "imitate", "description": "x", "options": []}]
    b = [{"options": [], "description": "x", "name": "imitate"}]
    assert definitions_hash(a) == definitions_hash(b)
    assert definitions_hash(a) != definitions_hash([{**a[0], "description": "y"}])


def test_record_per_application_and_guild(tmp_path: Path) -> None:
    record = SyncRecord(tmp_path / "state")
    assert not record.is_synced(1, 10, "h1")
    record.mark_synced(1, 10, "h1")
    record.mark_synced(1, None, "h2")
    assert record.is_synced(1, 10, "h1") and record.is_synced(1, None, "h2")
    assert not record.is_synced(1, 11, "h1") and not record.is_synced(2, 10, "h1")
    assert not record.is_synced(1, 10, "h2")
    assert json.loads(record.path.read_text()) == {"1/10": "h1", "1/global": "h2"}
    assert [p.name for p in record.path.parent.iterdir()] == ["command_sync.json"]  # no temp file left


def test_record_rename_is_made_durable(tmp_path: Path, dir_fsyncs: list[int]) -> None:
    SyncRecord(tmp_path).mark_synced(1, None, "h")
    assert dir_fsyncs  # the folder holding the replaced record was fsynced


def test_corrupt_record_means_sync_again(tmp_path: Path) -> None:
    record = SyncRecord(tmp_path)
    record.path.write_text("{not json")
    assert not record.is_synced(1, 10, "h1")
    record.mark_synced(1, 10, "h1")
    assert record.is_synced(1, 10, "h1")


async def test_healthz_and_metrics() -> None:
    registry = CollectorRegistry()
    Counter("persona_bot_test", "a test counter", registry=registry).inc(3)
    status = {"gateway": True, "pool": True}
    server = HealthServer("127.0.0.1", 0, registry, lambda: dict(status))
    await server.start()
    base = f"http://127.0.0.1:{server.port}"
    try:
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{base}/healthz") as resp:
                assert resp.status == 200 and await resp.json() == {"ok": True, "gateway": True, "pool": True}
            status["gateway"] = False
            async with session.get(f"{base}/healthz") as resp:
                assert resp.status == 503
                assert await resp.json() == {"ok": False, "gateway": False, "pool": True}
            async with session.get(f"{base}/metrics") as resp:
                assert resp.status == 200 and resp.content_type == "text/plain"
                assert "persona_bot_test_total 3.0" in await resp.text()
    finally:
        await server.close()
