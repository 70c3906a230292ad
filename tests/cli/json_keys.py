#!/usr/bin/env python3
"""The JSON keys of each command's output against the man page's JSON
section: every key printed must be named there, and every key named there
must be printed by one of the runs given.

usage: json_keys.py MANPAGE SECTION=FILE... [--absent KEY=REASON]...
SECTION is the man page's entry (".B pages, page" -> "pages, page"); each FILE
holds that command's JSON (one document or NDJSON). Keys under maps whose
keys are data (classes, migratetypes, ... : NAME/CLASS/FIELD in the man
page) are not checked themselves; their values' keys are."""
import json
import re
import sys

DATA_MAPS = {'classes', 'migratetypes', 'pagetypeinfo', 'pageblocks', 'invariants',
             'descriptor', 'file', 'anon', 'ksm', 'memcg', 'movable'}


def man_sections(path):
    text = open(path).read()
    body = text.split('.SH JSON', 1)[1].split('\n.SH ', 1)[0]
    out = {}
    for entry in body.split('.TP\n')[1:]:
        head, _, rest = entry.partition('\n')
        name = re.sub(r'\\f[BRI]|\\', '', head.replace('.B ', '', 1)).strip()
        # a quoted word is a key unless it follows a colon (a value: "kind": "slab")
        keys = {m.group(1) for m in re.finditer(r'(?<!: )"([a-z_][a-z0-9_]*)"', rest)}
        out[name] = keys
    return out


def walk(v, keys, data_keys, parent=None):
    """KEYS: the fixed keys printed; DATA_KEYS: those inside data maps (they
    count as printed, but need not be named)."""
    if isinstance(v, dict):
        for k, x in v.items():
            (data_keys if parent in DATA_MAPS else keys).add(k)
            walk(x, keys, data_keys, k)
    elif isinstance(v, list):
        for x in v:
            walk(x, keys, data_keys, parent)


def main():
    man = man_sections(sys.argv[1])
    absent = {}
    seen, data_seen = {}, {}
    args = sys.argv[2:]
    i = 0
    while i < len(args):
        if args[i] == '--absent':
            k, _, why = args[i + 1].partition('=')
            absent[k] = why
            i += 2
            continue
        section, _, path = args[i].partition('=')
        i += 1
        text = open(path).read().strip()
        docs = [json.loads(line) for line in text.splitlines()] if text.startswith('{') and \
            '\n{' in text else [json.loads(text)]
        for d in docs:
            walk(d, seen.setdefault(section, set()), data_seen.setdefault(section, set()))
    bad = 0
    for section, keys in seen.items():
        if section not in man:
            print(f'no man page JSON entry "{section}"')
            bad += 1
            continue
        for k in sorted(keys - man[section]):
            print(f'{section}: prints "{k}", which the man page does not name')
            bad += 1
    for section in seen:
        for k in sorted(man.get(section, set()) - seen[section] - data_seen[section] - set(absent)):
            print(f'{section}: the man page names "{k}", which no run printed')
            bad += 1
    n = sum(len(v) for v in seen.values())
    print(f'{n} keys in {len(seen)} sections checked; {len(absent)} named keys not exercised: '
          + ', '.join(f'{k} ({w})' for k, w in absent.items()))
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
