import Foundation
import GRDB

extension Store {
    /// Writes a consistent copy of the database to `destination` while other officers keep working: one read
    /// transaction's view of the data (SQLite's `VACUUM INTO`), readable by its owner only (mode 0600).
    /// Like `init`, it never overwrites; the copy appears under its name only once it is complete.
    public func backup(to destination: String) throws {
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        if manager.fileExists(atPath: destination, isDirectory: &isDirectory) {
            throw isDirectory.boolValue ? PantauError.backupIsFolder(path: destination) : PantauError.backupExists(path: destination)
        }
        let folder = (destination as NSString).deletingLastPathComponent
        guard manager.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PantauError.backupFolderMissing(path: destination)
        }
        let partial = (folder.isEmpty ? "" : folder + "/") + "." + (destination as NSString).lastPathComponent + ".pantau-backup-\(getpid())"
        try? manager.removeItem(atPath: partial)
        // The copy is created by SQLite: a private umask makes it 0600 from its first byte.
        let previous = umask(0o077)
        defer { umask(previous) }
        do {
            // VACUUM cannot run inside a transaction, which every GRDB read opens: this one reads on its own.
            try reader.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            guard rename(partial, destination) == 0 else { throw PantauError.backupFailed(path: destination, reason: String(cString: strerror(errno))) }
        } catch let error as PantauError {
            try? manager.removeItem(atPath: partial)
            throw error
        } catch {
            // The system's word for why the write failed (no space, file too large, permission), not SQLite's.
            let cause = errno
            try? manager.removeItem(atPath: partial)
            let full = (error as? DatabaseError)?.resultCode == .SQLITE_FULL
            throw PantauError.backupFailed(path: destination, reason: String(cString: strerror(full ? ENOSPC : cause)))
        }
    }
}
