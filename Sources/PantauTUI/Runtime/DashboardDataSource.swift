import PantauCore

/// Where the dashboard's figures come from and where its changes go. The runtime calls it from threads of its own,
/// so it must be Sendable; the SQLite store is one, a shared server can be another without the runtime changing.
public protocol DashboardDataSource: Sendable {
    func load(scopeCode: String, year: Int?) throws -> DashboardData
    func detail(nik: String) throws -> KoperasiDetail
    /// Writes a change; when it has to wait for another writer, `waiting` is told once who holds the write.
    func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) throws
    /// Changes whenever any process changed the data; compared once a second while the dashboard is idle.
    func changeToken() -> String
    /// Whether the data is a frozen copy (then a change is seen by reopening it).
    var isSnapshot: Bool { get }
    /// A fresh source over the changed data when this one is a frozen copy; nil when it sees changes by itself.
    func reopenedIfFrozen() -> (any DashboardDataSource)?
}

extension DashboardLoader: DashboardDataSource {
    public func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) throws {
        WriteWait.report(waitsOn: store.path, waiting)
        defer { WriteWait.stopReporting() }
        try save(change)
    }

    public func changeToken() -> String { store.changeToken() }

    public var isSnapshot: Bool { store.isSnapshot }

    /// A snapshot is reopened, live if the shared-memory file can be made now.
    public func reopenedIfFrozen() -> (any DashboardDataSource)? {
        guard store.isSnapshot, let reopened = try? Store.open(at: store.path, readOnly: store.readOnlyRequested) else { return nil }
        return DashboardLoader(store: reopened)
    }
}
