#!/usr/bin/env bash
# Fuzzes every reader of outside data with libFuzzer (ASan + UBSan) for SECONDS each (default 600).
#   bash tests/fuzz/run.sh [SECONDS] [HARNESS...]       e.g. bash tests/fuzz/run.sh 60 idx checkpoint
# Builds the clang `fuzz` preset first (needs clang-14 and libclang-rt-14-dev). New inputs that
# widen coverage go to build/fuzz/corpus/NAME (the seeds — text ones in tests/fuzz/corpus, binary
# ones written at build time into build/fuzz/tests/fuzz/seeds — stay as they are);
# a crash leaves crash-* in build/fuzz/findings/NAME: add it to tests/fuzz/corpus/NAME with the fix,
# so that the ctest replay of the ordinary build keeps it fixed. Prints executions per second and
# coverage per harness; the whole log is build/fuzz/fuzz-NAME.log.
set -euo pipefail
cd "$(dirname "$0")/../.."
seconds=${1:-600}
shift || true
all=(mixture_json run_config points_csv idx cifar10 image_folder metrics_follower checkpoint)
harnesses=("${@:-${all[@]}}")
[ ${#harnesses[@]} -eq 0 ] && harnesses=("${all[@]}")

bash packaging/install-deps.sh --fuzz
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz
declare -A dict=([mixture_json]=json [run_config]=json [metrics_follower]=json [idx]=idx [checkpoint]=checkpoint)
printf '%-18s %10s %12s %10s %8s %s\n' harness seconds execs/s coverage corpus result
for h in "${harnesses[@]}"; do
  corpus=build/fuzz/corpus/$h findings=build/fuzz/findings/$h log=build/fuzz/fuzz-$h.log
  mkdir -p "$corpus" "$findings"
  flags=(-max_total_time="$seconds" -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$findings/" -print_final_stats=1)
  [ -n "${dict[$h]:-}" ] && flags+=(-dict="tests/fuzz/dict/${dict[$h]}.dict")
  seeds=()
  for d in "tests/fuzz/corpus/$h" "build/fuzz/tests/fuzz/seeds/$h"; do [ -d "$d" ] && seeds+=("$d"); done
  # ASan's leak check at exit only: LibTorch's and Qt's process-lifetime singletons are not leaks per run.
  if ASAN_OPTIONS=detect_leaks=1 "build/fuzz/tests/fuzz/fuzz_$h" "${flags[@]}" "$corpus" "${seeds[@]}" > "$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $findings)"
  fi
  execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  printf '%-18s %10s %12s %10s %8s %s\n' "$h" "$seconds" "$((execs / seconds))" "$cov" "$(ls "$corpus" | wc -l)" "$result"
done
