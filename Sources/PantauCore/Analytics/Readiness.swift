import GRDB

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

extension Store {
    /// The thresholds for an indicator in a region: its own, else the one for every kabupaten/kota.
    public func target(_ indicator: Indicator, for region: Region) throws -> Target? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT region_code, value, year, source FROM target WHERE indicator = ? AND region_code IN (?, '')
                ORDER BY region_code DESC LIMIT 1
                """, arguments: [indicator.rawValue, region.code]) else { return nil }
            return Target(regionCode: row["region_code"], indicator: indicator, value: row["value"], year: row["year"], source: row["source"])
        }
    }

    /// Tipe A readiness of a kabupaten/kota office, or nil for other levels or when the thresholds are missing.
    public func tipeAReadiness(of region: Region, year: Int) throws -> TipeAReadiness? {
        try tipeAReadiness(of: region, year: year, series: nil)
    }

    /// The same, reusing the region's yearly figures when the caller has already read them.
    public func tipeAReadiness(of region: Region, year: Int, series known: [YearFigures]?) throws -> TipeAReadiness? {
        guard region.level == .kabupaten,
              let koperasiTarget = try target(.tipeAKoperasiAktif, for: region),
              let umkmTarget = try target(.tipeAUmkm, for: region) else { return nil }
        let series = try (known ?? yearlyFigures(of: region)).filter { $0.year <= year }
        let current: (Int, Int)
        if let known = series.last(where: { $0.year == year }) {
            current = (known.koperasiActive, known.umkm)
        } else {
            let read = try figures(of: region, year: year)
            current = (read.koperasiActive, read.umkm)
        }
        return TipeAReadiness(
            region: region, year: year,
            koperasiActive: ThresholdProgress(value: current.0, threshold: koperasiTarget.value,
                                              source: koperasiTarget.source, targetYear: koperasiTarget.year),
            umkm: ThresholdProgress(value: current.1, threshold: umkmTarget.value, source: umkmTarget.source, targetYear: umkmTarget.year),
            koperasiTrend: Trend(lastTwoOf: series.map { ($0.year, $0.koperasiActive) }),
            umkmTrend: Trend(lastTwoOf: series.map { ($0.year, $0.umkm) }))
    }
}
