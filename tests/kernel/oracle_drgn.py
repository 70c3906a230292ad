#!/usr/bin/python3
"""drgn's view of the same dump: the buddy free lists walked with drgn's own
list helpers, and a census of mem_map (free, slab, reserved, compound heads
and tails per zone) decoded here from drgn's type offsets.

usage: oracle_drgn.py VMLINUX VMCORE OUT_JSON   (run with Debian's python3)
drgn 0.0.22 reads only ELF dumps with virtual addresses (QEMU paging=true).
Every rule comes from the kernel itself, through drgn, not from kpage: PageBuddy
from enum pagetype's PGTY_buddy (6.12+), VMCOREINFO's PAGE_BUDDY_MAPCOUNT_VALUE
(in page_type 4.18-6.11, in _mapcount before) or the PG_buddy flag (2.6.x),
written to OUT_JSON as "page_buddy";
PG_slab or the slab page type, compound_head or compound_info (bit 0 marks a
tail in both), buddy_list or lru.
On failure writes {"error": "..."} and exits 2."""
import json
import struct
import sys

SECTION_PAGES = 1 << 15   # x86_64: 128 MiB sections of 4 KiB pages


def enumerator(prog, name):
    try:
        return prog[name].value_()
    except KeyError:
        return None


def vmcoreinfo_number(prog, key, core):
    """NUMBER(KEY) of the VMCOREINFO the kernel keeps (vmcoreinfo_data), or
    of the dump's own VMCOREINFO note when that memory reads as zeros (QEMU
    writes part of a two-node guest's direct map in its paging dump)."""
    texts = []
    try:
        texts.append(prog.read(prog['vmcoreinfo_data'].value_(),
                               prog['vmcoreinfo_size'].value_()).decode(errors='replace'))
    except Exception:
        pass
    with open(core, 'rb') as f:
        head = f.read(16 << 20)   # the notes come first in QEMU's ELF dumps
    i = head.find(b'OSRELEASE=')
    if i >= 0:
        texts.append(head[i:i + 16384].split(b'\0')[0].decode(errors='replace'))
    for text in texts:
        for line in text.splitlines():
            if line.startswith(f'NUMBER({key})='):
                return int(line.split('=', 1)[1])
    raise LookupError(f'no NUMBER({key}) in VMCOREINFO')


def page_buddy_rule(prog, core, enumerator, ptype):
    """PageBuddy() as this kernel defines it (include/linux/page-flags.h),
    each constant read from the kernel (its DWARF or its VMCOREINFO), never
    from kpage. Returns (a test of the flags and type words, the rule in words)."""
    pgty_buddy = enumerator(prog, 'PGTY_buddy')
    if pgty_buddy is not None:
        # 6.12+: enum pagetype, one type in the top byte
        return (lambda f, t: t >> 24 == pgty_buddy), f'enum pagetype: top byte == PGTY_buddy {pgty_buddy:#x}'
    pg_buddy = enumerator(prog, 'PG_buddy')
    if pg_buddy is not None:
        # 2.6.18 - 2.6.37: a page flag of enum pageflags
        return (lambda f, t: f >> pg_buddy & 1), f'flag PG_buddy (bit {pg_buddy})'
    value = vmcoreinfo_number(prog, 'PAGE_BUDDY_MAPCOUNT_VALUE', core)
    if ptype == '_mapcount':
        # 2.6.38 - 4.17: _mapcount holds the value itself
        return (lambda f, t: t == value & 0xffffffff), f'_mapcount == PAGE_BUDDY_MAPCOUNT_VALUE {value}'
    # 4.18 - 6.11: PG_buddy = ~PAGE_BUDDY_MAPCOUNT_VALUE; a type is set when
    # its bit is clear under PAGE_TYPE_BASE (no VMCOREINFO line). The base
    # is 0xf0000000 while the type bits sit below it (PG_buddy 0x80); the
    # kernels just before 6.12 put them under bit 31 (PG_buddy 0x40000000,
    # PAGE_TYPE_BASE 0x80000000): there the base is the bits above PG_buddy.
    bit = ~value & 0xffffffff
    base = 0xf0000000 if bit < 0x10000000 else 0xffffffff & ~((bit << 1) - 1)
    return (lambda f, t: t & (base | bit) == base), \
        f'page_type & ({base:#x} | {bit:#x}) == {base:#x} (PAGE_BUDDY_MAPCOUNT_VALUE {value})'


