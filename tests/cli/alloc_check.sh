#!/bin/sh
# alloc-check on a fixture whose node 0 DMA32 zone is below its min
# watermark (fx_kernel.h): allocations fall back along the zonelist as
# __alloc_pages' fast path would, and the reasons are given.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/alloc
if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1; then
	fail alloc-check/generate "$(tail -n 3 "$d.log")"
	exit 0
fi
ac() { "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json alloc-check "$@"; }
expect() {
	name=$1 want=$2; shift 2
	got=$(ac "$@" | python3 -c "import json,sys; r=json.load(sys.stdin); print(r.get('served_zone','none'), r['fast_path'])")
	if [ "$got" = "$want" ]; then pass "alloc-check/$name"; else fail "alloc-check/$name" "got '$got', want '$want'"; fi
}
expect kernel-falls-back-to-dma "DMA True" 0 --gfp GFP_KERNEL --node 0
expect dma32-order10-from-dma "DMA True" 10 --gfp GFP_DMA32 --node 0
expect node1-normal "Normal True" 3 --node 1
expect dma-only "DMA True" 4 --gfp GFP_DMA --node 0
check alloc-check/reason-names-watermark sh -c "'$KPAGE' --vmlinux '$d/vmlinux' --core '$d/vmcore' alloc-check 0 --node 0 | grep -q 'below watermark'"
expect_exit alloc-check/bad-gfp 1 "unknown gfp flag" "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" alloc-check 0 --gfp GFP_BOGUS
expect_exit alloc-check/bad-order 1 "above the largest" "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" alloc-check 11
# The flags in the kernel's spelling (GFP_ masks, __GFP_ bits), whatever
# spelling was given.
expect_out alloc-check/gfp-spelling 0 "" "^alloc_pages\(GFP_ATOMIC\|GFP_DMA32\|__GFP_HIGH, order 3\)" \
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" alloc-check 3 --gfp 'atomic|__GFP_DMA32|high'
# The era's __zone_watermark_ok rule, picked by what the debuginfo shows and
# named on the second line: 6.1's DWARF has the local alloc_harder (4.4-6.2),
# 7.3's has none (6.3+), 2.6.32 has no MIGRATE_HIGHATOMIC (the per-order
# loop, before 4.4). The verdicts are checked against alloc_rule.py's own
# computation of that rule from the zones' figures (in these fixtures both
# rules happen to agree: the name is what tells the rule).
rule_of() {   # ERA RULE-REGEX ORACLE ORDER
	e=$1 want=$2 oracle=$3 ord=$4 fx=$KP_TOP/build/fx/alloc-$1
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$e" vmemmap "$fx" 2 > "$fx.log" 2>&1; then
		fail "alloc-check/rule/$e/generate" "$(tail -n 3 "$fx.log" | tr '\n' ' ')"
		return
	fi
	expect_out "alloc-check/rule/$e" 0 "" "^__zone_watermark_ok rule of $want" \
		"$KPAGE" --vmlinux "$fx/vmlinux" --core "$fx/vmcore" alloc-check 0
	"$KPAGE" --vmlinux "$fx/vmlinux" --core "$fx/vmcore" --json zones > "$fx/zones.json" 2> /dev/null
	"$KPAGE" --vmlinux "$fx/vmlinux" --core "$fx/vmcore" --json alloc-check "$ord" --node 0 \
		> "$fx/ac.json" 2> /dev/null
	check "alloc-check/rule/$e/verdicts" python3 "$KP_TOP/tests/cli/alloc_rule.py" "$oracle" "$ord" \
		"$fx/zones.json" "$fx/ac.json"
}
rule_of v6_1 "4\.4-6\.2, ALLOC_HARDER \(DWARF: __zone_watermark_ok has a local alloc_harder\)" block 3
rule_of v7_3 "6\.3\+ \(or a stable kernel with its backport\), ALLOC_NON_BLOCK \(DWARF: __zone_watermark_ok has no local alloc_harder\)" block 3
rule_of v2_6_32 "2\.6\.x-4\.3, per-order loop \(no MIGRATE_HIGHATOMIC in the types from DWARF\)" loop 3
# BTF has no function bodies: 4.4-6.2 and 6.3-6.9 cannot be told apart;
# flags both treat alike are answered, GFP_NOWAIT (ALLOC_NON_BLOCK from 6.3
# only) is refused in one line.
if command -v pahole > /dev/null && pahole --btf_encode_detached="$d/vmlinux.btf" "$d/vmlinux" > /dev/null 2>&1; then
	expect_out alloc-check/rule/btf 0 "" "^__zone_watermark_ok rule of 4\.4-6\.2 or 6\.3-6\.9 \(BTF cannot tell" \
		"$KPAGE" --btf "$d/vmlinux.btf" --core "$d/vmcore" alloc-check 0 --gfp ATOMIC
	expect_exit alloc-check/rule/btf-nowait 2 \
		"alloc-check: GFP_NOWAIT reaches the reserves differently before 6.3 \(ALLOC_HARDER\) and after" \
		"$KPAGE" --btf "$d/vmlinux.btf" --core "$d/vmcore" alloc-check 0 --gfp NOWAIT
else
	skip alloc-check/rule/btf "pahole cannot write BTF"
fi
