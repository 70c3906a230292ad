#!/bin/sh
# Every JSON key a command prints is named in the man page's JSON section,
# and every key named there is printed by one of these runs (fixtures of
# several kinds: owners, a broken invariant, an unreadable owner).
. "$(dirname "$0")/../lib.sh"
F=$KP_TOP/build/fx/v6_1-vmemmap
O=$KP_TOP/build/fx/owners-v6_1-vmemmap
C=$KP_TOP/build/fx/corrupt-tail-cut
W=$KP_TOP/build/fx/owners-corrupt-slab-wild-v6_1
# The fixtures other suites make, made here too when this one runs first.
need() {   # need DIR ERA NODES [CORRUPTION]
	[ -f "$1/vmcore" ] && return 0
	mkdir -p "$1"
	sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$2" vmemmap "$1" "$3" $4 > "$1.log" 2>&1 ||
		{ fail jsonkeys/fixtures "cannot make $1: $(tail -n 2 "$1.log" | tr '\n' ' ')"; exit 0; }
}
need "$F" v6_1 2; need "$O" v6_1 2; need "$C" v6_1 2 tail-cut; need "$W" v6_1 2 slab-wild
d=$(mktemp -d)
K="$KPAGE --vmlinux $F/vmlinux --core $F/vmcore --json"
KO="$KPAGE --vmlinux $O/vmlinux --core $O/vmcore --json"
$K stat > "$d/stat"; $K free > "$d/free"; $K free --blocks > "$d/blocks"; $K zones > "$d/zones"
$K pages --zone DMA > "$d/pages"; $K alloc-check 3 > "$d/alloc"; $K map > "$d/map"
$K map --svg "$d/map.svg" > "$d/map-svg"; $K layout page > "$d/layout"; $K layout zone > "$d/layout-zone"
$K layout --facts > "$d/layout-facts"
"$KPAGE" --vmcoreinfo-only --core "$F/vmcore" --json layout --facts > "$d/layout-facts-vmci"
$KO top > "$d/top"
"$KPAGE" --vmlinux "$C/vmlinux" --core "$C/vmcore" --json stat > "$d/stat-broken" 2> /dev/null
"$KPAGE" --vmlinux "$C/vmlinux" --core "$C/vmcore" --json map > "$d/map-broken" 2> /dev/null
"$KPAGE" --vmlinux "$C/vmlinux" --core "$C/vmcore" --json free > "$d/free-broken" 2> /dev/null
"$KPAGE" --vmlinux "$W/vmlinux" --core "$W/vmcore" --json top > "$d/top-wild" 2> /dev/null
# page: one page of each class and owner kind the fixtures have.
pfns=$(python3 -c "
import json, sys
want = {}
for f in sys.argv[1:]:
    for line in open(f):
        p = json.loads(line)
        want.setdefault((f, p['class'], p['compound']), p['pfn'])
print(' '.join(f'{f}:{pfn}' for (f, c, k), pfn in want.items()))" "$d/pages")
for fp in $pfns; do $K page "${fp##*:}"; done > "$d/page"
$KO pages --flag slab > "$d/pages-owners"
for p in $($KO pages | python3 -c "
import json, sys
seen = set()
for line in sys.stdin:
    p = json.loads(line)
    k = (p['class'], p['mapping_kind'])
    if k not in seen:
        seen.add(k)
        print(p['pfn'])"); do $KO page "$p"; done >> "$d/page"
absent="--absent nr_free_pages_pcp_delta=the-fixtures-have-no-per-cpu-areas(the-real-tier-has-them)"
if ls /usr/lib/debug/boot/vmlinux-* > /dev/null 2>&1; then
	v=$(ls /usr/lib/debug/boot/vmlinux-* | head -n 1)
	"$KPAGE" --vmlinux "$v" --json layout slab > "$d/layout-bits" 2> /dev/null ||
		"$KPAGE" --vmlinux "$v" --json layout page > "$d/layout-bits"
	bits="layout=$d/layout-bits"
else
	bits=
	absent="$absent --absent bit_offset=no-bitfields-without-a-Debian-vmlinux --absent bit_size=same"
fi
check jsonkeys/man-page-agrees python3 "$KP_TOP/tests/cli/json_keys.py" "$KP_TOP/man/kpage.1" \
	"stat=$d/stat" "stat=$d/stat-broken" "free=$d/free" "free=$d/blocks" "free=$d/free-broken" "zones=$d/zones" \
	"pages, page=$d/pages" "pages, page=$d/page" "pages, page=$d/pages-owners" \
	"alloc-check=$d/alloc" "map=$d/map" "map=$d/map-svg" "map=$d/map-broken" "layout=$d/layout" \
	"layout=$d/layout-zone" "layout --facts=$d/layout-facts" "layout --facts=$d/layout-facts-vmci" \
	${bits:+"$bits"} "top=$d/top" "top=$d/top-wild" $absent
rm -rf "$d"
