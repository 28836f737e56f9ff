import Foundation
import GRDB

/// An office database: one SQLite file in WAL mode. All reads and writes go through here.
public final class Store: Sendable {
    /// How the database is open.
    public enum Access: Sendable, Equatable {
        case readWrite
        /// Asked for with `--read-only`, or the user may not write the file or its folder.
        case readOnly
        /// Read-only and frozen: a viewer who cannot create SQLite's shared-memory file next to a WAL database
        /// reads it as an immutable snapshot, reopened when the file changes.
        case snapshot
    }

    public let path: String
    public let access: Access
    /// True when read-only because the user asked (`--read-only`), not because the file may not be written.
    public let readOnlyRequested: Bool
    let reader: any DatabaseReader
    let writerIfAny: (any DatabaseWriter)?

    private init(path: String, reader: any DatabaseReader, writer: (any DatabaseWriter)?, access: Access, requested: Bool = false) {
        self.path = path
        self.reader = reader
        self.writerIfAny = writer
        self.access = access
        self.readOnlyRequested = requested
    }

    public var isReadOnly: Bool { access != .readWrite }
    public var isSnapshot: Bool { access == .snapshot }

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
            let store = Store(path: path, reader: pool, writer: pool, access: .readWrite)
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

    /// Lets a group of editors read and write the database file (mode 0660, owned by that group).
    public func share(withGroup name: String) throws {
        guard let group = getgrnam(name) else { throw PantauError.unknownGroup(name: name) }
        guard chown(path, uid_t.max, group.pointee.gr_gid) == 0, chmod(path, 0o660) == 0 else {
            throw PantauError.databaseUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
    }

    /// Opens an existing database, upgrading its schema when it may write. A user who may not write the file
    /// (or create SQLite's companion files beside it) gets it read-only without asking.
    public static func open(at path: String, readOnly: Bool = false) throws -> Store {
        guard FileManager.default.fileExists(atPath: path) else { throw PantauError.databaseMissing(path: path) }
        do {
            if !readOnly && userMayWrite(path) {
                let pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
                let store = Store(path: path, reader: pool, writer: pool, access: .readWrite)
                try store.checkIsPantauDatabase()
                // Only when there is something to do: running the migrator touches the schema even then,
                // and opening a database must leave the file exactly as it was.
                if try !pool.read(Schema.migrator.hasCompletedMigrations) { try Schema.migrator.migrate(pool) }
                return store
            }
            do {
                let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
                let store = Store(path: path, reader: pool, writer: nil, access: .readOnly, requested: readOnly)
                try store.checkIsPantauDatabase()
                return store
            } catch {
                // A WAL database cannot be opened read-only while no -shm file exists and none can be made:
                // read it as an immutable snapshot instead.
                let queue = try DatabaseQueue(path: immutableURI(path), configuration: configuration(readOnly: true))
                let store = Store(path: path, reader: queue, writer: nil, access: .snapshot, requested: readOnly)
                try store.checkIsPantauDatabase()
                return store
            }
        } catch let error as PantauError {
            throw error
        } catch {
            throw PantauError.databaseUnreadable(path: path, reason: Store.describe(error))
        }
    }

    /// Whether this process may write the database: the file itself, and the -wal/-shm files SQLite keeps beside it.
    static func userMayWrite(_ path: String) -> Bool {
        guard Glibc.access(path, W_OK) == 0 else { return false }
        let directory = (path as NSString).deletingLastPathComponent
        if Glibc.access(directory.isEmpty ? "." : directory, W_OK) == 0 { return true }
        return ["-wal", "-shm"].allSatisfy { Glibc.access(path + $0, W_OK) == 0 }
    }

    static func immutableURI(_ path: String) -> String {
        let absolute = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
        var allowed = CharacterSet.urlPathAllowed
        allowed.remove(charactersIn: "?#%")
        return "file:" + (absolute.addingPercentEncoding(withAllowedCharacters: allowed) ?? absolute) + "?immutable=1"
    }

    private static func configuration(readOnly: Bool) -> Configuration {
        var config = Configuration()
        config.readonly = readOnly
        config.foreignKeysEnabled = true
        // Several officers write to one file: wait for each other instead of failing.
        config.busyMode = .callback(WriteWait.busyCallback)
        // One reader connection, so that PRAGMA data_version always asks the same one (see changeToken()).
        config.maximumReaderCount = 1
        return config
    }

    /// Changes whenever another process (or this one) commits to the database. Cheap: poll it about once a second.
    public func changeToken() -> String {
        let version = (try? read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") }) ?? 0
        func modified(_ file: String) -> String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: file)
            return "\((attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0)/\(attributes?[.size] as? Int ?? 0)"
        }
        // A snapshot never sees new data by itself: the files' times tell that there is some.
        return isSnapshot ? modified(path) + "," + modified(path + "-wal") : String(version)
    }

    private func checkIsPantauDatabase() throws {
        let ok: Bool
        do {
            ok = try reader.read { db in try db.tableExists("region") && db.tableExists("koperasi") }
        } catch let error as DatabaseError where error.resultCode == .SQLITE_READONLY || error.resultCode == .SQLITE_CANTOPEN {
            throw PantauError.notAPantauDatabase(path: path)
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
        guard let writer = writerIfAny else {
            throw readOnlyRequested ? PantauError.readOnly(path: path) : PantauError.noWriteAccess(path: path)
        }
        return try writer.write(body)
    }

    // MARK: settings

    /// Keys of the `setting` table.
    public enum SettingKey: String, Sendable, CaseIterable {
        case officeRegion = "office_region"
        case officeName = "office_name"
        case demo
        /// "No RAT for N years": N.
        case ratStaleYears = "rat_stale_years"
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

    /// Changes a setting as a user asks: a region by name or code, a positive number of years; kept in the audit trail.
    public func changeSetting(_ key: SettingKey, to text: String, who: String = Operator.current) throws {
        var value = text.trimmingCharacters(in: .whitespaces)
        switch key {
        case .officeRegion:
            value = try resolveRegion(value).code
        case .ratStaleYears:
            guard let years = Int(value), years >= 1 else { throw PantauError.notPositive(field: key.rawValue, text: value) }
            value = String(years)
        case .officeName, .demo:
            break
        }
        let newValue = value
        try write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue])
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key.rawValue, newValue])
            try Self.audit(db, entity: "setting", record: key.rawValue, field: key.rawValue, old: old, new: newValue, who: who)
        }
    }

    /// How many years without a RAT make a koperasi stand out (default 3).
    public func staleRATYears() throws -> Int {
        try setting(.ratStaleYears).flatMap { Int($0) }.map { max(1, $0) } ?? 3
    }

    /// True when this database was made from the bundled sample data.
    public var isDemo: Bool { (try? setting(.demo)) == "1" }
}
