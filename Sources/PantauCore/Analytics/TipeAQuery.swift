extension PantauStore {
    /// How close a kabupaten/kota is to the Tipe A thresholds in a year; nil for other levels or without thresholds.
    public func tipeAReadiness(of region: Region, year: Int) async throws -> TipeAReadiness? {
        try await tipeAReadiness(of: region, year: year, series: nil)
    }

    /// The same, reusing the region's yearly figures when the caller has already read them.
    public func tipeAReadiness(of region: Region, year: Int, series known: [YearFigures]?) async throws -> TipeAReadiness? {
        guard region.level == .kabupaten,
              let koperasiTarget = try await target(.tipeAKoperasiAktif, for: region),
              let umkmTarget = try await target(.tipeAUmkm, for: region) else { return nil }
        let all: [YearFigures]
        if let known { all = known } else { all = try await yearlyFigures(of: region) }
        let series = all.filter { $0.year <= year }
        let current: (Int, Int)
        if let known = series.last(where: { $0.year == year }) {
            current = (known.koperasiActive, known.umkm)
        } else {
            let read = try await figures(of: region, year: year)
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
