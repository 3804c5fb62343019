#!/usr/bin/env bash
# Installs every Debian package Scorescope needs to build, test and run, on Debian 12 (bookworm)
# or 13 (trixie), told apart by /etc/os-release. Idempotent; works as root without sudo, or
# through sudo otherwise.
#
#   --cuda        LibTorch built with CUDA and the CUDA toolkit (Debian 13 only: contrib and
#                 non-free, which this option enables in the apt sources; they replace libtorch-dev)
#   --cudnn DIR   with --cuda, on a machine that reaches no NVIDIA server: cuDNN 9 from DIR (its
#                 libcudnn*.so.9, e.g. NVIDIA's archive unpacked), not nvidia-cudnn's download
#   --benchmarks  the Python reference of tests/benchmarks (Debian's PyTorch) and perf
#   --fuzz        clang and its libFuzzer/sanitizer runtimes (tests/fuzz/run.sh)
#   --soak        matplotlib, for the soak test's plot (docs/experiments/soak.sh)
#   --package DEB Scorescope's .deb and the runtime packages it depends on, nothing else (with
#                 --cuda: a CUDA build's .deb, for which contrib and non-free are enabled)
set -euo pipefail

# shellcheck disable=SC1091
codename=$(. /etc/os-release && echo "${VERSION_CODENAME:-}")
case "$codename" in
  bookworm) clang=14 ;;
  trixie) clang=19 ;;
  *) echo "install-deps: /etc/os-release names '$codename'; Scorescope supports Debian 12 (bookworm) and 13 (trixie)" >&2; exit 2 ;;
esac

torch=(libtorch-dev libgloo-dev)
packages=(
  # toolchain
  build-essential cmake ninja-build ccache git pkg-config
  # libraries (Debian 13's qt6-base-dev holds the OpenGL module that 12 ships apart)
  qt6-base-dev qt6-charts-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n
  libopencv-dev libspdlog-dev nlohmann-json3-dev zlib1g-dev libpng-dev
  # fast BLAS for LibTorch (the reference BLAS is ~10x slower)
  libopenblas0-openmp
  # data
  dataset-fashion-mnist
  # headless GUI tests and screenshots
  xvfb xauth
  # packaging checks: desktop file, AppStream metainfo, the .deb (dpkg-shlibdeps) and lintian
  desktop-file-utils appstream dpkg-dev file lintian
)
[ "$codename" = bookworm ] && packages+=(libqt6opengl6-dev)
# (the SVG icon engine for the toolbar's icons: inside libqt6svg6 on Debian 12, apart on 13)
[ "$codename" = trixie ] && packages+=(qt6-svg-plugins)

# A machine that has the CUDA LibTorch keeps it (libtorch-dev would replace it).
cuda=0
dpkg-query -W -f='${Status}' libtorch-cuda-dev 2>/dev/null | grep -q "install ok installed" && cuda=1
cudnn="" deb=""
while [ $# -gt 0 ]; do
  option=$1
  shift
  case "$option" in
    --cuda) cuda=1 ;;
    --cudnn)
      cudnn=${1:-}
      shift || true
      compgen -G "$cudnn/libcudnn.so.9*" > /dev/null || {
        echo "install-deps: --cudnn '$cudnn': no libcudnn.so.9 in that folder" >&2
        exit 2
      } ;;
    # (setuptools: torch.compile's C++ backend imports it; Debian's python3-torch does not depend on it)
    --benchmarks) packages+=(python3-torch python3-numpy python3-setuptools linux-perf) ;;
    --fuzz) packages+=("clang-$clang" "libclang-rt-$clang-dev") ;;
    --soak) packages+=(python3-matplotlib) ;;
    --package)
      deb=${1:-}
      shift || true
      # (apt takes a file only as a path: ./x.deb, not x.deb)
      [ -f "$deb" ] || { echo "install-deps: --package '$deb': no such file" >&2; exit 2; }
      [[ "$deb" == */* ]] || deb=./$deb ;;
    *) echo "install-deps: unknown option $option (--cuda, --cudnn DIR, --benchmarks, --fuzz, --soak, --package DEB)" >&2; exit 2 ;;
  esac
done
[ -n "$cudnn" ] && [ "$cuda" = 0 ] && { echo "install-deps: --cudnn goes with --cuda" >&2; exit 2; }
if [ "$cuda" = 1 ]; then
  if [ "$codename" != trixie ]; then
    echo "install-deps: --cuda needs Debian 13 (trixie): Debian 12 has no LibTorch built with CUDA" >&2
    exit 2
  fi
  # The CUDA LibTorch needs Gloo's CUDA build (the plain one conflicts with it); its c10d headers, nccl.h.
  torch=(libtorch-cuda-dev libgloo-cuda-dev libnccl-dev)
  packages+=(nvidia-cuda-toolkit)
fi
packages+=("${torch[@]}")
[ -n "$deb" ] && packages=("$deb")

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive

# contrib and non-free, for the CUDA packages only: added to the Debian sources this machine has.
enable_cuda_components() {
  local sources=/etc/apt/sources.list.d/debian.sources
  if [ -f "$sources" ]; then
    grep -q "non-free" "$sources" && return 0
    $SUDO sed -i -E '/^URIs: .*debian\/?$/,/^Components:/ s/^Components:.*/Components: main contrib non-free non-free-firmware/' "$sources"
  else
    grep -Eq '^deb .* trixie .*non-free' /etc/apt/sources.list && return 0
    $SUDO sed -i -E 's/^(deb .* trixie) main.*$/\1 main contrib non-free non-free-firmware/' /etc/apt/sources.list
  fi
  echo "install-deps: enabled contrib and non-free for the CUDA packages"
}

# The local cuDNN where nvidia-cudnn would have put it (after the packages: nvidia-cudnn's own
# libcudnn.so.9 entry replaces a copy made before it is unpacked).
install_cudnn() {
  [ -n "$cudnn" ] || return 0
  $SUDO cp -a "$cudnn"/libcudnn*.so.9* /usr/lib/x86_64-linux-gnu/
  $SUDO ldconfig
  echo "install-deps: cuDNN from $cudnn, not nvidia-cudnn's download"
}

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages already installed (Debian $codename)"
  install_cudnn
  exit 0
fi
[ "$cuda" = 1 ] && enable_cuda_components
# Debian's CUDA LibTorch needs cuDNN 9, which nvidia-cudnn downloads from NVIDIA when it is
# configured (after its licence question). Given a local copy, decline the download
# (install_cudnn puts the copy in place).
if [ -n "$cudnn" ]; then
  echo "nvidia-cudnn nvidia-cudnn/question select I Decline" | $SUDO debconf-set-selections
fi
echo "install-deps: installing on Debian $codename: ${missing[*]}"
$SUDO apt-get update -q
$SUDO apt-get install -y -q --no-install-recommends "${missing[@]}" || {
  rc=$?
  if [ "$cuda" = 1 ] && [ -z "$cudnn" ] && ! dpkg-query -W -f='${Status}' nvidia-cudnn 2>/dev/null | grep -q "install ok installed"; then
    echo "install-deps: nvidia-cudnn could not download cuDNN from developer.download.nvidia.com (above);" \
         "on a machine that cannot reach it, give a local cuDNN 9 with --cudnn DIR" >&2
  fi
  exit $rc
}
install_cudnn
