#!/usr/bin/env bash
# The engine's GPU figures in one run (issue 20's GPU targets): on a GPT-2-small-shaped shared base
# with 64 random LoRA adapters, 64 concurrent callers, the device's default dtype (bf16 on CUDA):
#   1. the fixed and natural workloads, continuous batching, then the static path, for natural_over_fixed;
#   2. the open loop at 80% of the natural closed-loop rate (p95 against p95 alone);
#   3. one decode step of a GPT-2-small persona at 64 rows: eager, torch.compile and a CUDA graph.
# Each result is a JSON file (the step a text file) in $OUT_DIR, and a summary line is printed.
#
#   bash scripts/bench_gpu.sh                      # on a GPU machine, after scripts/install.sh
#   PY=python3 OUT_DIR=/tmp/out bash scripts/bench_gpu.sh   # python3 with torch, transformers, peft,
#                                                          # pydantic and libipld: no install needed
#   ADAPTERS=2 CONCURRENCY=4 REQUESTS=8 STEP_DEVICE=cpu bash scripts/bench_gpu.sh   # a smoke run on a CPU
#
# Each leg's summary is printed as it ends, so a run cut short keeps what it finished. To run it in
# parts (a time limit per command): LEGS names the legs to run (default "continuous static open_loop
# step"), WORK_DIR keeps the generated base and adapters between parts (default: a temporary folder,
# removed), and RATE gives the open loop's arrival rate when the continuous leg ran in another part:
#   WORK_DIR=/tmp/g LEGS="continuous static" bash scripts/bench_gpu.sh
#   WORK_DIR=/tmp/g LEGS="open_loop step" RATE=123.4 bash scripts/bench_gpu.sh
set -euo pipefail
cd "$(dirname "$0")/.."
# `python -m bot` finds the project from here; scripts/bench_step.py needs it on the path too (a
# machine where the project is not pip-installed, as on a lent GPU machine with its own python3).
export PYTHONPATH="$PWD${PYTHONPATH:+:$PYTHONPATH}"

PY=${PY:-.venv/bin/python}
ADAPTERS=${ADAPTERS:-64}
CONCURRENCY=${CONCURRENCY:-64}
REQUESTS=${REQUESTS:-640}
STEP_DEVICE=${STEP_DEVICE:-cuda}
OUT_DIR=${OUT_DIR:-bench-gpu}
LEGS=${LEGS:-continuous static open_loop step}
RATE=${RATE:-}
mkdir -p "$OUT_DIR"
if [ -n "${WORK_DIR:-}" ]; then
  work=$WORK_DIR
  mkdir -p "$work"
else
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
fi
leg() { [[ " $LEGS " == *" $1 "* ]]; }

# A decode as wide as the callers; the copy guard off, as in every throughput figure.
config() {
  sed -e "s/^max_batch = .*/max_batch = $CONCURRENCY/" -e "s/^max_copied_words = .*/max_copied_words = 0/" \
      -e "s/^continuous = .*/continuous = $1/" config.toml > "$work/$1.toml"
}
config true
config false
bench() {  # bench CONTINUOUS NAME ARGS...: one run on the 64 adapters, its JSON in $OUT_DIR/NAME.json
  local continuous=$1 name=$2
  shift 2
  "$PY" -m bot bench --config "$work/$continuous.toml" --models-dir "$work/models" --skip-naive \
      --make-gpt2-base g2 --make-lora-personas "$ADAPTERS" --base g2 --personas "$ADAPTERS" \
      --concurrency "$CONCURRENCY" --requests "$REQUESTS" --json "$@" > "$OUT_DIR/$name.json"
}
field() { "$PY" -c "import json, sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$OUT_DIR/$1.json" "$2"; }

summary() {  # summary NAME: the closed-loop leg's figures
  echo "$1: fixed $(field "$1" pool_tokens_per_s) tok/s, natural $(field "$1" natural_tokens_per_s) tok/s" \
       "($(field "$1" natural_requests_per_s) req/s), natural_over_fixed $(field "$1" natural_over_fixed)," \
       "mean rows a step $(field "$1" mean_batch)"
}

if leg continuous; then
  bench true continuous --workload both
  summary continuous
fi
if leg static; then
  bench false static --workload both
  summary static
fi
if leg open_loop; then
  rate=${RATE:-$("$PY" -c "print(round(0.8 * $(field continuous natural_requests_per_s), 1))")}
  bench true open_loop --workload natural --arrival-rate "$rate"
  echo "open loop at $rate req/s: p95 $(field open_loop p95_ms) ms, alone p95 $(field open_loop alone_p95_ms) ms," \
       "p95_over_alone_p95 $(field open_loop p95_over_alone_p95)"
fi
if leg step; then
  "$PY" -m bot bench --config "$work/true.toml" --models-dir "$work/models" --skip-naive \
      --make-gpt2-persona g2full --persona g2full --requests 1 --concurrency 1 --json > /dev/null
  "$PY" scripts/bench_step.py --device "$STEP_DEVICE" --persona "$work/models/g2full" --rows "$CONCURRENCY" \
      > "$OUT_DIR/step.txt"
  cat "$OUT_DIR/step.txt"
fi
