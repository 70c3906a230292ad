#!/bin/sh
# Corrupted kernel state and damaged dump files: kpage reports each (the
# exit code and message of each case below), goes on with the rest where it
# can, never crashes or hangs (every run is cut at 20 seconds and fails).
# Exit codes (kpage(1)): 0 ok (pages not in the dump are shown as missing),
# 2 input unusable (one line naming the file and the cause), 3 finished but
# inconsistencies found.
. "$(dirname "$0")/../lib.sh"

# Kernel state broken by the fixture generator (tests/fixtures/fx_kernel.h):
# a cycle, a list pointer outside mem_map or into the middle of a struct
# page, a block on the list of another order, nr_free that lies, a list
# entry that is not free, the page table of mem_map lost; all exit 3.
for c in cycle wild middle order nr_free not-buddy memmap-gone memmap-filtered; do
	d=$KP_TOP/build/fx/corrupt-$c
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 "$c" > "$d.log" 2>&1; then
		fail "corrupt/$c/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	want=$(sed -n 's/^#corrupt [^ ]* //p' "$d/truth.txt")
	cmd=free core=$d/vmcore ere=
	# (exit 3 says why in one warning line; free's issues are in its report)
	[ "$c" = memmap-gone ] && cmd=stat ere="^kpage: warning: stat: [0-9]+ struct pages could not be read"
	# Struct pages filtered out of a kdump file, a free list running
	# through them: the census shows them missing (exit 0), the walk of
	# that list stops there (exit 3).
	if [ "$c" = memmap-filtered ]; then
		core=$d/vmcore.kdump-filtered
		expect_out corrupt/$c/stat 0 "" "1024 struct pages not in the dump" \
			"$KPAGE" --vmlinux "$d/vmlinux" --core "$core" stat
	fi
	expect_out "corrupt/$c" 3 "$ere" "$want" "$KPAGE" --vmlinux "$d/vmlinux" --core "$core" $cmd
	# alloc-check's answer rests on the lists: said, and exit 3.
	if [ "$c" = cycle ]; then
		expect_out "corrupt/$c/alloc-check" 3 "^kpage: warning: alloc-check: the free lists are damaged \(1 issues; see free\): this answer rests on them\$" "=> " \
			"$KPAGE" --vmlinux "$d/vmlinux" --core "$core" alloc-check 0
	fi
	# The other node's lists are intact and still walked.
	if [ "$cmd" = free ]; then
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$core" --json free --node 1 > "$d/n1.json" 2>/dev/null
		check "corrupt/$c/other-lists-intact" python3 -c "
import json,sys
z=json.load(open('$d/n1.json'))['zones'][0]
sys.exit(0 if z['consistent'] and z['free_pages_walked'] > 0 else 1)"
	fi
done

# The scan's invariants broken (a compound page's tail cut off, a page in
# use inside a free block): every scanning command says which, how many and
# where, in one warning line, marks its JSON inconsistent, and exits 3.
for c in tail-cut free-used; do
	d=$KP_TOP/build/fx/corrupt-$c
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 "$c" > "$d.log" 2>&1; then
		fail "corrupt/$c/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	want=$(sed -n 's/^#corrupt [^ ]* //p' "$d/truth.txt")
	for cmd in stat free map; do
		for t in 1 2; do
			KPAGE_THREADS=$t expect_out "corrupt/$c/$cmd/threads-$t" 3 "^kpage: warning: $want [a-z].*, first at pfn [0-9]+\$" "" \
				"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" $cmd
		done
	done
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json stat > "$d/stat.json" 2> /dev/null
	check "corrupt/$c/json-inconsistent" python3 -c "
import json,sys
s=json.load(open('$d/stat.json'))
sys.exit(0 if s['consistent'] is False and sum(v['broken'] for v in s['invariants'].values()) == 1 else 1)"
done

