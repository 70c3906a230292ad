#!/bin/sh
# make bench: one table of wall time, pages/s and peak RSS for kpage, crash,
# drgn and the floor (reading as many bytes as mem_map holds from the dump),
# on the real-kernel tier's dumps and a synthetic 16 GiB machine.
# kpage runs with its types memo warm (a first run indexes the DWARF once:
# about 0.6 s and 200 MB more on the Debian vmlinux).
top=$(cd "$(dirname "$0")/../.." && pwd)
K=$top/build/kpage
: "${XDG_CACHE_HOME:=$HOME/.cache}"
cache=$XDG_CACHE_HOME/kpage
out=$(mktemp -d)

measure() {   # measure LABEL CMD... -> "seconds kilobytes" (best of 3)
	best=
	for i in 1 2 3; do
		/usr/bin/time -f "%e %M" -o "$out/t" sh -c "$*" > /dev/null 2>&1
		t=$(cat "$out/t" | tail -n 1)
		if [ -z "$best" ] || [ "$(echo "$t" | awk '{print $1}')" \< "$(echo "$best" | awk '{print $1}')" ]; then best=$t; fi
	done
	echo "$best"
}

row() {       # row DUMP TOOL PAGES "seconds kb" FLOOR_SECONDS PEER_SECONDS
	python3 - "$@" <<'PY'
import sys
d, tool, pages, t, floor, peer = sys.argv[1:7]
s, kb = (float(x) for x in t.split()[:2])
pages, floor, peer = int(pages), float(floor), float(peer)
rate = pages / s if s > 0 else 0
vs = f'{s / floor:.1f}x' if floor > 0 and s > 0 else '-'
up = f'{peer / s:.0f}x' if peer > 0 and s > 0 else '-'
print(f'{d:22s} {tool:26s} {s:8.2f} {rate:12.0f} {kb / 1024:8.1f} {vs:>10s} {up:>10s}')
PY
}

printf "%-22s %-26s %8s %12s %8s %10s %10s\n" DUMP TOOL SECONDS PAGES/S RSS_MB VS_FLOOR SPEEDUP
bench_dump() {  # bench_dump NAME VMLINUX CORE [PAGING_ELF]
	name=$1 v=$2 c=$3 paging=$4
	"$K" --vmlinux "$v" --core "$c" stat > /dev/null 2>&1    # warm the types memo
	pages=$("$K" --vmlinux "$v" --core "$c" --json stat | python3 -c "import json,sys; print(json.load(sys.stdin)['pages_scanned'])")
	bytes=$((pages * 64))
	floor=$(measure "dd if='$c' of=/dev/null bs=1M count=$((bytes / 1048576 + 1)) skip=1")
	fs=$(echo "$floor" | awk '{print $1}')
	row "$name" "floor: dd mem_map bytes" "$pages" "$floor" 0 0
	crash_f=0 crash_p=0
	if [ -n "$paging" ]; then
		tf=$(measure "printf 'kmem -f\nquit\n' | crash -s '$v' '$c'")
		crash_f=$(echo "$tf" | awk '{print $1}')
		row "$name" "crash kmem -f" "$pages" "$tf" "$fs" 0
		tp=$(measure "printf 'kmem -p\nquit\n' | crash -s '$v' '$c'")
		crash_p=$(echo "$tp" | awk '{print $1}')
		row "$name" "crash kmem -p (all pages)" "$pages" "$tp" "$fs" 0
		td=$(measure "/usr/bin/python3 '$top/tests/kernel/oracle_drgn.py' '$v' '$paging' '$out/drgn.json'")
		row "$name" "drgn lists+census" "$pages" "$td" "$fs" 0
	fi
	row "$name" "kpage stat" "$pages" "$(measure "'$K' --vmlinux '$v' --core '$c' stat")" "$fs" "$crash_p"
	row "$name" "kpage free (with scan)" "$pages" "$(measure "'$K' --vmlinux '$v' --core '$c' free")" "$fs" "$crash_f"
}

for variant in 1g numa2; do
	d=$(ls -d "$cache"/kernel/*/$variant 2>/dev/null | head -n 1)
	[ -f "$d/STAMP" ] || { echo "(no $variant dumps: run make check first)"; continue; }
	v=/usr/lib/debug/boot/vmlinux-$(cat "$d/release")
	bench_dump "real-$variant-elf" "$v" "$d/vmcore.elf" "$d/vmcore-paging.elf"
	bench_dump "real-$variant-kdump" "$v" "$d/vmcore.kdump"
done
# A synthetic 16 GiB machine (sparse file; 256 MiB of struct pages).
big=$cache/bench/16g
if [ ! -f "$big/vmcore" ]; then
	sh "$top/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$big" 1 > /dev/null 2>&1
	"$top/build/fixtures/mkvmcore-v6_1-vmemmap" --vmlinux "$big/vmlinux" --out "$big/vmcore" \
		--truth "$big/truth.txt" --mem-mib 16384
fi
bench_dump "synthetic-16GiB-elf" "$big/vmlinux" "$big/vmcore"
echo "SPEEDUP: crash's time / kpage's (stat vs kmem -p, free vs kmem -f); VS_FLOOR: kpage / dd"
rm -rf "$out"
