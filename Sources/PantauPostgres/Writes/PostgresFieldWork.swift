import Foundation
import PantauCore
import PostgresNIO

/// Field work on a server: the same checks and audit entries as on SQLite. `who` is not used: the server stamps
/// the audit trail (and an evaluation) with the login it authenticated, so that no client can write another name.
extension PostgresStore {
    /// Records the members' meeting (RAT) of a book year. It makes the koperasi active for that year.
    public func recordRAT(nik: String, year: Int, heldOn date: String?, note: String, who: String) async throws {
        guard year >= 1900 else { throw PantauError.yearOutOfRange(year: year) }
        guard year <= Today.year else { throw PantauError.yearInFuture(year: year, latest: Today.year) }
        if let date {
            guard CalendarDate.isValid(date) else { throw PantauError.badDate(text: date) }
            guard date <= Self.today() else { throw PantauError.dateInFuture(date: date) }
        }
        try await write { connection in
            try await mayChange(nik: nik, on: connection)
            let oldDate = try await connection.rows("SELECT held_on FROM koperasi_rat WHERE nik = \(nik) AND year = \(year)") {
                try $0["held_on", as: String?.self]
            }.first
            try await connection.run("""
                INSERT INTO koperasi_rat(nik, year, held_on) VALUES (\(nik), \(year), \(date))
                ON CONFLICT (nik, year) DO UPDATE SET held_on = COALESCE(excluded.held_on, koperasi_rat.held_on)
                """)
            let old = oldDate.map { held in ["\(year)", held].compactMap { $0 }.joined(separator: " ") }
            try await audit(nik, field: "rat", old: old, new: ["\(year)", date].compactMap { $0 }.joined(separator: " "), note: note, on: connection)
            let wasActive = try await connection.rows("SELECT active FROM koperasi_status WHERE nik = \(nik) AND year = \(year)") {
                try $0["active", as: Int.self]
            }.first
            if wasActive != 1 {
                try await connection.run("""
                    INSERT INTO koperasi_status(nik, year, active) VALUES (\(nik), \(year), 1)
                    ON CONFLICT (nik, year) DO UPDATE SET active = 1
                    """)
                try await audit(nik, field: "aktif_\(year)", old: wasActive.map { $0 == 1 ? "ya" : "tidak" }, new: "ya", note: "RAT \(year)",
                                on: connection)
            }
        }
    }

    /// Records the outcome of evaluating a koperasi, with a note, under the server's login and time.
    public func evaluate(nik: String, outcome: EvaluationOutcome, note: String, who: String) async throws {
        try await write { connection in
            try await mayChange(nik: nik, on: connection)
            let old = try await connection.rows("SELECT outcome FROM evaluation WHERE nik = \(nik) ORDER BY id DESC LIMIT 1") {
                try $0["outcome", as: String.self]
            }.first
            try await connection.run("""
                INSERT INTO evaluation(nik, outcome, note, at, who) VALUES (\(nik), \(outcome.rawValue), \(note), pantau_now(), session_user)
                """)
            try await audit(nik, field: "hasil_evaluasi", old: old, new: outcome.rawValue, note: note, on: connection)
        }
    }

    /// Changes a koperasi's members and health grade (nil leaves a field as it is; `clearHealth` removes the grade).
    public func editKoperasi(nik: String, members: Int?, health: Kesehatan?, clearHealth: Bool, note: String, who: String) async throws {
        if let members, members < 0 { throw PantauError.negativeCount(field: "jumlah_anggota", value: members) }
        try await write { connection in
            try await mayChange(nik: nik, on: connection)
            guard let (oldMembers, oldHealth) = try await connection.rows("SELECT anggota, kesehatan FROM koperasi WHERE nik = \(nik)", {
                (try $0["anggota", as: Int?.self], try $0["kesehatan", as: String?.self])
            }).first else { throw PantauError.unknownKoperasi(nik: nik) }
            if let members, members != oldMembers {
                try await connection.run("UPDATE koperasi SET anggota = \(members) WHERE nik = \(nik)")
                try await audit(nik, field: "jumlah_anggota", old: oldMembers.map(String.init), new: String(members), note: note, on: connection)
            }
            let newHealth = clearHealth ? nil : health?.rawValue ?? oldHealth
            if newHealth != oldHealth {
                try await connection.run("UPDATE koperasi SET kesehatan = \(newHealth) WHERE nik = \(nik)")
                try await audit(nik, field: "kesehatan", old: oldHealth, new: newHealth, note: note, on: connection)
            }
        }
    }

    /// Refuses, before anything changes, a koperasi that does not exist or that this login may not change: row-level
    /// security would otherwise quietly change nothing. The owner may change everything.
    private func mayChange(nik: String, on connection: PostgresConnection) async throws {
        guard let (region, allowed, login) = try await connection.rows("""
            SELECT region_code, pantau_may_change(region_code) OR pantau_is_owner('koperasi'::regclass) AS allowed, session_user::text AS login
            FROM koperasi WHERE nik = \(nik)
            """, { (try $0["region_code", as: String.self], try $0["allowed", as: Bool.self], try $0["login", as: String.self]) }).first
        else { throw PantauError.unknownKoperasi(nik: nik) }
        guard allowed else { throw PantauError.serverRefusedChange(login: login, region: regions.label(code: region)) }
    }

    /// One audit entry about a koperasi; the server fills in who and when.
    private func audit(_ nik: String, field: String, old: String?, new: String?, note: String, on connection: PostgresConnection) async throws {
        try await connection.run("""
            INSERT INTO audit(entity, record, field, old_value, new_value, note) VALUES ('koperasi', \(nik), \(field), \(old), \(new), \(note))
            """)
    }

    /// Today as YYYY-MM-DD in the local time zone, as officers date a meeting (a RAT cannot be held later).
    static func today() -> String {
        let day = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: Date())
        return String(format: "%04d-%02d-%02d", day.year ?? 0, day.month ?? 0, day.day ?? 0)
    }
}
