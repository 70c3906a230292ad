#!/usr/bin/env python3
"""The bench's floor: reads BYTES bytes of FILE's data, 1 MiB at a time, as
kpage must read at least that many (mem_map's bytes). Holes of a sparse
file (the synthetic dumps' RAM that holds nothing) are skipped with
SEEK_DATA, so the floor reads data as kpage does, not zeros the kernel
makes up for a hole; on a file without holes it is dd's sequential read.

    floor.py FILE BYTES"""
import os
import sys


def main():
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    left = int(sys.argv[2])
    buf = bytearray(1 << 20)
    fd = os.open(sys.argv[1], os.O_RDONLY)
    size = os.fstat(fd).st_size
    off = 0
    while left > 0 and off < size:
        try:
            off = os.lseek(fd, off, os.SEEK_DATA)
        except OSError:       # no data after off
            break
        hole = os.lseek(fd, off, os.SEEK_HOLE)
        while off < hole and left > 0:
            n = os.preadv(fd, [memoryview(buf)[:min(len(buf), hole - off, left)]], off)
            if n <= 0:
                break
            off += n
            left -= n
    os.close(fd)
    if left > 0:
        raise SystemExit(f'{sys.argv[1]}: {left} bytes short of data')


if __name__ == '__main__':
    main()
