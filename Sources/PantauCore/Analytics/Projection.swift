/// Where a yearly figure is heading at its latest trend, and what it takes to reach a target.
public struct Projection: Sendable, Equatable {
    public var trend: Trend
    public var target: Int
    public var targetYear: Int?

    public init(trend: Trend, target: Int, targetYear: Int?) {
        self.trend = trend; self.target = target; self.targetYear = targetYear
    }

    /// The trend's value next year, never below zero.
    public var nextYear: Int { max(0, Int(trend.projected(trend.toYear + 1).rounded())) }

    /// The year the trend crosses the target (up to it when below, down through it when above), or nil: not at this pace.
    public var crossingYear: Int? { trend.crossingYear(of: target) }

    /// How much must be added each month from the end of the last year with data to reach the target by the end of `targetYear`.
    public var pace: Pace? {
        guard let targetYear, target > trend.toValue else { return nil }
        return Pace(gap: target - trend.toValue, fromYear: trend.toYear, targetYear: max(targetYear, trend.toYear + 1))
    }
}

extension Strings {
    /// "at the 2022–2023 trend": the assumption behind every projection, in words.
    public func assumption(_ trend: Trend) -> String {
        t("dengan tren \(trend.fromYear)–\(trend.toYear) (\(NumberFormat.signedInteger(Int(trend.perYear.rounded()))) per tahun)",
          "at the \(trend.fromYear)–\(trend.toYear) trend (\(NumberFormat.signedInteger(Int(trend.perYear.rounded()))) a year)")
    }

    /// When the trend reaches the target, or that it does not at this pace.
    public func crossing(_ projection: Projection) -> String {
        let target = NumberFormat.integer(projection.target)
        guard let year = projection.crossingYear else {
            return t("tidak mencapai \(target) dengan laju ini", "does not reach \(target) at this pace")
        }
        return projection.trend.toValue >= projection.target
            ? t("turun di bawah \(target) pada \(year)", "falls below \(target) in \(year)")
            : t("mencapai \(target) pada \(year)", "reaches \(target) in \(year)")
    }
}
