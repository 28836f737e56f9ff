import PantauCore
import PostgresNIO

extension PostgresStore {
    /// Every field of one koperasi, its yearly status and RAT history, its evaluations and audit entries, read in
    /// one snapshot (a RAT recorded meanwhile shows in all of them or in none).
    public func koperasiDetail(nik: String) async throws -> KoperasiDetail {
        try await snapshot { connection in
            guard var k = try await connection.rows("SELECT * FROM koperasi WHERE nik = \(nik)", Self.koperasi).first else {
                throw PantauError.unknownKoperasi(nik: nik)
            }
            for (year, active) in try await connection.rows("SELECT year, active FROM koperasi_status WHERE nik = \(nik)", {
                (try $0["year", as: Int.self], try $0["active", as: Int.self])
            }) {
                k.status[year] = active == 1
            }
            var dates: [Int: String] = [:]
            for (year, date) in try await connection.rows("SELECT year, held_on FROM koperasi_rat WHERE nik = \(nik)", {
                (try $0["year", as: Int.self], try $0["held_on", as: String?.self])
            }) {
                k.ratYears.insert(year)
                if let date { dates[year] = date }
            }
            let evaluations = try await connection.rows("SELECT outcome, note, at, who FROM evaluation WHERE nik = \(nik) ORDER BY id") { e -> EvaluationRecord? in
                guard let outcome = EvaluationOutcome(rawValue: try e["outcome"]) else { return nil }
                return EvaluationRecord(outcome: outcome, note: try e["note"], at: try e["at"], who: try e["who"])
            }.compactMap { $0 }
            k.evaluation = evaluations.last?.outcome
            let audit = try await connection.rows("SELECT * FROM audit WHERE entity = 'koperasi' AND record = \(nik) ORDER BY id", Self.auditEntry)
            return KoperasiDetail(koperasi: k, regionLabel: regions.label(code: k.regionCode), ratDates: dates, evaluations: evaluations, audit: audit)
        }
    }

    /// A page of the audit trail, oldest first, optionally for one koperasi and from a date (YYYY-MM-DD) on: the first
    /// `limit` entries after the one numbered `afterID`.
    public func auditLog(nik: String?, since: String?, afterID: Int64, limit: Int) async throws -> [AuditEntry] {
        if let since, !CalendarDate.isValid(since) { throw PantauError.badDate(text: since) }
        return try await rows("""
            SELECT * FROM audit WHERE id > \(afterID) AND (\(nik)::text IS NULL OR record = \(nik)) AND (\(since)::text IS NULL OR at >= \(since))
            ORDER BY id LIMIT \(limit)
            """, Self.auditEntry)
    }

    /// A koperasi row's own columns (status, RAT years and evaluation come from their tables).
    static func koperasi(_ row: PostgresRandomAccessRow) throws -> Koperasi {
        Koperasi(nik: try row["nik"], nama: try row["nama"], regionCode: try row["region_code"],
                 jenis: Jenis(rawValue: try row["jenis"]) ?? .serbaUsaha, sektor: try row["sektor"],
                 kemitraan: try row["kemitraan", as: String?.self].flatMap(Kemitraan.init), anggota: try row["anggota"],
                 tahunBerdiri: try row["tahun_berdiri"], kesehatan: try row["kesehatan", as: String?.self].flatMap(Kesehatan.init))
    }

    static func auditEntry(_ a: PostgresRandomAccessRow) throws -> AuditEntry {
        AuditEntry(id: try a["id"], at: try a["at"], who: try a["who"], entity: try a["entity"], record: try a["record"], field: try a["field"],
                   oldValue: try a["old_value"], newValue: try a["new_value"], note: try a["note"], copiedFrom: try a["copied_from"])
    }
}
