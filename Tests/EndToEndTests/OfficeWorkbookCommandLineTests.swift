import Foundation
import PantauCore
import PantauSQLite
import PantauTestSupport
import Testing

/// Office workbooks at the command line: the preview of `--dry-run` as a table and as JSON, `--all-sheets`, and the
/// refusals an officer meets, in both languages.
@Suite struct OfficeWorkbookCommandLineTests {
    static func fixture(_ name: String) -> String {
        Fixtures.repository.appendingPathComponent("Tests/PantauCoreTests/Fixtures/office/\(name)").path
    }

    /// Every row of every table.
    func dump(_ db: String) throws -> String { try DatabaseSafetyEndToEndTests.contents(db) }

    @Test func dryRunShowsWhatWasUnderstoodAndWritesNothing() throws {
        let db = try Fixtures.freshSampleDatabase()
        let file = Self.fixture("koperasi-title-block.xlsx")
        let before = try dump(db)
        let result = try CLI.run(["import", "koperasi", file, "--dry-run", "--db", db, "--lang", "en"])
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.dropLast(2)) == [
            "\(file):Data Koperasi: 5 rows: 1 inserted, 1 updated, 3 unchanged, 0 warnings",
            "  header: row 4",
            "  file column        read as",
            "  --------------------------------------",
            "  No                 ignored (numbering)",
            "  NIK                nik",
            "  Nama Koperasi      nama",
            "  Kecamatan          kode_wilayah",
            "  Jenis Koperasi     jenis",
            "  Jumlah Anggota     jumlah_anggota",
            "  Tahun Berdiri      tahun_berdiri",
            "  Status Aktif 2023  aktif_2023",
            "  total rows skipped: row 11 (JUMLAH)",
        ])
        #expect(lines.suffix(2).first?.hasPrefix("Dry run in ") == true && lines.last == "")
        #expect(try dump(db) == before, "a dry run writes nothing")
    }

    @Test func allSheetsPreviewAsJSON() throws {
        let db = try Fixtures.freshSampleDatabase()
        let file = Self.fixture("koperasi-per-kecamatan.xlsx")
        let result = try CLI.run(["import", "koperasi", file, "--all-sheets", "--dry-run", "--format", "json", "--db", db, "--lang", "en"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["dry_run"] as? Bool == true)
        #expect(json["sheets_without_header"] as? [String] == ["\(file):Rekap"])
        let files = try #require(json["files"] as? [[String: Any]])
        #expect(files.map { $0["sheet"] as? String } == ["Muara Bengkal", "Sangatta Utara", "Kec. Bengalon"])
        #expect(files.map { $0["header_row"] as? Int } == [3, 1, 2])
        #expect(files.map { $0["region_from_sheet"] as? String } == [
            "Muara Bengkal, Kutai Timur (64.08.03)", "Sangatta Utara, Kutai Timur (64.08.04)", "Bengalon, Kutai Timur (64.08.09)"])
        #expect(files.map { [$0["rows"], $0["added"], $0["changed"], $0["unchanged"]].map { $0 as? Int } } == [[3, 1, 0, 2], [2, 0, 1, 1], [2, 0, 1, 1]])
        let columns = try #require(files.first?["columns"] as? [[String: Any]])
        #expect(columns.first?["column"] as? String == "No")
        #expect(columns.first?["ignored"] as? String == "numbering")
        #expect(columns.dropFirst().map { $0["field"] as? String } == ["nik", "nama", "jenis", "jumlah_anggota", "tahun_berdiri", "aktif_2023"])
        let skipped = try #require(files.last?["total_rows_skipped"] as? [[String: Any]])
        #expect(skipped.map { $0["row"] as? Int } == [5])
        #expect(skipped.map { $0["label"] as? String } == ["TOTAL"])
    }

    @Test func firstSheetWithoutHeaderIsRefusedWithAHintInIndonesian() throws {
        let db = try Fixtures.freshSampleDatabase()
        let file = Self.fixture("koperasi-per-kecamatan.xlsx")
        let before = try dump(db)
        let result = try CLI.run(["import", "koperasi", file, "--db", db, "--lang", "id"])
        #expect(result.status == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == """
            \(file):Rekap: tidak ada baris judul kolom di 30 baris pertama; judul kolom harus memuat paling sedikit: nik, nama, kode_wilayah, jenis (lihat pantau import --template koperasi); lembar Muara Bengkal, Sangatta Utara, Kec. Bengalon punya judul kolom: impor semuanya dengan --all-sheets
            Tidak ada yang diimpor: perbaiki masalah di atas lalu impor lagi.

            """)
        #expect(try dump(db) == before)
    }

    @Test func realImportSummaryShowsThePreviewAndTheDissolvedWarnings() throws {
        let db = try Fixtures.freshSampleDatabase()
        let file = Self.fixture("koperasi-subtotals.xlsx")
        let result = try CLI.run(["import", "koperasi", file, "--db", db, "--lang", "id"])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("""
            \(file):Koperasi 2023: 7 baris: 1 ditambah, 1 diubah, 5 tetap, 3 peringatan
              judul kolom: baris 6
            """))
        #expect(result.stdout.contains("\n  Keterangan         diabaikan (kolom tidak dikenal)\n"))
        #expect(result.stdout.contains("\n  baris jumlah dilewati: baris 11 (Jumlah), 16 (SUBTOTAL), 18 (TOTAL)\nSelesai dalam "))
        #expect(result.stderr.contains(
            "peringatan: \(file):Koperasi 2023:14: aktif_2023: \"Bubar\" dicatat sebagai tidak aktif; koperasi yang bubar dicatat lewat hasil evaluasi (pantau evaluate 6408121000000002 --outcome usul-bubarkan)\n"))
    }
}
