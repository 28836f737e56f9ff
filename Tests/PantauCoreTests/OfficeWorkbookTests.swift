import Foundation
import GRDB
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// Workbooks shaped like the files offices keep (Fixtures/office; its README says how each was made and what it must
/// give): the header found below title blocks, numbering columns ignored, total rows skipped, one sheet per
/// kecamatan, the status words offices write, and the preview of what was understood.
@Suite struct OfficeWorkbookTests {
    static let folder = Fixtures.repository.appendingPathComponent("Tests/PantauCoreTests/Fixtures/office")
    static func path(_ name: String) -> String { folder.appendingPathComponent(name).path }

    func request(_ kind: ImportKind, _ file: String, allSheets: Bool = false, sheet: String? = nil, dryRun: Bool = false) -> ImportRequest {
        var r = ImportRequest(kind: kind, files: [file])
        r.lang = .en
        r.who = "tester"
        r.allSheets = allSheets
        r.sheet = sheet
        r.dryRun = dryRun
        return r
    }

    /// Imports into a new sample database as an officer would: a dry run first, which must write nothing and promise
    /// what the import then does; the import; and the same file again, which must change nothing.
    func imported(_ request: ImportRequest) throws -> (summary: ImportSummary, store: Store) {
        let path = try Fixtures.freshSampleDatabase()
        let store = try Store.open(at: path)
        let before = try DatabaseSafetyTests.contents(path)
        var dry = request
        dry.dryRun = true
        let preview = try store.importFiles(dry)
        #expect(try DatabaseSafetyTests.contents(path) == before, "a dry run writes nothing")
        let summary = try store.importFiles(request)
        #expect(summary.files.map(\.preview) == preview.files.map(\.preview))
        #expect(summary.files.map(counts) == preview.files.map { [$0.rows, $0.inserted, $0.updated, $0.unchanged] })
        #expect(summary.sheetsWithoutHeader == preview.sheetsWithoutHeader)
        let again = try store.importFiles(request)
        #expect(again.files.map { [$0.inserted, $0.updated] } == again.files.map { _ in [0, 0] }, "importing the same file twice changes nothing")
        return (summary, store)
    }

    /// An import that must be refused: the exact problems, and every table as it was.
    func refused(_ request: ImportRequest, _ expected: [String]) throws {
        let path = try Fixtures.freshSampleDatabase()
        let store = try Store.open(at: path)
        let before = try DatabaseSafetyTests.contents(path)
        let failure = #expect(throws: ImportFailure.self) { try store.importFiles(request) }
        #expect(failure?.problems.map(\.description) == expected)
        #expect(try DatabaseSafetyTests.contents(path) == before, "a refused import leaves the database as it was")
    }

    /// What each column was read as: the field, or "-" for an ignored column and "No" for a numbering column.
    func fields(_ preview: ImportPreview) -> [String] {
        preview.columns.map { $0.field ?? ($0.numbering ? "No" : "-") }
    }

    /// Rows, added, changed, unchanged.
    func counts(_ f: ImportSummary.File) -> [Int] { [f.rows, f.inserted, f.updated, f.unchanged] }

    func total(_ line: Int, _ label: String) -> ImportPreview.TotalRow { ImportPreview.TotalRow(line: line, label: label) }

    func members(_ store: Store, _ nik: String) throws -> Int? {
        try store.read { db in try Int.fetchOne(db, sql: "SELECT anggota FROM koperasi WHERE nik = ?", arguments: [nik]) }
    }

    func active(_ store: Store, _ nik: String, _ year: Int) throws -> Bool? {
        try store.read { db in try Bool.fetchOne(db, sql: "SELECT active FROM koperasi_status WHERE nik = ? AND year = ?", arguments: [nik, year]) }
    }

    static let officeHeader = ["No", "nik", "nama", "kode_wilayah", "jenis", "jumlah_anggota", "tahun_berdiri", "aktif_2023"]

    @Test func titleBlockNumberingColumnAndTotalRow() throws {
        let file = Self.path("koperasi-title-block.xlsx")
        let (summary, store) = try imported(request(.koperasi, file))
        let f = try #require(summary.files.first)
        #expect(f.location == "\(file):Data Koperasi")
        #expect(counts(f) + [f.warned] == [5, 1, 1, 3, 0])
        #expect(f.preview.sheet == "Data Koperasi")
        #expect(f.preview.headerLine == 4)
        #expect(f.preview.columns.map(\.name) == ["No", "NIK", "Nama Koperasi", "Kecamatan", "Jenis Koperasi", "Jumlah Anggota", "Tahun Berdiri", "Status Aktif 2023"])
        #expect(fields(f.preview) == Self.officeHeader)
        #expect(f.preview.totalRows == [total(11, "JUMLAH")])
        #expect(summary.warnings.isEmpty)
        #expect(try members(store, "6408031000000004") == 250)
        #expect(try store.read { db in try String.fetchOne(db, sql: "SELECT region_code FROM koperasi WHERE nik = '6408031000000050'") } == "64.08.03")
        #expect(try active(store, "6408031000000050", 2023) == true)
        // Its kecamatan (=PROPER("muara bengkal")) and members (=100+20) are formulas, read by their saved values.
        #expect(try members(store, "6408031000000050") == 120)
    }

