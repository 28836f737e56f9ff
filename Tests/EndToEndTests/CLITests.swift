import Foundation
import PantauTestSupport
import Testing

/// The command line as a script or an officer without a full terminal uses it: output, messages, exit status.
@Suite struct CLITests {
    let inactive = "6408031000000023"

    @Test func reportOfAKecamatanScope() throws {
        let db = try Fixtures.freshSampleDatabase()
        let result = try CLI.run(["report", "--db", db, "--scope", "Muara Bengkal", "--format", "json"])
        #expect(result.status == 0 && result.stderr.isEmpty)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect((json["rows"] as? [Any])?.count == 49)
        #expect((json["totals"] as? [String: Any])?["koperasi_active"] as? Int == 19)
    }

    @Test func unknownAndAmbiguousRegionsExitWithOneSentence() throws {
        let db = try Fixtures.freshSampleDatabase()
        let unknown = try CLI.run(["report", "--db", db, "--scope", "Kutai Tmur", "--lang", "en"])
        #expect(unknown.status == 1 && unknown.stdout.isEmpty)
        #expect(unknown.stderr == "pantau: No region is called \"Kutai Tmur\"; give a Kemendagri code such as 64.08 or a name. Did you mean: Kabupaten Kutai Timur (64.08)?\n")
        let ambiguous = try CLI.run(["report", "--db", db, "--scope", "Batu Ampar"])
        #expect(ambiguous.status == 1)
        #expect(ambiguous.stderr.hasPrefix("pantau: \"Batu Ampar\" cocok dengan beberapa wilayah; berikan kode wilayah yang dimaksud: "))
        #expect(ambiguous.stderr.contains("Batu Ampar, Kutai Timur (64.08.17)"))
    }

