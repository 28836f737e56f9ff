import Foundation
import PantauCore
@testable import PantauPostgres
import PantauSQLite
import PantauTestSupport
import XCTest

/// The PostgreSQL store answers exactly as the SQLite store does over the same data: the sample is loaded into a
/// SQLite file and copied, table by table, into a fresh database on a real server; then every report, export and
/// field-work write is compared, byte for byte where it is rendered.
final class PostgresQueriesTests: XCTestCase {
    static let scopes = ["Indonesia", "64", "65", "64.08", "64.08.03", "64.01", "65.71", "64.72.01"]

    var server: PostgresServer!

    override func setUp() async throws {
        guard let server = try PostgresServer.available() else {
            throw XCTSkip("PostgreSQL tests skipped: no server (set PANTAU_TEST_POSTGRES=postgresql://… or run .ci/postgres start)")
        }
        self.server = server
    }

    // MARK: Reads

    func testEveryReportIsTheSameAsOnSQLite() async throws {
        let (sqlite, postgres) = try await samplePair()
        for scope in Self.scopes {
            let years = try await sqlite.years(in: sqlite.resolveRegion(scope))
            let postgresYears = try await postgres.years(in: postgres.resolveRegion(scope))
            XCTAssertEqual(postgresYears, years, scope)
            XCTAssertFalse(years.isEmpty, scope)
            for year in years {
                let expected = try await sqlite.report(scope: scope, year: year).rendered(.json, lang: .id)
                let actual = try await postgres.report(scope: scope, year: year).rendered(.json, lang: .id)
                XCTAssertEqual(actual, expected, "\(scope) \(year)")
            }
        }
    }

    /// The figures the report does not show: the district list, health grades, training batches, targets.
    func testOtherFiguresAreTheSameAsOnSQLite() async throws {
        let (sqlite, postgres) = try await samplePair()
        for year in try await sqlite.years(in: .indonesia) {
            let districts = try await postgres.districtFigures(year: year)
            let expected = try await sqlite.districtFigures(year: year)
            XCTAssertEqual(districts, expected, "\(year)")
        }
        for scope in Self.scopes {
            let region = try await sqlite.resolveRegion(scope)
            let health = try await postgres.healthCounts(of: region)
            let batches = try await postgres.trainingBatches(for: region)
            let targets = try await postgres.targets(of: region)
            let target = try await postgres.target(.tipeAKoperasiAktif, for: region)
            XCTAssertEqual(health, try sqlite.healthCounts(of: region), scope)
            XCTAssertEqual(batches, try sqlite.trainingBatches(for: region), scope)
            XCTAssertEqual(targets, try sqlite.targets(of: region), scope)
            XCTAssertEqual(target, try sqlite.target(.tipeAKoperasiAktif, for: region), scope)
        }
        let kutaiTimur = try await postgres.figures(of: postgres.resolveRegion("64.08"), year: 2023)
        XCTAssertEqual([kutaiTimur.koperasiTotal, kutaiTimur.koperasiActive, kutaiTimur.previousActive], [1209, 325, 655])
        let muaraBengkal = try await postgres.figures(of: postgres.resolveRegion("64.08.03"), year: 2023)
        XCTAssertEqual([muaraBengkal.koperasiTotal, muaraBengkal.koperasiActive], [49, 19])
    }

    func testEveryExportIsTheSameBytesAsOnSQLite() async throws {
        let (sqlite, postgres) = try await samplePair()
        for kind in ImportKind.allCases {
            for scope in ["Indonesia", "64.08", "64.08.03"] {
                for year in [nil, 2022] as [Int?] {
                    let expected = try await exported(kind, scope: scope, year: year, from: sqlite)
                    let actual = try await exported(kind, scope: scope, year: year, from: postgres)
                    XCTAssertEqual(actual, expected, "\(kind) \(scope) \(year.map(String.init) ?? "-")")
                    if scope == "Indonesia" { XCTAssertGreaterThan(expected.split(separator: "\n").count, 1, "\(kind) has rows") }
                }
            }
        }
    }

