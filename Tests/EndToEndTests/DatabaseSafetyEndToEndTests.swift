import Foundation
import PantauTestSupport
import Testing

/// Killed inits, damaged, incomplete and newer databases, folders and foreign files, through the real binary:
/// one sentence, exit 1, nothing changed.
@Suite struct DatabaseSafetyEndToEndTests {
    let inactive = "6408031000000023"

    struct Shell { var status: Int32, stdout: String, stderr: String }

    /// Runs the sqlite3 command-line shell (installed by .ci/run) on a database.
    @discardableResult
    static func sqlite(_ db: String, _ sql: String) throws -> Shell { try command("/usr/bin/sqlite3", ["-bail", db, sql]) }

    /// Runs a program and waits for it, with what it printed.
    static func command(_ path: String, _ arguments: [String]) throws -> Shell {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        let (out, err) = (Pipe(), Pipe())
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let output = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        let errors = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return Shell(status: process.terminationStatus, stdout: output, stderr: errors)
    }

    /// Every row of every table, as the sqlite3 shell dumps them: what "unchanged" means for a database pantau opened.
    static func contents(_ db: String) throws -> String { try sqlite(db, ".dump").stdout }

    static let counted = ["region", "region_alias", "koperasi", "koperasi_status", "koperasi_rat", "umkm", "pelatihan", "target"]
    static func counts(_ db: String) throws -> String {
        try sqlite(db, counted.map { "SELECT COUNT(*) FROM \($0);" }.joined()).stdout
    }

    // MARK: item 8: init killed part-way

    enum Moment: CaseIterable { case fileAppears, walAppears, regionsLoaded, recordsLoaded, foldingTheWAL }

    /// The binary started as a shell starts it: no signal blocked or ignored. (The test runner blocks some, and a child
    /// inherits that, so a plain Process would not die of SIGTERM.)
    final class Child {
        let pid: pid_t
        private(set) var status: Int32?

        init(_ arguments: [String]) throws {
            var attributes = posix_spawnattr_t()
            posix_spawnattr_init(&attributes)
            defer { posix_spawnattr_destroy(&attributes) }
            var none = sigset_t(), defaults = sigset_t()
            sigemptyset(&none)
            sigfillset(&defaults)
            sigdelset(&defaults, SIGKILL)
            sigdelset(&defaults, SIGSTOP)
            posix_spawnattr_setsigmask(&attributes, &none)
            posix_spawnattr_setsigdefault(&attributes, &defaults)
            posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
            let argv = ([Fixtures.binary] + arguments).map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            var pid = pid_t()
            let result = posix_spawn(&pid, Fixtures.binary, &actions, &attributes, argv, environ)
            guard result == 0 else { throw POSIXError(POSIXErrorCode(rawValue: result) ?? .EIO) }
            self.pid = pid
        }

        var isRunning: Bool {
            guard status == nil else { return false }
            var raw: Int32 = 0
            if waitpid(pid, &raw, WNOHANG) == pid { status = raw }
            return status == nil
        }

        /// The signal that ended it, or nil when it exited by itself.
        func waitForSignal() -> Int32? {
            if status == nil {
                var raw: Int32 = 0
                waitpid(pid, &raw, 0)
                status = raw
            }
            let signal = status! & 0x7f
            return signal == 0 ? nil : signal
        }
    }

    /// Waits until `moment` of the build of `target` is reached, or the process has ended.
    static func wait(for moment: Moment, of target: String, isRunning: () -> Bool) {
        let folder = (target as NSString).deletingLastPathComponent
        func size(_ suffix: String) -> Int? {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            guard let name = names.first(where: { $0.hasPrefix(".pantau.db.pantau-init-") && $0.hasSuffix(suffix) && ($0.hasSuffix("-wal") == (suffix == "-wal")) })
            else { return nil }
            return (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.size] as? Int
        }
        let deadline = Date().addingTimeInterval(120)
        while isRunning() && Date() < deadline {
            switch moment {
            case .fileAppears: if size("") != nil { return }
            case .walAppears: if size("-wal") != nil { return }
            case .regionsLoaded: if (size("-wal") ?? 0) >= 1_000_000 { return }
            case .recordsLoaded: if (size("-wal") ?? 0) >= 3_000_000 { return }
            case .foldingTheWAL: if (size("") ?? 0) > 4096 { return }
            }
            usleep(500)
        }
    }

