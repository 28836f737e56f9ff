/// Koperasi and UMKM counts of one region in one year, computed from the records.
public struct RegionFigures: Sendable, Equatable {
    public var region: Region
    public var koperasiTotal: Int
    public var koperasiActive: Int
    public var umkm: Int
    /// Active koperasi the year before, when that year has data.
    public var previousActive: Int?
    /// False when no koperasi here has a recorded status for the year: "active" is then unknown, not zero.
    public var hasStatus: Bool

    public init(region: Region, koperasiTotal: Int, koperasiActive: Int, umkm: Int, previousActive: Int? = nil, hasStatus: Bool = true) {
        self.region = region; self.koperasiTotal = koperasiTotal; self.koperasiActive = koperasiActive
        self.umkm = umkm; self.previousActive = previousActive; self.hasStatus = hasStatus
    }

    public var koperasiInactive: Int { koperasiTotal - koperasiActive }
    public var activeRatio: Double { koperasiTotal == 0 ? 0 : Double(koperasiActive) / Double(koperasiTotal) }
    /// Change of active koperasi from the previous year, as a ratio of that year's figure.
    public var activeChange: Double? {
        guard let previousActive, previousActive > 0 else { return nil }
        return Double(koperasiActive - previousActive) / Double(previousActive)
    }
}

/// Active koperasi of a region in one year, for trend charts.
public struct YearFigures: Sendable, Equatable {
    public var year: Int
    public var koperasiTotal: Int
    public var koperasiActive: Int
    public var umkm: Int

    public init(year: Int, koperasiTotal: Int, koperasiActive: Int, umkm: Int) {
        self.year = year; self.koperasiTotal = koperasiTotal; self.koperasiActive = koperasiActive; self.umkm = umkm
    }
}


/// A province with its kabupaten/kota, for the dashboard's district list.
public struct ProvinceFigures: Sendable, Equatable {
    public var province: RegionFigures
    public var districts: [RegionFigures]

    public init(province: RegionFigures, districts: [RegionFigures]) { self.province = province; self.districts = districts }
}
