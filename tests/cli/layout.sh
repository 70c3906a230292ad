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
# layout --facts: each member fact as two eras' types answer it, against
# their layouts (held to pahole above), the names each era has; from
# VMCOREINFO (7.3's: the 2.6.27 fixture's dump has no types in it), exactly
# the members it exports, at the DWARF's offsets.
facts_fixture() {   # facts_fixture ERA MODEL NODES: its directory, made if missing
	d=$KP_TOP/build/fx/$1-$2
	[ -f "$d/vmcore" ] || sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$1" "$2" "$d" "$3" \
		> "$d.log" 2>&1 || { fail "layout/facts/$1-$2" "cannot make the fixture"; return 1; }
	echo "$d"
}
facts_check() {   # facts_check ERA MODEL NODES VMCOREINFO(yes|no) NAME=WANT...
	era=$1-$2 vmci=$4
	d=$(facts_fixture "$1" "$2" "$3") || return
	shift 4
	"$KPAGE" --vmlinux "$d/vmlinux" --json layout --facts > /tmp/kp-facts.$$ 2>&1
	python3 -c "
import json, sys
for t in sorted({json.loads(l)['struct'] for l in open(sys.argv[1])}): print(t)" \
		/tmp/kp-facts.$$ | while read -r t; do
		"$KPAGE" --vmlinux "$d/vmlinux" --json layout "$t" 2> /dev/null
	done > /tmp/kp-facts-layouts.$$
	check "layout/facts/$era" python3 "$KP_TOP/tests/cli/facts_compare.py" dwarf \
		/tmp/kp-facts.$$ /tmp/kp-facts-layouts.$$ "$@"
	rows=$("$KPAGE" --vmlinux "$d/vmlinux" layout --facts | wc -l)
	check "layout/facts/$era/text-rows" test "$rows" = "$(($(wc -l < /tmp/kp-facts.$$) + 1))"
	if [ "$vmci" = yes ]; then
		"$KPAGE" --vmcoreinfo-only --core "$d/vmcore" --json layout --facts \
			> /tmp/kp-facts-vmci.$$ 2>&1
		check "layout/facts/$era/vmcoreinfo-only" python3 "$KP_TOP/tests/cli/facts_compare.py" \
			vmci /tmp/kp-facts-vmci.$$ /tmp/kp-facts.$$ /tmp/kp-facts-layouts.$$
	fi
	rm -f /tmp/kp-facts.$$ /tmp/kp-facts-layouts.$$ /tmp/kp-facts-vmci.$$
}
facts_check v2_6_27 flat 1 no "struct page._refcount=_count" "struct page.index=index" \
	"struct page.buddy_list=lru" "struct page.compound_info=absent" \
	"struct page.first_page=first_page" "struct folio._flags_1=absent" \
	"struct zone._watermark=pages_min" "struct pglist_data.node_mem_map=node_mem_map" \
	"struct mem_section.section_mem_map=absent"
facts_check v7_3 vmemmap 2 yes "struct page._refcount=_refcount" "struct page.index=__folio_index" \
	"struct page.buddy_list=buddy_list" "struct page.compound_info=compound_info" \
	"struct page.compound_order=absent" "struct folio._flags_1=_flags_1" \
	"struct zone._watermark=_watermark" "struct mem_section.section_mem_map=section_mem_map"
ls /usr/lib/debug/boot/vmlinux-* > /dev/null 2>&1 ||
	skip layout/debian "no Debian vmlinux in /usr/lib/debug/boot (a linux-image-*-dbg package)"
for v in /usr/lib/debug/boot/vmlinux-*; do
	[ -f "$v" ] || continue
	for t in page zone pglist_data free_area mem_section folio per_cpu_pages; do
		compare "debian-$(basename "$v" | sed 's/vmlinux-//')" "$v" "$t"
	done
done
