import GRDB

/// Inserts records with statements prepared once, so that loading many rows stays fast.
struct RecordWriter {
    private let db: Database
    private let koperasi, status, rat, evaluation, umkm, pelatihan, target: Statement
    private var regionCache: [String: Bool] = [:]

    init(_ db: Database) throws {
        self.db = db
        koperasi = try db.makeStatement(sql: """
            INSERT INTO koperasi(nik, nama, region_code, prov, kab, kec, jenis, sektor, kemitraan, anggota, tahun_berdiri, kesehatan)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        status = try db.makeStatement(sql: "INSERT INTO koperasi_status(nik, year, active) VALUES (?, ?, ?)")
        rat = try db.makeStatement(sql: "INSERT INTO koperasi_rat(nik, year, held_on) VALUES (?, ?, ?)")
        evaluation = try db.makeStatement(sql: "INSERT INTO evaluation(nik, outcome, note, at, who) VALUES (?, ?, ?, ?, ?)")
        umkm = try db.makeStatement(sql: """
            INSERT INTO umkm(nib, nama_usaha, region_code, prov, kab, kec, sektor, tahun_binaan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """)
        pelatihan = try db.makeStatement(sql: """
            INSERT INTO pelatihan(nama, angkatan, tanggal_mulai, tanggal_selesai, tempat, region_code, jumlah_koperasi, jumlah_peserta, topik, sumber_dana)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        target = try db.makeStatement(sql: """
            INSERT INTO target(region_code, indicator, value, year, source) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(region_code, indicator) DO UPDATE SET value = excluded.value, year = excluded.year, source = excluded.source
            """)
    }

    /// True when the code is a kabupaten/kota or kecamatan in the region list (records hang below those).
    mutating func isRecordRegion(_ code: String) throws -> Bool {
        if let known = regionCache[code] { return known }
        let known = try Bool.fetchOne(db, sql: "SELECT 1 FROM region WHERE code = ? AND level IN ('kabupaten', 'kecamatan')", arguments: [code]) ?? false
        regionCache[code] = known
        return known
    }

    func insert(_ k: Koperasi, evaluatedOn date: String, by who: String) throws {
        let h = Region.hierarchy(of: k.regionCode)
        try koperasi.execute(arguments: [k.nik, k.nama, k.regionCode, h.provinsi, h.kabupaten, h.kecamatan, k.jenis.rawValue,
                                         k.sektor, k.kemitraan?.rawValue, k.anggota, k.tahunBerdiri, k.kesehatan?.rawValue])
        for (year, active) in k.status.sorted(by: { $0.key < $1.key }) {
            try status.execute(arguments: [k.nik, year, active ? 1 : 0])
        }
        for year in k.ratYears.sorted() { try rat.execute(arguments: [k.nik, year, nil]) }
        if let outcome = k.evaluation {
            try evaluation.execute(arguments: [k.nik, outcome.rawValue, "", date, who])
        }
    }

    func insert(_ u: Umkm) throws {
        let h = Region.hierarchy(of: u.regionCode)
        try umkm.execute(arguments: [u.nib, u.namaUsaha, u.regionCode, h.provinsi, h.kabupaten, h.kecamatan, u.sektor, u.tahunBinaan])
    }

    func insert(_ p: Pelatihan) throws {
        try pelatihan.execute(arguments: [p.nama, p.angkatan, p.tanggalMulai, p.tanggalSelesai, p.tempat, p.regionCode,
                                          p.jumlahKoperasi, p.jumlahPeserta, p.topik, p.sumberDana])
    }

    func insert(_ t: Target) throws {
        try target.execute(arguments: [t.regionCode, t.indicator.rawValue, t.value, t.year, t.source])
    }
}
