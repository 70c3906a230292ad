#!/bin/sh
# Negative variants of an era (dwarf/v7_3.c, KP_VARIANT_*): debuginfo of a
# shape kpage does not know must give one specific line and exit 2 (the
# layout is unusable) or 3 (finished, a part not read), never a quiet census.
. "$(dirname "$0")/../lib.sh"
gen() {   # VARIANT DIR
	KP_FX_VARIANT=$1 sh "$KP_TOP/tests/fixtures/make-fixture.sh" v7_3 vmemmap "$2" 2 > "$2.log" 2>&1 ||
		{ fail "era-variant/$1/generate" "$(tail -n 3 "$2.log" | tr '\n' ' ')"; return 1; }
}
# struct page's compound_info renamed (compound_mystery): no member, no
# PG_tail either, so no tail could be told: refused.
d=$KP_TOP/build/fx/v7_3-compound_renamed
if gen compound_renamed "$d"; then
	for c in stat "pages --type tail --count" free; do
		expect_exit "era-variant/compound_renamed/${c%% *}" 2 \
			"struct page has neither compound_info nor compound_head, nor PG_tail and first_page: kpage cannot tell compound tails" \
			"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" $c
	done
fi
# enum pageblock_bits with a fourth migratetype bit (PB_migrate_3): not
# read as 8 bits. zones and free warn in one line and exit 3 with the
# pageblocks unknown; the census does not read pageblocks and stays exact.
d=$KP_TOP/build/fx/v7_3-pageblock_bits
if gen pageblock_bits "$d"; then
	msg="warning: .*/vmlinux: enum pageblock_bits has PB_migrate_3 = 3, which kpage does not know: no pageblock migratetype is read"
	expect_exit era-variant/pageblock_bits/zones 3 "$msg" "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" zones
	expect_exit era-variant/pageblock_bits/free 3 "$msg" "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" free
	expect_exit era-variant/pageblock_bits/map 3 "$msg" \
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" map --by migratetype --no-color
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json zones > "$d/zones.json" 2> /dev/null
	check era-variant/pageblock_bits/zones-unknown python3 -c "
import json, sys
for z in json.load(open('$d/zones.json'))['zones']:
    pb = z['pageblocks']
    if any(n for k, n in pb.items() if k != 'unknown') or not pb.get('unknown'):
        sys.exit(f'{z[\"zone\"]}: {pb}')"
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json pages > "$d/pages.json" 2> /dev/null &&
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json stat > "$d/stat.json" 2> /dev/null
	check era-variant/pageblock_bits/census python3 "$KP_TOP/tests/cli/compare_truth.py" \
		"$d/truth.txt" "$d/pages.json" "$d/stat.json"
fi
# pageblock_order as the kernel says it (src/mm_pageblock.c): without
# hstates[] (no CONFIG_HUGETLB_PAGE) the largest buddy order, 10; as the
# variable pageblock_order (CONFIG_HUGETLB_PAGE_SIZE_VARIABLE), its value in
# the dump, 8. The generator wrote each bitmap and truth at that order: the
# pageblock counts and the free blocks on another migratetype's list agree
# only when kpage reads the same order (9 for both disagreed).
for v in no_hugetlb:10:"the largest buddy order .*no CONFIG_HUGETLB_PAGE \(no symbol hstates\)" \
	 pageblock_variable:8:"the variable pageblock_order in the dump \(CONFIG_HUGETLB_PAGE_SIZE_VARIABLE\)"; do
	name=${v%%:*} rest=${v#*:}
	order=${rest%%:*} why=${rest#*:}
	d=$KP_TOP/build/fx/v7_3-$name
	gen "$name" "$d" || continue
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --verbose stat > /dev/null 2> "$d/verbose.txt"
	check "era-variant/$name/verbose" grep -Eq "pageblock_order $order \($why\)" "$d/verbose.txt"
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json zones > "$d/zones.json" 2> /dev/null
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json free > "$d/free.json" 2> /dev/null
	check "era-variant/$name/pageblocks" python3 "$KP_TOP/tests/cli/compare_pageblocks.py" \
		"$d/truth.txt" "$d/zones.json" "$d/free.json"
done
# SECTION_HAS_MEM_MAP_BIT moved to 3 (bit 1 is SECTION_IS_EARLY_BIT, set on
# no section): the bit is the enumerator's, not a fixed bit 1 (which read
# every section as having no mem_map).
d=$KP_TOP/build/fx/v7_3-section_bits
if gen section_bits "$d"; then
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --verbose stat > /dev/null 2> "$d/verbose.txt"
	check era-variant/section_bits/verbose grep -q \
		"mem_section: SECTION_HAS_MEM_MAP bit 3 (DWARF: SECTION_HAS_MEM_MAP_BIT)" "$d/verbose.txt"
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json pages > "$d/pages.json" 2> /dev/null &&
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json stat > "$d/stat.json" 2> /dev/null
	check era-variant/section_bits/census python3 "$KP_TOP/tests/cli/compare_truth.py" \
		"$d/truth.txt" "$d/pages.json" "$d/stat.json"
fi
