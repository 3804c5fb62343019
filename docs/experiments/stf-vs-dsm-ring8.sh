#!/bin/bash
# STF against DSM on ring8 under the VE SDE: same seeds, same steps, n = 1024. Trains, evaluates
# (NLL against the true mixture, sample metrics, per-σ error of the learned score against the
# closed form) and prints a summary. Re-running skips finished runs.
set -euo pipefail
cli=${CLI:-build/release/app/scorescope-cli}
out=${OUT:-runs/stf-vs-dsm}
steps=${STEPS:-10000}
mkdir -p "$out"
for seed in 1 2 3; do
  for objective in dsm stf; do
    run=$out/$objective-s$seed
    [ -f "$run/eval.json" ] && continue
    rm -rf "$run"
    "$cli" train --dataset ring8 --sde ve --objective "$objective" --ref-size 1024 --steps "$steps" --seed "$seed" \
      --out "$run" > "$run.train.log" 2>&1
    "$cli" eval --run "$run" --seed "$seed" > "$run.eval.log"
  done
done
/usr/bin/python3 "$(dirname "$0")/summarize.py" "$out"/*-s[0-9]
