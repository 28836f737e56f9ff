import Foundation
import PantauCore

extension DatabaseLocation {
    /// Opens the database. At the default location, a missing database is first created from the
    /// bundled sample data (marked as demo data), and `announce` is told so. It appears there whole or not at all.
    public func open(readOnly: Bool, announce: (String) -> Void = { _ in }) throws -> Store {
        let path = try sqlitePath()
        if isDefault && !FileManager.default.fileExists(atPath: path) {
            let sample = try SampleData.locate()
            announce(path)
            do {
                try sample.createDatabase(at: path, withRecords: true, demo: true)
            } catch PantauError.databaseExists {
                // Another pantau made it meanwhile: that one is complete (see NewDatabase), so use it.
            }
        }
        return try Store.open(at: path, readOnly: readOnly)
    }
}
