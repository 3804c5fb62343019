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
# Fashion-MNIST: the 3400-step STF run of the README (runs/fmnist-edm-stf) continued in the window
# with a snapshot every 25 steps, so that the grids come from trained EMA weights.
rm -rf "$out/fmnist"
cp -r runs/fmnist-edm-stf "$out/fmnist"
/usr/bin/python3 -c "import json,sys; p=sys.argv[1]; c=json.load(open(p)); c.update(sample_every=25, steps=3800); json.dump(c, open(p, 'w'), indent=2)" \
  "$out/fmnist/config.json"
"$gui" --continue "$out/fmnist" --screenshot docs/gui-fmnist.png --screenshot-delay 75000
