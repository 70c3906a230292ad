#!/bin/sh
# Errors in kpage's own words: one line naming what was wrong (the file, the
# option, the value and what would be right), never a library's internals,
# with the documented exit code.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/errors
mkdir -p "$d"
if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d/good" 2 > "$d/gen.log" 2>&1; then
	fail errors/generate "$(tail -n 3 "$d/gen.log")"
	exit 0
fi
V=$d/good/vmlinux C=$d/good/vmcore K=$d/good/vmcore.kdump
T="timeout 20"
kp() { $T "$KPAGE" --vmlinux "$V" --core "$C" "$@"; }

# --- What the file given as --core is, when it is no dump.
head -c 4096 /dev/urandom > "$d/random"
expect_exit errors/core-random 2 "random: not a vmcore \(no ELF or kdump header\)$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/random" stat
expect_exit errors/core-passwd 2 "^kpage: /etc/passwd: not a vmcore \(no ELF or kdump header\)$" \
	$T "$KPAGE" --vmlinux "$V" --core /etc/passwd stat
expect_exit errors/core-is-vmlinux 2 "vmlinux is a vmlinux \(kernel image\), not a dump: give it with --vmlinux$" \
	$T "$KPAGE" --vmlinux "$V" --core "$V" stat
expect_exit errors/core-is-program 2 "sh: not a vmcore \(an ELF (shared object|executable), not a core dump\)$" \
	$T "$KPAGE" --vmlinux "$V" --core /bin/sh stat
# Headers cut short, made from the good dumps: libkdumpfile 0.5.1 crashes
# freeing the context of a kdump header shorter than 464 bytes.
head -c 100 "$K" > "$d/kdump-100"
expect_exit errors/kdump-header-short 2 "kdump-100: kdump header cut short \(100 of its 464 bytes\)$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/kdump-100" stat
head -c 5000 "$K" > "$d/kdump-5000"
expect_exit errors/kdump-bitmaps-short 2 "kdump-5000: kdump file cut short: 5000 bytes, its headers and bitmaps alone take [0-9]+$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/kdump-5000" stat
head -c 64 "$C" > "$d/elf-64"
expect_exit errors/elf-phdrs-short 2 "elf-64: ELF core cut short or damaged: its [0-9]+ program headers are not in the file$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/elf-64" stat
python3 - "$C" "$d" <<'EOF'
import struct, sys
b = bytearray(open(sys.argv[1], 'rb').read(1 << 16))
b[18] = 183                      # e_machine: EM_AARCH64
open(sys.argv[2] + '/elf-arm64', 'wb').write(b)
b[18] = 62; b[4] = 1             # ELFCLASS32
open(sys.argv[2] + '/elf-32', 'wb').write(b)
b[4] = 2                         # every PT_LOAD made PT_NULL
phoff, = struct.unpack_from('<Q', b, 32)
phnum, = struct.unpack_from('<H', b, 56)
for i in range(phnum):
    if struct.unpack_from('<I', b, phoff + 56 * i)[0] == 1:
        struct.pack_into('<I', b, phoff + 56 * i, 0)
open(sys.argv[2] + '/elf-noload', 'wb').write(b)
EOF
expect_exit errors/elf-other-machine 2 "elf-arm64: not an x86_64 vmcore \(ELF machine 183\)$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/elf-arm64" stat
expect_exit errors/elf-no-load 2 "elf-noload: an ELF core with no memory in it \(no PT_LOAD segment\)$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/elf-noload" stat
expect_exit errors/elf-32bit 2 "elf-32: not an x86_64 vmcore \(a 32-bit ELF file\)$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/elf-32" stat

# --- A path an option gave is named with its option; the defaults say
# what to give instead.
expect_exit errors/vmlinux-missing 2 "^kpage: --vmlinux /nonexistent: No such file or directory$" \
	$T "$KPAGE" --vmlinux /nonexistent --core "$C" stat
expect_exit errors/core-missing 2 "^kpage: --core /nonexistent: No such file or directory$" \
	$T "$KPAGE" --vmlinux "$V" --core /nonexistent stat
expect_exit errors/btf-missing 2 "^kpage: --btf /nonexistent: No such file or directory$" \
	$T "$KPAGE" --btf /nonexistent --core "$C" stat
expect_exit errors/script-missing 2 "^kpage: --script /nonexistent: No such file or directory$" \
	$T "$KPAGE" --vmlinux "$V" --core "$C" --script /nonexistent
# Without --core, /proc/kcore: where it is missing or unreadable (a
# container, not root), the error says to give --core.
if ! [ -r /proc/kcore ]; then
	expect_exit errors/no-kcore 2 "^kpage: /proc/kcore: .*give the dump with --core FILE|^kpage: /proc/kcore: .*or give a dump with --core FILE" \
		$T "$KPAGE" --vmlinux "$V" stat
