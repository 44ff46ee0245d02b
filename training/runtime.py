"""What every subcommand of `python -m training` shares at run time, whichever module runs it.

`BadInput` is the one exception that means "the user can fix this" (one line, exit status 2);
`rank_zero` says whether this process is the one that writes and reports in a `torchrun` /
`accelerate launch` run; `library_versions` is what a persona or a base records it was made with.
Its own module, below both the command line (`cli.py`) and the pipelines it runs (`train.py`,
`pretrain.py`), so that a pipeline never imports the command line back.
"""

from __future__ import annotations

import contextlib
import os
import sys
from importlib import metadata


class BadInput(Exception):
    """Anything the user can fix: one line, exit 2."""


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
