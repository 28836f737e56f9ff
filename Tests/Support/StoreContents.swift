import PantauCore
import PantauSQLite

extension Fixtures {
    /// Every table an import or a write could change, as exported, and the length of the audit trail:
    /// compared before and after a refusal, it shows that nothing changed.
    public static func contents(of store: Store) throws -> String {
        let sink = CollectedRows()
        for kind in ImportKind.allCases { try store.export(kind, to: sink) }
        return sink.text + "audit:\(try store.auditLog().count)"
    }
}

extension Fixtures {
    /// The same for a store of any kind, through the port.
    public static func contents(of store: any PantauStore) async throws -> String {
        let sink = CollectedRows()
        for kind in ImportKind.allCases { try await store.export(kind, scope: .indonesia, year: nil, to: sink) }
        return sink.text + "audit:\(try await store.auditLog(nik: nil, since: nil).count)"
    }

    /// The audit trail without what only the store decides (its ids, times and logins), one entry a line.
    public static func auditWithoutStamps(of store: any PantauStore) async throws -> [String] {
        try await store.auditLog(nik: nil, since: nil).map {
            [$0.entity, $0.record, $0.field, $0.oldValue ?? "-", $0.newValue ?? "-", $0.note].joined(separator: "|")
        }
    }
}

/// Exported rows as CSV-like text, one a line.
final class CollectedRows: TableSink, @unchecked Sendable {
    var text = ""
    func header(_ columns: [String]) throws { text += columns.joined(separator: ",") + "\n" }
    func row(_ fields: [String]) throws { text += fields.joined(separator: ",") + "\n" }
    func finish() throws {}
}
