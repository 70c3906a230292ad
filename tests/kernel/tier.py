#!/usr/bin/env python3
"""The real-kernel tier's guest and dumps, cached.

    tier.py prepare SUITE VARIANT   -> prints the cache directory of the variant

Fetches the Debian kernel that SUITE's linux-image-cloud-amd64 depends on and
its -dbg package (debkernel.py: a private apt state, apt-get download,
dpkg-deb -x; nothing is installed), builds an initramfs (busybox, modules, memload), boots it under
QEMU (TCG, KASLR on, -device vmcoreinfo), waits for KPAGE-READY, and writes
the dumps over QMP: vmcore.elf (physical), vmcore-paging.elf (virtual, for
drgn), vmcore.kdump-zlib (QEMU's flattened kdump) and vmcore.kdump
(reassembled by makedumpfile -R). The guest's own view (/proc files,
kpageflags, kpagecount) is in truth/. Everything lives under
$XDG_CACHE_HOME/kpage/kernel/RELEASE/VARIANT, stamped when complete; the
file `vmlinux` there names the debug vmlinux.
Variants: 1g (one node, 1 GiB), numa2 (two nodes, 2 GiB), live (1.5 GiB, with
kpage and its libraries in the initramfs and the vmlinux as a read-only
virtio disk /dev/vdb: the guest runs kpage on its own /proc/kcore and records
the results next to /proc/buddyinfo read at the same moment).
The kpage binary for the live variant is $KPAGE (default build/kpage)."""
import hashlib
import json
import os
import random
import re
import shutil
import socket
import subprocess
import sys
import tarfile
import time

import debkernel

HERE = os.path.dirname(os.path.abspath(__file__))
VARIANTS = {
    '1g': ['-m', '1G', '-smp', '1'],
    'numa2': ['-m', '2G', '-smp', '2', '-object', 'memory-backend-ram,id=m0,size=1G',
              '-object', 'memory-backend-ram,id=m1,size=1G',
              '-numa', 'node,nodeid=0,cpus=0,memdev=m0', '-numa', 'node,nodeid=1,cpus=1,memdev=m1'],
}
VARIANTS['live'] = ['-m', '1536M', '-smp', '1']
MODULES = ['qemu_fw_cfg', 'virtio_blk', 'virtio_pci']


def kpage_binary():
    return os.environ.get('KPAGE') or os.path.join(HERE, '..', '..', 'build', 'kpage')


