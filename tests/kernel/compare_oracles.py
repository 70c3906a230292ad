#!/usr/bin/env python3
"""Compares kpage with the oracles on one real dump. Each check prints one
line "ok NAME ..." or "FAIL NAME ..." (run.sh turns them into results).

usage: compare_oracles.py DIR KPAGE_FREE_JSON KPAGE_PAGES_NDJSON KPAGE_ZONES_JSON
DIR holds crash.json, drgn.json (each may hold {"error": ...}) and truth/.
"""
import json
import os
import re
import sys


def say(ok, name, detail=''):
    print(f'{"ok" if ok else "FAIL"} {name} {detail}'.rstrip())


def kpage_lists(free):
    out = {}
    for z in free['zones']:
        for o in z['orders']:
            for mt_index, n in enumerate(o['migratetypes'].values()):
                out[f"{z['node']} {z['zone']} {o['order']} {mt_index}"] = n
    return out


def nonzero(d):
    return {k: v for k, v in d.items() if v}


def diff(a, b):
    keys = sorted(set(a) | set(b))
    return [f'{k}: kpage {a.get(k, 0)} other {b.get(k, 0)}' for k in keys if a.get(k, 0) != b.get(k, 0)][:5]


def census_by_span(pages_path, zones):
    """kpage's census per zone span, in the drgn script's terms."""
    spans = [(z['start_pfn'], z['start_pfn'] + z['spanned'], f"{z['node']} {z['zone']}") for z in zones]
    out = {k: dict(free=0, slab=0, reserved=0, head=0, tail=0, pages=0) for _, _, k in spans}
    for line in open(pages_path):
        p = json.loads(line)
        for lo, hi, k in spans:
            if lo <= p['pfn'] < hi:
                c = out[k]
                c['pages'] += 1
                if p['class'] == 'free':
                    c['free'] += 1
                    break
                c['tail'] += p['compound'] == 'tail'
                c['head'] += p['compound'] == 'head'
                c['slab'] += 'slab' in p['flag_names'] or p['page_type'] == 'slab'
                c['reserved'] += 'reserved' in p['flag_names']
                break
    return out


def parse_proc_buddyinfo(text):
    out = {}
    for line in text.splitlines():
        m = re.match(r'Node (\d+), zone\s+(\S+)\s+(.*)', line)
        if m:
            out[f'{m.group(1)} {m.group(2)}'] = [int(x) for x in m.group(3).split()]
    return out


def parse_zoneinfo(text):
    out, key = {}, None
    for line in text.splitlines():
        m = re.match(r'Node (\d+), zone\s+(\S+)', line)
        if m:
            key = f'{m.group(1)} {m.group(2)}'
            out[key] = {}
            continue
        m = re.match(r'\s+(min|low|high|spanned|present|managed|start_pfn:)\s+(\d+)', line)
        if key and m:
            out[key][m.group(1).rstrip(':')] = int(m.group(2))
    return out


def parse_pagetypeinfo(text):
    """Free blocks per (node, zone, type) and order, and "Number of blocks
    type" per (node, zone, type)."""
    free, blocks, types = {}, {}, None
    for line in text.splitlines():
        m = re.match(r'Node\s+(\d+), zone\s+(\S+), type\s+(\S+)\s+(.*)', line)
        if m:
            free[f'{m[1]} {m[2]} {m[3]}'] = [int(x) for x in m[4].split()]
            continue
        if line.startswith('Number of blocks type'):
            types = line.split()[4:]
            continue
        m = re.match(r'Node (\d+), zone\s+(\S+)\s+(.*)', line)
        if m and types:
            for t, v in zip(types, m[3].split()):
                blocks[f'{m[1]} {m[2]} {t}'] = int(v)
    return free, blocks


