"""The real bot pointed at the Discord stand-in: its config, and the options of a /persona add."""

from __future__ import annotations

from pathlib import Path

from helpers.config import write_config
from helpers.paths import ROOT
from helpers.standin import ADMIN_ROLE_ID, GUILD_ID, DiscordStandIn

SAMPLE_TWEETS = ROOT / "examples" / "marlowe_bakes" / "data" / "tweets.js"
MAX_ATTACHMENT = 1_000_000


def standin_config(folder: Path, standin: DiscordStandIn, *, gateway: bool = False,
                   **discord: object) -> Path:
    """The test config (`write_config`) pointed at the stand-in; `gateway`: its gateway URL too."""
    settings = {"guild_ids": [GUILD_ID], "admin_role_ids": [ADMIN_ROLE_ID], "health_port": 0,
                "max_attachment_bytes": MAX_ATTACHMENT, "api_base_url": standin.api_base_url, **discord}
    if gateway:
        settings["gateway_url"] = standin.gateway_url
    # The base test reaches the training CLI with a folder that does not exist (allowed here).
    return write_config(folder, pool={"rescan_interval_s": 0.5}, discord=settings,
                        training={"allowed_bases": ["tiny", "./no/such/base"]})


def add_options(standin: DiscordStandIn, name: str, filename: str, content: bytes,
                claimed: int | None = None):
    att = standin.attachment(filename, content, claimed)
    options = [{"name": "name", "type": 3, "value": name},
               {"name": "archive", "type": 11, "value": att["id"]}]
    return options, {"attachments": {att["id"]: att}}