    func testKoperasiDetailIsTheSameAsOnSQLite() async throws {
        let (sqlite, postgres) = try await samplePair()
        let niks = try await sqlite.koperasiRows(at: "64.08.03", year: 2023).prefix(5).map(\.nik)
        XCTAssertEqual(niks.count, 5)
        for nik in niks {
            let detail = try await postgres.koperasiDetail(nik: nik)
            XCTAssertEqual(detail, try sqlite.koperasiDetail(nik: nik), nik)
            XCTAssertEqual(detail.regionLabel, "Muara Bengkal, Kutai Timur (64.08.03)")
        }
        await assertThrows(try await postgres.koperasiDetail(nik: "0000"), PantauError.unknownKoperasi(nik: "0000"))
        await assertThrows(try await postgres.auditLog(nik: nil, since: "2023-13-01"), PantauError.badDate(text: "2023-13-01"))
    }

    // MARK: Writes

    /// The same field work on both stores leaves the same figures, details (but for who and when) and audit fields.
    func testFieldWorkLeavesTheSameFiguresAsOnSQLite() async throws {
        let (sqlite, postgres) = try await samplePair()
        let kutaiTimur = try await postgres.resolveRegion("64.08")
        let inactive = try await postgres.koperasiRows(at: "64.08.03", year: 2023).first { $0.active == false }!.nik
        let active = try await postgres.koperasiRows(at: "64.08.03", year: 2023).first { $0.active == true }!.nik
        let activeBefore = try await postgres.figures(of: kutaiTimur, year: 2023).koperasiActive
        XCTAssertEqual(activeBefore, 325)
        for store in [sqlite, postgres] as [any PantauStore] {
            try await store.recordRAT(nik: inactive, year: 2023, heldOn: "2023-06-17", note: "RAT tertunda", who: "tester")
            try await store.evaluate(nik: active, outcome: .dibina, note: "pendampingan", who: "tester")
            try await store.editKoperasi(nik: active, members: 212, health: .cukupSehat, clearHealth: false, note: "data lapangan", who: "tester")
        }
        let activeAfter = try await postgres.figures(of: kutaiTimur, year: 2023).koperasiActive
        XCTAssertEqual(activeAfter, 326)
        for scope in ["Indonesia", "64.08", "64.08.03"] {
            let expected = try await sqlite.report(scope: scope, year: 2023).rendered(.json, lang: .id)
            let actual = try await postgres.report(scope: scope, year: 2023).rendered(.json, lang: .id)
            XCTAssertEqual(actual, expected, scope)
        }
        for nik in [inactive, active] {
            let detail = try await postgres.koperasiDetail(nik: nik)
            XCTAssertEqual(Self.withoutStamps(detail), Self.withoutStamps(try sqlite.koperasiDetail(nik: nik)))
        }
        let trail = try await postgres.auditLog(nik: inactive, since: nil).map { [$0.field, $0.oldValue ?? "-", $0.newValue ?? "-", $0.note] }
        XCTAssertEqual(trail, [["rat", "-", "2023 2023-06-17", "RAT tertunda"], ["aktif_2023", "tidak", "ya", "RAT 2023"]])
    }

    /// The audit trail and the evaluation carry the login the server authenticated, whatever `who` the client gave.
    func testTheServerStampsWhoChangedIt() async throws {
        let (database, _) = try await sampleDatabase()
        let editor = try server.createLogin("editor")
        try server.psql("SELECT pantau_grant('\(editor.name)', 'editor', '64.08')", as: database.url)
        let store = try await open(server.url(of: database.name, as: editor))
        let nik = try await store.koperasiRows(at: "64.08.03", year: 2023)[0].nik
        try await store.evaluate(nik: nik, outcome: .usulBekukan, note: "tidak aktif tiga tahun", who: "orang-lain")
        let detail = try await store.koperasiDetail(nik: nik)
        XCTAssertEqual(detail.evaluations.last.map { [$0.who, $0.outcome.rawValue, $0.note] }, [editor.name, "usul-bekukan", "tidak aktif tiga tahun"])
        XCTAssertEqual(detail.audit.last.map { [$0.who, $0.field, $0.newValue] }, [editor.name, "hasil_evaluasi", "usul-bekukan"])
        XCTAssertEqual(detail.audit.last?.at, detail.evaluations.last?.at)
    }

    func testAnEditorOfAnotherRegionIsRefusedAndNothingChanges() async throws {
        let (database, _) = try await sampleDatabase()
        let editor = try server.createLogin("editor")
        try server.psql("SELECT pantau_grant('\(editor.name)', 'editor', '64.02')", as: database.url)
        let store = try await open(server.url(of: database.name, as: editor))
        try await assertRefusedEverywhere(store, login: editor.name, database: database)
    }

