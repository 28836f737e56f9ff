import Foundation
import PantauCore
import PantauSQLite
import PantauTestSupport
import Testing

/// Several officers write while a long import runs: every write waits for the import's short write lock, says what it
/// waits for, and succeeds. Real processes on one real database.
///
/// The big file has a million rows, as an office's yearly UMKM list may (PANTAU_CONCURRENCY_ROWS=300000 makes a
/// quicker run while working on this).
@Suite(.serialized) struct ConcurrentWritersTests {
    static let rows = ProcessInfo.processInfo.environment["PANTAU_CONCURRENCY_ROWS"].flatMap { Int($0) } ?? 1_000_000
    static let bigFile = UMKMFile.make(rows: rows)
    let officers = ["6401011000000001", "6401011000000002", "6401011000000003", "6401011000000004"]
    let year = String(Calendar(identifier: .gregorian).component(.year, from: Date()) - 1)

    @Test func writesDuringALongImportWaitForItAndAreAllKept() throws {
        let db = try Fixtures.freshSampleDatabase()
        let umkmBefore = try umkmCount(db)
        let importer = try Running(["import", "umkm", Self.bigFile, "--db", db, "--lang", "en"])
        let note = try waitForLockNote(of: db, while: importer)
        // Two RATs and two evaluations, all at once, while the import holds the lock.
        let writers = try officers.enumerated().map { index, nik in
            try Running(index.isMultiple(of: 2)
                ? ["rat", nik, "--year", year, "--db", db, "--lang", "en"]
                : ["evaluate", nik, "--outcome", "dibina", "--note", "kunjungan", "--db", db, "--lang", "en"])
        }
        // A dry run meanwhile does not wait: it takes no lock.
        let tiny = UMKMFile.make(rows: 100, name: "tiny.csv")
        let quick = try CLI.run(["import", "umkm", tiny, "--dry-run", "--db", db, "--lang", "en"])
        #expect(quick.status == 0 && quick.stderr.isEmpty, "\(quick.stderr)")
        #expect(quick.stdout.hasPrefix("\(tiny) (UTF-8): 100 rows: 100 inserted, 0 updated, 0 unchanged, 0 warnings\n") && quick.stdout.contains("\nDry run in "))
        #expect(importer.isRunning, "the dry run did not wait for the import")
        let expectedWait = "pantau: Waiting for an import by \(note.who), started \(clock(note.started)), to finish writing; your change follows by itself.\n"
        for (nik, writer) in zip(officers, writers) {
            let result = writer.finish()
            #expect(result.status == 0, "\(result.stderr)")
            #expect(result.stderr == expectedWait, "each wait is reported once, naming the import")
            #expect(result.stdout == "RAT \(year) recorded for \(nik).\n" || result.stdout == "Evaluation of \(nik): dibina.\n")
        }
        let imported = importer.finish()
        #expect(imported.status == 0, "\(imported.stderr)")
        let count = NumberFormat.integer(Self.rows)
        #expect(imported.stdout.hasPrefix("\(Self.bigFile) (UTF-8): \(count) rows: \(count) inserted, 0 updated, 0 unchanged, 0 warnings\n") && imported.stdout.contains("\nDone in "))
        #expect(imported.stderr.isEmpty)
        #expect(try umkmCount(db) == umkmBefore + Self.rows)
        #expect(!FileManager.default.fileExists(atPath: db + "-writer"), "the note goes with the lock")

        // The audit trail: the import, then every write that waited for it.
        let log = try auditLog(db)
        let importEntry = try #require(log.firstIndex { $0.field == "impor" })
        #expect(log[importEntry].newValue == "\(NumberFormat.integer(Self.rows)) added" && log[importEntry].record == "umkm.csv")
        for (index, nik) in officers.enumerated() {
            let field = index.isMultiple(of: 2) ? "rat" : "hasil_evaluasi"
            let entry = try #require(log.firstIndex { $0.record == nik && $0.field == field }, "the write of \(nik) is in the audit trail")
            #expect(entry > importEntry)
        }
    }

