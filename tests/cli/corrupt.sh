#!/bin/sh
# Corrupted kernel state: kpage reports it (exit 3, the issue named), goes on
# with the rest, never crashes or hangs.
. "$(dirname "$0")/../lib.sh"
for c in cycle wild middle order nr_free not-buddy memmap-gone; do
	d=$KP_TOP/build/fx/corrupt-$c
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 "$c" > "$d.log" 2>&1; then
		fail "corrupt/$c/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	want=$(sed -n 's/^#corrupt [^ ]* //p' "$d/truth.txt")
	cmd=free
	[ "$c" = memmap-gone ] && cmd=stat
	timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" $cmd > "$d/out.txt" 2> "$d/err.txt"
	rc=$?
	if [ $rc != 3 ]; then
		fail "corrupt/$c" "exit $rc, wanted 3: $(head -c 300 "$d/err.txt")"
	elif ! grep -q "$want" "$d/out.txt"; then
		fail "corrupt/$c" "output lacks '$want'"
	else
		pass "corrupt/$c"
	fi
	# The other node's lists are intact and still walked.
	if [ "$cmd" = free ]; then
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json free --node 1 > "$d/n1.json" 2>/dev/null
		check "corrupt/$c/other-lists-intact" python3 -c "
import json,sys
z=json.load(open('$d/n1.json'))['zones'][0]
sys.exit(0 if z['consistent'] and z['free_pages_walked'] > 0 else 1)"
	fi
done
