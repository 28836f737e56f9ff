import Foundation
import GRDB
import Synchronization
import PantauCore

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
