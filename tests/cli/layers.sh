#!/bin/sh
# The layers hold: no file includes a header of a layer above its own
# (tests/cli/layers.py holds the table, DESIGN.md says why), and a
# violation planted in a copy of the tree is caught (the check can fail).
. "$(dirname "$0")/../lib.sh"
check layers/one-way python3 "$KP_TOP/tests/cli/layers.py" "$KP_TOP"
tmp=$(mktemp -d)
cp -r "$KP_TOP/src" "$KP_TOP/include" "$tmp/"
sed -i 's|#include "internal.h"|#include "internal.h"\n#include "scan.h"|' "$tmp/src/types_memo.c"
check layers/upward-caught sh -c "! python3 '$KP_TOP/tests/cli/layers.py' '$tmp' > '$tmp/out' &&
	grep -q 'types_memo.c (types) includes scan.h (scan)' '$tmp/out' && cat '$tmp/out'"
rm -rf "$tmp"
