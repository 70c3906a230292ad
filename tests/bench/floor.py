#!/usr/bin/env python3
"""The bench's floor: where in FILE to read BYTES bytes of data, as kpage
must read at least that many (mem_map's bytes). Holes of a sparse file (the
synthetic dumps' RAM that holds nothing) read as zeros the kernel makes up
without touching the disk or the page cache, so the floor must read data.

    floor.py FILE BYTES  -> "SKIP COUNT": dd skip= and count= in MiB, the
                            first stretch of data at least BYTES long (on a
                            file without holes: from 1 MiB on); exit 3 when
                            the data is in pieces (the synthetic dumps)
    floor.py --read FILE BYTES
                            reads BYTES of the file's data, piece by piece,
                            1 MiB at a time (python's start-up, some 20 ms,
                            is small beside the gigabytes it is for)"""
import os
import sys

MiB = 1 << 20


def main():
    if len(sys.argv) == 4 and sys.argv[1] == '--read':
        read(sys.argv[2], int(sys.argv[3]))
        return
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    want = int(sys.argv[2])
    count = want // MiB + 1
    fd = os.open(sys.argv[1], os.O_RDONLY)
    size = os.fstat(fd).st_size
    off = MiB
    while off < size:
        try:
            data = os.lseek(fd, off, os.SEEK_DATA)
        except OSError:       # no data after off
            break
        hole = os.lseek(fd, data, os.SEEK_HOLE)
        start = (data + MiB - 1) // MiB
        if hole // MiB - start >= count:
            print(start, count)
            return
        off = hole
    sys.exit(3)


def read(path, left):
    buf = bytearray(MiB)
    fd = os.open(path, os.O_RDONLY)
    size = os.fstat(fd).st_size
    off = MiB
    while left > 0 and off < size:
        try:
            off = os.lseek(fd, off, os.SEEK_DATA)
        except OSError:
            break
        hole = os.lseek(fd, off, os.SEEK_HOLE)
        while off < hole and left > 0:
            n = os.preadv(fd, [memoryview(buf)[:min(MiB, hole - off, left)]], off)
            if n <= 0:
                break
            off += n
            left -= n
    if left > 0:
        raise SystemExit(f'{path}: {left} bytes short of data')


if __name__ == '__main__':
    main()
