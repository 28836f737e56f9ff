import PantauCore
import PostgresNIO

extension PostgresStore {
    public func importFiles(_ request: ImportRequest, progress: ((ImportProgress) -> Void)?) async throws -> ImportSummary {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }
}
