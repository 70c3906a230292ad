#!/usr/bin/env python3
"""Damaged copies of a fixture's vmcores, for the corrupt-dump suite.

usage: damage.py FIXTURE_DIR OUT_DIR
FIXTURE_DIR holds vmlinux, vmcore (ELF) and vmcore.kdump from make-fixture.sh
with two nodes. Writes into OUT_DIR (sparse files: a few MiB each):
  vmci-{garbage,dot-key,empty,absurd}.vmcore[.kdump]  VMCOREINFO overwritten
                      in place, same length (kdump: both copies of it)
  vmci-*.vmcore       the ELF VMCOREINFO note rewritten (any length: the
                      note area before the first segment is 1 MiB)
  truncated-early.vmcore, truncated-late.vmcore   cut at 5% and 40%
  truncated-memmap.vmcore   node 1's struct pages moved to the last segment
                      of the file, and the file cut in the middle of it
  noload-memmap.vmcore      no PT_LOAD covers node 1's struct pages
  noload-node0.vmcore       no PT_LOAD for node 0's RAM (page tables, pgdat,
                      mem_map: everything the kernel allocated)
  hole-{zone,node-data,mem-section}.vmcore   one page left out: that of
                      node 0's last populated struct zone, node_data[], the
                      first mem_section entries
  banner-changed      linux_banner in the dump one byte off the vmlinux's
  mem-section-size-8192, nr-free-pages-9999 (VMCOREINFO), node-data-twice (node_data[1] is
                      node_data[0]), node-span-0-zone-huge: found by fuzz_commands
and OUT_DIR/memmap.txt: 'first count' of the pfns whose struct pages the
truncated-memmap copy loses, then of those noload-memmap loses."""
import os
import random
import struct
import subprocess
import sys

START_KERNEL_MAP = 0xffffffff80000000
PTE_MASK = 0x000ffffffffff000


class Core:
    def __init__(self, path):
        self.f = open(path, 'rb')
        h = self.f.read(64)
        if h[:4] != b'\x7fELF':
            sys.exit(f'{path}: not an ELF file')
        self.phoff, = struct.unpack_from('<Q', h, 32)
        self.phnum, = struct.unpack_from('<H', h, 56)
        self.ph = []
        for i in range(self.phnum):
            self.f.seek(self.phoff + 56 * i)
            self.ph.append(list(struct.unpack('<IIQQQQQQ', self.f.read(56))))
        note = next(p for p in self.ph if p[0] == 4)      # PT_NOTE
        self.f.seek(note[2])
        raw = self.f.read(note[5])
        i = raw.find(b'VMCOREINFO\0')
        self.note_off = note[2]
        self.vmci = raw[i + 12:].split(b'\0')[0].decode()

    def loads(self):
        return [p for p in self.ph if p[0] == 1]

    def read_phys(self, pa, n):
        for p in self.loads():
            paddr, off, filesz = p[4], p[2], p[5]
            if paddr <= pa and pa + n <= paddr + filesz:
                self.f.seek(off + pa - paddr)
                return self.f.read(n)
        sys.exit(f'physical 0x{pa:x} not in the fixture dump')

    def file_offset(self, pa):
        for p in self.loads():
            if p[4] <= pa < p[4] + p[5]:
                return p[2] + pa - p[4]
        sys.exit(f'physical 0x{pa:x} not in the fixture dump')

    def number(self, key):
        for line in self.vmci.splitlines():
            if line.startswith(key + '='):
                v = line.split('=', 1)[1]
                return int(v, 16) if key.startswith('SYMBOL') or key == 'KERNELOFFSET' else int(v)
        sys.exit(f'VMCOREINFO lacks {key}')

    def vtop(self, va):
        table = self.number('SYMBOL(init_top_pgt)') - START_KERNEL_MAP + self.number('NUMBER(phys_base)')
        for level in (4, 3, 2, 1):
            shift = 12 + 9 * (level - 1)
            e, = struct.unpack('<Q', self.read_phys(table + ((va >> shift) & 511) * 8, 8))
            if not e & 1:
                sys.exit(f'0x{va:x} not mapped')
            if level == 1 or (level in (2, 3) and e & 0x80):
                size = 1 << shift
                return (e & PTE_MASK & ~(size - 1)) + (va & (size - 1))
            table = e & PTE_MASK


