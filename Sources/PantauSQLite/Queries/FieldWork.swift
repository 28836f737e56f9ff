import Foundation
import GRDB
import PantauCore

extension Store {
    /// The year it is now, by this machine's clock: nothing may be recorded for a later year.
    public static var currentYear: Int { Today.year }

    /// Today as YYYY-MM-DD, in the local time zone, as officers date a meeting.
    static func today() -> String {
        let day = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
    }

    static func now() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: Date())
    }

    static func audit(_ db: Database, entity: String = "koperasi", record: String, field: String, old: String?, new: String?,
                      note: String = "", who: String) throws {
        try db.cachedStatement(sql: """
            INSERT INTO audit(at, who, entity, record, field, old_value, new_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """).execute(arguments: [now(), who, entity, record, field, old, new, note])
    }

    private static func requireKoperasi(_ db: Database, _ nik: String) throws {
        guard try Bool.fetchOne(db, sql: "SELECT 1 FROM koperasi WHERE nik = ?", arguments: [nik]) == true else {
            throw PantauError.unknownKoperasi(nik: nik)
        }
    }

    private static func checkYear(_ year: Int) throws {
        guard year >= 1900 else { throw PantauError.yearOutOfRange(year: year) }
        guard year <= currentYear else { throw PantauError.yearInFuture(year: year, latest: currentYear) }
    }

    /// Records the members' meeting (RAT) of a book year. It makes the koperasi active for that year.
    public func recordRAT(nik: String, year: Int, heldOn date: String? = nil, note: String = "", who: String = Operator.current) throws {
        try Self.checkYear(year)
        if let date {
            guard CalendarDate.isValid(date) else { throw PantauError.badDate(text: date) }
            guard date <= Self.today() else { throw PantauError.dateInFuture(date: date) }
        }
        try write { db in
            try Self.requireKoperasi(db, nik)
            let oldDate = try Row.fetchOne(db, sql: "SELECT held_on FROM koperasi_rat WHERE nik = ? AND year = ?", arguments: [nik, year])
            try db.execute(sql: """
                INSERT INTO koperasi_rat(nik, year, held_on) VALUES (?, ?, ?)
                ON CONFLICT(nik, year) DO UPDATE SET held_on = COALESCE(excluded.held_on, held_on)
                """, arguments: [nik, year, date])
            let old = oldDate.map { row in ["\(year)", row["held_on"] as String?].compactMap { $0 }.joined(separator: " ") }
            try Self.audit(db, record: nik, field: "rat", old: old, new: ["\(year)", date].compactMap { $0 }.joined(separator: " "),
                           note: note, who: who)
            let wasActive = try Int.fetchOne(db, sql: "SELECT active FROM koperasi_status WHERE nik = ? AND year = ?", arguments: [nik, year])
            if wasActive != 1 {
                try db.execute(sql: """
                    INSERT INTO koperasi_status(nik, year, active) VALUES (?, ?, 1)
                    ON CONFLICT(nik, year) DO UPDATE SET active = 1
                    """, arguments: [nik, year])
                try Self.audit(db, record: nik, field: "aktif_\(year)", old: wasActive.map { $0 == 1 ? "ya" : "tidak" }, new: "ya",
                               note: "RAT \(year)", who: who)
            }
        }
    }

    /// Records the outcome of evaluating a koperasi, with a note.
    public func evaluate(nik: String, outcome: EvaluationOutcome, note: String = "", who: String = Operator.current) throws {
        try write { db in
            try Self.requireKoperasi(db, nik)
            let old = try String.fetchOne(db, sql: "SELECT outcome FROM evaluation WHERE nik = ? ORDER BY id DESC LIMIT 1", arguments: [nik])
            let at = Self.now()
            try db.execute(sql: "INSERT INTO evaluation(nik, outcome, note, at, who) VALUES (?, ?, ?, ?, ?)",
                           arguments: [nik, outcome.rawValue, note, at, who])
            try Self.audit(db, record: nik, field: "hasil_evaluasi", old: old, new: outcome.rawValue, note: note, who: who)
        }
    }

    /// Changes a koperasi's members and health grade (nil leaves a field as it is; `clearHealth` removes the grade).
    public func editKoperasi(nik: String, members: Int? = nil, health: Kesehatan? = nil, clearHealth: Bool = false,
                             note: String = "", who: String = Operator.current) throws {
        if let members, members < 0 { throw PantauError.negativeCount(field: "jumlah_anggota", value: members) }
        try write { db in
            try Self.requireKoperasi(db, nik)
            let row = try Row.fetchOne(db, sql: "SELECT anggota, kesehatan FROM koperasi WHERE nik = ?", arguments: [nik])!
            let oldMembers: Int? = row["anggota"]
            let oldHealth: String? = row["kesehatan"]
            if let members, members != oldMembers {
                try db.execute(sql: "UPDATE koperasi SET anggota = ? WHERE nik = ?", arguments: [members, nik])
                try Self.audit(db, record: nik, field: "jumlah_anggota", old: oldMembers.map(String.init), new: String(members), note: note, who: who)
            }
            let newHealth = clearHealth ? nil : health?.rawValue ?? oldHealth
            if newHealth != oldHealth {
                try db.execute(sql: "UPDATE koperasi SET kesehatan = ? WHERE nik = ?", arguments: [newHealth, nik])
                try Self.audit(db, record: nik, field: "kesehatan", old: oldHealth, new: newHealth, note: note, who: who)
            }
        }
    }

    /// A page of the audit trail, oldest first, optionally for one koperasi and from a date (YYYY-MM-DD) on: the first
    /// `limit` entries after the one numbered `afterID`.
    public func auditLog(nik: String?, since: String?, afterID: Int64, limit: Int) throws -> [AuditEntry] {
        if let since, !CalendarDate.isValid(since) {
            throw PantauError.badDate(text: since)
        }
        return try read { db in
            try Row.fetchAll(db, sql: """
                SELECT * FROM audit WHERE id > ?3 AND (?1 IS NULL OR record = ?1) AND (?2 IS NULL OR at >= ?2) ORDER BY id LIMIT ?4
                """, arguments: [nik, since, afterID, limit])
            .map { row in
                AuditEntry(id: row["id"], at: row["at"], who: row["who"], entity: row["entity"], record: row["record"], field: row["field"],
                           oldValue: row["old_value"], newValue: row["new_value"], note: row["note"], copiedFrom: row["copied_from"])
            }
        }
    }

    /// Every field of one koperasi, its yearly status and RAT history, its evaluations and audit entries.
    public func koperasiDetail(nik: String) throws -> KoperasiDetail {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM koperasi WHERE nik = ?", arguments: [nik]) else {
                throw PantauError.unknownKoperasi(nik: nik)
            }
            var k = Koperasi(nik: nik, nama: row["nama"], regionCode: row["region_code"], jenis: Jenis(rawValue: row["jenis"]) ?? .serbaUsaha,
                             sektor: row["sektor"], kemitraan: (row["kemitraan"] as String?).flatMap(Kemitraan.init),
                             anggota: row["anggota"], tahunBerdiri: row["tahun_berdiri"],
                             kesehatan: (row["kesehatan"] as String?).flatMap(Kesehatan.init))
            for s in try Row.fetchAll(db, sql: "SELECT year, active FROM koperasi_status WHERE nik = ?", arguments: [nik]) {
                k.status[s["year"]] = (s["active"] as Int) == 1
            }
            var dates: [Int: String] = [:]
            for r in try Row.fetchAll(db, sql: "SELECT year, held_on FROM koperasi_rat WHERE nik = ?", arguments: [nik]) {
                k.ratYears.insert(r["year"])
                if let date: String = r["held_on"] { dates[r["year"]] = date }
            }
            let evaluations = try Row.fetchAll(db, sql: "SELECT * FROM evaluation WHERE nik = ? ORDER BY id", arguments: [nik]).compactMap { e in
                EvaluationOutcome(rawValue: e["outcome"]).map { EvaluationRecord(outcome: $0, note: e["note"], at: e["at"], who: e["who"]) }
            }
            k.evaluation = evaluations.last?.outcome
            let audit = try Row.fetchAll(db, sql: "SELECT * FROM audit WHERE entity = 'koperasi' AND record = ? ORDER BY id", arguments: [nik]).map { a in
                AuditEntry(id: a["id"], at: a["at"], who: a["who"], entity: a["entity"], record: a["record"], field: a["field"],
                           oldValue: a["old_value"], newValue: a["new_value"], note: a["note"], copiedFrom: a["copied_from"])
            }
            return KoperasiDetail(koperasi: k, regionLabel: try Self.label(db, code: k.regionCode), ratDates: dates,
                                  evaluations: evaluations, audit: audit)
        }
    }
}
