#!/usr/bin/env python3
"""kpage with --vmcoreinfo-only must agree with kpage on DWARF in every
figure VMCOREINFO lets it supply, and must mark the others unknown (null)
rather than guess them or leave them out.

usage: compare_vmci.py DWARF_JSON VMCI_JSON
       compare_vmci.py --pages DWARF_NDJSON VMCI_NDJSON UNKNOWN_CLASSES [DWARF_STAT_JSON]
Every figure of the DWARF run must be in the VMCOREINFO run, as the same
value or as null (OMITTED_WHEN_UNKNOWN names the few it leaves out instead);
the figures VMCOREINFO carries on every kernel (REQUIRED) must have a value;
the figures compared, and those unknown, are counted.
With --pages, both streams must hold the same pfns line by line (and as many
as the DWARF stat's pages_scanned, when given): a truncated stream fails.
Every page's fields are compared; a page whose DWARF class is one VMCOREINFO
cannot recognise must come out as kernel with its page type unknown or none,
and flag names are compared on the flags VMCOREINFO names.
Left out of the comparison, because VMCOREINFO does not carry them: zone and
migratetype names (compared by position instead), every value the
VMCOREINFO run gives as null, the classes it lists in unknown_classes and
"kernel" (which absorbs their pages), pcp_pages, and the types source."""
import json
import re
import sys

BY_POSITION = {'migratetypes', 'pagetypeinfo', 'pageblocks'}
DROP = {'types', 'zone', 'pcp_pages', 'unknown_classes'}
# Left out of the VMCOREINFO run's JSON when it cannot know them (not null):
# the NR_FREE_PAGES per-cpu deltas (the per-cpu pageset layout), the
# watermark boost (zone.watermark_boost) and the pages on the per-cpu lists.
OMITTED_WHEN_UNKNOWN = {'nr_free_pages_pcp_delta', 'boost', 'pcp_pages'}
# What VMCOREINFO carries on every kernel from 5.4 to 7.3 (the real tier's
# four kernels and the fixtures' eras): these must have a value. Paths with
# [] for any index and MT for any migratetype.
REQUIRED = {
    'stat': {'.pages_scanned', '.zones[].nr_free_pages', '.zones[].total',
             '.zones[].classes.free', '.zones[].classes.slab', '.zones[].classes.anon',
             '.zones[].classes.file', '.zones[].classes.hugetlb'},
    'free': {'.zones[].free_pages_walked', '.zones[].orders[].walked',
             '.zones[].orders[].migratetypes.MT'},
    'zones': {'.zones[].spanned', '.zones[].nr_free_pages', '.zones[].buddyinfo[]',
              '.zones[].pagetypeinfo.MT[]'},
}


def kind_of(d):
    if 'pages_scanned' in d:
        return 'stat'
    return 'free' if 'total_issues' in d else 'zones'


def pair(d, v, unknown, path):
    """Yields (path, dwarf value, vmci value) for every leaf of the DWARF
    run; vmci value is null for an unknown figure, KeyError for an absent one."""
    if isinstance(d, dict) and isinstance(v, dict):
        if path.split('.')[-1] in BY_POSITION:
            if len(d) != len(v):
                yield path, d, v
                return
            d, v = list(d.values()), list(v.values())
        else:
            for k, x in d.items():
                if k in DROP or (path.endswith('classes') and (k in unknown or k == 'kernel')):
                    continue
                if k not in v:
                    if k not in OMITTED_WHEN_UNKNOWN:
                        yield f'{path}.{k}', x, KeyError
                    continue
                yield from pair(x, v[k], unknown, f'{path}.{k}')
            for k in v.keys() - d.keys() - DROP:
                yield f'{path}.{k}', KeyError, v[k]
            return
    if isinstance(d, list) and isinstance(v, list):
        if len(d) != len(v):
            yield path, d, v
            return
        for i, (a, b) in enumerate(zip(d, v)):
            yield from pair(a, b, unknown, f'{path}[{i}]')
        return
    yield path, d, v


def shape(path):
    """.zones[1].orders[3].migratetypes[0] -> .zones[].orders[].migratetypes.MT"""
    path = re.sub(r'\[\d+\]', '[]', path)
    return re.sub(r'\.(migratetypes|pagetypeinfo)\[\]', r'.\1.MT', path)


def covers(path, shapes):
    """Whether PATH is one of SHAPES or holds one (a null list or object)."""
    return any(r == path or r.startswith(path + '[') or r.startswith(path + '.') for r in shapes)


