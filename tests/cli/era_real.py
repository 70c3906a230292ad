#!/usr/bin/env python3
"""An era file against the real kernel it stands for: `pahole -F dwarf -C T`
on the era's fixture vmlinux and on the real vmlinux, for the structs kpage
reads (pages, zones, and the owners: slab caches, files, memcgs), and the offset and size of every member kpage reads (src/layout*.c)
must agree, as must each struct's size and the enums kpage takes values
from. A difference the era file knows of (a config it chose otherwise) is
listed in EXPECTED with the reason, and printed, not failed.
usage: era_real.py ERA ERA_VMLINUX REAL_VMLINUX"""
import re
import subprocess
import sys

# struct -> members kpage reads (the first of several names a kernel has)
MEMBERS = {
    'page': ['flags', '_refcount', '_mapcount', 'page_type', 'private', 'mapping',
             '__folio_index|index', 'lru', 'buddy_list', 'compound_info|compound_head',
             'pp_magic', 'memcg_data'],
    'folio': ['flags', '_flags_1', '_head_1', '_nr_pages', 'memcg_data'],
    'zone': ['_watermark', 'watermark_boost', 'nr_reserved_highatomic', 'lowmem_reserve',
             'zone_pgdat', 'per_cpu_pageset', 'per_cpu_zonestats', 'pageblock_flags',
             'zone_start_pfn', 'managed_pages', 'spanned_pages', 'present_pages', 'name',
             'free_area', 'vm_stat', 'vmemmap_tails'],
    'free_area': ['free_list', 'nr_free'],
    'pglist_data': ['node_zones', 'node_zonelists', 'nr_zones', 'node_start_pfn',
                    'node_present_pages', 'node_spanned_pages', 'node_id'],
    'mem_section': ['section_mem_map', 'usage'],
    'mem_section_usage': ['pageblock_flags'],
    'per_cpu_pages': ['count'],
    'per_cpu_zonestat': ['vm_stat_diff'],
    # owners (tests/fixtures/fx_owners.h)
    'slab': ['slab_cache', 'freelist', 'inuse', 'objects', 'frozen', 'obj_exts|memcg_data'],
    'kmem_cache': ['name', 'object_size|objsize', 'size'],
    'address_space': ['host', 'nrpages'],
    'inode': ['i_ino', 'i_sb', 'i_size', 'i_dentry', 'i_mapping'],
    'dentry': ['d_parent', 'd_name', 'd_alias', 'd_inode'],
    'qstr': ['name'],
    'super_block': ['s_dev', 's_type', 's_id'],
    'file_system_type': ['name'],
    'mem_cgroup': ['css'],
    'cgroup_subsys_state': ['cgroup'],
    'cgroup': ['kn'],
    'kernfs_node': ['__parent|parent', 'name'],
    'obj_cgroup': ['memcg'],
    'slabobj_ext': ['_objcg|objcg'],
}
ENUMS = ['pageflags', 'pagetype', 'pageblock_bits', 'migratetype', 'zone_type',
         'page_memcg_data_flags']
# (era, struct, member or "size") -> why the era file differs from that kernel
EXPECTED = {
}

LINE = re.compile(r'^\s*(.*?)\s*;\s*/\*\s*(\d+)(?::\s*\d+)?\s+(\d+)\s*\*/')
SIZE = re.compile(r'/\* size: (\d+),')
ENUMERATOR = re.compile(r'^\s*(\w+)\s*=\s*(-?\d+),?\s*$')


def pahole(path, name):
    r = subprocess.run(['pahole', '-F', 'dwarf', '-C', name, path], capture_output=True,
                       text=True)
    return r.stdout


def members(text):
    """name -> (offset, size) of the first member of that name (nested ones
    included: anonymous structs and unions are flattened, as kpage looks)."""
    out, size = {}, None
    for line in text.splitlines():
        m = SIZE.search(line)
        if m and line.startswith('\t/*') and size is None and line.count('\t') == 1:
            size = int(m.group(1))
        m = LINE.match(line)
        if not m or line.strip().startswith('}'):
            continue
        decl = re.sub(r'\s*__attribute__\(\(.*?\)\)\)?', '', m.group(1)).strip()
        name = re.sub(r'\[.*', '', decl.split()[-1]).lstrip('*').split(':')[0]
        out.setdefault(name, (int(m.group(2)), int(m.group(3))))
    return out, size


def enumerators(text):
    return {m.group(1): int(m.group(2)) for m in map(ENUMERATOR.match, text.splitlines()) if m}


def main():
    era, ev, rv = sys.argv[1:4]
    bad, noted, checked = [], [], 0

    def differ(key, what):
        if key in EXPECTED:
            noted.append(f'{what}  (expected: {EXPECTED[key]})')
        else:
            bad.append(what)

    for struct, wanted in MEMBERS.items():
        et, rt = pahole(ev, struct), pahole(rv, struct)
        if not rt:
            continue                  # not in that kernel (e.g. folio before 5.16)
        (em, esize), (rm, rsize) = members(et), members(rt)
        if esize != rsize:
            differ((era, struct, 'size'), f'struct {struct}: size {esize} in {era}, {rsize} real')
        for names in wanted:
            alts = names.split('|')
            r = next((n for n in alts if n in rm), None)
            e = next((n for n in alts if n in em), None)
            if r is None and e is None:
                continue
            checked += 1
            if r != e or em.get(e) != rm.get(r):
                differ((era, struct, names.split('|')[0]),
                       f'{struct}.{e}: {em.get(e)} in {era}, {r}: {rm.get(r)} real '
                       '(offset, size)')
    for enum in ENUMS:
        ee, re_ = enumerators(pahole(ev, enum)), enumerators(pahole(rv, enum))
        if not re_:
            continue
        checked += 1
        if ee != re_:
            only_e = sorted(set(ee.items()) - set(re_.items()))
            only_r = sorted(set(re_.items()) - set(ee.items()))
            differ((era, enum, 'enum'), f'enum {enum}: only in {era} {only_e[:6]}, '
                   f'only real {only_r[:6]}')
    for n in noted:
        print('  note:', n)
    for b in bad:
        print('  DIFFERS:', b)
    print(f'{era}: {checked} members and enums compared, {len(bad)} differ, '
          f'{len(noted)} expected differences')
    return 1 if bad or not checked else 0


if __name__ == '__main__':
    sys.exit(main())
