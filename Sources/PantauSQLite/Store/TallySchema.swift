import PantauCore

/// Migration "v7 kept counts": the table `tally` (see `TallyRow`), filled from the records and from then on kept by
/// triggers in the same transaction as every change, whatever writes it (import, RAT, evaluation, edit, copy).
///
/// A koperasi's part of the counts depends on its own row, its yearly status, its latest RAT and its latest
/// evaluation. The view `koperasi_tally` says what that part is, by `part` (`koperasi`: founding year and health;
/// `rat`: latest RAT; `status`: known and active per year; `inactive`: inactive per year by latest outcome). An
/// update or delete takes the affected part away before it happens and adds it back after; an insert adds what it
/// changed after it. SQLite runs row triggers at once, row by row, so several rows of one koperasi in one
/// statement are counted right. UMKM count one each.
enum TallySchema {
    static let v7 = """
        CREATE TABLE tally (
            place TEXT NOT NULL,
            measure TEXT NOT NULL,
            year INTEGER NOT NULL,
            n INTEGER NOT NULL,
            PRIMARY KEY (place, measure, year)
        ) WITHOUT ROWID;
        -- The country's and a province's counts are read by kabupaten/kota: in this order, without a sort.
        CREATE INDEX tally_district ON tally(substr(place, 1, 5), measure, year, n);

        CREATE VIEW koperasi_tally AS
            SELECT k.nik, 'koperasi' AS part, NULL AS status_year, k.region_code AS place, 'koperasi' AS measure,
                   COALESCE(k.tahun_berdiri, 0) AS year, 1 AS n
            FROM koperasi k
            UNION ALL
            SELECT k.nik, 'koperasi', NULL, k.region_code, 'health:' || k.kesehatan, 0, 1 FROM koperasi k WHERE k.kesehatan IS NOT NULL
            UNION ALL
            SELECT k.nik, 'rat', NULL, k.region_code, 'rat', COALESCE((SELECT MAX(r.year) FROM koperasi_rat r WHERE r.nik = k.nik), 0), 1
            FROM koperasi k
            UNION ALL
            SELECT k.nik, 'status', s.year, k.region_code, 'known', s.year, 1
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik WHERE k.tahun_berdiri IS NULL OR k.tahun_berdiri <= s.year
            UNION ALL
            SELECT k.nik, 'status', s.year, k.region_code, 'active', s.year, 1
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik
            WHERE s.active = 1 AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= s.year)
            UNION ALL
            SELECT k.nik, 'inactive', s.year, k.region_code,
                   'inactive:' || COALESCE((SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1), ''), s.year, 1
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik WHERE s.active = 0;

        \(TallyQueries.refill);

        -- The per-level UMKM indexes served counts; the kept counts replace them. No index on the place takes
        -- their role: it would be a quarter of a national file and slow every import, for an export of a region
        -- that reads the whole table instead (docs/benchmarks/RESULTS.md).
        DROP INDEX umkm_prov;
        DROP INDEX umkm_kab;
        DROP INDEX umkm_kec;

        """ + triggers.joined(separator: "\n")

    private static let allParts = ["koperasi", "rat", "status", "inactive"]
    private static let statusParts = ["status", "inactive"]

    /// Adds (`sign` "") or takes away ("-") the parts of the koperasi `nik` names, one status year's when `year` is set.
    private static func move(_ sign: String, nik: String, parts: [String], year: String? = nil) -> String {
        let inParts = parts.map { "'\($0)'" }.joined(separator: ", ")
        return """
            INSERT INTO tally(place, measure, year, n)
            SELECT place, measure, year, \(sign)SUM(n) FROM koperasi_tally
            WHERE nik \(nik) AND part IN (\(inParts))\(year.map { " AND status_year = \($0)" } ?? "")
            GROUP BY place, measure, year
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
            """
    }

    private static func trigger(_ name: String, _ timing: String, _ event: String, on table: String, _ body: String...) -> String {
        "CREATE TRIGGER tally_\(name) \(timing) \(event) ON \(table) BEGIN\n\(body.joined(separator: "\n"))\nEND;"
    }

