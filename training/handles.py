"""Each account's exports read, merged and cleaned: the first steps shared by `inspect`, `train` and
`eval`.

`--data PATH` gives files of one account; `--data HANDLE=PATH` names the accounts of a blend
(`data_groups`). Each group's exports are read (`training/ingest.py`), the manifest's user name and
display name winning over the group's label once checked; the first profile picture found is kept
if it is a real image (`choose_avatar`: problems are warnings). Cleaning gives each handle its kept
tweets and data table, and `check_amount` refuses too little text.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from training.avatar import avatar_info
from training.checkpoint import AvatarInfo, DataTable
from training.clean import clean_records
from training.config import TrainingSettings
from training.events import Reporter
from training.ingest import read_source
from training.names import is_valid_handle, normalise_display_name
from training.records import Record
from training.runtime import BadInput


@dataclass
class HandleData:
    handle: str
    display_name: str
    records: list[Record]
    paths: list[Path]
    # The first of its exports' profile pictures (unchecked bytes) and its address on X; why others
    # named by an export could not be read.
    avatar: bytes | None = None
    avatar_url: str | None = None
    avatar_problems: list[str] = field(default_factory=list)
    visibility: bool = False  # its exports say who could see each post (a "private" row)
    protected: bool = False  # an export says the account is protected (noted in its data table)
    # A Discord data package's servers with the person's messages: (id, name, count), for `inspect`.
    servers: list[tuple[str, str, int]] = field(default_factory=list)


def split_prefix(value: str) -> tuple[str | None, Path]:
    """`handle=PATH` → (handle, PATH); anything else is a plain path (paths may contain '=')."""
    prefix, sep, rest = value.partition("=")
    if sep and rest and is_valid_handle(prefix):
        return prefix, Path(rest)
    return None, Path(value)


def read_handles(groups: dict[str, list[Path]], settings: TrainingSettings,
                 reporter: Reporter, author: str | None = None,
                 servers: list[str] | None = None) -> list[HandleData]:
    """Read every group's paths; the manifest's user name and display name win over the group's label
    (ingest refuses a user name that is no handle; the display name is normalised, else the handle)."""
    result: dict[str, HandleData] = {}
    for label, paths in groups.items():
        sources = [read_source(p, settings.max_tweets_bytes, author, servers)
                   for p in reporter.bar(paths, "reading")]
        handle = next((s.handle for s in sources if s.handle), label)
        display = next((s.display_name for s in sources if s.display_name), "")
        display = normalise_display_name(display) or handle
        if handle in result:
            raise BadInput(f"two data sources are both the account @{handle}: give its files one handle")
        pictured = next((s for s in sources if s.avatar is not None), None)
        result[handle] = HandleData(handle, display, [r for s in sources for r in s.records], paths,
                                    pictured.avatar if pictured else None,
                                    pictured.avatar_url if pictured else None,
                                    [s.avatar_problem for s in sources if s.avatar_problem],
                                    any(s.has_visibility for s in sources),
                                    any(s.protected for s in sources),
                                    [server for s in sources for server in s.servers])
    return list(result.values())


def choose_avatar(handles: list[HandleData], reporter: Reporter) -> tuple[AvatarInfo, bytes] | None:
    """The persona's picture: the first one found, in handle order, if it is a real image. Every
    problem is a warning: a training never fails over its picture."""
    for h in handles:
        for problem in h.avatar_problems:
            reporter.warning(problem)
    data, url = next(((h.avatar, h.avatar_url) for h in handles if h.avatar is not None), (None, None))
    if data is None:
        return None
    try:
        return avatar_info(data, "archive", url), data
    except ValueError as exc:
        reporter.warning(f"profile picture skipped: {exc}")
        return None


def clean_handles(handles: list[HandleData], settings: TrainingSettings,
                  reporter: Reporter) -> tuple[dict[str, list[str]], dict[str, DataTable]]:
    texts, tables = {}, {}
    for h in handles:
        records = reporter.bar(h.records, f"cleaning @{h.handle}")
        texts[h.handle], tables[h.handle] = clean_records(records, settings, h.visibility, h.protected)
    return texts, tables


def check_amount(tables: dict[str, DataTable], settings: TrainingSettings) -> list[str]:
    """Raise on too little text for any handle; return the warnings for little text."""
    warnings = []
    for handle, t in tables.items():
        if t.kept == 0:
            raise BadInput(f"@{handle}: nothing left after cleaning ({t.downloaded} tweets read: "
                           f"{t.retweets} retweets, {t.short} short"
                           + "".join(f", {n} {k}" for k, n in t.filters.items()) + ")")
        if t.kept < 2:
            raise BadInput(f"@{handle}: too few tweets to hold some out for validation (1 kept, 2 needed)")
        if t.kept_chars < settings.min_chars:
            raise BadInput(f"@{handle}: only {t.kept_chars:,} characters of tweets left after cleaning "
                           f"({t.kept} tweets); {settings.min_chars:,} needed ([training] min_chars)")
        if t.kept_chars < settings.warn_chars:
            warnings.append(f"@{handle}: only {t.kept_chars:,} characters of tweets kept (under "
                            f"{settings.warn_chars:,}): the model may mostly repeat them")
    return warnings


def data_groups(persona: str, values: list[str]) -> dict[str, list[Path]]:
    """Plain `--data PATH`s are files of one account; `--data handle=PATH` names a blend's accounts."""
    parsed = [split_prefix(v) for v in values]
    prefixed = [p for p, _ in parsed if p]
    if prefixed and len(prefixed) != len(parsed):
        raise BadInput("mix of --data HANDLE=PATH and plain --data PATH: for a blend, name every handle")
    groups: dict[str, list[Path]] = {}
    for prefix, path in parsed:
        groups.setdefault(prefix or persona, []).append(path)
    return groups
