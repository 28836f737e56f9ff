import Foundation
import GRDB
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// RAT, evaluation and edits, each with its audit entry; refusals that change nothing.
@Suite struct FieldWorkStoreTests {
    /// Inactive in 2023 (last RAT 2015) and active in 2023, both in Muara Bengkal.
    let inactive = "6408031000000023", active = "6408031000000016"
    let muaraBengkal = Region(code: "64.08.03", name: "Muara Bengkal", level: .kecamatan)

    func fresh() throws -> Store { try Store.open(at: try Fixtures.freshSampleDatabase()) }

    func auditCount(_ store: Store) throws -> Int { try store.auditLog().count }

    @Test func ratMakesTheKoperasiActiveWithTwoAuditEntries() async throws {
        let store = try fresh()
        try store.recordRAT(nik: inactive, year: 2023, heldOn: "2024-03-10", note: "balai desa", who: "siti")
        #expect(try store.figures(of: muaraBengkal, year: 2023).koperasiActive == 20)
        #expect(try await store.report(scope: "Kutai Timur", year: 2023).totals.koperasiActive == 326)
        let log = try store.auditLog(nik: inactive)
        #expect(log.map(\.field) == ["rat", "aktif_2023"])
        #expect(log[0].oldValue == nil && log[0].newValue == "2023 2024-03-10" && log[0].note == "balai desa" && log[0].who == "siti")
        #expect(log[1].oldValue == "tidak" && log[1].newValue == "ya" && log[1].note == "RAT 2023")
        let detail = try store.koperasiDetail(nik: inactive)
        #expect(detail.koperasi.ratYears.max() == 2023 && detail.ratDates[2023] == "2024-03-10")
    }

    @Test func ratOfAnActiveYearAddsOnlyTheMeeting() throws {
        let store = try fresh()
        try store.recordRAT(nik: active, year: 2023, heldOn: "2024-02-01")
        #expect(try store.auditLog(nik: active).map(\.field) == ["rat"])
        #expect(try store.auditLog(nik: active).first?.who == Operator.current)
        #expect(try store.figures(of: muaraBengkal, year: 2023).koperasiActive == 19)
    }

    @Test func evaluationIsKeptWithItsNote() throws {
        let store = try fresh()
        let before = try store.evaluationProgress(of: muaraBengkal, year: 2023)
        try store.evaluate(nik: inactive, outcome: .usulBubarkan, note: "pengurus tidak ditemukan", who: "budi")
        let after = try store.evaluationProgress(of: muaraBengkal, year: 2023)
        #expect(after.evaluated == before.evaluated + 1 && after.inactive == 30)
        #expect(after.byOutcome[.usulBubarkan] == (before.byOutcome[.usulBubarkan] ?? 0) + 1)
        let entry = try #require(try store.auditLog(nik: inactive).last)
        #expect(entry.field == "hasil_evaluasi" && entry.newValue == "usul-bubarkan" && entry.note == "pengurus tidak ditemukan")
        #expect(try store.koperasiDetail(nik: inactive).evaluations.last?.who == "budi")
    }

    @Test func kutaiTimurEvaluationProgressOfTheSample() throws {
        let progress = try Fixtures.sampleStore.evaluationProgress(of: try Fixtures.sampleStore.resolveRegion("Kutim"), year: 2023)
        #expect(progress.inactive == 884 && progress.evaluated == 126)
        #expect(progress.byOutcome == [.dibina: 80, .usulBekukan: 28, .usulBubarkan: 18])
    }

    @Test func editAuditsOnlyWhatChanged() throws {
        let store = try fresh()
        try store.editKoperasi(nik: inactive, members: 650, health: nil)
        try store.editKoperasi(nik: inactive, members: 650, health: .dalamPengawasan)
        let log = try store.auditLog(nik: inactive)
        #expect(log.map(\.field) == ["jumlah_anggota", "kesehatan"])
        #expect(log[0].oldValue == "649" && log[0].newValue == "650")
        #expect(log[1].oldValue == nil && log[1].newValue == "Dalam Pengawasan")
    }