# The zone field of page->flags: a hole's reserved struct pages named after
# the zone that follows (as the kernel writes them) are no breakage; a page
# in use naming a zone that does not span it is one, said in one line.
for c in hole-zone zone-wrong; do
	d=$KP_TOP/build/fx/corrupt-$c
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 "$c" > "$d.log" 2>&1; then
		fail "corrupt/$c/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	want=$(sed -n 's/^#corrupt [^ ]* //p' "$d/truth.txt")
	if [ -z "$want" ]; then
		expect_out "corrupt/$c/stat" 0 "" "^reserved " "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" stat
	else
		# (the page also leaves its zone's managed count: a second line)
		check "corrupt/$c/stat" sh -c "'$KPAGE' --vmlinux '$d/vmlinux' --core '$d/vmcore' stat > /dev/null 2> '$d/err';
			[ \$? = 3 ] && grep '^kpage: warning: $want whose flags name another zone' '$d/err'"
	fi
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json stat > "$d/stat.json" 2> /dev/null
	check "corrupt/$c/zone_mismatch" python3 -c "
import json,sys
s=json.load(open('$d/stat.json'))
want = 0 if '$c' == 'hole-zone' else 1
print('zone_mismatch', s['zone_mismatch'], 'zone-of-flags', s['invariants']['zone-of-flags'])
sys.exit(0 if s['zone_mismatch'] == want and s['invariants']['zone-of-flags']['broken'] == want else 1)"
done

# Damaged files, made at test time from a good fixture (tests/cli/damage.py,
# sparse copies).
d=$KP_TOP/build/fx/v6_1-vmemmap
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1
x=$KP_TOP/build/fx/damaged
rm -rf "$x" && mkdir -p "$x"
if ! python3 "$KP_TOP/tests/cli/damage.py" "$d" "$x" > "$x/log" 2>&1; then
	fail damaged/generate "$(tail -n 3 "$x/log" | tr '\n' ' ')"
	exit 0
fi
V="--vmlinux $d/vmlinux" O=--vmcoreinfo-only
# VMCOREINFO overwritten in place (ELF and kdump): refused in one line,
# naming the file and what is wrong (damage.py's bytes are seeded: each
# case gives the same answer every run). libkdumpfile itself crashes on
# garbage and on a key with a dot: kpage says so.
crashed="its headers or VMCOREINFO are damaged: libkdumpfile crashed reading them \(signal [0-9]+\)"
no_size="VMCOREINFO has no SIZE\(page\) and OFFSET\(page.flags\): it cannot stand in for the debuginfo"
for f in vmcore vmcore.kdump; do
	expect_out "damaged/vmci-garbage/$f" 2 "vmci-garbage.$f: $crashed" "" \
		"$KPAGE" $V --core "$x/vmci-garbage.$f" stat
	expect_out "damaged/vmci-dot-key/$f" 2 "vmci-dot-key.$f: $crashed" "" \
		"$KPAGE" $V --core "$x/vmci-dot-key.$f" stat
	expect_out "damaged/vmci-empty/$f" 2 "vmci-empty.$f: its VMCOREINFO is empty: kernel addresses cannot be translated without its KERNELOFFSET and phys_base" "" \
		"$KPAGE" $V --core "$x/vmci-empty.$f" stat
	expect_out "damaged/vmci-absurd/$f" 2 "vmci-absurd.$f: VMCOREINFO is damaged: KERNELOFFSET=zz is not a number" "" \
		"$KPAGE" $V --core "$x/vmci-absurd.$f" stat
	expect_out "damaged/vmci-garbage/$f/vmcoreinfo-only" 2 "vmci-garbage.$f: $crashed" "" \
		"$KPAGE" $O --core "$x/vmci-garbage.$f" stat
	expect_out "damaged/vmci-absurd/$f/vmcoreinfo-only" 2 "vmci-absurd.$f: $no_size" "" \
		"$KPAGE" $O --core "$x/vmci-absurd.$f" stat
done
# The ELF note rewritten: present but empty, random bytes, one absurd value,
# a value that is no number, a line of 900 KiB without a newline.
c=$x/vmci
expect_out damaged/vmci-note-empty 2 "vmci-note-empty.vmcore: its VMCOREINFO is empty" "" \
	"$KPAGE" $V --core "$c-note-empty.vmcore" stat
expect_out damaged/vmci-note-empty/vmcoreinfo-only 2 "vmci-note-empty.vmcore: VMCOREINFO has no SIZE\(page\)" "" \
	"$KPAGE" $O --core "$c-note-empty.vmcore" stat
