import GRDB
import PantauCore

extension Store {
    /// Training batches held in the scope or for it (a province's batches count for its kabupaten too), by date.
    public func trainingBatches(for scope: Region) throws -> [Pelatihan] {
        try read { db in try trainingBatchesUnlocked(db, scope: scope) }
    }

    func trainingBatchesUnlocked(_ db: Database, scope: Region) throws -> [Pelatihan] {
        do {
            let h = Region.hierarchy(of: scope.code)
            let codes = [h.provinsi, h.kabupaten ?? "", scope.code]
            return try Row.fetchAll(db, sql: """
                SELECT * FROM pelatihan
                WHERE ?1 = '' OR region_code IN (?2, ?3) OR region_code LIKE ?1 || '.%' OR region_code = ?1
                ORDER BY tanggal_mulai, nama, angkatan
                """, arguments: [scope.code, codes[0], codes[1]])
            .map { row in
                Pelatihan(nama: row["nama"], angkatan: row["angkatan"], tanggalMulai: row["tanggal_mulai"], tanggalSelesai: row["tanggal_selesai"],
                          tempat: row["tempat"], regionCode: row["region_code"], jumlahKoperasi: row["jumlah_koperasi"],
                          jumlahPeserta: row["jumlah_peserta"], topik: row["topik"], sumberDana: row["sumber_dana"])
            }
        }
    }

    /// Every target set for the scope itself (not the ones for every kabupaten/kota).
    public func targets(of scope: Region) throws -> [Target] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM target WHERE region_code = ? ORDER BY indicator", arguments: [scope.code]).compactMap { row in
                Indicator(rawValue: row["indicator"]).map {
                    Target(regionCode: row["region_code"], indicator: $0, value: row["value"], year: row["year"], source: row["source"])
                }
            }
        }
    }
}
