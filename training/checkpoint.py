"""The checkpoint contract between `training` (the writer) and `bot` (the reader).

A persona is a folder `models/<persona>/` holding `persona.json` (the `PersonaMeta` model below), a
model card `README.md`, the tokenizer, and either a full model (kind "full": the `save_pretrained`
files, config.json, safetensors weights, generation_config.json) or a LoRA adapter (kind "lora":
PEFT's adapter_config.json and adapter_model.safetensors, never a config.json) on a shared base named
by `BaseRef`. Shared bases live in `models/.bases/NAME/` (an ordinary `save_pretrained` folder plus
`base.json`, the `BaseMeta` model). Folders whose names start with a dot are never personas.

Writes are atomic: `atomic_persona_dir` builds the new folder beside the old one and swaps it in
with one rename, so a failure or a kill at any moment leaves the old persona or the new one.
Names read from archives are untrusted: `normalise_display_name` makes a display name safe to show on
one line (the writer applies it, and a reader can apply it again to older persona.json files).
A persona may have a profile picture, `avatar-<sha256[:12]>.<ext>` beside persona.json (`AvatarInfo`;
`training/avatar.py` checks images and replaces a persona's picture).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import fcntl
import hashlib
import os
import re
import shutil
import stat
import unicodedata
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

PERSONA_FILE = "persona.json"
CARD_FILE = "README.md"
# Kind "lora" and the fields below it are optional additions: version-1 readers of full personas are
# unaffected, and full persona.json files written before them still validate.
FORMAT_VERSION = 1
BASES_DIR = ".bases"  # models/.bases/NAME: shared bases; the dot keeps them out of the persona list
BASE_FILE = "base.json"
ADAPTER_CONFIG = "adapter_config.json"
ADAPTER_WEIGHTS = "adapter_model.safetensors"
# A base's NAME under models/.bases: a letter or digit, then letters, digits, '_', '-' or '.'.
BASE_NAME_RE = re.compile(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}")
# A Twitter handle: 1-15 letters, digits or underscores; a blend joins handles with '-'.
HANDLE_RE = re.compile(r"[A-Za-z0-9_]{1,15}")
PERSONA_RE = re.compile(r"[A-Za-z0-9_]{1,15}(?:-[A-Za-z0-9_]{1,15})*")
# Discord's limit on a choice name, and well within a filesystem's 255 bytes for the folder name.
MAX_PERSONA_NAME = 100
# X's limit on a display name; archives are untrusted, so a longer one is clipped to it.
MAX_DISPLAY_NAME = 50
# Bidi embeddings, overrides and isolates: they can reorder the text shown after a name.
_BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Characters that continue the grapheme before them: a clip must not fall just before one.
_JOINERS = frozenset("\u200d\ufe0e\ufe0f")
# A persona's picture file: the bot serves it over HTTP by this name, so it can never name a path.
AVATAR_FILE_RE = re.compile(r"avatar-[0-9a-f]{12}\.(png|jpg|gif|webp)")


def is_valid_handle(name: str) -> bool:
    return HANDLE_RE.fullmatch(name) is not None


def is_valid_persona_name(name: str) -> bool:
    return len(name) <= MAX_PERSONA_NAME and PERSONA_RE.fullmatch(name) is not None


def is_valid_base_name(name: str) -> bool:
    """A NAME for `models/.bases/NAME`; never "tiny", which names the from-scratch preset."""
    return name != "tiny" and BASE_NAME_RE.fullmatch(name) is not None and ".." not in name


def normalise_display_name(text: str) -> str:
    """A display name safe to show on one line: control characters (and line or paragraph separators)
    as spaces, bidi embedding/override/isolate controls removed, whitespace collapsed, clipped to
    `MAX_DISPLAY_NAME` characters without splitting a combined character or emoji. May return ''."""
    kept = []
    for ch in text:
        if ch in _BIDI_CONTROLS:
            continue
        kept.append(" " if unicodedata.category(ch) in ("Cc", "Zl", "Zp") else ch)
    name = " ".join("".join(kept).split())
    if len(name) <= MAX_DISPLAY_NAME:
        return name
    return name[:_grapheme_cut(name, MAX_DISPLAY_NAME)].rstrip()


def _grapheme_cut(text: str, limit: int) -> int:
    """The largest cut <= `limit` not inside a grapheme (an approximation of Unicode's rules: combining
    marks, joiners, variation selectors, skin tones, tags and flag pairs); `limit` if there is none."""
    cut = limit
    while cut > 0 and (_continues(text[cut]) or text[cut - 1] == "\u200d"):
        cut -= 1
    # A flag is a pair of regional indicators: an odd run before the cut means the cut splits one.
    run = 0
    while cut - run > 0 and _regional(text[cut - run - 1]):
        run += 1
    if run % 2 and _regional(text[cut]):
        cut -= 1
    return cut or limit


def _continues(ch: str) -> bool:
    code = ord(ch)
    return (unicodedata.category(ch) in ("Mn", "Mc", "Me") or ch in _JOINERS
            or 0x1F3FB <= code <= 0x1F3FF or 0xE0020 <= code <= 0xE007F)


def _regional(ch: str) -> bool:
    return 0x1F1E6 <= ord(ch) <= 0x1F1FF


FILTER_LABELS = {"private": "Private posts", "too_long": "Posts too long", "replies": "Replies",
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


class BaseRef(BaseModel):
    """Which shared base a LoRA persona was trained on. `source` says how `name` reads:
    "hub": a Hugging Face hub id; "models": NAME of `models/.bases/NAME` (relative, so it survives
    moving models/); "folder": an absolute folder path (not portable). `fingerprint` is
    `weights_fingerprint` of the base's weights when the persona was trained."""

    model_config = ConfigDict(extra="forbid")
    name: str = Field(min_length=1)
    source: Literal["hub", "models", "folder"]
    fingerprint: str = Field(pattern=r"^sha256:[0-9a-f]{64}$")


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


