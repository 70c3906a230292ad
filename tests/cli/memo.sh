#!/bin/sh
# The types memo ($XDG_CACHE_HOME/kpage/types/BUILD-ID): kept wherever its
# directory can be made (the whole path, as on a machine with no ~/.cache),
# and a memo that cannot be kept is said once on stderr, never an error.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/v6_1-vmemmap
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1 ||
	{ fail memo/generate "$(tail -n 3 "$d.log" | tr '\n' ' ')"; exit 0; }
tmp=$(mktemp -d)
XDG_CACHE_HOME=$tmp/no/such/dir "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" stat > /dev/null 2> "$tmp/err"
check memo/kept-in-new-directories sh -c "ls '$tmp'/no/such/dir/kpage/types/* > /dev/null && [ ! -s '$tmp/err' ]"
# A second run answers from it: the DWARF is not opened (strace would show
# it; here: the memo file is not rewritten).
before=$(stat -c %Y:%s "$tmp"/no/such/dir/kpage/types/*)
sleep 1
XDG_CACHE_HOME=$tmp/no/such/dir "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" stat > /dev/null 2>&1
check memo/answers-next-run test "$before" = "$(stat -c %Y:%s "$tmp"/no/such/dir/kpage/types/*)"
touch "$tmp/file"
expect_out memo/cannot-keep 0 "^kpage: note: the types memo cannot be kept in $tmp/file/kpage/types/[0-9a-f]+ \(Not a directory\)" "" \
	env XDG_CACHE_HOME="$tmp/file" "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" stat
rm -rf "$tmp"
