#!/usr/bin/env python3
"""alloc-check's fast-path verdicts against the kernel's own rule, computed
here from `kpage --json zones` (free pages, low watermark, lowmem_reserve,
buddyinfo, pagetypeinfo) for the era RULE:
  loop     2.6.x - 4.3: free - (2^order - 1) above low + lowmem_reserve, then
           each lower order's free pages taken off and min halved per order
  block    4.4+: the same first test, then one free block of order >= ORDER
           on a list of Unmovable, Movable or Reclaimable
usage: alloc_rule.py RULE ORDER ZONES_JSON ALLOC_JSON"""
import json
import sys


def fast_ok(rule, order, z, highest):
    low = z['watermarks']['low'] + z['watermarks'].get('boost', 0)
    reserve = z['lowmem_reserve'][highest] if highest < len(z['lowmem_reserve']) else 0
    free = z['nr_free_pages'] - ((1 << order) - 1)
    if free <= low + reserve:
        return False
    if rule == 'loop':
        for o in range(order):
            free -= z['buddyinfo'][o] << o
            low >>= 1
            if free <= low:
                return False
        return True
    if order == 0:
        return True
    pcp = [v for k, v in z['pagetypeinfo'].items() if k in ('Unmovable', 'Movable', 'Reclaimable')]
    return any(lists[o] for lists in pcp for o in range(order, len(lists)))


def main():
    rule, order = sys.argv[1], int(sys.argv[2])
    zones = {(z['node'], z['zone']): z for z in json.load(open(sys.argv[3]))['zones']}
    ac = json.load(open(sys.argv[4]))
    bad, differs = [], 0
    for r in ac['zones']:
        if not r['eligible']:
            continue
        z = zones[(r['node'], r['zone'])]
        want = fast_ok(rule, order, z, ac['highest_zone_index'])
        other = fast_ok('block' if rule == 'loop' else 'loop', order, z, ac['highest_zone_index'])
        differs += want != other
        if r['fast_path_ok'] != want:
            bad.append(f"{r['node']}:{r['zone']} fast_path_ok {r['fast_path_ok']}, the {rule} rule says {want}")
    if bad:
        sys.exit('; '.join(bad))
    print(f"{len(ac['zones'])} zones agree with the {rule} rule ({differs} where the other rule differs)")


main()
