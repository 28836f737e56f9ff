#!/usr/bin/env bash
# Import benchmark: 1,000,000 UMKM rows through `pantau import` (every row validated) beside sqlite3's own
# .import of the same file into the same table, and into a plain table (no keys, no indexes: the fastest a user
# could load the file), in the same run; the database's size beside the CSV's. With PANTAU_TEST_POSTGRES set to a
# superuser URL (bash .ci/postgres start), the same on PostgreSQL beside psql's \copy into a plain table.
# Prints Markdown table rows.
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
  "INSERT INTO umkm(nib, nama_usaha, region_code, sektor, tahun_binaan)
   SELECT nullif(nib, ''), nama_usaha, region_code, sektor, tahun_binaan FROM staging"
read -r s_sec s_kb < "$work/sqlite.time"

# The fastest fill of the same table that keeps its keys and counts: as above, but the kept-count trigger steps aside
# and the rows are counted in one grouped statement, as Pantau's move does. No checks: the floor for any importer.
"$bin/pantau" init --db "$work/floor.db" >/dev/null
/usr/bin/time -f "%e %M" -o "$work/floor.time" sqlite3 "$work/floor.db" \
  "CREATE TEMP TABLE staging(nib, nama_usaha, region_code, sektor, tahun_binaan)" ".mode csv" ".import $work/rows.csv staging" \
  "BEGIN" "DROP TRIGGER tally_umkm_insert" \
  "INSERT INTO umkm(nib, nama_usaha, region_code, sektor, tahun_binaan)
   SELECT nullif(nib, ''), nama_usaha, region_code, sektor, tahun_binaan FROM staging" \
  "INSERT INTO tally(place, measure, year, n) SELECT region_code, 'umkm', tahun_binaan, count(*) FROM staging GROUP BY 1, 3
   ON CONFLICT DO UPDATE SET n = n + excluded.n" "COMMIT"
read -r f_sec f_kb < "$work/floor.time"

/usr/bin/time -f "%e %M" -o "$work/plain.time" sqlite3 "$work/plain.db" \
  "CREATE TABLE umkm(nib, nama_usaha, region_code, sektor, tahun_binaan)" ".mode csv" ".import $work/rows.csv umkm"
read -r t_sec t_kb < "$work/plain.time"

count() { sqlite3 "$1" "SELECT count(*) FROM umkm"; }
for other in sqlite floor; do
  [ "$(count "$work/pantau.db")" = "$(count "$work/$other.db")" ] || { echo "row counts differ ($other)" >&2; exit 1; }
done
awk -v r="$rows" -v ps="$p_sec" -v pk="$p_kb" -v ss="$s_sec" -v sk="$s_kb" 'BEGIN {
  printf "| %d rows | pantau import: %.1f s, %d rows/s, peak %.0f MB | sqlite3 .import: %.1f s, %d rows/s, peak %.0f MB | ratio %.2f× |\n",
         r, ps, r/ps, pk/1024, ss, r/ss, sk/1024, ps/ss }'
awk -v r="$rows" -v ps="$p_sec" -v fs="$f_sec" -v fk="$f_kb" 'BEGIN {
  printf "| %d rows | sqlite3 into the same table, counted in one statement: %.1f s, %d rows/s, peak %.0f MB | pantau / that %.2f× |\n", r, fs, r/fs, fk/1024, ps/fs }'
csv_bytes=$(stat -c %s "$csv")
awk -v r="$rows" -v ps="$p_sec" -v ts="$t_sec" -v tk="$t_kb" 'BEGIN {
  printf "| %d rows | sqlite3 .import into a plain table: %.1f s, %d rows/s, peak %.0f MB | pantau / plain %.2f× |\n", r, ts, r/ts, tk/1024, ps/ts }'
awk -v d="$(stat -c %s "$work/pantau.db")" -v c="$csv_bytes" 'BEGIN {
  printf "| database size | %.0f MB from a %.0f MB CSV (%.2f×) |\n", d/1e6, c/1e6, d/c }'

if [ -n "${PANTAU_TEST_POSTGRES:-}" ]; then
  db=pantau_bench_$$
  psql "$PANTAU_TEST_POSTGRES" -X -q -c "CREATE DATABASE $db" >/dev/null
  url=$(printf '%s' "$PANTAU_TEST_POSTGRES" | sed -E "s#/[^/?]*([?]|$)#/$db\1#")
  "$bin/pantau" init --db "$url" >/dev/null
  /usr/bin/time -f "%e %M" -o "$work/pg.time" "$bin/pantau" import umkm "$csv" --db "$url" >/dev/null
  read -r g_sec g_kb < "$work/pg.time"
  psql "$url" -X -q -c "CREATE TABLE plain(nib text, nama_usaha text, region_code text, sektor text, tahun_binaan integer)" >/dev/null
  start=$(date +%s%N)
  psql "$url" -X -q -c "\\copy plain FROM '$work/rows.csv' WITH (FORMAT csv)" >/dev/null
  c_sec=$(awk -v n="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.2f", n / 1e9 }')
  [ "$(psql "$url" -X -A -t -c "SELECT count(*) FROM umkm")" = "$rows" ] || { echo "PostgreSQL row count differs" >&2; exit 1; }
  # The fastest fill of the same table: \copy into a temporary table and one INSERT … SELECT (as a superuser, so
  # without row-level security; the table's indexes and statement triggers as they are). No checks.
  psql "$url" -X -q -c "TRUNCATE umkm, tally" >/dev/null
  start=$(date +%s%N)
  psql "$url" -X -q -c "CREATE TEMP TABLE staging(nib text, nama_usaha text, region_code text, sektor text, tahun_binaan integer)" \
    -c "\\copy staging FROM '$work/rows.csv' WITH (FORMAT csv)" \
    -c "INSERT INTO umkm(nib, nama_usaha, region_code, sektor, tahun_binaan)
        SELECT nullif(nib, ''), nama_usaha, region_code, sektor, tahun_binaan FROM staging" >/dev/null
  f_sec=$(awk -v n="$(( $(date +%s%N) - start ))" 'BEGIN { printf "%.2f", n / 1e9 }')
  [ "$(psql "$url" -X -A -t -c "SELECT count(*) FROM umkm")" = "$rows" ] || { echo "PostgreSQL row count differs (same table)" >&2; exit 1; }
  psql "$PANTAU_TEST_POSTGRES" -X -q -c "DROP DATABASE $db" >/dev/null
  awk -v r="$rows" -v gs="$g_sec" -v gk="$g_kb" -v cs="$c_sec" 'BEGIN {
    printf "| %d rows on PostgreSQL | pantau import: %.1f s, %d rows/s, peak %.0f MB | psql \\copy into a plain table: %.1f s | ratio %.2f× |\n",
           r, gs, r/gs, gk/1024, cs, gs/cs }'
  awk -v r="$rows" -v gs="$g_sec" -v fs="$f_sec" 'BEGIN {
    printf "| %d rows on PostgreSQL | psql into the same table, one INSERT … SELECT: %.1f s | pantau / that %.2f× |\n", r, fs, gs/fs }'
fi
