"""Measure the persona registry with many personas: first scan, rescan, autocomplete, list pages.

    .venv/bin/python scripts/measure_registry.py                 # 1,000 generated personas
    .venv/bin/python scripts/measure_registry.py --personas 5000
    .venv/bin/python scripts/measure_registry.py --models-dir models   # a real folder, read only

Generated personas are persona.json files only (what the registry reads), written by training's own
model in a temporary folder. Prints one figure a line (milliseconds, median of the repeats, and the
slowest); nothing is asserted: the tests check behaviour, this prints speed.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bot.personas import PersonaRegistry  # noqa: E402
from bot.replies import list_page_text, list_pages  # noqa: E402
from training.checkpoint import PERSONA_FILE, DataTable, Handle, Metrics, PersonaMeta  # noqa: E402
from training.names import is_valid_persona_name  # noqa: E402

FIRST = ["marlowe", "ada", "grace", "linus", "donald", "elon", "taylor", "barack", "serena", "yoko",
         "pierre", "ngozi", "hiro", "olga", "priya", "kofi", "mateo", "ingrid", "tariq", "wen"]
WORDS = ["bakes", "codes", "runs", "sings", "paints", "writes", "cooks", "trades", "hikes", "films",
         "news", "dev", "art", "fan", "daily", "official", "real", "the", "tv", "hq"]
QUERIES = ["", "m", "mar", "marlowe", "Marlowe Quill", "trump", "bakes", "quil", "marlowe_bakse", "zzqx"]


def persona_names(n: int) -> list[tuple[str, str]]:
    """`n` distinct (persona name, display name) pairs, the two the bot's own sample and a camelCase one
    among them, as a large server might hold."""
    made = [("marlowe_bakes", "Marlowe Quill"), ("realDonaldTrump", "Donald J. Trump")]
    for i, (first, word) in enumerate(itertools.product(FIRST, WORDS)):
        made += [(f"{first}_{word}", f"{first.title()} {word.title()}"),
                 (f"{word}{first.title()}{i}", f"{word.title()} of {first.title()}")]
    made += ((f"user_{i:05d}", f"User {i}") for i in range(n))
    out: dict[str, str] = {}
    for name, display in made:
        if is_valid_persona_name(name):  # a handle has 15 characters at most
            out.setdefault(name, display)
    return list(out.items())[:n]


def write_personas(models_dir: Path, n: int) -> None:
    for name, display in persona_names(n):
        meta = PersonaMeta(
            name=name, base_model="gpt2",
            handles=[Handle(handle=name, display_name=display,
                            data=DataTable(downloaded=3200, retweets=400, short=300, kept=2500))],
            metrics=Metrics(val_loss_before=4.1, val_loss_after=3.2, val_ppl_before=60.3, val_ppl_after=24.5),
        )
        (models_dir / name).mkdir()
        (models_dir / name / PERSONA_FILE).write_text(meta.model_dump_json(indent=2), encoding="utf-8")


def timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """(median, max) of `repeat` calls, in milliseconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), max(times)


def line(label: str, figures: tuple[float, float]) -> None:
    print(f"{label:<56} {figures[0]:8.3f} ms  (max {figures[1]:.3f})")


def measure(models_dir: Path, repeat: int, writable: bool) -> None:
    registry = PersonaRegistry(models_dir)
    line("first scan (parse every persona.json)", timed(lambda: PersonaRegistry(models_dir).scan(), 5))
    registry.scan()
    n = len(registry.names())
    print(f"personas: {n} in {models_dir}")
    line("rescan, nothing changed", timed(registry.scan, repeat))
    if writable:
        extra = models_dir / "zz_measure"
        extra.mkdir()
        (extra / PERSONA_FILE).write_bytes((registry.entries()[0].path / PERSONA_FILE).read_bytes())

        hidden = models_dir / ".zz_measure"  # a dot-folder: removed, as /persona remove does

        def one_change() -> None:  # one persona appears or goes: read it, rebuild the snapshot
            if extra.exists():
                extra.rename(hidden)
            else:
                hidden.rename(extra)
            registry.scan()
        line("rescan, one persona added or removed", timed(one_change, 20))
    for query in QUERIES:
        got = registry.complete(query)
        line(f"autocomplete {query!r} ({len(got)}: {', '.join(got[:2])}…)",
             timed(lambda q=query: registry.complete(q), repeat))
    entries = registry.entries()
    pages = list_pages(entries)
    line(f"list: lay out every page ({len(pages)} pages)", timed(lambda: list_pages(entries), 20))
    line("list: one page from the layout", timed(lambda: list_page_text(n, pages, len(pages)), repeat))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--personas", type=int, default=1000, help="how many to generate (default 1000)")
    parser.add_argument("--models-dir", type=Path, help="measure this folder instead (nothing written)")
    parser.add_argument("--repeat", type=int, default=200, help="calls per figure (default 200)")
    args = parser.parse_args()
    if args.models_dir is not None:
        measure(args.models_dir, args.repeat, writable=False)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        models_dir = Path(tmp) / "models"
        models_dir.mkdir()
        write_personas(models_dir, args.personas)
        measure(models_dir, args.repeat, writable=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
