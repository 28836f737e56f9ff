/// Pantau's schema on a PostgreSQL server, built by named migrations as the SQLite file is, so that a shared
/// database can be upgraded in place. The names are the SQLite migrations' names (same meaning, same order), then
/// the ones only a server has.
///
/// The SQL is kept as plain constants without Swift escapes or interpolation: `Tests/PostgresSchema/check.sh`
/// reads these literals from this folder's source and runs them through `psql`, so what it proves is what ships.
public enum PostgresSchema {
    public struct Migration: Sendable, Equatable {
        public let name: String
        public let sql: String
    }

    /// In the order they apply. An adapter applies the missing ones, each followed by `recordMigration`,
    /// all in one transaction.
    public static let migrations: [Migration] = [
        Migration(name: "v1 regions, koperasi, umkm, programmes", sql: PostgresTables.v1),
        Migration(name: "v2 audit trail", sql: PostgresAudit.v2),
        Migration(name: "v3 audit ids are never reused", sql: PostgresAudit.v3),
        Migration(name: "v4 rights", sql: PostgresRightsSchema.v4),
        Migration(name: "v5 change notices", sql: PostgresChangeNotices.v5),
        Migration(name: "v7 kept counts", sql: PostgresTally.v7),
        Migration(name: "v8 umkm without derived region columns", sql: PostgresTables.v8),
        Migration(name: "server 1 umkm regions checked per statement", sql: PostgresTables.umkmRegionsPerStatement),
    ]

    /// Made before the first migration, by the owner only: a login without rights may not create tables.
    public static let createMigrationTable = """
        CREATE TABLE IF NOT EXISTS pantau_migration (
            name text COLLATE "C" PRIMARY KEY,
            applied_at timestamptz NOT NULL DEFAULT now()
        )
        """

    /// True when the database already holds Pantau's schema (`init` refuses it, as it refuses an existing file).
    public static let holdsPantau = "SELECT to_regclass('pantau_migration') IS NOT NULL"

    /// The names of the migrations applied; a name this build does not know means a newer Pantau made the database.
    public static let appliedMigrations = "SELECT name FROM pantau_migration ORDER BY name"

    /// $1: the migration's name.
    public static let recordMigration = "INSERT INTO pantau_migration(name) VALUES ($1)"
}