    private static var triggers: [String] {
        let koperasiColumns = "UPDATE OF nik, region_code, tahun_berdiri, kesehatan"
        var list = [
            trigger("koperasi_insert", "AFTER", "INSERT", on: "koperasi", move("", nik: "= NEW.nik", parts: allParts)),
            trigger("koperasi_update_before", "BEFORE", koperasiColumns, on: "koperasi", move("-", nik: "= OLD.nik", parts: allParts)),
            trigger("koperasi_update_after", "AFTER", koperasiColumns, on: "koperasi", move("", nik: "= NEW.nik", parts: allParts)),
            // Before the row goes, while its status, RAT and evaluations are still there (cascaded deletes that
            // follow find no koperasi and change nothing).
            trigger("koperasi_delete", "BEFORE", "DELETE", on: "koperasi", move("-", nik: "= OLD.nik", parts: allParts)),
            trigger("status_insert", "AFTER", "INSERT", on: "koperasi_status", move("", nik: "= NEW.nik", parts: statusParts, year: "NEW.year")),
            trigger("status_update_before", "BEFORE", "UPDATE", on: "koperasi_status",
                    move("-", nik: "= OLD.nik", parts: statusParts, year: "OLD.year")),
            trigger("status_update_after", "AFTER", "UPDATE", on: "koperasi_status",
                    move("", nik: "= NEW.nik", parts: statusParts, year: "NEW.year")),
            trigger("status_delete", "BEFORE", "DELETE", on: "koperasi_status", move("-", nik: "= OLD.nik", parts: statusParts, year: "OLD.year")),
        ]
        // The latest RAT and the latest evaluation depend on all of a koperasi's rows: its whole part moves. An
        // insert has no BEFORE trigger (SQLite runs it even when an upsert then updates instead, or OR IGNORE
        // drops the row): after it, the part before is the one without the new row.
        list += [
            trigger("rat_insert", "AFTER", "INSERT", on: "koperasi_rat", """
                INSERT INTO tally(place, measure, year, n)
                SELECT k.region_code, 'rat', latest.year, SUM(latest.n) FROM koperasi k, (
                    SELECT COALESCE((SELECT MAX(year) FROM koperasi_rat WHERE nik = NEW.nik AND year <> NEW.year), 0) AS year, -1 AS n
                    UNION ALL SELECT (SELECT MAX(year) FROM koperasi_rat WHERE nik = NEW.nik), 1
                ) AS latest
                WHERE k.nik = NEW.nik GROUP BY latest.year HAVING SUM(latest.n) <> 0
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
                """),
            trigger("evaluation_insert", "AFTER", "INSERT", on: "evaluation", """
                INSERT INTO tally(place, measure, year, n)
                SELECT k.region_code, 'inactive:' || COALESCE(latest.outcome, ''), s.year, SUM(latest.n)
                FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik AND s.active = 0, (
                    SELECT (SELECT outcome FROM evaluation WHERE nik = NEW.nik AND id <> NEW.id ORDER BY id DESC LIMIT 1) AS outcome, -1 AS n
                    UNION ALL SELECT (SELECT outcome FROM evaluation WHERE nik = NEW.nik ORDER BY id DESC LIMIT 1), 1
                ) AS latest
                WHERE k.nik = NEW.nik GROUP BY 2, 3 HAVING SUM(latest.n) <> 0
                ON CONFLICT DO UPDATE SET n = n + excluded.n;
                """),
        ]
        for (table, name, parts, columns) in [("koperasi_rat", "rat", ["rat"], "UPDATE OF nik, year"),
                                              ("evaluation", "evaluation", ["inactive"], "UPDATE OF id, nik, outcome")] {
            list += [
                trigger("\(name)_update_before", "BEFORE", columns, on: table, move("-", nik: "IN (OLD.nik, NEW.nik)", parts: parts)),
                trigger("\(name)_update_after", "AFTER", columns, on: table, move("", nik: "IN (OLD.nik, NEW.nik)", parts: parts)),
                trigger("\(name)_delete_before", "BEFORE", "DELETE", on: table, move("-", nik: "= OLD.nik", parts: parts)),
                trigger("\(name)_delete_after", "AFTER", "DELETE", on: table, move("", nik: "= OLD.nik", parts: parts)),
            ]
        }
        let umkm = { (row: String, sign: String) in
            """
            INSERT INTO tally(place, measure, year, n) VALUES (\(row).region_code, 'umkm', \(row).tahun_binaan, \(sign)1)
            ON CONFLICT DO UPDATE SET n = n + excluded.n;
            """
        }
        list += [
            trigger("umkm_insert", "AFTER", "INSERT", on: "umkm", umkm("NEW", "")),
            trigger("umkm_update", "AFTER", "UPDATE OF region_code, tahun_binaan", on: "umkm", umkm("OLD", "-"), umkm("NEW", "")),
            trigger("umkm_delete", "AFTER", "DELETE", on: "umkm", umkm("OLD", "-")),
        ]
        return list
    }
}
