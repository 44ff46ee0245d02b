"""config.toml files for tests."""

import json
from pathlib import Path


def toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str | Path):
        return json.dumps(str(value))  # a JSON string is a TOML basic string
    if isinstance(value, list | tuple):
        return "[" + ", ".join(toml_value(v) for v in value) + "]"
    return repr(value)


def write_config(folder: Path, **sections: dict[str, object]) -> Path:
    """`folder/config.toml` for tests: models and state in `folder`, the tiny base, CPU, no cooldown;
    `sections` add or override keys, e.g. `discord={"cooldown_s": 60}, pool={"max_queue": 2}`."""
    config: dict[str, dict[str, object]] = {
        "paths": {"models_dir": folder / "models", "state_dir": folder / "state"},
        "training": {"base": "tiny", "epochs": 1},
        "pool": {"device": "cpu"},
        "discord": {"cooldown_s": 0},
    }
    for name, keys in sections.items():
        config.setdefault(name, {}).update(keys)
    text = "".join(f"[{name}]\n" + "".join(f"{k} = {toml_value(v)}\n" for k, v in keys.items())
                   for name, keys in config.items())
    path = folder / "config.toml"
    path.write_text(text)
    return path
