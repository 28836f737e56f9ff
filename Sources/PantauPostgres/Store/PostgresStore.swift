import Foundation
import Logging
import PantauCore
import PostgresNIO
import Synchronization

/// An office's data on a shared PostgreSQL server. The server enforces who may change what (roles and row-level
/// security) and records who did (the audit trail takes the login the server authenticated); this store asks.
///
/// Reads share one connection (postgres-nio queues its queries); each write takes a connection of its own for its
/// transaction, so that a read running meanwhile never lands inside it.
public final class PostgresStore: PantauStore {
    public let location: String
    public let access: StoreAccess
    public let readOnlyRequested: Bool
    let connector: PostgresConnector
    /// The regions never change once a database is made: read once, then every lookup and label is local.
    let regions: RegionDirectory
    /// Reads and checks import files on this machine before their records travel to the server (see PostgresImport).
    let importChecker: ImportChecker?
    private let reader: Mutex<PostgresConnection?>
    /// Other offices' changes, heard on a connection of its own.
    let changes: ChangeFeed

    init(connector: PostgresConnector, connection: PostgresConnection, access: StoreAccess, readOnlyRequested: Bool,
         regions: RegionDirectory, changes: ChangeFeed, importChecker: ImportChecker? = nil) {
        self.location = connector.address.description
        self.connector = connector
        self.changes = changes
        self.reader = Mutex(connection)
        self.access = access
        self.readOnlyRequested = readOnlyRequested
        self.regions = regions
        self.importChecker = importChecker
    }

    deinit {
        // The connection must outlive its closing: the future's handler keeps it until then.
        guard let connection = reader.withLock({ $0 }) else { return }
        connection.close().whenComplete { _ in _ = connection }
    }

    static let logger: Logger = {
        var logger = Logger(label: "pantau.postgres")
        logger.logLevel = .critical
        return logger
    }()

    // MARK: running SQL

    /// The reading connection, made again when the last one was lost.
    func readingConnection() async throws -> PostgresConnection {
        if let open = reader.withLock({ $0 }), !open.isClosed { return open }
        let fresh = try await connector.connect()
        if readOnlyRequested { try await fresh.run("SET default_transaction_read_only = on") }
        reader.withLock { $0 = fresh }
        return fresh
    }

    /// The rows of one query, each read by `decode` as they stream in.
    func rows<T>(_ query: PostgresQuery, _ decode: (PostgresRandomAccessRow) throws -> T) async throws -> [T] {
        try await failing { try await readingConnection().rows(query, decode) }
    }

    /// The single row of a query (an aggregate), or nil.
    func row<T>(_ query: PostgresQuery, _ decode: (PostgresRandomAccessRow) throws -> T) async throws -> T? {
        try await rows(query, decode).first
    }

    /// Runs `body` in one transaction on a connection of its own, all or nothing. Refused at once when this store
    /// may not write; the server refuses what the login may not change (see PostgresRefusal). With `commit` false
    /// (a dry run) everything is done and then rolled back.
    func write<T: Sendable>(commit: Bool = true, _ body: (PostgresConnection) async throws -> T) async throws -> T {
        guard access == .readWrite else {
            throw readOnlyRequested ? PantauError.readOnly(path: location) : PantauError.noWriteAccess(path: location)
        }
        return try await ownTransaction("BEGIN", end: commit ? "COMMIT" : "ROLLBACK", body)
    }

    /// Runs reads in one read-only snapshot, on a connection of their own (the shared reading connection would mix
    /// other screens' queries into the transaction).
    func snapshot<T: Sendable>(_ body: (PostgresConnection) async throws -> T) async throws -> T {
        try await ownTransaction("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", end: "COMMIT", body)
    }

    /// A transaction opened by `begin` on a new connection, which is closed whatever happens: it ends with `end`,
    /// or is rolled back when `body` fails.
    private func ownTransaction<T: Sendable>(_ begin: PostgresQuery, end: PostgresQuery,
                                             _ body: (PostgresConnection) async throws -> T) async throws -> T {
        let connection = try await connector.connect()
        do {
            let result = try await failing {
                try await connection.run(begin)
                do {
                    let result = try await body(connection)
                    try await connection.run(end)
                    return result
                } catch {
                    try? await connection.run("ROLLBACK")
                    throw error
                }
            }
            try? await connection.close()
            return result
        } catch {
            try? await connection.close()
            throw error
        }
    }

    /// The server's refusals and failures, as the sentence a user can act on.
    func failing<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PantauError {
            throw error
        } catch let failure as ImportFailure {
            throw failure
        } catch {
            throw PostgresRefusal.sentence(for: error, store: location)
        }
    }
}

extension PostgresConnection {
    /// Runs a statement, draining whatever it returns.
    func run(_ query: PostgresQuery) async throws {
        for try await _ in try await self.query(query, logger: PostgresStore.logger) {}
    }

    func rows<T>(_ query: PostgresQuery, _ decode: (PostgresRandomAccessRow) throws -> T) async throws -> [T] {
        var result: [T] = []
        for try await row in try await self.query(query, logger: PostgresStore.logger) { result.append(try decode(row.makeRandomAccess())) }
        return result
    }
}

extension PostgresRandomAccessRow {
    /// The column's value, decoded: `try row["total", as: Int.self]`, or `try row["name"]` where the type is known.
    subscript<T: PostgresDecodable>(_ column: String, as type: T.Type = T.self) -> T {
        get throws { try self[column].decode(T.self, context: .default) }
    }
}
