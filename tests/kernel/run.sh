#!/bin/sh
# The real-kernel tier: the current cloud kernel of every Debian suite
# (bullseye 5.10, bookworm 6.1, trixie 6.12, trixie-backports 7.x) booted
# under QEMU (TCG) with varied memory state, dumped as ELF, QEMU's flattened
# kdump and the reassembled diskdump; kpage compared with itself across
# formats and type sources, with crash `kmem -f`, with a drgn walk and
# census, with pahole, and with the guest's own /proc files.
#   KP_KERNELS="trixie bookworm"  only those suites
#   KP_VARIANTS="1g"              only those variants (of those each suite has)
. "$(dirname "$0")/../lib.sh"
here=$KP_TOP/tests/kernel
# Whether FILE is newer than every other argument (a peer's answer on an
# unchanged dump is not asked again: crash pays 15-30 s a run).
fresh() { f=$1; shift; [ -e "$f" ] || return 1; for x; do [ "$f" -nt "$x" ] || return 1; done; }
step() { now=$(date +%s.%N); printf '  [%5.1fs] %s\n' "$(echo "$now - ${t0:-$now}" | bc)" "$1"; t0=$now; }
results() {
	while read -r status name rest; do
		case $status in
		ok) pass "kernel/$v/$name"; [ -n "$rest" ] && echo "       $rest" ;;
		FAIL) fail "kernel/$v/$name" "$rest" ;;
		note) echo "       note $name $rest" ;;
		*) fail "kernel/$v/compare" "$status $name $rest" ;;
		esac
	done
}
for suite in ${KP_KERNELS:-bullseye bookworm trixie trixie-backports}; do
case $suite in
bullseye) series=5.10 ;; bookworm) series=6.1 ;; trixie) series=6.12 ;; trixie-backports) series=7.x ;;
*) fail "kernel/$suite/prepare" "unknown suite"; continue ;;
esac
# The two-node and the live guest on 6.1; the one-node guest on every kernel.
variants=1g
# crash 8.0.2 (Debian 12) reads 5.10 and 6.1; it refuses 6.12 and 7.x ("...
# do not match!"): there its exact words are printed, not failed.
crash_reads=
case $suite in bullseye|bookworm) crash_reads=1 ;; esac
[ "$suite" = bookworm ] && variants="1g numa2 live"
for variant in $variants; do
	case " ${KP_VARIANTS:-$variant} " in *" $variant "*) ;; *) continue ;; esac
	v=$series/$variant
	echo "-- kernel $series ($suite), variant $variant"
	t0=$(date +%s.%N)
	log=/tmp/kp-tier-$suite-$variant.log
	if ! d=$(KPAGE=$KPAGE python3 "$here/tier.py" prepare "$suite" "$variant" 2> "$log"); then
		fail "kernel/$v/prepare" "$(tail -n 3 "$log" | tr '\n' ' ')"
		continue
	fi
	grep -h 'debkernel\|\[tier\]' "$log" | sed 's/^/    /'
	step "guest ready and dumped (cached: $d)"
	if [ "$variant" = live ]; then
		python3 "$here/compare_live.py" "$d/truth" > "$d/live.txt" 2>&1
		results < "$d/live.txt"
		step "kpage on the guest's own /proc/kcore"
		continue
	fi
	V=$(cat "$d/vmlinux")
	for f in vmcore.elf vmcore.kdump-zlib vmcore.kdump; do
		ok=1
		for c in stat free zones; do
			"$KPAGE" --vmlinux "$V" --core "$d/$f" --json $c > "$d/kpage.$c.$f.json" 2> "$d/kpage.err" || ok=0
		done
		"$KPAGE" --vmlinux "$V" --core "$d/$f" --json pages > "$d/kpage.pages.$f.json" 2>> "$d/kpage.err" || ok=0
		if [ $ok = 1 ]; then pass "kernel/$v/$f/decode"; else fail "kernel/$v/$f/decode" "$(head -c 300 "$d/kpage.err")"; fi
	done
	step "kpage stat, free, zones, pages on three formats"
	# Types from BTF must give the same answers as DWARF: the vmlinux as
	# --btf (its .BTF, and its symtab), and its .BTF section alone as a raw
	# file (symbols from VMCOREINFO and the dump's kallsyms, which VMCOREINFO
	# names from 6.1 on; before, the per-cpu counts and the kernel's own
	# migratetype names cannot be had and are left out: --no-symbols).
	objcopy -O binary --only-section=.BTF "$V" "$d/raw.btf"
	nosym=; grep -aq 'SYMBOL(kallsyms_names)=' "$d/vmcore.elf" || nosym=--no-symbols
	for c in stat free zones; do
		"$KPAGE" --btf "$V" --core "$d/vmcore.elf" --json $c > "$d/btf.$c.json" 2> "$d/btf.err"
		check "kernel/$v/btf-agrees/$c" python3 "$here/compare_sources.py" \
			"$d/kpage.$c.vmcore.elf.json" "$d/btf.$c.json"
		"$KPAGE" --btf "$d/raw.btf" --core "$d/vmcore.elf" --json $c > "$d/rawbtf.$c.json" 2> "$d/rawbtf.err"
		check "kernel/$v/btf-agrees/raw-$c${nosym:+-no-kallsyms}" python3 "$here/compare_sources.py" \
			$nosym "$d/kpage.$c.vmcore.elf.json" "$d/rawbtf.$c.json"
	done
	# Types from VMCOREINFO alone (no vmlinux, no BTF): every figure it
	# gives must be DWARF's; the rest must be marked unknown (null).
	for c in stat free zones pages; do
		"$KPAGE" --vmcoreinfo-only --core "$d/vmcore.elf" --json $c > "$d/vmci.$c.json" 2> "$d/vmci.err"
	done
	for c in stat free zones; do
		check "kernel/$v/vmcoreinfo-agrees/$c" python3 "$here/compare_vmci.py" \
			"$d/kpage.$c.vmcore.elf.json" "$d/vmci.$c.json"
	done
	unknown=$(python3 -c "import json; print(','.join(json.load(open('$d/vmci.stat.json'))['unknown_classes']))")
	check "kernel/$v/vmcoreinfo-agrees/pages" python3 "$here/compare_vmci.py" --pages \
		"$d/kpage.pages.vmcore.elf.json" "$d/vmci.pages.json" "$unknown" "$d/kpage.stat.vmcore.elf.json"
	rm -f "$d/vmci.pages.json"
	step "VMCOREINFO-only mode against DWARF"
	# Once under valgrind (memcheck): no error, no definite leak, on the
	# ELF and the compressed dump and in each types mode.
	if [ "$v" = 6.1/1g ]; then
		vg="valgrind -q --error-exitcode=9 --leak-check=full --errors-for-leak-kinds=definite --suppressions=$here/valgrind.supp"
		for run in "elf stat:--vmlinux $V --core $d/vmcore.elf stat" \
			   "kdump-zlib free:--vmlinux $V --core $d/vmcore.kdump-zlib free" \
			   "elf zones:--vmlinux $V --core $d/vmcore.elf zones" \
			   "elf page:--vmlinux $V --core $d/vmcore.elf page 4096" \
			   "btf free:--btf $V --core $d/vmcore.elf free" \
			   "vmcoreinfo stat:--vmcoreinfo-only --core $d/vmcore.kdump-zlib stat"; do
			name=${run%%:*}
			# shellcheck disable=SC2086
			$vg "$KPAGE" ${run#*:} > /dev/null 2> "$d/valgrind.err"
			rc=$?
			if [ $rc = 0 ] || [ $rc = 3 ]; then pass "kernel/$v/valgrind/$name"
			else fail "kernel/$v/valgrind/$name" "exit $rc: $(grep -m 3 -E 'Invalid|uninit|definitely|Error' "$d/valgrind.err" | tr '\n' ' ')"; fi
		done
		step "kpage under valgrind"
	fi
	if [ "$variant" = 1g ]; then
		# layout TYPE: every member's offset and size as pahole has them.
		# (struct folio is 5.16+, struct slab 5.17+: both must lack them)
		for t in page folio slab zone free_area; do
			fresh "$d/pahole.$t.err" "$V" "$(command -v pahole)" ||
				pahole -C "$t" "$V" > "$d/pahole.$t" 2> "$d/pahole.$t.err"
			"$KPAGE" --vmlinux "$V" --json layout "$t" > "$d/layout.$t.json" 2> "$d/layout.$t.err"
			if [ ! -s "$d/pahole.$t" ]; then
				expect_exit "kernel/$v/layout-pahole/$t-absent" 1 "no (struct|type) .*$t" \
					"$KPAGE" --vmlinux "$V" layout "$t"
				continue
			fi
			check "kernel/$v/layout-pahole/$t" python3 "$KP_TOP/tests/cli/pahole_compare.py" \
				"$d/pahole.$t" "$d/layout.$t.json"
			# From BTF (the raw .BTF section): pahole -F btf's members,
			# and the DWARF layout's rows, one for one.
			"$KPAGE" --btf "$d/raw.btf" --json layout "$t" > "$d/layout-btf.$t.json" 2> "$d/layout-btf.$t.err"
			pahole -F btf -C "$t" "$d/raw.btf" 2> /dev/null | grep -v '^BTF: ' > "$d/pahole-btf.$t"
			check "kernel/$v/layout-btf-pahole/$t" python3 "$KP_TOP/tests/cli/pahole_compare.py" \
				"$d/pahole-btf.$t" "$d/layout-btf.$t.json"
			check "kernel/$v/layout-btf-as-dwarf/$t" cmp "$d/layout.$t.json" "$d/layout-btf.$t.json"
		done
		step "layout against pahole (DWARF and BTF)"
	fi
	if [ "$variant" = 1g ]; then
		# A real makedumpfile -d 31 dump (zero, cache, user and free pages
		# left out). makedumpfile 1.7.2 cannot read QEMU 7.2's ELF header
		# layout (program headers after section headers): elf-phdr-fix.py
		# moves them, in a temporary copy. mem_map is kept by -d 31, so
		# every figure must equal the full dump's, and crash must agree.
		f31=$d/vmcore.d31.kdump
		if [ ! -s "$f31" ] || [ "$f31" -ot "$d/vmcore.elf" ]; then
			tmp=$(mktemp -p "$d" fixed.XXXXXX)
			python3 "$here/elf-phdr-fix.py" "$d/vmcore.elf" "$tmp" &&
				makedumpfile -c -d 31 -x "$V" "$tmp" "$f31.new" > "$d/makedumpfile.log" 2>&1 &&
				mv "$f31.new" "$f31"
			rm -f "$tmp" "$f31.new"
		fi
		if [ -s "$f31" ]; then
			# pages too: every pfn decodes as in the full dump, so the
			# full dump's comparison with /proc/kpageflags holds here.
			for c in stat free zones pages; do
				"$KPAGE" --vmlinux "$V" --core "$f31" --json $c > "$d/d31.$c.json" 2> "$d/d31.err"
				check "kernel/$v/makedumpfile-d31/$c" cmp "$d/kpage.$c.vmcore.elf.json" "$d/d31.$c.json"
			done
			want=$(python3 -c "import json; print(sum(z['nr_free_pages'] for z in json.load(open('$d/d31.stat.json'))['zones'] if 'nr_free_pages' in z))")
			if [ -n "$crash_reads" ]; then
				fresh "$d/d31.crash.txt" "$f31" "$(command -v crash)" ||
					printf 'kmem -f\nquit\n' | timeout 300 crash -s "$V" "$f31" > "$d/d31.crash.txt" 2>&1
				check "kernel/$v/makedumpfile-d31/crash-nr_free_pages" grep -q "nr_free_pages: $want " "$d/d31.crash.txt"
			fi
		else
			fail "kernel/$v/makedumpfile-d31" "$(tail -n 3 "$d/makedumpfile.log" | tr '\n' ' ')"
		fi
		step "makedumpfile -d 31 dump"
	fi
	# The types memo ($XDG_CACHE_HOME/kpage/types/BUILD-ID) must answer as
	# the DWARF does.
	for c in stat free zones; do
		KPAGE_NO_TYPES_CACHE=1 "$KPAGE" --vmlinux "$V" --core "$d/vmcore.elf" --json $c > "$d/nocache.$c.json" 2> "$d/nocache.err"
		check "kernel/$v/types-memo-agrees/$c" cmp "$d/kpage.$c.vmcore.elf.json" "$d/nocache.$c.json"
	done
	# The directed DWARF lookup (units of mm/ first, absent names known from
	# the vmlinux's .BTF and symtab) must answer as indexing every unit in
	# file order does: the same memo, key for key, from a cold start.
	if [ "$variant" = 1g ]; then
		for mode in directed full; do
			rm -rf "$d/memo.$mode"
			full=; [ "$mode" = full ] && full=1
			for c in stat free top "page 4096"; do
				XDG_CACHE_HOME="$d/memo.$mode" KPAGE_DWARF_FULL=$full "$KPAGE" --vmlinux "$V" \
					--core "$d/vmcore.elf" --json $c > "$d/memo.$mode.${c%% *}.json" 2> "$d/memo.$mode.err"
			done
			sort "$d/memo.$mode"/kpage/types/* > "$d/memo.$mode.sorted"
		done
		check "kernel/$v/types-directed-as-full/memo" diff "$d/memo.directed.sorted" "$d/memo.full.sorted"
		for c in stat free top page; do
			check "kernel/$v/types-directed-as-full/$c" cmp "$d/memo.directed.$c.json" "$d/memo.full.$c.json"
		done
		step "directed DWARF lookup against the full index"
	fi
	for c in stat free zones pages; do
		check "kernel/$v/formats-agree/$c" cmp "$d/kpage.$c.vmcore.elf.json" "$d/kpage.$c.vmcore.kdump-zlib.json"
		check "kernel/$v/formats-agree/$c/reassembled" cmp "$d/kpage.$c.vmcore.elf.json" "$d/kpage.$c.vmcore.kdump.json"
	done
	# pages --pfn P-Q, P inside a compound page or a free block: as the
	# whole scan decodes them.
	[ "$variant" = 1g ] && check "kernel/$v/pages-window-as-full-scan" \
		python3 "$KP_TOP/tests/cli/pages_window.py" "$d/kpage.pages.vmcore.elf.json" 30 \
		"$KPAGE" --vmlinux "$V" --core "$d/vmcore.elf"
	check "kernel/$v/free-consistent" python3 -c "
import json,sys; f=json.load(open('$d/kpage.free.vmcore.elf.json'))
sys.exit(0 if f['total_issues'] == 0 and all(z['consistent'] for z in f['zones']) else 1)"
	fresh "$d/crash.json" "$d/vmcore.elf" "$(command -v crash)" "$here/oracle_crash.py" ||
		python3 "$here/oracle_crash.py" "$V" "$d/vmcore.elf" "$d/crash.json"
	step "crash kmem -f"
	/usr/bin/python3 "$here/oracle_drgn.py" "$V" "$d/vmcore-paging.elf" "$d/drgn.json"
	step "drgn free lists and census"
	KP_CRASH_READS=$crash_reads python3 "$here/compare_oracles.py" "$d" "$d/kpage.free.vmcore.elf.json" \
		"$d/kpage.pages.vmcore.elf.json" "$d/kpage.zones.vmcore.elf.json" > "$d/oracles.txt" 2>&1
	results < "$d/oracles.txt"
	# drgn reads the makedumpfile -d 31 dump too (through libkdumpfile):
	# its lists and census must be those it found in the full dump, which
	# kpage's full-dump figures (equal to its d31 ones) were compared with.
	if [ -s "$d/vmcore.d31.kdump" ]; then
		/usr/bin/python3 "$here/oracle_drgn.py" "$V" "$d/vmcore.d31.kdump" "$d/d31.drgn.json"
		check "kernel/$v/makedumpfile-d31/drgn-as-full-dump" cmp "$d/drgn.json" "$d/d31.drgn.json"
		step "drgn on the -d 31 dump"
	fi
	# kpageflags: classes that cannot change between the guest's capture
	# and the dump must agree on every pfn; the others within their bounds
	# (drift from the capture's own dd/wc/sync processes, see NOTES.md); the
	# stream whole. The second run prints the lines.
	check "kernel/$v/kpageflags" python3 "$here/compare_kpageflags.py" \
		"$d/truth/kpageflags" "$d/truth/kpagecount" "$d/kpage.pages.vmcore.elf.json" \
		--strict huge,thp,reserved,offline --stat "$d/kpage.stat.vmcore.elf.json"
	python3 "$here/compare_kpageflags.py" "$d/truth/kpageflags" "$d/truth/kpagecount" \
		"$d/kpage.pages.vmcore.elf.json" | sed 's/^/    /'
	step "compared with crash, drgn, /proc"
	# Owners (the scenario of the 1g and numa2 guests, guest-init.sh): top slab, file and
	# memcg, a slab page, pages --memcg against the guest's records
	# (slabinfo, memory.stat, mincore, stat) and crash's kmem -s.
	if [ -d "$d/truth/owners" ]; then
		KP_CRASH_READS=$crash_reads python3 "$here/compare_owners.py" "$KPAGE" "$V" "$d" \
			> "$d/owners.txt" 2>&1
		results < "$d/owners.txt"
		step "owners: top slab, file, memcg against the guest and crash"
	fi
done
done
python3 "$here/debkernel.py" prune
