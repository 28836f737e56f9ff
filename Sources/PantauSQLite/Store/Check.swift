import Foundation
import GRDB
import PantauCore

/// `pantau check`: reads the whole database and says what is wrong with it. Run on demand, never before a write.
/// Each aspect is one entry of `aspects`.
public enum DatabaseCheck {
    /// One aspect of the database and what it found wrong; nothing when all is well.
    public struct Finding: Sendable, Equatable {
        public var title: String
        public var problems: [String]
        public var isFine: Bool { problems.isEmpty }

        public init(title: String, problems: [String]) { self.title = title; self.problems = problems }
    }

    struct Aspect: Sendable {
        var title: @Sendable (Language) -> String
        var run: @Sendable (Database, Language) throws -> [String]
    }

    static let aspects: [Aspect] = [
        Aspect(title: { $0 == .en ? "file integrity (PRAGMA integrity_check)" : "keutuhan berkas (PRAGMA integrity_check)" }, run: integrity),
        Aspect(title: { $0 == .en ? "tables, indexes and triggers" : "tabel, indeks dan pemicu" }, run: schema),
        Aspect(title: { $0 == .en ? "migrations" : "migrasi" }, run: migrations),
        Aspect(title: { $0 == .en ? "references between tables" : "rujukan antartabel" }, run: references),
        Aspect(title: keptCountsTitle, run: keptCounts),
    ]

