#!/usr/bin/env bash
# The test suite under the sanitizers (#13).
#   bash packaging/run-sanitizers.sh        every ctest test under ASan + UBSan, then the worker-thread
#                                           and run-follower tests under ThreadSanitizer
#   bash packaging/run-sanitizers.sh core   the core tests and the fuzz replays under ASan + UBSan (CI;
#                                           without the acceptance training, tests/CMakeLists.txt)
# Any sanitizer report fails its test. Builds go to build/asan and build/tsan.
set -euo pipefail
cd "$(dirname "$0")/.."
scope=${1:-all}
bash packaging/install-deps.sh
# GCC 12's sanitizers cannot place their shadow memory under the wider mmap randomisation of recent
# kernels (vm.mmap_rnd_bits 32); without address randomisation they always can. Where a container
# does not allow that personality, the tests run as they are.
norandom=()
if setarch "$(uname -m)" -R true 2> /dev/null; then norandom=(setarch "$(uname -m)" -R); fi
cmake --preset asan > /dev/null
if [ "$scope" = core ]; then
  "${norandom[@]}" cmake --build --preset asan-core  # the build runs fuzz_seeds, instrumented
  "${norandom[@]}" ctest --preset asan-core --timeout 1500 --parallel "$(nproc)"
  exit
fi
"${norandom[@]}" cmake --build --preset asan
"${norandom[@]}" ctest --preset asan --timeout 1500
cmake --preset tsan > /dev/null
"${norandom[@]}" cmake --build --preset tsan
"${norandom[@]}" ctest --preset tsan --timeout 1500
