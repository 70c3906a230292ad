#!/bin/sh
# make bench: one table of wall time, pages/s and peak RSS of kpage (stat,
# free; one scan thread and the default), crash (kmem -p, kmem -f), drgn
# (free list walks + census) and the floor (dd reading as many bytes of data
# as mem_map holds from the dump, where floor.py finds that much data: not
# from the holes of a sparse file, which read as made-up zeros),
# on the real-kernel tier's dumps, a real 4 GiB
# guest's dumps (tests/bench/guest4g.py, made once and cached) and synthetic
# machines of 16 GiB, 256 GiB and 1 TiB of RAM; with kpage's time over the
# floor's and over the peers'.
#   KPAGE_BENCH_BASELINE=/path/to/kpage  adds rows for another kpage build
#   KPAGE_BENCH_SIZES="16 256 1024"      synthetic machines, in GiB
#   KPAGE_BENCH_RUNS=3                   runs per figure (the best is kept)
#   KPAGE_BENCH_ONLY=cold                the cold-start table alone
#   KPAGE_BENCH_ONLY=synthetic           the synthetic machines alone
# kpage runs with its types memo warm; the cold start (a first run, which
# reads the DWARF as far as its lookups need) has a table of its own, beside
# drgn's bare debuginfo load. The synthetic dumps
# are sparse files kept under $XDG_CACHE_HOME/kpage/bench, made again only
# when the fixture generator changes.
top=$(cd "$(dirname "$0")/../.." && pwd)
K=$top/build/kpage
: "${XDG_CACHE_HOME:=$HOME/.cache}"
cache=$XDG_CACHE_HOME/kpage
out=$(mktemp -d)
runs=${KPAGE_BENCH_RUNS:-3}
nthreads=$(getconf _NPROCESSORS_ONLN)

measure() {   # measure CMD... -> "seconds kilobytes" (best of $runs; ms resolution)
	best=
	i=0
	while [ $i -lt "$runs" ]; do
		t0=$(date +%s%N)
		/usr/bin/time -f "%M" -o "$out/t" sh -c "$*" > /dev/null 2>&1
		t1=$(date +%s%N)
		t="$(echo "$t0 $t1" | awk '{printf "%.3f", ($2 - $1) / 1e9}') $(tail -n 1 "$out/t")"
		if [ -z "$best" ] || [ "$(echo "$t $best" | awk '{print ($1 < $3)}')" = 1 ]; then best=$t; fi
		i=$((i + 1))
	done
	echo "$best"
}

row() {       # row DUMP TOOL PAGES "seconds kb" FLOOR CRASH DRGN (0: no ratio)
	python3 - "$@" <<'PY'
import sys
d, tool, pages, t, floor, crash, drgn = sys.argv[1:8]
s, kb = (float(x) for x in t.split()[:2])
pages = int(pages)
rate = pages / s if s > 0 else 0
def ratio(peer):
    peer = float(peer)
    return f'{s / peer:.3g}x' if peer > 0 and s > 0 else '-'
print(f'{d:24s} {tool:30s} {s:8.3f} {rate:12.0f} {kb / 1024:7.1f} {ratio(floor):>9s} '
      f'{ratio(crash):>9s} {ratio(drgn):>9s}', flush=True)
PY
}

secs() { echo "$1" | awk '{print $1}'; }

kpage_rows() {  # kpage_rows NAME KPAGE LABEL VMLINUX CORE PAGES FLOOR CRASH_P CRASH_F DRGN
	name=$1 kp=$2 label=$3 v=$4 c=$5 pages=$6 fs=$7 cp=$8 cf=$9 dr=${10}
	for t in 1 "$nthreads"; do
		th="$t thread"; [ "$t" = 1 ] || th="$t threads"
		row "$name" "$label stat, $th" "$pages" \
			"$(measure "KPAGE_THREADS=$t '$kp' --vmlinux '$v' --core '$c' stat")" "$fs" "$cp" "$dr"
		row "$name" "$label free, $th" "$pages" \
			"$(measure "KPAGE_THREADS=$t '$kp' --vmlinux '$v' --core '$c' free")" "$fs" "$cf" "$dr"
		# top: the census by owner (goal: at most 2x stat's time)
		row "$name" "$label top, $th" "$pages" \
			"$(measure "KPAGE_THREADS=$t '$kp' --vmlinux '$v' --core '$c' top")" "$fs" 0 0
	done
}

