#!/usr/bin/env python3
"""The pageblock bitmap as the generator wrote it: `kpage --json zones` must
count, per zone, the pageblocks of each migratetype in the truth's
#pageblocks lines (nothing unknown), and `kpage --json free` must find the
truth's #pbmismatch free blocks on the list of another migratetype than
their pageblock's. An era whose fixture has no bitmap (no #pageblocks lines)
must show every pageblock unknown, none guessed.
usage: compare_pageblocks.py TRUTH ZONES_JSON FREE_JSON"""
import json
import sys


def main():
    want, mismatch = {}, {}
    for line in open(sys.argv[1]):
        if line.startswith('#pageblocks '):
            _, node, zone, mt, n = line.split()
            want.setdefault((int(node), zone), {})[int(mt)] = int(n)
        elif line.startswith('#pbmismatch '):
            _, node, zone, n = line.split()
            mismatch[(int(node), zone)] = int(n)
    zones = json.load(open(sys.argv[2]))['zones']
    free = {(z['node'], z['zone']): z for z in json.load(open(sys.argv[3]))['zones']}
    bad = []
    for z in zones:
        key = (z['node'], z['zone'])
        pb = z['pageblocks']
        got = {i: n for i, (name, n) in enumerate(pb.items()) if name != 'unknown' and n}
        unknown = pb.get('unknown', 0)
        if want:
            if got != want.get(key, {}) or unknown:
                bad.append(f'{key}: pageblocks {got} unknown {unknown}, want {want.get(key)}')
            fm = free[key]['pageblock_mismatch']
            if fm != mismatch.get(key):
                bad.append(f'{key}: pageblock_mismatch {fm}, want {mismatch.get(key)}')
        elif got:
            bad.append(f'{key}: no bitmap in the fixture, but kpage read pageblocks {got}')
    for b in bad[:10]:
        print(b)
    if not bad:
        print(f'{len(zones)} zones agree' + ('' if want else ' (no bitmap: all unknown)'))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
