#!/bin/sh
# Synthetic vmcores of every era in dwarf/ and every memory model: kpage's
# decoding of every page must equal the generator's truth, on the ELF dump.
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
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json pages > "$d/pages.json" 2> "$d/pages.err" &&
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json stat > "$d/stat.json" 2> "$d/stat.err"
		rc=$?
		if [ $rc != 0 ]; then
			fail "fixture/$era-$model/decode" "kpage exit $rc: $(cat "$d/pages.err" "$d/stat.err" | head -c 300)"
			continue
		fi
		check "fixture/$era-$model/truth" python3 "$KP_TOP/tests/cli/compare_truth.py" \
			"$d/truth.txt" "$d/pages.json" "$d/stat.json"
	done
done
