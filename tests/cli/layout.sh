#!/bin/sh
# layout TYPE must list the same members, offsets and sizes as pahole -C TYPE
# on the same file: every fixture vmlinux, and the real Debian vmlinux when
# it is installed (the kernel tier installs it).
. "$(dirname "$0")/../lib.sh"
command -v pahole >/dev/null || { fail layout/pahole "pahole not installed (Debian package dwarves)"; exit 0; }
compare() {
	name=$1 file=$2 type=$3
	pahole -C "$type" "$file" > /tmp/kp-pa.$$ 2>&1
	"$KPAGE" --vmlinux "$file" --json layout "$type" > /tmp/kp-kp.$$ 2>&1
	check "layout/$name/$type" python3 "$KP_TOP/tests/cli/pahole_compare.py" /tmp/kp-pa.$$ /tmp/kp-kp.$$
	rm -f /tmp/kp-pa.$$ /tmp/kp-kp.$$
}
for v in "$KP_TOP"/build/fx/*-vmemmap/vmlinux; do
	[ -f "$v" ] || continue
	era=$(basename "$(dirname "$v")")
	for t in page zone pglist_data free_area mem_section; do compare "$era" "$v" "$t"; done
done
ls /usr/lib/debug/boot/vmlinux-* > /dev/null 2>&1 ||
	skip layout/debian "no Debian vmlinux in /usr/lib/debug/boot (a linux-image-*-dbg package)"
for v in /usr/lib/debug/boot/vmlinux-*; do
	[ -f "$v" ] || continue
	for t in page zone pglist_data free_area mem_section folio per_cpu_pages; do
		compare "debian-$(basename "$v" | sed 's/vmlinux-//')" "$v" "$t"
	done
done
