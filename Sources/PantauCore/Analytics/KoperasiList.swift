import GRDB

/// One line of a kecamatan's koperasi list.
public struct KoperasiRow: Sendable, Equatable {
    public var nik: String
    public var nama: String
    public var jenis: String
    /// Active in the year asked for; nil when that year has no status for this koperasi.
    public var active: Bool?
    public var lastRAT: Int?
    public var anggota: Int?
    public var kesehatan: String?
    public var evaluation: String?

    public init(nik: String, nama: String, jenis: String, active: Bool?, lastRAT: Int?, anggota: Int?, kesehatan: String?, evaluation: String?) {
        self.nik = nik; self.nama = nama; self.jenis = jenis; self.active = active; self.lastRAT = lastRAT
        self.anggota = anggota; self.kesehatan = kesehatan; self.evaluation = evaluation
    }
}

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
