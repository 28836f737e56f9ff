import PantauCore

/// Everything one frame of the dashboard shows, loaded from the core for one scope and year.
public struct DashboardData: Sendable, Equatable {
    /// The region whose parts fill the main table.
    public var scope: Region
    public var scopeName: String
    public var year: Int
    /// The years with data in the scope, oldest first.
    public var years: [Int]
    public var districts: [ProvinceFigures]
    public var scopeFigures: RegionFigures
    /// The regions inside the scope (empty for a kecamatan).
    public var children: [RegionFigures]
    /// The koperasi of a kecamatan scope.
    public var koperasi: [KoperasiRow]
    /// The regions compared in the ratio chart: the scope's parts, or a kecamatan's siblings.
    public var ratioRegions: [RegionFigures]
    public var yearly: [YearFigures]
    public var tipeA: TipeAReadiness?
    /// The year asked for had no data, so the loader chose this scope's latest year instead.
    public var yearWasAdjusted: Bool
    /// Evaluation of the scope's inactive koperasi in the year.
    public var evaluation: EvaluationProgress
    /// "No RAT for N years" uses this N (setting `rat_stale_years`, default 3).
    public var staleRATYears: Int

    public init(scope: Region, scopeName: String, year: Int, years: [Int], districts: [ProvinceFigures], scopeFigures: RegionFigures,
                children: [RegionFigures], koperasi: [KoperasiRow], ratioRegions: [RegionFigures], yearly: [YearFigures],
                tipeA: TipeAReadiness?, yearWasAdjusted: Bool, evaluation: EvaluationProgress, staleRATYears: Int) {
        self.scope = scope; self.scopeName = scopeName; self.year = year; self.years = years; self.districts = districts
        self.scopeFigures = scopeFigures; self.children = children; self.koperasi = koperasi; self.ratioRegions = ratioRegions
        self.yearly = yearly; self.tipeA = tipeA; self.yearWasAdjusted = yearWasAdjusted
        self.evaluation = evaluation; self.staleRATYears = staleRATYears
    }
}

/// Asks the core for a scope's figures. No SQL here: only the core's value-returning queries.
public struct DashboardLoader: Sendable {
    public let store: any PantauStore
    private let counts = TallyCache()

    public init(store: any PantauStore) { self.store = store }

    public func load(scopeCode: String, year requested: Int?) async throws -> DashboardData {
        guard let scope = try await store.region(code: scopeCode) else {
            throw PantauError.regionNotFound(query: scopeCode, suggestions: [])
        }
        // The kept counts give the scope's figures, its parts, its years and its evaluation progress. The country's
        // counts by kabupaten/kota (read once per change) also serve the district list, the country and a province.
        let national = try await self.counts.tally(of: .indonesia, by: .kabupaten, from: store)
        let counts: Tally
        switch scope.level {
        case .nasional: counts = national.regrouped(by: .provinsi)
        case .provinsi: counts = national.inside(scope.code)
        case .kabupaten, .kecamatan: counts = try await self.counts.tally(of: scope, by: scope.level.childLevel, from: store)
        }
        let total = counts.total
        let years = total.statusYears
        var latest = years.last
        if latest == nil { latest = try await store.years(in: .indonesia).last }
        guard let latest else { throw PantauError.noData(scope: try await store.label(scope)) }
        var year = requested ?? latest
        var adjusted = false
        if !years.isEmpty && !years.contains(year) {
            adjusted = requested != nil
            year = years.last { $0 <= year } ?? latest
        }
        let figures = total.figures(of: scope, year: year)
        let children = scope.level == .kecamatan ? [] : counts.childFigures(of: scope, children: try await store.children(of: scope.code), year: year)
        var ratioRegions = children
        if scope.level == .kecamatan, let parentCode = scope.parentCode, let parent = try await store.region(code: parentCode) {
            ratioRegions = try await self.counts.tally(of: parent, by: .kecamatan, from: store)
                .childFigures(of: parent, children: try await store.children(of: parent.code), year: year)
        }
        let yearly = total.yearlyFigures()
        let district = try await tipeARegion(for: scope)
        var tipeA: TipeAReadiness?
        if let district { tipeA = try await store.tipeAReadiness(of: district, year: year, series: national[district.code].yearlyFigures()) }
        return DashboardData(
            scope: scope, scopeName: scope.level == .kecamatan ? try await kecamatanName(scope) : scope.name, year: year, years: years,
            districts: try await self.counts.districtFigures(national, year: year, from: store), scopeFigures: figures, children: children,
            koperasi: scope.level == .kecamatan ? try await store.koperasiRows(at: scope.code, year: year) : [],
            ratioRegions: ratioRegions.filter { $0.region.level == (scope.level == .kecamatan ? .kecamatan : scope.level.childLevel) },
            yearly: yearly,
            tipeA: tipeA,
            yearWasAdjusted: adjusted,
            evaluation: total.evaluationProgress(year: year),
            staleRATYears: try await store.staleRATYears())
    }

    public func detail(nik: String) async throws -> KoperasiDetail { try await store.koperasiDetail(nik: nik) }

    /// Writes a change asked for in the dashboard.
    public func save(_ change: FieldChange) async throws {
        switch change {
        case .rat(let nik, let year, let date, let note): try await store.recordRAT(nik: nik, year: year, heldOn: date, note: note, who: Operator.current)
        case .evaluation(let nik, let outcome, let note): try await store.evaluate(nik: nik, outcome: outcome, note: note, who: Operator.current)
        case .edit(let nik, let members, let health, let clear): try await store.editKoperasi(nik: nik, members: members, health: health, clearHealth: clear, note: "", who: Operator.current)
        }
    }

    /// The kabupaten whose Tipe A readiness fits the scope: the scope's own, else the office's.
    private func tipeARegion(for scope: Region) async throws -> Region? {
        let h = Region.hierarchy(of: scope.code)
        if let kab = h.kabupaten { return try await store.region(code: kab) }
        return try await store.officeRegion().flatMap { $0.level == .kabupaten ? $0 : nil }
    }

    private func kecamatanName(_ region: Region) async throws -> String {
        guard let parentCode = region.parentCode, let parent = try await store.region(code: parentCode) else { return region.name }
        return region.name + ", " + parent.shortName
    }
}
