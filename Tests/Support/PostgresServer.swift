import Foundation

/// The PostgreSQL server the tests may use: `PANTAU_TEST_POSTGRES`, a superuser URL (`.ci/postgres start` prints
/// one). Tests talk to it through `psql`, never through the adapter under test.
///
///     guard let server = try PostgresServer.available() else { return }   // skipped: no server configured
///     let database = try server.freshDatabase()                            // owned by a fresh login
///
/// Without the variable the PostgreSQL tests are skipped, with one line on stderr for the whole run; with
/// `PANTAU_REQUIRE_POSTGRES=1` a missing or silent server throws instead, and the test fails. Every database and
/// login a run makes is dropped when the run ends; those of runs that were killed, at the next run's start.
public struct PostgresServer: Sendable {
    /// The superuser URL.
    public let url: String

    public struct Login: Sendable, Equatable {
        public let name: String
        /// Nil: the login has no password, and cannot log in where the server asks for one.
        public let password: String?
    }

    public struct Database: Sendable, Equatable {
        public let name: String
        public let owner: Login
        /// The database as its owner reaches it, password included.
        public let url: String
    }

    /// What `psql` said when a statement failed, or why the server cannot be used.
    public struct Failure: Error, CustomStringConvertible, Equatable {
        public let description: String
    }

    /// The server, or nil when the tests should skip. Throws when PostgreSQL is required and cannot be reached.
    public static func available() throws -> PostgresServer? {
        switch availability {
        case .ready(let server): return server
        case .skipped: return nil
        case .failed(let reason): throw Failure(description: reason)
        }
    }

    /// A new, empty database owned by a new login (with CREATEROLE, as `pantau init` needs for the rights roles).
    public func freshDatabase() throws -> Database {
        let owner = try createLogin("owner", attributes: "CREATEROLE")
        let name = PostgresServer.uniqueName("pantau")
        PostgresServer.created.remember(database: name)
        _ = try psql("CREATE DATABASE \(name) OWNER \(owner.name)", as: url)
        return Database(name: name, owner: owner, url: try PostgresServer.url(url, user: owner, database: name))
    }