    @Test(arguments: [SIGTERM, SIGHUP, SIGINT, SIGKILL])
    func initKilledPartWayLeavesNothingOrTheWholeDatabase(signal: Int32) throws {
        let target = Fixtures.temporaryPath()
        let folder = (target as NSString).deletingLastPathComponent
        let complete = try Self.counts(try Fixtures.freshSampleDatabase())
        var interrupted: [Moment] = []
        for moment in Moment.allCases {
            let child = try Child(["init", "--sample", "--db", target])
            Self.wait(for: moment, of: target) { child.isRunning }
            kill(child.pid, signal)
            let killed = child.waitForSignal() == signal
            if killed && !FileManager.default.fileExists(atPath: target) { interrupted.append(moment) }
            if FileManager.default.fileExists(atPath: target) {
                // Killed after the rename, or finished first: the database is whole.
                #expect(try Self.counts(target) == complete, "\(moment)")
                #expect(try CLI.run(["check", "--db", target]).status == 0, "\(moment)")
                try FileManager.default.removeItem(atPath: target)
            }
        }
        // The moments are reached while the build runs (a machine too fast for one of them only skips that one).
        #expect(interrupted.count >= 3, "killed part-way at \(interrupted)")
        let again = try CLI.run(["init", "--sample", "--db", target, "--lang", "en"])
        #expect(again.status == 0 && again.stdout == "Created \(target).\n", "\(again.stderr)")
        #expect(try Self.counts(target) == complete)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["pantau.db"], "the leftovers of the killed runs are gone")
    }

    @Test func theWALOfANewDatabaseHasTheDatabasesModeFromTheStart() throws {
        let target = Fixtures.temporaryPath()
        let folder = (target as NSString).deletingLastPathComponent
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Fixtures.binary)
        process.arguments = ["init", "--sample", "--group", "root", "--db", target]
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        // Every file seen beside the target while init runs, with every mode it had.
        var seen: [String: Set<Int>] = [:]
        while process.isRunning {
            for name in (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [] {
                if let mode = (try? FileManager.default.attributesOfItem(atPath: folder + "/" + name))?[.posixPermissions] as? Int {
                    seen[name, default: []].insert(mode)
                }
            }
            usleep(200)
        }
        #expect(process.terminationStatus == 0)
        #expect(seen.keys.contains { $0.hasSuffix("-wal") } && seen.keys.contains { $0.hasSuffix("-shm") }, "\(seen.keys)")
        let modes = "\(seen.mapValues { $0.map { String($0, radix: 8) } })"
        // No file ever gave anyone more than the database gives the group (0660). SQLite makes a companion file with
        // the database file's mode less the umask and then sets that mode, so for a moment it may give less.
        let companions = seen.filter { file in ["-wal", "-shm", "-journal"].contains { file.key.hasSuffix($0) } }
        #expect(companions.count >= 2 && companions.values.allSatisfy { $0.contains(0o660) }, "\(modes)")
        #expect(seen.values.allSatisfy { $0.allSatisfy { $0 & ~0o660 == 0 } }, "\(modes)")
        #expect(try FileManager.default.attributesOfItem(atPath: target)[.posixPermissions] as? Int == 0o660)
    }

    // MARK: item 9: damaged, incomplete, newer, not a database

