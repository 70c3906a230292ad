#!/bin/sh
# Bad input: one clear line naming the file and the cause, the documented
# exit code, no crash, no hang, and the inputs left byte-for-byte unchanged.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/bad
rm -rf "$d" && mkdir -p "$d"
if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d/good" 1 > "$d/gen.log" 2>&1; then
	fail badinput/generate "$(tail -n 3 "$d/gen.log")"
	exit 0
fi
V=$d/good/vmlinux C=$d/good/vmcore K=$d/good/vmcore.kdump
T="timeout 20"
# Inputs are opened read-only: the bytes (sha256) and modification times
# of the vmlinux and the cores, taken before anything runs.
snapshot() { sha256sum "$V" "$C" "$K"; stat -c '%n %y' "$V" "$C" "$K"; }
before=$(snapshot)

expect_exit badinput/core-missing 2 "$d/nope: No such file" $T "$KPAGE" --vmlinux "$V" --core "$d/nope" stat
expect_exit badinput/core-directory 2 "$d: is a directory" $T "$KPAGE" --vmlinux "$V" --core "$d" stat
: > "$d/empty"
expect_exit badinput/core-empty 2 "empty: empty file" $T "$KPAGE" --vmlinux "$V" --core "$d/empty" stat
echo "not a dump" > "$d/text"
expect_exit badinput/core-text 2 "text: not a vmcore \(no ELF or kdump header\)" $T "$KPAGE" --vmlinux "$V" --core "$d/text" stat
expect_exit badinput/core-dev-zero 2 "/dev/zero: not a vmcore \(no ELF or kdump header\)" $T "$KPAGE" --vmlinux "$V" --core /dev/zero stat
head -c 300 "$C" > "$d/truncated-header"
expect_exit badinput/core-truncated-header 2 "truncated-header" $T "$KPAGE" --vmlinux "$V" --core "$d/truncated-header" stat
expect_exit badinput/vmlinux-missing 2 "nope: No such file" $T "$KPAGE" --vmlinux "$d/nope" --core "$C" stat
expect_exit badinput/vmlinux-text 2 "text: not an ELF file" $T "$KPAGE" --vmlinux "$d/text" --core "$C" layout
expect_exit badinput/vmlinux-empty 2 "empty: empty file, not a vmlinux" $T "$KPAGE" --vmlinux "$d/empty" --core "$C" stat
expect_exit badinput/vmlinux-directory 2 "$d: is a directory, not a vmlinux" $T "$KPAGE" --vmlinux "$d" --core "$C" stat
expect_exit badinput/vmlinux-dev-zero 2 "/dev/zero: not an ELF file" $T "$KPAGE" --vmlinux /dev/zero --core "$C" stat
expect_exit badinput/btf-empty 2 "empty: empty file, not BTF" $T "$KPAGE" --btf "$d/empty" --core "$C" stat
expect_exit badinput/btf-directory 2 "$d: is a directory, not BTF" $T "$KPAGE" --btf "$d" --core "$C" stat
expect_exit badinput/btf-no-section 2 "vmlinux: no BTF type information \(an ELF file without a .BTF section\)" \
	$T "$KPAGE" --btf "$V" --core "$C" stat
# Debuginfo that nests a type in itself: the layout printer stops, member
# lookups end, one error line (it overflowed the stack).
python3 "$KP_TOP/tests/cli/selfnested.py" "$d/selfnested.o" &&
	objcopy --add-symbol linux_banner=0 "$d/selfnested.o" "$d/selfnested"
expect_exit badinput/vmlinux-self-nested 2 "selfnested: struct page lacks flags" \
	$T env KPAGE_NO_TYPES_CACHE=1 "$KPAGE" --vmlinux "$d/selfnested" --core "$C" stat
$T "$KPAGE" --vmlinux "$d/selfnested" layout cyc > "$d/cyc.txt" 2>&1
check badinput/layout-self-nested grep -q "nested too deep" "$d/cyc.txt"
# A .BTF section whose bytes the file does not hold (type NOBITS): libbpf
# copied from a null pointer (fuzzer finding).
objcopy --strip-debug --rename-section .bss=.BTF "$V" "$d/nobits-btf"
expect_exit badinput/vmlinux-btf-nobits 2 "nobits-btf: no DWARF" \
	$T env KPAGE_NO_TYPES_CACHE=1 "$KPAGE" --vmlinux "$d/nobits-btf" --core "$C" stat
expect_exit badinput/btf-nobits 2 "nobits-btf: its .BTF section holds no data" \
	$T "$KPAGE" --btf "$d/nobits-btf" --core "$C" stat
objcopy --strip-debug "$V" "$d/stripped"
# It keeps the build-id: the types memo of the runs above would answer for it.
expect_exit badinput/vmlinux-no-dwarf 2 "stripped: no DWARF.*-dbg" env KPAGE_NO_TYPES_CACHE=1 \
	$T "$KPAGE" --vmlinux "$d/stripped" --core "$C" stat
