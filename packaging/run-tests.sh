#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install the dependencies, build, run every test, then
# the core tests again under the address and undefined-behaviour sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release --timeout 1500
# The core tests and the fuzz replays again under ASan + UBSan. The whole suite under them, and the
# worker-thread tests under ThreadSanitizer, would take CI past 45 minutes: `bash
# packaging/run-sanitizers.sh` runs them (README, Reliability).
bash packaging/run-sanitizers.sh core