fi
# No debuginfo anywhere, or a vmlinux without DWARF: the dump's VMCOREINFO
# describes struct page, so --vmcoreinfo-only is offered.
expect_exit errors/no-debuginfo-offers-vmcoreinfo-only 2 "no vmlinux with debug info for .*give --vmlinux, or --vmcoreinfo-only" \
	env HOME="$d" XDG_CACHE_HOME="$d/cache" $T "$KPAGE" --core "$C" stat
objcopy --strip-debug "$V" "$d/stripped"
expect_exit errors/no-dwarf-offers-vmcoreinfo-only 2 "stripped: no DWARF debug info; .*; or --vmcoreinfo-only" \
	env KPAGE_NO_TYPES_CACHE=1 $T "$KPAGE" --vmlinux "$d/stripped" --core "$C" stat
expect_out errors/vmcoreinfo-only-works 0 "" "NR_FREE_PAGES" $T "$KPAGE" --vmcoreinfo-only --core "$C" stat
# Options of kpage itself: one line each.
expect_exit errors/global-unknown 1 "^kpage: unknown option '--bogus' \(kpage --help lists the options\)$" \
	$T "$KPAGE" --bogus
expect_exit errors/global-no-value 1 "^kpage: --core needs a value \(kpage --help lists the options\)$" \
	$T "$KPAGE" --core

# --- Options of the commands: their usage line is the list. An option not
# in it names itself and the usage; CMD --help prints what help CMD does.
cmds=$("$KPAGE" help | sed -n '/^commands:/,/^$/s/^  \([a-z-]*\) .*/\1/p')
check errors/help-lists-commands test "$(echo $cmds)" = "layout page pages stat zones free alloc-check map top help"
for c in $cmds; do
	usage=$("$KPAGE" help "$c" | sed -n 's/^usage: //p')
	expect_exit "errors/$c-unknown-option" 1 "^kpage: $c: unknown option '--bogus'; usage: $c( |$)" kp $c --bogus
	"$KPAGE" help "$c" > "$d/help.$c" 2>&1
	kp $c --help > "$d/opt.$c" 2>&1
	check "errors/$c-help-same" cmp "$d/help.$c" "$d/opt.$c"
	check "errors/$c-usage-shown" test -n "$usage"
	# README's command table has a row for it.
	check "errors/readme-lists-$c" grep -q "^| \`$c[ \`]" "$KP_TOP/README.md"
done
expect_exit errors/stat-global-option 1 "^kpage: stat: --vmlinux is an option of kpage, not of stat: give it before the command$" \
	kp stat --vmlinux "$V"
expect_exit errors/pages-single-dash 1 "^kpage: pages: unknown option '-x'" kp pages --count -x
expect_out errors/pages-negative-value 0 "" "^[0-9]+$" "$KPAGE" --vmlinux "$V" --core "$C" pages --refcount -1 --count
expect_exit errors/free-no-value 1 "^kpage: free: --node needs a value$" kp free --node
# kpage --help: every global option on a line of its own.
"$KPAGE" --help > "$d/help.global" 2>&1
for o in --core --vmlinux --btf --vmcoreinfo-only --json --force --script --verbose --help --version; do
	check "errors/help-has$o" grep -Eq "^  (-[a-z], )?$o( |$)" "$d/help.global"
done
check errors/help-is-help cmp "$d/help.global" "$("$KPAGE" help > "$d/help.cmd"; echo "$d/help.cmd")"

