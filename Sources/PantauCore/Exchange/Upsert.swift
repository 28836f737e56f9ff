import GRDB

/// What importing one row did.
enum UpsertOutcome: Equatable {
    case inserted, updated, unchanged
    /// The key was added earlier in this same import, with other contents.
    case conflictsWithEarlierRow
}

/// Insert-or-update of imported records, keyed as the office keys them, each change in the audit trail.
/// Columns absent from the file are left as they are; a column present but empty clears the field.
struct Upsert {
    let db: Database
    let who: String
    let note: String
    let audited: Bool
    var now: String

    init(db: Database, who: String, note: String, audited: Bool) {
        self.db = db; self.who = who; self.note = note; self.audited = audited; now = Store.now()
    }

    private func audit(_ entity: String, _ record: String, _ field: String, _ old: String?, _ new: String?) throws {
        guard audited else { return }
        try db.cachedStatement(sql: "INSERT INTO audit(at, who, entity, record, field, old_value, new_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
            .execute(arguments: [now, who, entity, record, field, old, new, note])
    }

    /// Sets the fields that differ; returns whether any did.
    private func update(table: String, key: String, keyValue: DatabaseValueConvertible, entity: String, record: String,
                        old: Row, new: [(String, DatabaseValueConvertible?)]) throws -> Bool {
        var changed = false
        for (column, value) in new {
            let before: DatabaseValue = old[column]
            let after = value?.databaseValue ?? .null
            guard before != after else { continue }
            try db.execute(sql: "UPDATE \(table) SET \(column) = ? WHERE \(key) = ?", arguments: [after, keyValue])
            try audit(entity, record, column, before.isNull ? nil : String(describing: before.storage.value ?? ""),
                      after.isNull ? nil : String(describing: after.storage.value ?? ""))
            changed = true
        }
        return changed
    }

    /// `fields` holds only the columns the file has.
    func koperasi(_ k: Koperasi, fields: Set<String>) throws -> UpsertOutcome {
        let h = Region.hierarchy(of: k.regionCode)
        var outcome = UpsertOutcome.unchanged
        if let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM koperasi WHERE nik = ?"), arguments: [k.nik]) {
            var new: [(String, DatabaseValueConvertible?)] = [("nama", k.nama), ("region_code", k.regionCode), ("prov", h.provinsi),
                                                              ("kab", h.kabupaten), ("kec", h.kecamatan), ("jenis", k.jenis.rawValue)]
            if fields.contains("sektor") { new.append(("sektor", k.sektor)) }
            if fields.contains("kemitraan") { new.append(("kemitraan", k.kemitraan?.rawValue)) }
            if fields.contains("jumlah_anggota") { new.append(("anggota", k.anggota)) }
            if fields.contains("tahun_berdiri") { new.append(("tahun_berdiri", k.tahunBerdiri)) }
            if fields.contains("kesehatan") { new.append(("kesehatan", k.kesehatan?.rawValue)) }
            if try update(table: "koperasi", key: "nik", keyValue: k.nik, entity: "koperasi", record: k.nik, old: old, new: new) { outcome = .updated }
        } else {
            try db.cachedStatement(sql: """
                INSERT INTO koperasi(nik, nama, region_code, prov, kab, kec, jenis, sektor, kemitraan, anggota, tahun_berdiri, kesehatan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(arguments: [k.nik, k.nama, k.regionCode, h.provinsi, h.kabupaten, h.kecamatan, k.jenis.rawValue, k.sektor,
                                         k.kemitraan?.rawValue, k.anggota, k.tahunBerdiri, k.kesehatan?.rawValue])
            try audit("koperasi", k.nik, "dibuat", nil, k.nama)
            outcome = .inserted
        }
        var touched = false
        for (year, active) in k.status.sorted(by: { $0.key < $1.key }) {
            let before = try Int.fetchOne(db.cachedStatement(sql: "SELECT active FROM koperasi_status WHERE nik = ? AND year = ?"), arguments: [k.nik, year])
            guard before != (active ? 1 : 0) else { continue }
            try db.cachedStatement(sql: "INSERT INTO koperasi_status(nik, year, active) VALUES (?, ?, ?) ON CONFLICT(nik, year) DO UPDATE SET active = excluded.active")
                .execute(arguments: [k.nik, year, active ? 1 : 0])
            if outcome != .inserted { try audit("koperasi", k.nik, "aktif_\(year)", before.map { $0 == 1 ? "ya" : "tidak" }, active ? "ya" : "tidak") }
            touched = true
        }
        for year in k.ratYears.sorted() {
            try db.cachedStatement(sql: "INSERT INTO koperasi_rat(nik, year) VALUES (?, ?) ON CONFLICT DO NOTHING").execute(arguments: [k.nik, year])
            if db.changesCount > 0 {
                if outcome != .inserted { try audit("koperasi", k.nik, "rat", nil, String(year)) }
                touched = true
            }
        }
        if let evaluation = k.evaluation {
            let current = try String.fetchOne(db.cachedStatement(sql: "SELECT outcome FROM evaluation WHERE nik = ? ORDER BY id DESC LIMIT 1"), arguments: [k.nik])
            if current != evaluation.rawValue {
                try db.cachedStatement(sql: "INSERT INTO evaluation(nik, outcome, note, at, who) VALUES (?, ?, ?, ?, ?)")
                    .execute(arguments: [k.nik, evaluation.rawValue, note, now, who])
                try audit("koperasi", k.nik, "hasil_evaluasi", current, evaluation.rawValue)
                touched = true
            }
        }
        return outcome == .unchanged && touched ? .updated : outcome
    }

    /// UMKM rows above this id were added by the running import: meeting one again means the file holds its key twice.
    /// (Keeps the per-row duplicate check out of the hot path of million-row files.)
    func umkm(_ u: Umkm, fields: Set<String>, addedAbove baseline: Int64, updated: inout Set<Int64>) throws -> UpsertOutcome {
        let h = Region.hierarchy(of: u.regionCode)
        try db.cachedStatement(sql: """
            INSERT INTO umkm(nib, nama_usaha, region_code, prov, kab, kec, sektor, tahun_binaan) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT DO NOTHING
            """).execute(arguments: [u.nib, u.namaUsaha, u.regionCode, h.provinsi, h.kabupaten, h.kecamatan, u.sektor, u.tahunBinaan])
        if db.changesCount > 0 { return .inserted }
        let old: Row? = u.nib != nil
            ? try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM umkm WHERE nib = ?"), arguments: [u.nib])
            : try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM umkm WHERE nib IS NULL AND region_code = ? AND nama_usaha = ?"),
                               arguments: [u.regionCode, u.namaUsaha])
        guard let old else { return .unchanged }
        var new: [(String, DatabaseValueConvertible?)] = [("nama_usaha", u.namaUsaha), ("region_code", u.regionCode), ("prov", h.provinsi),
                                                          ("kab", h.kabupaten), ("kec", h.kecamatan), ("tahun_binaan", u.tahunBinaan)]
        if fields.contains("sektor") { new.append(("sektor", u.sektor)) }
        let id: Int64 = old["id"]
        if id > baseline || updated.contains(id) {
            let same = new.allSatisfy { column, value in (old[column] as DatabaseValue) == (value?.databaseValue ?? .null) }
            return same ? .unchanged : .conflictsWithEarlierRow
        }
        guard try update(table: "umkm", key: "id", keyValue: id, entity: "umkm", record: u.nib ?? u.namaUsaha, old: old, new: new) else { return .unchanged }
        updated.insert(id)
        return .updated
    }

    func pelatihan(_ p: Pelatihan) throws -> UpsertOutcome {
        let values: [(String, DatabaseValueConvertible?)] = [
            ("tanggal_mulai", p.tanggalMulai), ("tanggal_selesai", p.tanggalSelesai), ("tempat", p.tempat), ("region_code", p.regionCode),
            ("jumlah_koperasi", p.jumlahKoperasi), ("jumlah_peserta", p.jumlahPeserta), ("topik", p.topik), ("sumber_dana", p.sumberDana)]
        guard let old = try Row.fetchOne(db, sql: "SELECT * FROM pelatihan WHERE nama = ? AND angkatan = ?", arguments: [p.nama, p.angkatan]) else {
            try db.execute(sql: """
                INSERT INTO pelatihan(nama, angkatan, tanggal_mulai, tanggal_selesai, tempat, region_code, jumlah_koperasi, jumlah_peserta, topik, sumber_dana)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [p.nama, p.angkatan, p.tanggalMulai, p.tanggalSelesai, p.tempat, p.regionCode,
                                 p.jumlahKoperasi, p.jumlahPeserta, p.topik, p.sumberDana])
            try audit("pelatihan", "\(p.nama) #\(p.angkatan)", "dibuat", nil, p.nama)
            return .inserted
        }
        let id: Int64 = old["id"]
        return try update(table: "pelatihan", key: "id", keyValue: id, entity: "pelatihan", record: "\(p.nama) #\(p.angkatan)",
                          old: old, new: values) ? .updated : .unchanged
    }

    func target(_ t: Target) throws -> UpsertOutcome {
        let old = try Row.fetchOne(db, sql: "SELECT value, year, source FROM target WHERE region_code = ? AND indicator = ?",
                                   arguments: [t.regionCode, t.indicator.rawValue])
        if let old, old["value"] == t.value, old["year"] == t.year, old["source"] == t.source { return .unchanged }
        try db.execute(sql: """
            INSERT INTO target(region_code, indicator, value, year, source) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(region_code, indicator) DO UPDATE SET value = excluded.value, year = excluded.year, source = excluded.source
            """, arguments: [t.regionCode, t.indicator.rawValue, t.value, t.year, t.source])
        try audit("target", "\(t.regionCode)/\(t.indicator.rawValue)", "nilai", old.map { String($0["value"] as Int) }, String(t.value))
        return old == nil ? .inserted : .updated
    }
}
