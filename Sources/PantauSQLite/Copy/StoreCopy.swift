import Foundation
import GRDB
import PantauCore

/// `pantau copy` on a SQLite file: what the file keeps inside a region, and the mirror of another store's.
extension Store {
    public var copyName: String { URL(fileURLWithPath: path).standardizedFileURL.path }

    public func copyContents(scope: Region) throws -> OfficeCopy {
        try read { db in try Self.copyContents(db, scope: scope, source: self.copyName) }
    }

    public func mirror(_ copy: OfficeCopy, who: String) throws -> CopyPlan {
        try write { db in
            let plan = CopyPlan(from: copy, to: try Self.copyContents(db, scope: copy.scope, source: self.copyName), targetName: self.copyName)
            guard !plan.isEmpty else { return plan }
            try Self.apply(plan, of: copy, db)
            try Self.audit(db, entity: "salinan", record: copy.scope.code.isEmpty ? "Indonesia" : copy.scope.code, field: "salin",
                           old: nil, new: copy.source, note: plan.note, who: who)
            return plan
        }
    }

    /// The rows of every shared table inside `scope`, each table in key order.
    static func copyContents(_ db: Database, scope: Region, source: String) throws -> OfficeCopy {
        var rows: [CopyTable: [[String?]]] = [:]
        for table in CopyTable.allCases {
            let sql = CopyQueries.select(table, scope: scope, parameter: "?1", asText: { $0 })
            let cursor = try Row.fetchCursor(db, sql: sql, arguments: [scope.code])
            var fetched: [[String?]] = []
            while let row = try cursor.next() { fetched.append(row.databaseValues.map(Self.text)) }
            rows[table] = fetched
        }
        return OfficeCopy(scope: scope, source: source, rows: rows)
    }

    /// A value as the copy carries it: text, a whole number in decimal, or nil.
    private static func text(_ value: DatabaseValue) -> String? {
        switch value.storage {
        case .null: nil
        case .int64(let n): String(n)
        case .double(let d): String(d)
        case .string(let s): s
        case .blob(let b): String(decoding: b, as: UTF8.self)
        }
    }

    /// Removes what the copy lacks (children before the koperasi they belong to), then writes the copy's rows.
    private static func apply(_ plan: CopyPlan, of copy: OfficeCopy, _ db: Database) throws {
        let deletes: [(CopyTable, String)] = [
            (.koperasiStatus, "DELETE FROM koperasi_status WHERE nik = ? AND year = ?"),
            (.koperasiRAT, "DELETE FROM koperasi_rat WHERE nik = ? AND year = ?"),
            (.umkm, sameUmkm),
            (.pelatihan, "DELETE FROM pelatihan WHERE nama = ? AND angkatan = ?"),
            (.target, "DELETE FROM target WHERE region_code = ? AND indicator = ?"),
            (.koperasi, "DELETE FROM koperasi WHERE nik = ?"),
        ]
        for (table, sql) in deletes {
            let statement = try db.cachedStatement(sql: sql)
            let width = table == .umkm ? 3 : table.conflictKey?.count ?? 1
            for row in plan.changes(table).deletes { try statement.execute(arguments: Self.arguments(row.prefix(width))) }
        }
        for nik in plan.evaluationsOf { try db.execute(sql: "DELETE FROM evaluation WHERE nik = ?", arguments: [nik]) }
        for table in CopyTable.writeOrder {
            let rows = plan.writes(table, of: copy)
            guard !rows.isEmpty else { continue }
            if table == .umkm {
                let gone = try db.cachedStatement(sql: sameUmkm)
                for row in rows { try gone.execute(arguments: Self.arguments(row.prefix(3))) }
            }
            let columns = table.storedColumns
            let insert = try db.cachedStatement(sql: """
                INSERT INTO \(table.rawValue)(\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))
                """ + table.onConflictUpdate)
            for row in rows { try insert.execute(arguments: Self.arguments(table.storedRow(row))) }
        }
    }

    /// Deletes the UMKM a row names (nib, name, region): by its NIB, else by its name and region.
    private static let sameUmkm = "DELETE FROM umkm WHERE nib IS ?1 AND (?1 IS NOT NULL OR (nama_usaha = ?2 AND region_code = ?3))"

    private static func arguments(_ values: some Sequence<String?>) -> StatementArguments {
        StatementArguments(values.map { $0 as (any DatabaseValueConvertible)? })
    }
}
