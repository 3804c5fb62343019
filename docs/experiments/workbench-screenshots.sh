#!/bin/bash
# Screenshots of the workbench window while it trains (docs/gui-*.png): a run is begun with
# scorescope-cli, interrupted (Ctrl-C checkpoints it), and continued in the window, which is
# grabbed mid-run. Needs a display or QT_QPA_PLATFORM=offscreen.
set -euo pipefail
cli=${CLI:-build/release/app/scorescope-cli}
gui=${GUI:-build/release/app/gui/scorescope}
out=${OUT:-runs/screenshots}
mkdir -p "$out"
export QT_QPA_PLATFORM=${QT_QPA_PLATFORM:-offscreen}

shoot() {  # shoot NAME SECONDS_OF_CLI_TRAINING SECONDS_IN_THE_WINDOW TRAIN_FLAGS...
  local name=$1 head=$2 window=$3
  shift 3
  rm -rf "${out:?}/$name"
  timeout -s INT "$head" "$cli" train "$@" --out "$out/$name" > "$out/$name.log" 2>&1 || true
  "$gui" --continue "$out/$name" --screenshot "docs/gui-$name.png" --screenshot-delay "$((window * 1000))"
}

# ring8 under VE with STF (n = 256) and Soft Truncation (k = 1), likelihood weighting with IS:
# every panel has something to show, the STF bias estimate included (a mixture).
shoot toy-ring8 10 25 --dataset ring8 --sde ve --objective stf --ref-size 256 --st-k 1 \
  --weighting likelihood-is --steps 20000 --sample-every 500 --log-every 50
# Fashion-MNIST, the EDM configuration with STF: sample grids every 50 steps.
shoot fmnist 150 60 --config resources/configs/fashion-mnist-edm.json --objective stf --ref-size 1024 \
  --sample-every 50 --log-every 10
