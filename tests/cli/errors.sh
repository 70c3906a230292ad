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
import sys
b = bytearray(open(sys.argv[1], 'rb').read(1 << 16))
b[18] = 183                      # e_machine: EM_AARCH64
open(sys.argv[2] + '/elf-arm64', 'wb').write(b)
b[18] = 62; b[4] = 1             # ELFCLASS32
open(sys.argv[2] + '/elf-32', 'wb').write(b)
EOF
expect_exit errors/elf-other-machine 2 "elf-arm64: not an x86_64 vmcore \(ELF machine 183\)$" \
	$T "$KPAGE" --vmlinux "$V" --core "$d/elf-arm64" stat
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
check errors/help-lists-commands test "$(echo $cmds)" = "layout page pages stat zones free alloc-check map help"
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
# kpage --help: every global option on a line of its own.
"$KPAGE" --help > "$d/help.global" 2>&1
for o in --core --vmlinux --btf --vmcoreinfo-only --json --force --script --verbose --help --version; do
	check "errors/help-has$o" grep -Eq "^  (-[a-z], )?$o( |$)" "$d/help.global"
done
check errors/help-is-help cmp "$d/help.global" "$("$KPAGE" help > "$d/help.cmd"; echo "$d/help.cmd")"
