#!/usr/bin/env python3
"""kpage with --vmcoreinfo-only must agree with kpage on DWARF in every
figure VMCOREINFO lets it supply, and must mark the others unknown (null)
rather than guess them.

usage: compare_vmci.py DWARF_JSON VMCI_JSON
       compare_vmci.py --pages DWARF_NDJSON VMCI_NDJSON UNKNOWN_CLASSES
With --pages, every page's fields are compared; a page whose DWARF class is
one VMCOREINFO cannot recognise must come out as kernel with its page type
unknown or none, and flag names are compared on the flags VMCOREINFO names.
Left out of the comparison, because VMCOREINFO does not carry them: zone and
migratetype names (compared by position instead), every value the
VMCOREINFO run gives as null, the classes it lists in unknown_classes and
"kernel" (which absorbs their pages), pcp_pages, and the types source."""
import json
import sys

BY_POSITION = {'migratetypes', 'pagetypeinfo', 'pageblocks'}
DROP = {'types', 'zone', 'pcp_pages', 'unknown_classes'}


def pair(d, v, unknown, path):
    """Yields (path, dwarf value, vmci value) for every leaf both supply."""
    if v is None:
        return
    if isinstance(v, dict):
        if not isinstance(d, dict):
            yield path, d, v
            return
        if path.split('.')[-1] in BY_POSITION:
            d, v = list(d.values()), list(v.values())
        else:
            for k, x in v.items():
                if k in DROP or (path.endswith('classes') and (k in unknown or k == 'kernel')):
                    continue
                yield from pair(d.get(k), x, unknown, f'{path}.{k}')
            return
    if isinstance(v, list):
        if not isinstance(d, list) or len(d) != len(v):
            yield path, d, v
            return
        for i, (a, b) in enumerate(zip(d, v)):
            yield from pair(a, b, unknown, f'{path}[{i}]')
        return
    yield path, d, v


def compare_pages(dpath, vpath, unknown):
    # the zone by its index: pages names it too ("zone": "DMA32"), a name
    # VMCOREINFO does not carry (its run says "zone1")
    same = ('pfn', 'in_dump', 'flags', 'node', 'zone_index', 'refcount', 'mapcount', 'order',
            'compound', 'mapping_kind', 'mapping', 'index', 'private', 'hugetlb')
    bad, n = [], 0
    with open(dpath) as df, open(vpath) as vf:
        for dl, vl in zip(df, vf):
            d, v = json.loads(dl), json.loads(vl)
            n += 1
            diff = [k for k in same if v.get(k) is not None and d.get(k) != v.get(k)]
            if d['class'] in unknown:
                if v['class'] != 'kernel' or v['page_type'] not in ('unknown', 'none'):
                    diff.append('class')
            elif d['class'] != v['class'] or (d['page_type'] != v['page_type'] and
                                              v['page_type'] != 'unknown'):
                diff.append('class')
            named = {f for f in v['flag_names'] if not f.startswith('unknown:')}
            if not named <= set(d['flag_names']):
                diff.append('flag_names')
            if diff:
                bad.append(f"pfn {d['pfn']}: {', '.join(diff)}: DWARF {dl.strip()[:200]} "
                           f"VMCOREINFO {vl.strip()[:200]}")
    for b in bad[:5]:
        print(b)
    print(f'{n} pages, {len(bad)} differ')
    return 1 if bad or n == 0 else 0


def main():
    if sys.argv[1] == '--pages':
        return compare_pages(sys.argv[2], sys.argv[3], set(sys.argv[4].split(',')))
    d = json.load(open(sys.argv[1]))
    v = json.load(open(sys.argv[2]))
    if v.get('types') != 'VMCOREINFO':
        print(f"the VMCOREINFO run says its types came from {v.get('types')!r}")
        return 1
    unknown = set(v.get('unknown_classes', []))
    leaves = list(pair(d, v, unknown, ''))
    bad = [(p, a, b) for p, a, b in leaves if a != b]
    for p, a, b in bad[:10]:
        print(f'{p}: DWARF {a!r}, VMCOREINFO {b!r}')
    if bad:
        print(f'{len(bad)} of {len(leaves)} figures differ')
        return 1
    nulls = json.dumps(v).count('null')
    print(f'{len(leaves)} figures identical; {nulls} unknown in VMCOREINFO mode; '
          f'unknown classes: {", ".join(sorted(unknown)) or "none"}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
