#!/usr/bin/env python3
"""The current cloud kernel of a Debian suite, with its debug vmlinux.

    debkernel.py release SUITE   -> the release linux-image-cloud-amd64 names
    debkernel.py fetch SUITE     -> JSON: release, vmlinuz, vmlinux, modules
    debkernel.py prune           -> drops cached kernels no suite offers now

Each suite has a private apt state under $XDG_CACHE_HOME/kpage/apt/SUITE (its
own sources list, lists and archive directory; the machine's own apt sources
and state are never touched). The packages are fetched with `apt-get
download` and unpacked with `dpkg-deb -x` under
$XDG_CACHE_HOME/kpage/kernel/RELEASE/root: the kernels of other suites do not
install on this machine and need not, QEMU boots the vmlinuz directly and
kpage reads the -dbg vmlinux. 7.x splits the image: linux-image-REL is a
metapackage whose Depends (linux-binary-REL, linux-modules-REL) hold the
files; they are followed. No Debian kernel package ships modules.dep (its
postinst makes it): depmod -b makes it here."""
import glob
import json
import os
import shutil
import subprocess
import sys
import time

SUITES = {'bullseye': '5.10', 'bookworm': '6.1', 'trixie': '6.12', 'trixie-backports': '7.x'}
MIRROR = 'http://deb.debian.org/debian'
SECURITY = 'http://deb.debian.org/debian-security'
LISTS_MAX_AGE = 6 * 3600   # a new kernel in a suite is seen within hours


def log(msg):
    print(f'[debkernel] {msg}', file=sys.stderr, flush=True)


def cache_root():
    cache = os.environ.get('XDG_CACHE_HOME') or os.path.expanduser('~/.cache')
    return os.path.join(cache, 'kpage')


def apt_dir(suite, point=False):
    return os.path.join(cache_root(), 'apt', suite + ('.point' if point else ''))


def apt_options(suite, point=False):
    d = apt_dir(suite, point)
    return ['-o', f'Dir::Etc::SourceList={d}/sources.list', '-o', 'Dir::Etc::SourceParts=/dev/null',
            '-o', f'Dir::State::Lists={d}/lists', '-o', f'Dir::Cache={d}/cache',
            '-o', 'Dir::State::status=/dev/null', '-o', 'Debug::NoLocking=1',
            '-o', 'APT::Sandbox::User=root', '-o', 'Acquire::Retries=3']


def apt_update(suite, point=False):
    """POINT: the suite's point release alone. Otherwise SUITE-security and
    -updates too, where a release's kernel updates come (but the security
    archive does not always carry the -dbg package: bullseye's LTS)."""
    d = apt_dir(suite, point)
    for sub in ('lists/partial', 'cache/archives/partial'):
        os.makedirs(os.path.join(d, sub), exist_ok=True)
    lines = [f'deb {MIRROR} {suite} main']
    if not point and not suite.endswith('-backports'):
        lines += [f'deb {MIRROR} {suite}-updates main', f'deb {SECURITY} {suite}-security main']
    with open(os.path.join(d, 'sources.list'), 'w') as f:
        f.write('\n'.join(lines) + '\n')
    stamp = os.path.join(d, 'updated')
    if os.path.exists(stamp) and time.time() - os.path.getmtime(stamp) < LISTS_MAX_AGE:
        return
    log(f'{suite}: apt-get update (private lists in {d})')
    subprocess.run(['apt-get', '-qq'] + apt_options(suite, point) + ['update'], check=True,
                   stdout=subprocess.DEVNULL)
    open(stamp, 'w').close()


def apt_cache(suite, point, *args):
    return subprocess.run(['apt-cache'] + apt_options(suite, point) + list(args),
                          capture_output=True, text=True, check=True).stdout


def depends(suite, point, pkg):
    out = apt_cache(suite, point, 'depends', '--no-recommends', '--no-suggests', pkg)
    return [line.split(':', 1)[1].strip() for line in out.splitlines()
            if line.strip().startswith(('Depends:', '|Depends:', 'PreDepends:'))]


def release(suite, point=False):
    if suite not in SUITES:
        raise SystemExit(f'unknown suite {suite} ({", ".join(SUITES)})')
    apt_update(suite, point)
    for dep in depends(suite, point, 'linux-image-cloud-amd64'):
        if dep.startswith('linux-image-') and dep.endswith('-cloud-amd64'):
            return dep[len('linux-image-'):]
    raise SystemExit(f'{suite}: linux-image-cloud-amd64 names no kernel image')


def packages(suite, point, rel):
    """linux-image-REL, the packages of the same release it depends on (7.x's
    linux-binary-REL and linux-modules-REL), and the -dbg package."""
    want, todo = [], [f'linux-image-{rel}']
    while todo:
        p = todo.pop()
        if p in want:
            continue
        want.append(p)
        todo += [d for d in depends(suite, point, p) if rel in d and 'unsigned' not in d]
    return want + [f'linux-image-{rel}-dbg']


def kernel_dir(rel):
    return os.path.join(cache_root(), 'kernel', rel)


