import Foundation
import PantauCore
import PostgresNIO

extension ImportPlan {
    /// Moves one staged file in, counted against the records as they are now (earlier files of the import included).
    func move(_ file: ImportContext, on connection: PostgresConnection, regions: RegionDirectory) async throws
        -> (inserted: Int, updated: Int, unchanged: Int) {
        try await connection.run("TRUNCATE import_change")
        switch kind {
        case .koperasi:
            return try await moveKeyed(.koperasi, file, on: connection, regions: regions, moreChanges: [Self.koperasiChanges],
                                       moreWrites: Self.koperasiWrites.map { PostgresQuery(unsafeSQL: $0) }
                                           + [PostgresQuery(unsafeSQL: Self.koperasiEvaluations, binds: binds(file.note))])
        case .umkm:
            let counts = try await moveKeyed(.umkm, file, on: connection, regions: regions)
            if counts.inserted > 0 {
                let record = (file.location as NSString).lastPathComponent
                let added = NumberFormat.integer(counts.inserted) + (file.lang == .en ? " added" : " ditambah")
                try await connection.run("""
                    INSERT INTO audit(entity, record, field, old_value, new_value, note) VALUES ('umkm', \(record), 'impor', NULL, \(added), \(file.note))
                    """)
            }
            return counts
        case .pelatihan:
            return try await moveKeyed(.pelatihan, file, on: connection, regions: regions)
        case .target:
            // Thresholds and targets belong to the database's owner: the server would refuse anyone else the write.
            let owner = try await connection.rows("SELECT pantau_is_owner('target'::regclass) AS owner") { try $0["owner", as: Bool.self] }.first
            guard owner == true else { throw PantauError.targetsAreTheOwners(store: file.store) }
            for statement in Self.targetChanges { try await connection.run(PostgresQuery(unsafeSQL: statement)) }
            try await audit(file, on: connection)
            try await connection.run(PostgresQuery(unsafeSQL: Self.targetWrites))
            return try await counts(of: "import_target", existing: "existing", on: connection)
        }
    }

    /// Match, refuse what the login may not change, record and audit the changes, then write them: for a table keyed
    /// as `table` says, with the statements a kind needs beyond that (the koperasi's status, RAT years, evaluations).
    private func moveKeyed(_ table: KeyedTable, _ file: ImportContext, on connection: PostgresConnection, regions: RegionDirectory,
                           moreChanges: [String] = [], moreWrites: [PostgresQuery] = []) async throws -> (inserted: Int, updated: Int, unchanged: Int) {
        try await match(table, file, on: connection, regions: regions)
        try await recordChanges(table, file, on: connection)
        for sql in moreChanges { try await connection.run(PostgresQuery(unsafeSQL: sql)) }
        try await audit(file, on: connection)
        try await apply(table, file, on: connection)
        for query in moreWrites { try await connection.run(query) }
        return try await counts(of: table.stage, existing: "existing IS NOT NULL", on: connection)
    }

    private func binds(_ values: String...) -> PostgresBindings {
        var binds = PostgresBindings()
        for value in values { binds.append(value) }
        return binds
    }

