import Foundation
import PantauCore
@testable import PantauTUI

/// A gate a load thread waits at until the test opens it: it holds back timing, never the data.
final class LoadGate: @unchecked Sendable {
    private let condition = NSCondition()
    private var isOpen = false

    func open() {
        condition.withLock {
            isOpen = true
            condition.broadcast()
        }
    }

    func wait() {
        condition.withLock {
            while !isOpen { condition.wait() }
        }
    }
}

/// The real loader, with the loads `holds` picks waiting at a gate first; it notes each load that has returned.
struct GatedSource: DashboardDataSource {
    let loader: DashboardLoader
    let holds: @Sendable (_ scope: String, _ year: Int?) -> LoadGate?
    let finished = FinishedLoads()

    func load(scopeCode: String, year: Int?) throws -> DashboardData {
        holds(scopeCode, year)?.wait()
        defer { finished.note(scopeCode) }
        return try loader.load(scopeCode: scopeCode, year: year)
    }

    func detail(nik: String) throws -> KoperasiDetail { try loader.detail(nik: nik) }
    func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) throws { try loader.save(change, waiting: waiting) }
    func changeToken() -> String { loader.changeToken() }
    var isSnapshot: Bool { loader.isSnapshot }
    func reopenedIfFrozen() -> (any DashboardDataSource)? { nil }
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
