#!/usr/bin/env python3
"""Compares kpage's decoding of every pfn with the guest's own /proc/kpageflags
and /proc/kpagecount, read just before the dump.

usage: compare_kpageflags.py KPAGEFLAGS KPAGECOUNT PAGES_NDJSON [--strict CLASSES] [--stat STAT_JSON]

Prints a line per class: pfns compared, mismatches, and the first few. The
classes named with --strict (comma-separated) must have no mismatch; the others
may differ by what the guest did between its capture and the dump (writing the
capture to disk allocates page cache, buffers and slab), and their counts are
reported for the record, each within its bound (BOUND). Exit 1 on a strict
mismatch, on a class above its bound, or on a truncated stream: every pfn the
kernel has a struct page for (not KPF_NOPAGE) must be in kpage's stream unless
it is a reserved page outside every zone (the last 39 pfns of these guests:
KPF_RESERVED alone), a cut last line fails, and with --stat the stream must
hold the stat's pages_scanned pages."""
import json
import struct
import sys

# include/uapi/linux/kernel-page-flags.h and include/linux/kernel-page-flags.h
KPF = dict(LOCKED=0, ERROR=1, REFERENCED=2, UPTODATE=3, DIRTY=4, LRU=5, ACTIVE=6, SLAB=7,
           WRITEBACK=8, RECLAIM=9, BUDDY=10, MMAP=11, ANON=12, SWAPCACHE=13, SWAPBACKED=14,
           COMPOUND_HEAD=15, COMPOUND_TAIL=16, HUGE=17, UNEVICTABLE=18, HWPOISON=19,
           NOPAGE=20, KSM=21, THP=22, OFFLINE=23, ZERO_PAGE=24, IDLE=25, PGTABLE=26,
           RESERVED=32)


def bit(v, name):
    return bool(v >> KPF[name] & 1)


