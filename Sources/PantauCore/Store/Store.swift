import Foundation
import GRDB

/// An office database: one SQLite file in WAL mode. All reads and writes go through here.
public final class Store: Sendable {
    public let path: String
    public let isReadOnly: Bool
    let reader: any DatabaseReader
    private let writerIfAny: (any DatabaseWriter)?

    private init(path: String, reader: any DatabaseReader, writer: (any DatabaseWriter)?) {
        self.path = path
        self.reader = reader
        self.writerIfAny = writer
        self.isReadOnly = writer == nil
    }

    /// Creates a new database file with the schema and the given region list. Never overwrites.
    public static func create(at path: String, regionsCSV: URL, aliasesCSV: URL?) throws -> Store {
        if FileManager.default.fileExists(atPath: path) { throw PantauError.databaseExists(path: path) }
        let directory = (path as NSString).deletingLastPathComponent
        if !directory.isEmpty {
            try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        }
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            // Office data is not for other accounts unless the office says so (see README).
            chmod(path, 0o600)
            try Schema.migrator.migrate(pool)
            let store = Store(path: path, reader: pool, writer: pool)
            try store.write { db in
                try RegionLoader.load(regionsCSV, aliases: aliasesCSV, into: db)
            }
            return store
        } catch let error as PantauError {
            try? removeDatabaseFiles(at: path)
            throw error
        } catch {
            try? removeDatabaseFiles(at: path)
            throw PantauError.databaseUnreadable(path: path, reason: Store.describe(error))
        }
    }

    /// Opens an existing database, upgrading its schema when it may write.
    public static func open(at path: String, readOnly: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw PantauError.databaseMissing(path: path) }
        do {
            if readOnly {
                let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
                let store = Store(path: path, reader: pool, writer: nil)
                try store.checkIsPantauDatabase()
                return store
            }
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            let store = Store(path: path, reader: pool, writer: pool)
            try store.checkIsPantauDatabase()
            try Schema.migrator.migrate(pool)
            return store
        } catch let error as PantauError {
            throw error
        } catch {
            throw PantauError.databaseUnreadable(path: path, reason: Store.describe(error))
        }
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        // Several officers write to one file: wait for each other instead of failing.
        config.busyMode = .timeout(10)
        return config
    }

    private func checkIsPantauDatabase() throws {
        let ok: Bool
        do {
            ok = try reader.read { db in try db.tableExists("region") && db.tableExists("koperasi") }
        } catch {
            throw PantauError.notAPantauDatabase(path: path)
        }
        if !ok { throw PantauError.notAPantauDatabase(path: path) }
    }

    static func removeDatabaseFiles(at path: String) throws {
        for suffix in ["", "-wal", "-shm"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    static func describe(_ error: Error) -> String {
        if let dbError = error as? DatabaseError { return dbError.message ?? "\(dbError.resultCode)" }
        return "\(error)"
    }

    // MARK: access

    func read<T>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try reader.read(body)
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    func write<T>(_ body: @Sendable (Database) throws -> T) throws -> T {
        guard let writer = writerIfAny else { throw PantauError.readOnly(path: path) }
        return try writer.write(body)
    }

    // MARK: settings

    /// Keys of the `setting` table.
    public enum SettingKey: String, Sendable {
        case officeRegion = "office_region"
        case officeName = "office_name"
        case demo
    }

    public func setting(_ key: SettingKey) throws -> String? {
        try read { db in try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue]) }
    }

    public func setSetting(_ key: SettingKey, _ value: String) throws {
        try write { db in
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key.rawValue, value])
        }
    }

    /// True when this database was made from the bundled sample data.
    public var isDemo: Bool { (try? setting(.demo)) == "1" }
}
