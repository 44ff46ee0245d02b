"""`python -m training inspect|train|pretrain|eval`: the data table of an export, a persona trained from
it, a shared base pretrained from several exports, or a persona's voice report (`training/eval.py`).

`train` first clears what an interrupted training left in the models folder, resolves `--base` (tiny,
a shared base `models/.bases/NAME`, a local folder, else a hub id; `--base ~/...` expanded), picks the
method (`--method`, else `[training] method`; auto: LoRA on a shareable base, full on tiny), and takes
the account's handle and display name from the archive only once they are checked. The archive's
profile picture is kept when it is a real image; one missing or broken is a warning, never a failure.
Exit status: 0 done, 2 bad input (one `error: ...` line on stderr, nothing written), 1 internal failure.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.util
import json
import os
import signal
import sys
import threading
import time
import traceback
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any, NoReturn

from training.avatar import avatar_info
from training.card import detect_language, model_card
from training.checkpoint import (
    ADAPTER_CONFIG,
    MAX_PERSONA_NAME,
    AvatarInfo,
    BaseLocation,
    DataTable,
    Handle,
    Metrics,
    PersonaMeta,
    VoiceReport,
    is_valid_handle,
    is_valid_persona_name,
    normalise_display_name,
    read_persona,
    recover_interrupted,
    resolve_base,
    save_persona,
)
from training.clean import clean_records, format_table, table_json
from training.config import ConfigError, TrainingConfig, TrainingSettings, load_training_config
from training.events import JsonReporter, Reporter
from training.ingest import DataError, Record, read_source


class BadInput(Exception):
    """Anything the user can fix: one line, exit 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # One line, like every other bad input (argparse would print the usage block too).
        self.exit(2, f"error: {message} (see {self.prog} --help)\n")


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=None, help="config file (default: ./config.toml)")
    common.add_argument("--models-dir", type=Path, default=None, help="overrides [paths] models_dir")
    common.add_argument("--json", action="store_true", help="machine-readable output")
    common.add_argument("-v", "--verbose", action="store_true",
                        help="also the libraries' own progress bars and log lines (the Trainer's loss dicts)")
    common.add_argument("--author", default=None, metavar="ID_OR_NAME",
                        help="the person in a Discord chat export (its user id or name; required when "
                             "the export holds several)")

    parser = Parser(prog="python -m training", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, parser_class=Parser)
    inspect = sub.add_parser("inspect", parents=[common], help="print the data table; train nothing")
    inspect.add_argument("paths", nargs="+", metavar="[HANDLE=]PATH", help="exports, one column per handle")
    train = sub.add_parser("train", parents=[common], help="train a persona into MODELS_DIR/PERSONA")
    train.add_argument("persona", metavar="PERSONA", help="a handle, or handles joined by '-' for a blend")
    train.add_argument("--data", action="append", required=True, metavar="[HANDLE=]PATH",
                       help="an export of PERSONA (repeat for more files); HANDLE=PATH per handle to blend")
    train.add_argument("--base", default=None,
                       help="hub id, NAME of a base made by `pretrain`, save_pretrained folder, or 'tiny' "
                            "(default: [training] base)")
    train.add_argument("--method", choices=["auto", "lora", "full"], default=None,
                       help="LoRA adapter or full fine-tune (default: [training] method; auto: lora, "
                            "full for tiny)")
    train.add_argument("--epochs", type=float, default=None, help="overrides [training] epochs")
    train.add_argument("--seed", type=int, default=None, help="overrides [training] seed")
    train.add_argument("--report-to", choices=REPORT_TO, default=None,
                       help="log training to TensorBoard or Weights & Biases (the optional extra "
                            "'.[tensorboard]' or '.[wandb]'); overrides [training] report_to")
    pretrain = sub.add_parser("pretrain", parents=[common],
                              help="pretrain a shared base from scratch into MODELS_DIR/.bases/NAME")
    pretrain.add_argument("name", metavar="NAME", help="the base's name (letters, digits, '_', '-', '.')")
    pretrain.add_argument("--data", action="append", required=True, metavar="PATH",
                          help="an export (repeat for several accounts; all are pooled)")
    pretrain.add_argument("--epochs", type=float, default=None, help="overrides [training] pretrain_epochs")
    pretrain.add_argument("--seed", type=int, default=None, help="overrides [training] seed")
    pretrain.add_argument("--replace", action="store_true",
                          help="replace an existing base of that name (its personas will no longer match)")
    evaluate = sub.add_parser("eval", parents=[common],
                              help="measure how much a persona sounds like its person (the voice report)")
    evaluate.add_argument("persona", metavar="PERSONA", help="a persona in MODELS_DIR")
    evaluate.add_argument("--data", action="append", required=True, metavar="[HANDLE=]PATH",
                          help="the exports the persona was trained on, as given to train (its held-out "
                               "tweets are split off again, never stored with the persona)")
    evaluate.add_argument("--n", type=int, default=EVAL_TWEETS, metavar="N",
                          help=f"tweets to generate (default {EVAL_TWEETS})")
    evaluate.add_argument("--seed", type=int, default=None,
                          help="seed of the generated tweets (default: the persona's training seed)")
    return parser.parse_args(argv)


