#!/usr/bin/env python3
"""kpage's owners (`top slab|file|memcg`, `page PFN` of a slab page, `pages
--memcg`) against what the guest recorded of its own owners scenario
(guest-init.sh, owners.c) and against crash on the same dump.

usage: compare_owners.py KPAGE VMLINUX DIR
DIR is a variant's cache directory: vmcore.elf, serial.log (the slabinfo
printed last before the dump) and truth/owners/ (files: inode, device, size
and mincore residency per file; memcg/GROUP/memory.stat; slabinfo, taken
before the tar). With KP_CRASH_READS=1 crash is asked too (`kmem -s` and
`kmem -P` of a slab page, one run, its answer kept in DIR/crash-owners.txt
while the dump, crash and the page asked are unchanged).
Prints "ok NAME ...", "FAIL NAME why", "note NAME text" (run.sh's results).
Slack and drift: see NOTES.md ("Owners")."""
import json
import os
import re
import subprocess
import sys

PAGE = 4096
# The recognisable cache: 20000 empty tmpfs files (guest-init.sh); quiet
# between every record and the dump, so exact.
CACHE = 'shmem_inode_cache'
CACHE_MIN_OBJECTS = 20000
# Total drift of `top slab` from the slabinfo printed last, over all caches,
# in pages: the capture's last processes (cat's exit, the idle loop's sleep)
# allocate and free slab objects after it; above this something is wrong.
SLAB_TOTAL_SLACK = 64
# memory.stat against mem_map (anon, file, slab), per counter and group, in
# pages: the rstat
# flush of 6.1 and later waits for MEMCG_CHARGE_BATCH (64) updates per cpu,
# 5.10's per-cpu counters likewise (32 per counter).
MEMCG_SLACK = 64
# What the guest allocated per group (MiB): anon, file (tmpfs + ext4 page
# cache), charged to the group itself (not its children).
GROUPS = {'/kpA': (24, 12), '/kpB': (0, 6 + 3), '/kpB/sub': (40, 2)}
# The guest's mounts: the path of a file within its filesystem.
MOUNTS = [('/tmp/', '/'), ('/mnt/kpe/', '/')]


def out(status, name, text=''):
    print(f'{status} owners/{name} {text}'.rstrip())


def kpage(args, exe, vmlinux, core):
    r = subprocess.run([exe, '--vmlinux', vmlinux, '--core', core, '--json'] + args,
                       capture_output=True, text=True)
    if r.returncode not in (0, 3):
        raise RuntimeError(f'kpage {" ".join(args)} exited {r.returncode}: '
                           + ' '.join(r.stderr.split())[:200])
    return [json.loads(line) for line in r.stdout.splitlines() if line.strip()]


def parse_slabinfo(text):
    """name -> dict(active, objs, objsize, perslab, pagesperslab, slabs)."""
    caches = {}
    for line in text.splitlines():
        m = re.match(r'^(\S+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*:\s*tunables.*:\s*slabdata'
                     r'\s+(\d+)\s+(\d+)', line)
        if not m:
            continue
        v = [int(x) for x in m.groups()[1:]]
        c = caches.setdefault(m.group(1), dict(active=0, objs=0, pages=0, slabs=0))
        c['active'] += v[0]
        c['objs'] += v[1]
        c['objsize'] = v[2]
        c['slabs'] += v[6]
        c['pages'] += v[6] * v[4]
    return caches


def console_slabinfo(serial):
    text = open(serial, errors='replace').read().replace('\r', '')
    m = re.findall(r'KPAGE-SLABINFO\n(.*?)\nKPAGE-END', text, re.S)
    return m[-1] if m else None


def memstat(d, group):
    path = os.path.join(d, 'truth', 'owners', 'memcg', group.lstrip('/'), 'memory.stat')
    st = {}
    for line in open(path):
        k, v = line.split()
        st[k] = int(v)
    return st


def local_stat(d, group):
    """memory.stat is hierarchical in cgroup v2: a group's own charges are
    its figures less its children's."""
    st = memstat(d, group)
    for child in GROUPS:
        if child.startswith(group + '/') and child.count('/') == group.count('/') + 1:
            for k, v in memstat(d, child).items():
                st[k] = st.get(k, 0) - v
    return st


