"""The pipelines behind `python -m training inspect|train|eval`: a data table, a persona, a voice report.

`train` first clears what an interrupted training left in the models folder, resolves `--base` (tiny,
a shared base `models/.bases/NAME`, a local folder, else a hub id; `--base ~/...` expanded), picks the
method (`--method`, else `[training] method`; auto: LoRA on a shareable base, full on tiny), reads and
cleans the exports (`training/handles.py`), fine-tunes, measures the voice, and saves the persona
atomically. `eval` reads the exports again and measures a saved persona. Bad input is `BadInput`
(`training/runtime.py`), raised before any slow work; torch and transformers are imported only after
the input is checked. The command line itself (arguments, exit status, signals) is `training/cli.py`.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
import time
from pathlib import Path
from typing import Any

from training.bases import BaseLocation, resolve_base
from training.card import detect_language, model_card
from training.checkpoint import (
    ADAPTER_CONFIG,
    Handle,
    Metrics,
    PersonaMeta,
    VoiceReport,
    read_persona,
    recover_interrupted,
    save_persona,
)
from training.clean import format_table, table_json
from training.config import TrainingConfig
from training.events import Reporter
from training.formats.discord_package import server_lines
from training.handles import (
    check_amount,
    choose_avatar,
    clean_handles,
    data_groups,
    read_handles,
    split_prefix,
)
from training.names import MAX_PERSONA_NAME, is_valid_persona_name
from training.runtime import BadInput, library_versions, rank_zero

EVAL_TWEETS = 200  # what `eval` generates unless --n says otherwise
MAX_EVAL_TWEETS = 10_000


# --- inspect ------------------------------------------------------------------------------------


def run_inspect(args: argparse.Namespace, cfg: TrainingConfig) -> int:
    settings = cfg.training
    groups: dict[str, list[Path]] = {}
    for value in args.paths:
        prefix, path = split_prefix(value)
        label = prefix or (path.name if path.is_dir() else path.stem) or str(path)
        groups.setdefault(label, []).append(path)
    reporter = Reporter()
    handles = read_handles(groups, settings, reporter, args.author, args.servers)
    _texts, tables = clean_handles(handles, settings, reporter)
    try:
        warnings = check_amount(tables, settings)
    except BadInput as exc:  # inspecting is not training: say it, don't fail
        warnings = [f"not enough to train: {exc}"]
    servers = {h.handle: h.servers for h in handles if h.servers}
    if args.json:
        data = table_json(tables, warnings)
        if servers:  # nested: the top level's integers are the counts only
            data["details"]["servers"] = {h: [{"id": i, "name": n, "messages": c} for i, n, c in listed]
                                          for h, listed in servers.items()}
        print(json.dumps(data, indent=2))
        return 0
    print(format_table(tables))
    print("\nKept characters: " + ", ".join(f"@{h} {t.kept_chars:,}" for h, t in tables.items()))
    for handle, listed in servers.items():  # so that a person can choose with --servers
        print(f"\nServers of @{handle} (choose with --servers ID[,ID...]):")
        print("\n".join(server_lines(listed)))
    for w in warnings:
        print(f"warning: {w}", file=sys.stderr)
    return 0


# --- train --------------------------------------------------------------------------------------


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
    scope = persona_scope(previous_persona(models_dir / args.persona, args.server, args.everywhere),
                          servers=args.server, everywhere=args.everywhere, owner=args.owner,
                          subject=args.subject)

    groups = data_groups(args.persona, args.data)
    reporter.phase("ingest", f"reading {len(args.data)} source(s)")
    handles = read_handles(groups, settings, reporter, args.author, args.servers)

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
        **scope,
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


def previous_persona(folder: Path, servers: list[int] | None, everywhere: bool) -> PersonaMeta | None:
    """The persona a training is about to replace, None when there is none. One whose persona.json
    cannot be read is bad input unless `--server` or `--everywhere` says where the new one may be used:
    its server list (and whose it was) cannot be carried over, and guessing "everywhere" could widen it."""
    try:
        return read_persona(folder)
    except (FileNotFoundError, NotADirectoryError):
        return None
    except (OSError, ValueError) as exc:
        if servers or everywhere:
            return None
        raise BadInput(f"persona {folder.name!r} exists but cannot be read ({exc}): give --server ID or "
                       "--everywhere to say where the retrained persona may be used") from None


def persona_scope(previous: PersonaMeta | None, *, servers: list[int] | None, everywhere: bool,
                  owner: int | None, subject: int | None) -> dict[str, Any]:
    """persona.json's `owner`, `subject` and `servers` for a persona being trained: what the flags say,
    and what they leave out as the persona being retrained (`previous`) had it (None for a new one).
    `servers` are listed once each, sorted; `everywhere` makes them None."""
    # A retrain from the command line must never silently widen a server's persona to everywhere, nor
    # drop whose it is: only a flag changes these.
    if everywhere:
        where = None
    elif servers:
        where = sorted(set(servers))
    else:
        where = previous.servers if previous is not None else None
    if owner is None and previous is not None:
        owner = previous.owner
    if subject is None and previous is not None:
        subject = previous.subject
    return {"owner": owner, "subject": subject, "servers": where}


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
    handles = read_handles(data_groups(args.persona, args.data), settings, reporter, args.author,
                           args.servers)
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
    if meta.servers is not None:
        picture += f"\n  Usable only in server(s) {', '.join(map(str, meta.servers))}"
    print(f"""
Persona {meta.name} ({meta.display_name}, {meta.handle_text}) saved to {path}
  base {meta.base_model}: {hp['epochs']:g} epoch(s), {m.train_steps} steps, lr {hp['learning_rate']:g}, \
{what}
  validation loss base {m.val_loss_before:.3f} -> persona {m.val_loss_after:.3f}, \
perplexity {m.val_ppl_before:.1f} -> {m.val_ppl_after:.1f}
  {seconds:.1f} s in all ({m.train_seconds:.1f} s training){picture}
  try it: python -m bot console   (or transformers.pipeline("text-generation", model="{path}"))""")
