#!/usr/bin/env python3
"""The layers of libkpage, bottom up, and which files are in each. A file may
include the headers of its own layer and of the layers below it, never of one
above: data flows one way (dump -> types -> layout -> memory model -> decoder
-> scan -> owners -> session -> commands). The public header
include/kpage/kpage.h includes nothing of src/. Prints one line per
violation and exits 1, or the count of includes checked."""
import fnmatch, os, re, sys

# (layer, file patterns under src/): the first match wins.
LAYERS = [
    ('base', ['internal.h', 'error.c', 'interrupt.c', 'output.[ch]', 'progress.[ch]',
              'addrmap.[ch]']),
    ('target', ['target*.[ch]', 'vmcoreinfo.c']),
    ('types', ['types*.[ch]', 'dwarf_index.[ch]', 'symbols.[ch]', 'debuginfo.[ch]']),
    ('layout', ['layout*.[ch]']),
    ('model', ['memmodel.[ch]', 'mm_*.[ch]', 'kallsyms.[ch]']),
    ('decoder', ['page_decode.[ch]']),
    ('scan', ['scan*.[ch]', 'buddy*.[ch]']),
    ('owners', ['owner*.[ch]', 'descriptor.[ch]']),
    ('session', ['session.[ch]', 'dump.c']),
    ('commands', ['cmd/*']),
]
RANK = {name: i for i, (name, _) in enumerate(LAYERS)}


def layer_of(rel):
    for name, pats in LAYERS:
        if any(fnmatch.fnmatch(rel, p) for p in pats):
            return name
    return None


def main(top):
    src = os.path.join(top, 'src')
    files = []
    for d, _, names in os.walk(src):
        files += [os.path.relpath(os.path.join(d, n), src) for n in names
                  if n.endswith(('.c', '.h'))]
    where = {os.path.basename(f): f for f in files}
    bad, checked = [], 0
    for f in sorted(files):
        mine = layer_of(f)
        if mine is None:
            bad.append(f'src/{f}: in no layer (add it to tests/cli/layers.py)')
            continue
        for inc in re.findall(r'^#include "([^"]+)"', open(os.path.join(src, f)).read(), re.M):
            if inc == 'kpage/kpage.h':
                continue
            if inc not in where:
                bad.append(f'src/{f}: includes "{inc}", which is not in src/')
                continue
            theirs = layer_of(where[inc])
            checked += 1
            if theirs and RANK[theirs] > RANK[mine]:
                bad.append(f'src/{f} ({mine}) includes {inc} ({theirs}), a layer above it')
    pub = open(os.path.join(top, 'include/kpage/kpage.h')).read()
    for inc in re.findall(r'^#include "([^"]+)"', pub, re.M):
        bad.append(f'include/kpage/kpage.h includes "{inc}": the public header stands alone')
    for b in bad:
        print(b)
    if bad:
        return 1
    print(f'{len(files)} files, {checked} includes, every one down or level')
    return 0


sys.exit(main(sys.argv[1]))
