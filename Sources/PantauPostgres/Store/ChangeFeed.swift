import PantauCore
import PostgresNIO

extension PostgresStore {
    public func changeToken() -> String { String(changesHeard.withLock { $0 }) }

    /// A server's data is never a frozen copy.
    public func reopenedIfFrozen() -> (any PantauStore)? { nil }

    /// Writers on a server wait for each other's row locks briefly; nothing to report.
    public func reportWriteWaits(_ report: (@Sendable (WriteHolder) -> Void)?) {}
}
