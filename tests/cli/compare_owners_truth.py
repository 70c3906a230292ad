#!/usr/bin/env python3
"""Compares kpage's owners of a fixture with the generator's owner truth.

usage: compare_owners_truth.py OWNERS_NDJSON DIR
DIR holds kpage's answers (tests/cli/owners.sh): top-slab.json,
top-file.json, top-memcg.json (`kpage --json top KIND --limit 0`, NDJSON),
top-all.json (`kpage --json top --limit 0`: the three kinds in one scan),
top-memcg.rc (its exit status) and page-PFN.json (`kpage --json page PFN`)
for every pfn the truth samples.

Each truth row (tests/fixtures/fx_owners.h) must appear once in kpage's rows
of its kind, found by name (slab rows named "?", a cache that cannot be
read, by their cache, mapping or memcg address), with every field the truth has equal; a
truth "unknown" (why an owner could not be read) is a keyword that kpage's
"unknown" must contain. kpage may show
more fields, not more owners: a slab or file row the truth lacks fails, as
does a memcg row that names a memcg (rows of uncharged pages, memcg null or
0x0, are allowed). An era without memcg in struct page must say so: top
memcg shows no memcg row (none at all, or each with an "unknown" reason;
owners.sh checks the text's line saying so)."""
import json
import os
import sys


def rows(path, kind):
    out = []
    if not os.path.exists(path):
        return out
    for line in open(path):
        line = line.strip()
        if not line.startswith('{'):
            continue
        r = json.loads(line)
        # a summary object may carry the rows in a list
        for k in ('owners', 'rows', kind + 's'):
            if isinstance(r.get(k), list):
                out.extend(r[k])
                break
        else:
            if r.get('kind', kind) == kind:
                out.append(r)
    return out


def subset(want, got, where, bad):
    """Every field of WANT equals GOT's; 'unknown' is a keyword."""
    if not isinstance(got, dict):
        bad.append(f'{where}: not an object: {got!r}')
        return
    for k, v in want.items():
        if k == 'unknown':
            r = json.dumps(got.get('unknown', ''))
            if v not in r:
                bad.append(f'{where}: unknown {r} lacks "{v}"')
        elif isinstance(v, dict):
            subset(v, got.get(k), f'{where}.{k}', bad)
        elif got.get(k, '<absent>') != v:
            bad.append(f'{where}: {k} is {got.get(k, "<absent>")!r}, truth {v!r}')


def main():
    truth_path, d = sys.argv[1:3]
    truth = [json.loads(line) for line in open(truth_path) if line.strip()]
    era = truth[0]
    bad = []
    for kind, f in [(k, f) for k in ('slab', 'file', 'memcg') for f in (k, 'all')]:
        want = [t for t in truth if t['kind'] == kind]
        got = rows(os.path.join(d, f'top-{f}.json'), kind)
        if f == 'all' and not era['memcg'] and kind == 'memcg':
            continue
        if kind == 'memcg' and not era['memcg']:
            named = [g for g in got if g.get('memcg') not in (None, '0x0')]
            rc = open(os.path.join(d, 'top-memcg.rc')).read().strip() if os.path.exists(
                os.path.join(d, 'top-memcg.rc')) else '0'
            err = open(os.path.join(d, 'top-memcg.err')).read() if os.path.exists(
                os.path.join(d, 'top-memcg.err')) else ''
            if named:
                bad.append(f'memcg: this era has no memcg in struct page, kpage shows {named[:2]}')
            said = not got or rc != '0' or 'memcg' in err or 'mem_cgroup' in err or all(
                g.get('unknown') for g in got)
            if not said:
                bad.append('memcg: this era has no memcg; kpage neither says so nor fails')
            continue
        used = set()
        for t in want:
            key = {'slab': 'cache', 'file': 'mapping', 'memcg': 'memcg'}[kind] if t['name'] == '?' else 'name'
            match = [i for i, g in enumerate(got) if g.get(key) == t[key] and i not in used]
            if len(match) != 1:
                bad.append(f'top {f}: {kind} {t[key]}: {len(match)} rows, wanted 1')
                continue
            used.add(match[0])
            subset(t, got[match[0]], f'top {f}: {kind} {t[key]}', bad)
        for i, g in enumerate(got):
            if i in used or not g.get('pages'):
                continue
            if kind == 'memcg' and g.get('memcg') in (None, '0x0'):
                continue
            bad.append(f'top {f}: {kind}: a row the truth lacks: {json.dumps(g)[:200]}')
    for t in truth:
        if t['kind'] != 'page':
            continue
        p = os.path.join(d, f'page-{t["pfn"]}.json')
        try:
            got = json.load(open(p))
        except (OSError, ValueError) as e:
            bad.append(f'page {t["pfn"]}: {e}')
            continue
        want = {k: v for k, v in t.items() if k not in ('kind', 'pfn')}
        subset(want, got, f'page {t["pfn"]}', bad)
    for b in bad[:20]:
        print(b)
    if len(bad) > 20:
        print(f'... {len(bad) - 20} more')
    sys.exit(1 if bad else 0)


if __name__ == '__main__':
    main()