    /// A new login whose name starts with `name` (a run-unique suffix keeps runs and tests apart: logins belong
    /// to the whole cluster). `password`: a generated one by default; nil for a login without a password.
    public func createLogin(_ name: String, password: String? = PostgresServer.newPassword(), attributes: String = "") throws -> Login {
        let login = Login(name: PostgresServer.uniqueName(name), password: password)
        PostgresServer.created.remember(role: login.name)
        let secret = password.map { " PASSWORD '\($0.replacingOccurrences(of: "'", with: "''"))'" } ?? ""
        _ = try psql("CREATE ROLE \(login.name) LOGIN \(attributes)\(secret)", as: url)
        return login
    }

    /// The URL of `database` as `login` reaches it, on this server.
    public func url(of database: String, as login: Login) throws -> String {
        try PostgresServer.url(url, user: login, database: database)
    }

    /// Runs SQL (one or more statements, stopping at the first error) and returns its rows, one a line, columns
    /// joined by `|`. Throws the server's one-line message (`ERROR:  …`) when a statement fails.
    @discardableResult
    public func psql(_ sql: String, as url: String) throws -> String {
        let result = try PostgresServer.runPsql(["-c", sql], url: url)
        guard result.status == 0 else { throw Failure(description: result.stderr.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return result.stdout.hasSuffix("\n") ? String(result.stdout.dropLast()) : result.stdout
    }

    /// 32 hexadecimal digits.
    public static func newPassword() -> String {
        UUID().uuidString.replacingOccurrences(of: "-", with: "").lowercased()
    }
}

extension PostgresServer {
    enum Availability: Sendable {
        case ready(PostgresServer)
        case skipped
        case failed(String)
    }

    /// Decided once per run: the skip line is printed once, however many tests ask.
    static let availability: Availability = {
        let environment = ProcessInfo.processInfo.environment
        let required = environment["PANTAU_REQUIRE_POSTGRES"] == "1"
        func unavailable(_ reason: String) -> Availability {
            if required { return .failed("PostgreSQL is required (PANTAU_REQUIRE_POSTGRES=1) but \(reason)") }
            FileHandle.standardError.write(Data("PostgreSQL tests skipped: \(reason)\n".utf8))
            return .skipped
        }
        guard let url = environment["PANTAU_TEST_POSTGRES"], !url.isEmpty else {
            return unavailable("no server (set PANTAU_TEST_POSTGRES=postgresql://… or run .ci/postgres start)")
        }
        let server = PostgresServer(url: url)
        do {
            guard try server.psql("SELECT 1", as: url) == "1" else { return unavailable("the server at PANTAU_TEST_POSTGRES answers oddly") }
        } catch {
            return unavailable("the server at PANTAU_TEST_POSTGRES does not answer: \(error)")
        }
        dropLeftovers(of: server)
        atexit { PostgresServer.dropEverythingCreated() }
        return .ready(server)
    }()

    // MARK: Names

    /// `<prefix>_pt<pid>_<n>`: the pid says which run made it, so that a later run can drop what a killed one left.
    static func uniqueName(_ prefix: String) -> String {
        "\(prefix.lowercased())_pt\(getpid())_\(created.next())"
    }

    /// The pid in a name made by `uniqueName`, also inside a rights role made from a database name (`…_viewer`).
    static func runPid(inName name: String) -> pid_t? {
        guard let range = name.range(of: #"_pt[0-9]+_[0-9]+(_|$)"#, options: .regularExpression) else { return nil }
        return pid_t(name[range].dropFirst(3).prefix { $0.isNumber })
    }

    /// The URL `base` with another user, password and database; host, port and parameters stay.
    static func url(_ base: String, user: Login, database: String) throws -> String {
        guard let schemeEnd = base.range(of: "://") else { throw Failure(description: "PANTAU_TEST_POSTGRES is not a postgresql:// URL") }
        let rest = base[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex { $0 == "/" || $0 == "?" } ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let hostAndPort = authority.lastIndex(of: "@").map { authority[authority.index(after: $0)...] } ?? authority
        let query = rest[authorityEnd...].firstIndex(of: "?").map { String(rest[$0...]) } ?? ""
        let encoded = user.password.map { ":" + ($0.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? $0) } ?? ""
        return "\(base[..<schemeEnd.upperBound])\(user.name)\(encoded)@\(hostAndPort)/\(database)\(query)"
    }

    // MARK: psql

    static func runPsql(_ arguments: [String], url: String) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["psql", url, "-X", "-w", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-v", "VERBOSITY=terse"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["PGCONNECT_TIMEOUT"] = "5"
        environment["LANG"] = "C.UTF-8"
        environment["LC_MESSAGES"] = "C"
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { throw Failure(description: "psql cannot be run: \(error)") }
        // stdout is read to its end first: psql writes little to stderr here (-q, terse errors, one statement's
        // error at most), far less than a pipe holds, so it cannot block on a full stderr meanwhile.
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors, as: UTF8.self))
    }

    // MARK: Cleaning up

    /// The names this run made, and the counter that keeps them apart.
    final class Registry: @unchecked Sendable {
        private let lock = NSLock()
        private var counter = 0
        private(set) var databases: [String] = []
        private(set) var roles: [String] = []

        func next() -> Int { lock.withLock { counter += 1; return counter } }
        func remember(database: String) { lock.withLock { databases.append(database) } }
        func remember(role: String) { lock.withLock { roles.append(role) } }
        func taken() -> (databases: [String], roles: [String]) {
            lock.withLock { defer { databases = []; roles = [] }; return (databases, roles) }
        }
    }

    static let created = Registry()

    /// Databases first (their rights roles can only go once nothing in them refers to those), then the roles.
    static func drop(databases: [String], roles: [String], on server: PostgresServer) {
        for database in databases {
            _ = try? server.psql("DROP DATABASE IF EXISTS \(database) WITH (FORCE)", as: server.url)
        }
        let rightsRoles = databases.flatMap { ["\($0)_editor", "\($0)_viewer"] }
        for role in roles + rightsRoles {
            _ = try? server.psql("DROP ROLE IF EXISTS \(role)", as: server.url)
        }
    }

    static func dropEverythingCreated() {
        guard case .ready(let server) = availability else { return }
        let (databases, roles) = created.taken()
        drop(databases: databases, roles: roles, on: server)
    }

    /// What runs that were killed left behind: names of ours whose run's process is gone.
    static func dropLeftovers(of server: PostgresServer) {
        func gone(_ name: Substring) -> Bool {
            guard let pid = runPid(inName: String(name)) else { return false }
            return kill(pid, 0) != 0 && errno == ESRCH
        }
        let databases = (try? server.psql("SELECT datname FROM pg_database WHERE datname ~ '^pantau_pt[0-9]+_[0-9]+$'", as: server.url)) ?? ""
        let roles = (try? server.psql("SELECT rolname FROM pg_roles WHERE rolname ~ '_pt[0-9]+_[0-9]+(_editor|_viewer)?$'", as: server.url)) ?? ""
        drop(databases: databases.split(separator: "\n").filter(gone).map(String.init),
             roles: roles.split(separator: "\n").filter(gone).map(String.init), on: server)
    }
}
