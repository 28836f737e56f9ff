import PantauCore
import PostgresNIO

extension PostgresStore {
    public func export(_ kind: ImportKind, scope: Region, year: Int?, to sink: TableSink) async throws {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }
}
