#!/usr/bin/env bash
# Installs every Debian 12 package Scorescope needs to build, test and run.
# Idempotent; works as root without sudo, or through sudo otherwise.
set -euo pipefail

packages=(
  # toolchain
  build-essential cmake ninja-build ccache git pkg-config
  # libraries
  qt6-base-dev qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libtorch-dev libgloo-dev libopencv-dev libspdlog-dev nlohmann-json3-dev zlib1g-dev
  # fast BLAS for LibTorch (the reference BLAS is ~10x slower)
  libopenblas0-openmp
  # data
  dataset-fashion-mnist
  # headless GUI tests and screenshots
  xvfb xauth
  # packaging checks: desktop file, AppStream metainfo, the .deb (dpkg-shlibdeps) and lintian
  desktop-file-utils appstream dpkg-dev file lintian
)

# --benchmarks: also the Python reference of tests/benchmarks (Debian's PyTorch) and perf.
# --fuzz: also clang and its libFuzzer/sanitizer runtimes (tests/fuzz/run.sh).
# --soak: also matplotlib, for the soak test's plot (docs/experiments/soak.sh).
for option in "$@"; do
  case "$option" in
    --benchmarks) packages+=(python3-torch python3-numpy linux-perf) ;;
    --fuzz) packages+=(clang-14 libclang-rt-14-dev) ;;
    --soak) packages+=(python3-matplotlib) ;;
    *) echo "install-deps: unknown option $option (--benchmarks, --fuzz, --soak)" >&2; exit 2 ;;
  esac
done

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed"
  exit 0
fi
echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
