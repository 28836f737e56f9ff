import Foundation

/// Where the database is: `--db PATH`, else `$PANTAU_DB`, else the user's data directory.
public struct DatabaseLocation: Sendable, Equatable {
    public var path: String
    /// True when nobody named a database, so Pantau may create the demo one there.
    public var isDefault: Bool

    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment) -> DatabaseLocation {
        if let option, !option.isEmpty { return DatabaseLocation(path: option, isDefault: false) }
        if let env = environment["PANTAU_DB"], !env.isEmpty { return DatabaseLocation(path: env, isDefault: false) }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return DatabaseLocation(path: dataHome + "/pantau/pantau.db", isDefault: true)
    }

    /// Opens the database. At the default location, a missing database is first created from the
    /// bundled sample data (marked as demo data), and `announce` is told so. It appears there whole or not at all.
    public func open(readOnly: Bool, announce: (String) -> Void = { _ in }) throws -> Store {
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
