"""config.toml: every error stops start-up with one line naming the key, and a non-zero exit."""

import subprocess
import sys
from pathlib import Path

import pytest
from helpers.paths import ROOT

from bot.config import Config, ConfigError, load_config
from training.config import load_training_config

BAD = [
    ("[pool]\nmax_bach = 3\n", "[pool] max_bach: unknown key"),
    ("[discrod]\nguild_ids = []\n", "[discrod]: unknown key"),
    ('[pool]\nmax_batch = "many"\n', "[pool] max_batch: Input should be a valid integer"),
    ("[pool]\nmax_batch = 0\n", "[pool] max_batch: Input should be greater than or equal to 1"),
    ("[generation]\ntop_p = 1.5\n", "[generation] top_p: Input should be less than or equal to 1"),
    ('[discord]\nguild_ids = ["abc"]\n', "[discord] guild_ids.0: Input should be a valid integer"),
    ("[training]\nepochs = -1\n", "[training] epochs: Input should be greater than 0"),
    ("[paths\n", "not valid TOML"),
    # The token's variable's NAME, never the token: a pasted secret (dashes, dots) is refused.
    ('[serve]\ntoken_env = "3f9c-77ab.x"\n', "[serve] token_env: String should match pattern"),
    ('[pool]\nremote_token_env = "MY TOKEN"\n', "[pool] remote_token_env: String should match pattern"),
]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config.toml"
    path.write_text(text)
    return path


def test_shipped_config_is_valid_and_matches_defaults():
    cfg = load_config(ROOT / "config.toml")
    assert cfg == Config()
    assert load_training_config(ROOT / "config.toml").training == cfg.training


@pytest.mark.parametrize(("text", "expected"), BAD)
def test_bad_config_is_one_line_naming_the_key(tmp_path, text, expected):
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert message.startswith(str(path))


def test_training_refuses_misspelt_sections_but_leaves_bot_sections_to_the_bot(tmp_path):
    with pytest.raises(ConfigError, match=r"\[trainig\]: unknown key"):
        load_training_config(write(tmp_path, "[trainig]\nepochs = 1\n"))
    cfg = load_training_config(write(tmp_path, "[pool]\nmax_batch = 4\n[training]\nepochs = 2\n"))
    assert cfg.training.epochs == 2


def test_models_dir_flag_overrides_config(tmp_path):
    path = write(tmp_path, '[paths]\nmodels_dir = "elsewhere"\n')
    assert load_config(path).paths.models_dir == Path("elsewhere")
    assert load_config(path, models_dir=tmp_path / "m").paths.models_dir == tmp_path / "m"
    assert load_training_config(path, models_dir=tmp_path / "m").paths.models_dir == tmp_path / "m"


def test_named_config_that_does_not_exist_is_an_error(tmp_path):
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.toml")


def test_inconsistent_bounds_are_refused(tmp_path):
    with pytest.raises(ConfigError, match="temperature must lie between"):
        load_config(write(tmp_path, "[generation]\ntemperature = 3.0\n"))


# Each entry point validates the sections it uses (training never imports the bot's schema), and all
# of them refuse a misspelt section.
ENTRY_POINTS = [
    (["-m", "bot", "console"], "[pool]\nmax_batch = 0\n", "[pool] max_batch"),
    (["-m", "bot", "bench"], "[generation]\ntop_p = 2\n", "[generation] top_p"),
    (["-m", "bot", "run"], "[discord]\nguild_ids = 5\n", "[discord] guild_ids"),
    (["-m", "bot", "run"], "[trainig]\nepochs = 1\n", "[trainig]: unknown key"),
    (
        ["-m", "training", "inspect", "examples/marlowe_bakes"],
        "[training]\nepochs = 0\n",
        "[training] epochs",
    ),
    (
        ["-m", "training", "train", "x", "--data", "examples/marlowe_bakes"],
        "[paths]\nmodels = 1\n",
        "[paths] models: unknown key",
    ),
    (
        ["-m", "training", "train", "x", "--data", "examples/marlowe_bakes"],
        "[discrod]\n",
        "[discrod]: unknown key",
    ),
]


@pytest.mark.parametrize(("entry", "text", "expected"), ENTRY_POINTS)
def test_every_entry_point_stops_with_one_line_and_exit_2(tmp_path, entry, text, expected):
    path = write(tmp_path, text)
    result = subprocess.run(
        [sys.executable, *entry, "--config", str(path), "--models-dir", str(tmp_path / "m")],
        cwd=ROOT,
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert expected in lines[0]
    assert not (tmp_path / "m").exists()  # nothing written
