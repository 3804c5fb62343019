#!/bin/bash
# Diffusion horizon T (§4, Franzese et al.): VP SDE (β ∈ [0.1, 20]), score models trained only on
# [ε, T] for T ∈ {0.2, 0.3, 0.5, 0.7, 1.0}; each evaluated with the Gaussian prior N(0, I) and with
# auxiliary priors fitted to the forward marginal at T (§4.4). The score model is the same for every
# prior of a T: the prior is fitted from its own random stream, and fit-prior refits a copy.
#  - ring8 (MLP, 10000 steps): NLL by the PF-ODE (1000 held-out points, against the true NLL; the
#    Gaussian prior's NLL from the same ODE solutions), energy distance of 2000 RK45 samples, the
#    NFE of both; priors Gaussian, GMM (EM, 8 full components) and a coupling flow; plus
#    `analyze horizon` at each run's T (KL terms, gap G).
#  - Fashion-MNIST (U-Net width 16, likelihood weighting with IS, ε = 1e-5, 1000 steps): bits/dim on
#    32 test images under both priors from the same ODE solutions and the ODE's NFE, FD-FMNIST of
#    500 EDM-Heun samples (18 steps) from each prior; priors Gaussian and a coupling flow (1500 steps).
#  - The KL terms alone on a fine T grid for ring8 (closed-form p_T).
# Two jobs at a time, one LibTorch thread each. Re-running skips finished runs.
set -euo pipefail
cd "$(dirname "$0")/../.."
cli=${CLI:-build/release/app/scorescope-cli}
out=${OUT:-runs/horizon}
toySteps=${TOY_STEPS:-10000}
imageSteps=${IMAGE_STEPS:-1000}
horizons=${HORIZONS:-"0.2 0.3 0.5 0.7 1.0"}
mkdir -p "$out" docs/horizon
export cli out toySteps imageSteps

# eval under the run's own prior and under the Gaussian: eval-<prior>.json and eval-gaussian.json.
evalBoth() {
  local run=$1 prior=$2 dest=$3; shift 3
  "$cli" eval --run "$run" "$@" --threads 1 --json "$dest/eval-$prior.json" > "$dest.eval-$prior.log" 2>&1
  [ "$prior" = gaussian ] || [ -f "$dest/eval-gaussian.json" ] ||
    "$cli" eval --run "$run" "$@" --gaussian-prior --threads 1 --json "$dest/eval-gaussian.json" > "$dest.eval-gaussian.log" 2>&1
}
export -f evalBoth

job() {
  local data=$1 T=$2 run=$out/$1-T$2
  [ -f "$run/done" ] && return 0
  rm -rf "$run" "$run-flow"
  case $data in
    ring8)
      "$cli" train --dataset ring8 --sde vp --T "$T" --steps "$toySteps" --prior gmm --prior-components 8 \
        --sample-every 0 --threads 1 --out "$run" > "$run.train.log" 2>&1
      local ev=(--sampler ode-rk45 --n 2000 --nll-points 1000)
      evalBoth "$run" gmm "$run" "${ev[@]}"
      cp -r "$run" "$run-flow"
      "$cli" fit-prior --run "$run-flow" --prior flow --threads 1 > "$run.fit-flow.log" 2>&1
      evalBoth "$run-flow" flow "$run" "${ev[@]}"
      "$cli" analyze horizon --run "$run" --t-grid "$T" --threads 1 --csv "$run/horizon.csv" > "$run.horizon.log" 2>&1 ;;
    fmnist)
      "$cli" train --config resources/configs/fashion-mnist-edm.json --width 16 --sde vp --weighting likelihood-is \
        --eps 1e-5 --T "$T" --steps "$imageSteps" --prior flow --prior-steps 1500 --sample-every 0 --threads 1 \
        --out "$run" > "$run.train.log" 2>&1
      local ev=(--sampler edm-heun --sampler-steps 18 --n 500 --threads 1)
      "$cli" eval --run "$run" "${ev[@]}" --bpd-images 32 --json "$run/eval-flow.json" > "$run.eval-flow.log" 2>&1
      "$cli" eval --run "$run" "${ev[@]}" --bpd-images 0 --gaussian-prior --json "$run/eval-gaussian.json" \
        > "$run.eval-gaussian.log" 2>&1 ;;
  esac
  touch "$run/done"
}
export -f job

for T in $horizons; do echo "fmnist $T"; done > "$out/jobs"
for T in $horizons; do echo "ring8 $T"; done >> "$out/jobs"
xargs -P 2 -L 1 bash -c 'job "$0" "$1"' < "$out/jobs"

"$cli" analyze horizon --dataset ring8 --t-grid 0.05,0.1,0.15,0.2,0.25,0.3,0.4,0.5,0.6,0.7,0.8,0.9,1 \
  --threads 2 --csv docs/horizon/ring8-kl-against-T.csv
/usr/bin/python3 docs/experiments/horizon-summary.py "$out" docs/horizon

# Figures from the tables (the workbench's analysis view, offscreen).
gui=${GUI:-build/release/app/gui/scorescope}
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}
figure() {  # figure PNG CSV...
  local png=$1 args=()
  shift
  for csv in "$@"; do args+=(--analysis "$csv"); done
  "$gui" "${args[@]}" --screenshot "$png" --screenshot-delay 500
}
figure docs/horizon-ring8-kl.png docs/horizon/ring8-kl-against-T.csv
figure docs/horizon-ring8-trained.png docs/horizon/ring8-trained-horizon.csv
figure docs/horizon-ring8.png docs/horizon/ring8-nll-against-T.csv docs/horizon/ring8-energy-distance-against-T.csv \
  docs/horizon/ring8-nfe-against-T.csv
figure docs/horizon-fmnist.png docs/horizon/fmnist-bpd-against-T.csv docs/horizon/fmnist-fd-fmnist-against-T.csv \
  docs/horizon/fmnist-nfe-against-T.csv
