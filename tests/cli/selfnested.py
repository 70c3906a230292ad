#!/usr/bin/env python3
"""Writes a tiny ELF object whose DWARF nests types in themselves, as damaged
debuginfo can (the DWARF layout fuzzer found kpage recursing without end):
  struct page { struct page <anonymous member>; }   (member lookup)
  typedef struct { <itself> <anonymous member>; } cyc   (the layout printer)
usage: selfnested.py OUT"""
import struct
import sys

ABBREV = bytes([
    1, 0x11, 1, 0x03, 0x08, 0, 0,                  # compile_unit: name
    2, 0x13, 1, 0x03, 0x08, 0x0b, 0x0b, 0, 0,      # structure_type: name, byte_size
    3, 0x0d, 0, 0x49, 0x13, 0x38, 0x0b, 0, 0,      # member: type (ref4), location
    4, 0x13, 1, 0x0b, 0x0b, 0, 0,                  # structure_type: byte_size (anonymous)
    5, 0x16, 0, 0x03, 0x08, 0x49, 0x13, 0, 0,      # typedef: name, type
    0])


def debug_info():
    dies = bytes([1]) + b'x\0'
    page = 11 + len(dies)
    dies += bytes([2]) + b'page\0' + bytes([8])
    dies += bytes([3]) + struct.pack('<I', page) + bytes([0]) + bytes([0])
    anon = 11 + len(dies)
    dies += bytes([4, 8])
    dies += bytes([3]) + struct.pack('<I', anon) + bytes([0]) + bytes([0])
    dies += bytes([5]) + b'cyc\0' + struct.pack('<I', anon)
    dies += bytes([0])
    body = struct.pack('<HIB', 4, 0, 8) + dies     # DWARF 4, abbrevs at 0, 8-byte addresses
    return struct.pack('<I', len(body)) + body


def elf(sections):
    names = b'\0' + b''.join(n + b'\0' for n, _ in sections) + b'.shstrtab\0'
    sections = sections + [(b'.shstrtab', names)]
    data, headers = b'', b'\0' * 64
    for name, content in sections:
        typ = 3 if name == b'.shstrtab' else 1
        headers += struct.pack('<IIQQQQIIQQ', names.index(name + b'\0'), typ, 0, 0,
                               64 + len(data), len(content), 0, 0, 1, 0)
        data += content
    data += b'\0' * (-len(data) % 8)
    ehdr = b'\x7fELF' + bytes([2, 1, 1, 0]) + b'\0' * 8 + struct.pack(
        '<HHIQQQIHHHHHH', 1, 62, 1, 0, 0, 64 + len(data), 0, 64, 0, 0, 64, len(sections) + 1,
        len(sections))
    return ehdr + data + headers


open(sys.argv[1], 'wb').write(elf([(b'.debug_abbrev', ABBREV), (b'.debug_info', debug_info())]))
