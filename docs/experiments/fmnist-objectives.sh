#!/bin/bash
# Fashion-MNIST, a small U-Net (width 16, 0.4 M parameters), 2000 steps of batch 64, 3 seeds:
#  - STF against DSM (EDM SDE, preconditioning and weighting, n = 1024): FD-FMNIST of 500 samples
#    (EDM Heun, 18 steps) every 500 steps. Training is cut into 500-step legs resumed from the
#    checkpoint, which continues the run exactly (tst_trainer::resumeIsExact).
#  - Soft Truncation against fixed ε (VP SDE with EDM preconditioning, likelihood weighting with
#    importance sampling, §2.2): fixed ε = 1e-5, fixed ε = 1e-3, ST k = 1 on [1e-5, 1]; bits/dim on
#    32 test images integrated from 1e-5 for every model, FD-FMNIST of 500 samples.
# Two runs at a time, one LibTorch thread each. Re-running skips finished runs.
set -euo pipefail
cli=${CLI:-build/release/app/scorescope-cli}
out=${OUT:-runs/fmnist-objectives}
steps=${STEPS:-2000}
leg=${LEG:-500}
mkdir -p "$out"
export cli out steps leg

job() {
  local name=$1 seed=$2 run=$out/$1-s$2
  [ -f "$run/eval.json" ] && return 0
  rm -rf "$run"
  local base=(--config resources/configs/fashion-mnist-edm.json --width 16 --threads 1 --seed "$seed"
              --checkpoint-every "$leg")
  local evalFlags=(--sampler edm-heun --sampler-steps 18 --n 500 --seed "$seed" --threads 1)
  case $name in
    dsm|stf)
      local s
      for ((s = leg; s <= steps; s += leg)); do
        if ((s == leg)); then
          "$cli" train "${base[@]}" --objective "$name" --ref-size 1024 --steps "$s" --out "$run" > "$run.train.log" 2>&1
        else
          "$cli" train --resume "$run" --steps "$s" --threads 1 >> "$run.train.log" 2>&1
        fi
        "$cli" eval --run "$run" "${evalFlags[@]}" --bpd-images 0 --json "$run/eval-step$s.json" > "$run.eval-step$s.log" 2>&1
      done
      cp "$run/eval-step$steps.json" "$run/eval.json" ;;
    fixed-1e-5|fixed-1e-3|st-k1)
      local extra=(--eps 1e-5)
      [ "$name" = fixed-1e-3 ] && extra=(--eps 1e-3)
      [ "$name" = st-k1 ] && extra+=(--st-k 1)
      "$cli" train "${base[@]}" --sde vp --weighting likelihood-is "${extra[@]}" --steps "$steps" --out "$run" > "$run.train.log" 2>&1
      "$cli" eval --run "$run" "${evalFlags[@]}" --bpd-images 32 > "$run.eval.log" 2>&1 ;;
  esac
}
export -f job

for seed in 1 2 3; do
  for name in dsm stf fixed-1e-5 fixed-1e-3 st-k1; do echo "$name $seed"; done
done | xargs -P 2 -L 1 bash -c 'job "$0" "$1"'
/usr/bin/python3 "$(dirname "$0")/summarize.py" "$out"/*-s[0-9]
mkdir -p docs/fmnist
/usr/bin/python3 "$(dirname "$0")/against-steps.py" fd_fmnist --csv docs/fmnist/fd-fmnist-against-steps.csv \
  "$out"/dsm-s[0-9] "$out"/stf-s[0-9]