def compare_pagetypeinfo(d, zones, serial):
    """Pageblocks per migratetype and free blocks per migratetype and order,
    as /proc/pagetypeinfo printed on the console moments before the stop
    (with buddyinfo): the blocks exactly, the free blocks within buddyinfo's
    slack."""
    if 'KPAGE-PAGETYPEINFO' not in serial:
        say(False, 'pagetypeinfo', 'the guest printed no pagetypeinfo')
        return
    free, blocks = parse_pagetypeinfo(serial.split('KPAGE-PAGETYPEINFO')[-1].split('KPAGE-END')[0])
    for z in zones:
        key, name = f"{z['node']} {z['zone']}", f"{z['node']}:{z['zone']}"
        theirs = {k.split()[2]: v for k, v in blocks.items() if k.startswith(key + ' ')}
        mine = z.get('pageblocks') or {}
        bad = [f'{t}: kpage {mine.get(t)} guest {v}' for t, v in theirs.items() if mine.get(t, 0) != v]
        bad += [f'{t}: kpage {v}, not in the guest' for t, v in mine.items() if t not in theirs and v]
        say(theirs and not bad, f'pagetypeinfo-blocks/{name}',
            '; '.join(bad) or f'{sum(theirs.values())} pageblocks: ' +
            ' '.join(f'{t} {v}' for t, v in theirs.items() if v))
        pages, worst = 0, []
        for t, want in ((k.split()[2], v) for k, v in free.items() if k.startswith(key + ' ')):
            got = (z.get('pagetypeinfo') or {}).get(t, [0] * len(want))
            pages += sum(abs(a - b) << i for i, (a, b) in enumerate(zip(got, want)))
            if got != want:
                worst.append(f'{t} kpage {got} guest {want}')
        say(pages <= 512, f'pagetypeinfo-free/{name}',
            f'{pages} pages differ (slack 512, expected: the guest moved since)' + (': ' + worst[0] if worst else '')
            if pages else 'equal per migratetype and order')


def compare_hugetlb(d):
    """The hugetlb pages of the census: HugePages_Total x pages a huge page."""
    meminfo = dict(re.findall(r'^(\S+):\s+(\d+)', open(os.path.join(d, 'truth', 'meminfo')).read(), re.M))
    want = int(meminfo.get('HugePages_Total', 0)) * int(meminfo.get('Hugepagesize', 0)) // 4
    stat = json.load(open(os.path.join(d, 'kpage.stat.vmcore.elf.json')))
    got = sum(z['classes']['hugetlb'] for z in stat['zones'])
    say(want and got == want, 'hugetlb-pages',
        f'kpage {got}, guest HugePages_Total {meminfo.get("HugePages_Total")} x '
        f'{int(meminfo.get("Hugepagesize", 0)) // 4} = {want}')


