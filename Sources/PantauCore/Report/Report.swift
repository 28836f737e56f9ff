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

extension Store {
    /// Builds the report of `scope` (default: the office's region, else the country) for `year` (default: its latest year).
    public func report(scope query: String?, year: Int?) throws -> Report {
        let scope: Region
        if let query { scope = try resolveRegion(query) } else { scope = try officeRegion() ?? .indonesia }
        let years = try self.years(in: scope)
        let label = try self.label(scope)
        guard let chosenYear = year ?? years.last else { throw PantauError.noData(scope: label) }
        if let year, !years.contains(year) {
            throw PantauError.yearWithoutData(year: year, scope: label, available: years)
        }
        let totals = try figures(of: scope, year: chosenYear)
        let allYears = try yearlyFigures(of: scope)
        let series = allYears.filter { $0.year <= chosenYear }
        return Report(
            scope: scope, scopeLabel: label, year: chosenYear, officeName: try setting(.officeName), isDemo: isDemo,
            regionRows: scope.level == .kecamatan ? [] : try childFigures(of: scope, year: chosenYear),
            koperasiRows: scope.level == .kecamatan ? try koperasiRows(at: scope.code, year: chosenYear) : [],
            totals: totals,
            tipeA: try tipeAReadiness(of: scope, year: chosenYear, series: allYears),
            yearly: series,
            evaluation: try evaluationProgress(of: scope, year: chosenYear))
    }

    /// The region of the office this database belongs to, if set.
    public func officeRegion() throws -> Region? {
        guard let code = try setting(.officeRegion) else { return nil }
        return try region(code: code)
    }
}
