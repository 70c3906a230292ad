#!/usr/bin/env python3
"""Checks `kpage --json layout --facts` against the types themselves.

usage: facts_compare.py dwarf FACTS LAYOUTS NAME=WANT...
    FACTS: layout --facts of a vmlinux; LAYOUTS: `layout TYPE` (JSON) of each
    struct FACTS names, concatenated. Every member found must have the offset
    and size of the first row of that name in its struct's layout (which
    layout.sh holds to pahole); every fact absent must have no such row of
    any of its candidates; each NAME=WANT ("struct page.refcount=_count",
    WANT "absent" for none) must hold: NAME is the struct and the fact's
    first candidate.
usage: facts_compare.py vmci FACTS_VMCI FACTS_DWARF LAYOUTS
    FACTS_VMCI: layout --facts with --vmcoreinfo-only on the dump of the
    vmlinux FACTS_DWARF and LAYOUTS are of. A member is found there exactly
    when VMCOREINFO exports it (the keys below), with the DWARF's offset and
    size.
"""
import json
import sys

# The OFFSET(type.member) lines kpage reads (kernel/vmcore_info.c), by struct.
EXPORTED = {
    'struct page': {'flags', '_refcount', '_count', 'mapping', 'lru', '_mapcount', 'private',
                    'compound_dtor', 'compound_order', 'compound_head', 'compound_info'},
    'struct pglist_data': {'node_zones', 'nr_zones', 'node_mem_map', 'node_start_pfn',
                           'node_spanned_pages', 'node_id'},
    'struct zone': {'free_area', 'vm_stat', 'spanned_pages'},
    'struct free_area': {'free_list'},
    'struct list_head': {'next', 'prev'},
    'struct mem_section': {'section_mem_map'},
}


def ndjson(path):
    return [json.loads(line) for line in open(path) if line.strip()]


def key(fact):
    return f"{fact['struct']}.{fact['candidates'][0]}"


def check_dwarf(facts, layouts, wants):
    bad = []
    first = {}
    for row in layouts:
        first.setdefault((row['type_name'], row['member']), row)
    for f in facts:
        if f['member'] is None:
            hit = [c for c in f['candidates'] if (f['struct'], c) in first]
            if hit:
                bad.append(f'{key(f)}: absent, but layout {f["struct"]} has {hit[0]}')
            continue
        if f['member'] not in f['candidates']:
            bad.append(f"{key(f)}: found {f['member']}, not one of its candidates")
        row = first.get((f['struct'], f['member']))
        if row is None:
            bad.append(f"{key(f)}: found {f['member']}, which layout {f['struct']} lacks")
        elif (row['offset'], row['size']) != (f['offset'], f['size']):
            bad.append(f"{key(f)}: {f['member']} at {f['offset']} size {f['size']}, layout says "
                       f"{row['offset']} size {row['size']}")
        # the first candidate the types have wins
        for c in f['candidates'][:f['candidates'].index(f['member'])]:
            if (f['struct'], c) in first:
                bad.append(f"{key(f)}: found {f['member']}, but the earlier {c} is there")
    by_key = {key(f): f for f in facts}
    for w in wants:
        name, _, want = w.rpartition('=')
        f = by_key.get(name)
        got = 'absent' if f is None or f['member'] is None else f['member']
        if f is None or got != want:
            bad.append(f'{name}: {got}, wanted {want}')
    return bad


def check_vmci(vmci, dwarf, layouts):
    """From VMCOREINFO a fact finds the first of its candidates that the
    DWARF has and VMCOREINFO exports (buddy_list|lru: lru), at the DWARF's
    offset; an array whose LENGTH() VMCOREINFO lacks has no size there."""
    bad = []
    if len(vmci) != len(dwarf):
        return [f'{len(vmci)} facts from VMCOREINFO, {len(dwarf)} from the DWARF']
    first = {}
    for row in layouts:
        first.setdefault((row['type_name'], row['member']), row)
    found = 0
    for v, d in zip(vmci, dwarf):
        if v['source'] != 'VMCOREINFO':
            bad.append(f"{key(v)}: source {v['source']}")
        want = next((c for c in d['candidates'] if (d['struct'], c) in first and
                     c in EXPORTED.get(d['struct'], ())), None)
        if v['member'] is None:
            if want:
                bad.append(f"{key(v)}: absent, but VMCOREINFO exports {want}")
            continue
        found += 1
        row = first.get((v['struct'], v['member']))
        if v['member'] != want:
            bad.append(f"{key(v)}: {v['member']} found, wanted {want or 'absent'}: "
                       "VMCOREINFO does not export it")
        elif v['offset'] != row['offset'] or (v['size'] != row['size'] and
                                              (v['size'], v['count']) != (0, 0)):
            bad.append(f"{key(v)}: {v['member']} at {v['offset']} size {v['size']}, the DWARF "
                       f"says {row['offset']} size {row['size']}")
    if found < 15:
        bad.append(f'only {found} members found from VMCOREINFO')
    return bad


def main():
    mode = sys.argv[1]
    if mode == 'dwarf':
        facts = ndjson(sys.argv[2])
        bad = check_dwarf(facts, ndjson(sys.argv[3]), sys.argv[4:])
        n = len(facts)
    else:
        vmci = ndjson(sys.argv[2])
        bad = check_vmci(vmci, ndjson(sys.argv[3]), ndjson(sys.argv[4]))
        n = len(vmci)
    for b in bad:
        print(b)
    print(f'{n} facts, {len(bad)} wrong')
    return 1 if bad or not n else 0


if __name__ == '__main__':
    sys.exit(main())
