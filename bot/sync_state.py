"""The record of which slash-command definitions were last synced to Discord, per application and guild.

Discord allows 200 command creates a day per guild, so the bot syncs only when the definitions' hash
differs from the one recorded here. The record is one small JSON file in `[paths] state_dir`, replaced
atomically (temporary file, fsync, `os.replace`): a kill leaves the old record or the new one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import uuid
from pathlib import Path
from typing import Any

from training.atomic import fsync_dir

log = logging.getLogger(__name__)

SYNC_FILE = "command_sync.json"


def definitions_hash(payload: list[dict[str, Any]]) -> str:
    """A stable hash of the command tree's JSON payload (key order does not matter)."""
    canonical = json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def scope_key(application_id: int, guild_id: int | None) -> str:
    return f"{application_id}/{guild_id if guild_id is not None else 'global'}"


class SyncRecord:
    def __init__(self, state_dir: Path) -> None:
        self.path = state_dir / SYNC_FILE

    def load(self) -> dict[str, str]:
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:  # unreadable: sync again rather than fail to start
            log.warning("ignoring %s: %s", self.path, exc)
            return {}
        return {str(k): str(v) for k, v in data.items()} if isinstance(data, dict) else {}

    def scopes(self, application_id: int) -> list[int | None]:
        """The scopes recorded for this application (None: global)."""
        found: list[int | None] = []
        for key in self.load():
            app, _, scope = key.partition("/")
            if app == str(application_id) and (scope == "global" or scope.isdigit()):
                found.append(None if scope == "global" else int(scope))
        return found

    def is_synced(self, application_id: int, guild_id: int | None, digest: str) -> bool:
        return self.load().get(scope_key(application_id, guild_id)) == digest

    def mark_synced(self, application_id: int, guild_id: int | None, digest: str) -> None:
        record = self.load()
        record[scope_key(application_id, guild_id)] = digest
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_name(f".{SYNC_FILE}.{uuid.uuid4().hex[:8]}")
        try:
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(record, fh, indent=2, sort_keys=True)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.path)
            fsync_dir(self.path.parent)  # the rename itself survives a power cut
        finally:
            tmp.unlink(missing_ok=True)
