import PantauCore
import PantauSQLite

extension Fixtures {
    /// Every table an import or a write could change, as exported, and the length of the audit trail:
    /// compared before and after a refusal, it shows that nothing changed.
    public static func contents(of store: Store) throws -> String {
        final class Collect: TableSink, @unchecked Sendable {
            var text = ""
            func header(_ columns: [String]) throws { text += columns.joined(separator: ",") + "\n" }
            func row(_ fields: [String]) throws { text += fields.joined(separator: ",") + "\n" }
            func finish() throws {}
        }
        let sink = Collect()
        for kind in ImportKind.allCases { try store.export(kind, to: sink) }
        return sink.text + "audit:\(try store.auditLog().count)"
    }
}
