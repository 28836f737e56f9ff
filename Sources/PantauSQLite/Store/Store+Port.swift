import PantauCore

/// The SQLite file is one of Pantau's stores. Its queries are quick local reads, so they answer synchronously.
extension Store: PantauStore {
    public var location: String { path }
    public var isReachable: Bool { true }

    /// A snapshot is reopened, live if the shared-memory file can be made now.
    public func reopenedIfFrozen() -> (any PantauStore)? {
        guard isSnapshot else { return nil }
        return try? Store.open(at: path, readOnly: readOnlyRequested)
    }

    public func reportWriteWaits(_ report: (@Sendable (WriteHolder) -> Void)?) {
        if let report { WriteWait.report(waitsOn: path, report) } else { WriteWait.stopReporting() }
    }
}
