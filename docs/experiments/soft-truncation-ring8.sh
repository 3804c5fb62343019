#!/bin/bash
# Soft Truncation against fixed truncation on ring8 under the VP SDE with likelihood weighting
# and importance sampling (§2.2): fixed ε = 1e-5, fixed ε = 1e-3, and ST (k = 1 on [1e-5, 1]);
# 3 seeds, same steps. NLL is integrated from 1e-5 for every model. Then the per-σ loss scale of
# the fixed-ε = 1e-5 run. Re-running skips finished runs.
set -euo pipefail
cli=${CLI:-build/release/app/scorescope-cli}
out=${OUT:-runs/soft-truncation}
steps=${STEPS:-10000}
mkdir -p "$out"
declare -A variants=(
  [fixed-1e-5]="--eps 1e-5"
  [fixed-1e-3]="--eps 1e-3"
  [st-k1]="--eps 1e-5 --st-k 1"
)
for seed in 1 2 3; do
  for name in fixed-1e-5 fixed-1e-3 st-k1; do
    run=$out/$name-s$seed
    [ -f "$run/eval.json" ] && continue
    rm -rf "$run"
    # shellcheck disable=SC2086
    "$cli" train --dataset ring8 --sde vp --weighting likelihood-is ${variants[$name]} --steps "$steps" --seed "$seed" \
      --out "$run" > "$run.train.log" 2>&1
    "$cli" eval --run "$run" --seed "$seed" > "$run.eval.log"
  done
done
/usr/bin/python3 "$(dirname "$0")/summarize.py" "$out"/*-s[0-9]
"$cli" analyze loss-scale --run "$out/fixed-1e-5-s1" --windows 200 --csv "$out/loss-scale-fixed-1e-5.csv"
"$cli" analyze loss-scale --run "$out/st-k1-s1" --windows 200 --csv "$out/loss-scale-st-k1.csv"
