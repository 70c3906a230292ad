#!/bin/sh
# Runs every fuzz target for SECONDS each (default 60) and reports the
# executions and findings. Seeds: fixture vmlinux files for the layout
# target, VMCOREINFO texts and struct pages from a fixture for the others,
# zone free areas and mem_map windows of a fixture for the free-list walker,
# for the commands one header per mode (tests/fuzz/commands_input.h) and the
# commands regression inputs.
secs=${1:-60}
top=$(cd "$(dirname "$0")/../.." && pwd)
. "$top/tests/lib.sh"
b=$top/build
targets="vmcoreinfo decode layout freelist commands"
for t in $targets; do mkdir -p "$b/fuzz/corpus-$t"; done
seed=$b/fx/v6_1-vmemmap
[ -f "$seed/vmcore" ] || sh "$top/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$seed" 2 > "$seed.log" 2>&1
if [ -f "$seed/vmlinux" ]; then
	"$b/fuzz/seed_freelist" "$seed/vmlinux" "$seed/vmcore" "$b/fuzz/corpus-freelist" ||
		fail fuzz/freelist/seeds "seed_freelist failed"

	cp "$seed/vmlinux" "$b/fuzz/corpus-layout/v6_1" 2>/dev/null
	for v in "$b"/fx/*-vmemmap/vmlinux; do cp "$v" "$b/fuzz/corpus-layout/$(basename "$(dirname "$v")")"; done
	strings -n 8 "$seed/vmcore" | grep -m 200 '=' > "$b/fuzz/corpus-vmcoreinfo/fixture" || true
	# DWARF, VMCOREINFO-only, each with --json, and with two scan threads
	for m in 0 1 2 3 4 5; do
		printf "\\$(printf %o $m)\\000\\003\\000\\350\\003\\000\\000" > "$b/fuzz/corpus-commands/mode$m"
	done
	for i in 0 1 2 3; do
		{ printf "\\$(printf %o $i)"; dd if="$seed/vmcore" bs=64 skip=$((40000 + i * 997)) count=2 2>/dev/null; } \
			> "$b/fuzz/corpus-decode/seed$i"
	done
fi
for t in $targets; do
	log=$b/fuzz/fuzz_$t.log
	if [ ! -x "$b/fuzz/fuzz_$t" ]; then   # (make check builds FUZZ_TARGETS)
		fail "fuzz/$t" "no $b/fuzz/fuzz_$t: make build/fuzz/fuzz_$t"
		continue
	fi
	# Findings kept as regression inputs, text: as is, or hex (*.hex, made
	# binary here: '#' starts a comment, HEX*N repeats HEX N times). Each
	# must now run clean.
	for r in "$top"/tests/fuzz/regress/$t-*; do
		[ -f "$r" ] || continue
		in=$r
		case $r in *.hex)
			in=$b/fuzz/regress-$(basename "$r" .hex)
			python3 -c 'import re, sys
text = re.sub("#.*", "", open(sys.argv[1]).read())
out = b""
for tok in text.split():
    h, _, n = tok.partition("*")
    out += bytes.fromhex(h) * int(n or 1)
sys.stdout.buffer.write(out)' "$r" > "$in" ;;
		esac
		[ $t = commands ] && cp "$in" "$b/fuzz/corpus-commands/regress-$(basename "$r")"
		if "$b/fuzz/fuzz_$t" "$in" > "$log" 2>&1; then pass "fuzz/$t/regress/$(basename "$r")"
		else fail "fuzz/$t/regress/$(basename "$r")" "$(grep -m 1 -E 'ERROR|runtime error' "$log")"; fi
	done
	# commands: a header and 64 edits at most; an input that makes a
	# command run for seconds is a finding (a hang on a damaged zone); its
	# inputs are edits, no use growing them slowly
	extra=
	case $t in layout) max=65536 ;; freelist) max=18720 ;;
	commands) max=1032 extra="-timeout=20 -len_control=0" ;;
	*) max=4096 ;; esac
	"$b/fuzz/fuzz_$t" -max_total_time="$secs" -max_len=$max $extra \
		-artifact_prefix="$b/fuzz/crash-$t-" "$b/fuzz/corpus-$t" > "$log" 2>&1
	rc=$?
	runs=$(grep -o 'Done [0-9]* runs' "$log" | grep -o '[0-9]*' | tail -n 1)
	if [ $rc = 0 ]; then
		pass "fuzz/$t ($runs runs in ${secs}s)"
	else
		fail "fuzz/$t" "finding, see $log and $b/fuzz/crash-$t-*"
	fi
done
