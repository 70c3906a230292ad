#!/bin/sh
# The owners of pages in synthetic vmcores of every era in dwarf/ and every
# memory model (tests/fixtures/fx_owners.h): `kpage top slab|file|memcg` and
# `kpage page PFN` must equal the generator's owner truth
# (tests/cli/compare_owners_truth.py); and corrupted owners (a cyclic dentry
# chain, a wild slab_cache, a kernfs parent cycle) are reported, in the
# rows and a reason, within 20 seconds and without a crash.
. "$(dirname "$0")/../lib.sh"
fx=$KP_TOP/build/fx

# answers DIR CORE: kpage's answers for compare_owners_truth.py in DIR.
answers() {
	d=$1 core=$2
	for k in slab file memcg all; do
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$core" --json top $([ $k = all ] || echo $k) --limit 0 \
			> "$d/top-$k.json" 2> "$d/top-$k.err"
		echo $? > "$d/top-$k.rc"
	done
	for pfn in $(sed -n 's/^{"kind":"page","pfn":\([0-9]*\).*/\1/p' "$d/owners.ndjson" | sort -u); do
		timeout 20 "$KPAGE" --vmlinux "$d/vmlinux" --core "$core" --json page "$pfn" \
			> "$d/page-$pfn.json" 2>> "$d/page.err"
	done
}

# ran NAME DIR: every top run ended by itself (no timeout, no signal) with
# an exit status kpage(1) knows.
ran() {
	why=
	for k in slab file memcg all; do
		rc=$(cat "$2/top-$k.rc")
		case $rc in
		0|1|2|3) ;;
		124) why="$why top $k timed out (20 s);" ;;
		*) why="$why top $k exit $rc: $(head -c 200 "$2/top-$k.err");" ;;
		esac
	done
	if [ -n "$why" ]; then fail "$1" "$why"; else pass "$1"; fi
}

for src in "$KP_TOP"/dwarf/*.c; do
	era=$(basename "$src" .c)
	for model in vmemmap sparse flat; do
		nodes=2
		[ "$model" = flat ] && nodes=1
		d=$fx/owners-$era-$model
		mkdir -p "$d"
		if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" "$nodes" > "$d.log" 2>&1; then
			fail "owners/$era-$model/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
			continue
		fi
		rm -f "$d"/top-* "$d"/page-*
		answers "$d" "$d/vmcore"
		ran "owners/$era-$model/ran" "$d"
		check "owners/$era-$model" python3 "$KP_TOP/tests/cli/compare_owners_truth.py" \
			"$d/owners.ndjson" "$d"
		# pages' owner filters: each owner's page count as its truth row says
		if [ "$model" = vmemmap ]; then
			python3 - "$d/owners.ndjson" > "$d/filters" <<'PY'
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    if o['kind'] == 'slab' and o['name'] != '?':
        print('--slab-cache', o['name'], o['pages'])
    elif o['kind'] == 'file' and o.get('path'):
        print('--file', o['path'], o['pages'])
    elif o['kind'] == 'memcg' and o.get('path'):
        print('--memcg', o['path'], o['pages'] - o['slab'])
PY
			bad=
			while read -r opt val want; do
				got=$("$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" pages "$opt" "$val" --count 2>&1)
				[ "$got" = "$want" ] || bad="$bad $opt $val: $got, want $want;"
			done < "$d/filters"
			if [ -s "$d/filters" ] && [ -z "$bad" ]; then pass "owners/$era-$model/pages-filters"
			else fail "owners/$era-$model/pages-filters" "${bad:-no owner in the truth}"; fi
		fi
		# no memcg in this era's struct page: said in words
		if grep -q '"memcg":false' "$d/owners.ndjson" && [ "$model" = vmemmap ]; then
			expect_out "owners/$era-$model/no-memcg" 0 "" "no memcg_data or mem_cgroup" \
				"$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" top memcg
		fi
	done
done

# Corrupted owners (tests/fixtures/fx_owners.h): the generator's truth has
# the damaged owner's row (path null, name "?") with the reason's keyword,
# and its #corrupt line the keyword the warning must carry.
for pair in "dentry-cycle v6_1" "dentry-cycle v2_6_27" "slab-wild v6_1" "slab-wild v7_3" \
	    "kernfs-cycle v6_1" "kernfs-cycle v7_3"; do
	set -- $pair
	c=$1 era=$2
	d=$fx/owners-corrupt-$c-$era
	mkdir -p "$d"
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" vmemmap "$d" 2 "$c" > "$d.log" 2>&1; then
		fail "owners/corrupt/$c-$era/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	rm -f "$d"/top-* "$d"/page-*
	answers "$d" "$d/vmcore"
	ran "owners/corrupt/$c-$era/ran" "$d"
	check "owners/corrupt/$c-$era" python3 "$KP_TOP/tests/cli/compare_owners_truth.py" \
		"$d/owners.ndjson" "$d"
	# The damaged owner's row says why (its "unknown"), in kpage's words:
	#   dentry-cycle  "the dentry parents form a cycle at 0x..." (top file)
	#   slab-wild     "cannot read the kmem_cache at 0xffff888000001230:
	#                 not mapped" (top slab)
	#   kernfs-cycle  "the kernfs parents form a cycle at 0x..." (top memcg)
	# The other owners are whole and the exit status 0: a damaged owner is
	# an owner shown as "?", not an inconsistency of mem_map. The truth's
	# #corrupt line has the stable keyword.
	want=$(sed -n 's/^#corrupt [^ ]* //p' "$d/truth.txt")
	case $c in
	dentry-cycle) k=file msg='"unknown":"the dentry parents form a cycle at 0x[0-9a-f]+"' ;;
	slab-wild) k=slab msg='"unknown":"cannot read the kmem_cache at 0xffff888000001230: not (mapped|in the dump)"' ;;
	kernfs-cycle) k=memcg msg='"unknown":"the kernfs parents form a cycle at 0x[0-9a-f]+"' ;;
	esac
	if grep -q "$want" "$d/top-$k.json" && grep -Eq "$msg" "$d/top-$k.json" && [ "$(cat "$d/top-$k.rc")" = 0 ]; then
		pass "owners/corrupt/$c-$era/said"
	else
		fail "owners/corrupt/$c-$era/said" "top $k (exit $(cat "$d/top-$k.rc")) lacks /$msg/: $(grep '"?"' "$d/top-$k.json" | head -c 200)"
	fi
done
