import Foundation
import PantauCore

/// A small note beside the database saying who holds its write lock for a long change (an import), so that an officer
/// whose write waits can be told what for. SQLite's own lock is what keeps writers apart: the note only informs, and a
/// note left by a process that is gone (killed) is ignored.
public struct WriteLockNote: Codable, Sendable, Equatable {
    public var who: String
    public var started: Date
    public var pid: Int32

    public init(who: String, started: Date, pid: Int32 = getpid()) {
        self.who = who
        self.started = started
        self.pid = pid
    }

    /// `pantau.db-writer` beside `pantau.db`.
    public static func path(beside database: String) -> String { database + "-writer" }

    /// The note of a live writer, if there is one.
    public static func current(beside database: String) -> WriteLockNote? {
        guard let data = read(path(beside: database)),
              let note = try? JSONDecoder().decode(WriteLockNote.self, from: data), note.isAlive else { return nil }
        return note
    }

    /// The note's bytes: a regular file, not followed through a link, and small (a note is under 200 bytes).
    private static func read(_ notePath: String) -> Data? {
        let fd = open(notePath, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = Glibc.read(fd, &buffer, buffer.count)
        return count > 0 ? Data(buffer[..<count]) : nil
    }

    /// False once the process that wrote the note has ended (a process of another account is taken as alive).
    var isAlive: Bool { kill(pid, 0) == 0 || errno == EPERM }

    /// Writes the note with the database's own mode and group; a note that cannot be written is left out.
    func write(beside database: String) {
        let notePath = Self.path(beside: database)
        var info = stat()
        guard stat(database, &info) == 0, let data = try? JSONEncoder().encode(self) else { return }
        let mode = info.st_mode & 0o777
        // Always a new file of our own: an old note (another account's, or a link planted in a shared folder) is
        // replaced, never written through.
        unlink(notePath)
        let fd = open(notePath, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard fd >= 0 else { return }
        defer { close(fd) }
        _ = fchown(fd, uid_t.max, info.st_gid)
        _ = fchmod(fd, mode)
        _ = data.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
    }

    /// Removes the note if it is still this one (a later writer may have replaced it).
    func remove(beside database: String) {
        let notePath = Self.path(beside: database)
        guard let data = Self.read(notePath), (try? JSONDecoder().decode(WriteLockNote.self, from: data)) == self else { return }
        unlink(notePath)
    }
}

extension WriteHolder {
    init(_ note: WriteLockNote?) {
        self = note.map { .importBy(who: $0.who, started: $0.started) } ?? .anotherChange
    }
}
