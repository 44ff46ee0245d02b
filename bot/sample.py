"""The sample persona the quickstart and the benchmark fall back on, trained from `examples/`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from training.checkpoint import list_persona_dirs

SAMPLE_PERSONA = "marlowe_bakes"
SAMPLE_DATA = Path(__file__).resolve().parent.parent / "examples" / SAMPLE_PERSONA


def ensure_sample_persona(models_dir: Path, config: Path | None = None) -> bool:
    """Train the `tiny` sample persona into `models_dir` if it holds no persona; True if it trained one.

    Runs `python -m training train` as a child process (its progress bar goes to this terminal), so a
    crash in training never takes the caller down. Raises RuntimeError if the training fails.
    """
    if list_persona_dirs(models_dir):
        return False
    cmd = [sys.executable, "-m", "training", "train", SAMPLE_PERSONA, "--data", str(SAMPLE_DATA),
           "--base", "tiny", "--models-dir", str(models_dir)]
    if config is not None:
        cmd += ["--config", str(config)]
    if not models_dir.is_dir():
        # Said out loud: started in the wrong folder, the console would otherwise quietly make one there.
        print(f"Creating the models folder {models_dir.resolve()}/ (there is none yet).", file=sys.stderr)
        models_dir.mkdir(parents=True, exist_ok=True)
    print(f"No persona in {models_dir}/ yet: training the sample persona @{SAMPLE_PERSONA} "
          "(tiny base, about a minute).", file=sys.stderr)
    result = subprocess.run(cmd, stdin=subprocess.DEVNULL)
    if result.returncode != 0:
        raise RuntimeError(f"training the sample persona failed (exit {result.returncode})")
    return True
