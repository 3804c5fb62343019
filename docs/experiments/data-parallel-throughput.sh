#!/usr/bin/env bash
# Data-parallel throughput (#10): the same training with 1 and 2 processes on this machine
# (scorescope-launch, Gloo on loopback; the cores are shared equally, so 1 process gets 2 threads
# and each of 2 processes 1). Rates are the metrics' steps_per_s after the first logging window
# (start-up, prior fitting and warm-up excluded), median over the windows.
# Output: docs/experiments/data-parallel-throughput.txt
set -euo pipefail
cd "$(dirname "$0")/../.."
launch=build/release/app/scorescope-launch
out=docs/experiments/data-parallel-throughput.txt
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

median_rate() {  # run dir → median steps_per_s of the logging windows after the first
  /usr/bin/python3 - "$1/metrics.jsonl" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])][1:]
print(f"{statistics.median(r['steps_per_s'] for r in rows):.2f}")
PY
}

{
  echo "# $(date -u +%F) on $(nproc) cores: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  printf '%-58s %8s %12s %14s %9s\n' "job" "procs" "steps/s" "samples/s" "speed-up"
} | tee "$out"
for job in "toy MLP 2x16 (the collective's fixed cost), batch 512|--dataset ring8 --batch 512 --hidden 16 --depth 2 --steps 1500 --log-every 250" \
           "toy MLP 4x256, ring8, DSM, batch 512|--dataset ring8 --batch 512 --steps 600 --log-every 100" \
           "toy MLP 4x256, ring8, STF n=1024 + ST k=1, batch 512|--dataset ring8 --batch 512 --objective stf --ref-size 1024 --st-k 1 --steps 400 --log-every 80" \
           "U-Net 1.6M, Fashion-MNIST 28x28, EDM, batch 64|--config resources/configs/fashion-mnist-edm.json --steps 36 --log-every 6"; do
  name=${job%%|*}; flags=${job#*|}
  base=""
  for n in 1 2; do
    run="$work/run-$n-$RANDOM"
    # shellcheck disable=SC2086
    "$launch" --nproc $n --master-port $((29600 + RANDOM % 300)) train $flags --sample-every 0 \
      --checkpoint-every 100000 --seed 1 --out "$run" > /dev/null 2>&1
    rate=$(median_rate "$run")
    batch=$(/usr/bin/python3 -c "import json;print(json.load(open('$run/config.json'))['batch'])")
    samples=$(/usr/bin/python3 -c "print(f'{$rate*$batch:.0f}')")
    [ -z "$base" ] && base=$rate
    speedup=$(/usr/bin/python3 -c "print(f'{$rate/$base:.2f}x')")
    printf '%-58s %8s %12s %14s %9s\n' "$name" "$n" "$rate" "$samples" "$speedup" | tee -a "$out"
  done
done
