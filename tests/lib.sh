# Shared by the test scripts: pass/fail bookkeeping. Each result is one line
# in $KP_RESULTS ("pass NAME" or "fail NAME: why"); run-tests.sh counts them.
KP_TOP=${KP_TOP:-$(cd "$(dirname "$0")/../.." && pwd)}
KPAGE=${KPAGE:-$KP_TOP/build/kpage}
KP_RESULTS=${KP_RESULTS:-/dev/null}
: "${XDG_CACHE_HOME:=$HOME/.cache}"
# No suite reaches a real debuginfod server (debuginfod.sh runs its own).
unset DEBUGINFOD_URLS
KP_CACHE=$XDG_CACHE_HOME/kpage
# Fixtures live under build/fx; any suite may run first on a fresh clone.
mkdir -p "$KP_TOP/build/fx"

# KP_PREFIX names the pass (e.g. "asan/" for the sanitizer build).
pass() { echo "pass ${KP_PREFIX:-}$1" >> "$KP_RESULTS"; echo "  ok   ${KP_PREFIX:-}$1"; }
fail() { echo "fail ${KP_PREFIX:-}$1: $2" >> "$KP_RESULTS"; echo "  FAIL ${KP_PREFIX:-}$1: $2"; }
# skip NAME WHY: a check that could not run here, counted and said.
skip() { echo "skip ${KP_PREFIX:-}$1: $2" >> "$KP_RESULTS"; echo "  SKIP ${KP_PREFIX:-}$1: $2"; }
# check NAME COMMAND...: passes when COMMAND succeeds.
check() { n=$1; shift; if "$@" > /tmp/kp-check.$$ 2>&1; then pass "$n"; else fail "$n" "$(tail -n 3 /tmp/kp-check.$$ | tr '\n' ' ')"; fi; rm -f /tmp/kp-check.$$; }
# expect_exit NAME CODE REGEX COMMAND...: exit code and a stderr line matching REGEX.
expect_exit() {
	n=$1 code=$2 re=$3; shift 3
	"$@" > /tmp/kp-out.$$ 2> /tmp/kp-err.$$; rc=$?
	if [ "$rc" != "$code" ]; then fail "$n" "exit $rc, wanted $code: $(head -c 300 /tmp/kp-err.$$)"
	elif ! grep -Eq "$re" /tmp/kp-err.$$; then fail "$n" "stderr lacks /$re/: $(head -c 300 /tmp/kp-err.$$)"
	elif [ "$(wc -l < /tmp/kp-err.$$)" -gt 1 ]; then fail "$n" "more than one error line: $(head -c 300 /tmp/kp-err.$$)"
	else pass "$n"; fi
	rm -f /tmp/kp-out.$$ /tmp/kp-err.$$
}
# expect_out NAME CODE ERR_REGEX OUT_REGEX COMMAND...: COMMAND ends within 20
# seconds with exit CODE, at most one line on stderr, matching ERR_REGEX
# ("" for none at all), and a stdout line matching OUT_REGEX ("" for any).
expect_out() {
	n=$1 code=$2 ere=$3 ore=$4; shift 4
	timeout 20 "$@" > /tmp/kp-out.$$ 2> /tmp/kp-err.$$; rc=$?
	why=
	if [ "$rc" = 124 ]; then why="timed out (20 s)"
	elif [ "$rc" != "$code" ]; then why="exit $rc, wanted $code"
	elif [ -z "$ere" ] && [ -s /tmp/kp-err.$$ ]; then why="unexpected stderr"
	elif [ -n "$ere" ] && ! grep -Eq "$ere" /tmp/kp-err.$$; then why="stderr lacks /$ere/"
	elif [ "$(wc -l < /tmp/kp-err.$$)" -gt 1 ]; then why="more than one line on stderr"
	elif [ -n "$ore" ] && ! grep -Eq "$ore" /tmp/kp-out.$$; then why="stdout lacks /$ore/"
	fi
	if [ -n "$why" ]; then fail "$n" "$why: $(head -c 300 /tmp/kp-err.$$)"; else pass "$n"; fi
	rm -f /tmp/kp-out.$$ /tmp/kp-err.$$
}
