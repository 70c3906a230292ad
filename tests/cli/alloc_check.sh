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
