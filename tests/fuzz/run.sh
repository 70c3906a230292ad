#!/bin/sh
# Runs every fuzz target for SECONDS each (default 60) and reports the
# executions and findings. Seeds: fixture vmlinux files for the layout
# target, VMCOREINFO texts and struct pages from a fixture for the others.
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
b=$top/build
mkdir -p "$b/fuzz/corpus-vmcoreinfo" "$b/fuzz/corpus-decode" "$b/fuzz/corpus-layout"
seed=$b/fx/v6_1-vmemmap
if [ -f "$seed/vmlinux" ]; then
	cp "$seed/vmlinux" "$b/fuzz/corpus-layout/v6_1" 2>/dev/null
	for v in "$b"/fx/*-vmemmap/vmlinux; do cp "$v" "$b/fuzz/corpus-layout/$(basename "$(dirname "$v")")"; done
	strings -n 8 "$seed/vmcore" | grep -m 200 '=' > "$b/fuzz/corpus-vmcoreinfo/fixture" || true
	for i in 0 1 2 3; do
		{ printf "\\$(printf %o $i)"; dd if="$seed/vmcore" bs=64 skip=$((40000 + i * 997)) count=2 2>/dev/null; } \
			> "$b/fuzz/corpus-decode/seed$i"
	done
fi
for t in vmcoreinfo decode layout; do
	log=$b/fuzz/fuzz_$t.log
	# Findings kept as regression inputs (text): each must now run clean.
	for r in "$top"/tests/fuzz/regress/$t-*; do
		[ -f "$r" ] || continue
		if "$b/fuzz/fuzz_$t" "$r" > "$log" 2>&1; then pass "fuzz/$t/regress/$(basename "$r")"
		else fail "fuzz/$t/regress/$(basename "$r")" "$(grep -m 1 ERROR "$log")"; fi
	done
	"$b/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=$([ $t = layout ] && echo 65536 || echo 4096) \
		-artifact_prefix="$b/fuzz/crash-$t-" "$b/fuzz/corpus-$t" > "$log" 2>&1
	rc=$?
	runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -n 1)
	if [ $rc = 0 ]; then
		pass "fuzz/$t ($runs runs in ${secs}s)"
	else
		fail "fuzz/$t" "finding, see $log and $b/fuzz/crash-$t-*"
	fi
done
