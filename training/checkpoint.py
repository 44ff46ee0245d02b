"""The checkpoint contract between `training` (the writer) and `bot` (the reader).

A persona is a folder `models/<persona>/` holding `persona.json` (the `PersonaMeta` model below), a
model card `README.md`, the tokenizer, and either a full model (kind "full": the `save_pretrained`
files, config.json, safetensors weights, generation_config.json) or a LoRA adapter (kind "lora":
PEFT's `ADAPTER_CONFIG` and `ADAPTER_WEIGHTS`, never a config.json) on a shared base named by
`BaseRef` (`training/bases.py`). Shared bases live in `models/.bases/NAME/` (a `save_pretrained`
folder plus `base.json`, the `BaseMeta` model). Folders whose names start with a dot are never personas.

Writes are atomic (`training/atomic.py`): a failure or a kill at any moment leaves the old persona or
the new one, and `recover_interrupted` clears what a kill left. Names read from archives are untrusted
(`training/names.py`). A persona may have a profile picture, `avatar-<sha256[:12]>.<ext>` beside
persona.json (`AvatarInfo`; `training/avatar.py` checks images and replaces a persona's picture).

Whose a persona is and where it may speak (`owner`, `subject`, `servers`: Discord ids) travel with the
folder, so that every reader (the bot, a later retrain, the card) applies the same consent and scope;
a folder without them (command-line personas, and all written before them) is the operator's, usable
everywhere.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import stat
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from training.atomic import (
    atomic_persona_dir,
    dead_writers_file,
    lock_folder,
    readable_as_umask_allows,
    recover_folder,
)
from training.bases import BASES_DIR, BaseRef, weights_fingerprint
from training.names import AVATAR_FILE_RE, Snowflake, is_valid_persona_name

PERSONA_FILE = "persona.json"
CARD_FILE = "README.md"
# Kind "lora" and the fields below it are optional additions: version-1 readers of full personas are
# unaffected, and full persona.json files written before them still validate.
FORMAT_VERSION = 1
BASE_FILE = "base.json"
ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = "adapter_model.safetensors"


FILTER_LABELS = {"private": "Private posts", "too_long": "Posts too long",
                 "no_text": "Messages without text", "replies": "Replies",
                 "duplicates": "Duplicates"}


class DataTable(BaseModel):
    """huggingtweets' data table for one handle; `filters` holds one count per extra filter enabled."""

    model_config = ConfigDict(extra="forbid")
    downloaded: int = Field(ge=0)
    retweets: int = Field(ge=0)
    short: int = Field(ge=0)
    filters: dict[str, int] = {}
    kept: int = Field(ge=0)
    kept_chars: int = Field(0, ge=0)
    # Tweets whose leading reply mentions were stripped ([training] strip_reply_mentions); not a row
    # of the table, since those tweets are still counted where they ended up.
    mentions_stripped: int = Field(0, ge=0)
    # The export says the account is protected (an X archive's protected-history.js): its posts were
    # seen by approved followers only. Said beside the table; training still uses them (the person's own).
    protected: bool = False

    def rows(self) -> list[tuple[str, int]]:
        """The table's rows in huggingtweets' order, labelled: downloaded, retweets, short tweets, one
        row per extra filter, kept. The training table and the bot's `/persona info` both show these."""
        extra = [(FILTER_LABELS.get(k, k.replace("_", " ").capitalize()), n) for k, n in self.filters.items()]
        return [("Tweets downloaded", self.downloaded), ("Retweets", self.retweets),
                ("Short tweets", self.short), *extra, ("Tweets kept", self.kept)]


class Handle(BaseModel):
    model_config = ConfigDict(extra="forbid")
    handle: str
    display_name: str
    data: DataTable


class Metrics(BaseModel):
    model_config = ConfigDict(extra="allow")
    val_loss_before: float
    val_loss_after: float
    val_ppl_before: float
    val_ppl_after: float


class LoraInfo(BaseModel):
    """The adapter's shape, as PEFT's adapter_config.json has it (repeated here for readers that do
    not parse PEFT's files)."""

    model_config = ConfigDict(extra="forbid")
    rank: int = Field(ge=1)
    alpha: float = Field(gt=0)
    targets: list[str] = Field(min_length=1)
    dropout: float = Field(ge=0, lt=1)
    peft_version: str