    func testAViewerIsRefusedAndNothingChanges() async throws {
        let (database, _) = try await sampleDatabase()
        let viewer = try server.createLogin("viewer")
        try server.psql("SELECT pantau_grant('\(viewer.name)', 'viewer', NULL)", as: database.url)
        let store = try await open(server.url(of: database.name, as: viewer))
        try await assertRefusedEverywhere(store, login: viewer.name, database: database)
    }

    func testWritesAreCheckedBeforeTheServerIsAsked() async throws {
        let (_, postgres) = try await samplePair()
        await assertThrows(try await postgres.recordRAT(nik: "0000", year: 2023, heldOn: nil, note: "", who: ""), PantauError.unknownKoperasi(nik: "0000"))
        await assertThrows(try await postgres.evaluate(nik: "0000", outcome: .dibina, note: "", who: ""), PantauError.unknownKoperasi(nik: "0000"))
        await assertThrows(try await postgres.recordRAT(nik: "0000", year: 1899, heldOn: nil, note: "", who: ""), PantauError.yearOutOfRange(year: 1899))
        await assertThrows(try await postgres.recordRAT(nik: "0000", year: 2023, heldOn: "2023-02-30", note: "", who: ""), PantauError.badDate(text: "2023-02-30"))
        await assertThrows(try await postgres.editKoperasi(nik: "0000", members: -1, health: nil, clearHealth: false, note: "", who: ""),
                           PantauError.negativeCount(field: "jumlah_anggota", value: -1))
    }

    // MARK: Helpers

    /// A koperasi of Kutai Timur: every write is refused with the sentence naming the login and the region.
    private func assertRefusedEverywhere(_ store: PostgresStore, login: String, database: PostgresServer.Database) async throws {
        let nik = try await store.koperasiRows(at: "64.08.03", year: 2023).first { $0.active == false }!.nik
        let counts = "SELECT (SELECT count(*) FROM audit) || ' ' || (SELECT count(*) FROM evaluation) || ' ' || (SELECT count(*) FROM koperasi_rat)"
        let before = try server.psql(counts, as: database.url)
        XCTAssertEqual(before.split(separator: " ").count, 3)
        let refusal = PantauError.serverRefusedChange(login: login, region: "Muara Bengkal, Kutai Timur (64.08.03)")
        XCTAssertEqual(refusal.message(.id), "Server menolak perubahan: \(login) tidak berhak mengubah data Muara Bengkal, Kutai Timur (64.08.03); pemilik basis data dapat memberi hak itu dengan `pantau grant \(login) --role editor --region KODE`. Tidak ada yang diubah.")
        await assertThrows(try await store.recordRAT(nik: nik, year: 2023, heldOn: nil, note: "", who: ""), refusal)
        await assertThrows(try await store.evaluate(nik: nik, outcome: .dibina, note: "", who: ""), refusal)
        await assertThrows(try await store.editKoperasi(nik: nik, members: 10, health: .sehat, clearHealth: false, note: "", who: ""), refusal)
        let active = try await store.figures(of: store.resolveRegion("64.08"), year: 2023).koperasiActive
        XCTAssertEqual(active, 325)
        XCTAssertEqual(try server.psql(counts, as: database.url), before)
        let status = try await store.koperasiDetail(nik: nik).koperasi.status[2023]
        XCTAssertEqual(status, false)
    }

