#!/usr/bin/env python3
"""Runs kpage with its stderr (or everything) on a pseudo-terminal, as a
person at a terminal would, and keeps what the terminal received.

  ptyrun.py run CAPTURE STDOUT -- CMD...
      stderr on a pty (120 columns); STDOUT is "tty" (the same pty),
      "pipe:PATH" (a pipe, whose bytes go to PATH) or "file:PATH" (a file).
      CAPTURE gets the raw bytes the pty received. Prints "elapsed SECONDS"
      and exits with CMD's exit code.
  ptyrun.py interrupt CAPTURE WAIT_REGEX -- CMD...
      CMD (the kpage shell) entirely on a pty: types "pages", waits until
      the terminal shows WAIT_REGEX, types Ctrl-C, waits for the prompt
      again, types "quit". Exits 0 when the shell reported the interruption
      and came back to its prompt, 1 otherwise.
  ptyrun.py screen CAPTURE
      Prints the lines a terminal shows after receiving CAPTURE (carriage
      return, newline and erase-to-end-of-line obeyed; no scrolling limit).
"""
import fcntl
import os
import pty
import re
import select
import struct
import subprocess
import sys
import termios
import time


def set_size(fd, rows=50, cols=120):
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))


def read_some(fds, timeout):
    """Reads what is ready on FDS; returns {fd: bytes}, b"" meaning EOF."""
    got = {}
    ready, _, _ = select.select(fds, [], [], timeout)
    for fd in ready:
        try:
            got[fd] = os.read(fd, 65536)
        except OSError:   # EIO: the pty's other side is closed
            got[fd] = b""
    return got


def run(capture, stdout, cmd):
    master, slave = pty.openpty()
    set_size(slave)
    out_file = None
    if stdout == "tty":
        out = slave
    elif stdout.startswith("pipe:"):
        out = subprocess.PIPE
        out_file = open(stdout[5:], "wb")
    elif stdout.startswith("file:"):
        out = open(stdout[5:], "wb")
    else:
        sys.exit("ptyrun: bad STDOUT " + stdout)
    start = time.monotonic()
    p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=out, stderr=slave)
    os.close(slave)
    fds = [master] + ([p.stdout.fileno()] if out_file else [])
    term = b""
    while fds:
        for fd, data in read_some(fds, 60).items():
            if not data:
                fds.remove(fd)
            elif fd == master:
                term += data
            else:
                out_file.write(data)
    rc = p.wait()
    elapsed = time.monotonic() - start
    with open(capture, "wb") as f:
        f.write(term)
    print("elapsed %.3f" % elapsed)
    sys.exit(rc)


def interrupt(capture, wait_re, cmd):
    pid, master = pty.fork()
    if pid == 0:
        os.execvp(cmd[0], cmd)
    set_size(master)
    term = b""

    def wait_for(regex, since, seconds):
        nonlocal term
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            if re.search(regex, term[since:]):
                return True
            data = read_some([master], 0.1).get(master)
            if data == b"":
                return False
            term += data or b""
        return False

    ok = wait_for(rb"kpage> ", 0, 30)
    if ok:
        mark = len(term)
        os.write(master, b"pages\r")
        ok = wait_for(wait_re.encode(), mark, 60)
    if ok:
        mark = len(term)
        os.write(master, b"\x03")
        ok = wait_for(rb"(\r\x1b\[K|\n)kpage: interrupted at pfn[^\n]*\n(.|\n)*kpage> ", mark, 120)
    os.write(master, b"quit\r")
    wait_for(rb"\Z.", len(term), 10)   # until the shell is gone (EOF)
    if os.waitpid(pid, os.WNOHANG) == (0, 0):
        os.kill(pid, 9)
        os.waitpid(pid, 0)
    with open(capture, "wb") as f:
        f.write(term)
    sys.exit(0 if ok else 1)


def screen(capture):
    t = open(capture, "rb").read()
    lines, cur, col = [], [], 0
    for tok in re.findall(rb"\x1b\[K|\r|\n|[^\r\n\x1b]+|\x1b", t):
        if tok == b"\r":
            col = 0
        elif tok == b"\n":
            lines.append(b"".join(cur))
            cur, col = [], 0
        elif tok == b"\x1b[K":
            del cur[col:]
        else:
            for ch in tok:
                if col < len(cur):
                    cur[col] = bytes([ch])
                else:
                    cur.append(bytes([ch]))
                col += 1
    if cur:
        lines.append(b"".join(cur))
    sys.stdout.buffer.write(b"".join(line + b"\n" for line in lines))


def main():
    args = sys.argv[1:]
    if len(args) == 2 and args[0] == "screen":
        screen(args[1])
        return
    if len(args) < 5 or args[3] != "--" or args[0] not in ("run", "interrupt"):
        sys.exit(__doc__)
    if args[0] == "run":
        run(args[1], args[2], args[4:])
    interrupt(args[1], args[2], args[4:])


if __name__ == "__main__":
    main()