    @Test func initRefusesAnExistingFileAndLeavesItAlone() throws {
        let db = try Fixtures.freshSampleDatabase()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try CLI.run(["init", "--db", db, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr == "pantau: \(db) already exists; choose a new file name or remove the old one first (init never overwrites).\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }

    @Test func demoDatabaseIsCreatedAndAnnouncedOnFirstUse() throws {
        let home = URL(fileURLWithPath: Fixtures.temporaryPath()).deletingLastPathComponent().path
        let result = try CLI.run(["report", "--scope", "64.08.03"], environment: ["XDG_DATA_HOME": home])
        #expect(result.status == 0)
        #expect(result.stderr == "Belum ada basis data: membuat basis data demo di \(home)/pantau/pantau.db dari data contoh.\n")
        #expect(result.stdout.contains("DATA DEMO: ini data contoh, bukan data kantor. Mulai basis data sendiri dengan: pantau init --db BERKAS"))
        let again = try CLI.run(["report", "--scope", "64.08.03"], environment: ["XDG_DATA_HOME": home])
        #expect(again.stderr.isEmpty, "the second run uses the database the first one made")
    }

    /// `pantau log` reads the trail a page (1.000 entries) at a time: 1.100 new koperasi and a RAT are listed whole and
    /// in order, as lines and as one JSON array.
    @Test func aLongAuditTrailIsListedWhole() throws {
        let db = try Fixtures.freshSampleDatabase()
        let csv = Fixtures.temporaryPath("k1100.csv")
        let rows = (0..<1_100).map { String(format: "64080399%08d,Koperasi Uji %d,64.08.03,simpan pinjam,jasa keuangan", $0, $0) }
        try (["nik,nama,kode_wilayah,jenis,sektor"] + rows).joined(separator: "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        #expect(try CLI.run(["import", "koperasi", csv, "--db", db]).status == 0)
        #expect(try CLI.run(["rat", inactive, "--year", "2023", "--db", db]).status == 0)
        let json = try CLI.run(["log", "--db", db, "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        #expect(entries.compactMap { $0["id"] as? Int } == Array(1...1_102))
        #expect(entries.map { $0["field"] as? String }.suffix(3) == ["dibuat", "rat", "aktif_2023"])
        let lines = try CLI.run(["log", "--db", db]).stdout.split(separator: "\n")
        #expect(lines.count == 1_102)
        #expect(lines[999].contains("6408039900000999  dibuat") && lines[1_000].contains("6408039900001000  dibuat"))
    }

    @Test func ratEvaluateAndLog() throws {
        let db = try Fixtures.freshSampleDatabase()
        let rat = try CLI.run(["rat", inactive, "--year", "2023", "--date", "2024-03-10", "--db", db])
        #expect(rat.status == 0 && rat.stdout == "RAT 2023 dicatat untuk \(inactive).\n")
        let evaluation = try CLI.run(["evaluate", inactive, "--outcome", "dibina", "--note", "pendampingan", "--db", db])
        #expect(evaluation.status == 0)
        let log = try CLI.run(["log", "--db", db, "--nik", inactive, "--format", "json"])
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(log.stdout.utf8)) as? [[String: Any]])
        #expect(entries.map { $0["field"] as? String } == ["rat", "aktif_2023", "hasil_evaluasi"])
        #expect(entries.allSatisfy { $0["who"] as? String == "root" || $0["who"] as? String == NSUserName() })
        let report = try CLI.run(["report", "--db", db, "--scope", "64.08.03", "--format", "csv"])
        #expect(report.stdout.contains("\(inactive),KSP Al-Ikhlas V Muara Bengkal Ilir,simpan pinjam,ya,2023,649,,dibina"))
    }

    @Test func fieldWorkRefusalsExitNonZeroAndWriteNothing() throws {
        let db = try Fixtures.freshSampleDatabase()
        let unknown = try CLI.run(["rat", "6408039999999999", "--year", "2023", "--db", db, "--lang", "en"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "pantau: No koperasi has NIK 6408039999999999; check the number (the koperasi list of its kecamatan shows it).\n")
        let future = try CLI.run(["rat", inactive, "--year", "2999", "--db", db])
        #expect(future.status == 1 && future.stderr.hasPrefix("pantau: Tahun 2999 belum dimulai"))
        let outcome = try CLI.run(["evaluate", inactive, "--outcome", "bubar", "--db", db])
        #expect(outcome.status != 0 && outcome.stderr.contains("'bubar' is invalid"))
        let readOnly = try CLI.run(["evaluate", inactive, "--outcome", "dibina", "--db", db, "--read-only"])
        #expect(readOnly.status == 1 && readOnly.stderr.contains("hanya-baca"))
        let log = try CLI.run(["log", "--db", db])
        #expect(log.status == 0 && log.stdout.isEmpty, "nothing was written")
    }

    // In CI the account must be there (.ci/run creates it): a missing one fails rather than skips.
    @Test(.enabled(if: CLI.canRunAs("pantau-viewer") || ProcessInfo.processInfo.environment["CI"] != nil, "needs the pantau-viewer account that .ci/run creates"))
    func aViewerAccountReadsButCannotWrite() throws {
        // The office layout: a database owned by an editor, mode 0644, in a folder the viewer cannot write.
        let db = try Fixtures.freshSampleDatabase()
        let folder = (db as NSString).deletingLastPathComponent
        chmod(folder, 0o755)
        chmod(db, 0o644)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let read = try CLI.run(["report", "--db", db, "--scope", "64.08.03", "--format", "csv"], user: "pantau-viewer")
        #expect(read.status == 0, "\(read.stderr)")
        #expect(read.stdout.split(separator: "\n").count == 50)
        let write = try CLI.run(["rat", inactive, "--year", "2023", "--db", db, "--lang", "en"], user: "pantau-viewer")
        #expect(write.status == 1)
        #expect(write.stderr == "pantau: You may only read the database \(db), so nothing was changed; ask the office's administrator to add you to its editors group.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(!FileManager.default.fileExists(atPath: db + "-shm"))
    }
}

@Suite struct SettingCommandTests {
    @Test func settingsAreShownChangedAndAudited() throws {
        let db = try Fixtures.freshSampleDatabase()
        let shown = try CLI.run(["setting", "--db", db])
        #expect(shown.stdout == "office_region = 64.08\noffice_name = Dinas Koperasi dan UKM Kabupaten Kutai Timur\nrat_stale_years = 3\n")
        let changed = try CLI.run(["setting", "rat_stale_years", "5", "--db", db])
        #expect(changed.status == 0 && changed.stdout.hasSuffix("rat_stale_years = 5\n"))
        let region = try CLI.run(["setting", "office_region", "Kukar", "--db", db])
        #expect(region.stdout.hasPrefix("office_region = 64.02\n"))
        let bad = try CLI.run(["setting", "rat_stale_years", "0", "--db", db, "--lang", "en"])
        #expect(bad.status == 1 && bad.stderr == "pantau: rat_stale_years cannot be \"0\"; give a whole number of at least 1.\n")
        let log = try CLI.run(["log", "--db", db])
        #expect(log.stdout.contains("rat_stale_years: – → 5") && log.stdout.contains("office_region: 64.08 → 64.02"))
    }
}