# --- shared bases: where one lives, and which weights it has ------------------------------------


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


def write_json(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


def replace_file(path: Path, data: bytes, dir_fd: int | None = None) -> None:
    """Put `data` at `path` atomically and durably: a temporary file beside it, fsynced, renamed over
    it, the folder fsynced. A kill at any moment leaves the old file or the new one, never half.
    With `dir_fd`, `path` is a name in that open folder: the same folder even if it is renamed or
    swapped meanwhile."""
    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}-{uuid.uuid4().hex[:8]}")
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666, dir_fd=dir_fd)  # as other files
        with open(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path, src_dir_fd=dir_fd, dst_dir_fd=dir_fd)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp, dir_fd=dir_fd)
        raise
    if dir_fd is None:
        fsync_dir(path.parent)
    else:
        with contextlib.suppress(OSError):  # as fsync_dir: some filesystems refuse it on directories
            os.fsync(dir_fd)


def _fsync_tree(folder: Path) -> None:
    for root, _dirs, files in os.walk(folder):
        for name in files:
            fd = os.open(os.path.join(root, name), os.O_RDONLY)
            try:
                os.fsync(fd)
            finally:
                os.close(fd)
        fsync_dir(Path(root))


def fsync_dir(folder: Path) -> None:
    """Make a rename inside `folder` durable (a rename is written in the directory, not the file)."""
    with contextlib.suppress(OSError):  # some filesystems refuse fsync on directories
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


