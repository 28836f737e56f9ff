/// Where a PostgreSQL store is and how to reach it: what libpq would connect to for the same URL and environment.
/// Every field is already decided (defaults applied), so the adapter connects to exactly what `description` shows.
public struct PostgresAddress: Sendable, Equatable {
    /// How the server is reached: by network name or address, or through a unix socket in a folder.
    public enum Host: Sendable, Equatable {
        /// A host name or an IPv4 address, e.g. `db.kantor` or `10.0.0.5`.
        case name(String)
        /// An IPv6 address without its brackets, e.g. `::1`.
        case ipv6(String)
        /// The folder holding the server's socket file `.s.PGSQL.PORT`, e.g. `/var/run/postgresql`.
        case socketDirectory(String)
    }

    /// TLS towards the server. libpq's `verify-ca` and `verify-full` are refused with a sentence until
    /// certificates can be checked; `allow` is not offered because it only ever downgrades.
    public enum SSLMode: String, Sendable, Equatable, CaseIterable {
        case disable, prefer, require
    }

    public var user: String
    /// Only a password written in the URL (`user:password@` or `?password=`); `PGPASSWORD` and the password
    /// file are consulted at connection time by `PostgresPassword.find`, so that a file is read only when needed.
    public var password: Secret?
    public var host: Host
    public var port: Int
    public var database: String
    public var sslMode: SSLMode
    /// libpq's `application_name`: how the connection is labelled in the server's activity list.
    public var applicationName: String?
    /// libpq's `connect_timeout` in seconds; 0 or absent waits as long as the system does.
    public var connectTimeout: Int?

    /// The server's Debian/Ubuntu socket folder: libpq's compiled-in default on the machines Pantau runs on.
    public static let defaultSocketDirectory = "/var/run/postgresql"
    public static let defaultPort = 5432

    public init(user: String, password: Secret? = nil, host: Host = .socketDirectory(defaultSocketDirectory), port: Int = defaultPort,
                database: String? = nil, sslMode: SSLMode = .prefer, applicationName: String? = nil, connectTimeout: Int? = nil) {
        self.user = user
        self.password = password
        self.host = host
        self.port = port
        self.database = database ?? user
        self.sslMode = sslMode
        self.applicationName = applicationName
        self.connectTimeout = connectTimeout
    }

    /// The socket file for a unix-socket connection, as libpq names it: `/dir/.s.PGSQL.PORT`.
    public var socketPath: String? {
        guard case .socketDirectory(let directory) = host else { return nil }
        return (directory.hasSuffix("/") ? String(directory.dropLast()) : directory) + "/.s.PGSQL.\(port)"
    }
}

extension PostgresAddress: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The address as a URL a person may read and paste back, never with the password:
    /// `postgresql://siti@db.kantor:5432/pantau`, `postgresql://siti@:5432/pantau?host=/var/run/postgresql`.
    public var description: String {
        var text = "postgresql://" + PercentEncoding.encode(user) + "@"
        var query: [String] = []
        switch host {
        case .name(let name): text += PercentEncoding.encode(name)
        case .ipv6(let address): text += "[" + address + "]"
        case .socketDirectory(let directory): query.append("host=" + PercentEncoding.encode(directory, keeping: ["/"]))
        }
        text += ":\(port)/" + PercentEncoding.encode(database)
        if sslMode != .prefer { query.append("sslmode=" + sslMode.rawValue) }
        if let applicationName { query.append("application_name=" + PercentEncoding.encode(applicationName)) }
        if let connectTimeout { query.append("connect_timeout=\(connectTimeout)") }
        return query.isEmpty ? text : text + "?" + query.joined(separator: "&")
    }

    public var debugDescription: String { description }

    /// `dump` and debuggers see the same fields as `description`, so the password cannot leak through them either.
    public var customMirror: Mirror {
        Mirror(self, children: ["user": user, "host": host, "port": port, "database": database, "sslMode": sslMode,
                                "hasPassword": password != nil], displayStyle: .struct)
    }
}
