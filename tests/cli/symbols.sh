#!/bin/sh
# Every global symbol libkpage defines carries the kp_ prefix: none lands in
# libdw's, libelf's or a user's namespace (dwarf_field, elf_segs_read once did).
. "$(dirname "$0")/../lib.sh"
lib=$KP_TOP/build/libkpage.a
[ -f "$lib" ] || { fail symbols/kp-prefix "no $lib (make all builds it)"; exit 0; }
bad=$(nm -g --defined-only "$lib" | awk 'NF == 3 && $2 ~ /[TDBRCG]/ && $3 !~ /^kp_/ {print $3}' | sort -u)
n=$(nm -g --defined-only "$lib" | awk 'NF == 3 && $2 ~ /[TDBRCG]/' | wc -l)
check symbols/kp-prefix sh -c "[ -z '$bad' ] && echo '$n global symbols, all kp_' || { echo 'without kp_:' $bad; exit 1; }"