    private func exported(_ kind: ImportKind, scope: String, year: Int?, from store: any PantauStore) async throws -> String {
        let path = Fixtures.temporaryPath("export.csv")
        FileManager.default.createFile(atPath: path, contents: nil)
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        try await store.export(kind, scope: store.resolveRegion(scope), year: year, to: CSVSink(CSVWriter(handle: handle)))
        try handle.close()
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The detail with the audit's and evaluations' time and login blanked: those are the server's own.
    private static func withoutStamps(_ detail: KoperasiDetail) -> KoperasiDetail {
        var detail = detail
        detail.audit = detail.audit.map { var a = $0; a.id = 0; a.at = ""; a.who = ""; return a }
        detail.evaluations = detail.evaluations.map { var e = $0; e.at = ""; e.who = ""; return e }
        return detail
    }

    private func assertThrows<T>(_ body: @autoclosure () async throws -> T, _ expected: PantauError,
                                 file: StaticString = #filePath, line: UInt = #line) async {
        do {
            _ = try await body()
            XCTFail("no error; expected \(expected)", file: file, line: line)
        } catch {
            XCTAssertEqual(error as? PantauError, expected, file: file, line: line)
        }
    }

    // MARK: The sample on both stores

    /// A SQLite sample and the same data on a fresh PostgreSQL database, opened by its owner.
    private func samplePair() async throws -> (Store, PostgresStore) {
        let (database, sqlitePath) = try await sampleDatabase()
        return (try Store.open(at: sqlitePath), try await open(database.url))
    }

    private func open(_ url: String) async throws -> PostgresStore {
        guard case .postgres(let address) = try StoreAddress.parse(url, environment: [:]) else { throw SampleCopy.Failure(description: "not a PostgreSQL address: \(url)") }
        let connector = PostgresConnector(address: address, environment: [:])
        let connection = try await connector.connect()
        let regions = try await PostgresStore.readRegions(connection)
        return PostgresStore(connector: connector, connection: connection, access: .readWrite, readOnlyRequested: false, regions: regions,
                             changes: ChangeFeed(connector: connector))
    }

    /// A fresh SQLite sample, and a fresh PostgreSQL database with Pantau's schema and the same rows.
    private func sampleDatabase() async throws -> (PostgresServer.Database, String) {
        let sqlitePath = try Fixtures.freshSampleDatabase()
        let database = try server.freshDatabase()
        try SampleCopy(sqlite: sqlitePath, postgres: database.url).run()
        return (database, sqlitePath)
    }
}

/// Copies a SQLite file's rows into a PostgreSQL database that has no schema yet: the migrations, then each table
/// in the order its references need, through `sqlite3 -csv` and psql's `\copy`, all in one transaction.
struct SampleCopy {
    let sqlite: String
    let postgres: String

    struct Failure: Error, CustomStringConvertible { let description: String }

    static let tables = ["setting", "region", "region_alias", "koperasi", "koperasi_status", "koperasi_rat", "evaluation", "umkm",
                         "pelatihan", "target"]
    /// Tables whose ids come from a sequence, which must continue after the copied ids.
    static let numbered = ["evaluation", "umkm", "pelatihan", "audit"]

    func run() throws {
        let folder = URL(fileURLWithPath: Fixtures.temporaryPath("copy")).deletingLastPathComponent()
        var script = PostgresSchema.createMigrationTable + ";\n"
        for migration in PostgresSchema.migrations {
            script += migration.sql + ";\n"
            script += "INSERT INTO pantau_migration(name) VALUES ('\(migration.name)');\n"
        }
        for table in Self.tables + ["audit"] {
            let columns = try sqlite3(["-csv", sqlite, "SELECT name FROM pragma_table_info('\(table)')"])
                .split(separator: "\n").joined(separator: ", ")
            let file = folder.appendingPathComponent("\(table).csv").path
            try sqlite3(["-csv", "-header", sqlite, "SELECT \(columns) FROM \(table)"]).write(toFile: file, atomically: true, encoding: .utf8)
            if table == "audit" {
                // Its ids are GENERATED ALWAYS: they go in through a staging table.
                script += "CREATE TEMP TABLE audit_in AS SELECT \(columns) FROM audit WITH NO DATA;\n"
                script += "\\copy audit_in(\(columns)) FROM '\(file)' CSV HEADER\n"
                script += "INSERT INTO audit(\(columns)) OVERRIDING SYSTEM VALUE SELECT \(columns) FROM audit_in;\n"
            } else {
                script += "\\copy \(table)(\(columns)) FROM '\(file)' CSV HEADER\n"
            }
        }
        for table in Self.numbered {
            script += "SELECT setval(pg_get_serial_sequence('\(table)', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM \(table)), false);\n"
        }
        let scriptFile = folder.appendingPathComponent("copy.sql").path
        try script.write(toFile: scriptFile, atomically: true, encoding: .utf8)
        try Self.run("psql", [postgres, "-X", "-q", "-w", "-1", "-v", "ON_ERROR_STOP=1", "-f", scriptFile])
    }

    @discardableResult
    private func sqlite3(_ arguments: [String]) throws -> String { try Self.run("sqlite3", arguments) }

    @discardableResult
    static func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [tool] + arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let output = out.fileHandleForReading.readDataToEndOfFile()
        let errors = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "\(tool): " + String(decoding: errors, as: UTF8.self))
        }
        return String(decoding: output, as: UTF8.self)
    }
}
