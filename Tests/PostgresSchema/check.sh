#!/usr/bin/env bash
# Proves the PostgreSQL schema and its rights on a real server, through psql, with the SQL exactly as the Swift
# constants in Sources/PantauPostgres/Schema hold it.
#
#   PANTAU_TEST_POSTGRES=postgresql://postgres:…@127.0.0.1:55432/postgres bash Tests/PostgresSchema/check.sh
#
# Given a superuser URL it makes a database owned by a fresh login, applies every migration as that owner,
# loads a few regions and koperasi, grants three offices, and checks what each login may and may not do.
# Prints one PASS or FAIL line per check; exits 1 on any failure. Everything it makes is dropped at the end.
set -uo pipefail
cd "$(dirname "$0")/../.."

[ -n "${PANTAU_TEST_POSTGRES:-}" ] || { echo "check.sh: set PANTAU_TEST_POSTGRES to a superuser URL (bash .ci/postgres start)" >&2; exit 2; }
super=$PANTAU_TEST_POSTGRES
schema=Sources/PantauPostgres/Schema
run=$$
db=pantau_check_$run
failures=0

# --- The SQL, read from the Swift source -------------------------------------------------------------------

# The body of `static let NAME = """ … """` in `enum TYPE`. Refuses a backslash: a Swift escape would make
# the text psql runs differ from the text Swift compiles.
literal() {
    local text
    text=$(awk -v type="$1" -v name="$2" '
        FNR == 1 { inside = 0 }
        $0 ~ "enum " type " " { inside = 1 }
        inside && $0 ~ "static let " name " = \"\"\"$" { body = 1; next }
        body && $0 ~ /^ *"""$/ { exit }
        body { print }' "$schema"/*.swift)
    [ -n "$text" ] || { echo "check.sh: no literal $1.$2 in $schema" >&2; exit 2; }
    case "$text" in *\\*) echo "check.sh: $1.$2 holds a backslash" >&2; exit 2 ;; esac
    printf '%s\n' "$text"
}
# A one-line string constant: `static let NAME = "…"`.
oneLiner() {
    sed -n "s/^ *public static let $1 = \"\(.*\)\"$/\1/p" "$schema/PostgresSchema.swift"
}

# --- Connections -------------------------------------------------------------------------------------------

# The superuser URL's host, port and query, for URLs of the logins made here.
rest=${super#*://}
[[ $rest == *@* ]] && rest=${rest#*@}
hostport=${rest%%/*}
query=""
[[ $rest == *\?* ]] && query="?${rest#*\?}"
url() { echo "postgresql://$1:$2@$hostport/$3$query"; }

password() { head -c 18 /dev/urandom | od -An -tx1 | tr -d ' \n'; }
owner=owner_$run;  owner_pw=$(password)
kutim=kutim_$run;  kutim_pw=$(password)
kukar=kukar_$run;  kukar_pw=$(password)
prov=prov_$run;    prov_pw=$(password)

# Runs SQL as a login; prints rows as a|b|c, and an error as its one-line message.
as() {
    local who=$1 sql=$2 pw
    case "$who" in
        owner) who=$owner pw=$owner_pw ;; kutim) who=$kutim pw=$kutim_pw ;;
        kukar) who=$kukar pw=$kukar_pw ;; prov) who=$prov pw=$prov_pw ;;
    esac
    psql "$(url "$who" "$pw" "$db")" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=terse -c "$sql" 2>&1 | sed 's/^psql:[^:]*:[0-9]*: //'
}
superuser() { psql "$super" -X -q -A -t -v ON_ERROR_STOP=1 -v VERBOSITY=terse -c "$1" 2>&1; }

expect() {
    local what=$1 wanted=$2 got=$3
    if [ "$got" == "$wanted" ]; then
        echo "PASS $what"
    else
        echo "FAIL $what"
        echo "     expected: ${wanted//$'\n'/$'\n'               }"
        echo "     got:      ${got//$'\n'/$'\n'               }"
        failures=$((failures + 1))
    fi
}
# Rows changed by a statement, as a number: `WITH c AS (… RETURNING 1) SELECT count(*) FROM c`.
changed() { as "$1" "WITH c AS ($2 RETURNING 1) SELECT count(*) FROM c"; }

cleanup() {
    superuser "DROP DATABASE IF EXISTS $db WITH (FORCE)" > /dev/null
    for role in "$owner" "$kutim" "$kukar" "$prov" "nologin_$run" "${db}_editor" "${db}_viewer"; do
        superuser "DROP ROLE IF EXISTS $role" > /dev/null
    done
}
trap cleanup EXIT

# --- Database, owner, migrations ---------------------------------------------------------------------------

setup=$(superuser "CREATE ROLE $owner LOGIN CREATEROLE PASSWORD '$owner_pw';
                   CREATE ROLE $kutim LOGIN PASSWORD '$kutim_pw';
                   CREATE ROLE $kukar LOGIN PASSWORD '$kukar_pw';
                   CREATE ROLE $prov LOGIN PASSWORD '$prov_pw';
                   CREATE ROLE nologin_$run NOLOGIN;" && superuser "CREATE DATABASE $db OWNER $owner")
expect "a database owned by a fresh login" "" "$setup"

{
    echo "BEGIN;"
    literal PostgresSchema createMigrationTable; echo ";"
    echo "PREPARE record_migration(text) AS $(oneLiner recordMigration);"
    grep -o 'Migration(name: "[^"]*", sql: [A-Za-z]*\.[A-Za-z0-9]*)' "$schema/PostgresSchema.swift" |
        sed 's/Migration(name: "\([^"]*\)", sql: \([A-Za-z]*\)\.\([A-Za-z0-9]*\))/\1|\2|\3/' |
        while IFS='|' read -r name type constant; do
            literal "$type" "$constant"
            echo "EXECUTE record_migration('${name//\'/\'\'}');"
        done
    echo "COMMIT;"
} > "${TMPDIR:-/tmp}/pantau-check-$run.sql"
migrated=$(psql "$(url "$owner" "$owner_pw" "$db")" -X -q -v ON_ERROR_STOP=1 -v VERBOSITY=terse \
    -f "${TMPDIR:-/tmp}/pantau-check-$run.sql" 2>&1)
rm -f "${TMPDIR:-/tmp}/pantau-check-$run.sql"
expect "every migration applies as the owner, without a notice" "" "$migrated"
expect "the migrations are recorded by name" "server 1 umkm regions checked per statement
v1 regions, koperasi, umkm, programmes
v2 audit trail
v3 audit ids are never reused
v4 rights
v5 change notices
v7 kept counts
v8 umkm without derived region columns" "$(as owner "$(oneLiner appliedMigrations)")"
expect "the database holds Pantau's schema" "t" "$(as owner "$(oneLiner holdsPantau)")"
expect "the group roles are named after the database, and the editor is a viewer" "${db}_editor|f|t
${db}_viewer|f|f" "$(superuser "SELECT rolname, rolcanlogin, pg_has_role(rolname, '${db}_viewer', 'MEMBER') AND rolname <> '${db}_viewer'
                        FROM pg_roles WHERE rolname LIKE '${db}_%' ORDER BY rolname")"

# --- Office data -------------------------------------------------------------------------------------------

loaded=$(as owner "
    INSERT INTO region(code, name, level, parent, name_key) VALUES
        ('64', 'Kalimantan Timur', 'provinsi', '', 'kalimantan timur'),
        ('64.02', 'Kabupaten Kutai Kartanegara', 'kabupaten', '64', 'kutai kartanegara'),
        ('64.02.01', 'Muara Muntai', 'kecamatan', '64.02', 'muara muntai'),
        ('64.08', 'Kabupaten Kutai Timur', 'kabupaten', '64', 'kutai timur'),
        ('64.08.03', 'Muara Bengkal', 'kecamatan', '64.08', 'muara bengkal');
    INSERT INTO koperasi(nik, nama, region_code, prov, kab, kec, jenis, kemitraan, anggota) VALUES
        ('6408031000000001', 'Koperasi Simpan Pinjam Rukun Santoso Muara Bengkal Ilir', '64.08.03', '64', '64.08', '64.08.03', 'simpan pinjam', 'bermitra', 764),
        ('6402011000000001', 'Koperasi Simpan Pinjam Pelita Perian', '64.02.01', '64', '64.02', '64.02.01', 'simpan pinjam', 'mandiri', 20);
    INSERT INTO koperasi_status(nik, year, active) VALUES ('6408031000000001', 2022, 0), ('6402011000000001', 2023, 1);")
expect "the owner loads regions and koperasi (row-level security does not apply to the owner)" "" "$loaded"
expect "an UMKM in an unknown region is refused, whoever writes it" 'ERROR:  insert or update on table "umkm" violates the check "umkm_region_known"' \
    "$(as owner "INSERT INTO umkm(nib, nama_usaha, region_code, sektor, tahun_binaan) VALUES ('1', 'Warung', '64.08.03', '', 2020), ('2', 'Toko', '64.08.99', '', 2020)")"
expect "an UMKM in a known region is kept" "" "$(as owner "INSERT INTO umkm(nib, nama_usaha, region_code, tahun_binaan) VALUES ('3', 'Kios', '64.08.03', 2021)")"
expect "an UMKM moved to an unknown region is refused" 'ERROR:  insert or update on table "umkm" violates the check "umkm_region_known"' \
    "$(as owner "UPDATE umkm SET region_code = '64.08.98' WHERE nib = '3'")"
expect "and stays where it was" "3|64.08.03" "$(as owner "SELECT nib, region_code FROM umkm")"
expect "a region keeps its code" 'ERROR:  the regions of a Pantau database keep their codes: UPDATE on table "region" is refused' \
    "$(as owner "UPDATE region SET code = '64.08.04' WHERE code = '64.08.03'")"
expect "a region is never removed" 'ERROR:  the regions of a Pantau database keep their codes: DELETE on table "region" is refused' \
    "$(as owner "DELETE FROM region WHERE code = '64.02.01'")"
expect "nor are all of them" 'ERROR:  the regions of a Pantau database keep their codes: TRUNCATE on table "region" is refused' \
    "$(as owner "SET client_min_messages = warning; TRUNCATE region CASCADE")"
expect "a region's name may still be mended" "1" "$(changed owner "UPDATE region SET name = 'Muara Bengkal' WHERE code = '64.08.03'")"

# --- Grants, through PostgresRights ------------------------------------------------------------------------

grant() { as owner "PREPARE g(text, text, text) AS $(literal PostgresRights grant); EXECUTE g('$1', '$2', $3);"; }
expect "kutim: editor of 64.08" "" "$(grant "$kutim" editor "'64.08'")"
expect "kukar: editor of 64.02" "" "$(grant "$kukar" editor "'64.02'")"
expect "prov: first an editor of the province, then a viewer" "" "$(grant "$prov" editor "'64'"; grant "$prov" viewer "'64'")"
expect "the list: login, role, region and its name, by login" "$kukar|editor|64.02|Kabupaten Kutai Kartanegara|$owner
$kutim|editor|64.08|Kabupaten Kutai Timur|$owner
$prov|viewer|64|Kalimantan Timur|$owner" "$(as owner "$(literal PostgresRights list)" | cut -d'|' -f1-4,6)"
expect "a grant's time is the server's, written as the SQLite store writes times" "3" \
    "$(as owner "SELECT count(*) FROM office_grant WHERE granted_at ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$'")"
expect "each grant is an audit entry under the owner, with the role it replaced" "$owner|$kutim|role||editor 64.08
$owner|$kukar|role||editor 64.02
$owner|$prov|role||editor 64
$owner|$prov|role|editor 64|viewer 64" "$(as owner "SELECT who, record, field, old_value, new_value FROM audit WHERE entity = 'grant' ORDER BY id")"
expect "prov now holds only the viewer role" "f|t" \
    "$(superuser "SELECT pg_has_role('$prov', '${db}_editor', 'MEMBER'), pg_has_role('$prov', '${db}_viewer', 'MEMBER')")"
loginCheck() { as owner "PREPARE l(text) AS $(literal PostgresRights loginCanLogIn); EXECUTE l('$1');"; }
expect "a login is a login" "t" "$(loginCheck "$kutim")"
expect "a group role is not a login" "f" "$(loginCheck "nologin_$run")"
expect "an unknown name is no role" "" "$(loginCheck "nobody_$run")"
expect "granting to a group role is refused" "ERROR:  no login role named nologin_$run" "$(grant "nologin_$run" viewer NULL)"
expect "64.08 is a region, 64.99 is not" "t
f" "$(as owner "PREPARE x(text) AS $(literal PostgresRights regionExists); EXECUTE x('64.08'); EXECUTE x('64.99');")"
expect "granting an unknown region is refused" "ERROR:  no region with code 64.99" "$(grant "$kukar" editor "'64.99'")"
expect "a login cannot grant" "ERROR:  permission denied for function pantau_grant" \
    "$(as kutim "SELECT pantau_grant('$kutim', 'editor', NULL)")"
expect "a login cannot write grants itself" "ERROR:  permission denied for table office_grant" \
    "$(as kutim "UPDATE office_grant SET region_code = NULL")"

# --- An editor changes its own region only ----------------------------------------------------------------

expect "kutim may change 64.08 and 64.08.03, not 64, 64.02 or 64.080" "t|t|f|f|f" \
    "$(as kutim "SELECT pantau_may_change('64.08'), pantau_may_change('64.08.03'), pantau_may_change('64'), pantau_may_change('64.02'), pantau_may_change('64.080')")"
expect "kutim updates a 64.08.03 koperasi" "1" \
    "$(changed kutim "UPDATE koperasi SET anggota = 765 WHERE nik = '6408031000000001'")"
expect "kutim records its RAT, status and evaluation" "" "$(as kutim "
    INSERT INTO koperasi_rat(nik, year, held_on) VALUES ('6408031000000001', 2023, '2023-06-23');
    UPDATE koperasi_status SET active = 1 WHERE nik = '6408031000000001' AND year = 2022;
    INSERT INTO koperasi_status(nik, year, active) VALUES ('6408031000000001', 2023, 1);
    INSERT INTO evaluation(nik, outcome, at, who) VALUES ('6408031000000001', 'dibina', '2023-08-01T00:00:00Z', 'kutim');")"
expect "kutim adds a koperasi in 64.08.03" "1" \
    "$(changed kutim "INSERT INTO koperasi(nik, nama, region_code, prov, kab, kec, jenis) VALUES ('6408031000000002', 'Koperasi Baru', '64.08.03', '64', '64.08', '64.08.03', 'produsen')")"
expect "kutim's update of a 64.02 koperasi changes no row" "0" \
    "$(changed kutim "UPDATE koperasi SET anggota = 0 WHERE nik = '6402011000000001'")"
expect "kutim's delete of a 64.02 koperasi changes no row" "0" \
    "$(changed kutim "DELETE FROM koperasi WHERE nik = '6402011000000001'")"
expect "kutim cannot add a koperasi in 64.02" 'ERROR:  new row violates row-level security policy for table "koperasi"' \
    "$(as kutim "INSERT INTO koperasi(nik, nama, region_code, prov, kab, kec, jenis) VALUES ('6402011000000009', 'Koperasi Lain', '64.02.01', '64', '64.02', '64.02.01', 'produsen')")"
expect "kutim cannot move its koperasi into 64.02" 'ERROR:  new row violates row-level security policy for table "koperasi"' \
    "$(as kutim "UPDATE koperasi SET region_code = '64.02.01', kab = '64.02', kec = '64.02.01' WHERE nik = '6408031000000001'")"
expect "kutim cannot record the status of a 64.02 koperasi" 'ERROR:  new row violates row-level security policy for table "koperasi_status"' \
    "$(as kutim "INSERT INTO koperasi_status(nik, year, active) VALUES ('6402011000000001', 2022, 1)")"
expect "kutim cannot record the RAT of a 64.02 koperasi" 'ERROR:  new row violates row-level security policy for table "koperasi_rat"' \
    "$(as kutim "INSERT INTO koperasi_rat(nik, year) VALUES ('6402011000000001', 2023)")"
expect "kutim cannot evaluate a 64.02 koperasi" 'ERROR:  new row violates row-level security policy for table "evaluation"' \
    "$(as kutim "INSERT INTO evaluation(nik, outcome, at, who) VALUES ('6402011000000001', 'dibina', '2023-08-01T00:00:00Z', 'kutim')")"
expect "kutim's update of a 64.02 status changes no row" "0" \
    "$(changed kutim "UPDATE koperasi_status SET active = 0 WHERE nik = '6402011000000001'")"
expect "the kept counts follow every change kutim made, and equal the ones recomputed from the records" "0" \
    "$(as owner "SELECT count(*) FROM tally t FULL JOIN (SELECT place, measure, year, SUM(n) AS n FROM (
                     SELECT place, measure, year, n FROM koperasi_tally UNION ALL SELECT region_code, 'umkm', tahun_binaan, 1 FROM umkm) r
                     GROUP BY 1, 2, 3) r USING (place, measure, year) WHERE COALESCE(t.n, 0) <> COALESCE(r.n, 0)")"
expect "kutim's 2023 in 64.08.03: one koperasi known and active, its latest RAT in 2023, none inactive" "active|2023|1
known|2023|1
rat|2023|1" "$(as kutim "SELECT measure, year, n FROM tally WHERE place = '64.08.03' AND year = 2023 AND n <> 0 ORDER BY 1")"
expect "kutim's update of the counts of 64.02 changes no row" "0" \
    "$(changed kutim "UPDATE tally SET n = n + 1 WHERE place LIKE '64.02%'")"
expect "kutim cannot add counts in 64.02" 'ERROR:  new row violates row-level security policy for table "tally"' \
    "$(as kutim "INSERT INTO tally(place, measure, year, n) VALUES ('64.02.01', 'umkm', 2020, 5)")"
expect "prov cannot change the counts" "ERROR:  permission denied for table tally" \
    "$(as prov "UPDATE tally SET n = 0")"
expect "kutim cannot change the regions" "ERROR:  permission denied for table region" \
    "$(as kutim "UPDATE region SET name = 'x' WHERE code = '64.08'")"
expect "kutim cannot change the settings" "ERROR:  permission denied for table setting" \
    "$(as kutim "INSERT INTO setting(key, value) VALUES ('k', 'v')")"
expect "kukar reads kutim's change" "765" "$(as kukar "SELECT anggota FROM koperasi WHERE nik = '6408031000000001'")"
expect "kukar cannot undo it" "0" "$(changed kukar "UPDATE koperasi SET anggota = 1 WHERE nik = '6408031000000001'")"
expect "kukar updates its own koperasi" "1" \
    "$(changed kukar "UPDATE koperasi SET anggota = 21 WHERE nik = '6402011000000001'")"

expect "the owner is the owner; kutim is not" "t
f" "$(as owner "$(literal PostgresRights isOwner)"; as kutim "$(literal PostgresRights isOwner)")"
expect "kutim's own grant, and what it may change" "editor|64.08
t" "$(as kutim "$(literal PostgresRights ownGrant)"; as kutim "PREPARE m(text) AS $(literal PostgresRights mayChange); EXECUTE m('64.08.03');")"

# --- A viewer reads everything and changes nothing ---------------------------------------------------------

expect "prov reads every koperasi, status, RAT, evaluation and audit entry" "3|3|1|1|4" \
    "$(as prov "SELECT (SELECT count(*) FROM koperasi), (SELECT count(*) FROM koperasi_status), (SELECT count(*) FROM koperasi_rat), (SELECT count(*) FROM evaluation), (SELECT count(*) FROM audit)")"
expect "prov reads which migrations the database has" "8" "$(as prov "SELECT count(*) FROM pantau_migration")"
expect "prov may change nothing, even in its own province" "f" "$(as prov "SELECT pantau_may_change('64.08.03')")"
expect "prov cannot update a koperasi" "ERROR:  permission denied for table koperasi" \
    "$(as prov "UPDATE koperasi SET anggota = 1")"
expect "prov cannot add a status" "ERROR:  permission denied for table koperasi_status" \
    "$(as prov "INSERT INTO koperasi_status(nik, year, active) VALUES ('6408031000000001', 2019, 1)")"
expect "prov cannot write the audit trail" "ERROR:  permission denied for table audit" \
    "$(as prov "INSERT INTO audit(entity, record, field) VALUES ('koperasi', 'x', 'y')")"

# --- The audit trail ---------------------------------------------------------------------------------------

expect "kutim's audit entry carries kutim and the server's time, whatever it sent" "$kutim|t" \
    "$(as kutim "INSERT INTO audit(at, who, entity, record, field, new_value) VALUES ('2000-01-01T00:00:00Z', 'someone-else', 'koperasi', '6408031000000001', 'anggota', '765') RETURNING who, at ~ '^20[0-9]{2}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}Z$' AND at <> '2000-01-01T00:00:00Z'")"
expect "an entry copied from another store keeps its identity and time" "darsafani|2023-06-23T02:15:00Z|kutim.db|7" \
    "$(as kutim "INSERT INTO audit(at, who, entity, record, field, copied_from, origin_id) VALUES ('2023-06-23T02:15:00Z', 'darsafani', 'koperasi', '6408031000000001', 'rat', 'kutim.db', 7) RETURNING who, at, copied_from, origin_id")"
expect "the same copied entry cannot come twice" 'ERROR:  duplicate key value violates unique constraint "audit_copied_from_origin_id_key"' \
    "$(as kutim "INSERT INTO audit(at, who, entity, record, field, copied_from, origin_id) VALUES ('2023-06-23T02:15:00Z', 'darsafani', 'koperasi', '6408031000000001', 'rat', 'kutim.db', 7)")"
for statement in "UPDATE audit SET who = 'x'" "DELETE FROM audit" "TRUNCATE audit"; do
    expect "kutim: $statement is refused" "ERROR:  permission denied for table audit" "$(as kutim "$statement")"
done
expect "the owner cannot update the audit trail either" "ERROR:  the audit trail cannot be changed" "$(as owner "UPDATE audit SET who = 'x'")"
expect "the owner cannot delete from the audit trail either" "ERROR:  the audit trail cannot be changed" "$(as owner "DELETE FROM audit WHERE id = 1")"
expect "an upsert over an existing entry is refused" "ERROR:  the audit trail cannot be changed" \
    "$(as owner "INSERT INTO audit(id, entity, record, field) OVERRIDING SYSTEM VALUE VALUES (1, 'x', 'y', 'z') ON CONFLICT (id) DO UPDATE SET note = 'replaced'")"
expect "a client cannot choose an entry's id" 'ERROR:  cannot insert a non-DEFAULT value into column "id"' \
    "$(as owner "INSERT INTO audit(id, entity, record, field) VALUES (1000, 'x', 'y', 'z')")"
expect "a TRUNCATE right granted by mistake still does not empty it" "ERROR:  the audit trail cannot be changed" \
    "$(as owner "GRANT TRUNCATE ON audit TO $kutim" && as kutim "TRUNCATE audit"; as owner "REVOKE TRUNCATE ON audit FROM $kutim")"

# --- Revoking ----------------------------------------------------------------------------------------------

revoke() { as owner "PREPARE r(text) AS $(literal PostgresRights revoke); EXECUTE r('$1');"; }
expect "revoking kutim" "t" "$(revoke "$kutim")"
expect "revoking kutim again changes nothing" "f" "$(revoke "$kutim")"
expect "kutim, revoked, cannot read or change anything" "ERROR:  permission denied for table koperasi
ERROR:  permission denied for table koperasi" \
    "$(as kutim "SELECT count(*) FROM koperasi"; as kutim "UPDATE koperasi SET anggota = 1")"
expect "the revocation is an audit entry; the list no longer has kutim" "$owner|editor 64.08|
$kukar
$prov" "$(as owner "SELECT who, old_value, new_value FROM audit WHERE entity = 'grant' AND record = '$kutim' AND new_value IS NULL"; as owner "$(literal PostgresRights list)" | cut -d'|' -f1)"
expect "kukar: editor of everything" "" "$(grant "$kukar" editor NULL)"
expect "an editor of everything may change any region" "t|t" \
    "$(as kukar "SELECT pantau_may_change('64.08.03'), pantau_may_change('99')")"

echo
if [ "$failures" -gt 0 ]; then
    echo "check.sh: $failures check(s) failed"
    exit 1
fi
echo "check.sh: every check passed"
