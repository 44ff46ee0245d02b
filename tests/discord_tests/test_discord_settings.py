"""The `[discord]` section: defaults, and URLs refused with one line at start-up."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config


def test_defaults_point_at_discord(tmp_path: Path) -> None:
    (tmp_path / "c.toml").write_text("")
    d = load_config(tmp_path / "c.toml").discord
    assert d.api_base_url == "https://discord.com/api/v10" and d.gateway_url is None
    assert d.guild_ids == [] and d.health_host == "127.0.0.1"


@pytest.mark.parametrize(("line", "message"), [
    ('api_base_url = "discord.com/api"', "[discord] api_base_url: Value error, must start with http"),
    ('gateway_url = "https://gateway.discord.gg"', "[discord] gateway_url: Value error, must start with ws"),
    ("guild_ids = ['abc']", "[discord] guild_ids.0:"),
    ("cooldown_s = -1", "[discord] cooldown_s:"),
])
def test_bad_values_are_one_line(tmp_path: Path, line: str, message: str) -> None:
    (tmp_path / "c.toml").write_text(f"[discord]\n{line}\n")
    with pytest.raises(ConfigError) as exc:
        load_config(tmp_path / "c.toml")
    assert message in str(exc.value) and "\n" not in str(exc.value)
