"""The checkpoint contract between `training` (the writer) and `bot` (the reader).

A persona is a folder `models/<persona>/` holding the `save_pretrained` files (safetensors weights,
config, tokenizer, generation_config.json), `persona.json` (the `PersonaMeta` model below) and a
model card `README.md`. Folders whose names start with a dot are work in progress and never personas.

Writes are atomic: `atomic_persona_dir` builds the new folder beside the old one and swaps it in
with one rename, so a failure or a kill at any moment leaves the old persona or the new one.
Names read from archives are untrusted: `normalise_display_name` makes a display name safe to show on
one line (the writer applies it, and a reader can apply it again to older persona.json files).
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import re
import shutil
import unicodedata
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

PERSONA_FILE = "persona.json"
CARD_FILE = "README.md"
FORMAT_VERSION = 1
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


def is_valid_handle(name: str) -> bool:
    return HANDLE_RE.fullmatch(name) is not None


def is_valid_persona_name(name: str) -> bool:
    return len(name) <= MAX_PERSONA_NAME and PERSONA_RE.fullmatch(name) is not None


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


FILTER_LABELS = {"replies": "Replies", "duplicates": "Duplicates"}


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


def read_persona(folder: Path) -> PersonaMeta:
    """Read and validate `folder/persona.json`. Raises OSError, or ValueError with a one-line message
    naming the first problem (a reader logs it and skips the persona)."""
    try:
        return PersonaMeta.model_validate_json((folder / PERSONA_FILE).read_bytes())
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"]) or "(top level)"
        error = first.get("ctx", {}).get("error")  # a validator's own message, without pydantic's prefix
        raise ValueError(f"{where}: {error if isinstance(error, ValueError) else first['msg']}") from None


def write_json(path: Path, text: str) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(text)


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
    """Undo what a kill left behind: stale temporary folders, and an old persona set aside mid-swap.

    A temporary folder whose writer is still running (another training, started from the command
    line or by the bot) is left alone: its name carries the writer's process id."""
    if not models_dir.is_dir():
        return
    for entry in models_dir.iterdir():
        if entry.name.startswith(".old-"):
            dest = models_dir / entry.name[len(".old-") :]
            if dest.exists():
                shutil.rmtree(entry, ignore_errors=True)
            else:
                with contextlib.suppress(FileNotFoundError):  # another process recovered it first
                    os.rename(entry, dest)
        elif entry.name.startswith(".tmp-") and entry.is_dir() and not _writer_alive(entry.name):
            shutil.rmtree(entry, ignore_errors=True)


_TMP_RE = re.compile(r"\.tmp-.+-(\d+)-[0-9a-f]{8}")


def _writer_alive(tmp_name: str) -> bool:
    match = _TMP_RE.fullmatch(tmp_name)
    if match is None:
        return False  # not ours, or from before names carried a process id
    try:
        os.kill(int(match.group(1)), 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # exists, but belongs to another user
    return True


@contextlib.contextmanager
def atomic_persona_dir(models_dir: Path, name: str) -> Iterator[Path]:
    """Yield an empty temporary folder inside `models_dir`; on a clean exit it becomes `models_dir/name`.

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


def save_persona(models_dir: Path, meta: PersonaMeta, model: Any, tokenizer: Any, card: str) -> Path:
    """Write a complete persona folder atomically: `save_pretrained` files (safetensors; config.json
    with the prompt prefix), persona.json and the model card. An existing persona of that name is
    replaced only if everything was written."""
    if meta.prompt_prefix is not None:
        # `pipeline("text-generation")` puts the config's prefix before every prompt, as the bot does.
        model.config.prefix = meta.prompt_prefix
    with atomic_persona_dir(models_dir, meta.name) as tmp:
        model.save_pretrained(tmp)
        tokenizer.save_pretrained(tmp)
        write_json(tmp / PERSONA_FILE, meta.model_dump_json(indent=2))
        (tmp / CARD_FILE).write_text(card, encoding="utf-8")
        _readable_as_umask_allows(tmp)
    return models_dir / meta.name


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
    """The persona folders in `models_dir`: valid names holding a persona.json, sorted by name."""
    if not models_dir.is_dir():
        return []
    return sorted(
        p
        for p in models_dir.iterdir()
        if p.is_dir() and is_valid_persona_name(p.name) and (p / PERSONA_FILE).is_file()
    )
