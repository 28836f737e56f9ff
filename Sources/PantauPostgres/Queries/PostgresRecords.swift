import PantauCore
import PostgresNIO

extension PostgresStore {
    /// The koperasi registered exactly at `regionCode`, with their status in `year`, ordered by name (byte order).
    public func koperasiRows(at regionCode: String, year: Int) async throws -> [KoperasiRow] {
        try await rows("""
            SELECT k.nik, k.nama, k.jenis, s.active, k.anggota, k.kesehatan,
                   (SELECT MAX(r.year) FROM koperasi_rat r WHERE r.nik = k.nik) AS last_rat,
                   (SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1) AS outcome
            FROM koperasi k
            LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = \(year)
            WHERE k.region_code = \(regionCode) AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= \(year))
            ORDER BY k.nama, k.nik
            """) { row in
            KoperasiRow(nik: try row["nik"], nama: try row["nama"], jenis: try row["jenis"],
                        active: try row["active", as: Int?.self].map { $0 == 1 }, lastRAT: try row["last_rat"],
                        anggota: try row["anggota"], kesehatan: try row["kesehatan"], evaluation: try row["outcome"])
        }
    }

    /// The inactive koperasi of the scope in a year, how many have been evaluated, and the latest outcome of each.
    public func evaluationProgress(of scope: Region, year: Int) async throws -> EvaluationProgress {
        let groups = try await rows("""
            SELECT (SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1) AS outcome, COUNT(*) AS n
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik AND s.year = \(year) AND s.active = 0
            WHERE \(unescaped: scope.level.code(in: "k")) = \(scope.code) GROUP BY 1
            """) { row in (outcome: try row["outcome", as: String?.self], n: try row["n", as: Int.self]) }
        var progress = EvaluationProgress(inactive: 0, evaluated: 0, byOutcome: [:])
        for group in groups {
            progress.inactive += group.n
            if let outcome = group.outcome.flatMap(EvaluationOutcome.init) {
                progress.evaluated += group.n
                progress.byOutcome[outcome] = group.n
            }
        }
        return progress
    }

    /// How many koperasi of the scope hold each health grade (koperasi without a grade are not counted).
    public func healthCounts(of scope: Region) async throws -> [Kesehatan: Int] {
        let groups = try await rows("""
            SELECT kesehatan, COUNT(*) AS n FROM koperasi
            WHERE \(unescaped: scope.level.code()) = \(scope.code) AND kesehatan IS NOT NULL GROUP BY kesehatan
            """) { row in (grade: Kesehatan(rawValue: try row["kesehatan"]), n: try row["n", as: Int.self]) }
        var counts: [Kesehatan: Int] = [:]
        for group in groups { if let grade = group.grade { counts[grade] = group.n } }
        return counts
    }

    /// The region's own threshold, else the one for every kabupaten/kota (the empty code sorts first).
    public func target(_ indicator: Indicator, for region: Region) async throws -> Target? {
        try await row("""
            SELECT region_code, value, year, source FROM target WHERE indicator = \(indicator.rawValue) AND region_code IN (\(region.code), '')
            ORDER BY region_code DESC LIMIT 1
            """) { row in
            Target(regionCode: try row["region_code"], indicator: indicator, value: try row["value"], year: try row["year"], source: try row["source"])
        }
    }

    /// Every target set for the scope itself (not the ones for every kabupaten/kota).
    public func targets(of scope: Region) async throws -> [Target] {
        try await rows("""
            SELECT region_code, indicator, value, year, source FROM target WHERE region_code = \(scope.code) ORDER BY indicator
            """) { row -> Target? in
            guard let indicator = Indicator(rawValue: try row["indicator"]) else { return nil }
            return Target(regionCode: try row["region_code"], indicator: indicator, value: try row["value"], year: try row["year"],
                          source: try row["source"])
        }.compactMap { $0 }
    }

    /// Training batches held in the scope or for it (a province's batches count for its kabupaten too), by date;
    /// undated batches first, as SQLite sorts a NULL.
    public func trainingBatches(for scope: Region) async throws -> [Pelatihan] {
        let h = Region.hierarchy(of: scope.code)
        return try await rows("""
            SELECT nama, angkatan, tanggal_mulai, tanggal_selesai, tempat, region_code, jumlah_koperasi, jumlah_peserta, topik, sumber_dana
            FROM pelatihan
            WHERE \(scope.code) = '' OR region_code IN (\(h.provinsi), \(h.kabupaten ?? "")) OR starts_with(region_code, \(scope.code + "."))
               OR region_code = \(scope.code)
            ORDER BY tanggal_mulai NULLS FIRST, nama, angkatan
            """) { row in
            Pelatihan(nama: try row["nama"], angkatan: try row["angkatan"], tanggalMulai: try row["tanggal_mulai"],
                      tanggalSelesai: try row["tanggal_selesai"], tempat: try row["tempat"], regionCode: try row["region_code"],
                      jumlahKoperasi: try row["jumlah_koperasi"], jumlahPeserta: try row["jumlah_peserta"], topik: try row["topik"],
                      sumberDana: try row["sumber_dana"])
        }
    }
}
