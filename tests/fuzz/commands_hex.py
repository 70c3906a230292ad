#!/usr/bin/env python3
"""Prints a fuzz_commands input (tests/fuzz/commands_input.h) in the
commented hex form of tests/fuzz/regress/*.hex, one edit a line, each said
in words: what a finding does, for its regression file.

usage: commands_hex.py INPUT [VMCOREINFO]
VMCOREINFO: the fixture's VMCOREINFO text (one KEY=VALUE a line), to name
the lines the edits change."""
import struct
import sys

EDITS = ['VMCOREINFO line', 'VMCOREINFO new line', 'struct zone', 'pglist_data',
         'free-list head', 'struct page', 'global', 'mem_section entry']
LINE_OPS = ['set', 'add', 'delete', '1 <<', 'negative', 'small', 'repeat', 'garbage']
MEM_OPS = ['set', 'add', 'xor', 'page address', '1 <<', 'negative', 'self + ', 'small']
CMDS = ['zones', 'free', 'free --no-scan', 'stat', 'map', 'alloc-check', 'page']


def main():
    data = open(sys.argv[1], 'rb').read()
    lines = []
    if len(sys.argv) > 2:
        lines = [l for l in open(sys.argv[2]).read().split('\n') if l]
    head = (data + bytes(8))[:8]
    mode, cmds, order, _, pfn = struct.unpack('<BBBBI', head)
    names = [c for i, c in enumerate(CMDS) if not cmds or cmds & (1 << i)]
    print('# %s%s%s; %s (alloc-check %d, page choice %d)' % (
        'VMCOREINFO-only' if mode & 1 else 'DWARF', ', --json' if mode & 2 else '',
        ', 2 threads' if mode & 4 else '', ', '.join(names), order % 11, pfn))
    print(head[:4].hex(' '), head[4:].hex())
    for off in range(8, len(data) - 15, 16):
        what, op, sel, where, value = struct.unpack('<BBHIQ', data[off:off + 16])
        kind = what % 8
        if kind < 2:
            line = lines[sel % len(lines)] if lines and kind == 0 else ''
            say = '%s %s%s: %s %d (0x%x)' % (EDITS[kind], sel % len(lines) if lines else sel,
                                            ' ' + line if line else '',
                                            LINE_OPS[op % 8], value, value)
        else:
            say = '%s %d, byte %d: width %d, %s %d (0x%x)' % (
                EDITS[kind], sel, where, 1 << (op & 3), MEM_OPS[(op >> 2) % 8], value, value)
        print('# ' + say)
        print('%02x %02x %s %s %s' % (what, op, data[off + 2:off + 4].hex(),
                                      data[off + 4:off + 8].hex(), data[off + 8:off + 16].hex()))
    if (len(data) - 8) % 16 and len(data) > 8:
        print('# (%d bytes of an edit cut short: ignored)' % ((len(data) - 8) % 16))


main()
