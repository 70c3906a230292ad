#!/usr/bin/env python3
"""Copies an ELF core file with its program headers moved right after the ELF
header, the layout makedumpfile expects.

usage: elf-phdr-fix.py IN OUT

QEMU 7.2's dump-guest-memory writes the ELF header (with e_ehsize 8), then
two section headers at offset 64, then the program headers at 192.
makedumpfile 1.7.2 reads program header i at 64 + i * 56 whatever e_phoff
says, finds no PT_LOAD there and stops with "get_elf_info: Can't get the
number of PT_LOAD." In the copy: the program headers are written at 64
(over the section headers; p_offset values are absolute, so the segment data
does not move), e_phoff = 64, e_ehsize = 64, no section headers. Nothing
else changes."""
import shutil
import struct
import sys


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    src, dst = sys.argv[1:]
    with open(src, 'rb') as f:
        eh = bytearray(f.read(64))
        if eh[:4] != b'\x7fELF' or eh[4] != 2:
            sys.exit(f'{src}: not an ELF64 file')
        phoff = struct.unpack_from('<Q', eh, 32)[0]
        phentsize, phnum = struct.unpack_from('<HH', eh, 54)
        if phnum == 0xffff:
            sys.exit(f'{src}: e_phnum is PN_XNUM (program header count in section 0): not handled')
        f.seek(phoff)
        ph = f.read(phentsize * phnum)
    first_data = min((struct.unpack_from('<Q', ph, i * phentsize + 8)[0] for i in range(phnum)),
                     default=0)
    if 64 + len(ph) > first_data:
        sys.exit(f'{src}: no room for {phnum} program headers before the first segment at {first_data}')
    shutil.copyfile(src, dst)
    struct.pack_into('<Q', eh, 32, 64)            # e_phoff
    struct.pack_into('<Q', eh, 40, 0)             # e_shoff
    struct.pack_into('<H', eh, 52, 64)            # e_ehsize
    struct.pack_into('<HHH', eh, 58, 0, 0, 0)     # e_shentsize, e_shnum, e_shstrndx
    with open(dst, 'r+b') as f:
        f.write(eh)
        f.write(ph)


if __name__ == '__main__':
    main()