class AvatarInfo(BaseModel):
    """The persona's profile picture: `file` in the persona folder, checked to be an image of this type
    and size when it was stored. `source`: "archive" (the export's own picture, taken by training) or
    "admin" (replaced by hand); `url` is the archive's avatarMediaUrl, recorded, never fetched."""

    model_config = ConfigDict(extra="forbid")
    file: str
    sha256: str = Field(pattern=r"^[0-9a-f]{64}$")
    content_type: Literal["image/png", "image/jpeg", "image/gif", "image/webp"]
    bytes: int = Field(ge=1)
    width: int = Field(ge=1)
    height: int = Field(ge=1)
    source: Literal["archive", "admin"]
    url: str | None = None

    @field_validator("file")
    @classmethod
    def _plain_file_name(cls, file: str) -> str:
        if AVATAR_FILE_RE.fullmatch(file) is None:
            raise ValueError(f"{file[:40]!r} is not a picture file name (avatar-<12 hex>.png|jpg|gif|webp)")
        return file


class StyleFigure(BaseModel):
    """One style measure: its per-tweet mean over the generated and the held-out real tweets, and the
    relative difference (generated - real) / max(real, eps)."""

    model_config = ConfigDict(extra="allow")
    generated: float
    real: float
    relative: float


class VoiceReport(BaseModel):
    """How much the persona sounds like its person (`training/voice.py` measures, `training/eval.py`
    generates): shares of tweets a classifier of the person's training tweets against the base's own
    labels as the person's, for the persona's generated tweets (`voice`), the person's held-out real
    tweets (`ceiling`) and held-out base tweets (`floor`); None where there is no base to compare
    (`tiny` learns from scratch). Copying: shares of generated tweets repeating 8 consecutive words of
    a training tweet, and exact copies. Written by `eval` and at the end of a training; optional in
    persona.json (older folders have none)."""

    model_config = ConfigDict(extra="allow")
    tweets: int = Field(ge=1)  # generated persona tweets
    seed: int
    held_out: int = Field(ge=0)  # the person's held-out real tweets
    base: str | None = None  # what the floor's tweets came from; None: no base to compare
    voice: float | None = Field(None, ge=0, le=1)
    ceiling: float | None = Field(None, ge=0, le=1)
    floor: float | None = Field(None, ge=0, le=1)
    copied_8gram: float = Field(ge=0, le=1)
    copied_exact: float = Field(ge=0, le=1)
    real_8gram: float | None = Field(None, ge=0, le=1)  # the same 8-gram share for held-out real tweets
    style: dict[str, StyleFigure] = {}
    sampling: dict[str, float] = {}  # the settings the tweets were generated with, as /imitate's


class PersonaMeta(BaseModel):
    """`persona.json`: written by `training`, read by `bot` through this same model."""

    model_config = ConfigDict(extra="allow")
    format_version: int = FORMAT_VERSION
    name: str
    handles: list[Handle] = Field(min_length=1)
    base_model: str
    hyperparameters: dict[str, Any] = {}
    metrics: Metrics
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    library_versions: dict[str, str] = {}
    # Put before every prompt: training put the tokenizer's end-of-text before every tweet.
    prompt_prefix: str | None = None
    # "full": the folder holds the whole model; "lora": an adapter on the shared base `base`.
    kind: Literal["full", "lora"] = "full"
    base: BaseRef | None = None
    lora: LoraInfo | None = None
    # What the model card shows beyond the numbers, kept so any later card (a new picture) says the same:
    # the kept text's language (ISO 639-1, when detected) and a few tweets the persona wrote.
    language: str | None = None
    samples: list[str] = []
    # Optional (older persona.json files have none): the profile picture beside persona.json.
    avatar: AvatarInfo | None = None
    # Optional (older persona.json files have none): the voice report (`python -m training eval`).
    voice: VoiceReport | None = None
    # Optional, for consent and scope (issue 22); older persona.json files have none. `owner`: who added
    # the persona through the bot (None: the operator, from the command line). `subject`: the Discord
    # member it imitates, whose consent it was made with (None: a public account known by its handle).
    # `servers`: the only servers it may be used in (None: everywhere, as the operator's personas are).
    owner: Snowflake | None = None
    subject: Snowflake | None = None
    servers: list[Snowflake] | None = None

    @field_validator("servers")
    @classmethod
    def _servers_once_each_sorted(cls, servers: list[int] | None) -> list[int] | None:
        if servers is None:
            return None
        if not servers:  # an empty list would read as "nowhere", which no writer means
            raise ValueError("the server list is empty (list at least one, or null for every server)")
        if len(set(servers)) != len(servers):
            twice = next(s for s in servers if servers.count(s) > 1)
            raise ValueError(f"server {twice} is listed twice")
        return sorted(servers)

    @model_validator(mode="after")
    def _lora_names_its_base(self) -> PersonaMeta:
        if self.kind == "lora" and (self.base is None or self.lora is None):
            raise ValueError("a persona of kind 'lora' needs 'base' and 'lora'")
        return self

    @field_validator("format_version")
    @classmethod
    def _known_format(cls, version: int) -> int:
        # A newer writer may have changed what the fields mean: refuse rather than misread.
        if version > FORMAT_VERSION:
            raise ValueError(f"persona.json format_version {version} is newer than this code reads "
                             f"(up to {FORMAT_VERSION}): update it to use this persona")
        return version

    @property
    def display_name(self) -> str:
        return " & ".join(h.display_name for h in self.handles)

    @property
    def usable_everywhere(self) -> bool:
        """No server list: the operator's persona, usable in every server."""
        return self.servers is None

    @property
    def handle_text(self) -> str:
        return " ".join(f"@{h.handle}" for h in self.handles)


