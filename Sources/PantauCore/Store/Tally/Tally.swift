/// The counts both stores keep beside the records, so that a screen's figures cost the same for one kecamatan and for
/// the whole country. Each kept row says how many records of one measure a place has in one year; the store updates
/// them in the same transaction as every change to the records (by triggers, so no write path can forget), and
/// `pantau check` recomputes them from the records. The records stay the truth: the counts are a checked cache.
///
/// A place is the code a record is registered at: a kecamatan, or a kabupaten or province for records placed
/// without one. No count is kept above a place: kabupaten, province and national figures are sums at read time,
/// so no write touches a row shared with other offices, and an editor's rights on a server cover the counts of
/// their own region.
public struct TallyRow: Sendable, Hashable {
    /// The place, or the code of the region the place was summed into (`TallyQueries.read`).
    public var place: String
    public var measure: String
    public var year: Int
    public var n: Int

    public init(place: String, measure: String, year: Int, n: Int) {
        self.place = place; self.measure = measure; self.year = year; self.n = n
    }
}

/// What a kept row counts. Years that do not apply are 0.
public enum TallyMeasure {
    /// Koperasi by the year they were founded (0: not known), so the total of a year is a sum up to it.
    public static let koperasi = "koperasi"
    /// Koperasi with a recorded status in the year, among those founded by then; `active` those active.
    public static let known = "known"
    public static let active = "active"
    /// Inactive koperasi in the year by their latest evaluation outcome: `inactive:dibina`; `inactive:` not evaluated.
    public static let inactivePrefix = "inactive:"
    /// Koperasi by the year of their latest RAT (0: none recorded): the RAT freshness histogram.
    public static let latestRAT = "rat"
    /// Koperasi by health grade: `health:sehat`.
    public static let healthPrefix = "health:"
    /// UMKM by the year their guidance began, so the number guided by a year is a sum up to it.
    public static let umkm = "umkm"
}

/// A kept count that differs from the one recomputed from the records.
public struct TallyDifference: Sendable, Equatable, CustomStringConvertible {
    public var place: String
    public var measure: String
    public var year: Int
    public var kept: Int
    public var recomputed: Int

    public init(place: String, measure: String, year: Int, kept: Int, recomputed: Int) {
        self.place = place; self.measure = measure; self.year = year; self.kept = kept; self.recomputed = recomputed
    }

    public var description: String { "\(place) \(measure) \(year): kept \(kept), recomputed \(recomputed)" }
}

/// The counts of one region (summed over its places), by measure and year.
public struct TallyCounts: Sendable, Equatable {
    private var byMeasure: [String: [Int: Int]] = [:]

    public init() {}

    public mutating func add(_ row: TallyRow) {
        byMeasure[row.measure, default: [:]][row.year, default: 0] += row.n
    }

    func count(_ measure: String, in year: Int) -> Int { byMeasure[measure]?[year] ?? 0 }

    /// The sum over every year up to `year`, the unknown year (0) included.
    func count(_ measure: String, upTo year: Int) -> Int {
        (byMeasure[measure] ?? [:]).reduce(0) { $0 + ($1.key <= year ? $1.value : 0) }
    }

    private func measures(withPrefix prefix: String) -> [(suffix: String, years: [Int: Int])] {
        byMeasure.compactMap { key, years in key.hasPrefix(prefix) ? (String(key.dropFirst(prefix.count)), years) : nil }
    }

    /// The years with a recorded status, oldest first.
    public var statusYears: [Int] {
        var years = Set((byMeasure[TallyMeasure.known] ?? [:]).filter { $0.value > 0 }.keys)
        for (_, byYear) in measures(withPrefix: TallyMeasure.inactivePrefix) { years.formUnion(byYear.filter { $0.value > 0 }.keys) }
        return years.sorted()
    }

    public func figures(of region: Region, year: Int) -> RegionFigures {
        let previousKnown = count(TallyMeasure.known, in: year - 1) > 0
        return RegionFigures(region: region, koperasiTotal: count(TallyMeasure.koperasi, upTo: year),
                             koperasiActive: count(TallyMeasure.active, in: year), umkm: count(TallyMeasure.umkm, upTo: year),
                             previousActive: previousKnown ? count(TallyMeasure.active, in: year - 1) : nil,
                             hasStatus: count(TallyMeasure.known, in: year) > 0)
    }

    public func yearlyFigures() -> [YearFigures] {
        statusYears.map { year in
            YearFigures(year: year, koperasiTotal: count(TallyMeasure.koperasi, upTo: year), koperasiActive: count(TallyMeasure.active, in: year),
                        umkm: count(TallyMeasure.umkm, upTo: year))
        }
    }

