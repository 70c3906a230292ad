#!/bin/sh
# pages --pfn P-Q decodes each page as the whole scan does, also when P lies
# inside a compound page (a gigantic one too) or a free block.
. "$(dirname "$0")/../lib.sh"
for f in v6_1-vmemmap gigantic-v6_1-vmemmap v2_6_32-sparse; do
	d=$KP_TOP/build/fx/$f
	[ -f "$d/vmcore" ] || { fail "pages-window/$f" "no fixture $d (fixtures.sh makes it)"; continue; }
	"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json pages > "$d/pages-full.json"
	check "pages-window/$f" python3 "$KP_TOP/tests/cli/pages_window.py" "$d/pages-full.json" 30 \
		"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore"
	rm -f "$d/pages-full.json"
done