    @Test func aWriteDoesNotWaitForADryRun() throws {
        let db = try Fixtures.freshSampleDatabase()
        let before = try auditLog(db)
        let small = UMKMFile.make(rows: 100_000, name: "dry.csv")
        let dryRun = try Running(["import", "umkm", small, "--dry-run", "--db", db, "--lang", "en"])
        try waitUntilReading(small, by: dryRun)
        // A write while the dry run reads and checks the file: at once, nothing to wait for.
        let rat = try CLI.run(["rat", officers[0], "--year", year, "--db", db, "--lang", "en"])
        #expect(rat.status == 0 && rat.stderr.isEmpty)
        #expect(dryRun.isRunning, "the write did not wait for the dry run")
        let checked = dryRun.finish()
        #expect(checked.status == 0, "\(checked.stderr)")
        #expect(checked.stdout.hasPrefix("\(small) (UTF-8): 100.000 rows: 100.000 inserted, 0 updated, 0 unchanged, 0 warnings\n") && checked.stdout.contains("\nDry run in "))
        let log = try auditLog(db)
        #expect(Array(log.prefix(before.count)) == before)
        #expect(log.dropFirst(before.count).allSatisfy { $0.record == officers[0] }, "only the RAT was written")
    }

    @Test func recordsChangedWhileTheFileIsReadAreCountedAsTheyAreWhenWritten() throws {
        let db = try Fixtures.freshSampleDatabase()
        let before = try umkmCount(db)
        let file = UMKMFile.make(rows: 100_000)
        // Another officer adds the file's first UMKM, with another sektor, while the import reads the file.
        let first = try #require(try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").dropFirst().first)
        let other = Fixtures.temporaryPath("other.csv")
        try ("nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n" + first.replacingOccurrences(of: ",jasa,", with: ",kuliner,") + "\n")
            .write(toFile: other, atomically: true, encoding: .utf8)
        let importer = try Running(["import", "umkm", file, "--db", db, "--lang", "en"])
        try waitUntilReading(file, by: importer)
        let added = try CLI.run(["import", "umkm", other, "--db", db, "--lang", "en"])
        #expect(added.status == 0 && added.stderr.isEmpty, "\(added.stderr)")
        #expect(importer.isRunning, "the other import did not wait")
        let imported = importer.finish()
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("\(file) (UTF-8): 100.000 rows: 99.999 inserted, 1 updated, 0 unchanged, 0 warnings\n"))
        #expect(try umkmCount(db) == before + 100_000)
        let nib = String(first.prefix(13))
        let change = try auditLog(db).filter { $0.record == nib }
        #expect(change.map { "\($0.field): \($0.oldValue ?? "-") → \($0.newValue ?? "-")" } == ["sektor: kuliner → jasa"])
    }

    @Test func aKilledImportLeavesNothingAndBlocksNobody() throws {
        let db = try Fixtures.freshSampleDatabase()
        let umkmBefore = try umkmExport(db)
        let logBefore = try auditLog(db)
        // Big enough to be caught while it moves its rows in.
        let file = UMKMFile.make(rows: 100_000)
        let importer = try Running(["import", "umkm", file, "--db", db])
        _ = try waitForLockNote(of: db, while: importer)
        kill(importer.process.processIdentifier, SIGKILL)
        #expect(importer.finish().status == SIGKILL)
        // Its note may be left behind, but it names a process that is gone: the next write neither waits nor mentions it.
        let rat = try CLI.run(["rat", officers[0], "--year", year, "--db", db, "--lang", "en"])
        #expect(rat.status == 0 && rat.stderr.isEmpty, "\(rat.stderr)")
        #expect(try umkmExport(db) == umkmBefore, "no row of the killed import is there")
        let log = try auditLog(db)
        #expect(Array(log.prefix(logBefore.count)) == logBefore)
        #expect(log.dropFirst(logBefore.count).allSatisfy { $0.record == officers[0] }, "only the RAT was added")
    }

    @Test func aSaveInTheDashboardSaysWhatItWaitsFor() throws {
        let db = try Fixtures.freshSampleDatabase()
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db) --scope 64.08.03"))
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023").ok)
        // A RAT for the first koperasi of the list, ready to confirm; confirmed while the import holds the lock.
        try term.press("R", "Enter", "Enter", "Enter")
        let importer = try Running(["import", "umkm", Self.bigFile, "--db", db])
        let note = try waitForLockNote(of: db, while: importer)
        try term.press("y")
        let waiting = try term.waitFor("Menunggu impor oleh \(note.who), dimulai \(clock(note.started))", timeout: 5)
        #expect(waiting.ok, "\(waiting.screen)")
        #expect(importer.isRunning)
        // The screen is not frozen while the save waits: help opens and closes again.
        try term.press("?")
        let help = try term.waitFor("Bantuan · tombol", timeout: 5)
        #expect(help.ok, "\(help.screen)")
        #expect(importer.isRunning, "keys were answered while the save still waited")
        try term.press("Escape")
        #expect(try term.waitFor("Tersimpan.", timeout: 120).ok)
        #expect(importer.finish().status == 0)
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 20 · 2023").ok)
        try term.press("q")
        _ = term.modesAfterExit()
    }

    // MARK: helpers

    private func umkmExport(_ db: String) throws -> String {
        let export = try CLI.run(["export", "umkm", "--db", db])
        #expect(export.status == 0)
        return export.stdout
    }

    private func umkmCount(_ db: String) throws -> Int { try umkmExport(db).split(separator: "\n").count - 1 }

    private func auditLog(_ db: String) throws -> [AuditEntry] {
        let log = try CLI.run(["log", "--db", db, "--format", "json"])
        return try JSONDecoder().decode([AuditEntry].self, from: Data(log.stdout.utf8))
    }

    private func clock(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm"
        return formatter.string(from: date)
    }

    /// Waits until the import holds the write lock: its note appears beside the database.
    private func waitForLockNote(of db: String, while importer: Running) throws -> WriteLockNote {
        let deadline = Date().addingTimeInterval(600)
        while Date() < deadline {
            if let note = WriteLockNote.current(beside: db) { return note }
            guard importer.isRunning else { throw Failure("the import ended before it took the lock: \(importer.finish().stderr)") }
            usleep(20_000)
        }
        throw Failure("the import never took the lock")
    }

    /// Waits until a process has read a tenth of a file (it keeps the file open while it reads).
    private func waitUntilReading(_ file: String, by running: Running) throws {
        let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
        let deadline = Date().addingTimeInterval(120)
        while Date() < deadline && running.isRunning {
            let fds = "/proc/\(running.process.processIdentifier)/fd"
            for fd in (try? FileManager.default.contentsOfDirectory(atPath: fds)) ?? [] {
                guard (try? FileManager.default.destinationOfSymbolicLink(atPath: "\(fds)/\(fd)")) == file,
                      let info = try? String(contentsOfFile: "/proc/\(running.process.processIdentifier)/fdinfo/\(fd)", encoding: .utf8),
                      let pos = info.split(separator: "\n").first(where: { $0.hasPrefix("pos:") }).flatMap({ Int($0.dropFirst(4).trimmingCharacters(in: .whitespaces)) })
                else { continue }
                if pos > size / 10 { return }
            }
            usleep(20_000)
        }
        throw Failure("the dry run did not start reading \(file)")
    }
}

