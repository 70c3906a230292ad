#!/usr/bin/env python3
"""`pages --pfn P-Q` must decode every page as the whole scan does, also
when P lies inside a compound page or a free block (the scan then starts
with no context of its own).

usage: pages_window.py FULL_NDJSON N KPAGE ARGS...
Picks N windows: compound tails and free pages inside a block (each the
first of its window), and some others; runs KPAGE ARGS --json pages --pfn
P-(P+2) for each and compares line for line."""
import json
import random
import subprocess
import sys


def main():
    full_path, n, cmd = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    full = {}
    for line in open(full_path):
        p = json.loads(line)
        full[p['pfn']] = line.strip()
    pages = [json.loads(v) for v in full.values()]
    tails = [p['pfn'] for p in pages if p['compound'] == 'tail']
    free = [p['pfn'] for p in pages if p['class'] == 'free' and p['order'] < 0]
    random.seed(7)
    picks = set()
    for group in (tails, free, list(full)):
        picks.update(random.sample(group, min(n // 3 + 1, len(group))))
    bad = 0
    for pfn in sorted(picks):
        out = subprocess.run(cmd + ['--json', 'pages', '--pfn', f'{pfn}-{pfn + 2}'],
                             capture_output=True, text=True)
        got = [line.strip() for line in out.stdout.splitlines()]
        want = [full[q] for q in range(pfn, pfn + 3) if q in full]
        if out.returncode != 0 or got != want:
            bad += 1
            if bad <= 3:
                print(f'pfn {pfn}: window says {got[:1]}, the whole scan {want[:1]} '
                      f'(exit {out.returncode})')
    print(f'{len(picks)} windows ({len(tails)} tails, {len(free)} free pages inside blocks in '
          f'the dump), {bad} differ')
    return 1 if bad else 0


if __name__ == '__main__':
    sys.exit(main())