    public func evaluationProgress(year: Int) -> EvaluationProgress {
        var progress = EvaluationProgress(inactive: 0, evaluated: 0, byOutcome: [:])
        for (suffix, byYear) in measures(withPrefix: TallyMeasure.inactivePrefix) {
            let n = byYear[year] ?? 0
            guard n > 0 else { continue }
            progress.inactive += n
            if let outcome = EvaluationOutcome(rawValue: suffix) {
                progress.evaluated += n
                progress.byOutcome[outcome, default: 0] += n
            }
        }
        return progress
    }

    public var healthCounts: [Kesehatan: Int] {
        var counts: [Kesehatan: Int] = [:]
        for (suffix, byYear) in measures(withPrefix: TallyMeasure.healthPrefix) {
            if let grade = Kesehatan(rawValue: suffix), let n = byYear[0], n > 0 { counts[grade] = n }
        }
        return counts
    }

    /// Koperasi by the year of their latest RAT (0: none recorded).
    public var latestRAT: [Int: Int] { (byMeasure[TallyMeasure.latestRAT] ?? [:]).filter { $0.value > 0 } }
}

/// Kept rows summed by region: the scope's own total, or its child regions (`TallyQueries.read` sums them).
public struct Tally: Sendable {
    public private(set) var byRegion: [String: TallyCounts] = [:]

    public init(_ rows: [TallyRow]) {
        for row in rows { byRegion[row.place, default: TallyCounts()].add(row) }
    }

    /// Everything summed together.
    public var total: TallyCounts {
        var all = TallyCounts()
        for counts in byRegion.values { all.merge(counts) }
        return all
    }

    public subscript(code: String) -> TallyCounts { byRegion[code] ?? TallyCounts() }

    /// The codes of the provinces the counts fall in.
    public var provinceCodes: Set<String> { Set(byRegion.keys.map { String($0.prefix(2)) }) }

    /// Counts summed by a wider region: a country's counts by kabupaten/kota summed by province. A code narrower
    /// than the level (records placed on a province itself) stays as it is.
    public func regrouped(by level: RegionLevel) -> Tally {
        var result = Tally([])
        let width = TallyQueries.codeWidth(level)
        for (code, counts) in byRegion { result.byRegion[String(code.prefix(width)), default: TallyCounts()].merge(counts) }
        return result
    }

    /// Only the counts inside `code`: a province's kabupaten/kota out of the country's.
    public func inside(_ code: String) -> Tally {
        var result = Tally([])
        result.byRegion = byRegion.filter { $0.key == code || $0.key.hasPrefix(code + ".") }
        return result
    }

    /// The figures of each child region in a year, in the order given, then the records placed on the scope itself
    /// (on a kabupaten without a kecamatan) as a row of their own, so that rows always add up to the total.
    public func childFigures(of scope: Region, children: [Region], year: Int) -> [RegionFigures] {
        var result = children.map { self[$0.code].figures(of: $0, year: year) }
        if let own = byRegion[scope.code] {
            let unplaced = Region(code: scope.code, name: scope.level == .kabupaten ? "(kecamatan tidak diketahui)" : "(tidak diketahui)",
                                  level: scope.level)
            result.append(own.figures(of: unplaced, year: year))
        }
        return result
    }
}

extension Tally {
    /// Every province with koperasi by `year`, with its kabupaten/kota, from counts summed by kabupaten/kota (records
    /// placed on a province without one count for the province only). `regions` gives a province and its districts.
    public func districtFigures(year: Int, regions: (String) throws -> (province: Region, districts: [Region])?) rethrows -> [ProvinceFigures] {
        let withKoperasi = byRegion.filter { $0.value.count(TallyMeasure.koperasi, upTo: year) > 0 }.keys
        return try Set(withKoperasi.map { String($0.prefix(2)) }).sorted().compactMap { code in
            guard let (province, districts) = try regions(code) else { return nil }
            var all = self[code]
            for district in districts { all.merge(self[district.code]) }
            return ProvinceFigures(province: all.figures(of: province, year: year),
                                   districts: districts.map { self[$0.code].figures(of: $0, year: year) })
        }
    }
}

extension TallyCounts {
    mutating func merge(_ other: TallyCounts) {
        for (measure, years) in other.byMeasure {
            for (year, n) in years { byMeasure[measure, default: [:]][year, default: 0] += n }
        }
    }
}
