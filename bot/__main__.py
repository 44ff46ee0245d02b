"""`python -m bot run|console|serve|bench`: load and validate the config, then hand over to one front end."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bot.config import ConfigError, load_config, token_from_env
from bot.logs import setup_logging


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, default=None, help="config file (default: ./config.toml)")
    common.add_argument("--models-dir", type=Path, default=None, help="overrides [paths] models_dir")
    common.add_argument("-v", "--verbose", action="store_true", help="debug logging")

    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("run", parents=[common], help="connect to Discord (token from DISCORD_TOKEN)")
    sub.add_parser("console", parents=[common], help="the same commands in a local dry-run console")
    sub.add_parser("serve", parents=[common],
                   help="the generation service on Ray Serve ([serve]; needs the scale extra)")
    bench = sub.add_parser("bench", parents=[common], help="naive pipeline vs. the pool, one run")
    bench.add_argument("--persona", default=None, help="persona to use (default: the first in models/)")
    bench.add_argument("--personas", type=int, default=1, metavar="K", help="spread requests over K personas")
    bench.add_argument("--concurrency", type=int, default=16, metavar="N")
    bench.add_argument("--requests", type=int, default=64, metavar="M")
    bench.add_argument("--max-new-tokens", type=int, default=48)
    bench.add_argument("--skip-naive", action="store_true", help="measure the pool only")
    bench.add_argument("--json", action="store_true", help="print one JSON object")
    bench.add_argument("--make-gpt2-persona", metavar="NAME", default=None,
                       help="benchmark persona NAME, a GPT-2-small-sized one with random weights written "
                            "first unless it exists (for GPU runs)")
    bench.add_argument("--make-gpt2-base", metavar="NAME", default=None,
                       help="write a GPT-2-small-shaped shared base with random weights to "
                            "models/.bases/NAME first, unless it exists (for LoRA runs on a GPU)")
    bench.add_argument("--make-lora-personas", type=int, default=0, metavar="K",
                       help="write K LoRA personas lora000... with random adapters on --base first "
                            "(those missing), and benchmark them")
    bench.add_argument("--base", default=None, metavar="NAME",
                       help="the shared base of --make-lora-personas (a models/.bases name, folder "
                            "or hub id)")
    bench.add_argument("--budget-mb", type=float, default=None, metavar="MB",
                       help="the pool's memory budget for this run (default: [pool] settings); set it "
                            "below K personas' weights so the timed run switches personas: loads and "
                            "evictions are reported")
    bench.add_argument("--workload", choices=("fixed", "natural", "both"), default="fixed",
                       help="fixed: every tweet exactly --max-new-tokens long (comparable runs); natural: "
                            "tweets end where the model ends them, at most that; both: natural_over_fixed")
    bench.add_argument("--arrival-rate", type=float, default=None, metavar="R",
                       help="open loop: requests arrive as a seeded Poisson process of R per second "
                            "(default: closed loop, --concurrency callers); also measures one request alone")
    bench.add_argument("--rounds", type=int, default=1, metavar="N",
                       help="run every leg (each workload, one persona alone for mixed_ratio, the peer) N "
                            "times in turn, --requests each time, and pool them: a ratio between legs then "
                            "holds on a machine whose speed drifts (each round's ratio is reported too)")
    bench.add_argument("--peer", choices=("ctranslate2",), default=None,
                       help="also run the fixed workload on CTranslate2 (float32 and int8), the same persona "
                            "converted on the fly, same threads and batch size (pip install -e '.[peer]')")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    setup_logging(args.verbose)
    try:
        cfg = load_config(args.config, args.models_dir)
        from bot.pool import resolve_device

        resolve_device(cfg.pool)  # device = "cuda" without CUDA: a config error, said before starting
        if cfg.pool.backend == "remote":  # its token variable unset: said here, not as a traceback later
            token_from_env(cfg.pool.remote_token_env, "[pool] remote_token_env")
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.command == "run":
        from bot.discord_bot import run_bot

        return run_bot(cfg, args.config)
    if args.command == "console":
        from bot.console import run_console

        return run_console(cfg, args.config)
    if args.command == "serve":
        try:
            from bot.serve_app import run_service
        except ImportError as exc:
            if exc.name is None or not exc.name.startswith(("ray", "starlette")):
                raise
            print("error: python -m bot serve needs Ray Serve: pip install -e '.[scale]'", file=sys.stderr)
            return 2
        return run_service(cfg)
    from bot.bench import run_bench

    return run_bench(cfg, args)


if __name__ == "__main__":
    sys.exit(main())
