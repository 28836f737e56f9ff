import Foundation
import GRDB
import Synchronization
import PantauCore

extension Store {
    /// SQLite's complaint about a file, turned into the sentence a user can act on. Errors that are not about the
    /// file (a bug, a busy database) pass unchanged. Never shows SQLite's own words.
    static func userError(_ error: any Error, path: String) -> any Error {
        guard let failure = error as? DatabaseError else { return error }
        switch failure.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB, .SQLITE_FORMAT:
            return PantauError.databaseDamaged(path: path)
        case .SQLITE_ERROR where failure.message?.hasPrefix("no such table") == true || failure.message?.hasPrefix("no such column") == true:
            return PantauError.databaseIncomplete(path: path, missing: [])
        case .SQLITE_IOERR, .SQLITE_FULL:
            return PantauError.databaseDiskProblem(path: path)
        case .SQLITE_CANTOPEN, .SQLITE_PERM, .SQLITE_AUTH:
            let denied = Glibc.access(path, R_OK) != 0
            return PantauError.databaseUnreadable(path: path, reason: String(cString: strerror(denied ? EACCES : EIO)))
        case .SQLITE_READONLY:
            return PantauError.noWriteAccess(path: path)
        default:
            return error
        }
    }

    /// Runs `body`, turning SQLite's complaints about the database at `path` into sentences (see `userError`).
    static func mappingDatabaseErrors<T>(_ path: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch { throw userError(error, path: path) }
    }

    func mappingDatabaseErrors<T>(_ body: () throws -> T) throws -> T { try Store.mappingDatabaseErrors(path, body) }

    /// The database this process opened last: the one an escaped SQLite error is about.
    static let lastOpened = Mutex<String?>(nil)
}

/// A SQLite error that escaped a store's own wrappers is about the database this process opened last.
extension DatabaseError: StoreFailure {
    public var explained: PantauError? {
        guard let path = Store.lastOpened.withLock({ $0 }) else { return nil }
        return Store.userError(self, path: path) as? PantauError
    }
}
