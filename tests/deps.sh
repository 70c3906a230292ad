#!/bin/sh
# Installs the Debian packages kpage needs, only those missing.
#   tests/deps.sh build   - to build kpage
#   tests/deps.sh test    - to build and run every test (adds the real-kernel
#                           tier's tools; the kernel itself is installed by
#                           tests/kernel/prepare.sh)
set -e
build="gcc make autoconf pkg-config libdw-dev libelf-dev libkdumpfile-dev libreadline-dev libbpf-dev libdebuginfod-dev"
test="$build dwarves jq python3 qemu-system-x86 busybox-static crash python3-drgn makedumpfile cpio bc clang libclang-rt-14-dev e2fsprogs kmod xz-utils tmux librsvg2-bin valgrind debuginfod"
case "${1:-build}" in
build) want=$build ;;
test) want=$test ;;
*) echo "usage: $0 build|test" >&2; exit 1 ;;
esac
missing=
for p in $want; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
		missing="$missing $p"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" != 0 ]; then
	echo "kpage: missing Debian packages:$missing (run as root, or: sudo apt-get install$missing)" >&2
	exit 2
fi
echo "kpage: installing$missing" >&2
export DEBIAN_FRONTEND=noninteractive
# Another apt or dpkg (unattended-upgrades, a second make) may hold the lock:
# wait for it (up to 10 minutes) instead of failing at once.
lock="-o DPkg::Lock::Timeout=600"
apt-get $lock update -qq
apt-get $lock install -y -qq --no-install-recommends $missing >/dev/null