bench_dump() {  # bench_dump NAME VMLINUX CORE [PAGING_ELF]
	name=$1 v=$2 c=$3 paging=$4
	"$K" --vmlinux "$v" --core "$c" stat > /dev/null 2>&1    # warm the types memo
	pages=$("$K" --vmlinux "$v" --core "$c" --json stat | python3 -c "import json,sys; print(json.load(sys.stdin)['pages_scanned'])")
	bytes=$((pages * 64))
	if where=$(python3 "$top/tests/bench/floor.py" "$c" "$bytes"); then
		floor=$(measure "dd if='$c' of=/dev/null bs=1M skip=${where% *} count=${where#* }")
	else
		floor=$(measure "python3 '$top/tests/bench/floor.py' --read '$c' $bytes")
	fi
	fs=$(secs "$floor")
	row "$name" "floor: read mem_map's bytes" "$pages" "$floor" 0 0 0
	cp=0 cf=0 dr=0
	if [ -n "$paging" ]; then
		t=$(measure "printf 'kmem -p\nquit\n' | crash -s '$v' '$c'")
		cp=$(secs "$t")
		row "$name" "crash kmem -p (all pages)" "$pages" "$t" "$fs" 0 0
		t=$(measure "printf 'kmem -f\nquit\n' | crash -s '$v' '$c'")
		cf=$(secs "$t")
		row "$name" "crash kmem -f" "$pages" "$t" "$fs" 0 0
		# A failed drgn run is no figure: checked once before timing.
		if /usr/bin/python3 "$top/tests/kernel/oracle_drgn.py" "$v" "$paging" "$out/drgn.json" \
			> "$out/drgn.err" 2>&1; then
			t=$(measure "/usr/bin/python3 '$top/tests/kernel/oracle_drgn.py' '$v' '$paging' '$out/drgn.json'")
			dr=$(secs "$t")
			row "$name" "drgn list walks + census" "$pages" "$t" "$fs" 0 0
		else
			echo "(drgn failed on $name: $(tail -n 1 "$out/drgn.err"))"
		fi
	fi
	kpage_rows "$name" "$K" kpage "$v" "$c" "$pages" "$fs" "$cp" "$cf" "$dr"
	if [ -n "$KPAGE_BENCH_BASELINE" ]; then
		"$KPAGE_BENCH_BASELINE" --vmlinux "$v" --core "$c" stat > /dev/null 2>&1
		kpage_rows "$name" "$KPAGE_BENCH_BASELINE" baseline "$v" "$c" "$pages" "$fs" "$cp" "$cf" "$dr"
	fi
}