EVAL_TWEETS = 200  # what `eval` generates unless --n says otherwise
MAX_EVAL_TWEETS = 10_000


# --- reading and cleaning: shared by inspect and train ------------------------------------------


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


def split_prefix(value: str) -> tuple[str | None, Path]:
    """`handle=PATH` → (handle, PATH); anything else is a plain path (paths may contain '=')."""
    prefix, sep, rest = value.partition("=")
    if sep and rest and is_valid_handle(prefix):
        return prefix, Path(rest)
    return None, Path(value)


def read_handles(groups: dict[str, list[Path]], settings: TrainingSettings,
                 reporter: Reporter, author: str | None = None) -> list[HandleData]:
    """Read every group's paths; the manifest's user name and display name win over the group's label
    (ingest refuses a user name that is no handle; the display name is normalised, else the handle)."""
    result: dict[str, HandleData] = {}
    for label, paths in groups.items():
        sources = [read_source(p, settings.max_tweets_bytes, author) for p in reporter.bar(paths, "reading")]
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
                                    any(s.protected for s in sources))
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


# --- inspect ------------------------------------------------------------------------------------


def run_inspect(args: argparse.Namespace, cfg: TrainingConfig) -> int:
    settings = cfg.training
    groups: dict[str, list[Path]] = {}
    for value in args.paths:
        prefix, path = split_prefix(value)
        label = prefix or (path.name if path.is_dir() else path.stem) or str(path)
        groups.setdefault(label, []).append(path)
    reporter = Reporter()
    handles = read_handles(groups, settings, reporter, args.author)
    _texts, tables = clean_handles(handles, settings, reporter)
    try:
        warnings = check_amount(tables, settings)
    except BadInput as exc:  # inspecting is not training: say it, don't fail
        warnings = [f"not enough to train: {exc}"]
    if args.json:
        print(json.dumps(table_json(tables, warnings), indent=2))
        return 0
    print(format_table(tables))
    print("\nKept characters: " + ", ".join(f"@{h} {t.kept_chars:,}" for h, t in tables.items()))
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    return 0


# --- train --------------------------------------------------------------------------------------


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


def rank_zero() -> bool:
    """False in the other processes of a `torchrun` / `accelerate launch` run (which set RANK)."""
    return os.environ.get("RANK", "0") == "0"


def library_versions() -> dict[str, str]:
    versions = {}
    for name in ("torch", "transformers", "tokenizers", "accelerate", "safetensors", "peft"):
        with contextlib.suppress(metadata.PackageNotFoundError):
            versions[name] = metadata.version(name)
    versions["python"] = sys.version.split()[0]
    return versions


