import GRDB
import PantauCore
extension Store {
    /// The koperasi registered exactly at `regionCode` (a kecamatan, or a kabupaten for records without a kecamatan),
    /// with their status in `year`, ordered by name.
    public func koperasiRows(at regionCode: String, year: Int) throws -> [KoperasiRow] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT k.nik, k.nama, k.jenis, s.active, k.anggota, k.kesehatan,
                       (SELECT MAX(r.year) FROM koperasi_rat r WHERE r.nik = k.nik) AS last_rat,
                       (SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1) AS outcome
                FROM koperasi k
                LEFT JOIN koperasi_status s ON s.nik = k.nik AND s.year = :year
                WHERE k.region_code = :code AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= :year)
                ORDER BY k.nama, k.nik
                """, arguments: ["code": regionCode, "year": year])
            .map { row in
                KoperasiRow(nik: row["nik"], nama: row["nama"], jenis: row["jenis"], active: (row["active"] as Int?).map { $0 == 1 },
                            lastRAT: row["last_rat"], anggota: row["anggota"], kesehatan: row["kesehatan"], evaluation: row["outcome"])
            }
        }
    }
}
