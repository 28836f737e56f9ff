import PantauCore
import PostgresNIO

/// How the checked records of one kind wait on the server (temporary tables of the session, dropped at its end),
/// are matched with the stored ones by the keys the office uses, audited, and moved in. The outcome, field by field
/// and entry by entry, is the SQLite store's (see Upsert there): columns a file lacks leave a stored record's fields
/// alone, every change of a stored record is one audit entry, a new koperasi or training batch one "dibuat" entry,
/// new UMKM one entry per file.
struct ImportPlan {
    let kind: ImportKind

    init(_ kind: ImportKind) { self.kind = kind }

    /// The temporary tables a file's records are copied into.
    var tables: [String] {
        switch kind {
        case .koperasi: ["import_koperasi", "import_status", "import_rat"]
        case .umkm: ["import_umkm"]
        case .pelatihan: ["import_pelatihan"]
        case .target: ["import_target"]
        }
    }

    /// The columns each temporary table is filled with, in COPY order.
    static let columns: [String: [String]] = [
        "import_koperasi": ["seq", "line", "nik", "nama", "region_code", "prov", "kab", "kec", "jenis", "sektor", "kemitraan", "anggota",
                            "tahun_berdiri", "kesehatan", "evaluation"],
        "import_status": ["nik", "year", "active"],
        "import_rat": ["nik", "year"],
        "import_umkm": ["seq", "line", "nib", "nama_usaha", "region_code", "sektor", "tahun_binaan"],
        "import_pelatihan": ["seq", "line", "nama", "angkatan", "tanggal_mulai", "tanggal_selesai", "tempat", "region_code", "jumlah_koperasi",
                             "jumlah_peserta", "topik", "sumber_dana"],
        "import_target": ["seq", "line", "region_code", "indicator", "value", "year", "source"],
    ]

    /// A record as rows of the temporary tables.
    static func rows(of checked: CheckedRecord, seq: Int) -> [(String, [String?])] {
        let (s, line) = (String(seq), String(checked.line))
        switch checked.record {
        case .koperasi(let k):
            let h = Region.hierarchy(of: k.regionCode)
            var rows: [(String, [String?])] = [("import_koperasi", [
                s, line, k.nik, k.nama, k.regionCode, h.provinsi, h.kabupaten, h.kecamatan, k.jenis.rawValue, k.sektor, k.kemitraan?.rawValue,
                k.anggota.map(String.init), k.tahunBerdiri.map(String.init), k.kesehatan?.rawValue, k.evaluation?.rawValue])]
            rows += k.status.sorted { $0.key < $1.key }.map { ("import_status", [k.nik, String($0.key), $0.value ? "1" : "0"]) }
            rows += k.ratYears.sorted().map { ("import_rat", [k.nik, String($0)]) }
            return rows
        case .umkm(let u):
            return [("import_umkm", [s, line, u.nib, u.namaUsaha, u.regionCode, u.sektor, String(u.tahunBinaan)])]
        case .pelatihan(let p):
            return [("import_pelatihan", [s, line, p.nama, String(p.angkatan), p.tanggalMulai, p.tanggalSelesai, p.tempat, p.regionCode,
                                          p.jumlahKoperasi.map(String.init), p.jumlahPeserta.map(String.init), p.topik, p.sumberDana])]
        case .target(let t):
            return [("import_target", [s, line, t.regionCode, t.indicator.rawValue, String(t.value), t.year.map(String.init), t.source])]
        }
    }