def expand_home(base: str) -> str:
    """`~/folder` or `~user/folder` as the absolute folder (what is loaded and recorded); other values
    (hub ids, other paths, 'tiny') unchanged."""
    if not base.startswith("~"):
        return base
    try:
        return str(Path(base).expanduser())
    except RuntimeError:  # `~nosuchuser/...`, or no home folder at all
        raise BadInput(f"--base {base}: cannot find that home folder") from None


def run_train(args: argparse.Namespace, cfg: TrainingConfig, reporter: Reporter) -> int:
    started = time.monotonic()
    settings = cfg.training
    if not is_valid_persona_name(args.persona):
        raise BadInput(f"persona name {args.persona!r} is not a handle (1-15 letters, digits or '_'; "
                       f"a blend joins handles with '-', {MAX_PERSONA_NAME} characters at most)")
    if args.epochs is not None and not 0 < args.epochs <= 100:
        raise BadInput(f"--epochs must be above 0 and at most 100 (got {args.epochs:g})")
    if args.seed is not None and args.seed < 0:
        raise BadInput(f"--seed must not be negative (got {args.seed})")
    if args.report_to is not None:
        settings = settings.model_copy(update={"report_to": args.report_to})
    check_reporting(settings.report_to)
    given = args.base or settings.base
    base = expand_home(given)
    models_dir = cfg.paths.models_dir
    location = resolve_base(base, models_dir)
    if location.path is not None and not location.path.is_dir():
        shown = given if base == given else f"{given} ({base})"
        raise BadInput(f"--base {shown}: no such folder (give a hub id, the NAME of a pretrained base, "
                       "a save_pretrained folder or 'tiny')")
    if location.path is not None and (location.path / ADAPTER_CONFIG).is_file() \
            and not (location.path / "config.json").is_file():
        raise BadInput(f"--base {given}: that folder is a LoRA adapter, not a base model")
    method = choose_method(args.method or settings.method, location)
    local_files_only = False
    if location.source == "hub":  # seconds, not the hub client's ~50 s of retries, when offline
        from training.hub import HubUnavailable, check_hub_base

        try:
            local_files_only = check_hub_base(location.load_from)
        except HubUnavailable as exc:
            raise BadInput(str(exc)) from None
        if local_files_only:
            reporter.warning(f"the hub cannot be reached: {base} loads from the local cache")
    seed = settings.seed if args.seed is None else args.seed
    if rank_zero():  # the one writer: clear what a killed training left (a live one's folder stays)
        recover_interrupted(models_dir)

    groups = data_groups(args.persona, args.data)
    reporter.phase("ingest", f"reading {len(args.data)} source(s)")
    handles = read_handles(groups, settings, reporter, args.author)

    reporter.phase("clean", "applying the huggingtweets cleaning rules")
    texts, tables = clean_handles(handles, settings, reporter)
    for warning in check_amount(tables, settings):
        reporter.warning(warning)
    reporter.text(format_table(tables))
    avatar = choose_avatar(handles, reporter)

    # Imported here: torch and transformers take seconds to import, and bad input should not wait.
    from training.dataset import split_tweets
    from training.finetune import BaseModelError, finetune, quiet_libraries, sample_tweets

    quiet_libraries(reporter.json_mode, reporter.verbose)
    split = split_tweets([texts[h.handle] for h in handles], seed, settings.validation_fraction)
    try:
        result = finetune(split, location.load_from, settings, reporter, epochs=args.epochs, seed=seed,
                          method=method, local_files_only=local_files_only)
    except BaseModelError as exc:
        raise BadInput(str(exc)) from None
    method = result.hyperparameters["method"]  # what `auto` chose, by the base's reading of the person
    if not (result.main_process and rank_zero()):  # one process writes the persona
        return 0
    voice = None
    if settings.eval_tweets:  # this is the training child: the bot's event loop never waits on it
        voice = measure_trained(result, split, location, method, settings.eval_tweets, seed, cfg,
                                local_files_only, reporter)

    reporter.phase("save", f"writing {models_dir / args.persona}")
    lora_fields = {}
    if method == "lora":
        from training.lora import lora_info, point_at_base

        assert result.base_fingerprint is not None
        point_at_base(result.model, location.peft_base_path(models_dir))
        lora_fields = {"kind": "lora", "base": location.ref(result.base_fingerprint),
                       "lora": lora_info(result.model, settings)}
    meta = PersonaMeta(
        name=args.persona,
        handles=[Handle(handle=h.handle, display_name=h.display_name, data=tables[h.handle])
                 for h in handles],
        base_model=base,
        hyperparameters=result.hyperparameters,
        metrics=Metrics(**result.metrics),
        library_versions=library_versions(),
        prompt_prefix=result.tokenizer.eos_token,
        avatar=avatar[0] if avatar else None,
        # The card shows what the persona writes (a few seconds even for gpt2 on a CPU) and its language.
        samples=sample_tweets(result.model, result.tokenizer, seed),
        language=detect_language([t for h in handles for t in texts[h.handle]]),
        voice=voice,
        **lora_fields,
    )
    card = model_card(meta, models_dir)
    # The copy guard knows every kept tweet (held-out ones too): none is the persona's to repeat.
    path = save_persona(models_dir, meta, result.model, result.tokenizer, card,
                        avatar=avatar[1] if avatar else None,
                        copy_texts=[t for h in handles for t in texts[h.handle]])
    seconds = round(time.monotonic() - started, 1)
    reporter.done({"persona": args.persona, "path": str(path), "table": table_json(tables),
                   "metrics": meta.metrics.model_dump(), "seconds": seconds, "kind": meta.kind,
                   "base": meta.base.model_dump() if meta.base else None,
                   "avatar": meta.avatar.model_dump() if meta.avatar else None,
                   "voice": meta.voice.model_dump() if meta.voice else None})
    if not reporter.json_mode:
        print_summary(meta, path, seconds)
    return 0


