#!/usr/bin/env python3
"""kpage run inside the guest on its own /proc/kcore (the live variant),
compared with /proc/buddyinfo read right after the walk.

usage: compare_live.py TRUTH_DIR       prints "ok NAME ..." / "FAIL NAME ..."
A live system moves pages while kpage walks: free may exit 3 (lists that
changed under it); per zone, the free pages per order may differ from the
buddyinfo read a moment later by the traffic of that moment: kpage's own
exit, page cache readahead of the vmlinux, the cat. The slack is 1% of the
zone's pages, at least 1024."""
import json
import os
import re
import sys


def say(ok, name, detail=''):
    print(f'{"ok" if ok else "FAIL"} {name} {detail}'.rstrip())


def compare_free(d, prefix, stat):
    """free against the buddyinfo read right after it. With types from
    VMCOREINFO the zones have no names: the i-th zone of a node is the
    i-th line of that node in /proc/buddyinfo (both list the populated
    zones in index order)."""
    free = json.load(open(os.path.join(d, f'{prefix}-free.json')))
    guest, by_pos = {}, {}
    for line in open(os.path.join(d, f'{prefix}-buddyinfo')):
        m = re.match(r'Node (\d+), zone\s+(\S+)\s+(.*)', line)
        if m:
            counts = [int(x) for x in m.group(3).split()]
            guest[f'{m.group(1)}:{m.group(2)}'] = counts
            by_pos.setdefault(int(m.group(1)), []).append((m.group(2), counts))
    size = {f"{z['node']}:{z['zone']}": z['total'] for z in stat['zones'] if 'node' in z}
    seen = {}
    for z in free['zones']:
        key = f"{z['node']}:{z['zone']}"
        want = guest.get(key, [])
        if free.get('types') == 'VMCOREINFO':
            i = seen.get(z['node'], 0)
            seen[z['node']] = i + 1
            name, want = by_pos.get(z['node'], [])[i] if i < len(by_pos.get(z['node'], [])) else ('?', [])
            key = f"{z['node']}:{z['zone']}={name}"
        got = [o['nr_free'] if o['nr_free'] is not None else o['walked'] for o in z['orders']]
        pages = sum(abs(a - b) << i for i, (a, b) in enumerate(zip(got, want)))
        slack = max(1024, size.get(f"{z['node']}:{z['zone']}", 0) // 100)
        say(bool(want) and pages <= slack, f'{prefix}/buddyinfo/{key}',
            f'{pages} pages differ (slack {slack}): kpage {got} /proc {want}')


def main():
    d = sys.argv[1]
    rc = {c: int(open(os.path.join(d, f'live-{c}.rc')).read()) for c in ('free', 'stat', 'zones')}
    err = {c: open(os.path.join(d, f'live-{c}.err')).read().strip()[-300:] for c in rc}
    say(rc['stat'] == 0, 'live/stat', f'exit {rc["stat"]} {err["stat"]}'.strip())
    say(rc['zones'] == 0, 'live/zones', f'exit {rc["zones"]}')
    say(rc['free'] in (0, 3), 'live/free', f'exit {rc["free"]} (3: lists moved during the walk)')
    if rc['free'] not in (0, 3):
        return 0
    stat = json.load(open(os.path.join(d, 'live-stat.json')))
    compare_free(d, 'live', stat)
    say(stat['pages_scanned'] > 0 and stat['pages_unreadable'] == 0, 'live/stat-scanned',
        f"{stat['pages_scanned']} pages scanned, {stat['pages_missing']} missing")
    # The same with no debuginfo: the kernel's own BTF, then VMCOREINFO alone.
    for prefix, source in (('live-btf', 'BTF'), ('live-vmci', 'VMCOREINFO')):
        rcs = {c: int(open(os.path.join(d, f'{prefix}-{c}.rc')).read()) for c in ('stat', 'free')}
        errs = {c: open(os.path.join(d, f'{prefix}-{c}.err')).read().strip()[-300:] for c in rcs}
        say(rcs['stat'] == 0, f'{prefix}/stat', f'exit {rcs["stat"]} {errs["stat"]}'.strip())
        say(rcs['free'] in (0, 3), f'{prefix}/free', f'exit {rcs["free"]} {errs["free"]}'.strip())
        if rcs['stat'] != 0 or rcs['free'] not in (0, 3):
            continue
        s2 = json.load(open(os.path.join(d, f'{prefix}-stat.json')))
        say(s2.get('types') == source and s2['pages_scanned'] == stat['pages_scanned'],
            f'{prefix}/stat-scanned', f"types {s2.get('types')}, {s2['pages_scanned']} pages "
            f"scanned (DWARF run: {stat['pages_scanned']})")
        compare_free(d, prefix, s2)
    return 0


if __name__ == '__main__':
    sys.exit(main())
