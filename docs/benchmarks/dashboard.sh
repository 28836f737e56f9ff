#!/usr/bin/env bash
# Dashboard benchmark, in a real terminal (tmux, 80x24): time from start to the first full frame, bytes sent per
# cursor move, and the time from a key to the settled screen (p50/p99 over ten presses) at the whole country, on the
# sample data and on national-scale generated data (130.000 koperasi, 5.000.000 UMKM); beside VisiData's time to
# its first rows on the same koperasi.csv when `vd` is installed (pip install visidata).
# Usage: docs/benchmarks/dashboard.sh [national.db [postgresql://…/database]]
#   Builds the national database when none is given. A PostgreSQL address holding the same national data
#   (pantau init + the two imports) is measured the same way. Needs tmux.
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product pantau >/dev/null
swift build -c release --product pantau-datagen >/dev/null
swift build -c release --product pantau-bench >/dev/null
bin=$PWD/.build/release
work=$(mktemp -d)
# Each measurement has a tmux server of its own: a server just told to stop may still be exiting.
sock=pantau-bench-$$-0
trap 'tmux -L "$sock" kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

sample="$work/sample.db"
PANTAU_SAMPLE_DATA=$PWD/sample-data "$bin/pantau" init --db "$sample" --sample >/dev/null
"$bin/pantau-datagen" national --out "$work/data" >/dev/null
national=${1:-}
if [ -z "$national" ]; then
  national="$work/national.db"
  "$bin/pantau" init --db "$national" --office 64.08 >/dev/null
  "$bin/pantau" import koperasi "$work/data/koperasi.csv" --db "$national" >/dev/null
  "$bin/pantau" import umkm "$work/data/umkm.csv" --db "$national" >/dev/null
fi
server=${2:-}

now() { date +%s%N; }
screen() { tmux -L "$sock" capture-pane -p -t b; }
# Starts a command in a fresh 80x24 pane, output copied to $work/pane.out; sets `elapsed` to the ms until the marker
# shows (not printed: a command substitution's subshell would keep the new server's name to itself).
start() {  # marker command
  local marker=$1 t0
  tmux -L "$sock" kill-server 2>/dev/null || true
  sock=pantau-bench-$$-$(( ${sock##*-} + 1 ))
  : > "$work/pane.out"
  tmux -L "$sock" -f /dev/null new-session -d -s b -x 80 -y 24 "sleep 600"
  tmux -L "$sock" pipe-pane -t b -o "cat >> $work/pane.out"
  t0=$(now)
  tmux -L "$sock" respawn-pane -k -t b "env TERM=xterm-256color LANG=C.UTF-8 $2"
  until screen | grep -qF "$marker"; do sleep 0.002; done
  elapsed=$(( ($(now) - t0) / 1000000 ))
}
# ms from a key to the screen showing the marker.
press() {  # key marker
  local t0
  t0=$(now)
  tmux -L "$sock" send-keys -t b "$1"
  until screen | grep -qF "$2"; do sleep 0.002; done
  echo $(( ($(now) - t0) / 1000000 ))
}
percentiles() { sort -n | awk '{ v[NR] = $1 } END { printf "%d / %d ms", v[int((NR + 1) / 2)], v[int(NR * 0.99 + 0.99)] }'; }

first_frame() {  # name db scope (five starts: the median and the range)
  local times="" before after
  for _ in 1 2 3 4 5; do
    start "Jumlah" "$bin/pantau --db '$2' --scope $3"
    times+="$elapsed"$'\n'
  done
  local ms
  ms=$(printf '%s' "$times" | sort -n | awk '{ v[NR] = $1 } END { printf "%d ms (%d–%d)", v[3], v[1], v[5] }')
  sleep 0.5
  before=$(stat -c %s "$work/pane.out")
  for _ in $(seq 10); do tmux -L "$sock" send-keys -t b Down; sleep 0.2; done
  after=$(stat -c %s "$work/pane.out")
  printf "| %s | --scope %s | first full frame %s | one row down %d bytes |\n" "$1" "$3" "$ms" $(( (after - before) / 10 ))
}

keys() {  # name db
  start "Jumlah" "$bin/pantau --db '$2' --scope Indonesia"
  sleep 0.5
  local enter esc year back
  for _ in $(seq 10); do
    enter+="$(press Enter "· Aceh · 2023")"$'\n'; sleep 0.2
    esc+="$(press Escape "Provinsi · Indonesia · 2023")"$'\n'; sleep 0.2
    year+="$(press "[" "Provinsi · Indonesia · 2022")"$'\n'; sleep 0.2
    back+="$(press "]" "Provinsi · Indonesia · 2023")"$'\n'; sleep 0.2
  done
  printf "| %s | Indonesia, key to settled screen p50 / p99 | Enter (open Aceh) %s | Esc (back) %s | [ (2022) %s | ] (2023) %s |\n" "$1" \
    "$(printf '%s' "$enter" | percentiles)" "$(printf '%s' "$esc" | percentiles)" \
    "$(printf '%s' "$year" | percentiles)" "$(printf '%s' "$back" | percentiles)"
}

echo "national database: $(sqlite3 "$national" 'SELECT count(*) FROM koperasi') koperasi, $(sqlite3 "$national" 'SELECT count(*) FROM umkm') UMKM, $(( $(stat -c %s "$national") / 1000000 )) MB"
first_frame sample "$sample" 64.08
first_frame national "$national" 64.08
first_frame national "$national" Indonesia
keys national "$national"
if [ -n "$server" ]; then
  first_frame "national on PostgreSQL" "$server" 64.08
  first_frame "national on PostgreSQL" "$server" Indonesia
  keys "national on PostgreSQL" "$server"
fi
# Key to frame inside the process (update, render, the comparison with the frame before), which the poller above
# cannot resolve; selection moves and pane switches while loads of the whole country run.
"$bin/pantau-bench" "$national"
if [ -n "$server" ]; then "$bin/pantau-bench" "$server"; fi
if command -v vd >/dev/null; then
  first=$(sed -n 2p "$work/data/koperasi.csv" | cut -d, -f1)
  times=""
  for _ in 1 2 3; do start "$first" "vd '$work/data/koperasi.csv'"; times+="$elapsed"$'\n'; done
  printf "| VisiData %s | koperasi.csv | first rows %s ms (best of three) |\n" "$(vd --version 2>/dev/null | awk '{print $NF}')" "$(printf '%s' "$times" | sort -n | head -1)"
fi
