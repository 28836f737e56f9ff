import Foundation

/// Where the database is: `--db ADDRESS`, else `$PANTAU_DB`, else the user's data directory. The address names
/// a SQLite file or a PostgreSQL server (see `StoreAddress` for the rule that tells them apart).
public struct DatabaseLocation: Sendable, Equatable {
    public var address: StoreAddress
    /// True when nobody named a database, so Pantau may create the demo one there.
    public var isDefault: Bool

    public init(address: StoreAddress, isDefault: Bool) {
        self.address = address
        self.isDefault = isDefault
    }

    /// A SQLite file.
    public init(path: String, isDefault: Bool) {
        self.init(address: .sqlite(path: path), isDefault: isDefault)
    }

    /// Reads the address from the option or the environment; a malformed one is refused with a sentence before
    /// anything touches the disk, so a URL is never taken for a path (which once made a folder `postgresql:`).
    public static func resolve(option: String?, environment: [String: String] = ProcessInfo.processInfo.environment,
                               loginName: String? = PostgresDefaults.loginName()) throws -> DatabaseLocation {
        if let option, !option.isEmpty {
            return DatabaseLocation(address: try StoreAddress.parse(option, environment: environment, loginName: loginName), isDefault: false)
        }
        if let env = environment["PANTAU_DB"], !env.isEmpty {
            return DatabaseLocation(address: try StoreAddress.parse(env, environment: environment, loginName: loginName), isDefault: false)
        }
        let dataHome: String
        if let xdg = environment["XDG_DATA_HOME"], xdg.hasPrefix("/") {
            dataHome = xdg
        } else {
            dataHome = (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share"
        }
        return DatabaseLocation(path: dataHome + "/pantau/pantau.db", isDefault: true)
    }

    /// The SQLite file's path, for what only a file can do (`what`: a backup, a check); a server's address is
    /// refused with the sentence that says what to use there instead.
    public func sqlitePath(for what: String = "This") throws -> String {
        switch address {
        case .sqlite(let path): return path
        case .postgres(let postgres): throw PantauError.onlyOnSQLite(what: what, store: postgres.description)
        }
    }
}
