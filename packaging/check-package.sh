#!/usr/bin/env bash
# The .deb on a fresh Debian root (#25):
#   bash packaging/check-package.sh bookworm|trixie DEB [--cuda [--cudnn DIR]] [--root DIR] [--keep]
# debootstraps a minimal root of that release into DIR (default /var/tmp/scorescope-package-RELEASE),
# installs DEB there with apt (through packaging/install-deps.sh --package, which for a CUDA build's
# .deb, --cuda, enables contrib and non-free first), then runs the installed programs:
# `scorescope --version`, `scorescope-cli train` on ring8 for 300 steps, and the workbench
# offscreen on that run with --screenshot, copied out to DIR.screenshot.png. Prints each step's
# time and result; logs go to DIR.log.*. Needs root and debootstrap. The root is removed at the
# end unless --keep.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=packaging/fresh-root.sh
. "$here/packaging/fresh-root.sh"

usage="usage: $0 bookworm|trixie DEB [--cuda [--cudnn DIR]] [--root DIR] [--keep]"
release=${1:-} deb=${2:-}
case "$release" in
  bookworm|trixie) ;;
  *) echo "$usage" >&2; exit 2 ;;
esac
shift 2 || { echo "$usage" >&2; exit 2; }
if ! { [ -f "$deb" ] && dpkg-deb --info "$deb" > /dev/null 2>&1; }; then
  echo "$0: '$deb' is not a .deb file" >&2
  exit 2
fi
cuda=0 keep=0 cudnn="" root=/var/tmp/scorescope-package-$release
while [ $# -gt 0 ]; do
  case "$1" in
    --cuda) cuda=1 ;;
    --keep) keep=1 ;;
    --cudnn|--root)
      [ $# -ge 2 ] || { echo "$0: $1 needs a folder" >&2; exit 2; }
      [ "$1" = --root ] && root=$2 || cudnn=$2
      shift ;;
    *) echo "$0: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
fresh_root_check "$cuda" "$cudnn"

log=$root.log
trap fresh_root_cleanup EXIT
fresh_root_create "$release"
cp "$deb" "$here/packaging/install-deps.sh" "$root/root/"
flags=""
if [ "$cuda" = 1 ]; then
  flags=$(fresh_root_cuda_flags "$cudnn") || exit 1
fi

status=0
run() { fresh_root_step "$@" || status=1; }
run install bash install-deps.sh --package "/root/$(basename "$deb")" "$flags"
[ $status = 0 ] && run version 'scorescope --version && scorescope-cli --version'
[ $status = 0 ] && run train 'scorescope-cli train --dataset ring8 --steps 300 --out runs/ring8 && test -s runs/ring8/checkpoint.pt && tail -n 1 runs/ring8/metrics.csv'
[ $status = 0 ] && run screenshot 'QT_QPA_PLATFORM=offscreen scorescope --screenshot /root/workbench.png runs/ring8 && test -s /root/workbench.png'
if [ $status = 0 ]; then
  cp "$root/root/workbench.png" "$root.screenshot.png"
  cat "$log.version"
  echo "$(basename "$deb") on a fresh $release root: PASS (screenshot $root.screenshot.png)"
else
  echo "$(basename "$deb") on a fresh $release root: FAIL (see the failing step's log above)" >&2
fi
exit $status
