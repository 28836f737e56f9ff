import PantauCore
import PostgresNIO

extension PostgresStore {
    /// Streams a table in its canonical columns, in key order, with the same cells as the SQLite store writes:
    /// rows go to the sink as they arrive, so a ministry-wide export is never held in memory.
    public func export(_ kind: ImportKind, scope: Region, year: Int?, to sink: TableSink) async throws {
        let inScope = scope.level.code()
        switch kind {
        case .koperasi:
            let years = try await rows("SELECT DISTINCT year FROM koperasi_status ORDER BY year") { try $0["year", as: Int.self] }
                .filter { year == nil || $0 == year }
            try sink.header(CanonicalCSV.koperasiHeader(years: years))
            try await stream("""
                SELECT k.*,
                       (SELECT string_agg(s.year::text || ':' || s.active::text, ',') FROM koperasi_status s WHERE s.nik = k.nik) AS statuses,
                       (SELECT string_agg(r.year::text, ' ' ORDER BY r.year) FROM koperasi_rat r WHERE r.nik = k.nik) AS rats,
                       (SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1) AS outcome
                FROM koperasi k WHERE \(unescaped: inScope) = \(scope.code) ORDER BY k.nik
                """) { row in
                var k = try Self.koperasi(row)
                k.evaluation = try row["outcome", as: String?.self].flatMap(EvaluationOutcome.init)
                for pair in try row["statuses", as: String?.self]?.split(separator: ",") ?? [] {
                    let parts = pair.split(separator: ":")
                    if parts.count == 2, let y = Int(parts[0]) { k.status[y] = parts[1] == "1" }
                }
                k.ratYears = Set(try row["rats", as: String?.self]?.split(separator: " ").compactMap { Int($0) } ?? [])
                try sink.row(CanonicalCSV.row(k, years: years))
            }
        case .umkm:
            try sink.header(CanonicalCSV.umkmColumns)
            try await stream("""
                SELECT nib, nama_usaha, region_code, sektor, tahun_binaan FROM umkm
                WHERE (\(scope.code) = '' OR (region_code >= \(scope.code) AND region_code < \(TallyQueries.upperBound(of: scope.code))))
                  AND (\(year)::bigint IS NULL OR tahun_binaan <= \(year))
                ORDER BY region_code, nama_usaha, nib NULLS FIRST
                """) { row in
                try sink.row(CanonicalCSV.row(Umkm(nib: try row["nib"], namaUsaha: try row["nama_usaha"], regionCode: try row["region_code"],
                                                   sektor: try row["sektor"], tahunBinaan: try row["tahun_binaan"])))
            }
        case .pelatihan:
            try sink.header(CanonicalCSV.pelatihanColumns)
            for p in try await trainingBatches(for: scope) {
                try sink.row([p.nama, String(p.angkatan), p.tanggalMulai ?? "", p.tanggalSelesai ?? "", p.tempat, p.regionCode,
                              p.jumlahKoperasi.map(String.init) ?? "", p.jumlahPeserta.map(String.init) ?? "", p.topik, p.sumberDana])
            }
        case .target:
            try sink.header(CanonicalCSV.targetColumns)
            try await stream("SELECT region_code, indicator, value, year, source FROM target ORDER BY region_code, indicator") { row in
                try sink.row([try row["region_code"], try row["indicator"], String(try row["value", as: Int.self]),
                              try row["year", as: Int?.self].map(String.init) ?? "", try row["source"]])
            }
        }
        try sink.finish()
    }

    /// Hands each row of a query to `body` as it arrives from the server.
    private func stream(_ query: PostgresQuery, _ body: (PostgresRandomAccessRow) throws -> Void) async throws {
        try await failing {
            for try await row in try await readingConnection().query(query, logger: Self.logger) { try body(row.makeRandomAccess()) }
        }
    }
}