def measure_trained(result: Any, split: Any, location: BaseLocation, method: str, n: int, seed: int,
                    cfg: TrainingConfig, local_files_only: bool, reporter: Reporter) -> VoiceReport:
    """The voice report of the model just trained, on this training's own split (no data read again):
    a LoRA persona against its base with the adapter off, a full one against its base loaded again,
    tiny against nothing."""
    from training.eval import Models, voice_report

    if method == "lora":
        models = Models(result.model, result.tokenizer, location.name, lora=True)
    elif location.source == "tiny":
        models = Models(result.model, result.tokenizer, None)
    else:
        import torch
        from transformers import AutoModelForCausalLM

        base = AutoModelForCausalLM.from_pretrained(location.load_from, dtype=torch.float32,
                                                    local_files_only=local_files_only)
        models = Models(result.model, result.tokenizer, location.name, base=base.to(result.model.device))
    reporter.text(f"voice report: {n} tweets of the persona" + (" and 2x as many of the base"
                                                                  if models.base_name else ""))
    report = voice_report(models, result.tokenizer.eos_token, split.train, split.validation, n, seed,
                          eval_sampling(cfg))
    from training.voice import voice_line

    reporter.text(f"  {voice_line(report)}")
    return report


def eval_sampling(cfg: TrainingConfig) -> Any:
    """`[generation]`'s sampling defaults, as /imitate uses them (a bad value: bad input)."""
    from pydantic import ValidationError

    from training.config import SamplingSettings

    try:  # the bot's own keys of the section (its bounds, the copy guard) are its to check
        return SamplingSettings.model_validate({k: v for k, v in cfg.generation.items()
                                                if k in SamplingSettings.model_fields})
    except ValidationError as exc:
        first = exc.errors()[0]
        raise BadInput(f"[generation] {'.'.join(map(str, first['loc']))}: {first['msg']}") from None


# --- eval ---------------------------------------------------------------------------------------


