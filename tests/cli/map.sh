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
# One cell per pageblock (x86_64: 512 pages, pageblock_order 9) of each
# zone's span, every cell a legend letter or a free cell's order.
$K --json zones > "$d/zones.json" && $K map --no-color > "$d/map.txt"
check map/terminal-cells python3 -c "
import json, re, sys
zones = {(z['node'], z['zone']): z for z in json.load(open('$d/zones.json'))['zones']}
grid, key = {}, None
for line in open('$d/map.txt'):
    m = re.match(r'node (\d+) zone (\S+) \(pfn (\d+)-(\d+), (\d+) pages a cell\)', line)
    if m:
        key = (int(m[1]), m[2])
        grid[key] = [int(m[3]), int(m[4]), int(m[5]), '']
    elif not line.strip() or line.startswith('legend'):
        key = None
    elif key:
        grid[key][3] += line.rstrip('\n')
bad = [] if set(grid) == set(zones) else [f'zones {sorted(zones)}, map {sorted(grid)}']
for k, (lo, hi, per, cells) in grid.items():
    z = zones.get(k, {})
    want = (z.get('start_pfn', 0) + z.get('spanned', 0) - 1) // 512 - z.get('start_pfn', 0) // 512 + 1
    if (lo, hi, per) != (z.get('start_pfn'), z.get('start_pfn', 0) + z.get('spanned', 0) - 1, 512):
        bad.append(f'{k}: pfn {lo}-{hi}, {per} pages a cell')
    if len(cells) != want or not re.fullmatch(r'[FSAkfmPHRogK?.u0-9]*', cells):
        bad.append(f'{k}: {len(cells)} cells for {want} pageblocks: {cells[:40]}')
print('; '.join(bad) or f'one cell per pageblock: {sum(len(g[3]) for g in grid.values())} cells')
sys.exit(1 if bad or not grid else 0)"
if command -v rsvg-convert > /dev/null; then check map/svg-renders rsvg-convert "$d/map.svg" -o "$d/map.png"
else skip map/svg-renders "no rsvg-convert (Debian package librsvg2-bin)"; fi
