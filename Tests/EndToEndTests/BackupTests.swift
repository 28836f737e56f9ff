import Foundation
import PantauTestSupport
import Testing

/// `pantau backup` while an officer keeps writing: the copy is consistent, complete up to its start, and private.
@Suite struct BackupTests {
    let nik = "6408031000000023"

    @Test func aBackupWhileAnotherOfficerWrites() throws {
        let db = try Fixtures.freshSampleDatabase()
        let writer = Writer(db: db, nik: nik)
        let thread = Thread { writer.run() }
        thread.start()
        defer { writer.stop() }
        // Back up only once some writes have landed, and remember how many had when the backup began.
        try #require(writer.waitForCompleted(atLeast: 3, seconds: 60))
        let before = writer.completed
        let copy = Fixtures.temporaryPath("cadangan.db")
        let backup = try CLI.run(["backup", copy, "--db", db, "--lang", "en"])
        #expect(backup.status == 0 && backup.stdout == "Backup written to \(copy).\n", "\(backup.stderr)")
        writer.stop()

        var info = stat()
        #expect(stat(copy, &info) == 0 && info.st_mode & 0o777 == 0o600)
        let log = try CLI.run(["log", "--nik", nik, "--db", copy, "--format", "json"])
        for n in 1...before {
            #expect(log.stdout.contains("\"note\" : \"write \(n)\""), "write \(n) of \(before) is in the copy")
        }
        let check = try CLI.run(["check", "--db", copy])
        #expect(check.status == 0, "\(check.stdout)")
        let report = try CLI.run(["report", "--db", copy, "--scope", "64.08", "--format", "csv"])
        #expect(report.stdout.contains("64.08.03,Muara Bengkal,49,"))
    }

    @Test func aBackupNeverOverwritesAndLeavesNothingBehind() throws {
        let db = try Fixtures.freshSampleDatabase()
        let copy = Fixtures.temporaryPath("cadangan.db")
        try Data("precious".utf8).write(to: URL(fileURLWithPath: copy))
        let again = try CLI.run(["backup", copy, "--db", db, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr == "pantau: \(copy) already exists; give the backup a new name (e.g. with the date) or remove the old file first.\n")
        #expect(try String(contentsOfFile: copy, encoding: .utf8) == "precious")
        let folder = (copy as NSString).deletingLastPathComponent
        let intoFolder = try CLI.run(["backup", folder, "--db", db, "--lang", "en"])
        #expect(intoFolder.status == 1 && intoFolder.stderr.hasPrefix("pantau: \(folder) is a folder; give the name of the backup file inside it"))
        let nowhere = try CLI.run(["backup", folder + "/missing/cadangan.db", "--db", db, "--lang", "en"])
        #expect(nowhere.status == 1 && nowhere.stderr.hasPrefix("pantau: The folder of \(folder)/missing/cadangan.db does not exist"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["cadangan.db"])
    }
}

/// Another officer: evaluations, one after another, each with a numbered note, until told to stop.
private final class Writer: @unchecked Sendable {
    let db: String
    let nik: String
    private let lock = NSLock()
    private var done = 0
    private var stopped = false

    init(db: String, nik: String) { self.db = db; self.nik = nik }

    var completed: Int { lock.withLock { done } }

    func run() {
        var n = 0
        while !lock.withLock({ stopped }) && n < 500 {
            n += 1
            guard let result = try? CLI.run(["evaluate", nik, "--outcome", "dibina", "--note", "write \(n)", "--db", db]),
                  result.status == 0 else { break }
            lock.withLock { done = n }
        }
    }

    func stop() { lock.withLock { stopped = true } }

    func waitForCompleted(atLeast count: Int, seconds: Double) -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if completed >= count { return true }
            Thread.sleep(forTimeInterval: 0.05)
        }
        return false
    }
}
