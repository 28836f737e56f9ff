import Foundation
import GRDB
import PantauTestSupport
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// Databases that are damaged, incomplete, made by a newer Pantau, or half-built: refused in one sentence, never written.
@Suite struct DatabaseSafetyTests {
    let inactive = "6408031000000023"

    /// Every row of every table, in a stable order: what "unchanged" means.
    static func contents(_ path: String) throws -> String {
        let queue = try DatabaseQueue(path: path, configuration: { var c = Configuration(); c.readonly = true; return c }())
        return try queue.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")
            return try tables.map { table in
                table + ":" + (try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).sorted().joined(separator: "\n"))
            }.joined(separator: "\n")
        }
    }

    static func execute(_ path: String, _ sql: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.writeWithoutTransaction { db in try db.execute(sql: sql) }
        try queue.close()
    }

    @Test func replacingAnAuditEntryIsRefusedAndTheEntryStays() throws {
        let path = try Fixtures.freshSampleDatabase()
        let store = try Store.open(at: path)
        try store.changeSetting(.ratStaleYears, to: "4", who: "siti")
        let before = try Self.contents(path)
        for verb in ["INSERT OR REPLACE INTO", "REPLACE INTO"] {
            #expect(throws: DatabaseError.self) {
                try store.write { db in
                    try db.execute(sql: "\(verb) audit(id, at, who, entity, record, field) SELECT id, at, 'mallory', entity, record, field FROM audit")
                }
            }
        }
        #expect(try Self.contents(path) == before)
        // New entries are still written.
        try store.changeSetting(.ratStaleYears, to: "5", who: "siti")
        #expect(try store.auditLog().map { [$0.who, $0.newValue] } == [["siti", "4"], ["siti", "5"]])
    }

    @Test func anOlderDatabaseGetsTheAuditGuardWhenOpened() throws {
        let path = try Fixtures.freshSampleDatabase()
        try Self.execute(path, """
            DROP TRIGGER audit_is_append_only_insert;
            DELETE FROM grdb_migrations WHERE identifier = 'v3 audit ids are never reused'
            """)
        _ = try Store.open(at: path)
        let queue = try DatabaseQueue(path: path)
        #expect(try queue.read { db in try Bool.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master WHERE name = 'audit_is_append_only_insert'") } == true)
    }

    @Test func aDatabaseOfANewerPantauIsOnlyRead() async throws {
        for change in ["INSERT INTO grdb_migrations VALUES ('v9 from a newer Pantau')", "PRAGMA user_version = 7"] {
            let path = try Fixtures.freshSampleDatabase()
            try Self.execute(path, change)
            let before = try Self.contents(path)
            #expect(throws: PantauError.databaseFromNewerPantau(path: path)) { try Store.open(at: path) }
            let reader = try Store.open(at: path, readOnly: true)
            #expect(try await reader.report(scope: "Kutai Timur", year: 2023).totals.koperasiActive == 325)
            #expect(throws: PantauError.readOnly(path: path)) { try reader.recordRAT(nik: inactive, year: 2023, heldOn: nil) }
            #expect(try Self.contents(path) == before)
            #expect(PantauError.databaseFromNewerPantau(path: path).message(.en)
                    == "The database \(path) was made by a newer Pantau; upgrade Pantau to change it (--read-only only reads it).")
        }
    }

    @Test func aMissingTableIsNamed() throws {
        let path = try Fixtures.freshSampleDatabase()
        try Self.execute(path, "DROP TABLE umkm")
        let before = try Self.contents(path)
        #expect(throws: PantauError.databaseIncomplete(path: path, missing: ["umkm"])) { try Store.open(at: path) }
        #expect(throws: PantauError.databaseIncomplete(path: path, missing: ["umkm"])) { try Store.open(at: path, readOnly: true) }
        #expect(try Self.contents(path) == before)
    }

    /// Overwrites the root pages of the koperasi and tally tables with 0xFF: SQLite then reports the file corrupt when
    /// it reads them (figures read the kept counts, writes the koperasi).
    static func damage(_ path: String) throws {
        let roots = try DatabaseQueue(path: path).read { db in
            try Int.fetchAll(db, sql: "SELECT rootpage FROM sqlite_master WHERE name IN ('koperasi', 'tally')")
        }
        let file = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        for root in roots {
            try file.seek(toOffset: UInt64((root - 1) * 4096))
            try file.write(contentsOf: Data(repeating: 0xFF, count: 4096))
        }
        try file.close()
    }

    @Test func aCorruptedPageRefusesReadsAndWritesInOneSentence() async throws {
        let path = try Fixtures.freshSampleDatabase()
        try Self.damage(path)
        let store = try Store.open(at: path)
        #expect(throws: PantauError.databaseDamaged(path: path)) { try store.recordRAT(nik: inactive, year: 2023, heldOn: nil) }
        await #expect(throws: PantauError.databaseDamaged(path: path)) { try await store.report(scope: "Kutai Timur", year: nil) }
        let findings = try DatabaseCheck.run(at: path, lang: .en)
        #expect(findings.map(\.isFine) == [false, true, true, false, false])
        #expect(findings[0].problems.first?.hasPrefix("SQLite: Page ") == true)
        #expect(findings[3].problems == ["could not be read: the file is damaged"])
        #expect(findings[4].problems == ["could not be read: the file is damaged"])
    }

    @Test func aFolderOrAForeignFileIsNotOpened() throws {
        let folder = (Fixtures.temporaryPath() as NSString).deletingLastPathComponent
        #expect(throws: PantauError.databaseIsFolder(path: folder)) { try Store.open(at: folder) }
        #expect(throws: PantauError.databaseIsFolder(path: folder)) { try DatabaseCheck.run(at: folder, lang: .en) }
        let text = Fixtures.temporaryPath("notes.txt")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: PantauError.notAPantauDatabase(path: text)) { try Store.open(at: text) }
        #expect(throws: PantauError.notAPantauDatabase(path: text)) { try Store.open(at: text, readOnly: true) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: text)) == Data("not a database".utf8))
    }

    @Test func checkFindsNothingInTheSampleAndNamesBrokenReferences() throws {
        let path = try Fixtures.freshSampleDatabase()
        #expect(try DatabaseCheck.run(at: path, lang: .en).allSatisfy { $0.isFine })
        try Self.execute(path, """
            PRAGMA foreign_keys = OFF;
            INSERT INTO koperasi_status(nik, year, active) VALUES ('0000000000000001', 2023, 1), ('0000000000000001', 2022, 1);
            UPDATE pelatihan SET region_code = '99.99' WHERE id = (SELECT MIN(id) FROM pelatihan);
            """)
        let findings = try DatabaseCheck.run(at: path, lang: .en)
        #expect(findings.map(\.title) == ["file integrity (PRAGMA integrity_check)", "tables, indexes and triggers", "migrations",
                                           "references between tables", "kept counts against the records"])
        #expect(findings[3].problems == ["2 row(s) of koperasi_status name a nik missing from koperasi",
                                         "1 row(s) of pelatihan name a region_code missing from region"])
        #expect(findings.prefix(3).allSatisfy { $0.isFine })
        // The orphaned status rows belong to no koperasi, so they count nowhere: the kept counts still agree.
        #expect(findings[4].isFine)
    }

    @Test func checkNamesKeptCountsThatDifferFromTheRecords() throws {
        let path = try Fixtures.freshSampleDatabase()
        try Self.execute(path, """
            UPDATE tally SET n = n + 1 WHERE place = '64.08.03' AND measure = 'active' AND year = 2023;
            DELETE FROM tally WHERE place = '64.08.03' AND measure = 'umkm' AND year = (SELECT MIN(year) FROM tally WHERE measure = 'umkm' AND place = '64.08.03');
            """)
        let findings = try DatabaseCheck.run(at: path, lang: .en)
        #expect(findings.prefix(4).allSatisfy { $0.isFine })
        #expect(findings[4].problems.count == 2)
        #expect(findings[4].problems.first == "64.08.03 active 2023: kept 20, the records give 19")
        #expect(findings[4].problems.last?.hasPrefix("64.08.03 umkm ") == true)
        #expect(findings[4].problems.last?.hasSuffix(": kept 0, the records give \(try Self.umkmOfMuaraBengkalInTheirFirstYear(path))") == true)

        let store = try Store.open(at: path)
        #expect(try store.recountKeptCounts(who: "siti") == 2)
        #expect(try DatabaseCheck.run(at: path, lang: .en).allSatisfy { $0.isFine })
        #expect(try store.auditLog().last.map { "\($0.who) \($0.entity) \($0.field) \($0.oldValue ?? "-")" } == "siti tally hitung_ulang 2")
        #expect(try store.figures(of: try store.resolveRegion("64.08.03"), year: 2023).koperasiActive == 19)
        #expect(try store.recountKeptCounts(who: "siti") == 0, "nothing to write again, and no audit entry")
        #expect(try store.auditLog().count == 1)
    }

    static func umkmOfMuaraBengkalInTheirFirstYear(_ path: String) throws -> Int {
        try DatabaseQueue(path: path).read { db in
            try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM umkm WHERE region_code = '64.08.03' AND tahun_binaan = (SELECT MIN(tahun_binaan) FROM umkm WHERE region_code = '64.08.03')
                """)!
        }
    }

    @Test func checkNamesMigrationsOfANewerPantau() throws {
        let path = try Fixtures.freshSampleDatabase()
        try Self.execute(path, "INSERT INTO grdb_migrations VALUES ('v9 from a newer Pantau'); PRAGMA user_version = 7")
        #expect(try DatabaseCheck.run(at: path, lang: .en)[2].problems == [
            "migration \"v9 from a newer Pantau\" comes from a newer Pantau; upgrade Pantau",
            "user_version 7 is unknown: made by a newer Pantau; upgrade Pantau",
        ])
    }

    @Test func initBuildsBesideTheTargetAndRemovesWhatAKilledRunLeft() throws {
        let path = Fixtures.temporaryPath()
        // A process that has ended, and one that is alive (pid 1): only the dead one's leftovers go.
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        ended.waitUntilExit()
        let dead = NewDatabase.temporaryPath(for: path, pid: ended.processIdentifier)
        let alive = NewDatabase.temporaryPath(for: path, pid: 1)
        #expect(dead.hasSuffix("/.pantau.db.pantau-init-\(ended.processIdentifier)"))
        for file in [dead, dead + "-wal", alive] { try Data("half".utf8).write(to: URL(fileURLWithPath: file)) }
        let store = try Fixtures.sample.createDatabase(at: path, withRecords: false, office: "Kutim", group: "root")
        #expect(try store.setting(.officeRegion) == "64.08")
        #expect(!FileManager.default.fileExists(atPath: dead) && !FileManager.default.fileExists(atPath: dead + "-wal"))
        #expect(FileManager.default.fileExists(atPath: alive))
        #expect(!FileManager.default.fileExists(atPath: NewDatabase.temporaryPath(for: path)))
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o660)
    }

    @Test func aFailedInitLeavesNothing() throws {
        let path = Fixtures.temporaryPath()
        #expect(throws: PantauError.self) { try Fixtures.sample.createDatabase(at: path, withRecords: false, office: "Nowhere At All") }
        let folder = (path as NSString).deletingLastPathComponent
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == [])
    }
}
