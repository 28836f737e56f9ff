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
