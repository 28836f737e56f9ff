import Foundation
import PantauCore
import PantauSQLite

/// The address picks the store: a file is the embedded SQLite store, a `postgresql://` address the shared server.
enum StoreOpening {
    static func open(_ location: DatabaseLocation, readOnly: Bool, announce: (String) -> Void) async throws -> any PantauStore {
        switch location.address {
        case .sqlite:
            return try location.open(readOnly: readOnly, announce: announce)
        case .postgres(let address):
            throw PantauError.postgresNotAvailableYet(address: address.description)
        }
    }
}

extension PantauStore {
    /// Where a screen opens: the region asked for, else the office's, else the country.
    func startRegion(_ query: String?) async throws -> Region {
        if let query { return try await resolveRegion(query) }
        return try await officeRegion() ?? .indonesia
    }
}

extension DatabaseOptions {
    /// For what only a SQLite file can do (a file backup): a server's address is refused with a sentence.
    func sqliteStore() throws -> Store {
        let location = try DatabaseLocation.resolve(option: db)
        _ = try location.sqlitePath()
        return try location.open(readOnly: readOnly)
    }
}
