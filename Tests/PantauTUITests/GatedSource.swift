import Foundation
import PantauCore
@testable import PantauTUI

/// A gate a load waits at until the test opens it: it holds back timing, never the data. The load suspends there,
/// so a held load occupies no thread.
final class LoadGate: @unchecked Sendable {
    private let lock = NSLock()
    private var isOpen = false
    private var waiting: [CheckedContinuation<Void, Never>] = []

    func open() {
        let released = lock.withLock {
            isOpen = true
            defer { waiting = [] }
            return waiting
        }
        for continuation in released { continuation.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let passes = lock.withLock {
                if !isOpen { waiting.append(continuation) }
                return isOpen
            }
            if passes { continuation.resume() }
        }
    }
}

/// The real loader, with the loads `holds` picks waiting at a gate first; it notes each load that has returned.
struct GatedSource: DashboardDataSource {
    let loader: DashboardLoader
    let holds: @Sendable (_ scope: String, _ year: Int?) -> LoadGate?
    let finished = FinishedLoads()

    func load(scopeCode: String, year: Int?) async throws -> DashboardData {
        await holds(scopeCode, year)?.wait()
        defer { finished.note(scopeCode) }
        return try await loader.load(scopeCode: scopeCode, year: year)
    }

    func detail(nik: String) async throws -> KoperasiDetail { try await loader.detail(nik: nik) }
    func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) async throws { try await loader.save(change, waiting: waiting) }
    func changeToken() -> String { loader.changeToken() }
    var isSnapshot: Bool { loader.isSnapshot }
    /// The server's link as the test sets it.
    var link = Link()
    var isReachable: Bool { link.isUp }
    func reopenedIfFrozen() -> (any DashboardDataSource)? { nil }
}

/// Whether the data's server can be reached, switched by the test.
final class Link: @unchecked Sendable {
    private let lock = NSLock()
    private var up = true
    var isUp: Bool {
        get { lock.withLock { up } }
        set { lock.withLock { up = newValue } }
    }
}

/// The scopes whose loads have returned, in order, shared between load threads and the test.
final class FinishedLoads: @unchecked Sendable {
    private let lock = NSLock()
    private var scopes: [String] = []

    func note(_ scope: String) { lock.withLock { scopes.append(scope) } }
    var all: [String] { lock.withLock { scopes } }
}

/// A clock the test moves by hand.
final class ManualClock: RuntimeClock {
    private var current = Duration.zero
    func now() -> Duration { current }
    func advance(by step: Duration) { current += step }
}
