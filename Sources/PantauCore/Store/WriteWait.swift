import Foundation
import GRDB
import Synchronization

/// What a write waits for while another process holds the database's write lock.
public enum WriteHolder: Sendable, Equatable {
    /// Known from the note an import leaves beside the database (see WriteLockNote).
    case importBy(who: String, started: Date)
    case anotherChange

    init(_ note: WriteLockNote?) {
        self = note.map { .importBy(who: $0.who, started: $0.started) } ?? .anotherChange
    }

    /// One sentence saying what the write waits for, and that it goes on by itself.
    public func waitingMessage(_ lang: Language) -> String {
        let en = lang == .en
        switch self {
        case .importBy(let who, let started):
            let formatter = DateFormatter()
            formatter.dateFormat = "HH:mm"
            let time = formatter.string(from: started)
            return en ? "Waiting for an import by \(who), started \(time), to finish writing; your change follows by itself."
                      : "Menunggu impor oleh \(who), dimulai \(time), selesai menulis; perubahan Anda menyusul dengan sendirinya."
        case .anotherChange:
            return en ? "Waiting for another officer's change to finish writing; your change follows by itself."
                      : "Menunggu perubahan petugas lain selesai ditulis; perubahan Anda menyusul dengan sendirinya."
        }
    }
}

/// Writers wait for each other as long as the other holds the lock (SQLite's busy handler never gives up),
/// and a wait that lasts is reported once, saying what it waits for.
public enum WriteWait {
    struct Watch: Sendable {
        var database: String
        var report: @Sendable (WriteHolder) -> Void
    }

    private struct Episode {
        var start = Date()
        var reported = false
    }

    private static let watch = Mutex<Watch?>(nil)
    private static let episode = Mutex(Episode())

    /// A wait shorter than this goes unsaid: another officer's single change takes milliseconds.
    static let patience: TimeInterval = 0.3

    /// From now on, a write of this process to `database` that has to wait tells `report` once what it waits for.
    public static func report(waitsOn database: String, _ report: @escaping @Sendable (WriteHolder) -> Void) {
        watch.withLock { $0 = Watch(database: database, report: report) }
    }

    /// Waits are no longer reported (they are still waited out).
    public static func stopReporting() {
        watch.withLock { $0 = nil }
    }

    /// What a write would wait for now, if it had to.
    public static func holder(of database: String) -> WriteHolder { WriteHolder(WriteLockNote.current(beside: database)) }

    /// SQLite's busy handler: sleeps a little and tries again, for as long as it takes.
    static let busyCallback: Database.BusyCallback = { tries in
        let now = Date()
        let due: Watch? = episode.withLock { episode in
            if tries == 0 { episode = Episode(start: now) }
            guard !episode.reported, now.timeIntervalSince(episode.start) >= patience else { return nil }
            episode.reported = true
            return watch.withLock { $0 }
        }
        if let due { due.report(holder(of: due.database)) }
        // Quick retries first (another officer's single change), then gently, to spare the processor.
        usleep(tries < 20 ? 2_000 : 25_000)
        return true
    }
}
