#!/usr/bin/env bash
# Where a toy training step's CPU time goes (MLP 4×256, ring8, DSM, batch 512, 2 threads): perf's
# samples by shared object for the engine and the Python reference, each with glibc's default
# malloc and with freed memory kept in the process. perf starts 4 s in (past start-up and
# warm-up) and samples every thread, so an OpenMP thread spinning at a barrier counts as libgomp.
# Needs linux-perf. Output: docs/experiments/where-time-goes.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
engine=build/release/tests/benchmarks/bench_engine
reference="/usr/bin/python3 tests/benchmarks/reference/bench_engine.py"
flags="train --data ring8 --batch 512 --threads 2 --seconds 10"
out=docs/experiments/where-time-goes.txt
: > "$out"
for config in "engine|$engine $flags" "engine, glibc malloc defaults|$engine $flags --plain-malloc" \
              "python|$reference $flags" "python, freed memory kept|$reference $flags --retain-malloc"; do
  name=${config%%|*}; cmd=${config#*|}
  perf record -q -F 499 -D 4000 -o /tmp/where.data -- $cmd > /tmp/where.json 2>/dev/null
  ms=$(/usr/bin/python3 -c 'import json;print(round(json.load(open("/tmp/where.json"))["seconds_per_unit"]*1e3,2))')
  {
    echo "== $name: $ms ms per step   ($cmd)"
    perf report -i /tmp/where.data --no-children --sort dso --stdio 2>/dev/null | grep -E '^ +[0-9.]+%' | head -8
    echo
  } | tee -a "$out"
done
