#!/usr/bin/env bash
# Install the project into ./.venv: torch (CUDA build where a GPU is present, else CPU), then the
# project itself with its dev extras. Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
pip=(.venv/bin/python -m pip --disable-pip-version-check --quiet)

# An unpinned torch pulls a multi-GB CUDA build, so choose explicitly. TORCH_SPEC overrides.
if [ -z "${TORCH_SPEC:-}" ]; then
    if command -v nvidia-smi >/dev/null 2>&1 && nvidia-smi -L >/dev/null 2>&1; then
        TORCH_SPEC="torch>=2.4"        # PyPI's Linux wheels carry CUDA
    else
        TORCH_SPEC="torch==2.13.0"     # the CPU build these machines keep on local disk
    fi
fi
if ! .venv/bin/python -c 'import torch' >/dev/null 2>&1; then
    "${pip[@]}" install "$TORCH_SPEC"
fi
"${pip[@]}" install -e '.[dev]'
.venv/bin/python -c 'import bot, training, torch; print(f"installed: torch {torch.__version__}, cuda={torch.cuda.is_available()}")'
