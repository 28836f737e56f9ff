/// Where one figure stands against its threshold.
public struct ThresholdProgress: Sendable, Equatable {
    public var value: Int
    public var threshold: Int
    public var source: String
    public var targetYear: Int?

    public var ratio: Double { threshold == 0 ? 1 : Double(value) / Double(threshold) }
    public var gap: Int { max(0, threshold - value) }
    public var met: Bool { value >= threshold }
}

/// How close an office's region is to the Tipe A thresholds in one year, with the pace and the risk.
public struct TipeAReadiness: Sendable, Equatable {
    public var region: Region
    public var year: Int
    public var koperasiActive: ThresholdProgress
    public var umkm: ThresholdProgress
    /// The trend of active koperasi over the last two years with data.
    public var koperasiTrend: Trend?
    public var umkmTrend: Trend?

    public var met: Bool { koperasiActive.met && umkm.met }

    /// UMKM to add to reach the threshold by the target year (the threshold's own year, else next year).
    public var umkmPace: Pace? {
        guard !umkm.met else { return nil }
        let target = max(year + 1, umkm.targetYear ?? year + 1)
        return Pace(gap: umkm.gap, fromYear: year, targetYear: target)
    }

    /// The year the active-koperasi trend falls below the threshold, when it falls there within three years.
    public var downgradeYear: Int? {
        guard let trend = koperasiTrend, trend.perYear < 0 else { return nil }
        if !koperasiActive.met { return year }
        guard let crossing = trend.crossingYear(of: koperasiActive.threshold), crossing <= year + 3 else { return nil }
        return crossing
    }
}
