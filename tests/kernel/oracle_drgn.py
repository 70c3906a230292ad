#!/usr/bin/python3
"""drgn's view of the same dump: the buddy free lists walked with drgn's own
list helpers, and a census of mem_map (free, slab, reserved, compound heads
and tails per zone) decoded here from drgn's type offsets.

usage: oracle_drgn.py VMLINUX VMCORE OUT_JSON   (run with Debian's python3)
drgn 0.0.22 reads only ELF dumps with virtual addresses (QEMU paging=true).
On failure writes {"error": "..."} and exits 2."""
import json
import struct
import sys

SECTION_PAGES = 1 << 15   # x86_64: 128 MiB sections of 4 KiB pages


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
    page_t = prog.type('struct page')
    psize = page_t.size
    off = {m: drgn.offsetof(page_t, m) for m in ('flags', 'private', 'compound_head', 'page_type')}
    pg = {name: prog[f'PG_{name}'].value_() for name in ('slab', 'reserved', 'head')}
    buddy_bit = 0x80      # PG_buddy in page_type, include/linux/page-flags.h of 6.1
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
                                                            'buddy_list'))
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
                    ch = struct.unpack_from('<Q', data, o + off['compound_head'])[0]
                    c['pages'] += 1
                    if ptype & (0xf0000000 | buddy_bit) == 0xf0000000:
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
                    if flags >> pg['slab'] & 1:
                        c['slab'] += 1
                    if flags >> pg['reserved'] & 1:
                        c['reserved'] += 1
                i += n
            census[key] = c
    json.dump({'lists': lists, 'nr_free': nr_free, 'census': census, 'uncovered': uncovered},
              open(out, 'w'))
    return 0


if __name__ == '__main__':
    sys.exit(main())