expect_out damaged/vmci-random 2 "vmci-random.vmcore: its VMCOREINFO has no OSRELEASE line \(damaged\?\): kernel addresses cannot be translated" "" \
	"$KPAGE" $V --core "$c-random.vmcore" stat
expect_out damaged/vmci-random/vmcoreinfo-only 2 "vmci-random.vmcore: $no_size" "" \
	"$KPAGE" $O --core "$c-random.vmcore" stat
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	# Out of range: not used (the x86_64 value is), said in a warning.
	expect_out damaged/vmci-section-bits-99$t 0 "warning: .*SECTION_SIZE_BITS\)=99" "NR_FREE_PAGES" \
		"$KPAGE" $m --core "$c-section-bits-99.vmcore" stat
	expect_out damaged/vmci-physmem-bits-0$t 0 "warning: .*MAX_PHYSMEM_BITS\)=0" "NR_FREE_PAGES" \
		"$KPAGE" $m --core "$c-physmem-bits-0.vmcore" stat
	expect_out damaged/vmci-phys-base-huge$t 2 "VMCOREINFO is damaged: NUMBER\(phys_base\)=9+ is not a number" "" \
		"$KPAGE" $m --core "$c-phys-base-huge.vmcore" stat
	# A long last line is one more line: the rest is read as ever.
	expect_out damaged/vmci-huge-line-after$t 0 "" "NR_FREE_PAGES" \
		"$KPAGE" $m --core "$c-huge-line-after.vmcore" stat
done
expect_out damaged/vmci-huge-line-only 2 "vmci-huge-line-only.vmcore: its VMCOREINFO has no OSRELEASE" "" \
	"$KPAGE" $V --core "$c-huge-line-only.vmcore" stat
expect_out damaged/vmci-huge-line-only/vmcoreinfo-only 2 "VMCOREINFO has no SIZE\(page\)" "" \
	"$KPAGE" $O --core "$c-huge-line-only.vmcore" stat
# SIZE(page) beyond any kernel's: refused in one line, before any buffer of
# one struct page is filled (free --no-scan read it into 512 bytes).
for cm in "free --no-scan" stat "page 4096" zones; do
	expect_out "damaged/vmci-page-size-1024/${cm%% *}" 2 \
		"struct page of 1024 bytes: larger than any kernel's \(kpage reads up to 512\)" "" \
		"$KPAGE" $O --core "$x/vmci-page-size-1024.vmcore" $cm
done
# A member past its struct: refused where the member is resolved, for every
# member of every struct (zones read vm_stat past its buffer of one zone).
for cm in zones stat "free --no-scan"; do
	expect_out "damaged/vmci-zone-vm-stat-9999/${cm%% *}" 2 \
		"struct zone member vm_stat ends at byte (9999|1[0-9]{4}), past the struct's size 1536" "" \
		"$KPAGE" $O --core "$x/vmci-zone-vm-stat-9999.vmcore" $cm
done
# PAGESIZE other than 4096: refused in one line (kpage read it as 4 KiB pages).
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	expect_out "damaged/vmci-pagesize-16k$t" 2 \
		"VMCOREINFO says PAGESIZE=16384: kpage reads kernels with pages of 4096 bytes \(x86_64\)" "" \
		"$KPAGE" $m --core "$x/vmci-pagesize-16k.vmcore" stat
done
# A span past its container (zone spanned_pages 1 << 60 made zones and
# alloc-check run for ever): refused in one line naming the value.
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	cms="zones stat"
	[ "$m" = "$V" ] && cms="zones stat map alloc-check"   # (the others need the types)
	for cm in $cms; do
		expect_out "damaged/zone-spanned-huge/$cm$t" 2 \
			"zone-spanned-huge.vmcore: node 0 zone [A-Za-z0-9]+ spans 1152921504606846976 pages.*, past its node's span" "" \
			timeout 60 "$KPAGE" $m --core "$x/zone-spanned-huge.vmcore" $cm $([ $cm = alloc-check ] && echo 0)
	done
	expect_out "damaged/node-spanned-huge$t" 2 \
		"node-spanned-huge.vmcore: node 0 spans 1152921504606846976 pages from pfn 0, past the largest physical address" "" \
		timeout 60 "$KPAGE" $m --core "$x/node-spanned-huge.vmcore" zones
