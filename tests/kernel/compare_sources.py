#!/usr/bin/env python3
"""kpage's answers with types from DWARF and from BTF must be identical but
for the types source itself.

usage: compare_sources.py [--no-symbols] DWARF_JSON BTF_JSON
--no-symbols: the BTF run had no symbol table and no kallsyms (a raw BTF
file on a kernel whose VMCOREINFO names no kallsyms tables, before 6.1):
then pcp_pages and nr_free_pages_pcp_delta (per-cpu reads need
__per_cpu_offset and nr_cpu_ids) are left out, and migratetype names are
compared without case (from enum migratetype, "Highatomic", instead of the
kernel's migratetype_names[], "HighAtomic")."""
import json
import sys

NO_SYMBOLS = ('pcp_pages', 'nr_free_pages_pcp_delta')


def normalize(v, no_symbols):
    if isinstance(v, dict):
        return {(k.lower() if no_symbols else k): normalize(x, no_symbols) for k, x in v.items()
                if k != 'types' and not (no_symbols and k in NO_SYMBOLS)}
    if isinstance(v, list):
        return [normalize(x, no_symbols) for x in v]
    return v


def main():
    args = sys.argv[1:]
    no_symbols = '--no-symbols' in args
    args = [a for a in args if a != '--no-symbols']
    a = normalize(json.load(open(args[0])), no_symbols)
    b = normalize(json.load(open(args[1])), no_symbols)
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
