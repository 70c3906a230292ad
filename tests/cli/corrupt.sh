#!/bin/sh
# Corrupted kernel state: kpage reports it (exit 3, the issue named), goes on
# with the rest, never crashes or hangs.
. "$(dirname "$0")/../lib.sh"
for c in cycle wild middle order nr_free not-buddy memmap-gone; do
	d=$KP_TOP/build/fx/corrupt-$c
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 "$c" > "$d.log" 2>&1; then
		fail "corrupt/$c/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	want=$(sed -n 's/^#corrupt [^ ]* //p' "$d/truth.txt")
	cmd=free
	[ "$c" = memmap-gone ] && cmd=stat
	timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" $cmd > "$d/out.txt" 2> "$d/err.txt"
	rc=$?
	if [ $rc != 3 ]; then
		fail "corrupt/$c" "exit $rc, wanted 3: $(head -c 300 "$d/err.txt")"
	elif ! grep -q "$want" "$d/out.txt"; then
		fail "corrupt/$c" "output lacks '$want'"
	else
		pass "corrupt/$c"
	fi
	# The other node's lists are intact and still walked.
	if [ "$cmd" = free ]; then
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" --json free --node 1 > "$d/n1.json" 2>/dev/null
		check "corrupt/$c/other-lists-intact" python3 -c "
import json,sys
z=json.load(open('$d/n1.json'))['zones'][0]
sys.exit(0 if z['consistent'] and z['free_pages_walked'] > 0 else 1)"
	fi
done
# Damaged files, made at test time from a good fixture: each must end with
# the documented exit code and one error line, in seconds, never a crash.
d=$KP_TOP/build/fx/v6_1-vmemmap
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1
x=$KP_TOP/build/fx/damaged
mkdir -p "$x"
python3 - "$d" "$x" <<'PY'
import random, sys
d, x = sys.argv[1:3]
for name in ('vmcore', 'vmcore.kdump'):
    b = open(f'{d}/{name}', 'rb').read()
    i = b.find(b'OSRELEASE=')
    j = b.find(b'\0', i)
    if i < 0 or j < 0:
        sys.exit(f'{name}: no VMCOREINFO text')
    rnd = random.Random(1)
    garbage = bytes(rnd.choice(b'ABCxyz()=.,0123456789\n') for _ in range(j - i))
    cases = {
        'vmci-garbage': garbage,
        'vmci-dot-key': (b'.x=1\n' + b[i:j])[:j - i],     # kills libkdumpfile's parser
        'vmci-empty': b'\0' * (j - i),
        'vmci-absurd': (b'NUMBER(SECTION_SIZE_BITS)=99\nKERNELOFFSET=zz\n'
                        b'NUMBER(phys_base)=99999999999999999999999\n' + b'X' * (j - i))[:j - i],
    }
    # kdump files hold VMCOREINFO twice (sub-header and ELF notes): damage each
    spans, k = [], 0
    while (k := b.find(b'OSRELEASE=', k)) >= 0:
        spans.append((k, b.find(b'\0', k)))
        k += 1
    for case, text in cases.items():
        out = bytearray(b)
        for a, z in spans:
            out[a:z] = (text * 2)[:z - a] if len(text) < z - a else text[:z - a]
        open(f'{x}/{case}.{name}', 'wb').write(bytes(out))
b = open(f'{d}/vmcore', 'rb').read()
open(f'{x}/truncated-early.vmcore', 'wb').write(b[:len(b) // 20])
open(f'{x}/truncated-late.vmcore', 'wb').write(b[:len(b) * 4 // 10])
PY
for f in vmcore vmcore.kdump; do
	expect_exit "damaged/vmci-garbage/$f" 2 "damaged|not a usable|not mapped|VMCOREINFO" \
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$x/vmci-garbage.$f" stat
	expect_exit "damaged/vmci-dot-key/$f" 2 "damaged: libkdumpfile crashed" \
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$x/vmci-dot-key.$f" stat
	expect_exit "damaged/vmci-empty/$f" 2 "not mapped|VMCOREINFO|not a usable" \
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$x/vmci-empty.$f" stat
	expect_exit "damaged/vmci-absurd/$f" 2 "not mapped|VMCOREINFO|not a usable" \
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$x/vmci-absurd.$f" stat
	expect_exit "damaged/vmci-garbage/$f/vmcoreinfo-only" 2 "damaged|VMCOREINFO|not a usable" \
		timeout 20 "$KPAGE" --vmcoreinfo-only --core "$x/vmci-garbage.$f" stat
done
# Cut inside the segments that hold the page tables: refused in one line.
expect_exit damaged/truncated-early 2 "not mapped|truncated|not a usable" \
	timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$x/truncated-early.vmcore" stat
# Cut after mem_map but inside the pages' data: the census still works.
check damaged/truncated-late timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$x/truncated-late.vmcore" stat