def truth_files(d):
    files = []
    for line in open(os.path.join(d, 'truth', 'owners', 'files')):
        path, *kv = line.split()
        f = dict(kv.split('=', 1) for kv in kv)
        f = {k: (v if k == 'dev' else int(v)) for k, v in f.items()}
        f['path'] = path
        f['fspath'] = next(('/' + path[len(p):] if r == '/' else r + path[len(p):]
                            for p, r in MOUNTS if path.startswith(p)), path)
        files.append(f)
    return files


def check_truth(d, slab):
    """The records themselves: what the guest meant to make is there."""
    c = slab.get(CACHE)
    if c and c['objs'] >= CACHE_MIN_OBJECTS:
        out('ok', 'truth/slabinfo', f'{CACHE}: {c["objs"]} objects in {c["slabs"]} slabs')
    else:
        out('FAIL', 'truth/slabinfo', f'{CACHE}: {c} (wanted >= {CACHE_MIN_OBJECTS} objects)')
    bad = []
    for g, (anon, file) in GROUPS.items():
        st = local_stat(d, g)
        for k, mib in (('anon', anon), ('file', file)):
            want = mib << 20
            if abs(st[k] - want) > max(want // 10, 1 << 20):
                bad.append(f'{g} {k} {st[k]} bytes, made {want}')
    if bad:
        out('FAIL', 'truth/memcg', '; '.join(bad))
    else:
        out('ok', 'truth/memcg', 'anon and file of every group within 10% of what was made')
    want = {'/tmp/kp/A.tmp': 3072, '/tmp/kp/B.tmp': 1536, '/tmp/kp/Bsub.tmp': 512,
            '/tmp/kp/root.tmp': 257, '/mnt/kpe/big3': 768, '/mnt/kpe/dir/part5': 256,
            '/mnt/kpe/dir/deep/small': 2}
    got = {f['path']: f['resident'] for f in truth_files(d) if f['path'] in want}
    if got == want:
        out('ok', 'truth/mincore', 'every file resident as read')
    else:
        out('FAIL', 'truth/mincore', f'resident {got}, wanted {want}')


def compare_slab(top, slab, name, strict=True):
    """top slab against a slabinfo: pages and objects per cache name
    (not strict: notes only, for the copy taken before the tar, dd and sync)."""
    kp = {}
    for c in top:
        k = kp.setdefault(c['name'], dict(pages=0, objs=0, inuse=0))
        k['pages'] += c['pages']
        k['objs'] += c['objects']
        k['inuse'] += c['inuse']
    drift, total, differ, inuse = 0, 0, [], []
    for n in sorted(set(kp) | set(slab)):
        a = kp.get(n, dict(pages=0, objs=0, inuse=0))
        b = slab.get(n, dict(pages=0, objs=0, active=0))
        total += b['pages']
        if (a['pages'], a['objs']) != (b['pages'], b['objs']):
            drift += abs(a['pages'] - b['pages'])
            differ.append(f'{n} pages {a["pages"]}/{b["pages"]} objects {a["objs"]}/{b["objs"]}')
        elif a['inuse'] != b.get('active', 0):
            inuse.append(f'{n} {a["inuse"]}/{b["active"]}')
    k, s = kp.get(CACHE), slab.get(CACHE)
    note = f'{len(differ)} of {len(set(kp) | set(slab))} caches differ (kpage/slabinfo), ' \
           f'{drift} of {total} pages: ' + '; '.join(differ[:12])
    if not strict:
        out('note', f'{name}', note)
        return
    # slabinfo's active_objs counts cpu (and cpu partial) slabs as full:
    # never below what is in use
    if k and s and (k['pages'], k['objs']) == (s['pages'], s['objs']) and k['inuse'] <= s['active']:
        out('ok', f'{name}/{CACHE}', f'{k["pages"]} pages, {k["objs"]} objects, '
            f'{k["inuse"]} in use (slabinfo active_objs {s["active"]})')
    else:
        out('FAIL', f'{name}/{CACHE}', f'kpage {k}, slabinfo {s}')
    out('ok' if drift <= SLAB_TOTAL_SLACK else 'FAIL', f'{name}/total', note)
    if inuse:
        out('note', f'{name}/inuse', f'{len(inuse)} caches equal in pages and objects whose '
            f'inuse differs from active_objs (kpage/slabinfo): ' + '; '.join(inuse[:12]))


def crash_answer(d, vmlinux, phys):
    """crash's `kmem -s` and `kmem -P PHYS`, kept while nothing changed."""
    path = os.path.join(d, 'crash-owners.txt')
    core = os.path.join(d, 'vmcore.elf')
    head = f'# kmem -P {" ".join(phys)}\n'
    crash = subprocess.run(['sh', '-c', 'command -v crash'], capture_output=True, text=True).stdout.strip()
    if os.path.exists(path) and open(path).readline() == head and all(
            os.path.getmtime(path) > os.path.getmtime(x) for x in (core, crash, vmlinux)):
        return open(path).read()
    cmds = 'kmem -s\n' + ''.join(f'kmem -P {p}\n' for p in phys) + 'quit\n'
    r = subprocess.run(['timeout', '300', 'crash', '-s', vmlinux, core], input=cmds,
                       capture_output=True, text=True)
    with open(path, 'w') as f:
        f.write(head + r.stdout + r.stderr)
    return open(path).read()


def compare_crash(d, vmlinux, top, pgs):
    phys = [hex(pg['pfn'] * PAGE) for pg in pgs]
    text = crash_answer(d, vmlinux, phys)
    caches = {}
    for line in text.splitlines():
        m = re.match(r'^([0-9a-f]{16})\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)k\s+(\S+)\s*$', line)
        if m:
            caches[int(m.group(1), 16)] = dict(name=m.group(7), inuse=int(m.group(3)),
                                               objs=int(m.group(4)),
                                               pages=int(m.group(5)) * int(m.group(6)) // 4)
    if not caches:
        out('FAIL', 'crash/kmem-s', 'crash printed no cache: ' + ' '.join(text.split())[-200:])
        return
    kp = {int(c['cache'], 16): c for c in top}
    differ = []
    for addr in sorted(set(kp) | set(caches)):
        a, b = kp.get(addr), caches.get(addr)
        if b and not b['pages'] and not a:
            continue   # an empty cache: kpage lists only caches with pages
        # crash's ALLOCATED, like kpage's inuse, counts a cpu slab's free
        # objects on that cpu's freelist as free
        if not a or not b or (a['pages'], a['objects'], a['inuse']) != (b['pages'], b['objs'], b['inuse']):
            differ.append(f'{hex(addr)} {(a or b)["name"]} kpage '
                          f'{(a["pages"], a["objects"], a["inuse"]) if a else None} crash '
                          f'{(b["pages"], b["objs"], b["inuse"]) if b else None}')
    if differ:
        out('FAIL', 'crash/kmem-s', f'{len(differ)} caches differ (pages, objects, inuse): '
            + '; '.join(differ[:8]))
    else:
        out('ok', 'crash/kmem-s', f'{len(caches)} caches: pages, objects and inuse (ALLOCATED) equal')
    # kmem -P of a slab page: the cache line, then "SLAB MEMORY NODE TOTAL
    # ALLOCATED FREE". crash does not echo its commands: each kmem -P's
    # part starts at its "CACHE OBJSIZE ..." header, after kmem -s's.
    heads = [m.start() for m in re.finditer(r'^CACHE\s+OBJSIZE', text, re.M)] + [len(text)]
    parts = [text[a:b] for a, b in zip(heads[1:], heads[2:])]
    for pg, part in zip(pgs, parts + [''] * len(pgs)):
        name = re.search(r'^[0-9a-f]{16}\s+\d+\s+\d+\s+\d+\s+\d+\s+\d+k\s+(\S+)', part, re.M)
        sl = re.search(r'^\s*SLAB\s+MEMORY\s+NODE\s+TOTAL\s+ALLOCATED\s+FREE\s*\n\s*\[?([0-9a-f]+)\]?\s+'
                       r'([0-9a-f]+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)', part, re.M)
        desc = pg['descriptor']
        want = (name.group(1) if name else None, int(sl.group(4)) if sl else None,
                int(sl.group(5)) if sl else None)
        got = (desc.get('cache'), desc.get('objects'), desc.get('inuse'))
        frozen = desc.get('frozen')
        # a cpu slab's inuse field says all in use (SLUB sets it so when a
        # cpu takes the slab): kpage and crash count the cpu's freelist
        tag = 'crash/page-slab' + ('-frozen' if frozen else '')
        out('ok' if got == want else 'FAIL', tag,
            f'pfn {pg["pfn"]} (frozen {frozen}): kpage cache, objects, inuse {got}, crash {want}')


def slab_pages(exe, vmlinux, core, top):
    """Pages of CACHE to show crash: a slab not frozen (partly free if there
    is one) and a frozen (per-cpu) one, if any. Also checks that pages
    --slab-cache lists every page top slab counted."""
    pages = kpage(['pages', '--slab-cache', CACHE], exe, vmlinux, core)
    want = sum(c['pages'] for c in top if c['name'] == CACHE)
    out('ok' if len(pages) == want else 'FAIL', f'pages-slab-cache',
        f'pages --slab-cache {CACHE}: {len(pages)} pages, top slab {want}')
    heads = [p['pfn'] for p in pages if p.get('compound') != 'tail']
    r = subprocess.run([exe, '--vmlinux', vmlinux, '--core', core, '--json'],
                       input=''.join(f'page {pfn}\n' for pfn in heads),
                       capture_output=True, text=True)
    descs = [json.loads(line) for line in r.stdout.splitlines() if line.strip()]
    if len(descs) != len(heads):
        raise RuntimeError(f'kpage page on {len(heads)} slab heads gave {len(descs)} answers, exit '
                           f'{r.returncode}: ' + ' '.join(r.stderr.split())[:200])
    for pg, pfn in zip(descs, heads):
        pg['pfn'] = pfn
    d = lambda pg: pg.get('descriptor', {})
    thawed = [pg for pg in descs if d(pg).get('frozen') is False]
    partial = [pg for pg in thawed if d(pg).get('inuse', 0) < d(pg).get('objects', 0)]
    frozen = [pg for pg in descs if d(pg).get('frozen')]
    bad = [pg['pfn'] for pg in descs if d(pg).get('kind') != 'slab' or d(pg).get('cache') != CACHE]
    out('FAIL' if bad else 'ok', 'page-slab-heads',
        f'{len(descs)} slab heads of {CACHE}: {len(partial)} partly free, {len(frozen)} frozen'
        + (f'; not named {CACHE}: pfn {bad[:5]}' if bad else ''))
    return (partial or thawed)[:1] + frozen[:1]


def compare_files(d, top):
    kp = {}
    for f in top:
        kp.setdefault((f.get('dev'), f.get('inode')), []).append(f)
    for f in truth_files(d):
        if not f['resident']:
            continue
        name = f'file{f["path"]}'
        got = kp.get((f['dev'], f['ino']))
        if not got:
            out('FAIL', name, f'no file with dev {f["dev"]} inode {f["ino"]} in top file '
                f'({f["resident"]} pages resident)')
            continue
        g = got[0]
        bad = [f'{k} {g.get(k)}, wanted {w}' for k, w in
               (('pages', f['resident']), ('size', f['size'])) if g.get(k) != w]
        if f['path'].startswith('/mnt/kpe/'):
            # mounted read-only: nothing of it can be dirty or under writeback
            bad += [f'{k} {g.get(k)}, wanted 0' for k in ('dirty', 'writeback') if g.get(k) != 0]
        if g.get('path') is not None and g['path'] != f['fspath']:
            bad.append(f'path {g["path"]}, wanted {f["fspath"]}')
        if bad:
            out('FAIL', name, '; '.join(bad))
        else:
            out('ok', name, f'{g["pages"]} pages, inode {f["ino"]} on {g.get("fs")} {f["dev"]}'
                + ('' if g.get('path') else ' (path not resolved)'))


def compare_memcg(d, top, exe, vmlinux, core):
    kp = {m['path']: m for m in top}
    for g in GROUPS:
        st = local_stat(d, g)
        m = kp.get(g)
        if not m:
            out('FAIL', f'memcg{g}', 'not in top memcg (its groups: ' + ', '.join(
                f'{m["memcg"]} {m["path"]} ({m.get("unknown", "")})' for m in top)[:400] + ')')
            continue
        bad, drift = [], []
        for k in ('anon', 'file', 'slab'):
            want = st[k] // PAGE
            drift.append(f'{k} {m[k] - want:+d}')
            if abs(m[k] - want) > MEMCG_SLACK:
                bad.append(f'{k} {m[k]} pages, memory.stat {want}')
        if bad:
            out('FAIL', f'memcg{g}', '; '.join(bad))
        else:
            out('ok', f'memcg{g}', f'anon {m["anon"]} file {m["file"]} slab {m["slab"]} (kpage - memory.stat: '
                + ', '.join(drift) + ')')
        kern = (st.get('kernel', 0) or st.get('slab', 0) + st.get('kernel_stack', 0)
                + st.get('pagetables', 0) + st.get('percpu', 0) + st.get('sock', 0)) // PAGE
        # memory.stat's kernel is 5.18 and later; before, its parts summed
        out('note', f'memcg{g}/kernel', f'kpage kernel {m.get("kernel")}; memory.stat kernel {kern} '
            f'(kpage - memory.stat: {m.get("kernel", 0) - kern:+d})')
        try:
            n = kpage(['pages', '--memcg', g, '--count'], exe, vmlinux, core)[0]['count']
        except RuntimeError as e:
            out('FAIL', f'memcg{g}/pages', str(e))
            continue
        # top's pages are anon + file + kernel, kernel counting the group's
        # slab objects (bytes / 4096, of slab pages shared between groups);
        # pages --memcg lists the pages whose own memcg_data names the group
        own = m['anon'] + m['file'] + m['kernel'] - m['slab']
        ok = n == own and m['pages'] == m['anon'] + m['file'] + m['kernel']
        out('ok' if ok else 'FAIL', f'memcg{g}/pages',
            f'pages --memcg {g}: {n} pages; top memcg pages {m["pages"]} = anon + file + kernel '
            f'{m["anon"] + m["file"] + m["kernel"]}, less slab {own}')


def main():
    exe, vmlinux, d = sys.argv[1:4]
    core = os.path.join(d, 'vmcore.elf')
    late = console_slabinfo(os.path.join(d, 'serial.log'))
    tarred = parse_slabinfo(open(os.path.join(d, 'truth', 'owners', 'slabinfo')).read())
    slab = parse_slabinfo(late) if late else tarred
    check_truth(d, slab)
    tops = {}
    for what in ('slab', 'file', 'memcg'):
        try:
            tops[what] = kpage(['top', what, '--limit', '0'], exe, vmlinux, core)
        except RuntimeError as e:
            out('FAIL', f'top-{what}', str(e))
    if 'slab' in tops:
        compare_slab(tops['slab'], slab, 'slab-vs-slabinfo')
        if late:
            compare_slab(tops['slab'], tarred, 'slab-vs-tarred-slabinfo', strict=False)
        pgs = []
        try:
            pgs = slab_pages(exe, vmlinux, core, tops['slab'])
        except (RuntimeError, IndexError, KeyError) as e:
            out('FAIL', 'page-slab', str(e))
        c = next((c for c in tops['slab'] if c['name'] == CACHE), {})
        for pg in pgs:
            desc = pg.get('descriptor', {})
            ok = desc.get('kind') == 'slab' and desc.get('cache') == CACHE and \
                desc.get('cache_addr') == c.get('cache') and desc.get('size') == c.get('size')
            out('ok' if ok else 'FAIL', 'page-slab' + ('-frozen' if desc.get('frozen') else ''),
                f'pfn {pg["pfn"]}: {json.dumps(desc)[:300]}')
        if os.environ.get('KP_CRASH_READS'):
            compare_crash(d, vmlinux, tops['slab'], pgs)
    if 'file' in tops:
        compare_files(d, tops['file'])
    if 'memcg' in tops:
        compare_memcg(d, tops['memcg'], exe, vmlinux, core)


if __name__ == '__main__':
    main()
