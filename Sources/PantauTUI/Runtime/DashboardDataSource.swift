import PantauCore

/// Where the dashboard's figures come from and where its changes go. The runtime calls it from tasks of its own,
/// so it must be Sendable; any store behind the port can be one without the runtime changing.
public protocol DashboardDataSource: Sendable {
    func load(scopeCode: String, year: Int?) async throws -> DashboardData
    func detail(nik: String) async throws -> KoperasiDetail
    /// Writes a change; when it has to wait for another writer, `waiting` is told once who holds the write.
    func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) async throws
    /// Changes whenever any process changed the data; compared once a second while the dashboard is idle.
    func changeToken() -> String
    /// Whether the data is a frozen copy (then a change is seen by reopening it).
    var isSnapshot: Bool { get }
    /// False while the data's server cannot be reached (the last figures stay on screen meanwhile).
    var isReachable: Bool { get }
    /// A fresh source over the changed data when this one is a frozen copy; nil when it sees changes by itself.
    func reopenedIfFrozen() -> (any DashboardDataSource)?
}

extension DashboardLoader: DashboardDataSource {
    public func save(_ change: FieldChange, waiting: @escaping @Sendable (WriteHolder) -> Void) async throws {
        store.reportWriteWaits(waiting)
        defer { store.reportWriteWaits(nil) }
        try await save(change)
    }

    public func changeToken() -> String { store.changeToken() }

    public var isSnapshot: Bool { store.isSnapshot }

    public var isReachable: Bool { store.isReachable }

    public func reopenedIfFrozen() -> (any DashboardDataSource)? {
        store.reopenedIfFrozen().map { DashboardLoader(store: $0) }
    }
}
