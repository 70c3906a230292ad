#!/usr/bin/env python3
"""crash's view of the buddy free lists, normalized.

usage: oracle_crash.py VMLINUX VMCORE OUT_JSON
Runs `crash -s VMLINUX VMCORE` with `kmem -f` and writes
{"lists": {"NODE ZONE ORDER MT": blocks}, "zone_free": {"NODE ZONE": pages},
 "nr_free_pages": N} where MT is the position of the list within its order
(crash prints the MIGRATE_TYPES lists of each order in order). On failure,
writes {"error": "..."} with crash's own words and exits 2."""
import json
import re
import subprocess
import sys


def main():
    vmlinux, core, out = sys.argv[1:4]
    try:
        r = subprocess.run(['crash', '-s', vmlinux, core], input='kmem -f\nquit\n',
                           capture_output=True, text=True, timeout=300)
        text = r.stdout
    except (OSError, subprocess.TimeoutExpired) as e:
        json.dump({'error': f'crash did not run: {e}'}, open(out, 'w'))
        return 2
    lists, zone_free, node, zone, last_order, mt = {}, {}, 0, None, None, 0
    nr_free = None
    for line in text.splitlines():
        m = re.match(r'^NODE\s*$', line)
        if re.match(r'^\s*NODE\s*$', line):
            node = None
            continue
        if node is None and re.match(r'^\s+(\d+)\s*$', line):
            node = int(line.split()[0])
            continue
        m = re.match(r'^\s+(\d+)\s+(\S+)\s+(\d+)\s+(\d+)\s', line)
        if m and 'k ' not in line.split(None, 2)[1] + ' ':
            zone = m.group(2)
            zone_free[f'{node or 0} {zone}'] = int(m.group(4))
            last_order = None
            continue
        m = re.match(r'^\s+(\d+)\s+\d+k\s+[0-9a-f]+\s+(\d+)\s+(\d+)\s*$', line)
        if m and zone is not None:
            order = int(m.group(1))
            mt = mt + 1 if order == last_order else 0
            last_order = order
            lists[f'{node or 0} {zone} {order} {mt}'] = int(m.group(2))
            continue
        m = re.match(r'^nr_free_pages:\s+(\d+)', line)
        if m:
            nr_free = int(m.group(1))
    if not lists:
        said = ' '.join((r.stderr + text).split())[-300:] or 'nothing'
        json.dump({'error': f'crash exited {r.returncode} with no free lists; it said: {said}'},
                  open(out, 'w'))
        return 2
    json.dump({'lists': lists, 'zone_free': zone_free, 'nr_free_pages': nr_free}, open(out, 'w'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
