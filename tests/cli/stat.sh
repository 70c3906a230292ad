#!/bin/sh
# stat's text: MiB and percent beside each class, and the kmem -i style
# summary (TOTAL MEM = the zones' managed pages, FREE = the free class,
# USED = their difference), checked against stat's and zones' JSON.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/v6_1-vmemmap
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1 ||
	{ fail stat/generate "$(tail -n 3 "$d.log" | tr '\n' ' ')"; exit 0; }
K="$KPAGE --vmlinux $d/vmlinux --core $d/vmcore"
$K stat > "$d/stat.txt" 2>&1 && $K --json stat > "$d/stat.json" 2>&1 && $K --json zones > "$d/zones.json" 2>&1 ||
	{ fail stat/run "$(head -c 300 "$d/stat.txt")"; exit 0; }
check stat/mib-percent-summary python3 - "$d/stat.txt" "$d/stat.json" "$d/zones.json" <<'PY'
import json, sys
text = open(sys.argv[1]).read().splitlines()
st = json.load(open(sys.argv[2]))
zones = json.load(open(sys.argv[3]))['zones']
free = sum(z['classes']['free'] for z in st['zones'])
total = sum(z['total'] for z in st['zones'])
managed = sum(z['managed'] for z in zones)
row = {l.split()[0]: l.split() for l in text if l and not l.startswith(' ')}
f = row['free']
assert int(f[-3]) == free and abs(float(f[-2]) - free * 4096 / 2**20) < 0.06 and \
    abs(float(f[-1]) - 100 * free / total) < 0.06, f
import re
got = {m.group(1): int(m.group(2)) for m in
       (re.match(r'^\s+(TOTAL MEM|FREE|USED)\s+(\d+)\s', l) for l in text) if m}
assert got == {'TOTAL MEM': managed, 'FREE': free, 'USED': managed - free}, (got, managed, free)
PY
# free's text: SIZE and PAGES (walked << order) per order; --blocks in pfn
# order, a single page as one pfn, the header over its columns.
$K free > "$d/free.txt" 2>&1; $K free --blocks > "$d/blocks.txt" 2>&1
check free/size-pages-columns python3 - "$d/free.txt" <<'PY'
import sys
rows = 0
for l in open(sys.argv[1]):
    w = l.split()
    if w and w[0].isdigit() and len(w) > 4:
        order, size = int(w[0]), w[1]
        kib = 4 << order
        want = f'{kib >> 10}M' if kib >= 1024 else f'{kib}k'
        assert size == want, l
        assert int(w[-1]) == int(w[-3 if 'scanned' in open(sys.argv[1]).read() else -2]) << order, l
        rows += 1
assert rows, 'no order rows'
PY
check free/blocks-pfn-order python3 - "$d/blocks.txt" <<'PY'
import sys
lines = open(sys.argv[1]).read().splitlines()
assert lines[0].split() == ['NODE', 'ZONE', 'PFNS', 'ORDER', 'MIGRATETYPE'], lines[0]
assert lines[0].index('PFNS') == lines[1].index(lines[1].split()[2]), 'PFNS header not over its column'
last = (-1, -1)
for l in lines[1:]:
    w = l.split()
    pfns, order = w[2], int(w[3])
    lo, hi = (int(x) for x in pfns.split('-')) if '-' in pfns else (int(pfns), int(pfns))
    assert hi - lo + 1 == 1 << order and ('-' in pfns) == (order > 0), l
    key = (int(w[0]), lo)
    assert key > last, f'not in pfn order: {l}'
    last = key
PY
# zones --json: the fragmentation indices as the kernel prints them
# (decimals, -1.000 for a free block of the order), as the text shows them.
$K --json zones > "$d/zones.json" 2>&1; $K zones > "$d/zones.txt" 2>&1
check zones/indices-as-decimals python3 - "$d/zones.json" "$d/zones.txt" <<'PY'
import json, sys
zones = json.load(open(sys.argv[1]))['zones']
text = [l.split()[2:] for l in open(sys.argv[2]) if l.strip().startswith('unusable index')]
assert len(text) == len(zones)
for z, t in zip(zones, text):
    assert all(isinstance(v, float) and -1 <= v <= 1 for v in z['unusable_index'] + z['extfrag_index'])
    assert [f'{v:.3f}' for v in z['unusable_index']] == t, (z['unusable_index'], t)
PY
