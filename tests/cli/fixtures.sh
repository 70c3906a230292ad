#!/bin/sh
# Synthetic vmcores of every era in dwarf/ and every memory model: kpage's
# decoding of every page must equal the generator's truth, on the ELF dump,
# its kdump-compressed copy and a filtered kdump copy; the free lists; and
# the pageblock bitmap (eras whose fixture has one).
. "$(dirname "$0")/../lib.sh"
fx=$KP_TOP/build/fx
mkdir -p "$fx"
for src in "$KP_TOP"/dwarf/*.c; do
	era=$(basename "$src" .c)
	for model in vmemmap sparse flat; do
		nodes=2
		[ "$model" = flat ] && nodes=1
		d=$fx/$era-$model
		if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" "$nodes" > "$d.log" 2>&1; then
			fail "fixture/$era-$model/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
			continue
		fi
		for f in vmcore vmcore.kdump vmcore.kdump-filtered; do
			name=fixture/$era-$model/$f
			"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/$f" --json pages > "$d/$f.pages" 2> "$d/$f.err" &&
			"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/$f" --json stat > "$d/$f.stat" 2>> "$d/$f.err"
			rc=$?
			if [ $rc != 0 ]; then
				fail "$name" "kpage exit $rc: $(head -c 300 "$d/$f.err")"
				continue
			fi
			mode=
			[ "$f" = vmcore.kdump-filtered ] && mode=filtered
			check "$name" python3 "$KP_TOP/tests/cli/compare_truth.py" \
				"$d/truth.txt" "$d/$f.pages" "$d/$f.stat" $mode
		done
		# The free lists: per node, zone, order and migratetype as generated.
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json free > "$d/free.json" 2>&1
		check "fixture/$era-$model/free" python3 "$KP_TOP/tests/cli/compare_free.py" \
			"$d/truth.txt" "$d/free.json"
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json zones > "$d/zones.json" 2>&1
		check "fixture/$era-$model/pageblocks" python3 "$KP_TOP/tests/cli/compare_pageblocks.py" \
			"$d/truth.txt" "$d/zones.json" "$d/free.json"
	done
done
