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


def main():
    d = sys.argv[1]
    rc = {c: int(open(os.path.join(d, f'live-{c}.rc')).read()) for c in ('free', 'stat', 'zones')}
    err = {c: open(os.path.join(d, f'live-{c}.err')).read().strip()[-300:] for c in rc}
    say(rc['stat'] == 0, 'live/stat', f'exit {rc["stat"]} {err["stat"]}'.strip())
    say(rc['zones'] == 0, 'live/zones', f'exit {rc["zones"]}')
    say(rc['free'] in (0, 3), 'live/free', f'exit {rc["free"]} (3: lists moved during the walk)')
    if rc['free'] not in (0, 3):
        return 0
    free = json.load(open(os.path.join(d, 'live-free.json')))
    guest = {}
    for line in open(os.path.join(d, 'live-buddyinfo')):
        m = re.match(r'Node (\d+), zone\s+(\S+)\s+(.*)', line)
        if m:
            guest[f'{m.group(1)}:{m.group(2)}'] = [int(x) for x in m.group(3).split()]
    stat = json.load(open(os.path.join(d, 'live-stat.json')))
    size = {f"{z['node']}:{z['zone']}": z['total'] for z in stat['zones'] if 'node' in z}
    for z in free['zones']:
        key = f"{z['node']}:{z['zone']}"
        got = [o['nr_free'] for o in z['orders']]
        want = guest.get(key, [])
        pages = sum(abs(a - b) << i for i, (a, b) in enumerate(zip(got, want)))
        slack = max(1024, size.get(key, 0) // 100)
        say(bool(want) and pages <= slack, f'live/buddyinfo/{key}',
            f'{pages} pages differ (slack {slack}): kpage {got} /proc {want}')
    say(stat['pages_scanned'] > 0 and stat['pages_unreadable'] == 0, 'live/stat-scanned',
        f"{stat['pages_scanned']} pages scanned, {stat['pages_missing']} missing")
    return 0


if __name__ == '__main__':
    sys.exit(main())