    /// Finds each staged record's stored one, then refuses every record this login may not change (in its new
    /// region or, for one that moves, its old one) before anything is written.
    private func match(_ table: KeyedTable, _ file: ImportContext, on connection: PostgresConnection, regions: RegionDirectory) async throws {
        for condition in table.matches {
            try await connection.run(PostgresQuery(unsafeSQL: "UPDATE \(table.stage) s SET existing = t.\(table.key) FROM \(table.table) t WHERE \(condition)"))
        }
        // The first refused record is named; the others are counted (they are usually a whole file of another region).
        let refused = try await connection.rows(PostgresQuery(unsafeSQL: """
            SELECT s.line, CASE WHEN t.\(table.key) IS NOT NULL AND NOT pantau_may_change(t.region_code) THEN t.region_code ELSE s.region_code END AS region,
                   session_user::text AS login, count(*) OVER () AS total
            FROM \(table.stage) s LEFT JOIN \(table.table) t ON t.\(table.key) = s.existing
            WHERE NOT pantau_is_owner('\(table.table)'::regclass)
              AND NOT (pantau_may_change(s.region_code) AND (t.\(table.key) IS NULL OR pantau_may_change(t.region_code)))
            ORDER BY s.seq LIMIT 1
            """)) { (try $0["line", as: Int.self], try $0["region", as: String.self], try $0["login", as: String.self], try $0["total", as: Int.self]) }
        guard let (line, region, login, total) = refused.first else { return }
        let label = regions.label(code: region)
        let problem = ImportProblem.row(path: file.location, line: line, column: nil, message: file.lang == .en
            ? "the server refuses this change: \(login) may not change records of \(label); the database's owner can give that right with `pantau grant \(login) --role editor --region CODE`"
            : "server menolak perubahan ini: \(login) tidak berhak mengubah data \(label); pemilik basis data dapat memberi hak itu dengan `pantau grant \(login) --role editor --region KODE`")
        throw ImportFailure(problems: [problem], unlisted: total - 1)
    }

    /// A "dibuat" entry for each new record, and for each stored one every field the file sets to another value.
    private func recordChanges(_ table: KeyedTable, _ file: ImportContext, on connection: PostgresConnection) async throws {
        let fields = table.compared(file.columns)
        let values = fields.enumerated().map { "(\($0.offset + 1), '\($0.element)', t.\($0.element)::text, s.\($0.element)::text)" }
        var sql = """
            INSERT INTO import_change(seq, part, ord, entity, record, field, old, new)
            SELECT s.seq, 1, v.ord, '\(table.entity)', \(table.record), v.field, v.old, v.new
            FROM \(table.stage) s JOIN \(table.table) t ON t.\(table.key) = s.existing
            CROSS JOIN LATERAL (VALUES \(values.joined(separator: ", "))) v(ord, field, old, new)
            WHERE v.old IS DISTINCT FROM v.new
            """
        if let created = table.created {
            sql += "\nUNION ALL SELECT s.seq, 0, 0, '\(table.entity)', \(table.record), 'dibuat', NULL, \(created) FROM \(table.stage) s WHERE s.existing IS NULL"
        }
        try await connection.run(PostgresQuery(unsafeSQL: sql))
    }

    private func audit(_ file: ImportContext, on connection: PostgresConnection) async throws {
        try await connection.run(PostgresQuery(unsafeSQL: """
            INSERT INTO audit(entity, record, field, old_value, new_value, note)
            SELECT entity, record, field, old, new, $1 FROM import_change ORDER BY seq, part, ord
            """, binds: binds(file.note)))
    }

    /// Stored records take the file's values where they differ; new ones are added in file order.
    private func apply(_ table: KeyedTable, _ file: ImportContext, on connection: PostgresConnection) async throws {
        let fields = table.compared(file.columns)
        try await connection.run(PostgresQuery(unsafeSQL: """
            UPDATE \(table.table) t SET \(fields.map { "\($0) = s.\($0)" }.joined(separator: ", "))
            FROM \(table.stage) s WHERE t.\(table.key) = s.existing
              AND (\(fields.map { "t.\($0)" }.joined(separator: ", "))) IS DISTINCT FROM (\(fields.map { "s.\($0)" }.joined(separator: ", ")))
            """))
        let columns = table.insertColumns.joined(separator: ", ")
        try await connection.run(PostgresQuery(unsafeSQL: """
            INSERT INTO \(table.table)(\(columns)) SELECT \(columns) FROM \(table.stage) WHERE existing IS NULL ORDER BY seq
            """))
    }

    /// New records, stored ones the file changed, and stored ones it left as they were (`existing`: SQL saying a
    /// staged row matched a stored one).
    private func counts(of stage: String, existing: String, on connection: PostgresConnection) async throws
        -> (inserted: Int, updated: Int, unchanged: Int) {
        let row = try await connection.rows(PostgresQuery(unsafeSQL: """
            SELECT count(*) FILTER (WHERE NOT matched) AS inserted, count(*) FILTER (WHERE matched AND changed) AS updated,
                   count(*) FILTER (WHERE matched AND NOT changed) AS unchanged
            FROM (SELECT \(existing) AS matched, seq IN (SELECT seq FROM import_change) AS changed FROM \(stage)) s
            """)) { (try $0["inserted", as: Int.self], try $0["updated", as: Int.self], try $0["unchanged", as: Int.self]) }.first!
        return (row.0, row.1, row.2)
    }

