#!/usr/bin/env bash
# The README's two commands on a fresh Debian root (#25):
#   bash packaging/check-fresh-root.sh bookworm|trixie [--cuda [--cudnn DIR]] [--root DIR] [--keep]
# debootstraps a minimal root of that release (from the Debian mirror in this machine's apt
# sources) into DIR (default /var/tmp/scorescope-root-RELEASE), clones this repository's HEAD into
# it and runs there, as root, `bash packaging/setup-and-run.sh` then `bash packaging/run-tests.sh`,
# printing each one's time and result; logs go to DIR.log.*. --cuda (trixie) first runs
# `packaging/install-deps.sh --cuda`, so the same two commands build and test the CUDA build;
# --cudnn DIR copies a local cuDNN 9 into the root for it (install-deps.sh --cudnn), for machines
# that reach Debian's mirror but not NVIDIA's server, from which nvidia-cudnn downloads cuDNN.
# Needs root, debootstrap and about 12 GiB (25 with --cuda). The root is removed at the end
# unless --keep.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)

release=${1:-}
shift || true
case "$release" in
  bookworm|trixie) ;;
  *) echo "usage: $0 bookworm|trixie [--cuda [--cudnn DIR]] [--root DIR] [--keep]" >&2; exit 2 ;;
esac
cuda=0 keep=0 cudnn="" root=/var/tmp/scorescope-root-$release
while [ $# -gt 0 ]; do
  case "$1" in
    --cuda) cuda=1 ;;
    --keep) keep=1 ;;
    --cudnn) cudnn=$2; shift ;;
    --root) root=$2; shift ;;
    *) echo "$0: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$cuda" = 1 ] && [ "$release" != trixie ] && { echo "$0: --cuda needs trixie" >&2; exit 2; }
[ -n "$cudnn" ] && [ "$cuda" = 0 ] && { echo "$0: --cudnn goes with --cuda" >&2; exit 2; }
[ -n "$cudnn" ] && ! compgen -G "$cudnn/libcudnn.so.9*" > /dev/null && { echo "$0: --cudnn '$cudnn': no libcudnn.so.9 in that folder" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "$0: run as root (debootstrap and chroot)" >&2; exit 2; }
command -v debootstrap > /dev/null || { echo "$0: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
[ -e "$root" ] && { echo "$0: $root exists; remove it or give --root" >&2; exit 2; }

# The Debian mirror this machine's apt uses (deb822 or one-line sources).
# (grep exits 2 when one of the two paths is missing, as sources.list is on deb822-only machines.)
mirror=$( (grep -rhoE '(URIs:|^deb) +https?://[^ ]*/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2> /dev/null || true) \
         | grep -oE 'https?://[^ ]*' | head -n1 || true)
mirror=${mirror:-http://deb.debian.org/debian}

log=$root.log
cleanup() {
  for m in dev/pts dev proc sys; do umount -l "$root/$m" 2> /dev/null || true; done
  [ "$keep" = 1 ] || rm -rf "$root"
}
trap cleanup EXIT

step() {  # step NAME COMMAND…: run in the root, print its time and result
  local name=$1; shift
  local start=$SECONDS rc=0
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    bash -c "cd /root/scorescope && $*" > "$log.$name" 2>&1 || rc=$?
  local t=$((SECONDS - start))
  printf '%-16s %3d min %02d s  %s  (%s)\n' "$name" $((t / 60)) $((t % 60)) \
    "$([ $rc = 0 ] && echo PASS || echo "FAIL rc=$rc")" "$log.$name"
  return $rc
}

echo "fresh $release root in $root (mirror $mirror)"
start=$SECONDS
debootstrap --variant=minbase "$release" "$root" "$mirror" > "$log.debootstrap" 2>&1
printf '%-16s %3d min %02d s  PASS\n' debootstrap $(((SECONDS - start) / 60)) $(((SECONDS - start) % 60))
cp /etc/resolv.conf "$root/etc/resolv.conf"
# A real machine resolves its own name (torchrun --standalone needs it); debootstrap's hosts file
# lacks it (or has none: minbase on trixie).
[ -e "$root/etc/hosts" ] || echo "127.0.0.1 localhost" > "$root/etc/hosts"
grep -qw "$(hostname)" "$root/etc/hosts" || echo "127.0.1.1 $(hostname)" >> "$root/etc/hosts"
mount -t proc proc "$root/proc"
mount --rbind /sys "$root/sys"
mount --rbind /dev "$root/dev"
git clone -q "$here" "$root/root/scorescope"

status=0
if [ "$cuda" = 1 ]; then
  cudnnFlag=""
  if [ -n "$cudnn" ]; then
    mkdir -p "$root/root/cudnn" && cp -a "$cudnn"/libcudnn*.so.9* "$root/root/cudnn/"
    cudnnFlag="--cudnn /root/cudnn"
  fi
  step install-cuda bash packaging/install-deps.sh --cuda $cudnnFlag || status=1
fi
[ $status = 0 ] && { step setup-and-run bash packaging/setup-and-run.sh || status=1; }
[ $status = 0 ] && { step run-tests bash packaging/run-tests.sh || status=1; }
if [ $status = 0 ]; then
  chroot "$root" /root/scorescope/build/release/app/scorescope-cli --version | head -n 3
  echo "fresh $release root$([ $cuda = 1 ] && echo ' (CUDA)'): the README's two commands PASS"
else
  echo "fresh $release root: FAIL (tail of the failing log above)" >&2
fi
exit $status
