#!/bin/sh
# contrib/count_classes, built from the public header alone, opens dumps
# through libkpage's API: its census by class must be kpage stat's, on
# synthetic dumps of three eras (DWARF and VMCOREINFO-only) and on the
# real-kernel tier's dumps when they are cached; a dump whose free block
# holds a page in use exits 3, a file that is no dump exits 2.
. "$(dirname "$0")/../lib.sh"
cc=$KP_TOP/build/contrib/count_classes
[ -x "$cc" ] || { fail contrib/built "no $cc (make check builds it)"; exit 0; }
out=$KP_TOP/build/fx-contrib
mkdir -p "$out"

same_census() {   # same_census NAME ARGS... : count_classes = kpage stat
	name=$1; shift
	"$cc" "$@" > "$out/cc.txt" 2> "$out/cc.err"; rc=$?
	"$KPAGE" "$@" --json stat > "$out/stat.json" 2> /dev/null
	check "contrib/$name" python3 - "$out/cc.txt" "$out/stat.json" "$rc" <<'PY'
import json, sys
cc, stat, rc = open(sys.argv[1]).read().split('\n'), json.load(open(sys.argv[2])), sys.argv[3]
total = {}
for z in stat['zones']:
    for k, v in z['classes'].items():
        total[k] = total.get(k, 0) + v
got = {}
for line in cc[2:]:
    f = line.split()
    if len(f) >= 2 and f[0] in total:
        got[f[0]] = int(f[-1]) if f[-1].isdigit() else int(line.split(' (')[0].split()[-1])
assert rc == '0', f'exit {rc}'
assert got == total, f'count_classes {got} != stat {total}'
assert f'{stat["pages_scanned"]} pages' in cc[0], cc[0]
print(f'{sum(total.values())} pages, {len(total)} classes as stat counts them')
PY
}

for fx in v2_6_27:flat v6_1:vmemmap v7_3:sparse; do
	era=${fx%:*} model=${fx#*:} d=$out/$era-$model nodes=2
	[ "$model" = flat ] && nodes=1
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" "$nodes" > "$d.log" 2>&1; then
		fail "contrib/$era-$model/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	same_census "$era-$model" --core "$d/vmcore" --vmlinux "$d/vmlinux"
	[ "$era" = v2_6_27 ] ||
		same_census "$era-$model/vmcoreinfo-only" --core "$d/vmcore" --vmlinux "$d/vmlinux" --vmcoreinfo-only
done

d=$out/free-used
if sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 free-used > "$d.log" 2>&1; then
	check contrib/free-used sh -c "'$cc' --core '$d/vmcore' --vmlinux '$d/vmlinux' > /dev/null 2> '$d/err';
		[ \$? = 3 ] && grep 'pages inside a free block that are in use' '$d/err'"
else
	fail contrib/free-used/generate "$(tail -n 3 "$d.log" | tr '\n' ' ')"
fi
expect_exit contrib/not-a-dump 2 "$KP_TOP/Makefile" "$cc" --core "$KP_TOP/Makefile" --vmlinux "$out/v6_1-vmemmap/vmlinux"
expect_exit contrib/usage 1 "usage:" "$cc"

# The tier's real dumps, where a run of tests/kernel/run.sh left them.
: "${XDG_CACHE_HOME:=$HOME/.cache}"
for k in "$XDG_CACHE_HOME"/kpage/kernel/*/1g; do
	[ -f "$k/vmcore.elf" ] && [ -f "$k/vmlinux" ] || continue
	v=$(cat "$k/vmlinux")
	[ -f "$v" ] || continue
	same_census "real/$(basename "$(dirname "$k")")" --core "$k/vmcore.elf" --vmlinux "$v"
done

# As a user outside the tree builds it: make install into a staging root,
# then the example compiled and linked by pkg-config's answer alone.
stage=$(mktemp -d)
if make -s -C "$KP_TOP" install DESTDIR="$stage" PREFIX=/usr/local > "$stage.log" 2>&1; then
	pc="PKG_CONFIG_PATH=$stage/usr/local/lib/pkgconfig PKG_CONFIG_SYSROOT_DIR=$stage"
	check contrib/installed sh -c "cc -std=c11 -Wall -Werror -o '$stage/cc' '$KP_TOP/contrib/count_classes.c' \
		\$(env $pc pkg-config --cflags --libs --static kpage) &&
		'$stage/cc' --core '$out/v6_1-vmemmap/vmcore' --vmlinux '$out/v6_1-vmemmap/vmlinux' | tail -n 1"
else
	fail contrib/installed "make install: $(tail -n 3 "$stage.log" | tr '\n' ' ')"
fi
rm -rf "$stage" "$stage.log"