def kernel_rules(prog, drgn, core):
    page_t = prog.type('struct page')
    members = {m.name for m in page_t.members if m.name}

    def has(name):
        try:
            drgn.offsetof(page_t, name)
            return True
        except LookupError:
            return False
    compound = 'compound_info' if has('compound_info') else 'compound_head'
    # 2.6.x before page_type (4.18) kept the type in _mapcount
    ptype = 'page_type' if has('page_type') else '_mapcount'
    off = {m: drgn.offsetof(page_t, m) for m in ('flags', 'private')}
    off['page_type'] = drgn.offsetof(page_t, ptype)
    off['compound'] = drgn.offsetof(page_t, compound)
    pg = {name: enumerator(prog, f'PG_{name}') for name in ('slab', 'reserved', 'head')}
    is_buddy, buddy_rule = page_buddy_rule(prog, core, enumerator, ptype)
    pgty_slab = enumerator(prog, 'PGTY_slab')
    def is_slab_type(t): return pgty_slab is not None and t >> 24 == pgty_slab
    return dict(psize=page_t.size, off=off, pg=pg, is_buddy=is_buddy, is_slab_type=is_slab_type,
                list='buddy_list' if has('buddy_list') else 'lru', members=members,
                buddy_rule=buddy_rule)


def main():
    vmlinux, core, out = sys.argv[1:4]
    try:
        import drgn
        from drgn.helpers.linux.list import list_for_each_entry
        prog = drgn.Program()
        prog.set_core_dump(core)
        prog.load_debug_info([vmlinux])
    except Exception as e:  # drgn reports many kinds of errors
        json.dump({'error': f'drgn: {type(e).__name__}: {e}'}, open(out, 'w'))
        return 2
    try:
        rules = kernel_rules(prog, drgn, core)
    except Exception as e:
        json.dump({'error': f'drgn: the kernel\'s rules: {type(e).__name__}: {e}'}, open(out, 'w'))
        return 2
    psize, off, pg = rules['psize'], rules['off'], rules['pg']
    is_buddy, is_slab_type = rules['is_buddy'], rules['is_slab_type']
    nr_mt = prog['MIGRATE_TYPES'].value_()
    vmemmap = prog['vmemmap_base'].value_()
    lists, nr_free, census, uncovered = {}, {}, {}, []
    node_data = prog['node_data']
    for nid in range(len(node_data)):
        pgdat = node_data[nid]
        if not pgdat.value_():
            continue
        # QEMU 7.2's paging dump of a multi-node guest writes only part of
        # the direct map (p_filesz < p_memsz); drgn then reads zeros.
        if pgdat.node_id.value_() != nid or not pgdat.node_spanned_pages.value_():
            uncovered.append(f'node {nid}: its pglist_data at {hex(pgdat.value_())} reads as '
                             f'zeros in this dump (segment bytes not written)')
            continue
        for z in range(prog['__MAX_NR_ZONES'].value_()):
            zone = pgdat.node_zones[z]
            if not zone.spanned_pages.value_():
                continue
            name = zone.name.string_().decode()
            key = f'{nid} {name}'
            for order in range(len(zone.free_area)):
                area = zone.free_area[order]
                nr_free[f'{key} {order}'] = area.nr_free.value_()
                for mt in range(nr_mt):
                    n = sum(1 for _ in list_for_each_entry('struct page', area.free_list[mt].address_of_(),
                                                            rules['list']))
                    lists[f'{key} {order} {mt}'] = n
            start, span = zone.zone_start_pfn.value_(), zone.spanned_pages.value_()
            c = dict(free=0, slab=0, reserved=0, head=0, tail=0, pages=0)
            free_end = 0
            i = 0
            while i < span:
                # A section's struct pages at a time: the vmemmap of a hole
                # (the PCI hole below 4 GiB) is not mapped, and a hole has
                # no struct pages to count.
                n = min(span - i, SECTION_PAGES - (start + i) % SECTION_PAGES)
                try:
                    data = prog.read(vmemmap + (start + i) * psize, n * psize)
                except drgn.FaultError:
                    i += n
                    continue
                for j in range(n):
                    o = j * psize
                    flags = struct.unpack_from('<Q', data, o + off['flags'])[0]
                    ptype = struct.unpack_from('<I', data, o + off['page_type'])[0]
                    ch = struct.unpack_from('<Q', data, o + off['compound'])[0]
                    c['pages'] += 1
                    if is_buddy(flags, ptype):
                        order = struct.unpack_from('<Q', data, o + off['private'])[0]
                        c['free'] += 1
                        free_end = i + j + (1 << order)
                        continue
                    if i + j < free_end:
                        c['free'] += 1
                        continue
                    if ch & 1:
                        c['tail'] += 1
                    elif flags >> pg['head'] & 1:
                        c['head'] += 1
                    if (pg['slab'] is not None and flags >> pg['slab'] & 1) or is_slab_type(ptype):
                        c['slab'] += 1
                    if flags >> pg['reserved'] & 1:
                        c['reserved'] += 1
                i += n
            census[key] = c
    json.dump({'lists': lists, 'nr_free': nr_free, 'census': census, 'uncovered': uncovered,
               'page_buddy': rules['buddy_rule']}, open(out, 'w'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