    @Test func aDamagedDatabaseIsRefusedAndCheckSaysWhere() throws {
        let db = try Fixtures.freshSampleDatabase()
        let root = try #require(Int(try Self.sqlite(db, "SELECT rootpage FROM sqlite_master WHERE name = 'koperasi'").stdout.trimmingCharacters(in: .whitespacesAndNewlines)))
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: db))
        try file.seek(toOffset: UInt64((root - 1) * 4096))
        try file.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        try file.close()
        let before = try Self.contents(db)
        let sentence = "pantau: The database \(db) is damaged (SQLite found a corrupted page), so nothing was changed; restore it from the backup (`pantau check --db \(db)` lists the damage).\n"
        let csv = Fixtures.temporaryPath("koperasi.csv")
        try Data("nik,nama,kode_wilayah,jenis,aktif_2023\n6408031000009999,KSP Baru,64.08.03,simpan pinjam,ya\n".utf8).write(to: URL(fileURLWithPath: csv))
        for arguments in [["rat", inactive, "--year", "2023"], ["report", "--scope", "64.08.03"], ["import", "koperasi", csv]] {
            let result = try CLI.run(arguments + ["--db", db, "--lang", "en"])
            #expect(result.status == 1 && result.stderr == sentence, "\(arguments): \(result.stderr)")
        }
        #expect(try Self.contents(db) == before)
        let check = try CLI.run(["check", "--db", db, "--lang", "en"])
        #expect(check.status == 1)
        #expect(check.stdout.hasPrefix("PROBLEM  file integrity (PRAGMA integrity_check)\n         - SQLite: Page \(root): "), "\(check.stdout)")
        #expect(check.stdout.contains("PROBLEM  references between tables\n         - could not be read: the file is damaged\n"))
        #expect(check.stdout.hasSuffix("PROBLEM  kept counts against the records\n         - could not be read: the file is damaged\n"))
        #expect(check.stderr.hasPrefix("pantau: pantau check found "))
        #expect(check.stderr.hasSuffix(" problems in \(db) (listed above); restore the database from the backup.\n"))
    }

    /// An import stages its rows in the temporary folder: when that fills, the sentence names the folder and
    /// TMPDIR, not the database, which is left as it was. A small tmpfs takes the place of the full folder, so
    /// the test needs root (as CI runs); 150.000 rows outgrow the staging cache (12 MB), so they reach the folder.
    /// Full is either out of room (256 KiB) or out of inodes (the folder itself takes the only one), where SQLite
    /// cannot even make its staging file.
    @Test(.enabled(if: geteuid() == 0, "mounting a small tmpfs needs root"), arguments: ["size=256k", "size=8m,nr_inodes=1"])
    func aFullTemporaryFolderIsOneSentenceNamingIt(_ size: String) throws {
        let folder = Fixtures.temporaryPath("small-tmp")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let mount = try Self.command("/usr/bin/mount", ["-t", "tmpfs", "-o", "\(size),mode=1777", "tmpfs", folder])
        try #require(mount.status == 0, "mount: \(mount.stderr)")
        defer { _ = try? Self.command("/usr/bin/umount", [folder]) }
        let db = try Fixtures.freshSampleDatabase()
        let csv = Fixtures.temporaryPath("umkm.csv")
        try Data(("nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n"
            + (1...150_000).map { "\(9_400_000_000_000 + $0),Usaha Pesisir \($0),64.08.03,perdagangan,2024\n" }.joined()).utf8)
            .write(to: URL(fileURLWithPath: csv))
        let before = try Self.contents(db)
        let result = try CLI.run(["import", "umkm", csv, "--db", db, "--lang", "en"], environment: ["TMPDIR": folder])
        #expect(result.status == 1)
        #expect(result.stderr == "pantau: The temporary folder \(folder) is full: an import checks its rows there first (about 120 MB per million UMKM rows), so nothing was changed; free some space there or set TMPDIR to a folder with more room, then try again.\n")
        #expect(try Self.contents(db) == before)
    }

    @Test func aDatabaseOfANewerPantauIsNotWrittenButMayBeRead() throws {
        for change in ["INSERT INTO grdb_migrations VALUES ('v9 from a newer Pantau')", "PRAGMA user_version = 7"] {
            let db = try Fixtures.freshSampleDatabase()
            try Self.sqlite(db, change)
            let before = try Self.contents(db)
            let write = try CLI.run(["rat", inactive, "--year", "2023", "--db", db, "--lang", "en"])
            #expect(write.status == 1)
            #expect(write.stderr == "pantau: The database \(db) was made by a newer Pantau; upgrade Pantau to change it (--read-only only reads it).\n")
            let indonesian = try CLI.run(["report", "--db", db])
            #expect(indonesian.status == 1)
            #expect(indonesian.stderr == "pantau: Basis data \(db) dibuat oleh Pantau yang lebih baru; perbarui Pantau untuk mengubahnya (--read-only hanya membacanya).\n")
            let read = try CLI.run(["report", "--db", db, "--read-only", "--scope", "64.08.03", "--format", "csv"])
            #expect(read.status == 0 && read.stdout.split(separator: "\n").count == 50)
            #expect(try Self.contents(db) == before)
            #expect(try CLI.run(["check", "--db", db]).status == 1)
        }
    }

    @Test func aMissingTableIsOneSentence() throws {
        let db = try Fixtures.freshSampleDatabase()
        try Self.sqlite(db, "DROP TABLE umkm")
        let before = try Self.contents(db)
        let result = try CLI.run(["report", "--db", db, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr == "pantau: The database \(db) lacks part of Pantau's tables (umkm), so nothing was changed; restore it from the backup.\n")
        #expect(try Self.contents(db) == before)
        let check = try CLI.run(["check", "--db", db, "--lang", "en"])
        #expect(check.status == 1 && check.stdout.contains("PROBLEM  tables, indexes and triggers\n         - table umkm is missing\n"))
    }

    @Test func aFolderOrAForeignFileIsOneSentence() throws {
        let folder = (Fixtures.temporaryPath() as NSString).deletingLastPathComponent
        for command in [["report"], ["rat", inactive, "--year", "2023"], ["check"]] {
            let result = try CLI.run(command + ["--db", folder, "--lang", "en"])
            #expect(result.status == 1)
            #expect(result.stderr == "pantau: \(folder) is a folder, not a database file; give the path of the file made by `pantau init`.\n")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
        let text = Fixtures.temporaryPath("notes.txt")
        let bytes = Data("minutes of the RAT\n".utf8)
        try bytes.write(to: URL(fileURLWithPath: text))
        let result = try CLI.run(["rat", inactive, "--year", "2023", "--db", text, "--lang", "en"])
        #expect(result.status == 1 && result.stderr == "pantau: \(text) is not a Pantau database; give the file made by `pantau init`.\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == bytes)
    }

    @Test func checkOfAHealthyDatabase() throws {
        let db = try Fixtures.freshSampleDatabase()
        let result = try CLI.run(["check", "--db", db])
        #expect(result.status == 0 && result.stderr.isEmpty)
        #expect(result.stdout == """
            baik     keutuhan berkas (PRAGMA integrity_check)
            baik     tabel, indeks dan pemicu
            baik     migrasi
            baik     rujukan antartabel
            baik     hitungan tersimpan terhadap catatan

            """)
    }

    // MARK: item 10: the audit trail

    @Test func replacingAnAuditEntryIsRefused() throws {
        let db = try Fixtures.freshSampleDatabase()
        #expect(try CLI.run(["rat", inactive, "--year", "2023", "--db", db]).status == 0)
        let before = try Self.sqlite(db, "SELECT * FROM audit").stdout
        #expect(before.split(separator: "\n").count == 2)
        for sql in ["INSERT OR REPLACE INTO audit(id, at, who, entity, record, field) VALUES (1, '2020-01-01', 'mallory', 'koperasi', 'x', 'rat')",
                    "REPLACE INTO audit SELECT id, at, 'mallory', entity, record, field, NULL, NULL, '', NULL, NULL FROM audit"] {
            let result = try Self.sqlite(db, sql)
            #expect(result.status != 0)
            #expect(result.stderr.contains("the audit trail cannot be changed"))
        }
        #expect(try Self.sqlite(db, "SELECT * FROM audit").stdout == before)
    }
}
