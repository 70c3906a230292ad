#!/bin/sh
# Era files against the real kernels they stand for (tests/cli/era_real.py):
# every member kpage reads of struct page, folio, zone, free_area,
# pglist_data, mem_section(_usage), per_cpu_pages/zonestat, and the enums it
# takes values from, at the same offset and size in the era's fixture
# vmlinux as in the real vmlinux. Runs where the real debug vmlinux is there
# (the real-kernel tier fetches them into $KP_CACHE/kernel/RELEASE); says so
# where it is not.
. "$(dirname "$0")/../lib.sh"
command -v pahole >/dev/null || { fail era-real/pahole "pahole not installed (Debian package dwarves)"; exit 0; }
# the real vmlinux of RELEASE-GLOB: the tier's cache, then the system's
real_vmlinux() {
	for v in "$KP_CACHE"/kernel/$1/root/usr/lib/debug/lib/modules/$1/vmlinux \
		 "$KP_CACHE"/kernel/$1/root/usr/lib/debug/boot/vmlinux-$1 /usr/lib/debug/boot/vmlinux-$1; do
		[ -f "$v" ] && { echo "$v"; return; }
	done
}
# ERA RELEASE-GLOB
for pair in "v7_3 7.3.*-cloud-amd64" "v6_1 6.1.0-*-cloud-amd64"; do
	set -- $pair
	era=$1
	real=$(real_vmlinux "$2" | tail -n 1)
	if [ -z "$real" ]; then
		echo "  --   era-real/$era: no real vmlinux $2 here, not compared"
		continue
	fi
	d=$KP_TOP/build/fx/$era-vmemmap
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" vmemmap "$d" 2 > "$d.log" 2>&1; then
		fail "era-real/$era/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	check "era-real/$era" python3 "$KP_TOP/tests/cli/era_real.py" "$era" "$d/vmlinux" "$real"
done
