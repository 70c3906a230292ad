#!/bin/sh
# pages --pfn P-Q decodes each page as the whole scan does, also when P lies
# inside a compound page (a gigantic one too) or a free block.
. "$(dirname "$0")/../lib.sh"
for f in v6_1:vmemmap:2: gigantic-v6_1:vmemmap:1:--gigantic v2_6_32:sparse:2:; do
	name=${f%%:*} rest=${f#*:}
	model=${rest%%:*} rest=${rest#*:}
	nodes=${rest%%:*} extra=${rest#*:}
	d=$KP_TOP/build/fx/$name-$model
	era=${name#gigantic-}
	# made by fixtures.sh and threads.sh, or here when this suite runs first
	if [ ! -f "$d/vmcore" ] && ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" \
		"$nodes" "" ${extra:+"--mem-mib 2048 $extra"} > "$d.log" 2>&1; then
		fail "pages-window/$name-$model" "cannot make the fixture: $(tail -n 2 "$d.log" | tr '\n' ' ')"
		continue
	fi
	f=$name-$model
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json pages > "$d/pages-full.json"
	check "pages-window/$f" python3 "$KP_TOP/tests/cli/pages_window.py" "$d/pages-full.json" 30 \
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore"
	rm -f "$d/pages-full.json"
done
