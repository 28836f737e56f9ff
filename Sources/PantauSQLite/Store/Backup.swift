import Foundation
import GRDB
import PantauCore

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
        do {
            // VACUUM cannot run inside a transaction, which every GRDB read opens: this one reads on its own.
            // VACUUM INTO fills an empty file: made here as 0600, the copy is private from its first byte.
            errno = 0
            do {
                try Self.createPrivateEmptyFile(at: partial)
                try reader.unsafeRead { db in try db.execute(sql: "VACUUM INTO ?", arguments: [partial]) }
            } catch {
                throw PantauError.backupFailed(path: destination, reason: Self.whyNotWritten(error, folder: folder, errno: errno))
            }
            try NewDatabase.publish(partial, as: destination, exists: .backupExists(path: destination),
                                    failed: { PantauError.backupFailed(path: destination, reason: $0) })
        } catch {
            try? manager.removeItem(atPath: partial)
            throw error
        }
    }

    /// An empty file only its owner may read: SQLite would create the copy with 0644 less the umask, and the umask
    /// is not Pantau's to change (it belongs to the whole process, whose other threads create files meanwhile).
    private static func createPrivateEmptyFile(at path: String) throws {
        let fd = Glibc.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { Glibc.close(fd) }
        guard fchmod(fd, 0o600) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    }

    /// The system's word for why a copy was not written (no space, file too large, no permission), not SQLite's.
    private static func whyNotWritten(_ error: any Error, folder: String, errno cause: Int32) -> String {
        if (error as? DatabaseError)?.resultCode == .SQLITE_FULL { return String(cString: strerror(ENOSPC)) }
        if Glibc.access(folder.isEmpty ? "." : folder, W_OK) != 0 { return String(cString: strerror(EACCES)) }
        if let posix = error as? POSIXError { return String(cString: strerror(posix.code.rawValue)) }
        return String(cString: strerror(cause != 0 ? cause : EIO))
    }
}
