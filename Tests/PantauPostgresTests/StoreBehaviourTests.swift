import Foundation
import PantauCore
import PantauPostgres
import PantauSQLite
import PantauTestSupport
import Testing

/// What every store must do, written once against the port and run on each adapter: the sample in a SQLite file,
/// and the same rows on a fresh database of a real PostgreSQL server (skipped with the other server tests when
/// there is none). Who did a change is not compared: a server stamps its own login.
@Suite struct StoreBehaviourTests {
    enum Kind: String, CaseIterable, CustomTestStringConvertible {
        case sqlite, postgres
        var testDescription: String { rawValue }
    }

    /// Inactive in 2023 (last RAT 2015) and active in 2023, both in Muara Bengkal.
    let inactive = "6408031000000023", active = "6408031000000016"
    let muaraBengkal = Region(code: "64.08.03", name: "Muara Bengkal", level: .kecamatan)

    /// A store of the kind holding the sample; nil for a server when none is given.
    func sample(_ kind: Kind) async throws -> (any PantauStore)? {
        let file = try Fixtures.freshSampleDatabase()
        switch kind {
        case .sqlite: return try Store.open(at: file)
        case .postgres:
            guard let server = try PostgresServer.available() else { return nil }
            let database = try server.freshDatabase()
            guard case .postgres(let address) = try StoreAddress.parse(database.url, environment: [:]) else { return nil }
            try await PostgresStore.create(address, from: Store.open(at: file).tableContents())
            return try await PostgresStore.open(address, readOnly: false, importChecker: LocalImportCheck.checker(regionsOf: Fixtures.sample))
        }
    }

    @Test(arguments: Kind.allCases) func ratMakesTheKoperasiActiveWithTwoAuditEntries(_ kind: Kind) async throws {
        guard let store = try await sample(kind) else { return }
        try await store.recordRAT(nik: inactive, year: 2023, heldOn: "2024-03-10", note: "balai desa", who: "siti")
        #expect(try await store.figures(of: muaraBengkal, year: 2023).koperasiActive == 20)
        #expect(try await store.report(scope: "Kutai Timur", year: 2023).totals.koperasiActive == 326)
        let log = try await store.auditLog(nik: inactive, since: nil)
        #expect(log.map { "\($0.field) \($0.oldValue ?? "-") \($0.newValue ?? "-") \($0.note)" } == ["rat - 2023 2024-03-10 balai desa", "aktif_2023 tidak ya RAT 2023"])
        let detail = try await store.koperasiDetail(nik: inactive)
        #expect(detail.koperasi.ratYears.max() == 2023 && detail.ratDates[2023] == "2024-03-10")
        #expect(detail.audit.map(\.field) == ["rat", "aktif_2023"])

        // A second RAT of the same year, now active, adds only the meeting.
        try await store.recordRAT(nik: active, year: 2023, heldOn: "2024-02-01", note: "", who: "siti")
        #expect(try await store.auditLog(nik: active, since: nil).map(\.field) == ["rat"])
        #expect(try await store.figures(of: muaraBengkal, year: 2023).koperasiActive == 20)
    }

