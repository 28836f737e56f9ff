/// The reads of the kept counts, in the SQL both stores speak alike. Both keep the table `tally` and the view
/// `koperasi_tally` (each koperasi's part of the counts, defined in each store's schema); `p1`, `p2` are how the
/// store's driver names its parameters.
package enum TallyQueries {
    /// The kept rows inside `scope`, summed by the region `by` levels down names (nil: the scope itself). Codes have
    /// fixed widths (64, 64.08, 64.08.03), so a place's region at a level is its first characters; a place above
    /// that level stays itself, which is how records placed without a kecamatan show up. Parameters: the scope's
    /// code and the code just past its children (`upperBound`).
    package static func read(scope: Region, by level: RegionLevel?, p1: String, p2: String) -> String {
        let width = level.map(codeWidth) ?? codeWidth(scope.level)
        let inScope = scope.code.isEmpty ? "" : "WHERE place >= \(p1) AND place < \(p2)"
        return """
            SELECT substr(place, 1, \(width)) AS place, measure, year, SUM(n) AS n FROM tally \(inScope)
            GROUP BY substr(place, 1, \(width)), measure, year HAVING SUM(n) <> 0
            """
    }

    /// The codes inside a region sort from its own code up to this one: `64.08` up to `64.08/` ('/' follows '.').
    package static func upperBound(of code: String) -> String { code + "/" }

    package static func codeWidth(_ level: RegionLevel) -> Int {
        switch level {
        case .nasional: 0
        case .provinsi: 2
        case .kabupaten: 5
        case .kecamatan: 8
        }
    }

    /// Every count recomputed from the records.
    package static let recomputed = """
        SELECT place, measure, year, SUM(n) AS n FROM (
            SELECT place, measure, year, n FROM koperasi_tally
            UNION ALL SELECT region_code, 'umkm', tahun_binaan, 1 FROM umkm
        ) AS records GROUP BY place, measure, year
        """

    /// The kept counts beside the recomputed ones, where they differ, in one grouped pass over both. (A FULL JOIN
    /// of the two compared every pair on SQLite, which builds no index for one: hours for the whole country.)
    private static let differing = """
        (SELECT place, measure, year, SUM(kept) AS kept, SUM(recomputed) AS recomputed FROM (
            SELECT place, measure, year, n AS kept, 0 AS recomputed FROM tally
            UNION ALL SELECT place, measure, year, 0, n FROM koperasi_tally
            UNION ALL SELECT region_code, 'umkm', tahun_binaan, 0, 1 FROM umkm
        ) AS counts GROUP BY place, measure, year HAVING SUM(kept) <> SUM(recomputed)) AS differing
        """

    /// The kept counts that differ from the recomputed ones, the first `limit` of them by place.
    package static func differences(limit: Int) -> String {
        "SELECT place, measure, year, kept, recomputed FROM \(differing) ORDER BY 1, 2, 3 LIMIT \(limit)"
    }

    /// How many kept counts differ from the recomputed ones.
    package static let differenceCount = "SELECT COUNT(*) AS n FROM \(differing)"

    /// Every kept count written again from the records (after `DELETE FROM tally`).
    package static let refill = "INSERT INTO tally(place, measure, year, n) \(recomputed)"
}
