#!/usr/bin/env bash
# Command 1 of the README: install the dependencies, build, and run the main job — train the
# toy MLP on ring8 (~2.5 min on 2 cores), evaluate it against the true mixture, and draw samples.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release
cmake --build --preset release

run=runs/ring8
cli=build/release/app/scorescope-cli
if [ -f "$run/config.json" ]; then
  "$cli" train --resume "$run"
else
  "$cli" train --dataset ring8 --sde vp --steps 20000 --out "$run"
fi
"$cli" eval --run "$run"
"$cli" sample --run "$run" --sampler ode-rk45 --n 2000
echo
echo "Run directory: $run (open it in the GUI: build/release/app/gui/scorescope $run)"