# A synthetic machine of GIB GiB (one node, v6_1 types, vmemmap), made again
# when the generator's sources change. Its vmcore is a sparse file: only the
# struct pages (GIB * 16 MiB) and the kernel's own data take room.
synthetic() {  # synthetic GIB: sets synth to its directory, or to "" with the reason printed
	gib=$1 d=$cache/bench/${1}g synth=
	stamp=$(cat "$top"/tests/fixtures/*.[ch] "$top"/tests/fixtures/make-fixture.sh "$top"/dwarf/v6_1.c | md5sum | cut -c1-16)
	if [ -f "$d/vmcore" ] && [ "$(cat "$d/STAMP" 2> /dev/null)" = "$stamp" ]; then
		synth=$d
		return
	fi
	need=$((gib * 16 * 1048576 + 2147483648))   # struct pages and 2 GiB to spare
	mkdir -p "$d"
	rm -f "$d/vmcore" "$d/STAMP"
	avail=$(df -B1 --output=avail "$d" | tail -n 1)
	if [ "$avail" -lt "$need" ]; then
		echo "(skipped synthetic-${gib}GiB: its dump needs $((need >> 30)) GiB free in $d, there are $((avail >> 30)) GiB)"
		return
	fi
	gen=$top/build/fx/bench-generator
	mkdir -p "$top/build/fx"     # a fresh tree has none (make bench before make check)
	if ! sh "$top/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$gen" 1 > "$gen.log" 2>&1 ||
	   ! cp "$gen/vmlinux" "$d/vmlinux" ||
	   ! "$top/build/fixtures/mkvmcore-v6_1-vmemmap" --vmlinux "$d/vmlinux" --out "$d/vmcore" \
		--mem-mib $((gib * 1024)) > "$d/generate.log" 2>&1; then
		echo "(skipped synthetic-${gib}GiB: the generator failed, see $gen.log, $d/generate.log)"
		rm -f "$d/vmcore"
		return
	fi
	echo "$stamp" > "$d/STAMP"
	synth=$d
}

# The first run on a new vmlinux (no types memo: the DWARF is read, as far
# as the lookups need) beside a warm one and drgn's bare load of the same
# vmlinux's debuginfo (goal: cold at most half of drgn's, under 64 MiB).
cold_start() {
	echo "cold start: the first run on a vmlinux (empty types memo) and a warm one"
	printf "%-32s %10s %10s %8s %10s %8s %11s %9s\n" VMLINUX DRGN_LOAD COLD_STAT RSS_MB \
		WARM_STAT RSS_MB COLD_LAYOUT COLD/DRGN
	for d in "$cache"/kernel/*/1g; do
		[ -f "$d/STAMP" ] && [ -f "$d/vmlinux" ] || continue
		v=$(cat "$d/vmlinux") c=$d/vmcore.elf
		[ -f "$v" ] && [ -f "$c" ] || continue
		memo=$out/memo
		drgn=$(measure "/usr/bin/python3 -c \"import drgn; drgn.Program().load_debug_info(['$v'])\"")
		cold=$(measure "rm -rf '$memo'; XDG_CACHE_HOME='$memo' '$K' --vmlinux '$v' --core '$c' stat")
		warm=$(measure "XDG_CACHE_HOME='$memo' '$K' --vmlinux '$v' --core '$c' stat")
		layout=$(measure "rm -rf '$memo'; XDG_CACHE_HOME='$memo' '$K' --vmlinux '$v' layout page")
		echo "$(basename "$(dirname "$d")") $drgn $cold $warm $layout" | awk '{
			printf "%-32s %10.3f %10.3f %8.1f %10.3f %8.1f %11.3f %8.2fx\n", $1, $2, $4,
				$5 / 1024, $6, $7 / 1024, $8, ($2 > 0 ? $4 / $2 : 0) }'
	done
	rm -rf "$out/memo"
}

echo "make bench: $nthreads CPUs online, load average $(cut -d' ' -f1-3 /proc/loadavg) at the start;" \
	"each figure is the best of $runs runs, warm page cache"
[ "$KPAGE_BENCH_ONLY" = synthetic ] || cold_start
if [ "$KPAGE_BENCH_ONLY" = cold ]; then rm -rf "$out"; exit 0; fi
printf "%-24s %-30s %8s %12s %7s %9s %9s %9s\n" DUMP TOOL SECONDS PAGES/S RSS_MB KP/FLOOR KP/CRASH KP/DRGN
variants="1g numa2 4g"
[ "$KPAGE_BENCH_ONLY" = synthetic ] && variants=
for variant in $variants; do
	# The bookworm (6.1) kernel's dumps, as the tier left them.
	rel=$(cat "$cache/apt/bookworm/chosen" 2> /dev/null)
	d=$cache/kernel/$rel/$variant
	if [ "$variant" = 4g ]; then
		# Booted (TCG, some minutes) and dumped once, then cached.
		d=$(python3 "$top/tests/bench/guest4g.py" 2> "$out/guest4g.log") ||
			{ echo "(no real 4 GiB guest dump: $(tail -n 1 "$out/guest4g.log"))"; continue; }
	fi
	if [ ! -f "$d/STAMP" ]; then
		echo "(no $variant dumps: run make check first)"
		continue
	fi
	v=$(cat "$d/vmlinux")
	bench_dump "real-$variant-elf" "$v" "$d/vmcore.elf" "$d/vmcore-paging.elf"
	bench_dump "real-$variant-kdump" "$v" "$d/vmcore.kdump"
done
for gib in ${KPAGE_BENCH_SIZES:-16 256 1024}; do
	synthetic "$gib"
	d=$synth
	[ -n "$d" ] || continue
	label=synthetic-${gib}GiB-elf
	[ "$gib" -ge 1024 ] && label=synthetic-$((gib / 1024))TiB-elf
	bench_dump "$label" "$d/vmlinux" "$d/vmcore"
done
echo "KP/FLOOR: kpage's time over the floor's; KP/CRASH: over crash's (stat vs kmem -p, free vs"
echo "kmem -f); KP/DRGN: over drgn's walks + census. Load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
rm -rf "$out"