    /// The temporary tables, one statement each.
    var createTables: [String] {
        let c = "text COLLATE \"C\""
        let stage: String = switch kind {
        case .koperasi: """
            CREATE TEMP TABLE import_koperasi (seq integer PRIMARY KEY, line integer NOT NULL, nik \(c) NOT NULL, nama \(c) NOT NULL,
                region_code \(c) NOT NULL, prov \(c) NOT NULL, kab \(c), kec \(c), jenis \(c) NOT NULL, sektor \(c) NOT NULL,
                kemitraan \(c), anggota integer, tahun_berdiri integer, kesehatan \(c), evaluation \(c), existing \(c)) ON COMMIT DROP;
            CREATE TEMP TABLE import_status (nik \(c) NOT NULL, year integer NOT NULL, active integer NOT NULL) ON COMMIT DROP;
            CREATE TEMP TABLE import_rat (nik \(c) NOT NULL, year integer NOT NULL) ON COMMIT DROP;
            """
        case .umkm: """
            CREATE TEMP TABLE import_umkm (seq integer PRIMARY KEY, line integer NOT NULL, nib \(c), nama_usaha \(c) NOT NULL,
                region_code \(c) NOT NULL, sektor \(c) NOT NULL, tahun_binaan integer NOT NULL, existing bigint) ON COMMIT DROP;
            """
        case .pelatihan: """
            CREATE TEMP TABLE import_pelatihan (seq integer PRIMARY KEY, line integer NOT NULL, nama \(c) NOT NULL, angkatan integer NOT NULL,
                tanggal_mulai \(c), tanggal_selesai \(c), tempat \(c) NOT NULL, region_code \(c) NOT NULL, jumlah_koperasi integer,
                jumlah_peserta integer, topik \(c) NOT NULL, sumber_dana \(c) NOT NULL, existing bigint) ON COMMIT DROP;
            """
        case .target: """
            CREATE TEMP TABLE import_target (seq integer PRIMARY KEY, line integer NOT NULL, region_code \(c) NOT NULL, indicator \(c) NOT NULL,
                value integer NOT NULL, year integer, source \(c) NOT NULL, existing boolean NOT NULL DEFAULT false) ON COMMIT DROP;
            """
        }
        // Every change a file makes, in the order the SQLite store writes its audit entries: by record, then part, then field.
        return SQLStatements.split(stage) + ["""
            CREATE TEMP TABLE import_change (seq integer NOT NULL, part integer NOT NULL, ord integer NOT NULL, entity \(c) NOT NULL,
                record \(c) NOT NULL, field \(c) NOT NULL, old \(c), new \(c)) ON COMMIT DROP
            """]
    }
}

/// A stored table whose records an import matches, compares field by field and adds to.
struct KeyedTable {
    let table: String
    let stage: String
    /// The stored table's key, which the staged row's `existing` column takes once matched.
    let key: String
    /// Conditions on `s` (staged) and `t` (stored), each run as its own statement so that each can use an index.
    let matches: [String]
    let entity: String
    /// The audit entry's record, as SQL on `s`.
    let record: String
    /// The compared fields in audit order, with the file column that must be present for it to count (nil: always).
    let fields: [(column: String, fileColumn: String?)]
    /// The new value of a new record's "dibuat" entry, as SQL on `s`; nil: no entry per new record.
    let created: String?
    let insertColumns: [String]

    static let koperasi = KeyedTable(
        table: "koperasi", stage: "import_koperasi", key: "nik", matches: ["t.nik = s.nik"], entity: "koperasi", record: "s.nik",
        fields: [("nama", nil), ("region_code", nil), ("prov", nil), ("kab", nil), ("kec", nil), ("jenis", nil), ("sektor", "sektor"),
                 ("kemitraan", "kemitraan"), ("anggota", "jumlah_anggota"), ("tahun_berdiri", "tahun_berdiri"), ("kesehatan", "kesehatan")],
        created: "s.nama",
        insertColumns: ["nik", "nama", "region_code", "prov", "kab", "kec", "jenis", "sektor", "kemitraan", "anggota", "tahun_berdiri", "kesehatan"])

    static let umkm = KeyedTable(
        table: "umkm", stage: "import_umkm", key: "id",
        matches: ["s.nib IS NOT NULL AND t.nib = s.nib",
                  "s.nib IS NULL AND t.nib IS NULL AND t.region_code = s.region_code AND t.nama_usaha = s.nama_usaha"],
        entity: "umkm", record: "coalesce(s.nib, s.nama_usaha)",
        fields: [("nama_usaha", nil), ("region_code", nil), ("tahun_binaan", nil), ("sektor", "sektor")],
        created: nil,
        insertColumns: ["nib", "nama_usaha", "region_code", "sektor", "tahun_binaan"])

    static let pelatihan = KeyedTable(
        table: "pelatihan", stage: "import_pelatihan", key: "id", matches: ["t.nama = s.nama AND t.angkatan = s.angkatan"],
        entity: "pelatihan", record: "s.nama || ' #' || s.angkatan",
        fields: [("tanggal_mulai", nil), ("tanggal_selesai", nil), ("tempat", nil), ("region_code", nil), ("jumlah_koperasi", nil),
                 ("jumlah_peserta", nil), ("topik", nil), ("sumber_dana", nil)],
        created: "s.nama",
        insertColumns: ["nama", "angkatan", "tanggal_mulai", "tanggal_selesai", "tempat", "region_code", "jumlah_koperasi", "jumlah_peserta",
                        "topik", "sumber_dana"])

    /// The fields a file with these columns sets.
    func compared(_ columns: Set<String>) -> [String] {
        fields.filter { $0.fileColumn.map(columns.contains) ?? true }.map(\.column)
    }
}