def compare_summary(d, v):
    if v.get('types') != 'VMCOREINFO':
        print(f"the VMCOREINFO run says its types came from {v.get('types')!r}")
        return 1
    unknown = set(v.get('unknown_classes', []))
    leaves = list(pair(d, v, unknown, ''))
    absent = [p for p, a, b in leaves if b is KeyError or a is KeyError]
    nulls = [p for p, a, b in leaves if b is None]
    known = [(p, a, b) for p, a, b in leaves if b is not None and p not in absent]
    bad = [(p, a, b) for p, a, b in known if a != b]
    kind = kind_of(d)
    # each instance of a required figure has a value, and each is there
    missing = sorted({p for p in nulls if covers(shape(p), REQUIRED[kind])} |
                     (REQUIRED[kind] - {shape(p) for p, _, _ in known}))
    for p in absent[:5]:
        print(f'{p}: in one run only (a figure VMCOREINFO cannot give must be null)')
    for p, a, b in bad[:10]:
        print(f'{p}: DWARF {a!r}, VMCOREINFO {b!r}')
    for p in missing[:5]:
        print(f'{p}: VMCOREINFO carries it, but the run gives no value')
    if absent or bad or missing:
        print(f'{kind}: {len(bad)} of {len(known)} figures differ, {len(absent)} absent, '
              f'{len(missing)} required figures without a value')
        return 1
    print(f'{kind}: {len(known)} figures identical ({len(REQUIRED[kind])} required kinds '
          f'all there); {len(nulls)} unknown (null) in VMCOREINFO mode; '
          f'unknown classes: {", ".join(sorted(unknown)) or "none"}')
    return 0


SAME = ('pfn', 'in_dump', 'flags', 'node', 'zone_index', 'refcount', 'mapcount', 'order',
        'compound', 'mapping_kind', 'mapping', 'index', 'private', 'hugetlb')


def page_diff(d, v, unknown):
    """The fields of one page that differ (or that the VMCOREINFO run lacks)."""
    diff = [k for k in SAME + ('class', 'page_type', 'flag_names') if k not in v]
    diff += [k for k in SAME if k in v and v[k] is not None and d.get(k) != v[k]]
    if d['class'] in unknown:
        if v.get('class') != 'kernel' or v.get('page_type') not in ('unknown', 'none'):
            diff.append('class')
    elif d['class'] != v.get('class') or (d['page_type'] != v.get('page_type') and
                                          v.get('page_type') != 'unknown'):
        diff.append('class')
    named = {f for f in v.get('flag_names', []) if not f.startswith('unknown:')}
    if not named <= set(d['flag_names']):
        diff.append('flag_names')
    return diff


def compare_pages(dpath, vpath, unknown, stat_path=None):
    bad, n, compared, cut = [], 0, 0, None
    with open(dpath) as df, open(vpath) as vf:
        while True:
            dl, vl = df.readline(), vf.readline()
            if not dl and not vl:
                break
            if not dl.endswith('\n') or not vl.endswith('\n'):
                cut = (f'line {n + 1}: the {"DWARF" if not dl.endswith(chr(10)) else "VMCOREINFO"} '
                       f'stream ends there (truncated)')
                break
            d, v = json.loads(dl), json.loads(vl)
            n += 1
            if d['pfn'] != v.get('pfn'):
                cut = f'line {n}: pfn {d["pfn"]} in the DWARF stream, {v.get("pfn")} in the other'
                break
            compared += sum(1 for k in SAME if v.get(k) is not None)
            diff = page_diff(d, v, unknown)
            if diff:
                bad.append(f"pfn {d['pfn']}: {', '.join(diff)}: DWARF {dl.strip()[:200]} "
                           f"VMCOREINFO {vl.strip()[:200]}")
    want = json.load(open(stat_path))['pages_scanned'] if stat_path else None
    if cut is None and want is not None and n != want:
        cut = f'{n} pages in the streams, the DWARF stat scanned {want} (truncated)'
    for b in bad[:5]:
        print(b)
    if cut:
        print(cut)
    print(f'{n} pages, {compared} fields compared, {len(bad)} pages differ')
    return 1 if bad or cut or n == 0 else 0


def main():
    if sys.argv[1] == '--pages':
        return compare_pages(sys.argv[2], sys.argv[3], set(sys.argv[4].split(',')),
                             sys.argv[5] if len(sys.argv) > 5 else None)
    return compare_summary(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))


if __name__ == '__main__':
    sys.exit(main())