def main():
    d, free_path, pages_path, zones_path = sys.argv[1:5]
    free = json.load(open(free_path))
    zones = json.load(open(zones_path))['zones']
    mine = kpage_lists(free)

    crash = json.load(open(os.path.join(d, 'crash.json')))
    if 'error' in crash and not os.environ.get('KP_CRASH_READS'):
        # crash 8.0.2 cannot read this kernel: its words, for the record.
        print('note crash-kmem-f crash cannot read this kernel: ' +
              ' '.join(crash['error'].split())[-300:])
    elif 'error' in crash:
        say(False, 'crash-kmem-f', 'crash failed: ' + crash['error'])
    else:
        bad = diff(nonzero(mine), nonzero(crash['lists']))
        say(not bad, 'crash-kmem-f', f'{len(nonzero(mine))} non-empty lists' if not bad else '; '.join(bad))
        # crash shows the counter (vm_zone_stat), which lags the free
        # lists by the per-cpu deltas not yet folded into it: compare it
        # with the zones' counters kpage read, and the lists with the
        # counters and the deltas.
        stat = json.load(open(os.path.join(d, 'kpage.stat.vmcore.elf.json')))
        counter = sum(z.get('nr_free_pages', 0) for z in stat['zones'])
        delta = sum(z.get('nr_free_pages_pcp_delta', 0) for z in stat['zones'])
        total = sum(z['free_pages_walked'] for z in free['zones'])
        say(counter == crash['nr_free_pages'] and total == counter + delta, 'crash-nr_free_pages',
            f'kpage counters {counter} (+ per-cpu deltas {delta} = {counter + delta}, '
            f'the pages on the lists {total}) crash {crash["nr_free_pages"]}')

    drgn = json.load(open(os.path.join(d, 'drgn.json')))
    if 'error' in drgn:
        say(False, 'drgn-free-lists', 'drgn failed: ' + drgn['error'])
    else:
        # Compare the nodes drgn could read; say which it could not, and why.
        nodes = {k.split()[0] for k in drgn['census']}
        covered = {k: v for k, v in nonzero(mine).items() if k.split()[0] in nodes}
        note = ('; not covered: ' + '; '.join(drgn['uncovered'])) if drgn.get('uncovered') else ''
        bad = diff(covered, nonzero(drgn['lists']))
        say(not bad and covered, 'drgn-free-lists',
            (f'{len(covered)} non-empty lists of nodes {sorted(nodes)}' + note) if not bad else '; '.join(bad))
        census = census_by_span(pages_path, zones)
        census = {k: v for k, v in census.items() if k.split()[0] in nodes}
        bad = [f'{k}: kpage {census.get(k)} drgn {drgn["census"].get(k)}'
               for k in set(census) | set(drgn['census']) if census.get(k) != drgn['census'].get(k)]
        say(not bad and census, 'drgn-census',
            f'zones {sorted(census)}: free slab reserved head tail pages equal' + note if not bad else bad[0])

    # /proc/buddyinfo printed by the guest after its last capture step,
    # moments before the stop: equal but for per-cpu list traffic.
    serial = open(os.path.join(d, 'serial.log'), errors='replace').read()
    guest = parse_proc_buddyinfo(serial.split('KPAGE-SIZES')[-1].split('KPAGE-UNUSABLE')[0])
    worst, zone_drift = 0, {}
    for z in free['zones']:
        key = f"{z['node']} {z['zone']}"
        name = f"{z['node']}:{z['zone']}"
        want = guest.get(key)
        got = [o['nr_free'] for o in z['orders']]
        if want is None:
            say(False, f'buddyinfo/{name}', 'zone missing from the guest buddyinfo')
            continue
        pages = sum(abs(a - b) << i for i, (a, b) in enumerate(zip(got, want)))
        worst = max(worst, pages)
        zone_drift[name] = pages
        # Slack: the pcp lists of a CPU (pcp->high, a few hundred pages at
        # most in these guests) may have been drained or refilled.
        say(pages <= 512, f'buddyinfo/{name}', f'{pages} pages differ (slack 512): kpage {got} guest {want}')

    # The kernel's own fragmentation indices, printed with that buddyinfo.
    for marker, key in (('KPAGE-UNUSABLE', 'unusable_index'), ('KPAGE-EXTFRAG', 'extfrag_index')):
        part = serial.split(marker)[-1].split('KPAGE-')[0] if marker in serial else ''
        theirs = {}
        for line in part.splitlines():
            m = re.match(r'Node (\d+), zone\s+(\S+)\s+(.*)', line)
            if m:
                theirs[f'{m.group(1)}:{m.group(2)}'] = [round(float(x) * 1000) for x in m.group(3).split()]
        if not theirs:
            say(False, key, f'the guest printed no {key}')
            continue
        for z in zones:
            name = f"{z['node']}:{z['zone']}"
            # Exact when the zone's buddyinfo matched exactly; else the
            # per-cpu traffic that moved it may move an index by a little.
            tol = 0 if zone_drift.get(name, 0) == 0 else 10
            mine, kern = [round(x * 1000) for x in z[key]], theirs.get(name)
            ok = kern is not None and len(mine) == len(kern) and \
                all(abs(a - b) <= tol for a, b in zip(mine, kern))
            say(ok, f'{key}/{name}', f'kpage {mine} kernel {kern}' +
                (f' (buddyinfo moved {zone_drift[name]} pages: tolerance {tol}/1000)' if tol else ' (exact)'))

    compare_pagetypeinfo(d, zones, serial)
    compare_hugetlb(d)
    info = parse_zoneinfo(open(os.path.join(d, 'truth', 'zoneinfo')).read())
    for z in zones:
        key = f"{z['node']} {z['zone']}"
        want = info.get(key, {})
        name = f"{z['node']}:{z['zone']}"
        got = dict(min=z['watermarks']['min'], low=z['watermarks']['low'], high=z['watermarks']['high'],
                   spanned=z['spanned'], present=z['present'], managed=z['managed'],
                   start_pfn=z['start_pfn'])
        bad = [f'{k} {got[k]} != {want.get(k)}' for k in got if want.get(k) != got[k]]
        say(not bad, f'zoneinfo/{name}', ', '.join(bad) or 'spans, managed, watermarks equal')
    return 0


if __name__ == '__main__':
    sys.exit(main())
