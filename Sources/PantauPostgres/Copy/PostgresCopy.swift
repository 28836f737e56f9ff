import PantauCore
import PostgresNIO

/// `pantau copy` on a server: what the database keeps inside a region, and the mirror of another store's, written
/// set-wise from session tables filled by COPY, under the login's own rights, in one transaction.
extension PostgresStore {
    /// The database without the login that reached it, so that every officer's copy names it alike.
    public var copyName: String {
        var address = connector.address
        address.user = ""
        address.sslMode = .prefer
        address.applicationName = nil
        address.connectTimeout = nil
        return address.description.replacingOccurrences(of: "postgresql://@", with: "postgresql://")
    }

    public func copyContents(scope: Region) async throws -> OfficeCopy {
        try await failing { try await Self.copyContents(scope: scope, source: copyName, on: readingConnection()) }
    }

    public func mirror(_ copy: OfficeCopy, who: String) async throws -> CopyPlan {
        try await write { connection in
            try await mayMirror(copy.scope, on: connection)
            let current = try await Self.copyContents(scope: copy.scope, source: copyName, on: connection)
            let plan = CopyPlan(from: copy, to: current, targetName: copyName)
            guard !plan.isEmpty else { return plan }
            if !plan.changes(.target).isEmpty,
               try await connection.rows("SELECT pantau_is_owner('target'::regclass) AS owner", { try $0["owner", as: Bool.self] }).first != true {
                throw PantauError.targetsAreTheOwners(store: location)
            }
            try await Self.apply(plan, of: copy, on: connection)
            let record = copy.scope.code.isEmpty ? "Indonesia" : copy.scope.code
            try await connection.run("""
                INSERT INTO audit(entity, record, field, old_value, new_value, note) VALUES ('salinan', \(record), 'salin', NULL, \(copy.source), \(plan.note))
                """)
            return plan
        }
    }

    /// Refuses, before anything changes, a region this login may not change: row-level security would otherwise
    /// leave its records quietly as they were. The owner may mirror anything.
    private func mayMirror(_ scope: Region, on connection: PostgresConnection) async throws {
        let (allowed, login) = try await connection.rows("""
            SELECT pantau_is_owner('koperasi'::regclass) OR pantau_may_change(\(scope.code)) AS allowed, session_user::text AS login
            """, { (try $0["allowed", as: Bool.self], try $0["login", as: String.self]) })[0]
        guard allowed else { throw PantauError.serverRefusedChange(login: login, region: regions.label(code: scope.code)) }
    }

    static func copyContents(scope: Region, source: String, on connection: PostgresConnection) async throws -> OfficeCopy {
        var rows: [CopyTable: [[String?]]] = [:]
        for table in CopyTable.allCases {
            let sql = CopyQueries.select(table, scope: scope, parameter: "$1", asText: { "\($0)::text" })
            var binds = PostgresBindings()
            binds.append(scope.code)
            rows[table] = try await connection.rows(PostgresQuery(unsafeSQL: sql, binds: binds)) { row in
                try row.map { try $0.decode(String?.self, context: .default) }
            }
        }
        return OfficeCopy(scope: scope, source: source, rows: rows)
    }

    /// Removes what the copy lacks, children before the koperasi they belong to, then writes the copy's rows; each
    /// step is one statement over a session table the rows were copied into.
    private static func apply(_ plan: CopyPlan, of copy: OfficeCopy, on connection: PostgresConnection) async throws {
        let deletes: [(CopyTable, [String])] = [
            (.koperasiStatus, ["t.nik = g.nik AND t.year = g.year"]),
            (.koperasiRAT, ["t.nik = g.nik AND t.year = g.year"]),
            (.umkm, Self.sameUmkm),
            (.pelatihan, ["t.nama = g.nama AND t.angkatan = g.angkatan"]),
            (.target, ["t.region_code = g.region_code AND t.indicator = g.indicator"]),
            (.koperasi, ["t.nik = g.nik"]),
        ]
        for (table, conditions) in deletes where !plan.changes(table).deletes.isEmpty {
            try await stage(table, plan.changes(table).deletes, as: "copy_gone", on: connection)
            for condition in conditions {
                try await connection.run(PostgresQuery(unsafeSQL: "DELETE FROM \(table.rawValue) t USING copy_gone g WHERE \(condition)"))
            }
        }
        if !plan.evaluationsOf.isEmpty {
            try await connection.run("DELETE FROM evaluation WHERE nik = ANY(\(plan.evaluationsOf))")
        }
        for table in CopyTable.writeOrder {
            let rows = plan.writes(table, of: copy)
            guard !rows.isEmpty else { continue }
            try await stage(table, rows, as: "copy_rows", on: connection)
            if table == .umkm {
                for condition in Self.sameUmkm {
                    try await connection.run(PostgresQuery(unsafeSQL: "DELETE FROM umkm t USING copy_rows g WHERE \(condition)"))
                }
            }
            // Copied audit entries keep their time and login: the server's stamp leaves an entry naming its origin alone.
            let columns = table.storedColumns.joined(separator: ", ")
            try await connection.run(PostgresQuery(unsafeSQL: """
                INSERT INTO \(table.rawValue)(\(columns)) SELECT \(columns) FROM copy_rows ORDER BY seq
                """ + table.onConflictUpdate))
        }
    }

    /// An UMKM is the same one by its NIB, else by its name and region: one condition each, so each uses an index.
    private static let sameUmkm = [
        "g.nib IS NOT NULL AND t.nib = g.nib",
        "g.nib IS NULL AND t.nib IS NULL AND t.region_code = g.region_code AND t.nama_usaha = g.nama_usaha",
    ]

    /// Copies rows (as `storedRow` has them, numbered in order) into a new session table of the same column types.
    private static func stage(_ table: CopyTable, _ rows: [[String?]], as name: String, on connection: PostgresConnection) async throws {
        let columns = table.storedColumns
        try await connection.run(PostgresQuery(unsafeSQL: "DROP TABLE IF EXISTS \(name)"))
        try await connection.run(PostgresQuery(unsafeSQL: """
            CREATE TEMP TABLE \(name) ON COMMIT DROP AS SELECT 0::integer AS seq, \(columns.joined(separator: ", ")) FROM \(table.rawValue) WITH NO DATA
            """))
        let numbered = rows.enumerated().map { [String($0.offset)] + table.storedRow($0.element) }
        try await connection.copy(TableContents(table: name, columns: ["seq"] + columns, rows: numbered))
    }
}
