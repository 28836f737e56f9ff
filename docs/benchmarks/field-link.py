#!/usr/bin/env python3
"""Field-link benchmark: bytes and write(2) calls that reach the terminal per key, as an officer on a phone
over SSH would receive them (each write is at least one SSH packet).

Runs the dashboard on the sample database under strace in tmux (TERM=xterm-256color, LANG=C.UTF-8) at
40x20, 80x24 and 160x45 and reports, per size: the start (frames before the first wait for a key), j, k,
Enter (drill into the selected kecamatan), Esc (back), and an idle window.

Usage: docs/benchmarks/field-link.py [--debug] [--idle SECONDS]   (needs tmux and strace; default idle 60 s)
"""
import argparse
import os
import re
import shutil
import subprocess
import tempfile
import time

SIZES = [(40, 20), (80, 24), (160, 45)]
# tmux key name, and the byte strace shows being read for it
KEYS = [("j", "j"), ("k", "k"), ("Enter", "\\r"), ("Escape", "\\33")]
SOCKET = "pantau-field-link"
TERMINAL_WRITE = re.compile(r' write\(\d+</dev/pts/[^>]*>, .*\) = (\d+)$')


def tmux(*args):
    return subprocess.run(["tmux", "-L", SOCKET, *args], check=False, capture_output=True, text=True).stdout


def trace_lines(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        return f.read().splitlines()


def first_wait(lines, after):
    """The first line after `after` where the dashboard starts waiting up to a second for a key."""
    for i in range(after + 1, len(lines)):
        if "poll([{fd=0</dev/pts/" in lines[i] and "], 1, 1000" in lines[i]:
            return i
    return None


def key_read(lines, after, shown):
    for i in range(after, len(lines)):
        if "read(0</dev/pts/" in lines[i] and f', "{shown}", 1)' in lines[i]:
            return i
    return None


def wait_until(find, timeout=15):
    deadline = time.time() + timeout
    while time.time() < deadline:
        found = find()
        if found is not None:
            return found
        time.sleep(0.05)
    raise SystemExit("the dashboard did not answer in time")


def writes(lines, start, end):
    sizes = [int(m.group(1)) for m in map(TERMINAL_WRITE.search, lines[start:end]) if m]
    return sum(sizes), len(sizes)


def measure(binary, db, width, height, idle, work):
    trace = os.path.join(work, f"trace-{width}x{height}")
    tmux("kill-server")
    tmux("-f", "/dev/null", "new-session", "-d", "-s", "f", "-x", str(width), "-y", str(height),
         f"env TERM=xterm-256color LANG=C.UTF-8 strace -f --seccomp-bpf -y -qq -o {trace} -e trace=read,write,poll {binary} --db {db}; sleep 600")
    wait_until(lambda: os.path.exists(trace) or None)
    end = wait_until(lambda: first_wait(trace_lines(trace), 0))
    rows = [("start", *writes(trace_lines(trace), 0, end))]
    for name, shown in KEYS:
        tmux("send-keys", "-t", "f", name)
        start = end
        read = wait_until(lambda: key_read(trace_lines(trace), start, shown))
        end = wait_until(lambda: first_wait(trace_lines(trace), read))
        rows.append((name, *writes(trace_lines(trace), start, end)))
    time.sleep(idle)
    lines = trace_lines(trace)
    rows.append((f"idle {idle} s", *writes(lines, end, len(lines))))
    tmux("send-keys", "-t", "f", "q")
    time.sleep(0.5)
    tmux("kill-server")
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--debug", action="store_true", help="measure the debug build instead of the release build")
    parser.add_argument("--idle", type=int, default=60, help="seconds of idle time measured (default 60)")
    options = parser.parse_args()
    root = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
    configuration = "debug" if options.debug else "release"
    subprocess.run(["swift", "build", "-c", configuration, "--product", "pantau"], cwd=root, check=True, capture_output=True)
    binary = os.path.join(root, ".build", configuration, "pantau")
    work = tempfile.mkdtemp()
    try:
        db = os.path.join(work, "sample.db")
        subprocess.run([binary, "init", "--db", db, "--sample"], check=True, capture_output=True,
                       env={**os.environ, "PANTAU_SAMPLE_DATA": os.path.join(root, "sample-data")})
        results = {size: measure(binary, db, *size, options.idle, work) for size in SIZES}
    finally:
        tmux("kill-server")
        shutil.rmtree(work, ignore_errors=True)
    names = [name for name, _, _ in results[SIZES[0]]]
    print("| terminal | " + " | ".join(names) + " |")
    print("|---|" + "---|" * len(names))
    for (width, height), rows in results.items():
        cells = [f"{size} B / {count} w" for _, size, count in rows]
        print(f"| {width}×{height} | " + " | ".join(cells) + " |")


if __name__ == "__main__":
    main()
