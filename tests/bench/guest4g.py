#!/usr/bin/env python3
"""The bench's real 4 GiB guest: the real-kernel tier's guest (tests/kernel/
tier.py: the Debian kernel, memload, the same dumps) booted with 4 GiB on
two CPUs, cached under $XDG_CACHE_HOME/kpage/kernel/RELEASE/4g. Kept out of
tier.py's own table so that adding it does not change the tier's cache key
(and make check does not boot it: only make bench needs it).

    guest4g.py      -> prints the cache directory (made when missing)"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'kernel'))
import tier  # noqa: E402

tier.VARIANTS['4g'] = ['-m', '4G', '-smp', '2']

if __name__ == '__main__':
    if len(sys.argv) != 1:
        raise SystemExit(__doc__)
    tier.prepare('bookworm', '4g')
