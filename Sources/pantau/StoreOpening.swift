import Foundation
import PantauCore
import PantauPostgres
import PantauSQLite

/// The address picks the store: a file is the embedded SQLite store, a `postgresql://` address the shared server.
enum StoreOpening {
    /// `hearingChanges`: a dashboard, which shows other offices' changes as they happen.
    static func open(_ location: DatabaseLocation, readOnly: Bool, hearingChanges: Bool = false,
                     announce: (String) -> Void) async throws -> any PantauStore {
        switch location.address {
        case .sqlite:
            return try location.open(readOnly: readOnly, announce: announce)
        case .postgres(let address):
            // Import files are read and checked here, by the file store's own code, before their records go to the server.
            let checker: ImportChecker = { request, office, progress in
                try LocalImportCheck.checker(regionsOf: SampleData.locate())(request, office, progress)
            }
            return try await PostgresStore.open(address, readOnly: readOnly, importChecker: checker, hearingChanges: hearingChanges)
        }
    }

    /// A new office database: a file is built beside its place and moved there whole; a server database is
    /// made from such a file, built in a temporary folder, in one transaction.
    static func create(_ address: StoreAddress, withRecords: Bool, office: String?, group: String?, demo: Bool = false) async throws {
        let sample = try SampleData.locate()
        switch address {
        case .sqlite(let path):
            try sample.createDatabase(at: path, withRecords: withRecords, demo: demo, office: office, group: group)
        case .postgres(let server):
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-init-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
            defer { try? FileManager.default.removeItem(at: folder) }
            let file = try sample.createDatabase(at: folder.appendingPathComponent("new.db").path, withRecords: withRecords, office: office)
            try await PostgresStore.create(server, from: file.tableContents())
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
    func sqliteStore(for what: String) throws -> Store {
        let location = try DatabaseLocation.resolve(option: db)
        _ = try location.sqlitePath(for: what)
        return try location.open(readOnly: readOnly)
    }
}
