import Foundation

/// How a store is open.
public enum StoreAccess: Sendable, Equatable {
    case readWrite
    /// Asked for with `--read-only`, or the user may not write.
    case readOnly
    /// Read-only and frozen: a copy that does not see changes by itself (see `reopenedIfFrozen`).
    case snapshot
}

/// Keys of the office's settings.
public enum SettingKey: String, Sendable, CaseIterable {
    case officeRegion = "office_region"
    case officeName = "office_name"
    case demo
    /// "No RAT for N years": N.
    case ratStaleYears = "rat_stale_years"
}

/// What Pantau needs from a place that keeps an office's data: the port every store adapter (an embedded SQLite
/// file, a shared PostgreSQL server) implements over the core's value types. Screens, reports and commands talk
/// to this and nothing else, so they cannot tell the stores apart; a store that waits on a network suspends
/// rather than blocks.
///
/// Writes happen in one transaction each, recorded in the audit trail, or not at all. Refusals are `PantauError`s.
public protocol PantauStore: AnyObject, Sendable {
    /// Where the data is, as the user would name it (never with a password).
    var location: String { get }
    var access: StoreAccess { get }
    /// True when read-only because the user asked (`--read-only`).
    var readOnlyRequested: Bool { get }

    // MARK: regions
    func region(code: String) async throws -> Region?
    func children(of code: String) async throws -> [Region]
    /// A region by name (loosely matched) or code; ambiguity and unknown names are refused with candidates.
    func resolveRegion(_ query: String) async throws -> Region
    /// "Muara Bengkal, Kutai Timur (64.08.03)".
    func label(_ region: Region) async throws -> String

    // MARK: figures
    /// The kept counts inside the scope, summed by the regions `level` names (nil: the scope as a whole): every
    /// figure below in one read.
    func tally(of scope: Region, by level: RegionLevel?) async throws -> Tally
    /// The years with koperasi status records inside the region, oldest first.
    func years(in scope: Region) async throws -> [Int]
    func figures(of scope: Region, year: Int) async throws -> RegionFigures
    /// The figures of the regions one level below the scope.
    func childFigures(of scope: Region, year: Int) async throws -> [RegionFigures]
    /// The scope's figures in every year with data, oldest first.
    func yearlyFigures(of scope: Region) async throws -> [YearFigures]
    /// Every province with its kabupaten/kota (koperasi only).
    func districtFigures(year: Int) async throws -> [ProvinceFigures]
    /// The koperasi registered exactly at `regionCode`.
    func koperasiRows(at regionCode: String, year: Int) async throws -> [KoperasiRow]
    func evaluationProgress(of scope: Region, year: Int) async throws -> EvaluationProgress
    func healthCounts(of scope: Region) async throws -> [Kesehatan: Int]
    /// Koperasi of the scope by the year of their latest RAT (0: none recorded), so any "no RAT for N years" is a sum.
    func latestRATYears(of scope: Region) async throws -> [Int: Int]
    /// The kept counts (`TallyRow`) that differ from the ones recomputed from the records, the first `limit`.
    func keptCountDifferences(limit: Int) async throws -> [TallyDifference]
    /// Writes every kept count again from the records, in one transaction with one audit entry, when any differs;
    /// returns how many differed. On a server only the database's owner may (the counts span every office).
    func recountKeptCounts(who: String) async throws -> Int
    /// The threshold for an indicator in a region: its own, else the one for every kabupaten/kota.
    func target(_ indicator: Indicator, for region: Region) async throws -> Target?
    func targets(of scope: Region) async throws -> [Target]
    func trainingBatches(for scope: Region) async throws -> [Pelatihan]

    // MARK: records and field work
    func koperasiDetail(nik: String) async throws -> KoperasiDetail
    /// The audit trail, oldest first, optionally for one koperasi and from a date (YYYY-MM-DD) on: the first `limit`
    /// entries after the one numbered `afterID`, so that a long trail is read a page at a time.
    func auditLog(nik: String?, since: String?, afterID: Int64, limit: Int) async throws -> [AuditEntry]
    /// A RAT held for a book year makes the koperasi active that year.
    func recordRAT(nik: String, year: Int, heldOn date: String?, note: String, who: String) async throws
    func evaluate(nik: String, outcome: EvaluationOutcome, note: String, who: String) async throws
    func editKoperasi(nik: String, members: Int?, health: Kesehatan?, clearHealth: Bool, note: String, who: String) async throws

    // MARK: settings
    func setting(_ key: SettingKey) async throws -> String?
    /// Changes a setting as a user asks (a region by name or code, a positive number of years), audited.
    func changeSetting(_ key: SettingKey, to text: String, who: String) async throws

    // MARK: exchange
    func importFiles(_ request: ImportRequest, progress: ((ImportProgress) -> Void)?) async throws -> ImportSummary
    /// Streams a table in its canonical columns, in key order (exporting twice gives the same bytes).
    func export(_ kind: ImportKind, scope: Region, year: Int?, to sink: TableSink) async throws

    // MARK: copying between stores
    /// How audit entries copied from this store name it: a file's absolute path, a server's address without a login.
    var copyName: String { get }
    /// Everything kept inside `scope` (the whole country for everything), as rows of the shared tables.
    func copyContents(scope: Region) async throws -> OfficeCopy
    /// Makes this store's records inside the copy's region equal to the copy's in one transaction, all or nothing:
    /// records the copy lacks go, the others are written as the copy has them, missing audit history is added, and
    /// one entry under `who` records the copy itself. Returns what changed (nothing, when both sides agreed).
    func mirror(_ copy: OfficeCopy, who: String) async throws -> CopyPlan

    // MARK: change feed
    /// Changes whenever anyone committed a change; cheap and local, compared about once a second.
    func changeToken() -> String
    /// A fresh store over the changed data when this one is a frozen copy; nil when it sees changes by itself.
    func reopenedIfFrozen() -> (any PantauStore)?
    /// Whether the store can be reached now: a file always can, a server's connection may be lost for a while.
    var isReachable: Bool { get }
    /// From now on, a write that has to wait for another officer's tells `report` once what it waits for (nil: stop).
    func reportWriteWaits(_ report: (@Sendable (WriteHolder) -> Void)?)
}

extension PantauStore {
    public var isReadOnly: Bool { access != .readWrite }
    public var isSnapshot: Bool { access == .snapshot }

    /// True when this database was made from the bundled sample data.
    public func isDemo() async -> Bool { (try? await setting(.demo)) == "1" }

    /// The region of the office this database belongs to, if set.
    public func officeRegion() async throws -> Region? {
        guard let code = try await setting(.officeRegion) else { return nil }
        return try await region(code: code)
    }

    /// How many years without a RAT make a koperasi stand out (default 3).
    public func staleRATYears() async throws -> Int {
        try await setting(.ratStaleYears).flatMap { Int($0) }.map { max(1, $0) } ?? 3
    }
}
