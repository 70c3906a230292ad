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
# From BTF: pahole encodes the fixture's DWARF as a raw BTF file; layout
# from it must give the DWARF layout's rows, one for one, text and JSON.
compare_btf() {
	name=$1 btf=$2 file=$3 type=$4
	for fmt in "" --json; do
		"$KPAGE" --vmlinux "$file" $fmt layout "$type" > /tmp/kp-dw.$$ 2>&1
		"$KPAGE" --btf "$btf" $fmt layout "$type" > /tmp/kp-bt.$$ 2>&1
		check "layout/$name/btf$fmt/$type" cmp /tmp/kp-dw.$$ /tmp/kp-bt.$$
	done
	rm -f /tmp/kp-dw.$$ /tmp/kp-bt.$$
}
for v in "$KP_TOP"/build/fx/*-vmemmap/vmlinux; do
	[ -f "$v" ] || continue
	era=$(basename "$(dirname "$v")")
	for t in page zone pglist_data free_area mem_section; do compare "$era" "$v" "$t"; done
	btf=/tmp/kp-btf.$$
	if pahole --btf_encode_detached="$btf" "$v" > /dev/null 2>&1; then
		for t in page zone pglist_data free_area; do compare_btf "$era" "$btf" "$v" "$t"; done
	else
		fail "layout/$era/btf" "pahole --btf_encode_detached failed"
	fi
	rm -f "$btf"
done
# --vmcoreinfo-only: VMCOREINFO has no layouts; layout says what it has.
fx=$KP_TOP/build/fx/v6_1-vmemmap
expect_exit layout/vmcoreinfo-only-says-what-it-has 1 \
	"VMCOREINFO has no type layouts, only SIZE\(page\) = 64 and the offsets of [0-9]+ members of struct page \(flags, .*needs the types of a vmlinux \(--vmlinux\) or BTF \(--btf\)" \
	"$KPAGE" --vmcoreinfo-only --core "$fx/vmcore" layout page
ls /usr/lib/debug/boot/vmlinux-* > /dev/null 2>&1 ||
	skip layout/debian "no Debian vmlinux in /usr/lib/debug/boot (a linux-image-*-dbg package)"
for v in /usr/lib/debug/boot/vmlinux-*; do
	[ -f "$v" ] || continue
	for t in page zone pglist_data free_area mem_section folio per_cpu_pages; do
		compare "debian-$(basename "$v" | sed 's/vmlinux-//')" "$v" "$t"
	done
done
