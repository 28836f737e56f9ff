/// A straight-line trend between two yearly values ("at the 2022–2023 trend").
public struct Trend: Sendable, Equatable {
    public var fromYear: Int
    public var fromValue: Int
    public var toYear: Int
    public var toValue: Int

    public init(fromYear: Int, fromValue: Int, toYear: Int, toValue: Int) {
        self.fromYear = fromYear; self.fromValue = fromValue; self.toYear = toYear; self.toValue = toValue
    }

    /// The trend over the last two years of a series, or nil with fewer than two years.
    public init?(lastTwoOf series: [(year: Int, value: Int)]) {
        guard series.count >= 2 else { return nil }
        let a = series[series.count - 2], b = series[series.count - 1]
        self.init(fromYear: a.year, fromValue: a.value, toYear: b.year, toValue: b.value)
    }

    /// Change per year.
    public var perYear: Double { Double(toValue - fromValue) / Double(max(1, toYear - fromYear)) }

    /// Change over the whole span as a ratio of the first value (655 → 325: −0,504).
    public var change: Double? { fromValue == 0 ? nil : Double(toValue - fromValue) / Double(fromValue) }

    /// The value the trend gives for a year.
    public func projected(_ year: Int) -> Double { Double(toValue) + perYear * Double(year - toYear) }

    /// The first year whose projected value is on the other side of `threshold` from the last value,
    /// or nil when the trend never gets there.
    public func crossingYear(of threshold: Int) -> Int? {
        let gap = Double(threshold - toValue)
        guard gap != 0, perYear != 0, (gap > 0) == (perYear > 0) else { return nil }
        let years = gap / perYear
        // Falling to a floor: crossed once strictly below it; rising to a target: reached once at or above it.
        let whole = perYear < 0 && years == years.rounded(.down) ? Int(years) + 1 : Int(years.rounded(.up))
        return toYear + max(1, whole)
    }
}

/// How fast a figure must grow to reach a target by the end of a year.
public struct Pace: Sendable, Equatable {
    public var gap: Int
    public var fromYear: Int
    public var targetYear: Int

    /// Whole months from the end of `fromYear` to the end of `targetYear`.
    public var months: Int { max(1, (targetYear - fromYear) * 12) }
    /// Rounded up, so that keeping this pace does reach the target.
    public var perMonth: Int { (gap + months - 1) / months }
    public var perYear: Int { (gap + (months / 12) - 1) / max(1, months / 12) }
}