objcopy --strip-all "$V" "$d/nosyms"
expect_exit badinput/vmlinux-no-symtab 2 "nosyms: no symbol table" $T "$KPAGE" --vmlinux "$d/nosyms" --core "$C" stat
# A damaged symtab is said so, at open (its header) or when it is first
# read (its entries): before, kpage went on with VMCOREINFO's few SYMBOL()
# lines and found the managed-pages invariant broken (exit 3).
python3 "$KP_TOP/tests/cli/elf_section.py" "$V" "$d/symtab-link" .symtab link 0
expect_exit badinput/vmlinux-symtab-link 2 \
	"symtab-link: its symbol table is damaged: its string table \(section 0\) is not a string table" \
	$T env KPAGE_NO_TYPES_CACHE=1 "$KPAGE" --vmlinux "$d/symtab-link" --core "$C" stat
python3 "$KP_TOP/tests/cli/elf_section.py" "$V" "$d/strtab-short" .strtab size 1
for c in stat zones; do
	expect_exit badinput/vmlinux-strtab-short/$c 2 \
		"strtab-short: its symbol table is damaged: none of its [0-9]* entries names a data symbol" \
		$T env KPAGE_NO_TYPES_CACHE=1 "$KPAGE" --vmlinux "$d/strtab-short" --core "$C" $c
done
for other in "$KP_TOP"/dwarf/*.c; do
	era=$(basename "$other" .c)
	[ "$era" = v6_1 ] && continue
	if sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" vmemmap "$d/other" 1 > "$d/gen2.log" 2>&1; then
		expect_exit badinput/vmlinux-of-another-kernel 2 "does not match" $T "$KPAGE" --vmlinux "$d/other/vmlinux" --core "$C" stat
	fi
	break
done
expect_exit badinput/pfn-out-of-range 1 "out of range" $T "$KPAGE" --vmlinux "$V" --core "$C" page 99999999
expect_exit badinput/wild-page-address 1 "not the address of a struct page" $T "$KPAGE" --vmlinux "$V" --core "$C" page 0xffffd40000000007
expect_exit badinput/not-a-number 1 "not a number" $T "$KPAGE" --vmlinux "$V" --core "$C" page 12abc
expect_exit badinput/unknown-command 1 "unknown command" $T "$KPAGE" --vmlinux "$V" --core "$C" frobnicate
expect_exit badinput/unknown-flag 1 "no page flag 'nosuchflag'" $T "$KPAGE" --vmlinux "$V" --core "$C" pages --flag nosuchflag
expect_exit badinput/bad-comparison 1 "bad operator" $T "$KPAGE" --vmlinux "$V" --core "$C" pages --refcount '=>1'
check badinput/inputs-unchanged test "$before" = "$(snapshot)"

# Every command, on the ELF and the kdump core, each followed by the check;
# then the modes that read commands (script, standard input, the shell).
unchanged() {
	name=$1; shift
	"$@" > "$d/out" 2> "$d/err"; rc=$?
	if [ "$rc" = 124 ]; then fail "unchanged/$name" "timed out"
	elif [ "$rc" != 0 ]; then fail "unchanged/$name" "exit $rc: $(head -c 200 "$d/err")"
	elif [ "$before" != "$(snapshot)" ]; then fail "unchanged/$name" "an input changed"
	else pass "unchanged/$name"; fi
}
export XDG_CACHE_HOME=$d/cache
for core in "$C" "$K"; do
	f=$(basename "$core")
	while read -r cmd; do
		unchanged "$f/$cmd" $T "$KPAGE" --vmlinux "$V" --core "$core" $cmd
	done <<EOF2
layout
layout zone
page 5000
pages --limit 20
pages --flag slab --count
stat
zones
free
free --blocks
alloc-check 3
map --no-color
EOF2
	unchanged "$f/map --svg" $T "$KPAGE" --vmlinux "$V" --core "$core" map --svg "$d/map.svg"
	unchanged "$f/stat --json" $T "$KPAGE" --vmlinux "$V" --core "$core" --json stat
	unchanged "$f/vmcoreinfo-only stat" $T "$KPAGE" --vmcoreinfo-only --core "$core" stat
done
printf 'stat\nfree\npage 5000\nzones\n' > "$d/script"
unchanged script $T "$KPAGE" --vmlinux "$V" --core "$C" --script "$d/script"
unchanged stdin sh -c "$T \"$KPAGE\" --vmlinux \"$V\" --core \"$C\" < \"$d/script\""
mkdir -p "$d/home"
unchanged shell sh -c "printf 'stat\nfree\nquit\n' | HOME=$d/home $T script -qec \
	\"$KPAGE --vmlinux $V --core $C\" /dev/null"
