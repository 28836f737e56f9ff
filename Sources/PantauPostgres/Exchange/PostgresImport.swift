import PantauCore
import PostgresNIO

/// Imports on a server are to come: rows loaded with COPY into a staging table, then moved under the officer's own
/// rights in one transaction.
extension PostgresStore {
    public func importFiles(_ request: ImportRequest, progress: ((ImportProgress) -> Void)?) async throws -> ImportSummary {
        throw PantauError.importNotOnServerYet(store: location)
    }
}
