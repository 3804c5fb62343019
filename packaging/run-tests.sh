#!/usr/bin/env bash
# Command 2 of the README (and what CI runs): install the dependencies, build, run every test.
set -euo pipefail
cd "$(dirname "$0")/.."

bash packaging/install-deps.sh
cmake --preset release
cmake --build --preset release
ctest --preset release --timeout 1500
