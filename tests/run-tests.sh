#!/bin/sh
# Runs every test tier and prints "N passed, N failed" as the last line.
#   KP_SKIP_KERNEL=1  skips the real-kernel (QEMU) tier
top=$(cd "$(dirname "$0")/.." && pwd)
export KP_TOP=$top
export KP_RESULTS=$(mktemp)
cd "$top" || exit 2

echo "== unit tests"
for t in build/unit/*; do
	[ -x "$t" ] || continue
	out=$(mktemp)
	"$t" > "$out" 2>&1
	rc=$?
	while read -r status name rest; do
		case $status in
		ok) echo "pass unit/$name" >> "$KP_RESULTS"; echo "  ok   unit/$name" ;;
		FAIL) echo "fail unit/$name: $rest" >> "$KP_RESULTS"; echo "  FAIL unit/$name: $rest" ;;
		esac
	done < "$out"
	[ "$rc" = 0 ] || { echo "fail $t: exit $rc: $(tail -n 3 "$out" | tr '\n' ' ')" >> "$KP_RESULTS"; echo "  FAIL $t exit $rc"; }
	rm -f "$out"
done
for s in tests/cli/*.sh; do
	echo "== $s"
	sh "$s" || echo "fail $s: exited $?" >> "$KP_RESULTS"
done
# The same CLI suites again with the ASan/UBSan build: any sanitizer report
# makes kpage exit non-zero, which fails the test.
if [ -x build/kpage-asan ]; then
	for s in tests/cli/badinput.sh tests/cli/corrupt.sh tests/cli/fixtures.sh tests/cli/debuginfod.sh tests/cli/owners.sh; do
		echo "== asan: $s"
		KPAGE=$top/build/kpage-asan KP_PREFIX=asan/ ASAN_OPTIONS=detect_leaks=1:exitcode=99 \
			UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 sh "$s" ||
			echo "fail asan/$s: exited $?" >> "$KP_RESULTS"
	done
fi
# A short smoke of each fuzz target (make fuzz runs them longer).
if [ -x build/fuzz/fuzz_decode ]; then
	echo "== tests/fuzz/run.sh (smoke)"
	sh tests/fuzz/run.sh "${KP_FUZZ_SECONDS:-15}"
fi
if [ -z "$KP_SKIP_KERNEL" ] && [ -f tests/kernel/run.sh ]; then
	echo "== tests/kernel/run.sh"
	sh tests/kernel/run.sh || echo "fail tests/kernel/run.sh: exited $?" >> "$KP_RESULTS"
else
	echo "skip kernel: KP_SKIP_KERNEL is set (the real-kernel tier did not run)" >> "$KP_RESULTS"
	echo "  SKIP kernel: KP_SKIP_KERNEL is set"
fi
passed=$(grep -c '^pass ' "$KP_RESULTS")
failed=$(grep -c '^fail ' "$KP_RESULTS")
skipped=$(grep -c '^skip ' "$KP_RESULTS")
if [ "$failed" != 0 ]; then
	echo "== failures"
	grep '^fail ' "$KP_RESULTS" | sed 's/^fail /  /'
fi
if [ "$skipped" != 0 ]; then
	echo "== skipped"
	grep '^skip ' "$KP_RESULTS" | sed 's/^skip /  /'
fi
rm -f "$KP_RESULTS"
echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" = 0 ] && [ "$passed" != 0 ]