    @Test func fiveTitleRowsSubtotalsAndEveryStatusWord() throws {
        let file = Self.path("koperasi-subtotals.xlsx")
        let (summary, store) = try imported(request(.koperasi, file))
        let f = try #require(summary.files.first)
        #expect(counts(f) + [f.warned] == [7, 1, 1, 5, 3])
        #expect(f.preview.headerLine == 6)
        #expect(fields(f.preview) == Self.officeHeader + ["-"])
        #expect(f.preview.totalRows.map(\.line) == [11, 16, 18])
        #expect(f.preview.totalRows.map(\.label) == ["Jumlah", "SUBTOTAL", "TOTAL"])
        #expect(summary.warnings.map(\.description) == [
            "\(file):Koperasi 2023:6: Keterangan: unknown column, ignored",
            "\(file):Koperasi 2023:14: aktif_2023: \"Bubar\" is recorded as inactive; a dissolved koperasi is recorded through the evaluation outcome (pantau evaluate 6408121000000002 --outcome usul-bubarkan)",
            "\(file):Koperasi 2023:15: aktif_2023: \"Dibubarkan\" is recorded as inactive; a dissolved koperasi is recorded through the evaluation outcome (pantau evaluate 6408121000000140 --outcome usul-bubarkan)",
        ])
        // Aktif, Tdk Aktif, Pasif, Non Aktif, Aktif, Bubar, Dibubarkan.
        let statuses = try ["6408091000000001", "6408091000000003", "6408091000000004", "6408091000000006", "6408121000000006", "6408121000000002", "6408121000000140"]
            .map { try active(store, $0, 2023) }
        #expect(statuses == [true, false, false, false, true, false, false])
    }

    @Test func englishHeaderWithoutTitle() throws {
        let file = Self.path("koperasi-english.xlsx")
        let (summary, store) = try imported(request(.koperasi, file))
        let f = try #require(summary.files.first)
        #expect(counts(f) == [3, 0, 1, 2])
        #expect(f.preview.headerLine == 1)
        #expect(f.preview.columns.map(\.name) == ["No.", "NIK", "Name", "Region", "Type", "Members", "Founded", "Active 2023"])
        #expect(fields(f.preview) == Self.officeHeader)
        #expect(f.preview.totalRows == [total(5, "Total")])
        #expect(try active(store, "6408041000000006", 2023) == true)
    }

    @Test func oneSheetPerKecamatanWithAllSheets() throws {
        let file = Self.path("koperasi-per-kecamatan.xlsx")
        let (summary, store) = try imported(request(.koperasi, file, allSheets: true))
        #expect(summary.sheetsWithoutHeader == ["\(file):Rekap"])
        #expect(summary.files.map(\.location) == ["Muara Bengkal", "Sangatta Utara", "Kec. Bengalon"].map { "\(file):\($0)" })
        #expect(summary.files.map(counts) == [[3, 1, 0, 2], [2, 0, 1, 1], [2, 0, 1, 1]])
        #expect(summary.files.map(\.preview.headerLine) == [3, 1, 2])
        #expect(summary.files.map(\.preview.regionFromSheet) == [
            "Muara Bengkal, Kutai Timur (64.08.03)", "Sangatta Utara, Kutai Timur (64.08.04)", "Bengalon, Kutai Timur (64.08.09)"])
        #expect(summary.files.map { fields($0.preview) } == Array(repeating: ["No", "nik", "nama", "jenis", "jumlah_anggota", "tahun_berdiri", "aktif_2023"], count: 3))
        #expect(summary.files.map { $0.preview.totalRows } == [[total(7, "JUMLAH")], [total(4, "JUMLAH")], [total(5, "TOTAL")]])
        let regions = try store.read { db in
            try String.fetchAll(db, sql: "SELECT region_code FROM koperasi WHERE nik IN ('6408031000000051', '6408041000000003', '6408091000000005') ORDER BY nik")
        }
        #expect(regions == ["64.08.03", "64.08.04", "64.08.09"])
        #expect(try members(store, "6408091000000005") == 35)
    }

    @Test func oneSheetOfAWorkbookPerKecamatanBySheetName() throws {
        let file = Self.path("koperasi-per-kecamatan.xlsx")
        let (summary, _) = try imported(request(.koperasi, file, sheet: "Sangatta Utara"))
        #expect(summary.files.map(counts) == [[2, 0, 1, 1]])
        #expect(summary.files.first?.preview.regionFromSheet == "Sangatta Utara, Kutai Timur (64.08.04)")
    }

    /// Only the first sheet is read without --all-sheets: the summary says which other sheets were left.
    @Test func importingOnlyTheFirstOfSeveralSheetsIsSaidSo() throws {
        let file = Self.path("koperasi-sheet-not-kecamatan.xlsx")
        let (summary, _) = try imported(request(.koperasi, file))
        #expect(summary.files.map(counts) == [[1, 1, 0, 0]])
        #expect(summary.files.first?.preview.regionFromSheet == "Muara Bengkal, Kutai Timur (64.08.03)")
        #expect(summary.warnings.map(\.description) == [
            "\(file):Muara Bengkal: only this sheet was read; the sheets Muara Kaman, Sangata Utara have a header too: import them all with --all-sheets",
        ])
    }

    @Test func firstSheetWithoutHeaderPointsToAllSheets() throws {
        let file = Self.path("koperasi-per-kecamatan.xlsx")
        try refused(request(.koperasi, file), [
            "\(file):Rekap: no header row in the first 30 rows; the header must name at least: nik, nama, kode_wilayah, jenis (see pantau import --template koperasi); the sheets Muara Bengkal, Sangatta Utara, Kec. Bengalon have one: import them all with --all-sheets",
        ])
    }

    @Test func sheetNamesThatAreNotAKecamatanOfTheOfficeAreNeverGuessed() throws {
        let file = Self.path("koperasi-sheet-not-kecamatan.xlsx")
        func sentence(_ sheet: String) -> String {
            "\(file):\(sheet):1: has no region column, and the sheet name \"\(sheet)\" is not a kecamatan of Kabupaten Kutai Timur; add a Kecamatan column (a name or a code such as 64.08.03) or name the sheet after its kecamatan"
        }
        try refused(request(.koperasi, file, allSheets: true), [sentence("Muara Kaman"), sentence("Sangata Utara")])
    }

    @Test func aKoperasiOnTwoSheetsIsAProblem() throws {
        let file = Self.path("koperasi-same-nik-two-sheets.xlsx")
        try refused(request(.koperasi, file, allSheets: true), [
            "\(file):Sangatta Utara:3: nik: NIK 6408031000000002 is also on sheet Muara Bengkal, row 2; keep each record on one sheet only",
        ])
    }

    @Test func unknownStatusWordListsTheAcceptedOnes() throws {
        let file = Self.path("koperasi-unknown-status.xlsx")
        try refused(request(.koperasi, file), [
            "\(file):Data Koperasi:4: aktif_2023: \"Belum Jelas\" is not a known status; write one of: Aktif, Tidak Aktif, Tdk Aktif, Pasif, Non Aktif, Bubar, Dibubarkan (or yes/no)",
        ])
    }

    @Test func totalRowFormulasWithoutCachedValuesAreNotRead() throws {
        let file = Self.path("koperasi-openpyxl.xlsx")
        let (summary, store) = try imported(request(.koperasi, file))
        let f = try #require(summary.files.first)
        #expect(counts(f) == [3, 0, 1, 2])
        #expect(f.preview.headerLine == 5)
        #expect(f.preview.totalRows == [total(9, "TOTAL")])
        #expect(try members(store, "6408121000000005") == 25)
    }

    @Test func dataFormulaWithoutCachedValueIsAProblemWithSheetAndRow() throws {
        let file = Self.path("koperasi-uncached-formula.xlsx")
        try refused(request(.koperasi, file), [
            "\(file):Data:7: jumlah_anggota: is a formula without a saved value (the program that wrote the file does not calculate formulas); open the file once in Excel or LibreOffice, save it, and import again",
        ])
    }

    @Test func headerBelowRowThirtyIsNotLookedFor() throws {
        let file = Self.path("koperasi-header-too-low.xlsx")
        try refused(request(.koperasi, file), [
            "\(file):Laporan: no header row in the first 30 rows; the header must name at least: nik, nama, kode_wilayah, jenis (see pantau import --template koperasi)",
        ])
    }

    @Test func umkmWorkbookWithTitleBlock() throws {
        let file = Self.path("umkm-title-block.xlsx")
        let (summary, _) = try imported(request(.umkm, file))
        let f = try #require(summary.files.first)
        #expect(counts(f) == [4, 1, 0, 3])
        #expect(f.preview.headerLine == 4)
        #expect(fields(f.preview) == ["No", "nib", "nama_usaha", "kode_wilayah", "sektor", "tahun_binaan", "-"])
        #expect(f.preview.totalRows == [total(10, "JUMLAH")])
    }

    @Test func csvWithTitleLinesAndTotalLine() throws {
        let file = Self.path("koperasi-title-block.csv")
        let (summary, _) = try imported(request(.koperasi, file))
        let f = try #require(summary.files.first)
        #expect(counts(f) == [3, 1, 0, 2])
        #expect(f.preview.sheet == nil)
        #expect(f.preview.headerLine == 4)
        #expect(fields(f.preview) == Self.officeHeader)
        #expect(f.preview.totalRows == [total(9, "JUMLAH")])
    }
}