_RENAME_EXCHANGE = 2
_libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
_renameat2 = getattr(_libc, "renameat2", None)


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one atomic step (Linux renameat2); False where the system cannot."""
    if _renameat2 is None:
        return False
    at_fdcwd = -100
    rc = _renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), _RENAME_EXCHANGE)
    return rc == 0


def replace_dir(new: Path, dest: Path) -> None:
    """Put the folder `new` at `dest`, replacing any folder there, atomically where the OS allows."""
    if not dest.exists():
        os.rename(new, dest)
    elif _exchange(new, dest):
        shutil.rmtree(new, ignore_errors=True)  # `new` now holds the old persona
    else:
        # Fallback: two renames; `recover_interrupted` restores the old folder if a kill lands between.
        old = dest.with_name(f".old-{dest.name}")
        shutil.rmtree(old, ignore_errors=True)
        os.rename(dest, old)
        os.rename(new, dest)
        shutil.rmtree(old, ignore_errors=True)
    fsync_dir(dest.parent)


def recover_interrupted(models_dir: Path) -> None:
    """Undo what a kill left behind: stale temporary folders, an old persona set aside mid-swap, and
    in each persona folder the leftovers of an interrupted picture swap (`sweep_persona_folder`).

    A temporary folder whose writer is still running (another training, started from the command
    line or by the bot) is left alone: its name carries the writer's process id."""
    if not models_dir.is_dir():
        return
    _recover_in(models_dir)
    if (models_dir / BASES_DIR).is_dir():  # a pretrain is written the same way, one level down
        _recover_in(models_dir / BASES_DIR)
    for folder in list_persona_dirs(models_dir):
        sweep_persona_folder(folder)


def _recover_in(folder: Path) -> None:
    for entry in folder.iterdir():
        if entry.name.startswith(".old-"):
            dest = folder / entry.name[len(".old-") :]
            if dest.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):  # another process recovered it first
                    os.rename(entry, dest)
        elif entry.name.startswith(".tmp-") and entry.is_dir() and not _writer_alive(entry.name):
            shutil.rmtree(entry, ignore_errors=True)


_TMP_RE = re.compile(r"\.tmp-.+-(\d+)-[0-9a-f]{8}")
# `replace_file`'s temporary file beside its target: `.<name>.tmp-<pid>-<8 hex>`.
_TMP_FILE_RE = re.compile(r"\..+\.tmp-(\d+)-[0-9a-f]{8}")


def _writer_alive(tmp_name: str, pattern: re.Pattern[str] = _TMP_RE) -> bool:
    match = pattern.fullmatch(tmp_name)
    if match is None:
        return False  # not ours, or from before names carried a process id
    try:
        os.kill(int(match.group(1)), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # exists, but belongs to another user
    return True


def lock_folder(folder_fd: int, wait: bool = True) -> bool:
    """Take the exclusive lock that writers in place hold on a persona folder (an open `folder_fd`)
    until they close it; the kernel drops it when a writer is killed. With `wait` False, return False
    at once when another holds it."""
    try:
        fcntl.flock(folder_fd, fcntl.LOCK_EX | (0 if wait else fcntl.LOCK_NB))
    except BlockingIOError:
        return False
    return True


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
            stale = (_TMP_FILE_RE.fullmatch(name) is not None and not _writer_alive(name, _TMP_FILE_RE)) \
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


@contextlib.contextmanager
def atomic_persona_dir(models_dir: Path, name: str) -> Iterator[Path]:
    """Yield an empty temporary folder inside `models_dir`; on a clean exit it becomes `models_dir/name`.
    (Shared bases are written with it too, with `models_dir/.bases` as the folder.)

    On an exception the temporary folder is removed and `models_dir` is left exactly as it was.
    """
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = models_dir / f".tmp-{name}-{os.getpid()}-{uuid.uuid4().hex[:8]}"
    tmp.mkdir()
    try:
        yield tmp
        _fsync_tree(tmp)
        replace_dir(tmp, models_dir / name)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


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
            from training.copyguard import write_ngram_hashes  # it imports this module

            write_ngram_hashes(tmp, copy_texts)
        write_json(tmp / PERSONA_FILE, meta.model_dump_json(indent=2))
        (tmp / CARD_FILE).write_text(card, encoding="utf-8")  # over PEFT's own README.md
        _readable_as_umask_allows(tmp)
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
        _readable_as_umask_allows(tmp)
    return models_dir / BASES_DIR / meta.name


def _readable_as_umask_allows(folder: Path) -> None:
    # transformers writes the weights through a private (0600) temporary file; give them the same
    # permissions as the other files, so a bot running as another user can read them.
    umask = os.umask(0)
    os.umask(umask)
    for path in folder.iterdir():
        if path.is_file():
            os.chmod(path, 0o666 & ~umask)


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
