import Foundation
import GRDB
import PantauCore

/// An office database: one SQLite file in WAL mode. All reads and writes go through here.
public final class Store: Sendable {
    public typealias Access = StoreAccess
    public typealias SettingKey = PantauCore.SettingKey

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

    /// Creates a new database file with the schema and the given region list. Never overwrites. The file gets its
    /// final mode (0600, or 0660 for `group`) before SQLite opens it, so its -wal/-shm files get the same from the start.
    /// `NewDatabase` calls this on a temporary path and renames the finished file into place.
    static func create(at path: String, regionsCSV: URL, aliasesCSV: URL?, group: gid_t?) throws -> Store {
        let fd = Glibc.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            if errno == EEXIST { throw PantauError.databaseExists(path: path) }
            throw PantauError.databaseUnreadable(path: path, reason: String(cString: strerror(errno)))
        }
        // Office data is not for other accounts unless the office says so (see README).
        let shared = group.map { fchown(fd, uid_t.max, $0) == 0 && fchmod(fd, 0o660) == 0 } ?? (fchmod(fd, 0o600) == 0)
        let reason = String(cString: strerror(errno))
        Glibc.close(fd)
        guard shared else { throw PantauError.databaseUnreadable(path: path, reason: reason) }
        let pool = try mappingDatabaseErrors(path) { try DatabasePool(path: path, configuration: configuration(readOnly: false)) }
        let store = Store(path: path, reader: pool, writer: pool, access: .readWrite)
        try store.mappingDatabaseErrors { try Schema.migrator.migrate(pool) }
        try store.write { db in try RegionLoader.load(regionsCSV, aliases: aliasesCSV, into: db) }
        return store
    }

    /// Folds the WAL into the database file and closes it, leaving no -wal or -shm file behind.
    func close() throws {
        try mappingDatabaseErrors {
            try writerIfAny?.writeWithoutTransaction { db in try db.checkpoint(.truncate) }
            try reader.close()
        }
    }

    /// Opens an existing database, upgrading its schema when it may write. A user who may not write the file
    /// (or create SQLite's companion files beside it) gets it read-only without asking. A database made by a newer
    /// Pantau opens only read-only; a damaged or incomplete one is refused with the sentence that says so.
    public static func open(at path: String, readOnly: Bool = false) throws -> Store {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw PantauError.databaseMissing(path: path) }
        if isFolder.boolValue { throw PantauError.databaseIsFolder(path: path) }
        Store.lastOpened.withLock { $0 = path }
        if !readOnly && userMayWrite(path) {
            let pool: DatabasePool
            do {
                pool = try DatabasePool(path: path, configuration: configuration(readOnly: false))
            } catch {
                throw notADatabase(error, path: path)
            }
            let store = Store(path: path, reader: pool, writer: pool, access: .readWrite)
            try store.checkIsPantauDatabase(forWriting: true)
            // Only when there is something to do: running the migrator touches the schema even then,
            // and opening a database must leave the file exactly as it was.
            try store.upgradeIfNeeded(pool)
            try store.checkHasAllTables()
            return store
        }
        let store = try openReadOnly(path, requested: readOnly)
        try store.checkIsPantauDatabase(forWriting: false)
        // Reading an older schema would fail somewhere in the middle; upgrading it is for someone who may write.
        guard try store.mappingDatabaseErrors({ try store.reader.read(Schema.migrator.hasCompletedMigrations) }) else {
            throw PantauError.databaseFromOlderPantau(path: path, readOnlyAsked: readOnly)
        }
        try store.checkHasAllTables()
        return store
    }

    private static func openReadOnly(_ path: String, requested: Bool) throws -> Store {
        do {
            let pool = try DatabasePool(path: path, configuration: configuration(readOnly: true))
            _ = try pool.read { db in try db.tableExists("region") }
            return Store(path: path, reader: pool, writer: nil, access: .readOnly, requested: requested)
        } catch let error as DatabaseError where ![.SQLITE_CORRUPT, .SQLITE_NOTADB].contains(error.resultCode) {
            // A WAL database cannot be opened read-only while no -shm file exists and none can be made:
            // read it as an immutable snapshot instead.
            let queue = try mappingDatabaseErrors(path) { try DatabaseQueue(path: immutableURI(path), configuration: configuration(readOnly: true)) }
            return Store(path: path, reader: queue, writer: nil, access: .snapshot, requested: requested)
        } catch {
            throw notADatabase(error, path: path)
        }
    }

    /// At open, a file SQLite does not recognise at all is simply not a Pantau database.
    private static func notADatabase(_ error: any Error, path: String) -> any Error {
        (error as? DatabaseError)?.resultCode == .SQLITE_NOTADB ? PantauError.notAPantauDatabase(path: path) : userError(error, path: path)
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

    /// A Pantau database has the region and koperasi tables; one that holds a migration or `user_version` this build
    /// does not know was made by a newer Pantau, and may not be written by this one.
    private func checkIsPantauDatabase(forWriting: Bool) throws {
        let (isPantau, isNewer) = try read { db in
            (try db.tableExists("region") && db.tableExists("koperasi"),
             try Schema.migrator.hasBeenSuperseded(db) || Int.fetchOne(db, sql: "PRAGMA user_version") != Schema.userVersion)
        }
        if !isPantau { throw PantauError.notAPantauDatabase(path: path) }
        if isNewer && forWriting { throw PantauError.databaseFromNewerPantau(path: path) }
    }

    /// Every table the applied migrations made is there (cheap: the schema only, no scan of the data).
    private func checkHasAllTables() throws {
        let present = try read { db in try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'") }
        let missing = Schema.tables.subtracting(present).sorted()
        if !missing.isEmpty { throw PantauError.databaseIncomplete(path: path, missing: missing) }
    }

    static func removeDatabaseFiles(at path: String) {
        for suffix in ["", "-wal", "-shm", "-journal"] {
            try? FileManager.default.removeItem(atPath: path + suffix)
        }
    }

    // MARK: access

    func read<T>(_ body: @Sendable (Database) throws -> T) throws -> T {
        try mappingDatabaseErrors { try reader.read(body) }
    }

    /// Runs `body` in one transaction: all of it is stored, or none of it.
    func write<T>(_ body: @Sendable (Database) throws -> T) throws -> T {
        guard let writer = writerIfAny else {
            throw readOnlyRequested ? PantauError.readOnly(path: path) : PantauError.noWriteAccess(path: path)
        }
        return try mappingDatabaseErrors { try writer.write(body) }
    }

    // MARK: settings

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
        let newValue = try SettingValue.checked(key, text) { try resolveRegion($0).code }
        try write { db in
            let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [key.rawValue])
            try db.execute(sql: "INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                           arguments: [key.rawValue, newValue])
            try Self.audit(db, entity: "setting", record: key.rawValue, field: key.rawValue, old: old, new: newValue, who: who)
        }
    }
}