    @Test func twoOfficersChangingOneFieldBothStayInTheTrail() throws {
        let path = try Fixtures.freshSampleDatabase()
        let siti = try Store.open(at: path), budi = try Store.open(at: path)
        try siti.editKoperasi(nik: inactive, members: 700, who: "siti")
        try budi.editKoperasi(nik: inactive, members: 710, who: "budi")
        let log = try siti.auditLog(nik: inactive)
        #expect(log.map { "\($0.who):\($0.oldValue ?? "")→\($0.newValue ?? "")" } == ["siti:649→700", "budi:700→710"])
        #expect(try siti.koperasiDetail(nik: inactive).koperasi.anggota == 710)
    }

    @Test func refusalsChangeNothing() throws {
        let store = try fresh()
        let before = try auditCount(store)
        #expect(throws: PantauError.unknownKoperasi(nik: "6408039999999999")) { try store.recordRAT(nik: "6408039999999999", year: 2023) }
        #expect(throws: PantauError.yearInFuture(year: Store.currentYear + 1, latest: Store.currentYear)) {
            try store.recordRAT(nik: inactive, year: Store.currentYear + 1)
        }
        #expect(throws: PantauError.badDate(text: "10/03/2024")) { try store.recordRAT(nik: inactive, year: 2023, heldOn: "10/03/2024") }
        #expect(throws: PantauError.dateInFuture(date: "2999-01-01")) { try store.recordRAT(nik: inactive, year: 2023, heldOn: "2999-01-01") }
        #expect(throws: PantauError.unknownKoperasi(nik: "1")) { try store.evaluate(nik: "1", outcome: .dibina) }
        #expect(throws: PantauError.negativeCount(field: "jumlah_anggota", value: -5)) { try store.editKoperasi(nik: inactive, members: -5) }
        #expect(try auditCount(store) == before)
        #expect(try store.figures(of: muaraBengkal, year: 2023).koperasiActive == 19)
        #expect(PantauError.unknownKoperasi(nik: "1").message(.en) == "No koperasi has NIK 1; check the number (the koperasi list of its kecamatan shows it).")
    }

    @Test func readOnlyRefusesWithOneSentence() throws {
        let path = try Fixtures.freshSampleDatabase()
        let store = try Store.open(at: path, readOnly: true)
        #expect(throws: PantauError.readOnly(path: path)) { try store.recordRAT(nik: inactive, year: 2023) }
        #expect(throws: PantauError.readOnly(path: path)) { try store.evaluate(nik: inactive, outcome: .dibina) }
        #expect(PantauError.readOnly(path: "/d/x.db").message(.en)
                == "The database /d/x.db is open read-only, so nothing was changed; ask for write access or drop --read-only.")
    }

    @Test func theAuditTrailCannotBeEdited() throws {
        let store = try fresh()
        try store.evaluate(nik: inactive, outcome: .dibina)
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "UPDATE audit SET who = 'x'") } }
        #expect(throws: (any Error).self) { try store.write { db in try db.execute(sql: "DELETE FROM audit") } }
        #expect(try auditCount(store) == 1)
    }

    @Test func logFiltersByNIKAndDate() throws {
        let store = try fresh()
        try store.evaluate(nik: inactive, outcome: .dibina)
        try store.evaluate(nik: active, outcome: .dibina)
        #expect(try store.auditLog(nik: active).count == 1)
        #expect(try store.auditLog(since: "2000-01-01").count == 2)
        #expect(try store.auditLog(since: "2999-01-01").isEmpty)
        #expect(throws: PantauError.badDate(text: "kemarin")) { try store.auditLog(since: "kemarin") }
    }

    @Test func anotherProcessWritingChangesTheTokenAndTheFigures() throws {
        let path = try Fixtures.freshSampleDatabase()
        let viewer = try Store.open(at: path)
        let token = viewer.changeToken()
        #expect(viewer.changeToken() == token, "nothing changed, nothing to reload")
        let result = try CLI.run(["rat", inactive, "--year", "2023", "--db", path])
        #expect(result.status == 0)
        #expect(viewer.changeToken() != token)
        #expect(try viewer.figures(of: muaraBengkal, year: 2023).koperasiActive == 20)
    }
}
