"""Shared bases: where a base lives, and which weights it has.

A LoRA persona names its base in persona.json (`BaseRef`: by hub id, by NAME of `models/.bases/NAME`,
or by folder) with the fingerprint of the base's weights; `resolve_base` turns a `BaseRef` or the
user's `--base` into a `BaseLocation`, and `weights_fingerprint` says whether the weights found there
are the ones the adapter was trained on. Torch-free: the bot resolves and checks bases with it too.
Below the checkpoint contract (which holds `BaseRef` in `PersonaMeta`) so that both halves can use it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from training.names import is_valid_base_name

BASES_DIR = ".bases"  # models/.bases/NAME: shared bases; the dot keeps them out of the persona list


class BaseRef(BaseModel):
    """Which shared base a LoRA persona was trained on. `source` says how `name` reads:
    "hub": a Hugging Face hub id; "models": NAME of `models/.bases/NAME` (relative, so it survives
    moving models/); "folder": an absolute folder path (not portable). `fingerprint` is
    `weights_fingerprint` of the base's weights when the persona was trained."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    source: Literal["hub", "models", "folder"]
    fingerprint: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")


def weights_fingerprint(folder: Path) -> str:
    """"sha256:" + hex sha256 over every `*.safetensors` file directly in `folder`, in sorted name
    order, each fed as its UTF-8 name, a NUL byte, then its bytes. A persona records its base's, so a
    reader can tell that the base it loads is the one the adapter was trained on. Raises
    FileNotFoundError when the folder holds no safetensors file."""
    files = sorted(p for p in folder.glob("*.safetensors") if p.is_file())
    if not files:
        raise FileNotFoundError(f"{folder}: no *.safetensors weights to fingerprint")
    digest = hashlib.sha256()
    for path in files:
        digest.update(path.name.encode("utf-8") + b"\0")
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                digest.update(chunk)
    return "sha256:" + digest.hexdigest()


@dataclass(frozen=True)
class BaseLocation:
    """Where a base lives. `source` and `name` read as in `BaseRef` ("tiny" is the from-scratch preset,
    which is never a shared base); `path` is the local folder ("models", "folder"), None otherwise."""

    source: Literal["tiny", "hub", "models", "folder"]
    name: str
    path: Path | None = None

    @property
    def load_from(self) -> str:
        """What `from_pretrained` takes: the folder, or the hub id."""
        return str(self.path) if self.path is not None else self.name

    def ref(self, fingerprint: str) -> BaseRef:
        if self.source == "tiny":
            raise ValueError("the tiny base is trained per persona and cannot be shared")
        return BaseRef(name=self.name, source=self.source, fingerprint=fingerprint)

    def peft_base_path(self, models_dir: Path) -> str:
        """adapter_config.json's `base_model_name_or_path`: the hub id; for a base under models/.bases
        the path relative to the folder holding models/ (`models/.bases/NAME`), so that
        `AutoPeftModelForCausalLM.from_pretrained("models/<persona>")` works from there, wherever
        that folder is; the absolute path of another folder."""
        if self.source == "models":
            return f"{models_dir.name}/{BASES_DIR}/{self.name}"
        return self.load_from


def resolve_base(base: str | BaseRef, models_dir: Path) -> BaseLocation:
    """Where `base` lives. A `BaseRef` (from persona.json) is read by its source: a "models" base is
    looked for in this `models_dir`, so the reference survives moving models/. A string (the user's
    `--base` or `/persona add base`) resolves in this order: "tiny"; `models_dir/.bases/NAME` if that
    folder exists; a local folder (a path starting with '.', '/' or '~', or an existing folder, as
    `from_pretrained` reads it), made absolute, or a "models" base when it is inside
    `models_dir/.bases`; else a hub id. Checks nothing else: the caller loads it and says what failed."""
    bases = models_dir / BASES_DIR
    if isinstance(base, BaseRef):
        if base.source == "models":
            return BaseLocation("models", base.name, bases / base.name)
        if base.source == "folder":
            return BaseLocation("folder", base.name, Path(base.name))
        return BaseLocation("hub", base.name)
    if base == "tiny":
        return BaseLocation("tiny", "tiny")
    if is_valid_base_name(base) and (bases / base).is_dir():
        return BaseLocation("models", base, bases / base)
    if base.startswith((".", "/", "~")) or Path(base).is_dir():
        folder = Path(base).expanduser().absolute()  # RuntimeError for `~nosuchuser`: the caller says so
        if folder.parent.resolve() == bases.resolve() and is_valid_base_name(folder.name):
            return BaseLocation("models", folder.name, bases / folder.name)
        return BaseLocation("folder", str(folder), folder)
    return BaseLocation("hub", base)


def hub_snapshot_folder(repo_id: str) -> Path | None:
    """The local snapshot folder of a hub model already in the cache (what `from_pretrained` loaded),
    or None. Reads only the cache, never the network."""
    from huggingface_hub import snapshot_download  # torch-free; imported only when a hub base is used

    try:
        return Path(snapshot_download(repo_id, local_files_only=True))
    except Exception:  # not cached, or not a repo id at all
        return None


def base_folder(load_from: str) -> Path | None:
    """The local folder holding a base's files: `load_from` itself when it is a folder, else the hub
    cache's snapshot of that id (None when not cached). What a base's fingerprint is taken of."""
    return Path(load_from) if Path(load_from).is_dir() else hub_snapshot_folder(load_from)
