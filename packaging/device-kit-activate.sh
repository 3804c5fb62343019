# shellcheck shell=bash
# Sourced on a node from the device kit's folder (packaging/device-kit.sh copies it there as
# activate.sh): unpacks the kit's packages into root/ once, then points CMake and the loader at them.
#
#   source KIT/activate.sh
#   cmake -S . -B build-headless -G Ninja -DSCORESCOPE_HEADLESS=ON \
#         -DCMAKE_PREFIX_PATH="$KIT_PREFIX;$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')"
kit=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ ! -e "$kit/root/.unpacked" ]; then
  for deb in "$kit"/debs/*.deb; do
    dpkg-deb -x "$deb" "$kit/root" || { echo "activate.sh: cannot unpack $deb" >&2; return 2; }
  done
  # Debian's absolute links (libz.so -> /lib/x86_64-linux-gnu/libz.so.1.2.13) must stay in the kit.
  find "$kit/root" -type l -lname '/*' | while read -r link; do
    target=$(readlink "$link")
    [ -e "$kit/root$target" ] && ln -sfn "$kit/root$target" "$link"
  done
  touch "$kit/root/.unpacked"
fi
export KIT_PREFIX=$kit/root/usr
export CMAKE_PREFIX_PATH=$KIT_PREFIX${CMAKE_PREFIX_PATH:+:$CMAKE_PREFIX_PATH}
# moc runs during the build, the tests after it: both load the kit's Qt and its dependencies.
export LD_LIBRARY_PATH=$kit/root/usr/lib/x86_64-linux-gnu:$kit/root/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
missing=$(ldd "$kit/root/usr/lib/x86_64-linux-gnu/libQt6Test.so.6" "$kit/root/usr/lib/qt6/libexec/moc" | grep 'not found' | sort -u)
[ -z "$missing" ] || echo "activate.sh: this node lacks libraries the kit's Qt needs:$(echo "$missing" | awk '{printf " %s", $1}')" >&2
