#!/bin/bash
# The device kit (README, "Headless build"): what the headless build needs beyond LibTorch, CMake,
# ninja and a C++ compiler, as Debian packages in one folder to copy to a GPU or cluster node that
# reaches no package registry: Qt Core and Qt Test with moc (the core tests are Qt Test programs),
# spdlog and fmt, nlohmann-json, zlib and libpng. No OpenCV: it would bring GDAL and hundreds of MB;
# the headless build reads Fashion-MNIST and CIFAR-10 files but no image folders.
#
#   bash packaging/device-kit.sh [DIR]       (default: build/device-kit; at most 40 MiB)
#
# Make it on Debian 12: its binaries need glibc 2.36 or newer, so they load on Debian 12 and 13,
# Ubuntu 24.04 and the GPU machine's image; Debian 13's would need 2.41. On the node, once per shell:
#
#   source DIR/activate.sh     # unpacks into DIR/root once; sets CMAKE_PREFIX_PATH, LD_LIBRARY_PATH
set -euo pipefail

kit=${1:-build/device-kit}
packages=(
  qt6-base-dev qt6-base-dev-tools qmake6 libqt6core6 libqt6test6
  libicu72 libdouble-conversion3 libpcre2-16-0 libb2-1 libglib2.0-0
  libspdlog-dev libspdlog1.10 libfmt-dev libfmt9 nlohmann-json3-dev
  zlib1g-dev zlib1g libpng-dev libpng16-16
)
. /etc/os-release
[ "${VERSION_CODENAME:-}" = bookworm ] || {
  echo "$0: make the kit on Debian 12 (bookworm), whose glibc the nodes have or exceed; this is ${PRETTY_NAME:-unknown}" >&2
  exit 2
}

rm -rf "$kit"
mkdir -p "$kit/debs"
(cd "$kit/debs" && apt-get download "${packages[@]}" > /dev/null) || {
  echo "$0: apt-get download failed (run apt-get update first?)" >&2
  exit 2
}
cp "$(dirname "$0")/device-kit-activate.sh" "$kit/activate.sh"
size=$(du -sm "$kit" | cut -f1)
echo "device kit: $kit, ${#packages[@]} packages, $size MiB"
[ "$size" -le 40 ] || { echo "$0: the kit is over 40 MiB" >&2; exit 1; }