class BaseSource(BaseModel):
    """One export a shared base was pretrained on, with its data table."""

    model_config = ConfigDict(extra="forbid")
    label: str  # the account's handle from its manifest, else the file or folder name
    path: str  # as given on the command line
    data: DataTable


class BaseMeta(BaseModel):
    """`models/.bases/NAME/base.json`: a shared base pretrained by `python -m training pretrain`."""

    model_config = ConfigDict(extra="allow")
    format_version: int = FORMAT_VERSION
    name: str
    sources: list[BaseSource] = Field(min_length=1)
    created_at: datetime = Field(default_factory=lambda: datetime.now(UTC))
    hyperparameters: dict[str, Any] = {}
    # Validation loss and perplexity on the held-out tweets of all sources: from scratch (before)
    # and pretrained (after).
    metrics: Metrics
    library_versions: dict[str, str] = {}
    # `weights_fingerprint` of the folder; `save_base` sets it from the weights as written.
    fingerprint: str | None = Field(None, pattern=r"^sha256:[0-9a-f]{64}$")


def _validated(model: type[BaseModel], path: Path, dir_fd: int | None = None) -> Any:
    if dir_fd is None:
        raw = path.read_bytes()
    else:
        with open(os.open(path, os.O_RDONLY, dir_fd=dir_fd), "rb") as fh:
            raw = fh.read()
    try:
        return model.model_validate_json(raw)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        error = first.get("ctx", {}).get("error")  # a validator's own message, without pydantic's prefix
        raise ValueError(f"{where}: {error if isinstance(error, ValueError) else first['msg']}") from None


def read_persona(folder: Path, dir_fd: int | None = None) -> PersonaMeta:
    """Read and validate `folder/persona.json` (with `dir_fd`, the persona.json of that open folder).
    Raises OSError, or ValueError with a one-line message naming the first problem (a reader logs it
    and skips the persona)."""
    if dir_fd is not None:
        return _validated(PersonaMeta, Path(PERSONA_FILE), dir_fd)
    return _validated(PersonaMeta, folder / PERSONA_FILE)


def avatar_path(folder: Path, meta: PersonaMeta) -> Path | None:
    """The persona's picture file, when persona.json names one and it is there; else None."""
    if meta.avatar is None:
        return None
    path = folder / meta.avatar.file
    return path if path.is_file() else None


def read_base(folder: Path) -> BaseMeta:
    """Read and validate `folder/base.json` (OSError, or ValueError with one line)."""
    return _validated(BaseMeta, folder / BASE_FILE)


def write_json(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def recover_interrupted(models_dir: Path) -> None:
    """Undo what a kill left behind: stale temporary folders, an old persona set aside mid-swap, and
    in each persona folder the leftovers of an interrupted picture swap (`sweep_persona_folder`).

    A temporary folder whose writer is still running (another training, started from the command
    line or by the bot) is left alone: its name carries the writer's process id."""
    if not models_dir.is_dir():
        return
    recover_folder(models_dir)
    if (models_dir / BASES_DIR).is_dir():  # a pretrain is written the same way, one level down
        recover_folder(models_dir / BASES_DIR)
    for folder in list_persona_dirs(models_dir):
        sweep_persona_folder(folder)


def sweep_persona_folder(folder: Path) -> list[str]:
    """Remove what an interrupted in-place write left in one persona folder, and return the names:
    temporary files of `replace_file` whose writer is dead, and `avatar-*` pictures persona.json does
    not name (the new one of a swap killed before persona.json named it, or the old one of a swap
    killed before deleting it). A folder a live writer holds (`lock_folder`) is left alone, as is
    every picture when persona.json cannot be read; links and folders are never touched."""
    try:
        folder_fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW)
    except OSError:
        return []  # gone meanwhile, or a link: not a persona folder of ours
    removed: list[str] = []
    try:
        if not lock_folder(folder_fd, wait=False):
            return []  # a picture swap is under way: its files are its own
        try:
            meta = read_persona(folder, dir_fd=folder_fd)
            named: str | None = meta.avatar.file if meta.avatar is not None else None
            known = True
        except (OSError, ValueError):
            named, known = None, False
        for name in os.listdir(folder_fd):
            stale = dead_writers_file(name) \
                or (known and AVATAR_FILE_RE.fullmatch(name) is not None and name != named)
            with contextlib.suppress(FileNotFoundError):
                if stale and stat.S_ISREG(os.stat(name, dir_fd=folder_fd, follow_symlinks=False).st_mode):
                    os.unlink(name, dir_fd=folder_fd)
                    removed.append(name)
        if removed:
            with contextlib.suppress(OSError):  # as fsync_dir
                os.fsync(folder_fd)
    finally:
        os.close(folder_fd)  # and with it the lock
    return removed


