import PantauCore
import PostgresNIO

extension RegionLevel {
    /// SQL for a row's code at this level, to compare with a scope's code: `k.kab = $1`. For the whole country it
    /// is the empty code itself, which equals Indonesia's code, so every row is inside.
    func code(in table: String? = nil) -> String {
        guard let column else { return "''" }
        return table.map { "\($0).\(column)" } ?? column
    }
}

/// Every figure comes from the kept counts (`TallyRow`), read with the SQL the SQLite store uses.
extension PostgresStore {
    /// The kept counts inside the scope, summed by the region `level` names (nil: the scope as a whole).
    public func tally(of scope: Region, by level: RegionLevel? = nil) async throws -> Tally {
        var binds = PostgresBindings()
        if !scope.code.isEmpty {
            binds.append(scope.code)
            binds.append(TallyQueries.upperBound(of: scope.code))
        }
        // The rows come as four arrays in one row: the country has tens of thousands of them, which cost the client
        // more one by one than the query costs the server.
        let sql = """
            SELECT array_agg(place) AS place, array_agg(measure) AS measure, array_agg(year) AS year, array_agg(n) AS n
            FROM (\(TallyQueries.read(scope: scope, by: level, p1: "$1", p2: "$2"))) AS kept
            """
        let columns = try await row(PostgresQuery(unsafeSQL: sql, binds: binds)) { row in
            (try row["place", as: ArrayColumn<String>?.self]?.values ?? [], try row["measure", as: ArrayColumn<String>?.self]?.values ?? [],
             try row["year", as: ArrayColumn<Int>?.self]?.values ?? [], try row["n", as: ArrayColumn<Int>?.self]?.values ?? [])
        }
        guard let (places, measures, years, counts) = columns else { return Tally([]) }
        // One aggregate's arrays have one length; a reply that says otherwise is not trusted with an index.
        guard measures.count == places.count, years.count == places.count, counts.count == places.count else {
            throw PantauError.serverRefused(store: location, reason: "the kept counts came back in arrays of different lengths")
        }
        return Tally(places.indices.map { TallyRow(place: places[$0], measure: measures[$0], year: years[$0], n: counts[$0]) })
    }

    public func years(in scope: Region) async throws -> [Int] {
        try await tally(of: scope).total.statusYears
    }

    public func figures(of scope: Region, year: Int) async throws -> RegionFigures {
        try await tally(of: scope).total.figures(of: scope, year: year)
    }

    /// Records placed on a kabupaten without a kecamatan form a row of their own, so rows always add up to the total.
    public func childFigures(of scope: Region, year: Int) async throws -> [RegionFigures] {
        guard let childLevel = scope.level.childLevel else { return [] }
        return try await tally(of: scope, by: childLevel).childFigures(of: scope, children: regions.children(of: scope.code), year: year)
    }

    public func yearlyFigures(of scope: Region) async throws -> [YearFigures] {
        try await tally(of: scope).total.yearlyFigures()
    }

    /// Every province that has koperasi, with its kabupaten/kota.
    public func districtFigures(year: Int) async throws -> [ProvinceFigures] {
        try await tally(of: .indonesia, by: .kabupaten).districtFigures(year: year) { code in
            regions.region(code: code).map { ($0, regions.children(of: code)) }
        }
    }

    /// The inactive koperasi of the scope in a year, how many have been evaluated, and the latest outcome of each.
    public func evaluationProgress(of scope: Region, year: Int) async throws -> EvaluationProgress {
        try await tally(of: scope).total.evaluationProgress(year: year)
    }

    /// How many koperasi of the scope hold each health grade (koperasi without a grade are not counted).
    public func healthCounts(of scope: Region) async throws -> [Kesehatan: Int] {
        try await tally(of: scope).total.healthCounts
    }

    public func latestRATYears(of scope: Region) async throws -> [Int: Int] {
        try await tally(of: scope).total.latestRAT
    }

    public func keptCountDifferences(limit: Int) async throws -> [TallyDifference] {
        try await rows(PostgresQuery(unsafeSQL: TallyQueries.differences(limit: limit))) { row in
            TallyDifference(place: try row["place"], measure: try row["measure"], year: try row["year", as: Int.self],
                            kept: try row["kept", as: Int.self], recomputed: try row["recomputed", as: Int.self])
        }
    }

    public func recountKeptCounts(who: String) async throws -> Int {
        try await write { connection in
            let owner = try await connection.rows("SELECT pantau_is_owner('tally'::regclass) AS owner") { try $0["owner", as: Bool.self] }.first
            guard owner == true else { throw PantauError.recountIsTheOwners(store: location) }
            let differing = try await connection.rows(PostgresQuery(unsafeSQL: TallyQueries.differenceCount)) { try $0["n", as: Int.self] }.first ?? 0
            guard differing > 0 else { return 0 }
            try await connection.run("DELETE FROM tally")
            try await connection.run(PostgresQuery(unsafeSQL: TallyQueries.refill))
            try await connection.run("""
                INSERT INTO audit(entity, record, field, old_value, new_value, note) VALUES ('tally', '', 'hitung_ulang', \(String(differing)), NULL, '')
                """)
            return differing
        }
    }
}