def run_eval(args: argparse.Namespace, cfg: TrainingConfig) -> VoiceReport:
    """The voice report of a saved persona: its training data read and cleaned again and split with
    its seed (the held-out tweets are never stored with the persona), tweets generated, measured,
    written into persona.json and the card, printed."""
    settings = cfg.training
    models_dir = cfg.paths.models_dir
    if not is_valid_persona_name(args.persona):
        raise BadInput(f"persona name {args.persona!r} is not a persona name")
    if not 1 <= args.n <= MAX_EVAL_TWEETS:
        raise BadInput(f"--n must be between 1 and {MAX_EVAL_TWEETS:,} (got {args.n})")
    if args.seed is not None and args.seed < 0:
        raise BadInput(f"--seed must not be negative (got {args.seed})")
    folder = models_dir / args.persona
    try:
        meta = read_persona(folder)
    except FileNotFoundError:
        raise BadInput(f"no persona {args.persona!r} in {models_dir}") from None
    except (OSError, ValueError) as exc:
        raise BadInput(f"persona {args.persona!r} cannot be read: {exc}") from None
    sampling = eval_sampling(cfg)
    hp = meta.hyperparameters
    train_seed = hp.get("seed", settings.seed)
    fraction = hp.get("validation_fraction", settings.validation_fraction)
    seed = train_seed if args.seed is None else args.seed

    reporter = Reporter()
    handles = read_handles(data_groups(args.persona, args.data), settings, reporter, args.author)
    texts, tables = clean_handles(handles, settings, reporter)
    # The split must be the training's: the same tweets, cleaned the same way, in the same handle order.
    trained = {h.handle: h.data for h in meta.handles}
    if set(tables) != set(trained):
        raise BadInput(f"--data is {', '.join('@' + h for h in tables)}, but persona {args.persona!r} "
                       f"was trained on {meta.handle_text}")
    for handle, table in tables.items():
        if table.kept != trained[handle].kept:
            raise BadInput(f"@{handle}: {table.kept} tweets kept from --data, but the persona was trained "
                           f"on {trained[handle].kept}: give the exports it was trained on, with the same "
                           "[training] cleaning settings")

    from training.dataset import split_tweets
    from training.eval import EvalError, load_models, voice_report, write_voice
    from training.finetune import quiet_libraries

    quiet_libraries(args.json, args.verbose)
    split = split_tweets([texts[h.handle] for h in meta.handles], train_seed, fraction)
    try:
        models = load_models(folder, meta, models_dir)
        report = voice_report(models, meta.prompt_prefix, split.train, split.validation, args.n, seed,
                              sampling)
        write_voice(folder, meta, report, models_dir)
    except EvalError as exc:
        raise BadInput(str(exc)) from None
    return report


def print_voice(name: str, report: VoiceReport, as_json: bool, out: Any) -> None:
    """The report: one JSON object, or its line and a table of the style measures."""
    from training.voice import voice_line

    if as_json:
        print(json.dumps({"persona": name, "line": voice_line(report), **report.model_dump()}), file=out)
        return
    print(f"{name}: {voice_line(report)}", file=out)
    print(f"  {report.tweets} tweets generated (seed {report.seed}), {report.held_out} held-out real tweets, "
          f"base: {report.base or 'none'}", file=out)
    if report.real_8gram is not None:
        print(f"  held-out real tweets sharing 8+ words with a training tweet: {report.real_8gram:.1%}",
              file=out)
    print(f"  {'style (per tweet)':<18} {'generated':>10} {'real':>10} {'difference':>11}", file=out)
    for key, fig in report.style.items():
        print(f"  {key:<18} {fig.generated:>10.3f} {fig.real:>10.3f} {fig.relative:>+11.1%}", file=out)


# The packages behind each `--report-to`: the Trainer's own integration needs one of them installed.
REPORT_TO = ("none", "tensorboard", "wandb")
REPORTING_PACKAGES = {"tensorboard": ("tensorboard", "tensorboardX"), "wandb": ("wandb",)}


def check_reporting(report_to: str) -> None:
    """Refuse, before any work, a `report_to` whose package is not installed (one line, exit 2)."""
    packages = REPORTING_PACKAGES.get(report_to, ())
    if packages and not any(importlib.util.find_spec(p) for p in packages):
        raise BadInput(f"--report-to {report_to} needs the {packages[0]} package: "
                       f"pip install -e '.[{report_to}]'")


