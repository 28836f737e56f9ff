import GRDB
import PantauCore

/// Every figure comes from the kept counts (`TallyRow`): a few thousand rows at most, whatever the number of records.
extension Store {
    /// The kept counts inside the scope, summed by the region `level` names (nil: the scope as a whole).
    /// Sums wider than a kabupaten/kota are read by kabupaten/kota (in the order of the index `tally_district`, where
    /// grouping needs no sort) and summed here.
    static func tally(_ db: Database, scope: Region, by level: RegionLevel? = nil) throws -> Tally {
        let wanted = level ?? scope.level
        let readBy = TallyQueries.codeWidth(wanted) < TallyQueries.codeWidth(.kabupaten) ? RegionLevel.kabupaten : wanted
        // Columns by position: tens of thousands of rows, where a lookup by name would cost more than the read.
        let rows = try Row.fetchCursor(db.cachedStatement(sql: TallyQueries.read(scope: scope, by: readBy, p1: "?", p2: "?")),
                                       arguments: scope.code.isEmpty ? [] : [scope.code, TallyQueries.upperBound(of: scope.code)])
        var kept: [TallyRow] = []
        while let row = try rows.next() { kept.append(TallyRow(place: row[0], measure: row[1], year: row[2], n: row[3])) }
        let read = Tally(kept)
        return readBy == wanted ? read : read.regrouped(by: wanted)
    }

    public func tally(of scope: Region, by level: RegionLevel? = nil) throws -> Tally {
        try read { db in try Self.tally(db, scope: scope, by: level) }
    }

    /// The years with koperasi status records inside the region, oldest first.
    public func years(in scope: Region) throws -> [Int] {
        try read { db in try Self.tally(db, scope: scope).total.statusYears }
    }

    /// The scope's figures in one year.
    public func figures(of scope: Region, year: Int) throws -> RegionFigures {
        try read { db in try Self.tally(db, scope: scope).total.figures(of: scope, year: year) }
    }

    /// The figures of each region directly inside the scope (provinces, kabupaten/kota or kecamatan) in one year.
    /// Records placed on a kabupaten without a kecamatan form a row of their own, so rows always add up to the total.
    public func childFigures(of scope: Region, year: Int) throws -> [RegionFigures] {
        guard let childLevel = scope.level.childLevel else { return [] }
        return try read { db in
            try Self.tally(db, scope: scope, by: childLevel).childFigures(of: scope, children: try Self.fetchChildren(db, of: scope.code), year: year)
        }
    }

    /// Total and active koperasi and UMKM of the scope for every year with data, oldest first.
    public func yearlyFigures(of scope: Region) throws -> [YearFigures] {
        try read { db in try Self.tally(db, scope: scope).total.yearlyFigures() }
    }

    /// Every province that has koperasi, with its kabupaten/kota.
    public func districtFigures(year: Int) throws -> [ProvinceFigures] {
        try read { db in
            try Self.tally(db, scope: .indonesia, by: .kabupaten).districtFigures(year: year) { code in
                try Self.fetchRegion(db, code: code).map { ($0, try Self.fetchChildren(db, of: code)) }
            }
        }
    }

    /// The inactive koperasi of the scope in a year, how many have been evaluated, and the latest outcome of each.
    public func evaluationProgress(of scope: Region, year: Int) throws -> EvaluationProgress {
        try read { db in try Self.tally(db, scope: scope).total.evaluationProgress(year: year) }
    }

    /// Koperasi of the scope by health grade.
    public func healthCounts(of scope: Region) throws -> [Kesehatan: Int] {
        try read { db in try Self.tally(db, scope: scope).total.healthCounts }
    }

    /// Koperasi of the scope by the year of their latest RAT (0: none recorded).
    public func latestRATYears(of scope: Region) throws -> [Int: Int] {
        try read { db in try Self.tally(db, scope: scope).total.latestRAT }
    }

    /// The kept counts that differ from the ones recomputed from the records (none, when all is well).
    public func keptCountDifferences(limit: Int = 100) throws -> [TallyDifference] {
        try read { db in try Self.keptCountDifferences(db, limit: limit) }
    }

    public func recountKeptCounts(who: String = Operator.current) throws -> Int {
        try write { db in
            let differing = try Int.fetchOne(db, sql: TallyQueries.differenceCount) ?? 0
            guard differing > 0 else { return 0 }
            try db.execute(sql: "DELETE FROM tally")
            try db.execute(sql: TallyQueries.refill)
            try Self.audit(db, entity: "tally", record: "", field: "hitung_ulang", old: String(differing), new: nil, who: who)
            return differing
        }
    }

    static func keptCountDifferences(_ db: Database, limit: Int) throws -> [TallyDifference] {
        try Row.fetchAll(db, sql: TallyQueries.differences(limit: limit)).map {
            TallyDifference(place: $0["place"], measure: $0["measure"], year: $0["year"], kept: $0["kept"], recomputed: $0["recomputed"])
        }
    }
}