def add_binary_with_libs(root, path, dest):
    """Copies an ELF executable and the shared libraries ldd names."""
    shutil.copy(path, os.path.join(root, dest.lstrip('/')))
    out = subprocess.run(['ldd', path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        parts = line.split()
        lib = parts[2] if '=>' in parts and len(parts) > 2 else parts[0]
        if lib.startswith('/'):
            target = os.path.join(root, lib.lstrip('/'))
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy(lib, target)


def log(msg):
    print(f'[tier] {msg}', file=sys.stderr, flush=True)


def run(cmd, **kw):
    return subprocess.run(cmd, check=True, **kw)


def module_paths(base):
    """The modules needed, dependencies first, from modules.dep (those built
    in, as virtio_pci in 6.12 and later, are not in it)."""
    deps = {}
    for line in open(f'{base}/modules.dep'):
        mod, _, rest = line.partition(':')
        deps[os.path.basename(mod).split('.ko')[0]] = (mod, rest.split())
    order, seen = [], set()

    def add(name):
        if name in seen or name not in deps:
            return
        seen.add(name)
        for d in deps[name][1]:
            add(os.path.basename(d).split('.ko')[0])
        order.append(deps[name][0])
    for m in MODULES:
        add(m)
    return [os.path.join(base, m) for m in order]


def build_initramfs(kernel, out, live):
    root = out + '.root'
    shutil.rmtree(root, ignore_errors=True)
    for d in ('bin', 'proc', 'sys', 'dev', 'tmp', 'modules'):
        os.makedirs(os.path.join(root, d))
    shutil.copy('/bin/busybox', os.path.join(root, 'bin/busybox'))
    for prog in ('memload', 'owners'):
        run(['gcc', '-static', '-O2', '-o', os.path.join(root, 'bin', prog),
             os.path.join(HERE, prog + '.c')])
    if live:
        add_binary_with_libs(root, kpage_binary(), '/bin/kpage')
    shutil.copy(os.path.join(HERE, 'guest-init.sh'), os.path.join(root, 'init'))
    os.chmod(os.path.join(root, 'init'), 0o755)
    names = []
    for path in module_paths(kernel['modules']):
        name = os.path.basename(path)
        if name.endswith('.xz'):
            run(['xz', '-dc', path], stdout=open(os.path.join(root, 'modules', name[:-3]), 'wb'))
            name = name[:-3]
        else:
            shutil.copy(path, os.path.join(root, 'modules', name))
        names.append(name)
    with open(os.path.join(root, 'modules.order'), 'w') as f:
        f.write('\n'.join(names) + '\n')
    find = subprocess.Popen(['find', '.'], cwd=root, stdout=subprocess.PIPE)
    with open(out, 'wb') as f:
        cpio = subprocess.Popen(['cpio', '-o', '-H', 'newc', '--quiet'], cwd=root,
                                stdin=find.stdout, stdout=subprocess.PIPE)
        run(['gzip', '-1'], stdin=cpio.stdout, stdout=f)
    shutil.rmtree(root)


class QMP:
    def __init__(self, path, timeout=120):
        deadline = time.time() + timeout
        while True:
            try:
                self.sock = socket.socket(socket.AF_UNIX)
                self.sock.connect(path)
                break
            except OSError:
                if time.time() > deadline:
                    raise
                time.sleep(0.2)
        self.f = self.sock.makefile('rw')
        json.loads(self.f.readline())
        self.cmd('qmp_capabilities')

    def cmd(self, name, **args):
        self.f.write(json.dumps({'execute': name, 'arguments': args} if args else {'execute': name}) + '\n')
        self.f.flush()
        while True:
            r = json.loads(self.f.readline())
            if 'error' in r:
                raise RuntimeError(f'QMP {name}: {r["error"]}')
            if 'return' in r:
                return r['return']

    def dump(self, path, fmt=None, paging=False):
        args = {'paging': paging, 'protocol': f'file:{path}', 'detach': True}
        if fmt:
            args['format'] = fmt
        self.cmd('dump-guest-memory', **args)
        while self.cmd('query-dump')['status'] == 'active':
            time.sleep(0.2)
        st = self.cmd('query-dump')
        if st['status'] != 'completed':
            raise RuntimeError(f'dump {path}: {st}')


def vmlinux_image(kernel):
    """An ext4 image holding the vmlinux (built into the guest kernel; libelf
    cannot size a raw block device), made once per release."""
    src = kernel['vmlinux']
    img = os.path.join(cache_root(), 'kernel', kernel['release'], 'vmlinux.ext4')
    if not os.path.exists(img) or os.path.getmtime(img) < os.path.getmtime(src):
        stage = img + '.d'
        shutil.rmtree(stage, ignore_errors=True)
        os.makedirs(stage)
        os.link(src, os.path.join(stage, 'vmlinux')) if os.stat(src).st_dev == os.stat(stage).st_dev \
            else shutil.copy(src, os.path.join(stage, 'vmlinux'))
        size_mb = os.path.getsize(src) // (1 << 20) + 64
        run(['mke2fs', '-q', '-F', '-t', 'ext4', '-d', stage, img + '.tmp', f'{size_mb}M'],
            stdout=subprocess.DEVNULL)
        shutil.rmtree(stage)
        os.rename(img + '.tmp', img)
    return img


# The block-backed files of the owners scenario (guest-init.sh): PATH ->
# bytes. The guest reads big3 whole, the first MiB of dir/part5, and
# dir/deep/small, and records each one's mincore residency and inode.
OWNER_FILES = {'big3': 3 << 20, 'dir/part5': 5 << 20, 'dir/deep/small': 5000}
# Variants whose guest makes the owners scenario (memory cgroups, tmpfs and
# ext4 files, a slab cache with 20000 objects): compare_owners.py.
OWNERS_VARIANTS = ('1g', 'numa2')


def owners_image():
    """An ext4 image (4 KiB blocks) holding OWNER_FILES, the same for every
    kernel (the guest mounts it read-only), made once."""
    img = os.path.join(cache_root(), 'owners.ext4')
    key = repr(sorted(OWNER_FILES.items()))
    if os.path.exists(img) and os.path.exists(img + '.key') and open(img + '.key').read() == key:
        return img
    stage = img + '.d'
    shutil.rmtree(stage, ignore_errors=True)
    for i, (path, size) in enumerate(sorted(OWNER_FILES.items())):
        os.makedirs(os.path.dirname(os.path.join(stage, path)), exist_ok=True)
        with open(os.path.join(stage, path), 'wb') as f:
            f.write(random.Random(i).randbytes(size))
    run(['mke2fs', '-q', '-F', '-t', 'ext4', '-b', '4096', '-L', 'kpowners', '-d', stage,
         img + '.tmp', '32M'], stdout=subprocess.DEVNULL)
    shutil.rmtree(stage)
    os.rename(img + '.tmp', img)
    with open(img + '.key', 'w') as f:
        f.write(key)
    return img


def cache_root():
    cache = os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache')
    return os.path.join(cache, 'kpage')


def boot_and_dump(kernel, variant, d, timings):
    disk = os.path.join(d, 'truth.tar.img')
    with open(disk, 'wb') as f:
        f.truncate(64 << 20)
    qmp_path = os.path.join(d, 'qmp.sock')
    serial = os.path.join(d, 'serial.log')
    for p in (qmp_path, serial):
        if os.path.exists(p):
            os.unlink(p)
    cmd = ['qemu-system-x86_64', '-machine', 'q35', '-cpu', 'qemu64', '-nographic',
           '-no-reboot', '-display', 'none', '-monitor', 'none',
           '-kernel', kernel['vmlinuz'], '-initrd', os.path.join(d, 'initramfs.gz'),
           # slab_nomerge: every cache its own, so /proc/slabinfo is exact per cache
           '-append', 'console=ttyS0 quiet panic=-1 transparent_hugepage=always slab_nomerge'
           + (f' kpage_owners=vd{"c" if variant == "live" else "b"}' if variant in OWNERS_VARIANTS else ''),
           '-device', 'vmcoreinfo', '-drive', f'file={disk},format=raw,if=virtio',
           '-qmp', f'unix:{qmp_path},server,nowait', '-serial', f'file:{serial}'] + VARIANTS[variant]
    if variant == 'live':
        cmd += ['-drive', f'file={vmlinux_image(kernel)},format=raw,if=virtio,readonly=on']
    if variant in OWNERS_VARIANTS:
        # kpage_owners (above, passed to /init in its environment) names it
        cmd += ['-drive', f'file={owners_image()},format=raw,if=virtio,readonly=on']
    t0 = time.time()
    q = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=open(os.path.join(d, 'qemu.err'), 'w'))
    try:
        qmp = QMP(qmp_path)
        deadline = time.time() + 240
        while 'KPAGE-READY' not in open(serial, errors='replace').read():
            if q.poll() is not None or time.time() > deadline:
                raise SystemExit(f'guest did not get ready (see {serial})')
            time.sleep(0.5)
        timings['boot'] = time.time() - t0
        qmp.cmd('stop')
        for name, fmt, paging in (('vmcore.elf', None, False), ('vmcore-paging.elf', None, True),
                                  ('vmcore.kdump-zlib', 'kdump-zlib', False)):
            t = time.time()
            qmp.dump(os.path.join(d, name), fmt, paging)
            timings['dump ' + name] = time.time() - t
        qmp.cmd('quit')
        q.wait(30)
    finally:
        if q.poll() is None:
            q.kill()
    with tarfile.open(disk) as tar:
        tar.extractall(os.path.join(d, 'truth'))
    # kpageflags and kpagecount were written raw at 16 and 32 MiB.
    sizes = re.findall(r'KPAGE-SIZES (\d+) (\d+)', open(serial, errors='replace').read())
    n = [int(w) for w in sizes[-1]] if sizes else []
    if len(n) != 2:
        raise SystemExit(f'guest did not report the kpageflags sizes (see {serial})')
    with open(disk, 'rb') as img:
        for name, off, size in (('kpageflags', 16 << 20, n[0]), ('kpagecount', 32 << 20, n[1])):
            img.seek(off)
            with open(os.path.join(d, 'truth', name), 'wb') as f:
                f.write(img.read(size))
    os.unlink(disk)
    t = time.time()
    out = os.path.join(d, 'vmcore.kdump')
    if os.path.exists(out):
        os.unlink(out)
    with open(os.path.join(d, 'vmcore.kdump-zlib'), 'rb') as src:
        run(['makedumpfile', '-R', out], stdin=src, stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL)
    timings['makedumpfile -R'] = time.time() - t


def prepare(suite, variant):
    if variant not in VARIANTS:
        raise SystemExit(f'unknown variant {variant} ({", ".join(VARIANTS)})')
    timings = {}
    t = time.time()
    kernel = debkernel.fetch(suite)
    rel = kernel['release']
    timings['kernel fetch'] = time.time() - t
    d = os.path.join(cache_root(), 'kernel', rel, variant)
    os.makedirs(d, exist_ok=True)
    inputs = hashlib.sha256()
    for f in ('memload.c', 'owners.c', 'guest-init.sh', 'tier.py'):
        inputs.update(open(os.path.join(HERE, f), 'rb').read())
    inputs.update(rel.encode())
    if variant == 'live':
        inputs.update(open(kpage_binary(), 'rb').read())
    key = inputs.hexdigest()
    stamp = os.path.join(d, 'STAMP')
    with open(os.path.join(d, 'vmlinux'), 'w') as f:
        f.write(kernel['vmlinux'] + '\n')
    if os.path.exists(stamp) and open(stamp).read().strip() == key:
        log(f'{suite} {variant}: cached in {d}')
        print(d)
        return
    if os.path.exists(stamp):
        os.unlink(stamp)
    t = time.time()
    build_initramfs(kernel, os.path.join(d, 'initramfs.gz'), variant == 'live')
    timings['initramfs'] = time.time() - t
    boot_and_dump(kernel, variant, d, timings)
    with open(os.path.join(d, 'release'), 'w') as f:
        f.write(rel + '\n')
    with open(os.path.join(d, 'timings.txt'), 'w') as f:
        for k, v in timings.items():
            f.write(f'{k}: {v:.1f}s\n')
            log(f'{suite} {variant}: {k} {v:.1f}s')
    with open(stamp, 'w') as f:
        f.write(key + '\n')
    print(d)


if __name__ == '__main__':
    if len(sys.argv) != 4 or sys.argv[1] != 'prepare':
        raise SystemExit(__doc__)
    prepare(sys.argv[2], sys.argv[3])
