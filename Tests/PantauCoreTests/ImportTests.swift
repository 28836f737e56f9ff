import Foundation
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// Import: every error class with its message and line, the database unchanged; the formats offices use.
@Suite struct ImportTests {
    let fixtures = Fixtures.repository.appendingPathComponent("Tests/PantauCoreTests/Fixtures")

    func fresh() throws -> Store { try Store.open(at: try Fixtures.freshSampleDatabase()) }

    func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = (Fixtures.temporaryPath(name) as NSString).expandingTildeInPath
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    func file(_ name: String, _ text: String) -> String { file(name, Array(text.utf8)) }

    /// Everything an import could change, to compare before and after.
    func contents(_ store: Store) throws -> String { try Fixtures.contents(of: store) }

    func request(_ kind: ImportKind, _ files: String..., lang: Language = .en) -> ImportRequest {
        var r = ImportRequest(kind: kind, files: files)
        r.lang = lang
        r.who = "tester"
        return r
    }

    /// Imports a file that must fail; checks the problems and that nothing changed.
    func expectFailure(_ kind: ImportKind, _ path: String, _ expected: [String], store: Store? = nil) throws {
        let store = try store ?? fresh()
        let before = try contents(store)
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(request(kind, path)) }
        #expect(error?.problems.map(\.description) == expected)
        #expect(try contents(store) == before, "a failed import leaves the database as it was")
    }

    static let header = "nik,nama,kode_wilayah,jenis,jumlah_anggota,tahun_berdiri,aktif_2023\n"

    @Test func unparseableNumber() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03,serba usaha,12x,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):2: jumlah_anggota: \"12x\" is not a whole number; write e.g. 1209 or 1.209"])
    }

    @Test func negativeCount() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03,serba usaha,-4,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):2: jumlah_anggota: -4 is negative; a count cannot be below 0"])
    }

    @Test func yearOutOfRange() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03,serba usaha,4,1850,ya\n")
        try expectFailure(.koperasi, path, ["\(path):2: tahun_berdiri: \"1850\" is not a year from 1900 to \(Store.currentYear + 1); write a four-digit year"])
    }

    @Test func invalidYesNo() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03,serba usaha,4,2000,mungkin\n")
        try expectFailure(.koperasi, path, ["\(path):2: aktif_2023: \"mungkin\" is not a known status; write one of: Aktif, Tidak Aktif, Tdk Aktif, Pasif, Non Aktif, Bubar, Dibubarkan (or yes/no)"])
    }

    @Test func emptyRequiredField() throws {
        let path = file("k.csv", Self.header + "6408039999000001,,64.08.03,serba usaha,4,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):2: nama: is empty; every row needs a value here"])
    }

    @Test func malformedNIKAndNIB() throws {
        let k = file("k.csv", Self.header + "64080399,KSU A,64.08.03,serba usaha,4,2000,ya\n")
        try expectFailure(.koperasi, k, ["\(k):2: nik: \"64080399\" is not a valid NIK; it must be 16 digits"])
        let u = file("u.csv", "nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n12AB,Warung X,64.08.03,kuliner,2020\n")
        try expectFailure(.umkm, u, ["\(u):2: nib: \"12AB\" is not a valid NIB; it must be 13 digits"])
    }

    @Test func unknownRegionWithTheClosestMatches() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,Muara Bengkl,serba usaha,4,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):2: kode_wilayah: No region is called \"Muara Bengkl\"; give a Kemendagri code such as 64.08 or a name. Did you mean: Muara Bengkal, Kutai Timur (64.08.03)?"])
    }

    @Test func sameKeyTwiceWithDifferentContents() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03,serba usaha,4,2000,ya\n6408039999000001,KSU B,64.08.03,serba usaha,4,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):3: nik: NIK 6408039999000001 is also on line 2 with different contents; keep only one of the two rows"])
    }

    @Test func sameUMKMTwiceWithDifferentContents() throws {
        let path = file("u.csv", "nib,nama_usaha,kode_wilayah,tahun_binaan\n9123456789012,A,64.08.03,2020\n9123456789012,A,64.08.03,2020\n9123456789012,B,64.08.03,2020\n")
        try expectFailure(.umkm, path, ["\(path):4: nib: NIB 9123456789012 is also on an earlier line with different contents; keep only one of the rows"])
    }

    @Test func rowWithTooFewFields() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03\n")
        try expectFailure(.koperasi, path, ["\(path):2: has 3 fields but the header has 7; a delimiter is missing or a quote is not closed"])
    }

    @Test func controlCharactersInText() throws {
        let path = file("k.csv", Self.header + "6408039999000001,KSU \u{1B}[31mA,64.08.03,serba usaha,4,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):2: nama: holds control characters (KSU ^[[31mA); remove them from the cell"])
    }

    @Test func notTextAtAll() throws {
        let path = file("k.csv", [0x6E, 0x69, 0x6B, 0x00, 0x01, 0x02, 0xFF])
        try expectFailure(.koperasi, path, ["\(path):1: holds a NUL byte, so this is not a text file; give a .csv or .xlsx file"])
    }

    @Test func lineNumbersCountQuotedLineBreaks() throws {
        let path = file("k.csv", Self.header + "6408039999000001,\"KSU\nA\",64.08.03,serba usaha,4,2000,ya\n6408039999000002,KSU B,64.08.03,serba usaha,x,2000,ya\n")
        try expectFailure(.koperasi, path, ["\(path):4: jumlah_anggota: \"x\" is not a whole number; write e.g. 1209 or 1.209"])
    }

    @Test func atMostFiftyProblemsAreListed() throws {
        let rows = (1...60).map { "64080399990000\(String(format: "%02d", $0)),KSU,64.08.03,serba usaha,x,2000,ya" }
        let path = file("k.csv", Self.header + rows.joined(separator: "\n") + "\n")
        let store = try fresh()
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(request(.koperasi, path)) }
        #expect(error?.problems.count == 50 && error?.unlisted == 10)
        #expect(error?.message(.id).hasSuffix("… dan 10 masalah lain.\nTidak ada yang diimpor: perbaiki 60 masalah di atas lalu impor lagi.") == true)
    }

    @Test func officeFileInWindows1252WithSemicolonsCRLFQuotesAndIndonesianNumbers() throws {
        // "Café" in Windows-1252 is 0xE9; Excel in an Indonesian locale writes ';' and CRLF.
        let text = "NIK;Nama Koperasi;Wilayah;Jenis;Jumlah Anggota;Aktif 2023;Catatan\r\n"
            + "6408129999000001;\"KSU Caf\u{E9} Teras; Belad\";Sangatta Selatan;serba usaha;1.209;ya;x\r\n"
            + "6408039999000002;\"KSP \"\"Maju\"\"\r\nBaru\";64.08.03;KSP;12;tidak;y\r\n"
        let path = file("kantor.csv", text.unicodeScalars.map { UInt8($0.value) })
        let store = try fresh()
        let summary = try store.importFiles(request(.koperasi, path))
        #expect(summary.files.first?.inserted == 2)
        #expect(summary.warnings.map(\.description) == ["\(path):1: Catatan: unknown column, ignored"])
        let cafe = try store.koperasiDetail(nik: "6408129999000001").koperasi
        #expect(cafe.nama == "KSU Café Teras; Belad" && cafe.anggota == 1209 && cafe.status[2023] == true && cafe.regionCode == "64.08.12")
        let maju = try store.koperasiDetail(nik: "6408039999000002").koperasi
        #expect(maju.nama == "KSP \"Maju\" Baru" && maju.jenis == .simpanPinjam && maju.status[2023] == false)
    }

    @Test func utf8WithBOMTabsAndShuffledColumns() throws {
        let text = "\u{FEFF}tahun binaan\tKode Wilayah\tNama Usaha\tNIB\n2021\tMuara Bengkal\tAmplang Bu Siti\t9123456789012\n2022\t64.08.03\tKopi Pak Made\t\n"
        let path = file("u.tsv", text)
        let store = try fresh()
        let summary = try store.importFiles(request(.umkm, path))
        #expect(summary.files.first?.inserted == 2)
        #expect(summary.warnings.isEmpty)
        let bengkal = Region(code: "64.08.03", name: "Muara Bengkal", level: .kecamatan)
        #expect(try store.figures(of: bengkal, year: 2023).umkm == 514)
    }

    @Test func forcedEncoding() throws {
        let path = file("u.csv", Array("nib,nama_usaha,kode_wilayah,tahun_binaan\n,Kopi Caf".utf8) + [0xE9] + Array(",64.08.03,2021\n".utf8))
        var r = request(.umkm, path)
        r.encoding = .windows1252
        let store = try fresh()
        _ = try store.importFiles(r)
        var utf8 = request(.umkm, file("u8.csv", "nib,nama_usaha,kode_wilayah,tahun_binaan\n,Kopi Café Dua,64.08.03,2021\n"))
        utf8.encoding = .utf8
        _ = try store.importFiles(utf8)
        let names = try umkmNames(store)
        #expect(names.contains("Kopi Café") && names.contains("Kopi Café Dua"))
    }

    @Test func xlsxMadeByLibreOffice() throws {
        let store = try fresh()
        let summary = try store.importFiles(request(.koperasi, fixtures.appendingPathComponent("koperasi-libreoffice.xlsx").path))
        #expect(summary.files.first?.location.hasSuffix("koperasi-libreoffice.xlsx:koperasi-office") == true)
        #expect(summary.files.first?.inserted == 3)
        let teras = try store.koperasiDetail(nik: "6408121234500001").koperasi
        #expect(teras.nama == "KSU Teras Belad" && teras.anggota == 1209 && teras.tahunBerdiri == 1998 && teras.kesehatan == .sehat)
        #expect(try store.koperasiDetail(nik: "6408121234500002").koperasi.nama == "KSP Maju, Bersama")
        #expect(try store.koperasiDetail(nik: "6408031234500003").koperasi.status[2023] == true)
    }

    @Test func xlsxWhereTheSpreadsheetTurnedNIKsIntoNumbers() throws {
        let path = fixtures.appendingPathComponent("koperasi-nik-as-number.xlsx").path
        let store = try fresh()
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(request(.koperasi, path)) }
        #expect(error?.problems.first?.description == "\(path):koperasi-office:2: nik: \"6.4081212345E+15\" was turned into scientific notation by a spreadsheet; format the column as Text and type the NIK again")
    }

    @Test func importingTheSameFileTwiceChangesNothing() throws {
        let store = try fresh()
        let koperasi = Fixtures.sample.folder.appendingPathComponent("koperasi.csv").path
        let first = try store.importFiles(request(.koperasi, koperasi))
        #expect(first.files.first?.unchanged == 5114 && first.files.first?.inserted == 0)
        let before = try contents(store)
        _ = try store.importFiles(request(.koperasi, koperasi))
        #expect(try contents(store) == before)
    }

    @Test func updatesAreCountedAndAudited() throws {
        let store = try fresh()
        let path = file("k.csv", "nik,nama,kode_wilayah,jenis,jumlah_anggota\n6408031000000023,KSP Al-Ikhlas V Muara Bengkal Ilir,64.08.03,simpan pinjam,700\n")
        let summary = try store.importFiles(request(.koperasi, path))
        #expect(summary.files.first?.updated == 1)
        let entry = try #require(try store.auditLog(nik: "6408031000000023").last)
        #expect(entry.field == "anggota" && entry.oldValue == "649" && entry.newValue == "700" && entry.who == "tester")
        #expect(try store.koperasiDetail(nik: "6408031000000023").koperasi.kesehatan == nil, "absent columns are left alone")
    }

    @Test func dryRunReportsButWritesNothing() throws {
        let store = try fresh()
        let before = try contents(store)
        var r = request(.koperasi, file("k.csv", Self.header + "6408039999000001,KSU A,64.08.03,serba usaha,4,2000,ya\n"))
        r.dryRun = true
        let summary = try store.importFiles(r)
        #expect(summary.dryRun && summary.files.first?.inserted == 1)
        #expect(try contents(store) == before)
    }

    /// New UMKM are counted in one statement while the row trigger steps aside: the counts come out right, the trigger
    /// is back for the next change, and a failed import leaves both as they were.
    @Test func newUMKMAreCountedAndTheCountingTriggerStays() async throws {
        let store = try fresh()
        let trigger = { try store.read { db in try String.fetchOne(db, sql: "SELECT sql FROM sqlite_master WHERE name = 'tally_umkm_insert'") } }
        let before = try trigger()
        #expect(before != nil)
        let umkm = "nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n"
        let summary = try store.importFiles(request(.umkm, file("u.csv", umkm + "9000000000001,Warung A,64.08.03,kuliner,2023\n"
                                                               + ",Warung B,64.08.03,kuliner,2023\n9000000000002,Warung C,64.08.01,kuliner,2019\n")))
        #expect(summary.files.first?.inserted == 3)
        #expect(try trigger() == before)
        #expect(try await store.keptCountDifferences(limit: 5) == [])
        let bad = file("bad.csv", umkm + "9000000000003,Warung D,64.08.03,kuliner,2023\n9000000000004,Warung E,64.08.03,kuliner,1800\n")
        try expectFailure(.umkm, bad, ["\(bad):3: tahun_binaan: \"1800\" is not a year from 1900 to \(Store.currentYear + 1); write a four-digit year"],
                          store: store)
        #expect(try trigger() == before)
    }

    /// A server import reads the checked UMKM back a batch at a time: every row once, in file order, each file its own.
    @Test func checkedUMKMComeBackInBatchesFileByFile() throws {
        let header = "nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n"
        let rows = (1...5).map { "90000000000\(10 + $0),Warung \($0),64.08.03,kuliner,2020\n" }
        let first = file("a.csv", header + rows[0] + rows[1] + rows[2])
        let second = file("b.csv", header + ",Warung 4,64.08.01,kuliner,2021\n" + rows[3] + rows[4])
        let check = try LocalImportCheck(request(.umkm, first, second), regionsOf: Fixtures.sample, officeRegion: nil, progress: nil)
        for (index, expected) in [["Warung 1", "Warung 2", "Warung 3"], ["Warung 4", "Warung 4", "Warung 5"]].enumerated() {
            var names: [String] = []
            var lines: [Int] = []
            var position = 0
            while true {
                let (batch, next) = try check.records(ofFile: index, from: position, limit: 2)
                if batch.isEmpty { break }
                #expect(batch.count <= 2 && next > position)
                for record in batch {
                    guard case .umkm(let u) = record.record else { Issue.record("not an UMKM"); continue }
                    names.append(u.namaUsaha)
                    lines.append(record.line)
                }
                position = next
            }
            #expect(names == expected && lines == [2, 3, 4], "file \(index)")
        }
    }

    /// Rows are read and checked on a thread of their own, batches ahead of the staging: a file that cannot be read
    /// further (a NUL byte many batches in) still lists the problems of the rows before it first, and the next file
    /// is read after it, as when one thread did everything.
    @Test func aReadFailureFarIntoAFileComesAfterTheProblemsBeforeIt() throws {
        let header = "nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n"
        var text = header
        for n in 2...3_000 {
            // Line 2.499 waits in a batch not yet staged when the thread meets the NUL byte.
            let region = n == 3 || n == 2_499 ? "99.99.99" : "64.08.03"
            text += n == 2_500 ? "\0\n" : "\(9_100_000_000_000 + n),Warung \(n),\(region),kuliner,2020\n"
        }
        let first = file("far.csv", text)
        let second = file("next.csv", header + "9200000000001,Toko,Narnia,kuliner,2020\n")
        let store = try fresh()
        let before = try contents(store)
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(request(.umkm, first, second)) }
        #expect(error?.problems.map(\.description) == [
            "\(first):3: kode_wilayah: No region is called \"99.99.99\"; give a Kemendagri code such as 64.08 or a name.",
            "\(first):2499: kode_wilayah: No region is called \"99.99.99\"; give a Kemendagri code such as 64.08 or a name.",
            "\(first):2500: holds a NUL byte, so this is not a text file; give a .csv or .xlsx file",
            "\(second):2: kode_wilayah: No region is called \"Narnia\"; give a Kemendagri code such as 64.08 or a name. Did you mean: Wania, Mimika (94.04.16); Ninia, Yahukimo (95.03.03)?",
        ])
        #expect(try contents(store) == before)
    }

    /// When the staging stops taking rows (a full temporary folder, say), the reading thread stops too, a few
    /// batches on, instead of reading the rest of the file; the file comes back to the importer.
    @Test func theCheckingThreadStopsWhenTheStagingStops() throws {
        let path = file("long.csv", "nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n"
            + (1...100_000).map { "\(9_300_000_000_000 + $0),Warung \($0),64.08.03,kuliner,2020\n" }.joined())
        let source = try TableSource(path: path, encoding: nil, sheet: nil)
        guard case .found(let header, let rows) = try HeaderFinder.find(in: source, kind: .umkm, regionElsewhere: false) else {
            Issue.record("no header found")
            return
        }
        let checker = RowChecker(request: request(.umkm, path), location: path, map: header.map, headerWidth: header.names.count,
                                 delimited: true, sheetRegion: nil)
        let ahead = CheckAhead(source: source, firstRows: rows, checker: checker, regions: try fresh().reader)
        let batch = try #require(try ahead.next())
        #expect(batch.rows.count == CheckAhead.rowsPerBatch)
        guard case .record(let row, let record)? = batch.rows.first, case .umkm(let u) = record.value else {
            Issue.record("the first row is not a checked UMKM")
            return
        }
        #expect(row.line == 2 && u.nib == "9300000000001" && u.regionCode == "64.08.03")
        let (back, _) = ahead.finish()
        #expect(back.bytesRead < back.size / 2, "read \(back.bytesRead) of \(back.size) bytes")
    }

    @Test func roundTripGivesIdenticalReportsAndBytes() async throws {
        let source = try fresh()
        let folder = URL(fileURLWithPath: Fixtures.temporaryPath("x")).deletingLastPathComponent()
        func exportAll(_ store: Store, suffix: String) throws -> [String: Data] {
            var files: [String: Data] = [:]
            for kind in ImportKind.allCases {
                let path = folder.appendingPathComponent("\(kind.rawValue)\(suffix).csv").path
                let writer = try CSVWriter(path: path)
                try store.export(kind, to: CSVSink(writer))
                files[kind.rawValue] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
            return files
        }
        let first = try exportAll(source, suffix: "")
        let target = try Fixtures.sample.createDatabase(at: Fixtures.temporaryPath(), withRecords: false)
        for kind in ImportKind.allCases {
            _ = try target.importFiles(request(kind, folder.appendingPathComponent("\(kind.rawValue).csv").path))
        }
        for scope in ["Indonesia", "64", "65", "64.08", "64.08.03", "64.01", "65.71", "64.72.01"] {
            for year in try source.years(in: try source.resolveRegion(scope)) {
                let copied = try await target.report(scope: scope, year: year).rendered(.json, lang: .id)
                let original = try await source.report(scope: scope, year: year).rendered(.json, lang: .id)
                #expect(copied == original
                            .replacingOccurrences(of: "  \"demo\" : true,\n", with: "  \"demo\" : false,\n")
                            .replacingOccurrences(of: "  \"office\" : \"Dinas Koperasi dan UKM Kabupaten Kutai Timur\",\n", with: ""),
                        "\(scope) \(year)")
            }
        }
        #expect(try exportAll(target, suffix: "-again") == first)
    }

    @Test func xlsxExportReadsBack() throws {
        let store = try fresh()
        let path = Fixtures.temporaryPath("k.xlsx")
        try store.export(.koperasi, scope: try store.resolveRegion("64.08.03"), to: try XLSXSink(path: path, sheetName: "koperasi"))
        let target = try fresh()
        let summary = try target.importFiles(request(.koperasi, path))
        #expect(summary.files.first?.rows == 49 && summary.files.first?.unchanged == 49)
        let again = Fixtures.temporaryPath("k2.xlsx")
        try store.export(.koperasi, scope: try store.resolveRegion("64.08.03"), to: try XLSXSink(path: again, sheetName: "koperasi"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data(contentsOf: URL(fileURLWithPath: again)))
    }

    /// A sheet holds at most 1.048.576 rows (the country's five million UMKM would not fit one): a longer table goes
    /// on in further sheets, each with the header, and `--all-sheets` reads every record back. Here a sheet of 20 rows
    /// stands in for Excel's limit: Muara Bengkal's 49 koperasi in 19 + 19 + 11.
    @Test func aTableLongerThanASheetGoesOnInFurtherSheets() throws {
        let store = try fresh()
        let path = Fixtures.temporaryPath("long.xlsx")
        try store.export(.koperasi, scope: try store.resolveRegion("64.08.03"), to: try XLSXSink(path: path, sheetName: "koperasi", rowsPerSheet: 20))
        #expect(try XLSXReader(path: path, sheet: nil).sheets.map(\.name) == ["koperasi", "koperasi (2)", "koperasi (3)"])
        var request = request(.koperasi, path)
        request.allSheets = true
        let summary = try fresh().importFiles(request)
        #expect(summary.files.map(\.location) == ["\(path):koperasi", "\(path):koperasi (2)", "\(path):koperasi (3)"])
        #expect(summary.files.map(\.rows) == [19, 19, 11])
        #expect(summary.files.map(\.unchanged) == [19, 19, 11])
    }
}