    /// A stored koperasi's yearly status and new RAT years, and any koperasi's new evaluation outcome.
    static let koperasiChanges = """
        INSERT INTO import_change(seq, part, ord, entity, record, field, old, new)
        SELECT s.seq, 2, st.year, 'koperasi', s.nik, 'aktif_' || st.year,
               CASE old.active WHEN 1 THEN 'ya' WHEN 0 THEN 'tidak' END, CASE st.active WHEN 1 THEN 'ya' ELSE 'tidak' END
        FROM import_status st JOIN import_koperasi s ON s.nik = st.nik
        LEFT JOIN koperasi_status old ON old.nik = st.nik AND old.year = st.year
        WHERE s.existing IS NOT NULL AND old.active IS DISTINCT FROM st.active
        UNION ALL
        SELECT s.seq, 3, r.year, 'koperasi', s.nik, 'rat', NULL, r.year::text
        FROM import_rat r JOIN import_koperasi s ON s.nik = r.nik
        WHERE s.existing IS NOT NULL AND NOT EXISTS (SELECT 1 FROM koperasi_rat h WHERE h.nik = r.nik AND h.year = r.year)
        UNION ALL
        SELECT s.seq, 4, 0, 'koperasi', s.nik, 'hasil_evaluasi', e.outcome, s.evaluation
        FROM import_koperasi s
        LEFT JOIN LATERAL (SELECT v.outcome FROM evaluation v WHERE v.nik = s.nik ORDER BY v.id DESC LIMIT 1) e ON true
        WHERE s.evaluation IS NOT NULL AND e.outcome IS DISTINCT FROM s.evaluation
        """

    /// After the koperasi themselves: their status and RAT years.
    static let koperasiWrites = [
        """
        INSERT INTO koperasi_status(nik, year, active) SELECT nik, year, active FROM import_status ORDER BY nik, year
        ON CONFLICT (nik, year) DO UPDATE SET active = excluded.active WHERE koperasi_status.active IS DISTINCT FROM excluded.active
        """,
        "INSERT INTO koperasi_rat(nik, year) SELECT nik, year FROM import_rat ORDER BY nik, year ON CONFLICT (nik, year) DO NOTHING",
    ]

    /// Each changed outcome is a new evaluation, stamped by the server ($1: the note).
    static let koperasiEvaluations = """
        INSERT INTO evaluation(nik, outcome, note, at, who)
        SELECT record, new, $1, pantau_now(), session_user FROM import_change WHERE field = 'hasil_evaluasi' ORDER BY seq
        """

    /// A target is keyed by region and indicator; a new one or any different value, year or source is one "nilai" entry.
    static let targetChanges = [
        "UPDATE import_target s SET existing = true FROM target t WHERE t.region_code = s.region_code AND t.indicator = s.indicator",
        """
        INSERT INTO import_change(seq, part, ord, entity, record, field, old, new)
        SELECT s.seq, 1, 0, 'target', s.region_code || '/' || s.indicator, 'nilai', t.value::text, s.value::text
        FROM import_target s LEFT JOIN target t ON t.region_code = s.region_code AND t.indicator = s.indicator
        WHERE t.indicator IS NULL OR (t.value, t.year, t.source) IS DISTINCT FROM (s.value, s.year, s.source)
        """,
    ]

    static let targetWrites = """
        INSERT INTO target(region_code, indicator, value, year, source)
        SELECT region_code, indicator, value, year, source FROM import_target WHERE seq IN (SELECT seq FROM import_change) ORDER BY seq
        ON CONFLICT (region_code, indicator) DO UPDATE SET value = excluded.value, year = excluded.year, source = excluded.source
        """
}
