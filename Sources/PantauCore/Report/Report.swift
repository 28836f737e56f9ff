import Foundation

/// Everything `pantau report` shows for one scope and year, as plain values.
public struct Report: Sendable {
    public var scope: Region
    /// The scope's label with its code, e.g. "Muara Bengkal, Kutai Timur (64.08.03)".
    public var scopeLabel: String
    public var year: Int
    public var officeName: String?
    public var isDemo: Bool
    /// Rows for a province, district or the country: the regions inside it.
    public var regionRows: [RegionFigures]
    /// Rows for a kecamatan: its koperasi.
    public var koperasiRows: [KoperasiRow]
    public var totals: RegionFigures
    public var tipeA: TipeAReadiness?
    /// Active koperasi of the scope in every year up to this one, for the trend chart.
    public var yearly: [YearFigures]
    public var evaluation: EvaluationProgress

    /// Active koperasi over the last two years up to this one.
    public var trend: Trend? { Trend(lastTwoOf: yearly.map { ($0.year, $0.koperasiActive) }) }
}

extension PantauStore {
    /// Builds the report of `scope` (default: the office's region, else the country) for `year` (default: its latest year).
    /// Every figure comes from one read of the scope's kept counts, by the regions inside it.
    public func report(scope query: String?, year: Int?) async throws -> Report {
        let scope: Region
        if let query { scope = try await resolveRegion(query) } else { scope = try await officeRegion() ?? .indonesia }
        let counts = try await tally(of: scope, by: scope.level.childLevel)
        let total = counts.total
        let years = total.statusYears
        let label = try await self.label(scope)
        guard let chosenYear = year ?? years.last else { throw PantauError.noData(scope: label) }
        if let year, !years.contains(year) {
            throw PantauError.yearWithoutData(year: year, scope: label, available: years)
        }
        let allYears = total.yearlyFigures()
        return Report(
            scope: scope, scopeLabel: label, year: chosenYear, officeName: try await setting(.officeName), isDemo: await isDemo(),
            regionRows: scope.level == .kecamatan ? [] : counts.childFigures(of: scope, children: try await children(of: scope.code), year: chosenYear),
            koperasiRows: scope.level == .kecamatan ? try await koperasiRows(at: scope.code, year: chosenYear) : [],
            totals: total.figures(of: scope, year: chosenYear),
            tipeA: try await tipeAReadiness(of: scope, year: chosenYear, series: allYears),
            yearly: allYears.filter { $0.year <= chosenYear },
            evaluation: total.evaluationProgress(year: chosenYear))
    }
}
