import Foundation
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// The rules behind office files, each on a small file: title lines of CSV, rows numbered in advance, total rows with
/// their label in the name column, rows that only look empty of a key, and the Indonesian sentences.
@Suite struct OfficeRowsTests {
    let tests = OfficeWorkbookTests()

    func file(_ text: String) -> String {
        let path = Fixtures.temporaryPath("office.csv")
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static let header = "No;NIK;Nama Koperasi;Kecamatan;Jenis Koperasi;Status Aktif 2023\r\n"
    static let known = "1;6408031000000006;Koperasi Simpan Pinjam Mekar Sari Batu Balai;Muara Bengkal;Simpan Pinjam;Tidak Aktif\r\n"

    /// A title without any delimiter, then one with a comma in its sentence: the semicolons of the header still win.
    @Test func csvTitleLinesDoNotDecideTheDelimiter() throws {
        let path = file("DATA KOPERASI KABUPATEN KUTAI TIMUR TAHUN 2023\r\nDinas Koperasi dan UKM, Sangatta\r\n\r\n" + Self.header + Self.known)
        let (summary, _) = try tests.imported(tests.request(.koperasi, path))
        let f = try #require(summary.files.first)
        #expect(tests.counts(f) == [1, 0, 0, 1])
        #expect(f.preview.headerLine == 4)
    }

    @Test func rowsNumberedInAdvanceAndALabelInTheNameColumnAreSkipped() throws {
        let path = file(Self.header + Self.known + "2;;;;;\r\n3;;;;;\r\n;;Jumlah;;;\r\n")
        let (summary, _) = try tests.imported(tests.request(.koperasi, path))
        let f = try #require(summary.files.first)
        #expect(tests.counts(f) == [1, 0, 0, 1])
        #expect(f.preview.totalRows == [tests.total(5, "Jumlah")])
    }

    /// The same koperasi twice with its own number each time is one koperasi, not two rows that disagree.
    @Test func aRepeatedRowWithAnotherNumberIsTheSameRow() throws {
        let path = file(Self.header + Self.known + Self.known.replacingOccurrences(of: "1;", with: "2;", options: .anchored))
        let (summary, _) = try tests.imported(tests.request(.koperasi, path))
        #expect(tests.counts(try #require(summary.files.first)) == [2, 0, 0, 2])
    }

    /// A row with a name but no NIK is a koperasi with a problem, not a total row; so is a total label beside a NIK.
    @Test func rowsThatOnlyLookLikeTotalsAreChecked() throws {
        let path = file(Self.header + Self.known + "2;;Koperasi Tanpa NIK;Muara Bengkal;Konsumen;Aktif\r\n3;6408031000000012;TOTAL;;;\r\n")
        try tests.refused(tests.request(.koperasi, path), [
            "\(path):3: nik: is empty; every row needs its NIK",
            "\(path):4: kode_wilayah: is empty; give a region code such as 64.08.03 or a name",
            "\(path):4: jenis: is empty; choose one of: konsumen, produsen, simpan pinjam, pemasaran, jasa, serba usaha",
        ])
    }

    /// An UMKM without NIB whose name begins like a total is still an UMKM; only the bare word in the name column is a label.
    @Test func aNameThatBeginsLikeATotalIsARecord() throws {
        let path = file("No;NIB;Nama Usaha;Kecamatan;Sektor;Tahun Binaan\r\n1;;Total Servis Motor;64.08.03;;2021\r\n;;JUMLAH;;;\r\n")
        let (summary, _) = try tests.imported(tests.request(.umkm, path))
        let f = try #require(summary.files.first)
        #expect(tests.counts(f) == [1, 1, 0, 0])
        #expect(f.preview.totalRows == [tests.total(3, "JUMLAH")])
    }

    @Test func indonesianSentences() throws {
        func inIndonesian(_ request: ImportRequest) -> ImportRequest { var r = request; r.lang = .id; return r }
        let formula = OfficeWorkbookTests.path("koperasi-uncached-formula.xlsx")
        try tests.refused(inIndonesian(tests.request(.koperasi, formula)), [
            "\(formula):Data:7: jumlah_anggota: rumus tanpa nilai tersimpan (program yang menulis berkas ini tidak menghitung rumus); buka berkas sekali di Excel atau LibreOffice, simpan, lalu impor lagi",
        ])
        let status = OfficeWorkbookTests.path("koperasi-unknown-status.xlsx")
        try tests.refused(inIndonesian(tests.request(.koperasi, status)), [
            "\(status):Data Koperasi:4: aktif_2023: \"Belum Jelas\" bukan status yang dikenal; tulis salah satu: Aktif, Tidak Aktif, Tdk Aktif, Pasif, Non Aktif, Bubar, Dibubarkan (atau ya/tidak)",
        ])
        let sheets = OfficeWorkbookTests.path("koperasi-sheet-not-kecamatan.xlsx")
        try tests.refused(inIndonesian(tests.request(.koperasi, sheets, sheet: "Muara Kaman")), [
            "\(sheets):Muara Kaman:1: tidak punya kolom wilayah, dan nama lembar \"Muara Kaman\" bukan kecamatan di Kabupaten Kutai Timur; tambahkan kolom Kecamatan (nama atau kode seperti 64.08.03) atau beri lembar nama kecamatannya",
        ])
        let low = OfficeWorkbookTests.path("koperasi-header-too-low.xlsx")
        try tests.refused(inIndonesian(tests.request(.koperasi, low)), [
            "\(low):Laporan: tidak ada baris judul kolom di 30 baris pertama; judul kolom harus memuat paling sedikit: nik, nama, kode_wilayah, jenis (lihat pantau import --template koperasi)",
        ])
    }

    /// Without an office region there is nothing to look a sheet's name up in: said so, never guessed.
    @Test func sheetNameWithoutAnOfficeRegion() throws {
        let path = try Fixtures.freshSampleDatabase()
        try DatabaseSafetyTests.execute(path, "DELETE FROM setting WHERE key = 'office_region'")
        let store = try Store.open(at: path)
        let file = OfficeWorkbookTests.path("koperasi-per-kecamatan.xlsx")
        let failure = #expect(throws: ImportFailure.self) { try store.importFiles(tests.request(.koperasi, file, sheet: "Muara Bengkal")) }
        #expect(failure?.problems.map(\.description) == [
            "\(file):Muara Bengkal:3: has no region column, and the office's region is not set, so the sheet name \"Muara Bengkal\" cannot be looked up; add a Kecamatan column or set pantau setting office_region",
        ])
    }

    @Test func statusWords() {
        let active = ["Aktif", "AKTIF", "ya", "Y", "1", "yes", "Active"].map { StatusWord($0) }
        let inactive = ["Tidak Aktif", "Tdk Aktif", "tdk. aktif", "Pasif", "Non Aktif", "Non-Aktif", "NONAKTIF", "tidak", "0", "no", "Inactive"].map { StatusWord($0) }
        let dissolved = ["Bubar", "Dibubarkan", "BUBAR"].map { StatusWord($0) }
        #expect(active.allSatisfy { $0 == .active })
        #expect(inactive.allSatisfy { $0 == .inactive })
        #expect(dissolved.allSatisfy { $0 == .dissolved })
        #expect(["Belum Jelas", "Vakum", "", "aktif?2"].map { StatusWord($0) }.allSatisfy { $0 == nil })
    }
}