# --- Values out of range: exit 1, one line naming the option, the value
# and the valid ones (2 nodes; zones DMA, DMA32, Normal; orders 0..10).
expect_exit errors/free-order 1 "^kpage: free: --order 11 is out of range \(valid: 0\.\.10\)$" kp free --order 11
expect_exit errors/free-order-nan 1 "^kpage: free: --order x is not a number$" kp free --order x
expect_exit errors/free-node 1 "^kpage: free: --node 5 is out of range \(valid: 0, 1\)$" kp free --node 5
expect_exit errors/pages-node 1 "^kpage: pages: --node 5 is out of range \(valid: 0, 1\)$" kp pages --node 5
expect_exit errors/alloc-check-node 1 "^kpage: alloc-check: --node 5 is out of range \(valid: 0, 1\)$" kp alloc-check 3 --node 5
expect_exit errors/free-zone-name 1 "^kpage: free: --zone Bogus: no such zone \(valid: 0 DMA, 1 DMA32, 2 Normal\)$" kp free --zone Bogus
expect_exit errors/free-zone-index 1 "^kpage: free: --zone 9 is out of range \(valid: 0 DMA, 1 DMA32, 2 Normal\)$" kp free --zone 9
expect_exit errors/pages-zone-name 1 "^kpage: pages: --zone Movable: no such zone \(valid: 0 DMA, 1 DMA32, 2 Normal\)$" kp pages --zone Movable
expect_exit errors/pages-zone-index 1 "^kpage: pages: --zone 3 is out of range" kp pages --zone 3
expect_exit errors/free-migratetype-index 1 "^kpage: free: --migratetype 9 is out of range \(valid: 0 Unmovable, 1 Movable, .*\)$" kp free --migratetype 9
expect_exit errors/free-migratetype-name 1 "^kpage: free: --migratetype Foo: no such migratetype \(valid: 0 Unmovable, " kp free --migratetype Foo
expect_exit errors/pages-pfn 1 "^kpage: pages: --pfn 99999999 is out of range \(valid: 0\.\.[0-9]+\)$" kp pages --pfn 99999999
expect_exit errors/free-no-value 1 "^kpage: free: --node needs a value$" kp free --node
expect_exit errors/map-no-value 1 "^kpage: map: --width needs a value$" kp map --width
# pfns in messages in decimal, as page prints them.
expect_exit errors/page-hole-decimal 1 "^kpage: pfn 40000 has no struct page \(highest pfn [0-9]+\)$" kp page 40000
# Accepted values as before: zone by name in any case or by index, 0x pfns.
expect_out errors/pages-zone-ok 0 "" "^[0-9]+$" "$KPAGE" --vmlinux "$V" --core "$C" pages --zone dma32 --node 0 --count
expect_out errors/free-zone-index-ok 0 "" "^node 1 zone Normal" "$KPAGE" --vmlinux "$V" --core "$C" free --zone 2 --no-scan

# --- free --migratetype M: every column it prints is M's. nr_free, the
# scan's count and the per-cpu count are of every migratetype: left out.
kp free --no-scan --migratetype Movable > "$d/free-mt.txt" 2>&1
check errors/free-mt-text-columns sh -c "grep '^ORDER' '$d/free-mt.txt' | grep -qvE 'nr_free|walked|scanned|Unmovable'"
check errors/free-mt-text-total grep -q "^free pages on the Movable lists: [0-9]*$" "$d/free-mt.txt"
kp --json free > "$d/free-all.json" 2>&1
for m in 0 1 2 3 4; do kp --json free --migratetype $m; done > "$d/free-mts.json" 2>&1
check errors/free-mt-json python3 - "$d/free-all.json" "$d/free-mts.json" <<'EOF2'
import json, sys
whole = json.load(open(sys.argv[1]))
parts = [json.loads(l) for l in open(sys.argv[2])]
for zi, z in enumerate(whole['zones']):
    total = 0
    for p in parts:
        pz = p['zones'][zi]
        assert 'pcp_pages' not in pz, pz
        pages = 0
        for o in pz['orders']:
            assert set(o) == {'order', 'migratetypes', 'walked'}, o
            (n,) = o['migratetypes'].values()
            assert o['walked'] == n, o
            pages += n << o['order']
        assert pz['free_pages_walked'] == pages, pz
        total += pages
    assert total == z['free_pages_walked'], (total, z)
EOF2
# Unfiltered, the columns are all there.
check errors/free-all-columns sh -c "'$KPAGE' --vmlinux '$V' --core '$C' free | grep -q '^ORDER.*Unmovable.*nr_free.*walked.*scanned'"

# Output that cannot be written is an error (one line, exit 2); a reader
# that went away is not (kpage pages | head).
for cmd in stat "pages" "--json pages" "free"; do
	# shellcheck disable=SC2086
	"$KPAGE" --vmlinux "$V" --core "$C" $cmd > /dev/full 2> "$d/full.err"
	rc=$?
	name=errors/output-full/$(echo "$cmd" | tr ' ' _)
	if [ $rc = 2 ] && grep -Eq "^kpage: [a-z]+: cannot write the output: No space left on device$" "$d/full.err" &&
	   [ "$(wc -l < "$d/full.err")" = 1 ]; then pass "$name"
	else fail "$name" "exit $rc: $(head -c 200 "$d/full.err")"; fi
done
"$KPAGE" --vmlinux "$V" --core "$C" pages 2> "$d/pipe.err" | head -n 1 > /dev/null
check errors/closed-pipe-is-quiet test ! -s "$d/pipe.err"
sh -c "'$KPAGE' --vmlinux '$V' --core '$C' pages 2>/dev/null; echo \$? > '$d/pipe.rc'" | head -n 1 > /dev/null
check errors/closed-pipe-exit-0 test "$(cat "$d/pipe.rc")" = 0
