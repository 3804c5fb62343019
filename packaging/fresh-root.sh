# shellcheck shell=bash disable=SC2154
# Sourced by check-fresh-root.sh and check-package.sh: a minimal Debian root of one release,
# debootstrapped from the Debian mirror in this machine's apt sources, and steps run inside it.
# The caller sets root, keep (1: leave the root) and log (the prefix of every step's log),
# hence SC2154 above.

# fresh_root_check CUDA CUDNN: refuses, before anything is made, what would fail later or harm the
# host: not root, no debootstrap, a root folder that exists or is "/", --cudnn without --cuda (CUDA
# is 1 with it), a cuDNN folder without cuDNN 9.
fresh_root_check() {
  [ -z "$2" ] || [ "$1" = 1 ] || { echo "$0: --cudnn goes with --cuda" >&2; exit 2; }
  [ "$(id -u)" = 0 ] || { echo "$0: run as root (debootstrap and chroot)" >&2; exit 2; }
  command -v debootstrap > /dev/null || { echo "$0: needs debootstrap (apt-get install debootstrap)" >&2; exit 2; }
  root=$(realpath -m "$root")
  [ "$root" != / ] || { echo "$0: the root folder cannot be /" >&2; exit 2; }
  [ ! -e "$root" ] || { echo "$0: $root exists; remove it or give --root" >&2; exit 2; }
  if [ -n "$2" ] && ! compgen -G "$2/libcudnn.so.9*" > /dev/null; then
    echo "$0: --cudnn '$2': no libcudnn.so.9 in that folder" >&2
    exit 2
  fi
}

# The host's /sys and /dev are bound into the root as slaves (fresh_root_create), so unmounting
# them here never reaches the host's own mounts; nothing is removed while anything is still mounted.
fresh_root_cleanup() {
  for m in dev sys proc; do umount -R -l "$root/$m" 2> /dev/null || true; done
  [ "$keep" = 1 ] && return 0
  if grep -q " $root/" /proc/self/mountinfo; then
    echo "$root: still mounted, so not removed" >&2
  else
    rm -rf --one-file-system "$root"
  fi
}

# fresh_root_create RELEASE: debootstrap into $root, with name resolution and /proc, /sys, /dev.
fresh_root_create() {
  local release=$1 mirror start=$SECONDS
  # The mirror this machine's apt uses (deb822 or one-line sources; grep exits 2 when one of the
  # two paths is missing, as sources.list is on deb822-only machines).
  mirror=$( (grep -rhoE '(URIs:|^deb) +https?://[^ ]*/debian/?( |$)' /etc/apt/sources.list /etc/apt/sources.list.d/ 2> /dev/null || true) \
           | grep -oE 'https?://[^ ]*' | head -n1 || true)
  mirror=${mirror:-http://deb.debian.org/debian}
  echo "fresh $release root in $root (mirror $mirror)"
  debootstrap --variant=minbase "$release" "$root" "$mirror" > "$log.debootstrap" 2>&1 \
    || { echo "debootstrap failed: $log.debootstrap" >&2; return 1; }
  printf '%-16s %3d min %02d s  PASS\n' debootstrap $(((SECONDS - start) / 60)) $(((SECONDS - start) % 60))
  cp /etc/resolv.conf "$root/etc/resolv.conf"
  # A real machine resolves its own name (torchrun --standalone needs it); debootstrap's hosts file
  # lacks it (or has none: minbase on trixie).
  [ -e "$root/etc/hosts" ] || echo "127.0.0.1 localhost" > "$root/etc/hosts"
  grep -qw "$(hostname)" "$root/etc/hosts" || echo "127.0.1.1 $(hostname)" >> "$root/etc/hosts"
  mount -t proc proc "$root/proc"
  mount --rbind /sys "$root/sys" && mount --make-rslave "$root/sys"
  mount --rbind /dev "$root/dev" && mount --make-rslave "$root/dev"
}

# fresh_root_step NAME COMMAND…: run the shell command line COMMAND (its words joined) in the root,
# from $step_dir (default /root); print its time and result; its output goes to $log.NAME.
fresh_root_step() {
  local name=$1; shift
  local start=$SECONDS rc=0
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin LANG=C.UTF-8 \
    bash -c "cd ${step_dir:-/root} && $*" > "$log.$name" 2>&1 || rc=$?
  local t=$((SECONDS - start))
  printf '%-16s %3d min %02d s  %s  (%s)\n' "$name" $((t / 60)) $((t % 60)) \
    "$([ $rc = 0 ] && echo PASS || echo "FAIL rc=$rc")" "$log.$name"
  return $rc
}

# fresh_root_cuda_flags [CUDNN]: install-deps.sh's flags for a CUDA build in the root; a local
# cuDNN 9 folder (for machines that cannot reach NVIDIA's server) is copied into it first.
fresh_root_cuda_flags() {
  if [ -n "${1:-}" ]; then
    if ! { mkdir -p "$root/root/cudnn" && cp -a "$1"/libcudnn*.so.9* "$root/root/cudnn/"; }; then
      echo "$0: cannot copy cuDNN from $1" >&2
      return 1
    fi
    echo "--cuda --cudnn /root/cudnn"
  else
    echo "--cuda"
  fi
}
