import Foundation
import PantauCore
import PantauSQLite
import PantauTestSupport
import Testing

/// Hostile files and values at the command line: one sentence, exit status 1, the database as it was;
/// and CSV output that a spreadsheet cannot run.
@Suite struct CSVCommandLineTests {
    static let umkmHeader = "nib,nama_usaha,kode_wilayah,tahun_binaan\n"

    func file(_ name: String, _ bytes: [UInt8]) -> String {
        let path = Fixtures.temporaryPath(name)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
        return path
    }

    /// Every table an import or a write could change, and the length of the audit trail.
    func contents(_ db: String) throws -> String { try Fixtures.contents(of: Store.open(at: db)) }

    /// Runs a command that must be refused: exit status 1, this on stderr, nothing on stdout, the database unchanged.
    func expectRefusal(_ arguments: [String], db: String, lang: String = "en", stderr: String) throws {
        let before = try contents(db)
        let result = try CLI.run(arguments + ["--db", db, "--lang", lang])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == stderr)
        #expect(try contents(db) == before, "a refusal leaves the database as it was")
    }

    @Test func aFolderGivenAsTheFileToImport() throws {
        let db = try Fixtures.freshSampleDatabase()
        let folder = URL(fileURLWithPath: Fixtures.temporaryPath()).deletingLastPathComponent().path
        try expectRefusal(["import", "umkm", folder], db: db, stderr: """
            \(folder): is a folder, not a file; give the .csv or .xlsx file inside it
            Nothing was imported: fix the problem above and import again.

            """)
        try expectRefusal(["import", "umkm", folder], db: db, lang: "id", stderr: """
            \(folder): adalah folder, bukan berkas; berikan berkas .csv atau .xlsx di dalamnya
            Tidak ada yang diimpor: perbaiki masalah di atas lalu impor lagi.

            """)
    }

    @Test func a50MBLineWithoutANewline() throws {
        let db = try Fixtures.freshSampleDatabase()
        let path = file("u.csv", Array((Self.umkmHeader + ",Warung ").utf8) + [UInt8](repeating: 0x41, count: 50 << 20))
        try expectRefusal(["import", "umkm", path], db: db, stderr: """
            \(path):2: the line is longer than 64 KB, Pantau's limit for one line; check that the file is a CSV table
            Nothing was imported: fix the problem above and import again.

            """)
    }

    @Test func aFileMixingUTF8AndWindows1252() throws {
        let db = try Fixtures.freshSampleDatabase()
        let path = file("u.csv", Array((Self.umkmHeader + ",Warung Kopi — Bu Aisyah,64.08.03,2020\n,Kopi Caf").utf8) + [0xE9] + Array(",64.08.03,2021\n".utf8))
        try expectRefusal(["import", "umkm", path], db: db, lang: "id", stderr: """
            \(path):3: memuat byte yang bukan UTF-8, padahal berkas juga berisi teks UTF-8 (baris 2); simpan ulang sebagai CSV UTF-8, atau berikan --encoding windows-1252 untuk membaca semuanya sebagai Windows-1252
            Tidak ada yang diimpor: perbaiki masalah di atas lalu impor lagi.

            """)
        try expectRefusal(["import", "umkm", path], db: db, stderr: """
            \(path):3: holds a byte that is not UTF-8, though the file also holds UTF-8 text (line 2); save it again as CSV UTF-8, or give --encoding windows-1252 to read it all as Windows-1252
            Nothing was imported: fix the problem above and import again.

            """)
    }

    @Test func theSummaryNamesTheEncoding() throws {
        let db = try Fixtures.freshSampleDatabase()
        let path = file("u.csv", Array((Self.umkmHeader + ",Kopi Caf").utf8) + [0xE9] + Array(",64.08.03,2021\n".utf8))
        let result = try CLI.run(["import", "umkm", path, "--db", db, "--lang", "en"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout.hasPrefix("\(path) (Windows-1252): 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 warnings\n  header: row 1\n"))
        #expect(result.stdout.contains("\nDone in "))
    }

    @Test func a100KBScope() throws {
        let db = try Fixtures.freshSampleDatabase()
        let scope = String(repeating: "Kutai ", count: 17_000)
        let sentence = "pantau: No region is called \"Kutai Kutai Kutai Kutai Kutai Kutai Kuta…\"; give a Kemendagri code such as 64.08 or a name.\n"
        try expectRefusal(["report", "--scope", scope], db: db, stderr: sentence)
        try expectRefusal(["export", "umkm", "--format", "csv", "--scope", scope], db: db, stderr: sentence)
    }

    @Test func anExportToAMissingFolderIsOneSentence() throws {
        let db = try Fixtures.freshSampleDatabase()
        for format in ["csv", "xlsx"] {
            try expectRefusal(["export", "umkm", "--format", format, "-o", "/nonexistent/umkm.\(format)"], db: db,
                              stderr: "pantau: Cannot write /nonexistent/umkm.\(format); give a file in a folder that exists and that you may write to.\n")
        }
    }

    @Test func csvOutputGuardsFormulasAndImportReadsThemBack() throws {
        let db = try Fixtures.freshSampleDatabase()
        let koperasi = file("k.csv", Array("nik,nama,kode_wilayah,jenis,jumlah_anggota,aktif_2023\n6408039999000001,=HYPERLINK(1),64.08.03,serba usaha,4,ya\n".utf8))
        #expect(try CLI.run(["import", "koperasi", koperasi, "--db", db]).status == 0)
        let umkm = file("u.csv", Array((Self.umkmHeader + ",@SUM(A1),64.08.03,2020\n,-Toko,64.08.03,2021\n").utf8))
        #expect(try CLI.run(["import", "umkm", umkm, "--db", db]).status == 0)

        let report = try CLI.run(["report", "--db", db, "--scope", "64.08.03", "--year", "2023", "--format", "csv"])
        #expect(report.status == 0 && report.stdout.contains("\n6408039999000001,'=HYPERLINK(1),serba usaha,ya,,4,,\n"))
        let exported = Fixtures.temporaryPath("umkm.csv")
        let export = try CLI.run(["export", "umkm", "--db", db, "--scope", "64.08.03", "--format", "csv", "-o", exported])
        #expect(export.status == 0)
        let text = try String(contentsOfFile: exported, encoding: .utf8)
        #expect(text.contains("\n,'@SUM(A1),64.08.03,,2020\n") && text.contains("\n,'-Toko,64.08.03,,2021\n"))

        // Read back into the same database: the apostrophes are dropped, so every row is unchanged.
        let again = try CLI.run(["import", "umkm", exported, "--db", db, "--lang", "en"])
        #expect(again.status == 0)
        let rows = text.split(separator: "\n").count - 1
        #expect(again.stdout.hasPrefix("\(exported) (UTF-8): \(rows) rows: 0 inserted, 0 updated, \(rows) unchanged, 0 warnings\n"))
    }
}
