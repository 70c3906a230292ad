#!/usr/bin/env python3
"""`kpage --json free` must show, per node, zone, order and migratetype, the
free blocks the generator put on each list (truth's #free lines), with
nr_free = walked = scanned and no issues.
usage: compare_free.py TRUTH FREE_JSON"""
import json
import sys


def main():
    want = {}
    for line in open(sys.argv[1]):
        if line.startswith('#free '):
            _, node, zone, order, mt, n = line.split()
            want[(int(node), zone, int(order), int(mt))] = int(n)
    free = json.load(open(sys.argv[2]))
    got, bad = {}, []
    for z in free['zones']:
        if not z['consistent']:
            bad.append(f"{z['node']}:{z['zone']} not consistent")
        for o in z['orders']:
            if not (o['nr_free'] == o['walked'] == o['scanned']):
                bad.append(f"{z['node']}:{z['zone']} order {o['order']}: nr_free {o['nr_free']} "
                           f"walked {o['walked']} scanned {o['scanned']}")
            for i, (mt, n) in enumerate(o['migratetypes'].items()):
                if n:
                    got[(z['node'], z['zone'], o['order'], i)] = n
    if free['total_issues']:
        bad.append(f"issues: {free['issues'][:3]}")
    if got != want:
        bad.append(f'lists differ: only generated {sorted(set(want.items()) - set(got.items()))[:5]}, '
                   f'only found {sorted(set(got.items()) - set(want.items()))[:5]}')
    for b in bad[:10]:
        print(b)
    if not bad:
        print(f'{len(want)} lists agree')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
