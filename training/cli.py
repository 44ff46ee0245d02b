"""`python -m training inspect|train|pretrain|eval`: the data table of an export, a persona trained from
it, a shared base pretrained from several exports, or a persona's voice report (`training/eval.py`).

`train` first clears what an interrupted training left in the models folder, resolves `--base` (tiny,
a shared base `models/.bases/NAME`, a local folder, else a hub id; `--base ~/...` expanded), picks the
method (`--method`, else `[training] method`; auto: LoRA on a shareable base, full on tiny), and takes
the account's handle and display name from the archive only once they are checked. The archive's
profile picture is kept when it is a real image; one missing or broken is a warning, never a failure.
`--server ID` (or `--everywhere`), `--owner ID` and `--subject ID` record where the persona may be used
and whose it is; retraining a persona without them keeps what it had.
Exit status: 0 done, 2 bad input (one `error: ...` line on stderr, nothing written), 1 internal failure.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
import threading
import traceback
from pathlib import Path
from typing import NoReturn

from training.config import ConfigError, load_training_config
from training.events import JsonReporter, Reporter
from training.names import is_snowflake
from training.pretrain import run_pretrain
from training.records import DataError
from training.runtime import BadInput, rank_zero
from training.train import EVAL_TWEETS, REPORT_TO, print_voice, run_eval, run_inspect, run_train

# This module is the command line only: arguments (its docstring is `--help`'s description), exit
# status and signals. The pipelines it runs are `training/train.py` and `training/pretrain.py`.


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
    common.add_argument("--servers", type=server_ids, default=None, metavar="ID[,ID...]",
                        help="only these servers' channels of a Discord data package (`inspect` lists "
                             "them with their ids)")

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
    train.add_argument("--epochs", type=float, default=None,
                       help="overrides [training] epochs (lora_epochs for an adapter)")
    train.add_argument("--seed", type=int, default=None, help="overrides [training] seed")
    train.add_argument("--report-to", choices=REPORT_TO, default=None,
                       help="log training to TensorBoard or Weights & Biases (the optional extra "
                            "'.[tensorboard]' or '.[wandb]'); overrides [training] report_to")
    # Whose the persona is and where it may be used (persona.json). A retrain without these flags keeps
    # what the persona had (`training.train.persona_scope`).
    where = train.add_mutually_exclusive_group()
    where.add_argument("--server", action="append", type=snowflake, default=None, metavar="ID",
                       help="a Discord server id where the persona may be used (repeat for more; not "
                            "--servers, which picks the data's channels); default: what the persona "
                            "being retrained had, else every server")
    where.add_argument("--everywhere", action="store_true",
                       help="usable in every server (a new persona's default; for a retrained one, its "
                            "server list dropped)")
    train.add_argument("--owner", type=snowflake, default=None, metavar="ID",
                       help="Discord user id of who added the persona (the bot passes it for personas "
                            "added on Discord); default: what the persona being retrained had")
    train.add_argument("--subject", type=snowflake, default=None, metavar="ID",
                       help="Discord user id of the member the persona imitates (the bot passes it for "
                            "personas added on Discord); default: what the persona being retrained had")
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


def server_ids(value: str) -> list[str]:
    """`--servers 123,456`: Discord server ids (digits), at least one."""
    ids = [part.strip() for part in value.split(",") if part.strip()]
    if not ids or not all(i.isascii() and i.isdigit() and len(i) <= 20 for i in ids):
        raise argparse.ArgumentTypeError(f"server ids (digits) joined by ',' wanted, got {value!r}")
    return ids


def snowflake(value: str) -> int:
    """`--server`, `--owner`, `--subject`: a Discord id (digits, a positive integer below 2**64)."""
    if not (value.isascii() and value.isdigit() and len(value) <= 20 and is_snowflake(int(value))):
        raise argparse.ArgumentTypeError("a Discord id (a positive integer below 2**64) wanted, "
                                         f"got {value[:40]!r}")
    return int(value)


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