struct Failure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A `pantau` process running in the background, its output kept in files.
final class Running {
    let process = Process()
    private let out = Fixtures.scratch.appendingPathComponent("run-\(UUID().uuidString)")
    private var err: URL { out.appendingPathExtension("err") }

    init(_ arguments: [String]) throws {
        process.executableURL = URL(fileURLWithPath: Fixtures.binary)
        process.arguments = arguments
        var env = ProcessInfo.processInfo.environment
        env["LANG"] = "C.UTF-8"
        env.removeValue(forKey: "PANTAU_DB")
        process.environment = env
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
    }

    var isRunning: Bool { process.isRunning }

    func finish() -> (status: Int32, stdout: String, stderr: String) {
        process.waitUntilExit()
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: err) }
        return (process.terminationStatus, (try? String(contentsOf: out, encoding: .utf8)) ?? "", (try? String(contentsOf: err, encoding: .utf8)) ?? "")
    }
}

/// A large, valid UMKM file: new NIBs spread over the sample's kecamatan.
enum UMKMFile {
    static func make(rows: Int, name: String = "umkm.csv") -> String {
        let path = Fixtures.temporaryPath(name)
        let sample = try! String(contentsOf: Fixtures.repository.appendingPathComponent("sample-data/umkm.csv"), encoding: .utf8)
        let codes = Set(sample.split(separator: "\n").dropFirst().prefix(5000).flatMap { $0.split(separator: ",") }
            .filter { $0.count == 8 && $0.allSatisfy { $0.isNumber || $0 == "." } }).sorted()
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = FileHandle(forWritingAtPath: path)!
        defer { try? handle.close() }
        var chunk = "nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n"
        for i in 0..<rows {
            let number = String(i)
            let nib = "71" + String(repeating: "0", count: 11 - number.count) + number
            chunk += "\(nib),Usaha Uji \(number),\(codes[i % codes.count]),jasa,\(2015 + i % 9)\n"
            if chunk.utf8.count > 1 << 20 {
                handle.write(Data(chunk.utf8))
                chunk = ""
            }
        }
        handle.write(Data(chunk.utf8))
        return path
    }
}