def paths(rel):
    root = os.path.join(kernel_dir(rel), 'root')
    vmlinuz = next((p for p in (f'{root}/boot/vmlinuz-{rel}', f'{root}/usr/lib/modules/{rel}/vmlinuz',
                                f'{root}/lib/modules/{rel}/vmlinuz') if os.path.isfile(p)), None)
    vmlinux = next((p for p in (f'{root}/usr/lib/debug/lib/modules/{rel}/vmlinux',
                                f'{root}/usr/lib/debug/boot/vmlinux-{rel}') if os.path.isfile(p)), None)
    if vmlinux:
        # 6.1's usr/lib/debug/lib/modules/REL/vmlinux is a relative symlink:
        # the file itself, for whoever links or copies it (the live guest's
        # ext4 image held a dangling symlink)
        vmlinux = os.path.realpath(vmlinux)
    mods = next((p for p in (f'{root}/lib/modules/{rel}', f'{root}/usr/lib/modules/{rel}')
                 if os.path.isfile(os.path.join(p, 'modules.dep'))), None)
    return {'release': rel, 'vmlinuz': vmlinuz, 'vmlinux': vmlinux, 'modules': mods}


def chosen_file(suite):
    return os.path.join(apt_dir(suite), 'chosen')


def fetch(suite):
    """The suite's current kernel; where its -dbg package cannot be had
    (the security archive lacks it), the point release's kernel."""
    err = None
    bad = os.path.join(apt_dir(suite), 'undownloadable')
    for point in (False, True):
        rel = release(suite, point)
        if not point and os.path.exists(bad) and open(bad).read().strip() == rel:
            continue   # known from an earlier run: not asked again
        try:
            p = fetch_release(suite, point, rel)
        except subprocess.CalledProcessError as e:
            err = f'apt-get download exited {e.returncode}'
            log(f'{suite}: {rel} cannot be downloaded ({err}); trying the point release')
            shutil.rmtree(kernel_dir(rel), ignore_errors=True)
            if not point:
                with open(bad, 'w') as f:
                    f.write(rel + '\n')
            continue
        with open(chosen_file(suite), 'w') as f:
            f.write(rel + '\n')
        return p
    raise SystemExit(f'{suite}: no kernel with its -dbg package can be downloaded: {err}')


def fetch_release(suite, point, rel):
    kd = kernel_dir(rel)
    stamp = os.path.join(kd, 'FETCHED')
    if os.path.exists(stamp):
        return paths(rel)
    os.makedirs(kd, exist_ok=True)
    debs = os.path.join(kd, 'debs')
    root = os.path.join(kd, 'root')
    os.makedirs(debs, exist_ok=True)
    t = time.time()
    pkgs = packages(suite, point, rel)
    log(f'{suite}: apt-get download {" ".join(pkgs)}')
    subprocess.run(['apt-get', '-qq'] + apt_options(suite, point) + ['download'] + pkgs, cwd=debs,
                   check=True, stdout=subprocess.DEVNULL)
    log(f'{suite}: downloaded in {time.time() - t:.0f}s; unpacking')
    shutil.rmtree(root, ignore_errors=True)
    for deb in sorted(glob.glob(os.path.join(debs, '*.deb'))):
        subprocess.run(['dpkg-deb', '-x', deb, root], check=True)
    p = paths(rel)
    if not p['vmlinuz'] or not p['vmlinux']:
        raise SystemExit(f'{suite}: {rel}: the packages hold no vmlinuz or no debug vmlinux ({p})')
    mods = next((d for d in (f'{root}/lib/modules/{rel}', f'{root}/usr/lib/modules/{rel}')
                 if os.path.isdir(os.path.join(d, 'kernel'))), None)
    if not mods:
        raise SystemExit(f'{suite}: {rel}: the packages hold no modules')
    # depmod -b BASE looks in BASE/lib/modules/REL (usrmerge: BASE/usr).
    base = mods[:-len(f'/lib/modules/{rel}')]
    subprocess.run(['depmod', '-b', base, rel], check=True)
    shutil.rmtree(debs)   # unpacked: the .debs are not needed again
    with open(stamp, 'w') as f:
        f.write(suite + '\n')
    log(f'{suite}: {rel} ready in {time.time() - t:.0f}s')
    return paths(rel)


def prune():
    """Drops kernels no suite offers any more (only when every suite answered)."""
    current = set()
    for s in SUITES:
        if not os.path.exists(chosen_file(s)):
            return   # a suite not fetched yet: nothing is known to be stale
        current.add(open(chosen_file(s)).read().strip())
    for d in glob.glob(os.path.join(cache_root(), 'kernel', '*')):
        rel = os.path.basename(d)
        if rel not in current:
            log(f'dropping {rel}: no suite offers it now')
            shutil.rmtree(d)


if __name__ == '__main__':
    if len(sys.argv) == 3 and sys.argv[1] == 'release':
        print(release(sys.argv[2]))
    elif len(sys.argv) == 3 and sys.argv[1] == 'fetch':
        print(json.dumps(fetch(sys.argv[2])))
    elif len(sys.argv) == 2 and sys.argv[1] == 'prune':
        prune()
    else:
        raise SystemExit(__doc__)
