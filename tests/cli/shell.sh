#!/bin/sh
# The interactive shell, driven as a person would in tmux: tab completion,
# Ctrl-C stopping a long walk without leaving the shell, history kept across
# sessions in a 0600 file.
. "$(dirname "$0")/../lib.sh"
command -v tmux > /dev/null || { fail shell/tmux "tmux not installed"; exit 0; }
d=$KP_TOP/build/fx/shell
sh "$KP_TOP/tests/fixtures/make-fixture.sh" v6_1 vmemmap "$d" 2 > "$d.log" 2>&1 ||
	{ fail shell/generate "$(tail -n 2 "$d.log")"; exit 0; }
# A 4 GiB machine: listing its million pages takes long enough to interrupt.
"$KP_TOP/build/fixtures/mkvmcore-v6_1-vmemmap" --vmlinux "$d/vmlinux" --out "$d/big.vmcore" \
	--truth "$d/big.truth" --mem-mib 4096 >> "$d.log" 2>&1 || { fail shell/generate-big "$(tail -n 2 "$d.log")"; exit 0; }
home=$(mktemp -d)
sock=kpage-test-$$
T="tmux -L $sock"
start() {
	$T kill-server 2> /dev/null
	sleep 0.3
	$T new-session -d -x 160 -y 50 "HOME=$home '$KPAGE' --vmlinux '$d/vmlinux' --core '$d/big.vmcore'; sleep 30"
	wait_for 'kpage>'
}
screen() { $T capture-pane -p -S -2000 2> /dev/null; }
wait_for() {   # wait_for REGEX [TENTHS]: up to 10 s (a loaded machine: longer)
	i=0
	while [ $i -lt "${2:-100}" ]; do
		screen | grep -Eq "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}
start || { fail shell/start "no prompt: $(screen | tail -n 3)"; exit 0; }
# The banner, as crash's: the kernel, the dump, the types, the memory.
if screen | grep -q '^     KERNEL: ' && screen | grep -q "^       DUMP: .*big.vmcore (elf" &&
   screen | grep -Eq '^      TYPES: DWARF' && screen | grep -Eq '^     MEMORY: 4096.0 MiB present, 1 node' &&
   screen | grep -q 'quit or exit leaves'; then
	pass shell/banner
else
	fail shell/banner "$(screen | head -n 6 | tr '\n' '|')"
fi
# Completion: "he<Tab>" completes the command, "--fl<Tab>" the option, and
# a flag name after --flag.
$T send-keys 'he' Tab ' fr' Tab Enter
if wait_for 'usage: free'; then pass shell/complete-command; else fail shell/complete-command "$(screen | tail -n 3)"; fi
$T send-keys 'pages --cou' Tab Enter
if wait_for '^1048576$'; then pass shell/complete-option; else fail shell/complete-option "$(screen | tail -n 3)"; fi
$T send-keys 'pages --flag swapb' Tab '--count' Enter
if wait_for 'flag swapbacked +--count' && wait_for '^[0-9]+$'; then pass shell/complete-flag-name
else fail shell/complete-flag-name "$(screen | tail -n 3)"; fi
# Values, from each command's usage line and the dump: map's --by words, the
# kernel's migratetype names as free takes them, zone names.
$T send-keys 'clear' Enter 'map --by mig' Tab ' --no-color --width 16' Enter
if wait_for 'legend: U=Unmovable M=Movable'; then pass shell/complete-usage-value
else fail shell/complete-usage-value "$(screen | tail -n 3)"; fi
$T send-keys 'clear' Enter 'free --migratetype High' Tab ' --zone DMA3' Tab Enter
if wait_for 'free pages on the HighAtomic lists' && wait_for 'zone DMA32'; then
	pass shell/complete-migratetype-zone
else
	fail shell/complete-migratetype-zone "$(screen | tail -n 3)"
fi
# Ctrl-C: listing a million pages to the terminal takes seconds; stop it.
$T send-keys 'clear' Enter 'pages' Enter
sleep 1
$T send-keys C-c
# The terminal may still be drawing the backlog when the walk stops.
wait_for 'interrupted at pfn' 600; interrupted=$?
# "help zones" is typed whatever happened: the history check below needs it.
$T send-keys 'help zones' Enter
if [ $interrupted = 0 ] && wait_for 'usage: zones' 300; then
	pass shell/ctrl-c-stops-walk
else
	fail shell/ctrl-c-stops-walk "$(screen | tail -n 4)"
fi
$T send-keys 'quit' Enter
wait_for 'kpage> quit' 300
sleep 0.5
# History: a new shell recalls the commands before "quit" with Up.
start
$T send-keys Up Up
if wait_for 'kpage> help zones'; then pass shell/history-survives-restart; else fail shell/history-survives-restart "$(screen | tail -n 2)"; fi
mode=$(stat -c %a "$home/.kpage_history" 2> /dev/null)
if [ "$mode" = 600 ]; then pass shell/history-mode-0600; else fail shell/history-mode-0600 "mode $mode"; fi
$T send-keys 'quit' Enter
wait_for 'kpage> quit' 30
$T kill-server 2> /dev/null
# A kpage still exiting may write its memo or history as the tree goes.
rm -rf "$home" 2> /dev/null || { sleep 1; rm -rf "$home"; }
