#!/usr/bin/env python3
"""Compares `kpage --json layout TYPE` with `pahole -C TYPE` on the same file:
the multiset of (member name, offset, size) must be equal.
usage: pahole_compare.py PAHOLE_TEXT KPAGE_NDJSON"""
import json
import re
import sys
from collections import Counter

# "	type name;	/* off size */" or a bitfield "type name:3; /* off: bit size */"
LINE = re.compile(r'^\s*(.*?)\s*;\s*/\*\s*(\d+)(?::\s*\d+)?\s+(\d+)\s*\*/')


def pahole_members(text):
    out = Counter()
    for line in text.splitlines():
        m = LINE.match(line)
        if not m or line.strip().startswith('}'):
            continue
        decl = re.sub(r'\s*__attribute__\(\(.*?\)\)\)?', '', m.group(1)).strip()
        words = decl.split()
        name = re.sub(r'\[.*', '', words[-1]).lstrip('*').split(':')[0]
        # an anonymous member of a tagged struct type (7.x builds with
        # -fms-extensions): "struct freelist_counters;"
        if len(words) == 2 and words[0] in ('struct', 'union'):
            name = ''
        # function pointers: "void (*name)(args)"
        fp = re.search(r'\(\*(\w+)\)', decl)
        if fp:
            name = fp.group(1)
        out[(name, int(m.group(2)), int(m.group(3)))] += 1
    return out


def main():
    pa = pahole_members(open(sys.argv[1]).read())
    kp = Counter()
    for line in open(sys.argv[2]):
        r = json.loads(line)
        kp[(r['member'].split('.')[-1], r['offset'], r['size'])] += 1
    if pa != kp or not pa:
        print('only in pahole:', sorted((pa - kp).elements())[:10])
        print('only in kpage: ', sorted((kp - pa).elements())[:10])
        return 1
    print(f'{sum(pa.values())} members agree')
    return 0


if __name__ == '__main__':
    sys.exit(main())