done
# One page of node 0 not in the dump (no PT_LOAD over it): its struct
# zones, node_data[], the mem_section entries are said to be missing, naming
# them, never read as zeros (an empty zone, no node, no mem_map).
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	zone="struct zone [0-9]+ \(ZONE_[A-Z0-9]+\) of node 0 \(0x[0-9a-f]+\) is not in the dump"
	# (VMCOREINFO gives node_zones[] no length: the pglist_data is named)
	[ "$m" = "$O" ] && zone="pglist_data of node 0 \(0x[0-9a-f]+\) is not in the dump"
	for cm in zones stat "alloc-check 0"; do
		[ "$m" = "$O" ] && [ "$cm" = "alloc-check 0" ] && continue
		expect_out "damaged/hole-zone/${cm%% *}$t" 2 "hole-zone.vmcore: $zone" "" \
			"$KPAGE" $m --core "$x/hole-zone.vmcore" $cm
	done
	expect_out "damaged/hole-node-data$t" 2 "hole-node-data.vmcore: node_data\[\] is not in the dump" "" \
		"$KPAGE" $m --core "$x/hole-node-data.vmcore" stat
	expect_out "damaged/hole-mem-section$t" 2 \
		"hole-mem-section.vmcore: mem_section entries at 0x[0-9a-f]+ \(sections from 0\) are not in the dump" "" \
		"$KPAGE" $m --core "$x/hole-mem-section.vmcore" free
done
# Found by fuzz_commands: a struct mem_section larger than the page holding
# a root of them (opening the dump divided by zero), and node_data[1] naming
# node 0's pglist_data (zones listed node 0 twice, node 1 never, exit 0).
for cm in zones stat; do
	expect_out "damaged/vmci-mem-section-size-8192/$cm" 2 \
		"struct mem_section of 8192 bytes: larger than the page that holds a root of them" "" \
		"$KPAGE" $O --core "$c-mem-section-size-8192.vmcore" $cm
	# NUMBER(NR_FREE_PAGES) past zone->vm_stat[]: zones read 78 KiB past its
	# copy of the zone (fuzz_commands)
	expect_out "damaged/vmci-nr-free-pages-9999/$cm" 2 \
		"zone_stat_item NR_FREE_PAGES is 9999, past zone.vm_stat at byte 1344 of the 1536-byte struct zone" "" \
		"$KPAGE" $O --core "$c-nr-free-pages-9999.vmcore" $cm
done
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	for cm in zones free stat; do
		expect_out "damaged/node-data-twice/$cm$t" 2 \
			"node-data-twice.vmcore: node 1's pglist_data \(0x[0-9a-f]+\) says node_id 0: the dump's node_data\[1\] or that pglist_data is damaged" "" \
			"$KPAGE" $m --core "$x/node-data-twice.vmcore" $cm
	done
done
# A node that spans no page, with a zone of 1 << 60 pages in it: the zone
# span check skipped such nodes and zones hung again (fuzz_commands).
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	for cm in zones stat; do
		expect_out "damaged/node-span-0-zone-huge/$cm$t" 2 \
			"node-span-0-zone-huge.vmcore: node 0 zone [A-Za-z0-9]+ spans 1152921504606846976 pages.*, past its node's span \((pfn 0-0|0 pages)\)" "" \
			"$KPAGE" $m --core "$x/node-span-0-zone-huge.vmcore" $cm
	done
done
# Commands read one by one share the session: when the first one's open
# fails after the memory model (the banner check, the zone field), the next
# ones must fail too; they ran on the half-open session (fuzz_commands).
expect_exit damaged/banner-changed 2 "banner-changed.vmcore: the dump's linux_banner is" \
	"$KPAGE" $V --core "$x/banner-changed.vmcore" stat
printf 'zones\nstat\n' | timeout 20 "$KPAGE" $V --core "$x/banner-changed.vmcore" \
	> "$x/two.out" 2> "$x/two.err"
rc=$?
check damaged/banner-changed/script test \
	"$rc $(grep -c "linux_banner is" "$x/two.err") $(wc -c < "$x/two.out")" = "2 2 0"
