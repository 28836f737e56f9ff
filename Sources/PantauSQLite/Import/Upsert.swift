import GRDB
import PantauCore

/// What importing one row did.
enum UpsertOutcome: Equatable {
    case inserted, updated, unchanged
}

/// Insert-or-update of imported records, keyed as the office keys them, each change in the audit trail.
/// Columns absent from the file are left as they are; a column present but empty clears the field.
/// A dry run only reads: it tells what each record would do, and writes nothing (so it needs no write lock).
struct Upsert {
    let db: Database
    let who: String
    let note: String
    let audited: Bool
    let dryRun: Bool
    var now: String

    init(db: Database, who: String, note: String, audited: Bool, dryRun: Bool) {
        self.db = db; self.who = who; self.note = note; self.audited = audited; self.dryRun = dryRun; now = Store.now()
    }

    /// Runs a change, unless this is a dry run.
    private func change(_ sql: String, _ arguments: StatementArguments) throws {
        guard !dryRun else { return }
        try db.cachedStatement(sql: sql).execute(arguments: arguments)
    }

    private func audit(_ entity: String, _ record: String, _ field: String, _ old: String?, _ new: String?) throws {
        guard audited && !dryRun else { return }
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
            try change("UPDATE \(table) SET \(column) = ? WHERE \(key) = ?", [after, keyValue])
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
            try change("""
                INSERT INTO koperasi(nik, nama, region_code, prov, kab, kec, jenis, sektor, kemitraan, anggota, tahun_berdiri, kesehatan)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [k.nik, k.nama, k.regionCode, h.provinsi, h.kabupaten, h.kecamatan, k.jenis.rawValue, k.sektor,
                      k.kemitraan?.rawValue, k.anggota, k.tahunBerdiri, k.kesehatan?.rawValue])
            try audit("koperasi", k.nik, "dibuat", nil, k.nama)
            outcome = .inserted
        }
        var touched = false
        for (year, active) in k.status.sorted(by: { $0.key < $1.key }) {
            let before = try Int.fetchOne(db.cachedStatement(sql: "SELECT active FROM koperasi_status WHERE nik = ? AND year = ?"), arguments: [k.nik, year])
            guard before != (active ? 1 : 0) else { continue }
            try change("INSERT INTO koperasi_status(nik, year, active) VALUES (?, ?, ?) ON CONFLICT(nik, year) DO UPDATE SET active = excluded.active",
                       [k.nik, year, active ? 1 : 0])
            if outcome != .inserted { try audit("koperasi", k.nik, "aktif_\(year)", before.map { $0 == 1 ? "ya" : "tidak" }, active ? "ya" : "tidak") }
            touched = true
        }
        for year in k.ratYears.sorted() {
            let held = try Bool.fetchOne(db.cachedStatement(sql: "SELECT 1 FROM koperasi_rat WHERE nik = ? AND year = ?"), arguments: [k.nik, year]) ?? false
            if !held {
                try change("INSERT INTO koperasi_rat(nik, year) VALUES (?, ?)", [k.nik, year])
                if outcome != .inserted { try audit("koperasi", k.nik, "rat", nil, String(year)) }
                touched = true
            }
        }
        if let evaluation = k.evaluation {
            let current = try String.fetchOne(db.cachedStatement(sql: "SELECT outcome FROM evaluation WHERE nik = ? ORDER BY id DESC LIMIT 1"), arguments: [k.nik])
            if current != evaluation.rawValue {
                try change("INSERT INTO evaluation(nik, outcome, note, at, who) VALUES (?, ?, ?, ?, ?)", [k.nik, evaluation.rawValue, note, now, who])
                try audit("koperasi", k.nik, "hasil_evaluasi", current, evaluation.rawValue)
                touched = true
            }
        }
        return outcome == .unchanged && touched ? .updated : outcome
    }

    /// An UMKM the file shares its key with (its NIB, else its name and region): the fields that differ are set.
    /// New UMKM are not added here but all at once (see ImportStaging.moveUmkm).
    func umkm(_ u: Umkm, existing id: Int64, fields: Set<String>) throws -> UpsertOutcome {
        guard let old = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM umkm WHERE id = ?"), arguments: [id]) else { return .unchanged }
        var new: [(String, DatabaseValueConvertible?)] = [("nama_usaha", u.namaUsaha), ("region_code", u.regionCode), ("tahun_binaan", u.tahunBinaan)]
        if fields.contains("sektor") { new.append(("sektor", u.sektor)) }
        return try update(table: "umkm", key: "id", keyValue: id, entity: "umkm", record: u.nib ?? u.namaUsaha, old: old, new: new) ? .updated : .unchanged
    }

    func pelatihan(_ p: Pelatihan) throws -> UpsertOutcome {
        let values: [(String, DatabaseValueConvertible?)] = [
            ("tanggal_mulai", p.tanggalMulai), ("tanggal_selesai", p.tanggalSelesai), ("tempat", p.tempat), ("region_code", p.regionCode),
            ("jumlah_koperasi", p.jumlahKoperasi), ("jumlah_peserta", p.jumlahPeserta), ("topik", p.topik), ("sumber_dana", p.sumberDana)]
        guard let old = try Row.fetchOne(db, sql: "SELECT * FROM pelatihan WHERE nama = ? AND angkatan = ?", arguments: [p.nama, p.angkatan]) else {
            try change("""
                INSERT INTO pelatihan(nama, angkatan, tanggal_mulai, tanggal_selesai, tempat, region_code, jumlah_koperasi, jumlah_peserta, topik, sumber_dana)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, [p.nama, p.angkatan, p.tanggalMulai, p.tanggalSelesai, p.tempat, p.regionCode,
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
        try change("""
            INSERT INTO target(region_code, indicator, value, year, source) VALUES (?, ?, ?, ?, ?)
            ON CONFLICT(region_code, indicator) DO UPDATE SET value = excluded.value, year = excluded.year, source = excluded.source
            """, [t.regionCode, t.indicator.rawValue, t.value, t.year, t.source])
        try audit("target", "\(t.regionCode)/\(t.indicator.rawValue)", "nilai", old.map { String($0["value"] as Int) }, String(t.value))
        return old == nil ? .inserted : .updated
    }
}
