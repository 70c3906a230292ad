#!/bin/sh
# One reading of enumerators whatever the types come from: a program with a
# 64-bit enum (BTF_KIND_ENUM64), a negative 32-bit one and an unsigned one
# is compiled with -g, its BTF encoded by pahole; kpage's `layout "enum X"`
# must list the same names and values from the BTF, from the DWARF, and as
# the program itself prints them (the compiler's truth).
. "$(dirname "$0")/../lib.sh"
command -v pahole > /dev/null || { skip btf-enums "no pahole"; exit 0; }
d=$(mktemp -d)
cat > "$d/e.c" <<'C'
#include <stdio.h>
enum big { BIG_NEG = -5, BIG_LOW = 3, BIG_HIGH = 0x123456789aLL };
enum small_neg { SN_NEG = -129, SN_POS = 7 };
enum wide_unsigned { WU_LOW = 1, WU_TOP = 0xf0000000u };
enum big b; enum small_neg s; enum wide_unsigned w;
int main(void)
{
	printf("big BIG_NEG %lld\nbig BIG_LOW %lld\nbig BIG_HIGH %lld\n", (long long)BIG_NEG,
	       (long long)BIG_LOW, (long long)BIG_HIGH);
	printf("small_neg SN_NEG %lld\nsmall_neg SN_POS %lld\n", (long long)SN_NEG, (long long)SN_POS);
	printf("wide_unsigned WU_LOW %lld\nwide_unsigned WU_TOP %lld\n", (long long)WU_LOW,
	       (long long)WU_TOP);
	return b + s + (int)w;
}
C
gcc -g -O0 "$d/e.c" -o "$d/e" && "$d/e" > "$d/truth" && pahole --btf_encode_detached="$d/e.btf" "$d/e" 2> "$d/pahole.err" ||
	{ fail btf-enums/build "$(head -c 300 "$d/pahole.err")"; rm -rf "$d"; exit 0; }
for src in btf dwarf; do
	: > "$d/$src"
	for e in big small_neg wide_unsigned; do
		if [ $src = btf ]; then a="--btf $d/e.btf"; else a="--vmlinux $d/e"; fi
		XDG_CACHE_HOME=$d/cache "$KPAGE" $a --json layout "enum $e" |
			python3 -c 'import json,sys
for l in sys.stdin: o = json.loads(l); print(o["enum"], o["name"], o["value"])' >> "$d/$src"
	done
	check "btf-enums/$src" sh -c "diff '$d/truth' '$d/$src' && echo \"\$(wc -l < '$d/truth') enumerators as the compiler has them\""
done
rm -rf "$d"