# KERNELOFFSET moves the vmlinux's symbols; VMCOREINFO's own are final.
expect_out damaged/vmci-kerneloffset-not-hex 2 "VMCOREINFO is damaged: KERNELOFFSET=zz is not a number" "" \
	"$KPAGE" $V --core "$c-kerneloffset-not-hex.vmcore" stat
expect_out damaged/vmci-kerneloffset-not-hex/vmcoreinfo-only 0 "" "NR_FREE_PAGES" \
	"$KPAGE" $O --core "$c-kerneloffset-not-hex.vmcore" stat

# Truncated ELF. Cut inside the segment that holds the page tables: refused
# in one line that says so.
expect_out damaged/truncated-early 2 "truncated-early.vmcore is truncated .*not in the dump" "" \
	"$KPAGE" $V --core "$x/truncated-early.vmcore" stat
# Cut inside page data: a warning, and the census as ever.
expect_out damaged/truncated-late 0 "^kpage: warning: .*truncated-late.vmcore is truncated: [0-9]+ KiB of its segments are beyond its end; the pages they held are not in the dump$" "NR_FREE_PAGES" \
	"$KPAGE" $V --core "$x/truncated-late.vmcore" stat
# Cut inside mem_map (node 1's struct pages last in the file, half of them
# cut): those pages are missing, the lists through them end there, node 0
# is whole. Every command warns once that the file is cut, by how much
# (the cut struct pages, 64 bytes each).
read -r cut_first cut_count gone_first gone_count < "$x/memmap.txt"
tm=$x/truncated-memmap.vmcore
cut="^kpage: warning: .*truncated-memmap.vmcore is truncated: $((cut_count * 64 / 1024)) KiB of its segments are beyond its end; the pages they held are not in the dump$"
# a node-1 list entry whose struct page was cut (zone named or, with
# VMCOREINFO only, numbered)
unreadable="^issue: node 1 [A-Za-z0-9]+ order [0-9]+ mt [0-9]+: struct page of pfn [0-9]+ unreadable: not in the dump$"
for m in "$V" "$O"; do
	t=; [ "$m" = "$O" ] && t=/vmcoreinfo-only
	expect_out damaged/truncated-memmap/stat$t 0 "$cut" "; $cut_count struct pages not in the dump" \
		"$KPAGE" $m --core "$tm" stat
	expect_out damaged/truncated-memmap/free$t 3 "$cut" "$unreadable" \
		"$KPAGE" $m --core "$tm" free
done
# (free's exit status is the whole walk's, whatever zones it shows)
expect_out damaged/truncated-memmap/free-node0 3 "$cut" "node 0 zone DMA32" \
	"$KPAGE" $V --core "$tm" free --node 0
expect_out damaged/truncated-memmap/page-beyond-cut 0 "$cut" "^not in dump \(the struct page was filtered out\)$" \
	"$KPAGE" $V --core "$tm" page $((cut_first + 5))
expect_out damaged/truncated-memmap/page-before-cut 0 "$cut" "^class" \
	"$KPAGE" $V --core "$tm" page $((cut_first - 5))
expect_out damaged/truncated-memmap/pages-missing 0 "$cut" "^$cut_count$" \
	"$KPAGE" $V --core "$tm" pages --pfn "$cut_first-$((cut_first + cut_count - 1))" --type missing --count
# No PT_LOAD covers node 1's struct pages: the same, partial results.
nm=$x/noload-memmap.vmcore
expect_out damaged/noload-memmap/stat 0 "" "; $gone_count struct pages not in the dump" \
	"$KPAGE" $V --core "$nm" stat
expect_out damaged/noload-memmap/free 3 "" "$unreadable" "$KPAGE" $V --core "$nm" free
expect_out damaged/noload-memmap/zones 0 "" "Node 1, zone Normal" "$KPAGE" $V --core "$nm" zones
# No PT_LOAD for node 0 (the page tables, every kernel structure): one line.
expect_out damaged/noload-node0 2 "noload-node0.vmcore: page table for 0x[0-9a-f]+ is not in the dump" "" \
	"$KPAGE" $V --core "$x/noload-node0.vmcore" stat
