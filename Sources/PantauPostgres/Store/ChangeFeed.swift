import Foundation
import PantauCore
import PostgresNIO

/// An open dashboard hears every office's changes: a connection of its own listens on `pantau_change` (see the
/// migration "v5 change notices") and counts what it hears; the dashboard compares the count about once a second.
/// A lost connection is made again, and the count moves then too, since changes may have been missed meanwhile.
extension PostgresStore {
    public func changeToken() -> String {
        startListening()
        return String(changesHeard.withLock { $0 })
    }

    public var isReachable: Bool { reachable.withLock { $0 } }

    /// A server's data is never a frozen copy.
    public func reopenedIfFrozen() -> (any PantauStore)? { nil }

    /// Writers on a server wait for each other's row locks only briefly; nothing to report.
    public func reportWriteWaits(_ report: (@Sendable (WriteHolder) -> Void)?) {}

    private func startListening() {
        let start = listener.withLock { running in
            defer { running = true }
            return !running
        }
        guard start else { return }
        Task.detached { [weak self] in
            var pause: Duration = .milliseconds(250)
            while !Task.isCancelled, let connector = self?.connector {
                var connection: PostgresConnection?
                var lost = false
                do {
                    connection = try await connector.connect()
                    self?.reachable.withLock { $0 = true }
                    pause = .milliseconds(250)
                    self?.changesHeard.withLock { $0 += 1 }
                    try await connection?.listen(on: "pantau_change") { notices in
                        for try await _ in notices { self?.changesHeard.withLock { $0 += 1 } }
                    }
                } catch {
                    lost = true
                }
                // Closed on this side too, also when the server dropped it, before the connection goes.
                try? await connection?.close()
                if lost {
                    self?.reachable.withLock { $0 = false }
                    try? await Task.sleep(for: pause)
                    pause = min(pause * 2, .seconds(5))
                }
            }
        }
    }
}
