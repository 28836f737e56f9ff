import PantauCore
import PantauSQLite
import PantauTestSupport
import SnapshotTesting
import Testing
@testable import PantauTUI

/// The narrow layout (one pane at a time under a tab bar) at 40×15 and 50×30, in Unicode and ASCII.
@Suite struct NarrowLayoutTests {
    static let sizes = [(40, 15, false), (40, 15, true), (50, 30, false), (50, 30, true)]

    func name(_ what: String, _ size: (Int, Int, Bool)) -> String { "\(what)-\(size.0)x\(size.1)\(size.2 ? "-ascii" : "")" }

    func snapshot(_ h: Harness, _ what: String, _ size: (Int, Int, Bool), testName: String = #function) {
        assertSnapshot(of: h.screen, as: .lines, named: name(what, size), testName: testName)
        if size.2 { #expect(h.screen.unicodeScalars.allSatisfy { $0.isASCII }) }
    }

    @Test(arguments: sizes)
    func everyTab(size: (Int, Int, Bool)) throws {
        var h = try Harness(width: size.0, height: size.1, ascii: size.2)
        #expect(h.layout.kind == .narrow)
        for tab in Tab.allCases {
            try h.press(.character(Character(String(tab.rawValue + 1))))
            #expect(h.state.tab == tab)
            snapshot(h, "tab\(tab.rawValue + 1)", size)
        }
    }

    @Test(arguments: sizes)
    func koperasiListDetailAndFilter(size: (Int, Int, Bool)) throws {
        var h = try Harness(width: size.0, height: size.1, scope: "64.08.03", ascii: size.2)
        snapshot(h, "koperasi", size)
        try h.press(.enter)
        snapshot(h, "detail", size)
        try h.press(.escape, .character("/"))
        try h.type("borneo")
        snapshot(h, "filtered", size)
        #expect(h.canvas.lines().last?.hasSuffix("saring: borneo_") == true, "what is typed shows")
        try h.press(.enter)
        #expect(h.screen.contains("/borneo"), "the filter stays on screen after Enter")
        #expect(h.state.mainKoperasiRows.count == 2)
    }

    @Test(arguments: sizes)
    func forms(size: (Int, Int, Bool)) throws {
        var h = try Harness(width: size.0, height: size.1, scope: "64.08.03", ascii: size.2,
                            store: try Store.open(at: try Fixtures.freshSampleDatabase()))
        for (key, what) in [("R", "rat"), ("e", "evaluate"), ("E", "edit")] {
            try h.press(.character(Character(key)))
            snapshot(h, "form-\(what)", size)
            try h.press(.escape)
        }
    }

    @Test(arguments: sizes)
    func helpInPages(size: (Int, Int, Bool)) throws {
        var h = try Harness(width: size.0, height: size.1, ascii: size.2)
        try h.press(.character("?"))
        snapshot(h, "help1", size)
        try h.press(.character(" "))
        snapshot(h, "help2", size)
    }

    @Test(arguments: [false, true])
    func tooSmallAt30x10(ascii: Bool) throws {
        let h = try Harness(width: 30, height: 10, ascii: ascii)
        assertSnapshot(of: h.screen, as: .lines, named: ascii ? "ascii" : "unicode")
        #expect(h.canvas.lines()[2] == (ascii ? "40x15." : "40×15."))
    }

    // MARK: figures on the narrow screens

    @Test func muaraBengkalAt40Columns() throws {
        let h = try Harness(width: 40, height: 15, scope: "64.08.03")
        let lines = h.canvas.lines()
        #expect(lines[0] == " 1 [2 Koperasi] 3 4 5 6")
        #expect(lines[1].hasPrefix("┌ Muara Bengkal: 49, aktif 19 · 2023 "))
        #expect(lines[2] == "│Nama                   Aktif RAT akhir│", "name, active and last RAT; NIK, type and members go")
        #expect(lines[3] == "│KSP Al-Ikhlas V Muara… tidak      2015│")
    }

    @Test func kecamatanListAt40ColumnsKeepsEveryNumber() throws {
        let h = try Harness(width: 40, height: 15)
        let lines = h.canvas.lines()
        #expect(lines[2] == "│Kecamatan          Total Aktif   Rasio│")
        #expect(lines.contains("│Muara Bengkal         49    19  38,8 %│"))
        #expect(lines.contains("│Jumlah             1.209   325  26,9 %│"))
    }

    @Test func wideTablesKeepTheirColumnsAt50Columns() throws {
        let koperasi = try Harness(width: 50, height: 30, scope: "64.08.03")
        #expect(koperasi.canvas.lines()[2] == "│Nama                     Aktif RAT akhir Anggota│")
        let kecamatan = try Harness(width: 50, height: 30)
        #expect(kecamatan.canvas.lines()[2] == "│Kecamatan              Total Aktif   Tdk   Rasio│", "a bar of 4 cells goes")
        #expect(kecamatan.canvas.lines().contains("│Muara Bengkal             49    19    30  38,8 %│"))
    }

    @Test func tabBarNamesEveryPaneWhenThereIsRoom() throws {
        var h = try Harness(width: 60, height: 20)
        #expect(h.canvas.lines()[0] == " 1 Wilayah [2 Kecamatan] 3 Tipe A 4 Rasio 5 Tahun 6 Evaluasi")
        try h.press(.character("4"))
        #expect(h.canvas.lines()[0] == " 1 Wilayah 2 Kecamatan 3 Tipe A [4 Rasio] 5 Tahun 6 Evaluasi")
        let english = try Harness(width: 50, height: 20, lang: .en)
        #expect(english.canvas.lines()[0] == " 1 Reg [2 Subdistrict] 3 Tip 4 Rat 5 Yea 6 Eva")
    }

    @Test func theChosenTabIsInReverseVideo() throws {
        let h = try Harness(width: 40, height: 15)
        let canvas = h.canvas
        #expect(canvas.text(in: Rect(x: 3, y: 0, width: 13, height: 1)) == "[2 Kecamatan]")
        #expect(canvas[3, 0].style.reverse && canvas[15, 0].style.reverse)
        #expect(!canvas[1, 0].style.reverse && !canvas[17, 0].style.reverse)
    }

    @Test func tipeAAndYearsAt40Columns() throws {
        var h = try Harness(width: 40, height: 15)
        try h.press(.character("3"))
        #expect(h.screen.contains("│Koperasi aktif               325 / 250│"))
        #expect(h.screen.contains("│UMKM binaan             9.214 / 56.000│"))
        try h.press(.character("5"))
        #expect(h.screen.contains("│2022→2023 −50,4 %"))
        #expect(h.screen.contains("655") && h.screen.contains("325"))
        try h.press(.character("6"))
        #expect(h.screen.contains("│Dievaluasi                     126/884│"))
    }
}
