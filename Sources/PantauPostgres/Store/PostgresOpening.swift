import PantauCore
import PostgresNIO

extension PostgresStore {
    /// Opens an office database on a server. What this login may do decides the access: the owner and editors
    /// write (the server still limits editors to their region), viewers and logins without a grant read.
    /// `--read-only` makes every transaction read-only on the server itself.
    /// `importChecker` reads and checks import files here before their records go to the server; without one,
    /// import is refused. `hearingChanges` starts listening for other offices' changes at once (a dashboard).
    public static func open(_ address: PostgresAddress, readOnly: Bool, importChecker: ImportChecker? = nil,
                            hearingChanges: Bool = false) async throws -> PostgresStore {
        let connector = PostgresConnector(address: address)
        let connection = try await connector.connect()
        do {
            let store = address.description
            let isPantau = try await connection.rows(PostgresQuery(unsafeSQL: PostgresSchema.holdsPantau)) { try $0[0].decode(Bool.self) }.first
            guard isPantau == true else { throw PantauError.notAPantauServerDatabase(store: store) }
            let applied = Set(try await connection.rows(PostgresQuery(unsafeSQL: PostgresSchema.appliedMigrations)) { try $0["name", as: String.self] })
            let known = Set(PostgresSchema.migrations.map(\.name))
            guard applied.isSubset(of: known) else { throw PantauError.serverDatabaseFromNewerPantau(store: store) }
            if applied != known {
                // An older database is upgraded by its owner's first command that may write, all or nothing.
                let owner = try await isOwner(connection)
                guard !readOnly, owner else {
                    let name = try await connection.rows(PostgresQuery(unsafeSQL: PostgresRights.databaseOwner)) { try $0[0].decode(String.self) }.first
                    throw PantauError.serverDatabaseFromOlderPantau(store: store, owner: name ?? "", isOwner: owner)
                }
                try await inTransaction(connection) { try await applyMigrations(connection, except: applied) }
            }
            if readOnly { try await connection.run("SET default_transaction_read_only = on") }
            let mayWrite = readOnly ? false : try await loginMayWrite(connection)
            // The listening connection is made while the regions are read.
            let changes = ChangeFeed(connector: connector)
            if hearingChanges { changes.start() }
            return PostgresStore(connector: connector, connection: connection, access: mayWrite ? .readWrite : .readOnly,
                                 readOnlyRequested: readOnly, regions: try await readRegions(connection), changes: changes,
                                 importChecker: importChecker)
        } catch {
            try? await connection.close()
            // Reading the schema's own tables is the first thing a login without a grant is refused.
            if let refusal = error as? PSQLError, refusal.serverInfo?[.sqlState] == "42501" {
                throw PantauError.loginWithoutRights(login: address.user, store: address.description)
            }
            throw PostgresRefusal.sentence(for: error, store: address.description)
        }
    }

    /// The owner, and a login granted the editor role: the dashboard then offers its forms.
    private static func loginMayWrite(_ connection: PostgresConnection) async throws -> Bool {
        if try await isOwner(connection) { return true }
        let role = try await connection.rows(PostgresQuery(unsafeSQL: PostgresRights.ownGrant)) { try $0["role", as: String.self] }.first
        return role == "editor"
    }

    /// Makes an empty database on the server an office database: the schema by migrations, then every table of
    /// `source` (a new SQLite database with the regions, thresholds, settings and perhaps the sample records),
    /// all in one transaction. A database that already holds Pantau's tables is refused, as an existing file is.
    public static func create(_ address: PostgresAddress, from source: [TableContents]) async throws {
        let connection = try await PostgresConnector(address: address).connect()
        do {
            let holds = try await connection.rows(PostgresQuery(unsafeSQL: PostgresSchema.holdsPantau)) { try $0[0].decode(Bool.self) }.first
            if holds == true { throw PantauError.serverDatabaseHoldsPantau(store: address.description) }
            try await inTransaction(connection) {
                try await connection.run(PostgresQuery(unsafeSQL: PostgresSchema.createMigrationTable))
                try await applyMigrations(connection, except: [])
                for table in source { try await connection.copy(table) }
            }
            try? await connection.close()
        } catch {
            try? await connection.close()
            throw PostgresRefusal.sentence(for: error, store: address.description)
        }
    }

    private static func isOwner(_ connection: PostgresConnection) async throws -> Bool {
        try await connection.rows(PostgresQuery(unsafeSQL: PostgresRights.isOwner)) { try $0[0].decode(Bool.self) }.first ?? false
    }

    /// The migrations not applied yet, in order, each recorded.
    private static func applyMigrations(_ connection: PostgresConnection, except applied: Set<String>) async throws {
        for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
            for statement in SQLStatements.split(migration.sql) { try await connection.run(PostgresQuery(unsafeSQL: statement)) }
            try await connection.run("INSERT INTO pantau_migration(name) VALUES (\(migration.name))")
        }
    }

    private static func inTransaction(_ connection: PostgresConnection, _ body: () async throws -> Void) async throws {
        try await connection.run("BEGIN")
        do {
            try await body()
            try await connection.run("COMMIT")
        } catch {
            try? await connection.run("ROLLBACK")
            throw error
        }
    }
}
