import Foundation
import PantauTestSupport
import Testing

/// A database made by the release before the newest migration, opened by this one.
///
/// The fixture `Fixtures/schema-v7.db` is a database at schema "v7 kept counts": made by Pantau at schema
/// "v3 audit ids are never reused" (`pantau init --db F --office Kutim`, the 49 koperasi of Muara Bengkal imported
/// from the sample export, `pantau rat 6408031000000023 --year 2023` and `pantau evaluate 6408031000000024 --outcome
/// dibina --note pembinaan`), upgraded by the v6 migration's own statements, then opened by the build at v7 and
/// given the 512 UMKM of Muara Bengkal (`pantau import umkm` of the sample's export with `--scope 64.08.03`). When a
/// migration is added, upgrade it with the build before that migration and name it after that build's schema: the
/// first test fails until the fixture is exactly one migration behind.
@Suite struct UpgradeTests {
    let fixture = Fixtures.repository.appendingPathComponent("Tests/EndToEndTests/Fixtures/schema-v7.db").path

    private func copyOfFixture() throws -> String {
        let path = Fixtures.temporaryPath("kutim.db")
        try FileManager.default.copyItem(atPath: fixture, toPath: path)
        return path
    }

    private func migrations(_ path: String) throws -> [String] {
        try TmuxTerminal.run("/usr/bin/sqlite3", [path, "SELECT identifier FROM grdb_migrations ORDER BY rowid"])
            .split(separator: "\n").map(String.init)
    }

    @Test func anOlderDatabaseIsBackedUpThenUpgraded() throws {
        let db = try copyOfFixture()
        let old = try migrations(db)
        let umkm = try TmuxTerminal.run("/usr/bin/sqlite3", [db, "SELECT nib, nama_usaha, region_code, sektor, tahun_binaan FROM umkm ORDER BY id"])
        let report = try CLI.run(["report", "--db", db, "--scope", "64.08.03", "--format", "csv"])
        #expect(report.status == 0 && report.stderr.isEmpty, "\(report.stderr)")
        #expect(report.stdout.split(separator: "\n").count == 50)
        let newest = try #require(CLI.run(["--version"]).stdout.firstMatch(of: /schema "(.+)"/)).1
        #expect(try migrations(db) == old + [String(newest)], "the fixture is exactly one migration behind")

        let backup = db + ".v7-kept-counts.backup"
        var info = stat()
        #expect(stat(backup, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(try migrations(backup) == old)
        let kept = try CLI.run(["log", "--db", db, "--format", "json"]).stdout
        #expect(kept.contains("\"note\" : \"pembinaan\""), "the audit trail came through the upgrade")
        #expect(try TmuxTerminal.run("/usr/bin/sqlite3", [db, "SELECT nib, nama_usaha, region_code, sektor, tahun_binaan FROM umkm ORDER BY id"])
                == umkm && umkm.split(separator: "\n").count == 512, "every UMKM came through the upgrade")
        let check = try CLI.run(["check", "--db", db])
        #expect(check.status == 0, "\(check.stdout)")
        // A second open has nothing to do: no second backup.
        _ = try CLI.run(["report", "--db", db, "--scope", "64.08.03"])
        #expect(!FileManager.default.fileExists(atPath: backup + "-2"))
    }

    @Test func whoMayOnlyReadIsToldWhomToAsk() throws {
        let db = try copyOfFixture()
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        let result = try CLI.run(["report", "--db", db, "--read-only", "--lang", "en"])
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == "pantau: \(db) was made by an older Pantau and must be upgraded before this one can read it; run the command once without --read-only (Pantau backs the file up first).\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: (db as NSString).deletingLastPathComponent).filter { $0.hasSuffix(".backup") }.isEmpty)
    }

    @Test func withoutRoomForTheBackupNothingIsMigrated() throws {
        let db = try copyOfFixture()
        let old = try migrations(db)
        // No file may grow past 100 KB: the backup cannot be written. (SIGXFSZ ignored, so the write fails instead.)
        let script = "trap '' XFSZ; ulimit -f 200; exec \"$0\" \"$@\""
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", script, Fixtures.binary, "report", "--db", db, "--lang", "en"]
        let err = Pipe()
        process.standardError = err
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        let stderr = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 1)
        #expect(stderr == "pantau: \(db) was made by an older Pantau and is upgraded only after a backup, but \(db).v7-kept-counts.backup could not be written (File too large); nothing was changed: free some space beside the database and run the command again.\n")
        #expect(try migrations(db) == old)
        let folder = (db as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).filter { !$0.hasPrefix("kutim.db") || $0.contains("backup") }.isEmpty,
                "no partial backup is left")
    }
}
