#!/bin/sh
# map: the SVG is well-formed XML, its cells' per-class page counts add up to
# stat's census, and the terminal grid has a cell per pageblock.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/map
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1 ||
	{ fail map/generate "$(tail -n 2 "$d.log")"; exit 0; }
K="$KPAGE --vmlinux $d/vmlinux --core $d/vmcore"
$K --json stat > "$d/stat.json" && $K map --svg "$d/map.svg" > /dev/null &&
	$K map --by migratetype --svg "$d/map-mt.svg" > /dev/null
check map/svg-matches-stat python3 -c "
import json, xml.etree.ElementTree as ET, sys
stat = json.load(open('$d/stat.json'))
want = {}
for z in stat['zones']:
    for k, v in z['classes'].items():
        want[k] = want.get(k, 0) + v
got = {}
for f in ('$d/map.svg', '$d/map-mt.svg'):
    root = ET.parse(f).getroot()
    got = {}
    for r in root.iter('{http://www.w3.org/2000/svg}rect'):
        for a, v in r.attrib.items():
            if a.startswith('data-') and a not in ('data-pfn', 'data-class'):
                got[a[5:]] = got.get(a[5:], 0) + int(v)
    want_nz = {k: v for k, v in want.items() if v}
    if got != want_nz:
        print(f, 'cells', got, 'stat', want_nz)
        sys.exit(1)
print('cells add up to stat:', got)"
cells=$($K map --no-color | grep -v -e '^node' -e '^legend' -e '^  ' -e '^$' | tr -d '\n' | wc -c)
check map/terminal-cells test "$cells" -gt 0
if command -v rsvg-convert > /dev/null; then check map/svg-renders rsvg-convert "$d/map.svg" -o "$d/map.png"
else skip map/svg-renders "no rsvg-convert (Debian package librsvg2-bin)"; fi