def load_u64s(path):
    data = open(path, 'rb').read()
    return struct.unpack(f'<{len(data) // 8}Q', data[:len(data) // 8 * 8])


def kpage_view(p, head=None, folio_flags=False):
    """What /proc/kpageflags would say of the page kpage decoded; HEAD is the
    decoded head page for a tail (PageAnon() and PageHuge() look there; with
    FOLIO_FLAGS, the kernel reports a tail with its folio's flags)."""
    names = set((head if folio_flags and head else p)['flag_names'])
    mapping = (head or p)['mapping_kind']
    cls = p['class']
    tail = p['compound'] == 'tail'
    head = p['compound'] == 'head'
    huge = p['hugetlb'] or cls == 'hugetlb'
    return {
        'buddy': cls == 'free',
        'slab': cls == 'slab',
        'anon': cls in ('anon', 'ksm') or (huge and mapping in ('anon', 'ksm')),
        'huge': huge,
        'thp': (head or tail) and not huge and cls in ('anon', 'file'),
        'compound_head': head,
        'compound_tail': tail,
        'lru': 'lru' in names,
        'reserved': 'reserved' in names,
        'pgtable': p['page_type'] == 'table',
        'offline': p['page_type'] == 'offline',
        'mmap': p['mapcount'] > 0 and not (head or tail),
    }


def truth_view(flags, count):
    # 6.12's stable_page_flags() tests PageAnon() on a slab's folio, whose
    # mapping word holds slab fields: KPF_ANON (and KPF_KSM) on slab pages
    # is that, not an anonymous page.
    return {
        'buddy': bit(flags, 'BUDDY'), 'slab': bit(flags, 'SLAB'),
        'anon': bit(flags, 'ANON') and not bit(flags, 'SLAB'),
        'huge': bit(flags, 'HUGE'), 'thp': bit(flags, 'THP'),
        'compound_head': bit(flags, 'COMPOUND_HEAD'), 'compound_tail': bit(flags, 'COMPOUND_TAIL'),
        'lru': bit(flags, 'LRU'), 'reserved': bit(flags, 'RESERVED'),
        'pgtable': bit(flags, 'PGTABLE'), 'offline': bit(flags, 'OFFLINE'),
        'mmap': bit(flags, 'MMAP') and not (bit(flags, 'COMPOUND_HEAD') or bit(flags, 'COMPOUND_TAIL')),
    }


# Classes that change between the guest's capture of /proc/kpageflags and
# the dump (the capture's own dd, wc and sync processes, per-cpu list
# traffic) are bounded: about three times the most measured on the four
# kernels and the two-node guest on 2026-12-01 (NOTES.md). Beside each:
# the most measured then, and on the dumps of 2026-12-02 (5.10, 6.1 1g and
# numa2, 6.12, 7.3 1g).
BOUND = {
    'buddy': 4096,          # 1449 (6.1 numa2); 341 (5.10)
    'slab': 256,            # 43; 34 (7.3)
    'anon': 512,            # 150; 147 (6.1)
    'lru': 1024,            # 329; 314 (6.1 numa2)
    'pgtable': 128,         # 21; 16 (7.3)
    'mmap': 512,            # 156; 147 (6.1)
    'compound_head': 32,    # 2; 2 (6.1 numa2)
    'compound_tail': 256,   # 8; 2 (6.1 numa2)
}   # huge, thp, reserved, offline: 0 (strict in run.sh)


def main():
    args = sys.argv[1:]
    strict, stat = set(), None
    if '--strict' in args:
        i = args.index('--strict')
        strict = set(args[i + 1].split(','))
        del args[i:i + 2]
    if '--stat' in args:
        i = args.index('--stat')
        stat = json.load(open(args[i + 1]))
        del args[i:i + 2]
    flags, counts = load_u64s(args[0]), load_u64s(args[1])
    # PG_lru is only ever set on a head: a tail with KPF_LRU means this
    # kernel's /proc/kpageflags reports tails with their folio's flags (6.12).
    folio_flags = any(bit(f, 'COMPOUND_TAIL') and bit(f, 'LRU') for f in flags)
    if folio_flags:
        print('this kernel reports compound tails with their folio\'s flags')
    mismatch, compared, lines, cut = {}, 0, 0, None
    heads, listed = {}, set()
    for line in open(args[2]):
        if not line.endswith('\n'):
            cut = f'line {lines + 1} of the pages stream is cut'
            break
        p = json.loads(line)
        lines += 1
        pfn = p['pfn']
        listed.add(pfn)
        if p['compound'] == 'head':
            heads[pfn] = p
        if pfn >= len(flags) or bit(flags[pfn], 'NOPAGE') or not p['in_dump']:
            continue
        head = heads.get(p.get('head_pfn')) if p['compound'] == 'tail' else None
        mine, theirs = kpage_view(p, head, folio_flags), truth_view(flags[pfn], counts[pfn])
        compared += 1
        for k in mine:
            if mine[k] != theirs[k]:
                mismatch.setdefault(k, []).append(pfn)
    # pfns the kernel has pages for that kpage did not list: only reserved
    # pages outside every zone's span may be (else the stream is short)
    unlisted = [pfn for pfn, f in enumerate(flags) if pfn not in listed and not bit(f, 'NOPAGE')]
    in_use = [pfn for pfn in unlisted if flags[pfn] != 1 << KPF['RESERVED']]
    if in_use and not cut:
        cut = f'{len(in_use)} pages of the kernel not in the stream (truncated?), e.g. pfn {in_use[0]}'
    if stat and lines != stat['pages_scanned'] and not cut:
        cut = f'{lines} pages in the stream, the stat scanned {stat["pages_scanned"]} (truncated)'
    failed = cut is not None
    print(f'{compared} pfns compared; {len(unlisted)} reserved pfns outside the zones not listed')
    if cut:
        print(f'  FAILED: {cut}')
    bound = BOUND
    for k in kpage_view({'flag_names': [], 'class': '', 'compound': 'none', 'hugetlb': False,
                         'page_type': '', 'mapping_kind': '', 'mapcount': 0}):
        bad = mismatch.get(k, [])
        limit = 0 if k in strict else bound.get(k, 0)
        over = len(bad) > limit
        tag = 'strict: none allowed' if limit == 0 else \
            f'expected drift, bound {limit}: {"OVER THE BOUND" if over else "within it"}'
        print(f'  {k:14s} {len(bad):6d} mismatches ({tag}){"  e.g. pfn " + " ".join(map(str, bad[:5])) if bad else ""}')
        if over:
            failed = True
    return 1 if failed or compared == 0 else 0


if __name__ == '__main__':
    sys.exit(main())
