#!/usr/bin/env bash
# Dashboard benchmark: time from start to the first full frame, and bytes sent to the terminal per cursor move
# (one row down at 80x24), on the sample data and on national-scale generated data (130.000 koperasi, 5.000.000 UMKM),
# at a kabupaten and at the whole country.
# Usage: docs/benchmarks/dashboard.sh [national.db]   (builds the national database when none is given; needs tmux)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --product pantau >/dev/null
swift build -c release --product pantau-datagen >/dev/null
bin=$PWD/.build/release
work=$(mktemp -d)
trap 'tmux -L pantau-bench kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

sample="$work/sample.db"
PANTAU_SAMPLE_DATA=$PWD/sample-data "$bin/pantau" init --db "$sample" --sample >/dev/null
national=${1:-}
if [ -z "$national" ]; then
  national="$work/national.db"
  "$bin/pantau-datagen" national --out "$work/data" >/dev/null
  "$bin/pantau" init --db "$national" --office 64.08 >/dev/null
  "$bin/pantau" import koperasi "$work/data/koperasi.csv" --db "$national" >/dev/null
  "$bin/pantau" import umkm "$work/data/umkm.csv" --db "$national" >/dev/null
fi

measure() {  # name db scope
  local name=$1 db=$2 scope=$3 out="$work/$1.out"
  tmux -L pantau-bench kill-server 2>/dev/null || true
  : > "$out"
  tmux -L pantau-bench -f /dev/null new-session -d -s b -x 80 -y 24 "sleep 600"
  tmux -L pantau-bench pipe-pane -t b -o "cat >> $out"
  local start end
  start=$(date +%s%N)
  tmux -L pantau-bench respawn-pane -k -t b "env TERM=xterm-256color LANG=C.UTF-8 $bin/pantau --db $db --scope $scope"
  until tmux -L pantau-bench capture-pane -p -t b | grep -q "Jumlah"; do sleep 0.005; done
  end=$(date +%s%N)
  sleep 0.5
  local before after moves=10
  before=$(stat -c %s "$out")
  for _ in $(seq $moves); do tmux -L pantau-bench send-keys -t b Down; sleep 0.2; done
  after=$(stat -c %s "$out")
  printf "| %s | --scope %s | first full frame: %d ms | one row down: %d bytes |\n" "$name" "$scope" $(( (end - start) / 1000000 )) $(( (after - before) / moves ))
}
echo "koperasi in the national database: $(sqlite3 "$national" 'SELECT count(*) FROM koperasi'), UMKM: $(sqlite3 "$national" 'SELECT count(*) FROM umkm')"
measure sample "$sample" 64.08
measure national "$national" 64.08
measure national-indonesia "$national" Indonesia
