#!/usr/bin/env bash
# The README's two commands on a fresh Debian root (#25):
#   bash packaging/check-fresh-root.sh bookworm|trixie [--cuda [--cudnn DIR]] [--package] [--root DIR] [--keep]
# debootstraps a minimal root of that release (from the Debian mirror in this machine's apt
# sources) into DIR (default /var/tmp/scorescope-root-RELEASE), clones this repository's HEAD into
# it and runs there, as root, `bash packaging/setup-and-run.sh` then `bash packaging/run-tests.sh`,
# printing each one's time and result; logs go to DIR.log.*. --cuda (trixie) first runs
# `packaging/install-deps.sh --cuda`, so the same two commands build and test the CUDA build;
# --cudnn DIR copies a local cuDNN 9 into the root for it (install-deps.sh --cudnn), for machines
# that reach Debian's mirror but not NVIDIA's server, from which nvidia-cudnn downloads cuDNN.
# --package then builds the .deb there (cpack) and checks it on a second fresh root, DIR-package
# (packaging/check-package.sh). Needs root, debootstrap and about 12 GiB (25 with --cuda). The
# roots are removed at the end unless --keep.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging/fresh-root.sh
. "$here/packaging/fresh-root.sh"

release=${1:-}
shift || true
case "$release" in
  bookworm|trixie) ;;
  *) echo "usage: $0 bookworm|trixie [--cuda [--cudnn DIR]] [--package] [--root DIR] [--keep]" >&2; exit 2 ;;
esac
cuda=0 keep=0 package=0 cudnn="" root=/var/tmp/scorescope-root-$release
while [ $# -gt 0 ]; do
  case "$1" in
    --cuda) cuda=1 ;;
    --keep) keep=1 ;;
    --package) package=1 ;;
    --cudnn|--root)
      [ $# -ge 2 ] || { echo "$0: $1 needs a folder" >&2; exit 2; }
      [ "$1" = --root ] && root=$2 || cudnn=$2
      shift ;;
    *) echo "$0: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[ "$cuda" = 1 ] && [ "$release" != trixie ] && { echo "$0: --cuda needs trixie" >&2; exit 2; }
fresh_root_check "$cuda" "$cudnn"
[ "$package" = 1 ] && [ -e "$root-package" ] && { echo "$0: $root-package exists; remove it or give --root" >&2; exit 2; }

log=$root.log
trap fresh_root_cleanup EXIT
fresh_root_create "$release"
git clone -q "$here" "$root/root/scorescope"
step() { step_dir=/root/scorescope fresh_root_step "$@"; }

status=0
if [ "$cuda" = 1 ]; then
  flags=$(fresh_root_cuda_flags "$cudnn") || exit 1
  step install-cuda bash packaging/install-deps.sh "$flags" || status=1
fi
[ $status = 0 ] && { step setup-and-run bash packaging/setup-and-run.sh || status=1; }
[ $status = 0 ] && { step run-tests bash packaging/run-tests.sh || status=1; }
if [ $status = 0 ] && [ "$package" = 1 ]; then
  step package 'cd build/release && rm -f scorescope_*.deb && cpack -G DEB' || status=1
  if [ $status = 0 ]; then
    extra=()
    [ "$cuda" = 1 ] && extra+=(--cuda) && [ -n "$cudnn" ] && extra+=(--cudnn "$cudnn")
    [ "$keep" = 1 ] && extra+=(--keep)
    bash "$here/packaging/check-package.sh" "$release" "$root"/root/scorescope/build/release/scorescope_*.deb \
      --root "$root-package" "${extra[@]}" || status=1
  fi
fi
if [ $status = 0 ]; then
  chroot "$root" /root/scorescope/build/release/app/scorescope-cli --version | head -n 3
  echo "fresh $release root$([ $cuda = 1 ] && echo ' (CUDA)'): the README's two commands PASS"
else
  echo "fresh $release root: FAIL (tail of the failing log above)" >&2
fi
exit $status