    @Test(arguments: Kind.allCases) func evaluationsAndEditsAreKeptAndAudited(_ kind: Kind) async throws {
        guard let store = try await sample(kind) else { return }
        let before = try await store.evaluationProgress(of: muaraBengkal, year: 2023)
        try await store.evaluate(nik: inactive, outcome: .usulBubarkan, note: "pengurus tidak ditemukan", who: "budi")
        let after = try await store.evaluationProgress(of: muaraBengkal, year: 2023)
        #expect(after.evaluated == before.evaluated + 1 && after.inactive == 30)
        #expect(after.byOutcome[.usulBubarkan] == (before.byOutcome[.usulBubarkan] ?? 0) + 1)
        #expect(try await store.koperasiDetail(nik: inactive).evaluations.last?.note == "pengurus tidak ditemukan")

        try await store.editKoperasi(nik: inactive, members: 650, health: nil, clearHealth: false, note: "", who: "budi")
        try await store.editKoperasi(nik: inactive, members: 650, health: .dalamPengawasan, clearHealth: false, note: "", who: "budi")
        let log = try await store.auditLog(nik: inactive, since: nil)
        #expect(log.map { "\($0.field) \($0.oldValue ?? "-") \($0.newValue ?? "-")" }
                == ["hasil_evaluasi - usul-bubarkan", "jumlah_anggota 649 650", "kesehatan - Dalam Pengawasan"])
        #expect(try await store.koperasiDetail(nik: inactive).koperasi.anggota == 650)
    }

    /// `pantau log` reads the trail a page at a time: the pages, one after the other, are the whole trail in order,
    /// filtered alike.
    @Test(arguments: Kind.allCases) func theAuditTrailReadsInPages(_ kind: Kind) async throws {
        guard let store = try await sample(kind) else { return }
        try await store.recordRAT(nik: inactive, year: 2023, heldOn: nil, note: "", who: "siti")
        try await store.evaluate(nik: active, outcome: .dibina, note: "", who: "siti")
        try await store.editKoperasi(nik: inactive, members: 650, health: .sehat, clearHealth: false, note: "", who: "siti")
        let whole = try await store.auditLog(nik: nil, since: nil)
        #expect(whole.map(\.field) == ["rat", "aktif_2023", "hasil_evaluasi", "jumlah_anggota", "kesehatan"])
        var paged: [AuditEntry] = []
        var after: Int64 = 0
        while case let page = try await store.auditLog(nik: nil, since: nil, afterID: after, limit: 2), let last = page.last {
            #expect(page.count <= 2)
            paged += page
            after = last.id
        }
        #expect(paged == whole)
        let first = try await store.auditLog(nik: inactive, since: nil, afterID: 0, limit: 2)
        #expect(first.map(\.field) == ["rat", "aktif_2023"])
        #expect(try await store.auditLog(nik: inactive, since: nil, afterID: first[1].id, limit: 2).map(\.field) == ["jumlah_anggota", "kesehatan"])
    }

    @Test(arguments: Kind.allCases) func refusalsAreTheSameAndChangeNothing(_ kind: Kind) async throws {
        guard let store = try await sample(kind) else { return }
        let before = try await Fixtures.contents(of: store)
        let year = Today.year
        await #expect(throws: PantauError.unknownKoperasi(nik: "6408039999999999")) {
            try await store.recordRAT(nik: "6408039999999999", year: 2023, heldOn: nil, note: "", who: "siti")
        }
        await #expect(throws: PantauError.yearInFuture(year: year + 1, latest: year)) {
            try await store.recordRAT(nik: inactive, year: year + 1, heldOn: nil, note: "", who: "siti")
        }
        await #expect(throws: PantauError.badDate(text: "10/03/2024")) {
            try await store.recordRAT(nik: inactive, year: 2023, heldOn: "10/03/2024", note: "", who: "siti")
        }
        await #expect(throws: PantauError.unknownKoperasi(nik: "1")) { try await store.evaluate(nik: "1", outcome: .dibina, note: "", who: "siti") }
        await #expect(throws: PantauError.negativeCount(field: "jumlah_anggota", value: -5)) {
            try await store.editKoperasi(nik: inactive, members: -5, health: nil, clearHealth: false, note: "", who: "siti")
        }
        await #expect(throws: PantauError.badDate(text: "kemarin")) { try await store.auditLog(nik: nil, since: "kemarin") }
        #expect(try await Fixtures.contents(of: store) == before)
    }

    @Test(arguments: Kind.allCases) func settingsAreCheckedAndKept(_ kind: Kind) async throws {
        guard let store = try await sample(kind) else { return }
        try await store.changeSetting(.ratStaleYears, to: "5", who: "siti")
        #expect(try await store.staleRATYears() == 5)
        try await store.changeSetting(.officeRegion, to: "Muara Bengkal", who: "siti")
        #expect(try await store.officeRegion()?.code == "64.08.03")
        await #expect(throws: PantauError.self) { try await store.changeSetting(.ratStaleYears, to: "nol", who: "siti") }
        #expect(try await store.setting(.ratStaleYears) == "5")
    }

    @Test(arguments: Kind.allCases) func anExportImportedAgainChangesNothing(_ kind: Kind) async throws {
        guard let store = try await sample(kind) else { return }
        for importKind in [ImportKind.koperasi, .pelatihan, .target] {
            let path = Fixtures.temporaryPath("\(importKind.rawValue).csv")
            FileManager.default.createFile(atPath: path, contents: nil)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
            try await store.export(importKind, scope: store.resolveRegion("64.08"), year: nil, to: CSVSink(CSVWriter(handle: handle)))
            try handle.close()
            let summary = try await store.importFiles(ImportRequest(kind: importKind, files: [path]), progress: nil)
            #expect(summary.files.map { [$0.inserted, $0.updated] } == [[0, 0]], "\(importKind)")
            #expect(summary.files[0].unchanged > 0, "\(importKind)")
        }
    }
}
