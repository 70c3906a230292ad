#!/bin/sh
# --vmcoreinfo-only: types from the dump's VMCOREINFO alone (no vmlinux, no
# BTF). On the fixtures whose VMCOREINFO carries what the kernel writes
# (eras 5.4 - 7.3, fx_kernel.h), every figure it supplies must equal the
# DWARF run's and the rest must be null; where VMCOREINFO cannot stand in,
# one clear error. 6.12+ VMCOREINFO names the buddy, offline, hugetlb and
# slab type bytes but not zsmalloc (movable) or table; 7.1+ has
# page.compound_info, whose masks (vmemmap) or pointers the values tell.
. "$(dirname "$0")/../lib.sh"
cmp_py=$KP_TOP/tests/kernel/compare_vmci.py
for era in v5_4 v5_15 v6_1 v6_15 v7_3; do
	case $era in
	v6_15|v7_3) unknown=guard,movable,pagetable,reserved ;;
	*) unknown=guard,offline,pagetable,reserved ;;
	esac
	for model in vmemmap sparse flat; do
		nodes=2
		[ "$model" = flat ] && nodes=1
		d=$KP_TOP/build/fx/$era-$model
		if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" "$nodes" > "$d.log" 2>&1; then
			fail "vmcoreinfo/$era-$model/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
			continue
		fi
		for core in vmcore vmcore.kdump; do
			for c in stat free zones pages; do
				"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/$core" --json $c > "$d/dwarf.$c.json" 2> /dev/null
				"$KPAGE" --vmcoreinfo-only --core "$d/$core" --json $c > "$d/vmci.$c.json" 2> "$d/vmci.err"
			done
			for c in stat free zones; do
				check "vmcoreinfo/$era-$model/$core/$c" python3 "$cmp_py" "$d/dwarf.$c.json" "$d/vmci.$c.json"
			done
			check "vmcoreinfo/$era-$model/$core/pages" python3 "$cmp_py" --pages \
				"$d/dwarf.pages.json" "$d/vmci.pages.json" "$unknown" "$d/dwarf.stat.json"
			check "vmcoreinfo/$era-$model/$core/unknown-classes" python3 -c "
import json, sys
got = set(json.load(open('$d/vmci.stat.json'))['unknown_classes']) - {'kernel'}
sys.exit(0 if got == set('$unknown'.split(',')) else f'unknown classes {sorted(got)}')"
		done
	done
done
d=$KP_TOP/build/fx/v6_1-vmemmap
K="$KPAGE --vmcoreinfo-only --core $d/vmcore"
check vmcoreinfo/says-its-source sh -c "$K --json free | grep -q '\"types\":\"VMCOREINFO\"'"
check vmcoreinfo/unknown-shown-as-unknown sh -c "$K zones | grep -q 'min ?  low ?  high ?'"
check vmcoreinfo/stat-marks-classes sh -c "$K stat | grep -q '^reserved .*?'"
expect_exit vmcoreinfo/alloc-check-needs-watermarks 2 "watermarks .* not in the types from VMCOREINFO" \
	$K alloc-check 0
expect_exit vmcoreinfo/map-needs-zone-spans 2 "zone spans .* not in the types from VMCOREINFO" \
	$K map
# 2.6 kernels wrote no OFFSET/SIZE lines for struct page.
d=$KP_TOP/build/fx/v2_6_32-vmemmap
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v2_6_32 vmemmap "$d" 2 > "$d.log" 2>&1
expect_exit vmcoreinfo/too-little 2 "VMCOREINFO has no SIZE\(page\)" \
	"$KPAGE" --vmcoreinfo-only --core "$d/vmcore" stat
