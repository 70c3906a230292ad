#!/bin/sh
# Debuginfo from debuginfod: with no --vmlinux and nothing installed locally,
# kpage asks the servers of DEBUGINFOD_URLS for the dump's VMCOREINFO
# BUILD-ID (libdebuginfod) and uses the file it caches. A real debuginfod
# serves the fixture's vmlinux from a directory on a local port; a second
# server serves other files only. The client cache is a temporary directory.
. "$(dirname "$0")/../lib.sh"
d=$KP_TOP/build/fx/debuginfod
rm -rf "$d" && mkdir -p "$d/srv" "$d/other"
if ! command -v debuginfod > /dev/null; then
	fail debuginfod/server-installed "no debuginfod binary (Debian package debuginfod; tests/deps.sh test installs it)"
	exit 0
fi
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d/fx" 1 > "$d/gen.log" 2>&1 ||
	{ fail debuginfod/generate "$(tail -n 2 "$d/gen.log")"; exit 0; }
V=$d/fx/vmlinux C=$d/fx/vmcore
PTY="python3 $KP_TOP/tests/cli/ptyrun.py"
pids=
stop() {   # stop PID...: SIGTERM, then up to 5 s for it to go, then SIGKILL
	for p in "$@"; do
		kill "$p" 2> /dev/null || continue
		i=0
		while kill -0 "$p" 2> /dev/null && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
		kill -9 "$p" 2> /dev/null
		wait "$p" 2> /dev/null
	done
}
trap 'stop $pids' EXIT
trap 'exit 1' INT TERM

# The fixture carries a build-id note, and its VMCOREINFO says the same.
id=$(readelf -n "$V" | sed -n 's/^ *Build ID: *//p')
check debuginfod/fixture-build-id-note test -n "$id"
check debuginfod/fixture-vmcoreinfo-build-id grep -aq "^BUILD-ID=$id\$" "$C"
cp "$V" "$d/srv/vmlinux-6.1.0-kpage-fixture"
cp "$KPAGE" "$d/other/"      # an ELF file with another build-id

get() {   # get URL: the body on stdout, non-zero on any failure
	python3 -c 'import sys, urllib.request
try:
    sys.stdout.buffer.write(urllib.request.urlopen(sys.argv[1], timeout=5).read())
except Exception as e:
    sys.exit(str(e))' "$1"
}
# start NAME DIR: a debuginfod on a free port (a random one, retried when in
# use), its scan of DIR finished; sets $port. Bounded: 60 s in all.
start() {
	tries=0
	while [ $tries -lt 8 ]; do
		tries=$((tries + 1))
		port=$(python3 -c 'import random; print(random.randint(20000, 60999))')
		debuginfod -p "$port" -F -t 0 -g 0 -d "$d/$1.sqlite" "$2" > "$d/$1.log" 2>&1 &
		pid=$!
		pids="$pids $pid"
		i=0
		while [ $i -lt 300 ]; do   # tenths of a second
			if ! kill -0 "$pid" 2> /dev/null; then
				break   # it stopped: most likely the port is taken
			fi
			# Ready when our server listens and its first traversal
			# and every scan it queued are done.
			if grep -q "started http server.*port=$port" "$d/$1.log" &&
			   get "http://127.0.0.1:$port/metrics" > "$d/$1.metrics" 2> /dev/null &&
			   grep -Eq '^thread_work_total\{role="traverse"\} [1-9]' "$d/$1.metrics" &&
			   grep -q '^thread_work_pending{role="scan"} 0$' "$d/$1.metrics" &&
			   grep -q '^thread_busy{role="scan"} 0$' "$d/$1.metrics"; then
				return 0
			fi
			sleep 0.1
			i=$((i + 1))
		done
		stop "$pid"
	done
	return 1
}
if ! start good "$d/srv"; then
	fail debuginfod/server-start "$(tail -n 3 "$d/good.log" | tr '\n' ' ')"
	exit 0
