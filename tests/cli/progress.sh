#!/bin/sh
# The progress line of long walks, seen through a pseudo-terminal (ptyrun.py):
# drawn on a terminal stderr with percent and pages/s, at most 10 times a
# second, erased at the end, kept out of rows printed to the same terminal;
# absent when stderr is a pipe, with --json into a pipe, with
# KPAGE_NO_PROGRESS, and for walks shorter than a second. Ctrl-C still stops
# a walk in the shell. KPAGE_PROGRESS_DELAY_MS=0 draws from the start.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/progress
mkdir -p "$d"
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1 ||
	{ fail progress/generate "$(tail -n 2 "$d.log")"; exit 0; }
# A 4 GiB machine: a million struct pages.
"$KP_TOP/build/fixtures/mkvmcore-v6_1-vmemmap" --vmlinux "$d/vmlinux" --out "$d/big.vmcore" \
	--truth "$d/big.truth" --mem-mib 4096 >> "$d.log" 2>&1 ||
	{ fail progress/generate-big "$(tail -n 2 "$d.log")"; exit 0; }
PTY="python3 $KP_TOP/tests/cli/ptyrun.py"
K="$KPAGE --vmlinux $d/vmlinux"
unset KPAGE_NO_PROGRESS KPAGE_PROGRESS_DELAY_MS

# has_line CAPTURE WHAT: a drawn line with percent and rate, and the last
# thing on the terminal is the erase.
has_line() {
	python3 - "$1" "$2" <<'EOF'
import re, sys
t = open(sys.argv[1], "rb").read()
what = sys.argv[2].encode()
lines = re.findall(rb"\rkpage: " + what + rb" +(\d+)% \([^)]* of [^)]* pages, [0-9.]+[kMG]? pages/s\)\x1b\[K", t)
if not lines:
    sys.exit("no %s progress line in %r" % (sys.argv[2], t[:300]))
if not t.endswith(b"\r\x1b[K"):
    sys.exit("line not erased at the end: %r" % t[-100:])
pct = [int(p) for p in lines]
if pct != sorted(pct) or pct[-1] > 100:
    sys.exit("percentages out of order: %s" % pct)
EOF
}

# A walk on a terminal: the line is there, stdout is untouched.
$K --core "$d/big.vmcore" stat > "$d/stat.ref" 2> "$d/stat.err"
KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/stat.tty" "file:$d/stat.out" -- $K --core "$d/big.vmcore" stat > /dev/null
check progress/stat-line has_line "$d/stat.tty" mem_map
check progress/stat-output-unchanged cmp "$d/stat.ref" "$d/stat.out"
check progress/stat-piped-stderr-empty test ! -s "$d/stat.err"
KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/free.tty" "file:$d/free.out" -- $K --core "$d/big.vmcore" free > /dev/null
check progress/free-lists-line has_line "$d/free.tty" "free lists"
check progress/free-scan-line has_line "$d/free.tty" mem_map

# Redraws: at most 10 a second (plus the first), over a walk of ~1 s.
KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/pages.tty" "file:$d/pages.out" -- $K --core "$d/big.vmcore" pages > "$d/pages.time"
redraws() {
	python3 - "$1" "$2" <<'EOF'
import re, sys
t = open(sys.argv[1], "rb").read()
elapsed = float(open(sys.argv[2]).read().split()[1])
n = len(re.findall(rb"\rkpage: mem_map ", t))
print("%d draws in %.2f s" % (n, elapsed))
sys.exit(0 if 1 <= n <= 10 * elapsed + 1 else 1)
EOF
}
check progress/redraw-at-most-10-per-s redraws "$d/pages.tty" "$d/pages.time"
echo "  ($(redraws "$d/pages.tty" "$d/pages.time"))"

# The default threshold: a walk shorter than a second draws nothing.
$PTY run "$d/short.tty" "file:$d/short.out" -- $K --core "$d/vmcore" stat > "$d/short.time"
check progress/short-walk-none test ! -s "$d/short.tty"
# Nothing on a pipe, nothing with --json into a pipe, nothing when disabled.
KPAGE_PROGRESS_DELAY_MS=0 $K --core "$d/big.vmcore" stat 2>&1 > /dev/null | cat > "$d/pipe.err"
check progress/stderr-pipe-none test ! -s "$d/pipe.err"
KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/json.tty" "pipe:$d/json.out" -- $K --core "$d/big.vmcore" --json stat > /dev/null
check progress/json-pipe-none test ! -s "$d/json.tty"
check progress/json-pipe-output jq -e .pages_scanned "$d/json.out"
KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/jsonf.tty" "file:$d/jsonf.out" -- $K --core "$d/big.vmcore" --json stat > /dev/null
check progress/json-file-line has_line "$d/jsonf.tty" mem_map
KPAGE_NO_PROGRESS=1 KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/off.tty" "file:$d/off.out" -- $K --core "$d/big.vmcore" stat > /dev/null
check progress/disabled-none test ! -s "$d/off.tty"

# Rows printed to the same terminal: the line is erased before each, so the
# terminal shows exactly the rows, with no trace of a progress line.
$K --core "$d/vmcore" pages --pfn 0-49151 > "$d/rows.ref"
KPAGE_PROGRESS_DELAY_MS=0 $PTY run "$d/rows.tty" tty -- $K --core "$d/vmcore" pages --pfn 0-49151 > /dev/null
rows_clean() {   # the rows, and no line of the screen holds progress text
	grep -q "$(printf '\rkpage: mem_map ')" "$1" || { echo "no progress line drawn"; return 1; }
	python3 "$KP_TOP/tests/cli/ptyrun.py" screen "$1" > "$1.screen" && cmp "$1.screen" "$2"
}
check progress/rows-on-same-terminal rows_clean "$d/rows.tty" "$d/rows.ref"

# Ctrl-C in the shell while a walk draws its line: the walk stops, the line
# is erased before the message, the prompt comes back.
home=$(mktemp -d)
check progress/ctrl-c-stops-walk env HOME="$home" $PTY interrupt "$d/intr.tty" 'kpage: mem_map +[0-9]+%' \
	-- $K --core "$d/big.vmcore"
rm -rf "$home"
