#!/usr/bin/env python3
"""Writes a copy of an ELF64 file with one section header field changed.

usage: elf_section.py IN OUT SECTION FIELD VALUE
FIELD is link or size (sh_link, sh_size of the section named SECTION); the
section's bytes are left as they are, so a reader that trusts the header
is sent astray. For damaged-vmlinux cases (badinput.sh)."""
import shutil
import struct
import sys

FIELDS = {'size': (32, '<Q'), 'link': (40, '<I')}


def main():
    src, dst, name, field, value = sys.argv[1:6]
    shutil.copyfile(src, dst)
    with open(dst, 'r+b') as f:
        h = f.read(64)
        shoff, = struct.unpack_from('<Q', h, 0x28)
        shnum, shstrndx = struct.unpack_from('<HH', h, 0x3c)
        f.seek(shoff + 64 * shstrndx)
        names_off = struct.unpack_from('<Q', f.read(64), 24)[0]
        for i in range(shnum):
            f.seek(shoff + 64 * i)
            sh = f.read(64)
            f.seek(names_off + struct.unpack_from('<I', sh, 0)[0])
            if f.read(len(name) + 1) == name.encode() + b'\0':
                off, fmt = FIELDS[field]
                f.seek(shoff + 64 * i + off)
                f.write(struct.pack(fmt, int(value, 0)))
                return
    sys.exit(f'{src}: no section {name}')


main()
