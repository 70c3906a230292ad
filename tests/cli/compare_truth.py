#!/usr/bin/env python3
"""Compares kpage's decoding of a fixture with the generator's truth.

usage: compare_truth.py TRUTH PAGES_NDJSON STAT_JSON [filtered]
With "filtered", the pfns the truth's #filtered-missing line names must be
reported as missing (their struct pages are not in that dump). Every pfn the truth lists must appear once in the pages stream with the same
class, order, head pfn (tails), refcount, mapcount, node and zone; stat must
count the same classes per zone and show the zone's NR_FREE_PAGES."""
import json
import sys
from collections import Counter


def main():
    truth_path, pages_path, stat_path = sys.argv[1:4]
    filtered = len(sys.argv) > 4 and sys.argv[4] == 'filtered'
    truth, zone_free, missing = {}, {}, range(0)
    for line in open(truth_path):
        if line.startswith('#filtered-missing') and filtered:
            _, start, count = line.split()
            missing = range(int(start), int(start) + int(count))
            continue
        if line.startswith('#zone'):
            _, node, name, _, nr = line.split()
            zone_free[(int(node), name)] = int(nr)
            continue
        if line.startswith('#'):
            continue
        pfn, cls, order, head, ref, mapc, node, zone = line.split()
        truth[int(pfn)] = (cls, int(order), int(head), int(ref), int(mapc), int(node), int(zone))
    for pfn in missing:
        t = truth[pfn]
        truth[pfn] = ('missing', -1, -1, 0, 0, t[5], t[6])

    bad, seen = [], set()
    for line in open(pages_path):
        p = json.loads(line)
        pfn = p['pfn']
        if pfn in seen:
            bad.append(f'pfn {pfn} listed twice')
        seen.add(pfn)
        if pfn not in truth:
            bad.append(f'pfn {pfn} is not in the fixture')
            continue
        cls, order, head, ref, mapc, node, zone = truth[pfn]
        got = (p['class'], p['order'], p.get('head_pfn', -1) if p['compound'] == 'tail' else -1,
               p['refcount'], p['mapcount'], p['node'], p['zone_index'])
        want = (cls, order, head, ref, mapc, node, zone)
        if cls == 'missing':   # nothing but the class is known of it
            got, want = (p['class'], p['in_dump']), ('missing', False)
        if got != want:
            bad.append(f'pfn {pfn}: got {got}, want {want} (class, order, head, ref, map, node, zone)')
    for pfn in sorted(set(truth) - seen)[:5]:
        bad.append(f'pfn {pfn} missing from the pages output')

    stat = json.load(open(stat_path))
    want_counts = Counter((t[5], t[6], t[0]) for t in truth.values())
    for z in stat['zones']:
        if 'node' not in z:
            bad.append(f'stat has pages outside every zone: {z}')
            continue
        for cls, n in z['classes'].items():
            if n != want_counts.get((z['node'], z['zone_index'], cls), 0):
                bad.append(f"stat {z['node']}:{z['zone']} {cls} = {n}, want "
                           f"{want_counts.get((z['node'], z['zone_index'], cls), 0)}")
        want_free = zone_free.get((z['node'], z['zone']))
        if want_free is None or z['nr_free_pages'] != want_free or z['classes']['free'] != want_free:
            bad.append(f"stat {z['node']}:{z['zone']} nr_free_pages {z['nr_free_pages']} "
                       f"free {z['classes']['free']}, want {want_free}")
    if bad:
        print(f'{len(bad)} mismatches in {len(truth)} pages; first ones:')
        for b in bad[:10]:
            print('  ' + b)
        return 1
    print(f'{len(truth)} pages agree')
    return 0


if __name__ == '__main__':
    sys.exit(main())