fi
good_pid=$pid good=http://127.0.0.1:$port
check debuginfod/server-serves-build-id get "$good/buildid/$id/debuginfo"

export DEBUGINFOD_CACHE_PATH="$d/cache"
unset DEBUGINFOD_PROGRESS DEBUGINFOD_VERBOSE
"$KPAGE" --vmlinux "$V" --core "$C" stat > "$d/stat.ref" 2>&1
# Found by build-id, fetched, used: the same census as with --vmlinux.
DEBUGINFOD_URLS=$good "$KPAGE" --core "$C" stat > "$d/stat.out" 2> "$d/stat.err"
check debuginfod/fetched-exit-0 test $? = 0
check debuginfod/fetched-stat-equal cmp "$d/stat.ref" "$d/stat.out"
check debuginfod/no-note-when-stderr-not-a-tty test ! -s "$d/stat.err"
check debuginfod/cached-file-is-the-vmlinux cmp "$V" "$d/cache/$id/debuginfo"
DEBUGINFOD_URLS=$good "$KPAGE" --verbose --core "$C" stat 2>&1 > /dev/null |
	grep -F "vmlinux $d/cache/$id/debuginfo," > "$d/verbose.out"
check debuginfod/verbose-names-cached-file test -s "$d/verbose.out"
# On a terminal, a note says that a download happens (a fresh cache).
DEBUGINFOD_URLS=$good DEBUGINFOD_CACHE_PATH="$d/cache2" $PTY run "$d/note.tty" "file:$d/note.out" \
	-- "$KPAGE" --core "$C" stat > /dev/null
check debuginfod/note-on-tty grep -aq "^kpage: fetching debuginfo for build-id $id from debuginfod" "$d/note.tty"
check debuginfod/note-run-stat-equal cmp "$d/stat.ref" "$d/note.out"

# Offline: the server gone, the cached file serves, with no note.
stop "$good_pid"
DEBUGINFOD_URLS=$good "$KPAGE" --core "$C" stat > "$d/offline.out" 2> "$d/offline.err"
check debuginfod/offline-exit-0 test $? = 0
check debuginfod/offline-from-cache cmp "$d/stat.ref" "$d/offline.out"
check debuginfod/offline-stderr-empty test ! -s "$d/offline.err"
DEBUGINFOD_URLS=$good $PTY run "$d/offline.tty" "file:$d/offline2.out" -- "$KPAGE" --core "$C" stat > /dev/null
check debuginfod/offline-no-note test ! -s "$d/offline.tty"

# A server without this build-id: one error line naming every path tried
# and the debuginfod attempt; the same with no DEBUGINFOD_URLS at all.
tried="tried /usr/lib/debug/boot/vmlinux-6.1.0-kpage-fixture, /usr/lib/debug/lib/modules/6.1.0-kpage-fixture/vmlinux, /boot/vmlinux-6.1.0-kpage-fixture, /lib/modules/6.1.0-kpage-fixture/build/vmlinux, /usr/lib/debug/.build-id/$(echo "$id" | cut -c1-2)/$(echo "$id" | cut -c3-).debug"
if start other "$d/other"; then
	other=http://127.0.0.1:$port
	expect_exit debuginfod/not-on-server 2 "no vmlinux with debug info for 6.1.0-kpage-fixture \($tried; debuginfod \($other\): build-id $id: No such file or directory\); install linux-image-6.1.0-kpage-fixture-dbg" \
		env DEBUGINFOD_URLS="$other" DEBUGINFOD_CACHE_PATH="$d/cache3" "$KPAGE" --core "$C" stat
else
	fail debuginfod/other-server-start "$(tail -n 3 "$d/other.log" | tr '\n' ' ')"
fi
expect_exit debuginfod/urls-not-set 2 "\($tried; debuginfod not tried: DEBUGINFOD_URLS not set\)" \
	env -u DEBUGINFOD_URLS "$KPAGE" --core "$C" stat