def choose_method(method: str, location: BaseLocation) -> str:
    """auto: a full model on tiny (its tokenizer is trained per person); on a base that can be shared,
    left to `finetune`, which measures whether the base reads the person's language (an adapter when it
    does, else the whole model)."""
    if method == "auto":
        return "full" if location.source == "tiny" else "auto"
    if method == "lora" and location.source == "tiny":
        raise BadInput("--method lora: the tiny base trains its own tokenizer per person, so it cannot "
                       "share a base (use another base, or --method full)")
    return method


def print_summary(meta: PersonaMeta, path: Path, seconds: float) -> None:
    m, hp = meta.metrics, meta.hyperparameters
    what = (f"LoRA r={meta.lora.rank} adapter ({hp['trainable_parameters']:,} trained parameters)"
            if meta.lora else f"{hp['parameters']:,} parameters")
    a = meta.avatar
    picture = f"\n  Profile picture: {a.file} ({a.width}x{a.height})" if a else ""
    print(f"""
Persona {meta.name} ({meta.display_name}, {meta.handle_text}) saved to {path}
  base {meta.base_model}: {hp['epochs']:g} epoch(s), {m.train_steps} steps, lr {hp['learning_rate']:g}, \
{what}
  validation loss base {m.val_loss_before:.3f} -> persona {m.val_loss_after:.3f}, \
perplexity {m.val_ppl_before:.1f} -> {m.val_ppl_after:.1f}
  {seconds:.1f} s in all ({m.train_seconds:.1f} s training){picture}
  try it: python -m bot console   (or transformers.pipeline("text-generation", model="{path}"))""")


# --- entry point --------------------------------------------------------------------------------


class Terminated(SystemExit):
    """SIGTERM (the bot stopping a job) unwinds like an exception: temporary folders are removed."""


def stop_on_sigterm() -> None:
    """Make SIGTERM raise `Terminated` in the main thread (call it from there)."""
    signal.signal(signal.SIGTERM, _terminated)
    sys.unraisablehook = _unraisable


def _terminated(signum: int, frame: object) -> None:
    raise Terminated(128 + signum)


def _unraisable(hook: sys.UnraisableHookArgs) -> None:
    # Python runs a signal handler between any two bytecodes, also inside a `__del__` run by the garbage
    # collector (the tokenizers' regex objects have one), where an exception is only printed: send the
    # signal again from another thread, so that it is handled after this, where it stops the training.
    if isinstance(hook.exc_value, Terminated):
        threading.Timer(0.01, os.kill, (os.getpid(), signal.SIGTERM)).start()
        return
    _default_unraisable(hook)


_default_unraisable = sys.unraisablehook


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if threading.current_thread() is threading.main_thread():
        stop_on_sigterm()
    json_train = args.command in ("train", "pretrain", "eval") and args.json
    real_stdout = sys.stdout
    reporter = JsonReporter(real_stdout) if json_train else Reporter(verbose=args.verbose)
    if not rank_zero():  # under torchrun / accelerate launch, one process reports: no bars, no output
        reporter = JsonReporter(open(os.devnull, "w"))  # noqa: SIM115
    try:
        # In --json mode stdout belongs to the protocol: whatever a library prints goes to stderr.
        with contextlib.redirect_stdout(sys.stderr) if json_train else contextlib.nullcontext():
            cfg = load_training_config(args.config, args.models_dir)
            if args.command == "inspect":
                return run_inspect(args, cfg)
            if args.command == "pretrain":
                from training.pretrain import run_pretrain

                return run_pretrain(args, cfg, reporter)
            if args.command == "eval":
                report = run_eval(args, cfg)
                print_voice(args.persona, report, args.json, real_stdout)
                return 0
            return run_train(args, cfg, reporter)
    except (ConfigError, DataError, BadInput) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("error: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if not json_train:
            traceback.print_exc()
        print(f"error: internal failure: {type(exc).__name__}: {' '.join(str(exc).split())}", file=sys.stderr)
        return 1
