import GRDB
import PantauCore

extension Store {
    /// The tables another store takes over whole, parents before children, with the identity column of each.
    static let transferable: [(table: String, identity: String?)] = [
        ("setting", nil), ("region", nil), ("region_alias", nil), ("koperasi", nil), ("koperasi_status", nil),
        ("koperasi_rat", nil), ("evaluation", "id"), ("umkm", "id"), ("pelatihan", "id"), ("target", nil),
    ]

    /// Every row of those tables as text (numbers in their decimal form), in key order. For a new database of
    /// another store made from this one; the audit trail stays behind (a new database starts its own).
    public func tableContents() throws -> [TableContents] {
        try read { db in
            try Self.transferable.map { table, identity in
                let columns = try db.columns(in: table).map(\.name)
                let select = columns.map { "CAST(\($0) AS TEXT)" }.joined(separator: ", ")
                let rows = try Row.fetchAll(db, sql: "SELECT \(select) FROM \(table) ORDER BY 1").map { row in
                    (0..<columns.count).map { row[$0] as String? }
                }
                return TableContents(table: table, columns: columns, rows: rows, identity: identity)
            }
        }
    }
}
