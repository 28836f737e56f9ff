import Foundation
import PantauCore

/// Builds a new database beside its final path and renames it into place only when complete, so that the final path
/// holds either nothing or the whole database, whenever the process is killed.
enum NewDatabase {
    /// `.NAME.pantau-init-PID` beside the target: hidden, says what it is, and which process is writing it.
    static func temporaryPath(for target: String, pid: pid_t = getpid()) -> String {
        let url = URL(fileURLWithPath: target)
        return url.deletingLastPathComponent().appendingPathComponent(leftoverPrefix(target) + String(pid)).path
    }

    private static func leftoverPrefix(_ target: String) -> String {
        "." + URL(fileURLWithPath: target).lastPathComponent + ".pantau-init-"
    }

    /// Runs `build` on a temporary file, folds its WAL in, and moves it to `target`. Never overwrites.
    /// `build` makes the temporary file itself, private (or for the group too, when `shared`) before SQLite opens
    /// it; SQLite creates the -wal, -shm and -journal files with that file's mode, so they are as private. (The
    /// umask is never changed: it belongs to the whole process, and other threads create files meanwhile.)
    static func create(at target: String, shared: Bool, build: (String) throws -> Store) throws {
        if FileManager.default.fileExists(atPath: target) { throw PantauError.databaseExists(path: target) }
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent().path
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        removeLeftovers(of: target)
        let temporary = temporaryPath(for: target)
        Store.removeDatabaseFiles(at: temporary)
        do {
            try build(temporary).close()
            // The WAL must be in the file before the file is all that moves.
            if let size = try? FileManager.default.attributesOfItem(atPath: temporary + "-wal")[.size] as? Int, size > 0 {
                throw PantauError.databaseDiskProblem(path: target)
            }
            try publish(temporary, as: target, failed: { PantauError.databaseUnreadable(path: target, reason: $0) })
            // An empty -wal and the -shm can outlive the close (a reader connection that looked a region up): they
            // belong to the temporary name, which no longer exists.
            Store.removeDatabaseFiles(at: temporary)
        } catch {
            Store.removeDatabaseFiles(at: temporary)
            throw error
        }
        syncDirectory(directory)
    }

    /// Removes what a killed `init` left behind: temporary files of this target (and their -wal, -shm, -journal)
    /// whose process is gone.
    static func removeLeftovers(of target: String) {
        let directory = URL(fileURLWithPath: target).deletingLastPathComponent()
        let prefix = leftoverPrefix(target)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        for name in names where name.hasPrefix(prefix) {
            guard let pid = pid_t(name.dropFirst(prefix.count).prefix { $0.isNumber }), kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? FileManager.default.removeItem(at: directory.appendingPathComponent(name))
        }
    }

    /// Gives a finished file its name. A hard link cannot replace a file that appeared meanwhile (rename would);
    /// where links are not allowed, rename. `exists` is thrown when the name is taken, `failed` with the system's reason.
    static func publish(_ temporary: String, as target: String, exists: PantauError? = nil,
                        failed: (String) -> PantauError = { PantauError.databaseUnreadable(path: "", reason: $0) }) throws {
        let taken = exists ?? PantauError.databaseExists(path: target)
        if link(temporary, target) == 0 {
            unlink(temporary)
            return
        }
        if errno == EEXIST || FileManager.default.fileExists(atPath: target) { throw taken }
        guard rename(temporary, target) == 0 else { throw failed(String(cString: strerror(errno))) }
    }

    /// Makes the new name itself durable.
    private static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        fsync(fd)
        close(fd)
    }
}
