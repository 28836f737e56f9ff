#!/usr/bin/env bash
# Import benchmark: 1,000,000 UMKM rows through `pantau import` (every row validated) beside sqlite3's own
# .import of the same file into the same table, in the same run. Prints a Markdown table row.
# Usage: docs/benchmarks/import.sh [rows]   (needs /usr/bin/time and sqlite3; builds in release)
set -euo pipefail
cd "$(dirname "$0")/../.."
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
swift build -c release --product pantau >/dev/null
swift build -c release --product pantau-datagen >/dev/null
bin=.build/release
# UMKM over every real kecamatan; the koperasi file is not used here.
"$bin/pantau-datagen" national --out "$work/data" --koperasi 1000 --umkm "$rows" >/dev/null
csv="$work/data/umkm.csv"
rows=$(( $(wc -l < "$csv") - 1 ))
echo "file: $rows rows, $(du -h "$csv" | cut -f1)"

"$bin/pantau" init --db "$work/pantau.db" >/dev/null
/usr/bin/time -f "%e %M" -o "$work/pantau.time" "$bin/pantau" import umkm "$csv" --db "$work/pantau.db" >/dev/null
read -r p_sec p_kb < "$work/pantau.time"

"$bin/pantau" init --db "$work/sqlite.db" >/dev/null
tail -n +2 "$csv" > "$work/rows.csv"
# sqlite3 reads the CSV into a staging table, then fills the same umkm table (same indexes) in one statement.
/usr/bin/time -f "%e %M" -o "$work/sqlite.time" sqlite3 "$work/sqlite.db" \
  "CREATE TEMP TABLE staging(nib, nama_usaha, region_code, sektor, tahun_binaan)" ".mode csv" ".import $work/rows.csv staging" \
  "INSERT INTO umkm(nib, nama_usaha, region_code, prov, kab, kec, sektor, tahun_binaan)
   SELECT nullif(nib, ''), nama_usaha, region_code, substr(region_code, 1, 2), substr(region_code, 1, 5),
          CASE WHEN length(region_code) >= 8 THEN substr(region_code, 1, 8) END, sektor, tahun_binaan FROM staging"
read -r s_sec s_kb < "$work/sqlite.time"

count() { sqlite3 "$1" "SELECT count(*) FROM umkm"; }
[ "$(count "$work/pantau.db")" = "$(count "$work/sqlite.db")" ] || { echo "row counts differ" >&2; exit 1; }
awk -v r="$rows" -v ps="$p_sec" -v pk="$p_kb" -v ss="$s_sec" -v sk="$s_kb" 'BEGIN {
  printf "| %d rows | pantau import: %.1f s, %d rows/s, peak %.0f MB | sqlite3 .import: %.1f s, %d rows/s, peak %.0f MB | ratio %.2f× |\n",
         r, ps, r/ps, pk/1024, ss, r/ss, sk/1024, ps/ss }'