def save_persona(models_dir: Path, meta: PersonaMeta, model: Any, tokenizer: Any, card: str,
                 avatar: bytes | None = None, copy_texts: Iterable[str] | None = None) -> Path:
    """Write a complete persona folder atomically: `save_pretrained` files (full: safetensors weights
    and config.json with the prompt prefix; lora: `model` is a PEFT model and writes only its adapter
    files, whose adapter_config.json the caller has pointed at the base), the tokenizer, persona.json,
    the model card and, when `meta.avatar` is set, the picture's bytes `avatar` as `meta.avatar.file`;
    with `copy_texts`, the copy guard's hashed word n-grams of those tweets (`training.copyguard`).
    An existing persona of that name is replaced only if everything was written."""
    if (meta.avatar is None) != (avatar is None):
        raise ValueError("save_persona: give the picture's bytes exactly when meta.avatar is set")
    if meta.avatar is not None and hashlib.sha256(avatar or b"").hexdigest() != meta.avatar.sha256:
        raise ValueError("save_persona: the picture's bytes do not match meta.avatar.sha256")
    lora = meta.kind == "lora"
    if meta.prompt_prefix is not None and not lora:
        # `pipeline("text-generation")` puts the config's prefix before every prompt, as the bot does.
        model.config.prefix = meta.prompt_prefix
    with atomic_persona_dir(models_dir, meta.name) as tmp:
        if lora:
            # False: PEFT's "auto" would ask the hub whether the base's vocabulary changed (it did not).
            model.save_pretrained(tmp, save_embedding_layers=False)
            if (tmp / "config.json").exists() or not (tmp / ADAPTER_CONFIG).is_file():
                raise RuntimeError("a LoRA persona must hold adapter_config.json and no config.json")
        else:
            model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        if meta.avatar is not None and avatar is not None:
            (tmp / meta.avatar.file).write_bytes(avatar)
        if copy_texts is not None:
            from training.copyguard import write_ngram_hashes  # numpy: only when a persona is written

            write_ngram_hashes(tmp, copy_texts)
        write_json(tmp / PERSONA_FILE, meta.model_dump_json(indent=2))
        (tmp / CARD_FILE).write_text(card, encoding="utf-8")  # over PEFT's own README.md
        readable_as_umask_allows(tmp)
    return models_dir / meta.name


def save_base(models_dir: Path, meta: BaseMeta, model: Any, tokenizer: Any, card: str) -> Path:
    """Write a shared base atomically to `models_dir/.bases/NAME`: the `save_pretrained` files, the
    tokenizer, base.json (with the fingerprint of the weights as written) and its card."""
    with atomic_persona_dir(models_dir / BASES_DIR, meta.name) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        meta = meta.model_copy(update={"fingerprint": weights_fingerprint(tmp)})
        write_json(tmp / BASE_FILE, meta.model_dump_json(indent=2))
        (tmp / CARD_FILE).write_text(card, encoding="utf-8")
        readable_as_umask_allows(tmp)
    return models_dir / BASES_DIR / meta.name


def context_length(config: Any) -> int:
    """A model's context in tokens, from its `config.json` (GPT-2 names it n_positions, most others
    max_position_embeddings). Training caps its block size with it, the bot its prompts: torch-free,
    so the bot can import it without the trainer."""
    for key in ("n_positions", "max_position_embeddings", "n_ctx"):
        value = getattr(config, key, None)
        if isinstance(value, int) and value > 0:
            return value
    return 1024


def list_persona_dirs(models_dir: Path) -> list[Path]:
    """The persona folders in `models_dir`: valid names holding a persona.json, sorted by name.
    (`.bases` and the dot-folders of writes in progress are never valid persona names.)"""
    if not models_dir.is_dir():
        return []
    return sorted(
        p
        for p in models_dir.iterdir()
        if p.is_dir() and is_valid_persona_name(p.name) and (p / PERSONA_FILE).is_file()
    )