def sparse_write(path, pieces, size=None):
    """Writes the byte strings PIECES one after another, leaving holes for
    zero blocks (the fixtures are sparse: a copy stays a few MiB)."""
    with open(path, 'wb') as out:
        for piece in pieces:
            for i in range(0, len(piece), 1 << 16):
                block = piece[i:i + (1 << 16)]
                if block.count(0) == len(block):
                    out.seek(len(block), os.SEEK_CUR)
                else:
                    out.write(block)
        out.truncate(out.tell() if size is None else size)


def copy_patched(src, dst, patches):
    """A sparse copy of SRC with PATCHES [(offset, bytes)] written over it."""
    subprocess.run(['cp', '--sparse=always', src, dst], check=True)
    with open(dst, 'r+b') as f:
        for off, data in patches:
            f.seek(off)
            f.write(data)


def symbol(vmlinux, name):
    out = subprocess.run(['nm', vmlinux], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        addr, _, sym = line.split()
        if sym == name:
            return int(addr, 16)
    sys.exit(f'{vmlinux}: no symbol {name}')


def note_patch(core, text):
    """The patch of the VMCOREINFO note and its PT_NOTE size for TEXT."""
    name = b'VMCOREINFO\0\0'
    note = struct.pack('<III', len(name) - 1, len(text), 0) + name + text + b'\0' * (-len(text) % 4)
    first_load = min(p[2] for p in core.loads())
    if core.note_off + len(note) > first_load:
        sys.exit('note too long')
    patches = [(core.note_off, note + b'\0' * (first_load - core.note_off - len(note)))]
    for i, p in enumerate(core.ph):
        if p[0] == 4:
            patches.append((core.phoff + 56 * i + 32, struct.pack('<Q', len(note))))
    return patches


def write_elf(core, segs, path, cut=None):
    """A new ELF dump: the note, then SEGS [(paddr, size, include)] in that
    file order; segments with include False are left out. CUT: the file is
    cut that many bytes into the last segment."""
    core.f.seek(0)
    head = bytearray(core.f.read(min(p[2] for p in core.loads())))
    kept = [s for s in segs if s[2]]
    phnum = 1 + len(kept)
    note = list(next(p for p in core.ph if p[0] == 4))
    # The note moves behind the longer program header table.
    raw = bytes(head[note[2]:note[2] + note[5]])
    head[note[2]:note[2] + note[5]] = b'\0' * note[5]
    note[2] = 4096
    head[4096:4096 + len(raw)] = raw
    struct.pack_into('<H', head, 56, phnum)
    struct.pack_into('<IIQQQQQQ', head, core.phoff, *note)
    if core.phoff + 56 * phnum > note[2]:
        sys.exit('no room for the program headers')
    off = len(head)
    body = []
    for i, (paddr, size, _) in enumerate(kept):
        struct.pack_into('<IIQQQQQQ', head, core.phoff + 56 * (i + 1), 1, 7, off,
                         0xffff9a0000000000 + paddr, paddr, size, size, 4096)
        body.append((paddr, size))
        off += size
    def pieces():
        yield bytes(head)
        for n, (paddr, size) in enumerate(body):
            end = paddr + (cut if cut is not None and n == len(body) - 1 else size)
            for pa in range(paddr, end, 1 << 24):
                yield core.read_phys(pa, min(1 << 24, end - pa))
    sparse_write(path, pieces())


def in_place_cases(fx, out):
    """VMCOREINFO overwritten at its place, the length kept."""
    for name in ('vmcore', 'vmcore.kdump'):
        with open(f'{fx}/{name}', 'rb') as f:
            b = f.read(1 << 21)           # headers and notes: the first 2 MiB
        spans, k = [], 0
        while (k := b.find(b'OSRELEASE=', k)) >= 0:   # kdump holds it twice
            spans.append((k, b.find(b'\0', k)))
            k += 1
        if not spans or spans[0][1] < 0:
            sys.exit(f'{name}: no VMCOREINFO text')
        n = spans[0][1] - spans[0][0]
        rnd = random.Random(1)
        cases = {
            'garbage': bytes(rnd.choice(b'ABCxyz()=.,0123456789\n') for _ in range(n)),
            'dot-key': (b'.x=1\n' + b[spans[0][0]:spans[0][1]])[:n],   # kills libkdumpfile's parser
            'empty': b'\0' * n,
            'absurd': (b'NUMBER(SECTION_SIZE_BITS)=99\nKERNELOFFSET=zz\n'
                       b'NUMBER(phys_base)=99999999999999999999999\n' + b'X' * n)[:n],
        }
        for case, text in cases.items():
            copy_patched(f'{fx}/{name}', f'{out}/vmci-{case}.{name}',
                         [(a, (text * 2)[:z - a]) for a, z in spans])


def main():
    fx, out = sys.argv[1:3]
    in_place_cases(fx, out)
    core = Core(f'{fx}/vmcore')
    text = core.vmci.encode()
    rnd = random.Random(6)
    cases = {
        'note-empty': b'',
        'random': bytes(rnd.randrange(256) for _ in range(len(text))),
        'section-bits-99': text.replace(b'NUMBER(SECTION_SIZE_BITS)=27', b'NUMBER(SECTION_SIZE_BITS)=99'),
        'physmem-bits-0': text.replace(b'NUMBER(MAX_PHYSMEM_BITS)=46', b'NUMBER(MAX_PHYSMEM_BITS)=0'),
        'kerneloffset-not-hex': text.replace(b'KERNELOFFSET=1e000000', b'KERNELOFFSET=zz'),
        'phys-base-huge': text.replace(b'NUMBER(phys_base)=-486539264',
                                       b'NUMBER(phys_base)=99999999999999999999999'),
        'huge-line-after': text + b'X' * (900 << 10),
        'huge-line-only': b'Y' * (900 << 10),
        # a struct page larger than kpage's buffers of one (issue 14)
        'page-size-1024': text.replace(b'SIZE(page)=64', b'SIZE(page)=1024'),
        # a member past its struct (issue 14: zones read past its buffer)
        'zone-vm-stat-9999': text.replace(b'OFFSET(zone.vm_stat)=1344', b'OFFSET(zone.vm_stat)=9999'),
        # pages of 16 KiB: not what kpage's reads and orders are for
        'pagesize-16k': text.replace(b'PAGESIZE=4096', b'PAGESIZE=16384'),
        # a root of sections (a page) holding none of them (fuzz_commands)
        'mem-section-size-8192': text.replace(b'SIZE(mem_section)=16', b'SIZE(mem_section)=8192'),
        # an NR_FREE_PAGES item past zone->vm_stat[] (fuzz_commands)
        'nr-free-pages-9999': text.replace(b'NUMBER(NR_FREE_PAGES)=0', b'NUMBER(NR_FREE_PAGES)=9999'),
    }
    for case, t in cases.items():
        if t == text:
            sys.exit(f'{case}: the fixture VMCOREINFO has changed, update damage.py')
        copy_patched(f'{fx}/vmcore', f'{out}/vmci-{case}.vmcore', note_patch(core, t))

    # A zone whose spanned_pages is 1 << 60 (every walk over it would run
    # for ever), and a node whose span passes MAX_PHYSMEM_BITS.
    pgdat, = struct.unpack('<Q', core.read_phys(core.vtop(core.number('SYMBOL(node_data)')), 8))
    for i in range(8):
        zone = pgdat + core.number('OFFSET(pglist_data.node_zones)') + i * core.number('SIZE(zone)')
        pa = core.vtop(zone + core.number('OFFSET(zone.spanned_pages)'))
        if struct.unpack('<Q', core.read_phys(pa, 8))[0]:
            break
    copy_patched(f'{fx}/vmcore', f'{out}/zone-spanned-huge.vmcore',
                 [(core.file_offset(pa), struct.pack('<Q', 1 << 60))])
    zone_pa = pa
    pa = core.vtop(pgdat + core.number('OFFSET(pglist_data.node_spanned_pages)'))
    copy_patched(f'{fx}/vmcore', f'{out}/node-spanned-huge.vmcore',
                 [(core.file_offset(pa), struct.pack('<Q', 1 << 60))])
    # Both: the node spans no page, its first zone 1 << 60 (a node of span
    # 0 had its zones unchecked: fuzz_commands).
    copy_patched(f'{fx}/vmcore', f'{out}/node-span-0-zone-huge.vmcore',
                 [(core.file_offset(pa), struct.pack('<Q', 0)),
                  (core.file_offset(zone_pa), struct.pack('<Q', 1 << 60))])

    # node_data[1] naming node 0's pglist_data: node 0 read twice, node 1
    # never (fuzz_commands).
    pa = core.vtop(core.number('SYMBOL(node_data)') + 8)
    copy_patched(f'{fx}/vmcore', f'{out}/node-data-twice.vmcore',
                 [(core.file_offset(pa), struct.pack('<Q', pgdat))])

    # The dump's linux_banner one byte off the vmlinux's (another build of
    # the same release): the check after the memory model is open fails.
    pa = core.vtop(symbol(f'{fx}/vmlinux', 'linux_banner') + core.number('KERNELOFFSET'))
    banner = core.read_phys(pa, 256)
    end = banner.index(b'\0')
    last = end - 1 - (banner[end - 1:end] == b'\n')     # its last character
    if last < 20:
        sys.exit('linux_banner of the fixture is too short')
    copy_patched(f'{fx}/vmcore', f'{out}/banner-changed.vmcore',
                 [(core.file_offset(pa + last), bytes([banner[last] ^ 1]))])

    size = os.path.getsize(f'{fx}/vmcore')
    for case, keep in (('early', size // 20), ('late', size * 4 // 10)):
        subprocess.run(['cp', '--sparse=always', f'{fx}/vmcore', f'{out}/truncated-{case}.vmcore'],
                       check=True)
        os.truncate(f'{out}/truncated-{case}.vmcore', keep)

    # Where node 1's struct pages lie in physical memory.
    vmemmap = core.vtop(symbol(f'{fx}/vmlinux', 'vmemmap_base') + core.number('KERNELOFFSET'))
    vmemmap, = struct.unpack('<Q', core.read_phys(vmemmap, 8))
    first = 1 << 20                       # node 1 starts at 4 GiB
    count = 128 << 20 >> 12
    a = core.vtop(vmemmap + first * 64)
    b = core.vtop(vmemmap + (first + count) * 64 - 1) + 1
    if b - a != count * 64:
        sys.exit('node 1 struct pages are not contiguous')
    node0 = next(p for p in core.loads() if p[4] == 0)
    node1 = next(p for p in core.loads() if p[4] != 0)
    if not (0 < a < b <= node0[5]):
        sys.exit('node 1 struct pages are not in node 0')
    segs = [(0, a, True), (b, node0[5] - b, True), (node1[4], node1[5], True), (a, b - a, True)]
    half = (b - a) // 2
    write_elf(core, segs, f'{out}/truncated-memmap.vmcore', cut=half)
    segs[3] = (a, b - a, False)
    write_elf(core, segs, f'{out}/noload-memmap.vmcore')
    write_elf(core, [(node0[4], node0[5], False), (node1[4], node1[5], True)],
              f'{out}/noload-node0.vmcore')
    # One page of node 0 left out (no PT_LOAD covers it): the page of its
    # last populated struct zone, of node_data[], of the first mem_section
    # entries. Each must be said to be missing, never read as zeros (an
    # empty zone, no node, sections without a mem_map).
    zone_off, zone_size = core.number('OFFSET(pglist_data.node_zones)'), core.number('SIZE(zone)')
    zone = None
    for i in range(8):
        z = pgdat + zone_off + i * zone_size
        if struct.unpack('<Q', core.read_phys(core.vtop(z + core.number('OFFSET(zone.spanned_pages)')), 8))[0]:
            zone = z
    roots, = struct.unpack('<Q', core.read_phys(core.vtop(core.number('SYMBOL(mem_section)')), 8))
    for case, va in (('zone', zone + zone_size // 2), ('node-data', core.number('SYMBOL(node_data)')),
                     ('mem-section', roots)):
        pa = core.vtop(va) & ~4095
        write_elf(core, [(0, pa, True), (pa, 4096, False), (pa + 4096, node0[5] - pa - 4096, True),
                         (node1[4], node1[5], True)], f'{out}/hole-{case}.vmcore')
    with open(f'{out}/memmap.txt', 'w') as f:
        f.write(f'{first + half // 64} {count - half // 64} {first} {count}\n')


main()
