import Foundation
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// CSV output a spreadsheet opens: a text cell that starts like a formula is guarded with an apostrophe,
/// numbers are written as they are, and import gives the cells back exactly.
@Suite struct CSVOutputTests {
    let importing = ImportTests()
    static let names = ["=1+2", "+62 812 555", "-Toko Minus", "@SUM(A1)", "'=sudah berapostrof", "'Warung Petik", "Warung = Biasa"]

    @Test func textCellsThatStartLikeAFormulaAreGuardedAndNumbersAreNot() {
        let csv = CSVWriter.text([["nama", "jumlah_anggota", "sektor", "tahun"], ["=1+2", "-5", "\tkuliner", "-1"], ["\r\nbaris", "12", "@x", ""]])
        #expect(csv == "nama,jumlah_anggota,sektor,tahun\n'=1+2,-5,'\tkuliner,-1\n\"'\r\nbaris\",12,'@x,\n")
    }

    @Test func theWriterTakesItsNumericColumnsFromTheHeader() throws {
        let path = Fixtures.temporaryPath("t.csv")
        let writer = try CSVWriter(path: path)
        writer.write(["kode_wilayah", "indikator", "nilai", "sumber"])
        writer.write(["", "umkm", "-3", "-RPJMD"])
        writer.flush()
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "kode_wilayah,indikator,nilai,sumber\n,umkm,-3,'-RPJMD\n")
    }

    @Test func importDropsOnlyTheGuardingApostrophe() {
        #expect(["'=1+2", "'+62", "'-5", "'@x", "''=x", "'Warung", "'", "=x"].map(CanonicalCSV.unguarded) == ["=1+2", "+62", "-5", "@x", "'=x", "'Warung", "'", "=x"])
        for text in ["=a", "'=a", "''=a", "'a", "''", "-", "'-", "'\t", "a'", ""] {
            #expect(CanonicalCSV.unguarded(CanonicalCSV.guarded(text)) == text, "\(text)")
        }
    }

    @Test func exportGuardsAndImportRoundTripsExactly() throws {
        // The source file says ''= for a name that starts with its own apostrophe, as export would.
        let rows = Self.names.enumerated().map { i, name in ",\(name.hasPrefix("'=") ? "'" + name : name),64.08.03,20\(10 + i)\n" }.joined()
        let source = try importing.fresh()
        _ = try source.importFiles(importing.request(.umkm, importing.file("u.csv", "nib,nama_usaha,kode_wilayah,tahun_binaan\n" + rows)))
        let scope = Region(code: "64.08.03", name: "", level: .kecamatan)
        func export(_ store: Store) throws -> String {
            let path = Fixtures.temporaryPath("umkm.csv")
            try store.export(.umkm, scope: scope, to: CSVSink(try CSVWriter(path: path)))
            return try String(contentsOfFile: path, encoding: .utf8)
        }
        let exported = try export(source)
        for line in [",'=1+2,64.08.03,,2010", ",'+62 812 555,64.08.03,,2011", ",'-Toko Minus,64.08.03,,2012", ",'@SUM(A1),64.08.03,,2013",
                     ",''=sudah berapostrof,64.08.03,,2014", ",'Warung Petik,64.08.03,,2015", ",Warung = Biasa,64.08.03,,2016"] {
            #expect(exported.contains("\n" + line + "\n"), "\(line)")
        }
        let target = try Fixtures.sample.createDatabase(at: Fixtures.temporaryPath(), withRecords: false)
        let path = Fixtures.temporaryPath("umkm.csv")
        try exported.write(toFile: path, atomically: true, encoding: .utf8)
        _ = try target.importFiles(importing.request(.umkm, path))
        #expect(Set(try importing.umkmNames(source)).isSuperset(of: Self.names))
        #expect(Set(try importing.umkmNames(target)).isSuperset(of: Self.names))
        #expect(try export(target) == exported)
    }

    @Test func reportCSVGuardsNamesAndJSONKeepsThemExact() async throws {
        let store = try importing.fresh()
        let path = importing.file("k.csv", ImportTests.header + "6408039999000001,=1+2 KSU,64.08.03,serba usaha,4,2000,ya\n")
        _ = try store.importFiles(importing.request(.koperasi, path))
        let report = try await store.report(scope: "64.08.03", year: 2023)
        #expect(report.rendered(.csv, lang: .id).contains("\n6408039999000001,'=1+2 KSU,serba usaha,ya,,4,,\n"))
        let exported = Fixtures.temporaryPath("report.csv")
        try report.export(to: CSVSink(try CSVWriter(path: exported)))
        #expect(try String(contentsOfFile: exported, encoding: .utf8) == report.rendered(.csv, lang: .id))
        #expect(report.rendered(.json, lang: .id).contains("\"=1+2 KSU\""))
    }
}
