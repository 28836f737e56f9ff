import Foundation
import PantauCore
import PostgresNIO
import Synchronization

/// An open dashboard hears every office's changes: a connection of its own listens on `pantau_change` (see the
/// migration "v5 change notices") and counts what it hears; the dashboard compares the count about once a second.
/// A lost connection is made again, and the count moves then too, since changes may have been missed meanwhile.
final class ChangeFeed: Sendable {
    private struct State {
        var heard = 0
        var started = false
        /// Whether a count was handed out, and whether the server listened for us yet: a count handed out before
        /// the server listened may have missed a change, so the first LISTEN moves the count then, and only then.
        var counted = false
        var listened = false
        /// False while the listening connection is lost and being made again.
        var reachable = true
    }

    private let state = Mutex(State())
    private let connector: PostgresConnector

    init(connector: PostgresConnector) { self.connector = connector }

    /// The changes heard so far, as a token to compare; asking starts listening.
    func token() -> String {
        start()
        return state.withLock { state in
            state.counted = true
            return String(state.heard)
        }
    }

    var isReachable: Bool { state.withLock { $0.reachable } }

    /// Whether the server has listened for this store at least once.
    var hasListened: Bool { state.withLock { $0.listened } }

    /// Starts listening unless already listening. A dashboard starts while the store opens, so that the server
    /// usually listens before the first figures are read, and they need not be read twice.
    func start() {
        let first = state.withLock { state in
            defer { state.started = true }
            return !state.started
        }
        guard first else { return }
        Task.detached { [weak self, connector] in
            var pause: Duration = .milliseconds(250)
            while !Task.isCancelled, self != nil {
                var connection: PostgresConnection?
                var lost = false
                do {
                    connection = try await connector.connect()
                    self?.state.withLock { $0.reachable = true }
                    pause = .milliseconds(250)
                    try await connection?.listen(on: "pantau_change") { notices in
                        // The server listens from here on: only what came before may have been missed.
                        self?.listening()
                        for try await _ in notices { self?.state.withLock { $0.heard += 1 } }
                    }
                } catch {
                    lost = true
                }
                // Closed on this side too, also when the server dropped it, before the connection goes.
                try? await connection?.close()
                if lost {
                    self?.state.withLock { $0.reachable = false }
                    try? await Task.sleep(for: pause)
                    pause = min(pause * 2, .seconds(5))
                }
            }
        }
    }

    private func listening() {
        state.withLock { state in
            if state.listened || state.counted { state.heard += 1 }
            state.listened = true
        }
    }
}

extension PostgresStore {
    public func changeToken() -> String { changes.token() }

    public var isReachable: Bool { changes.isReachable }

    /// A server's data is never a frozen copy.
    public func reopenedIfFrozen() -> (any PantauStore)? { nil }

    /// Writers on a server wait for each other's row locks only briefly; nothing to report.
    public func reportWriteWaits(_ report: (@Sendable (WriteHolder) -> Void)?) {}
}
