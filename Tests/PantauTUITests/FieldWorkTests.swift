import PantauCore
import PantauSQLite
import PantauTestSupport
import SnapshotTesting
import Testing
@testable import PantauTUI

/// The field-work keys of the dashboard, writing to a database of their own.
@Suite struct FieldWorkTests {
    /// KSP Al-Ikhlas V Muara Bengkal Ilir: inactive in 2023, last RAT in 2015.
    let inactiveNIK = "6408031000000023"

    func muaraBengkal(readOnly: Bool = false) throws -> Harness {
        let path = try Fixtures.freshSampleDatabase()
        return try Harness(scope: "64.08.03", store: try Store.open(at: path, readOnly: readOnly))
    }

    @Test func statusFilterCyclesThroughTheFiveViews() throws {
        var h = try muaraBengkal()
        var counts: [Int] = []
        for _ in 0..<5 {
            counts.append(h.state.mainKoperasiRows.count)
            try h.press(.character("f"))
        }
        let rows = h.state.data!.koperasi
        #expect(counts[0] == 49 && counts[1] == 19 && counts[2] == 30)
        #expect(counts[3] == rows.filter { $0.active == false && $0.evaluation == nil }.count)
        #expect(counts[4] == rows.filter { ($0.lastRAT ?? 0) <= 2020 }.count)
        #expect(h.state.main.status == 0)
    }

    @Test func enterOpensTheDetailAndEscClosesIt() throws {
        var h = try muaraBengkal()
        try h.press(.enter)
        let detail = try #require(h.state.detail)
        #expect(detail.koperasi.nik == inactiveNIK)
        #expect(detail.regionLabel == "Muara Bengkal, Kutai Timur (64.08.03)")
        assertSnapshot(of: h.screen, as: .lines)
        try h.press(.escape)
        #expect(h.state.detail == nil && h.state.showsKoperasi)
    }

    @Test func recordRATMakesTheKoperasiActive() throws {
        var h = try muaraBengkal()
        try h.press(.character("R"))
        #expect(h.state.form?.kind == .rat)
        #expect(h.state.form?.fields[0].value == "2023")
        try h.press(.enter)
        try h.type("2024-03-10")
        try h.press(.enter)
        try h.type("RAT di balai desa")
        assertSnapshot(of: h.screen, as: .lines, named: "form")
        try h.press(.enter)
        #expect(h.state.form?.confirming == true)
        try h.press(.character("y"))
        #expect(h.effects == [.save(.rat(nik: inactiveNIK, year: 2023, date: "2024-03-10", note: "RAT di balai desa"))])
        #expect(h.state.message == "Tersimpan.")
        #expect(h.state.data?.scopeFigures.koperasiActive == 20)
        #expect(h.state.mainKoperasiRows.first { $0.nik == inactiveNIK }?.active == true)
        #expect(h.state.mainKoperasiRows[h.state.main.selected].nik == inactiveNIK, "the selection stays on the koperasi")
    }

    @Test func evaluationOutcomeIsChosenWithArrowsOrDigits() throws {
        var h = try muaraBengkal()
        try h.press(.character("e"))
        try h.press(.right, .right)
        #expect(h.state.form?.fields[0].value == "usul-bubarkan")
        try h.press(.character("2"))
        #expect(h.state.form?.fields[0].value == "usul-bekukan")
        try h.press(.enter)
        try h.type("tidak RAT sejak 2015")
        try h.press(.enter, .character("y"))
        #expect(h.effects == [.save(.evaluation(nik: inactiveNIK, outcome: .usulBekukan, note: "tidak RAT sejak 2015"))])
        #expect(h.state.data?.evaluation.byOutcome[.usulBekukan] == 3)
    }

    @Test func editAsksAgainWhenANumberIsNotANumber() throws {
        var h = try muaraBengkal()
        try h.press(.character("E"))
        try h.press(.backspace, .backspace, .backspace)
        try h.type("12x")
        try h.press(.enter, .right, .enter, .character("y"))
        #expect(h.state.form?.index == 0)
        #expect(h.state.message == "Jumlah anggota harus berupa angka.")
        try h.press(.backspace)
        try h.press(.enter, .enter, .character("y"))
        #expect(h.effects == [.save(.edit(nik: inactiveNIK, members: 12, health: .sehat, clearHealth: false))])
        #expect(h.state.data?.koperasi.first { $0.nik == inactiveNIK }?.anggota == 12)
    }

    @Test func escCancelsAFormWithoutWriting() throws {
        var h = try muaraBengkal()
        try h.press(.character("R"), .escape)
        #expect(h.state.form == nil && h.effects.isEmpty)
        try h.press(.character("R"), .enter, .enter, .enter, .character("n"))
        #expect(h.state.form?.confirming == false)
        try h.press(.escape)
        #expect(h.state.data?.scopeFigures.koperasiActive == 19)
    }

    @Test func aFutureYearIsRefusedWithTheCoreSentence() throws {
        var h = try muaraBengkal()
        try h.press(.character("R"), .backspace, .backspace, .backspace, .backspace)
        try h.type("2999")
        try h.press(.enter, .enter, .enter, .character("y"))
        #expect(h.state.message == "Tahun 2999 belum dimulai; berikan tahun paling lambat \(Store.currentYear).")
        #expect(h.state.data?.scopeFigures.koperasiActive == 19)
    }

    @Test func readOnlyRefusesEditKeysAndShowsTheBadge() throws {
        var h = try muaraBengkal(readOnly: true)
        #expect(h.screen.contains("HANYA BACA"))
        for key in ["R", "e", "E"] {
            try h.press(.character(Character(key)))
            #expect(h.state.form == nil)
            #expect(h.state.message == "Hanya baca: perubahan tidak diizinkan.")
            #expect(h.canvas.lines()[23].contains("Hanya baca: perubahan tidak diizinkan."))
        }
    }

    @Test func editKeysNeedAKoperasi() throws {
        var h = try Harness()
        try h.press(.character("R"))
        #expect(h.state.form == nil)
        #expect(h.state.message == "Pilih koperasi lebih dulu (buka sebuah kecamatan).")
    }

    @Test func anotherProcessChangingTheDatabaseReloadsKeepingTheSelection() throws {
        let path = try Fixtures.freshSampleDatabase()
        var h = try Harness(scope: "64.08.03", store: try Store.open(at: path))
        try h.press(.character("f"), .character("f"))  // inactive only: the revived koperasi will leave the list
        try h.press(.down, .down, .down)
        let selected = h.state.mainKoperasiRows[3].nik
        #expect(h.state.mainKoperasiRows[0].nik == inactiveNIK)
        try Store.open(at: path).recordRAT(nik: inactiveNIK, year: 2023)
        try h.send(.databaseChanged)
        #expect(h.effects == [.load(scope: "64.08.03", year: 2023)])
        #expect(h.state.data?.scopeFigures.koperasiActive == 20)
        #expect(h.state.mainKoperasiRows.count == 29)
        #expect(h.state.main.selected == 2)
        #expect(h.state.mainKoperasiRows[h.state.main.selected].nik == selected)
    }
}
