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
            if a.startswith('data-') and a not in ('data-pfn', 'data-class', 'data-migratetype'):
                got[a[5:]] = got.get(a[5:], 0) + int(v)
    want_nz = {k: v for k, v in want.items() if v}
    if got != want_nz:
        print(f, 'cells', got, 'stat', want_nz)
        sys.exit(1)
print('cells add up to stat:', got)"
# The grid: under each zone's header "(pfn A-B, N pages a cell)", rows of
# "PFN CELLS": one cell per N pages from the cell holding A to the one holding
# B, each row labelled with the pfn of its first cell (A for the first).
# Each zone's header is its span (zones' start_pfn and spanned), a cell a
# pageblock (x86_64: 512 pages), every cell a legend letter or an order.
$K --json zones > "$d/zones.json" && $K map --no-color > "$d/map.txt"
check map/terminal-cells python3 -c "
import json, re, sys
spans = sorted((z['start_pfn'], z['start_pfn'] + z['spanned'] - 1)
               for z in json.load(open('$d/zones.json'))['zones'] if z['spanned'])
zones, cur = [], None
for line in open('$d/map.txt'):
    h = re.match(r'node \d+ zone \S+ \(pfn (\d+)-(\d+), (\d+) pages a cell\)', line)
    if h:
        cur = [int(h.group(1)), int(h.group(2)), int(h.group(3)), []]
        zones.append(cur)
        continue
    r = re.match(r'^ *(\d+) (\S+)\$', line)
    if r and cur:
        cur[3].append((int(r.group(1)), r.group(2)))
if not zones:
    sys.exit('no zones in the grid')
if sorted((a, b) for a, b, _, _ in zones) != spans:
    sys.exit(f'zone headers {[(a, b) for a, b, _, _ in zones]}, zones says {spans}')
total = 0
for a, b, n, rows in zones:
    want = b // n - a // n + 1
    got = sum(len(c) for _, c in rows)
    if n != 512 or not all(re.fullmatch(r'[FSAkfmPHRogK?.u0-9+]+', c) for _, c in rows):
        sys.exit(f'zone pfn {a}-{b}: {n} pages a cell, or a cell that is no legend letter')
    if got != want:
        sys.exit(f'zone pfn {a}-{b}: {got} cells, wanted {want}')
    first = a // n
    for label, cells in rows:
        if label != max(first * n, a):
            sys.exit(f'row labelled {label}, its first cell is pfn {max(first * n, a)}')
        first += len(cells)
    total += got
print(total, 'cells, one per', zones[0][2], 'pages, rows labelled by their first pfn')"
# --json: "cells" counts the cells drawn (a hole between nodes is not).
$K --json map > "$d/map.json"
check map/json-cells-drawn python3 -c "
import json, re
j = json.load(open('$d/map.json'))
drawn = sum(len(m.group(1)) for m in re.finditer(r'^ *\d+ (\S+)\$', open('$d/map.txt').read(), re.M))
assert j['cells'] == drawn and j['by'] == 'class', (j['cells'], drawn)
print(drawn, 'cells drawn and counted')"
# By migratetype: a letter per pageblock, as many of each as zones counts.
$K map --by migratetype --no-color > "$d/map-mt.txt"
check map/by-migratetype-letters python3 -c "
import json, re
legend = dict(re.findall(r' (\S)=(\S+)', open('$d/map-mt.txt').read().split('legend:')[1].split('\n')[0]))
got = {}
for m in re.finditer(r'^ *\d+ (\S+)\$', open('$d/map-mt.txt').read(), re.M):
    for ch in m.group(1):
        got[legend[ch]] = got.get(legend[ch], 0) + 1
want = {}
for z in json.load(open('$d/zones.json'))['zones']:
    for mt, n in z['pageblocks'].items():
        if n:
            want[mt] = want.get(mt, 0) + n
assert got == want, (got, want)
print('pageblocks by migratetype as zones counts them:', got)"
# An era fixture whose dump has no pageblock flags to read.
old=$KP_TOP/build/fx/v5_4-vmemmap
[ -f "$old/vmcore" ] || sh "$KP_TOP/tests/fixtures/make-fixture.sh" v5_4 vmemmap "$old" 2 > "$old.log" 2>&1
expect_exit map/by-migratetype-unknown-refused 2 "no pageblock's migratetype can be read from the dump" \
	$KPAGE --vmlinux "$old/vmlinux" --core "$old/vmcore" \
	map --by migratetype
if command -v rsvg-convert > /dev/null; then check map/svg-renders rsvg-convert "$d/map.svg" -o "$d/map.png"
else skip map/svg-renders "no rsvg-convert (Debian package librsvg2-bin)"; fi
