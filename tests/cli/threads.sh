#!/bin/sh
# The threaded scan gives what the serial one gives (KPAGE_THREADS=1), byte
# for byte: stat, free and map on the fixtures of every era and memory model
# (ELF, kdump-compressed and filtered kdump dumps), cut into small parts so
# that part boundaries fall everywhere; on a 1 GiB hugetlb page over many
# parts (each part inside it guesses its head), on a free block reaching
# over a boundary (the part after it is scanned again from the serial
# state), with and without the free-list index; and Ctrl-C stops it.
. "$(dirname "$0")/../lib.sh"
fx=$KP_TOP/build/fx
out=$(mktemp -d)

# same NAME DIR FILE [CODE]: every command's output and exit code, serial vs
# threaded (small parts; three threads; the free lists walked without the
# index), and the exit code CODE (default 0) in each: a run that fails the
# same way serial and threaded is no pass.
same() {
	name=$1 d=$2 f=$3 want=${4:-0} bad=
	for cmd in "--json stat" "--json free" "free" "--json map"; do
		KPAGE_THREADS=1 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/$f" $cmd > "$out/serial" 2>&1
		rc=$?
		echo "exit $rc" >> "$out/serial"
		[ "$rc" = "$want" ] || bad="$bad [serial $cmd: exit $rc, wanted $want]"
		for env in "KPAGE_THREADS=2 KPAGE_SCAN_PART_PAGES=16384" \
			"KPAGE_THREADS=3 KPAGE_SCAN_PART_PAGES=40000 KPAGE_FREE_INDEX_MAX=0"; do
			env $env "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/$f" $cmd > "$out/threads" 2>&1
			rc=$?
			echo "exit $rc" >> "$out/threads"
			[ "$rc" = "$want" ] || bad="$bad [$env $cmd: exit $rc, wanted $want]"
			cmp -s "$out/serial" "$out/threads" || bad="$bad [$env $cmd: differs from KPAGE_THREADS=1]"
		done
	done
	if [ -z "$bad" ]; then pass "$name"; else fail "$name" "$bad"; fi
}

# trace NAME DIR FILE REGEX: the scan's own account of its parts.
trace() {
	KPAGE_THREADS=2 KPAGE_SCAN_PART_PAGES=16384 KPAGE_SCAN_TRACE=1 \
		"$KPAGE" --vmlinux "$2/vmlinux" --core "$2/$3" stat 2>&1 > /dev/null | grep -E "$4" > /dev/null &&
		pass "$1" || fail "$1" "no /$4/ in the scan's trace"
}

for src in "$KP_TOP"/dwarf/*.c; do
	era=$(basename "$src" .c)
	for model in vmemmap sparse flat; do
		nodes=2
		[ "$model" = flat ] && nodes=1
		d=$fx/$era-$model
		if [ ! -f "$d/vmcore.kdump-filtered" ] &&
		   ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" "$nodes" > "$d.log" 2>&1; then
			fail "threads/$era-$model/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
			continue
		fi
		for f in vmcore vmcore.kdump vmcore.kdump-filtered; do
			same "threads/$era-$model/$f" "$d" "$f"
		done
	done
done

# A compound page over many parts: a 1 GiB hugetlb page on a 2 GiB machine
# (three eras, three models); the truth holds in threads too.
for em in v6_1:vmemmap v2_6_32:sparse v5_4:flat; do
	era=${em%%:*} model=${em#*:}
	d=$fx/gigantic-$era-$model
	if ! sh "$KP_TOP/tests/fixtures/make-fixture.sh" "$era" "$model" "$d" 1 "" \
		"--mem-mib 2048 --gigantic" > "$d.log" 2>&1; then
		fail "threads/gigantic-$era-$model/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
		continue
	fi
	files=vmcore
	[ "$era" = v6_1 ] && files="vmcore vmcore.kdump vmcore.kdump-filtered"
	for f in $files; do
		same "threads/gigantic-$era-$model/$f" "$d" "$f"
	done
	trace "threads/gigantic-$era-$model/head-guessed" "$d" vmcore "[1-9][0-9]* guessed a compound head, 0 scanned again"
	KPAGE_THREADS=2 KPAGE_SCAN_PART_PAGES=16384 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" \
		--json pages > "$d/vmcore.pages" 2> "$d/err" &&
	KPAGE_THREADS=2 KPAGE_SCAN_PART_PAGES=16384 "$KPAGE" --vmlinux "$d/vmlinux" --core "$d/vmcore" \
		--json stat > "$d/vmcore.stat" 2>> "$d/err"
	check "threads/gigantic-$era-$model/truth" python3 "$KP_TOP/tests/cli/compare_truth.py" \
		"$d/truth.txt" "$d/vmcore.pages" "$d/vmcore.stat"
done

# A free block reaching over a part boundary, a page after it free by it.
d=$fx/threads-straddle
if sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 1 straddle > "$d.log" 2>&1; then
	# (the head claims order 15: pages in use inside that block, free-unused, exit 3)
	for f in vmcore vmcore.kdump; do
		same "threads/straddle/$f" "$d" "$f" 3
	done
	trace "threads/straddle/scanned-again" "$d" vmcore "[1-9][0-9]* scanned again"
else
	fail "threads/straddle/generate" "$(tail -n 3 "$d.log" | tr '\n' ' ')"
fi
rm -rf "$out"

# Ctrl-C in the shell stops a threaded scan (a 64 GiB machine, 16M pages:
# long enough to interrupt) and the shell goes on.
command -v tmux > /dev/null || { fail threads/ctrl-c "tmux not installed"; exit 0; }
d=$fx/threads-big
mkdir -p "$d"
cp "$fx/v6_1-vmemmap/vmlinux" "$d/vmlinux" 2> /dev/null &&
"$KP_TOP/build/fixtures/mkvmcore-v6_1-vmemmap" --vmlinux "$d/vmlinux" --out "$d/vmcore" \
	--mem-mib 65536 > "$d.log" 2>&1 || { fail threads/ctrl-c/generate "$(tail -n 2 "$d.log")"; exit 0; }
sock=kpage-threads-$$
T="tmux -L $sock"
screen() { $T capture-pane -p -S -200 2> /dev/null; }
wait_for() {   # wait_for REGEX: up to 20 s
	i=0
	while [ $i -lt 200 ]; do
		screen | grep -Eq "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
home=$(mktemp -d)
$T new-session -d -x 160 -y 50 "HOME=$home KPAGE_THREADS=2 KPAGE_PROGRESS_DELAY_MS=0 '$KPAGE' --vmlinux '$d/vmlinux' --core '$d/vmcore'; sleep 30"
ok=
if wait_for 'kpage>'; then
	# Ctrl-C once the scan's progress line shows. A scan may finish before
	# the key comes: try a few times, on a cleared pane each time.
	for try in 1 2 3 4 5 6 7 8; do
		$T send-keys -R \; clear-history
		sleep 0.2
		$T send-keys 'free' Enter
		wait_for 'kpage: (mem_map|free lists) +[0-9]+%|free pages on the lists'
		$T send-keys C-c
		if wait_for 'interrupted|free pages on the lists'; then
			screen | grep -q 'interrupted' && { ok=1; break; }
		fi
		wait_for 'kpage> *$'
	done
fi
if [ -n "$ok" ] && $T send-keys 'help zones' Enter && wait_for 'usage: zones'; then
	pass threads/ctrl-c-stops-scan
else
	fail threads/ctrl-c-stops-scan "$(screen | tail -n 4 | tr '\n' ' ')"
fi
$T kill-server 2> /dev/null
rm -rf "$home" "$d/vmcore"
