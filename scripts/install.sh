#!/usr/bin/env bash
# Install the project into ./.venv: torch (CUDA build where a GPU is present, else CPU), then the
# project itself with its dev extras. Safe to run again; it only adds what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

# The interpreter: $PYTHON when set, else the first of the usual names that scripts/check_python.py
# accepts (3.11+, tarfile without CVE-2024-6232's quadratic pax parsing; distributions backport the
# fix, so it is checked by behaviour). A refused one is named with why, in one line.
ok() { "$1" scripts/check_python.py; }
if [ -x .venv/bin/python ] && ! ok .venv/bin/python >/dev/null; then
    echo "install: .venv was made with an interpreter refused below; making it again" >&2
    rm -rf .venv
fi
if [ ! -x .venv/bin/python ]; then
    if [ -n "${PYTHON:-}" ]; then
        why=$(ok "$PYTHON" 2>&1) || { echo "install: PYTHON=$PYTHON refused: $why" >&2; exit 2; }
        python=$PYTHON
    else
        python=
        for candidate in python3 python3.11 /usr/bin/python3.11 /usr/bin/python3 python3.13 python3.12 \
                         /usr/bin/python3.13 /usr/bin/python3.12; do
            command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c '' 2>/dev/null || continue
            if why=$(ok "$candidate" 2>&1); then python=$candidate; break; fi
            echo "install: skipping $candidate: $why" >&2
        done
        if [ -z "$python" ]; then
            echo "install: no usable Python 3.11+ found; install one with a fixed tarfile and run PYTHON=/path/to/python3 bash scripts/install.sh" >&2
            exit 2
        fi
    fi
    "$python" -m venv .venv
fi
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
