#!/usr/bin/env python3
"""kpage's answers with types from DWARF and from BTF (no vmlinux: symbols
from VMCOREINFO) must be identical in everything both can supply.

usage: compare_sources.py DWARF_JSON BTF_JSON
What BTF mode cannot supply, and is left out of the comparison: pcp_pages and
nr_free_pages_pcp_delta (per-cpu reads need __per_cpu_offset and nr_cpu_ids,
which only a symbol table has), and
the types source itself, and the spelling of migratetype names (from enum migratetype instead of the
kernel's migratetype_names[], so "Highatomic" for "HighAtomic")."""
import json
import sys


def normalize(v):
    if isinstance(v, dict):
        return {k.lower(): normalize(x) for k, x in v.items() if k not in ('pcp_pages', 'nr_free_pages_pcp_delta', 'types')}
    if isinstance(v, list):
        return [normalize(x) for x in v]
    return v


def main():
    a = normalize(json.load(open(sys.argv[1])))
    b = normalize(json.load(open(sys.argv[2])))
    if a != b:
        sa, sb = json.dumps(a, sort_keys=True), json.dumps(b, sort_keys=True)
        i = next((i for i, (x, y) in enumerate(zip(sa, sb)) if x != y), min(len(sa), len(sb)))
        print(f'differ at {i}: DWARF ...{sa[max(0, i - 80):i + 80]}...')
        print(f'                BTF ...{sb[max(0, i - 80):i + 80]}...')
        return 1
    print('identical')
    return 0


if __name__ == '__main__':
    sys.exit(main())