    /// Checks the database at `path`, read-only: the file is never changed.
    public static func run(at path: String, lang: Language) throws -> [Finding] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else { throw PantauError.databaseMissing(path: path) }
        if isFolder.boolValue { throw PantauError.databaseIsFolder(path: path) }
        guard let queue = try openReadOnly(path) else {
            return [Finding(title: aspects[0].title(lang), problems: [lang == .en
                ? "the file is not a SQLite database, or its first page is damaged"
                : "berkas ini bukan basis data SQLite, atau halaman pertamanya rusak"])]
        }
        return aspects.map { aspect in
            let problems: [String]
            do {
                problems = try queue.read { db in try aspect.run(db, lang) }
            } catch {
                problems = [unreadable(error, lang)]
            }
            return Finding(title: aspect.title(lang), problems: problems)
        }
    }

    /// The file opened read-only; nil when SQLite does not recognise it as a database at all.
    private static func openReadOnly(_ path: String) throws -> DatabaseQueue? {
        var configuration = Configuration()
        configuration.readonly = true
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration)
            _ = try queue.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM sqlite_master") }
            return queue
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB {
            return nil
        } catch {
            // No -shm file may be made beside a WAL database this user cannot write: read it as a snapshot.
            do {
                return try DatabaseQueue(path: Store.immutableURI(path), configuration: configuration)
            } catch {
                throw Store.userError(error, path: path)
            }
        }
    }

    /// What stopped an aspect from being checked, in words (SQLite's own words stay out).
    private static func unreadable(_ error: any Error, _ lang: Language) -> String {
        switch (error as? DatabaseError)?.resultCode {
        case .SQLITE_CORRUPT?, .SQLITE_NOTADB?, .SQLITE_FORMAT?:
            return lang == .en ? "could not be read: the file is damaged" : "tidak dapat dibaca: berkasnya rusak"
        case .SQLITE_ERROR? where (error as? DatabaseError)?.message?.hasPrefix("no such") == true:
            return lang == .en ? "could not be read: a table or column is missing" : "tidak dapat dibaca: ada tabel atau kolom yang hilang"
        default:
            return lang == .en ? "could not be read (\(type(of: error)))" : "tidak dapat dibaca (\(type(of: error)))"
        }
    }

    // MARK: aspects

    /// SQLite's own findings, the first few of them, each made safe for a terminal.
    private static func integrity(_ db: Database, _ lang: Language) throws -> [String] {
        let lines = try String.fetchAll(db, sql: "PRAGMA integrity_check(10)").flatMap { $0.split(separator: "\n").map(String.init) }
        return lines == ["ok"] ? [] : lines.filter { !$0.hasPrefix("***") }.prefix(10).map { "SQLite: " + TerminalSafe.text($0) }
    }

    private static func schema(_ db: Database, _ lang: Language) throws -> [String] {
        let rows = try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master")
        let tables = Set(rows.filter { $0["type"] as String == "table" }.map { $0["name"] as String })
        let others = Set(rows.filter { $0["type"] as String != "table" }.map { $0["name"] as String })
        // Before all migrations ran, only what the applied ones made is expected (opening with write access adds the rest).
        let complete = try Schema.migrator.hasCompletedMigrations(db)
        let expectedTables = complete ? Schema.expected.tables : ["region", "koperasi"]
        let expectedOthers = complete ? Schema.expected.others : []
        return expectedTables.subtracting(tables).sorted().map { lang == .en ? "table \($0) is missing" : "tabel \($0) tidak ada" }
            + expectedOthers.subtracting(others).sorted().map { lang == .en ? "\($0) is missing" : "\($0) tidak ada" }
    }

    private static func migrations(_ db: Database, _ lang: Language) throws -> [String] {
        let migrator = Schema.migrator
        let applied = try migrator.appliedIdentifiers(db)
        let known = try migrator.appliedMigrations(db)
        var problems = applied.subtracting(known).sorted().map {
            lang == .en ? "migration \"\($0)\" comes from a newer Pantau; upgrade Pantau"
                        : "migrasi \"\($0)\" berasal dari Pantau yang lebih baru; perbarui Pantau"
        }
        let version = try Int.fetchOne(db, sql: "PRAGMA user_version") ?? 0
        if version != Schema.userVersion {
            problems.append(lang == .en ? "user_version \(version) is unknown: made by a newer Pantau; upgrade Pantau"
                                        : "user_version \(version) tidak dikenal: dibuat oleh Pantau yang lebih baru; perbarui Pantau")
        }
        // Migrations run in order: a later one applied without an earlier one means a part went missing.
        let completed = try migrator.completedMigrations(db)
        for gap in known where !completed.contains(gap) {
            problems.append(lang == .en ? "migration \"\(gap)\" is applied but an earlier one is not" : "migrasi \"\(gap)\" diterapkan tetapi migrasi sebelumnya tidak")
        }
        return problems
    }

    /// A column whose value must name a row of another table.
    struct Reference: Sendable {
        var table: String, column: String, parent: String, parentColumn: String
        var filter = "1"
    }

    static let referenceList: [Reference] = [
        Reference(table: "koperasi_status", column: "nik", parent: "koperasi", parentColumn: "nik"),
        Reference(table: "koperasi_rat", column: "nik", parent: "koperasi", parentColumn: "nik"),
        Reference(table: "evaluation", column: "nik", parent: "koperasi", parentColumn: "nik"),
    ] + [("koperasi", "region_code"), ("koperasi", "prov"), ("koperasi", "kab"), ("koperasi", "kec"), ("umkm", "region_code")].map {
        Reference(table: $0.0, column: $0.1, parent: "region", parentColumn: "code")
    } + [
        Reference(table: "pelatihan", column: "region_code", parent: "region", parentColumn: "code"),
        Reference(table: "target", column: "region_code", parent: "region", parentColumn: "code"),
        Reference(table: "region", column: "parent", parent: "region", parentColumn: "code"),
        Reference(table: "region_alias", column: "code", parent: "region", parentColumn: "code"),
        Reference(table: "setting", column: "value", parent: "region", parentColumn: "code", filter: "key = 'office_region'"),
    ]

    /// Every reference of `referenceList`, then whatever else `PRAGMA foreign_key_check` finds.
    private static func references(_ db: Database, _ lang: Language) throws -> [String] {
        var problems: [String] = []
        for r in referenceList where try db.tableExists(r.table) && db.tableExists(r.parent) {
            let count = try Int.fetchOne(db, sql: """
                SELECT COUNT(*) FROM \(r.table) WHERE \(r.filter) AND \(r.column) IS NOT NULL AND \(r.column) <> ''
                AND \(r.column) NOT IN (SELECT \(r.parentColumn) FROM \(r.parent))
                """) ?? 0
            if count > 0 {
                problems.append(lang == .en ? "\(count) row(s) of \(r.table) name a \(r.column) missing from \(r.parent)"
                                            : "\(count) baris \(r.table) memakai \(r.column) yang tidak ada di \(r.parent)")
            }
        }
        let covered = Set(referenceList.map { $0.table + "→" + $0.parent })
        let broken = try Row.fetchAll(db, sql: "PRAGMA foreign_key_check")
        var others: [String: Int] = [:]
        for row in broken {
            let key = (row[0] as String) + "→" + (row[2] as String)
            if !covered.contains(key) { others[key, default: 0] += 1 }
        }
        for (key, count) in others.sorted(by: { $0.key < $1.key }) {
            problems.append(lang == .en ? "\(count) row(s) break the reference \(key)" : "\(count) baris melanggar rujukan \(key)")
        }
        return problems
    }

    /// The last aspect, on every store (a server's other aspects are its own tools' to check).
    @Sendable public static func keptCountsTitle(_ lang: Language) -> String {
        lang == .en ? "kept counts against the records" : "hitungan tersimpan terhadap catatan"
    }

    /// The kept counts recomputed from the records: every difference, the first ten of them named.
    private static func keptCounts(_ db: Database, _ lang: Language) throws -> [String] {
        guard try db.tableExists("tally") else { return [] }
        return keptCountProblems(try Store.keptCountDifferences(db, limit: 11), lang)
    }

    /// The differences in words: the first ten, then "and more" when there are more (read eleven to know).
    public static func keptCountProblems(_ differences: [TallyDifference], _ lang: Language) -> [String] {
        var lines = differences.prefix(10).map { d in
            lang == .en ? "\(d.place) \(d.measure) \(d.year): kept \(d.kept), the records give \(d.recomputed)"
                        : "\(d.place) \(d.measure) \(d.year): tersimpan \(d.kept), menurut catatan \(d.recomputed)"
        }
        if differences.count > 10 { lines.append(lang == .en ? "and more" : "dan lainnya") }
        return lines
    }
}
