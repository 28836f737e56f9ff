import Foundation
import PantauCore
import PantauPostgres
import PantauSQLite
import PantauTestSupport
import XCTest

/// Importing files into a server: the same files give the same records, counts, reports, exports and audit entries
/// as on a SQLite file; a bad file gets the SQLite store's sentence; an officer outside the records' region, a
/// viewer and an editor importing targets are refused; and a refusal or a dry run leaves the server as it was.
final class PostgresImportTests: XCTestCase {
    var server: PostgresServer!

    override func setUp() async throws {
        guard let server = try PostgresServer.available() else {
            throw XCTSkip("PostgreSQL tests skipped: no server (set PANTAU_TEST_POSTGRES=postgresql://… or run .ci/postgres start)")
        }
        self.server = server
    }

    func testTheSampleFilesGiveTheSameStoreAsOnSQLite() async throws {
        let (sqlite, postgres, _) = try await emptyPair()
        for kind in ImportKind.allCases {
            let file = Fixtures.sample.folder.appendingPathComponent("\(kind.rawValue).csv").path
            let expected = try sqlite.importFiles(request(kind, [file]))
            let actual = try await postgres.importFiles(request(kind, [file]), progress: nil)
            XCTAssertEqual(Self.counts(actual), Self.counts(expected), "\(kind)")
            XCTAssertGreaterThan(actual.files[0].inserted, 0, "\(kind)")
        }
        try await assertSame(sqlite, postgres)
        let kutaiTimur = try await postgres.figures(of: postgres.resolveRegion("64.08"), year: 2023)
        XCTAssertEqual([kutaiTimur.koperasiTotal, kutaiTimur.koperasiActive, kutaiTimur.previousActive, kutaiTimur.umkm], [1209, 325, 655, 9214])

        // The same file again changes nothing.
        let koperasi = Fixtures.sample.folder.appendingPathComponent("koperasi.csv").path
        let again = try await postgres.importFiles(request(.koperasi, [koperasi]), progress: nil)
        XCTAssertEqual(Self.counts(again), ["koperasi.csv: 5114 rows, +0 ~0 =5114"])

        // A changed file without a sektor column, and a second file in the same import: counted and audited alike.
        let (changed, more) = try Self.changedKoperasiFiles()
        let expected = try sqlite.importFiles(request(.koperasi, [changed, more]))
        let actual = try await postgres.importFiles(request(.koperasi, [changed, more]), progress: nil)
        XCTAssertEqual(Self.counts(actual), Self.counts(expected))
        XCTAssertEqual(Self.counts(actual), ["changed.csv: 5115 rows, +1 ~8 =5106", "more.csv: 2 rows, +1 ~1 =0"])
        try await assertSame(sqlite, postgres)
        let umkm = try Self.changedUmkmFile()
        let expectedUmkm = try sqlite.importFiles(request(.umkm, [umkm]))
        let actualUmkm = try await postgres.importFiles(request(.umkm, [umkm]), progress: nil)
        XCTAssertEqual(Self.counts(actualUmkm), Self.counts(expectedUmkm))
        XCTAssertEqual(Self.counts(actualUmkm), ["umkm-changed.csv: 4 rows, +2 ~1 =1"])
        try await assertSame(sqlite, postgres)
    }

    func testABadFileGetsTheSameSentenceAndNothingChanges() async throws {
        let (sqlite, postgres, _) = try await samplePair()
        let bad = Fixtures.temporaryPath("bad.csv")
        try "nik,nama,kode_wilayah,jenis\n123,Koperasi Baru,64.08.03,konsumen\n6408031000000999,,Muara Bengkal,serba usaha\n"
            .write(toFile: bad, atomically: true, encoding: .utf8)
        let before = try await Fixtures.contents(of: postgres)
        let expected = try await failure { try sqlite.importFiles(self.request(.koperasi, [bad])) }
        let actual = try await failure { try await postgres.importFiles(self.request(.koperasi, [bad]), progress: nil) }
        XCTAssertEqual(actual, expected)
        XCTAssertEqual(actual?.message(.en), """
            \(bad):2: nik: "123" is not a valid NIK; it must be 16 digits
            \(bad):3: nama: is empty; every row needs a value here
            Nothing was imported: fix the 2 problems above and import again.
            """)
        let after = try await Fixtures.contents(of: postgres)
        XCTAssertTrue(after == before, "the server changed")
    }

    func testAnOfficerOutsideTheRegionIsRefusedAndNothingChanges() async throws {
        let (_, postgres, database) = try await samplePair()
        let kukar = try server.createLogin("kukar")
        let kutim = try server.createLogin("kutim")
        let viewer = try server.createLogin("viewer")
        try server.psql("""
            SELECT pantau_grant('\(kukar.name)', 'editor', '64.02'); SELECT pantau_grant('\(kutim.name)', 'editor', '64.08');
            SELECT pantau_grant('\(viewer.name)', 'viewer', NULL)
            """, as: database.url)
        let before = try await Fixtures.contents(of: postgres)
        let koperasi = Fixtures.sample.folder.appendingPathComponent("koperasi.csv").path

        let asKukar = try await open(try server.url(of: database.name, as: kukar))
        let refused = try await failure { try await asKukar.importFiles(self.request(.koperasi, [koperasi]), progress: nil) }
        XCTAssertEqual(refused?.message(.en), """
            \(koperasi):2: the server refuses this change: \(kukar.name) may not change records of Batu Sopang, Paser (64.01.01); the database's owner can give that right with `pantau grant \(kukar.name) --role editor --region CODE`
            … and 4353 more problems.
            Nothing was imported: fix the 4354 problems above and import again.
            """)

        // Moving a koperasi of Kutai Timur into Kutai Kartanegara is outside kutim's rights too.
        let moved = Fixtures.temporaryPath("moved.csv")
        try "nik,nama,kode_wilayah,jenis\n6408031000000001,Koperasi Pindah,64.02.01,konsumen\n".write(toFile: moved, atomically: true, encoding: .utf8)
        let asKutim = try await open(try server.url(of: database.name, as: kutim))
        let outside = try await failure { try await asKutim.importFiles(self.request(.koperasi, [moved]), progress: nil) }
        XCTAssertEqual(outside?.problems, [.row(path: moved, line: 2, column: nil, message: "the server refuses this change: \(kutim.name) may not change records of Muara Muntai, Kutai Kartanegara (64.02.01); the database's owner can give that right with `pantau grant \(kutim.name) --role editor --region CODE`")])

        // A viewer changes nothing at all.
        let asViewer = try await open(try server.url(of: database.name, as: viewer))
        do {
            _ = try await asViewer.importFiles(request(.koperasi, [moved]), progress: nil)
            XCTFail("a viewer imported")
        } catch let error as PantauError {
            XCTAssertEqual(error, .noWriteAccess(path: asViewer.location))
        }

        // Targets are the owner's.
        let targets = Fixtures.sample.folder.appendingPathComponent("target.csv").path
        do {
            _ = try await asKutim.importFiles(request(.target, [targets]), progress: nil)
            XCTFail("an editor imported targets")
        } catch let error as PantauError {
            XCTAssertEqual(error.message(.en), "The server at \(asKutim.location) refused: only the database's owner may change targets and thresholds. Nothing was changed.")
        }
        let after = try await Fixtures.contents(of: postgres)
        XCTAssertTrue(after == before, "the server changed")

        // Inside its region the same login's import goes in.
        let own = Fixtures.temporaryPath("own.csv")
        try "nik,nama,kode_wilayah,jenis\n6408031000000001,Koperasi Pindah,64.08.05,konsumen\n".write(toFile: own, atomically: true, encoding: .utf8)
        let summary = try await asKutim.importFiles(request(.koperasi, [own]), progress: nil)
        XCTAssertEqual(Self.counts(summary), ["own.csv: 1 rows, +0 ~1 =0"])
        let log = try await postgres.auditLog(nik: "6408031000000001", since: nil)
        XCTAssertEqual(log.filter { $0.note == "import own.csv" }.map { "\($0.who) \($0.field) \($0.newValue ?? "-")" }.sorted(),
                       ["\(kutim.name) jenis konsumen", "\(kutim.name) kec 64.08.05", "\(kutim.name) nama Koperasi Pindah", "\(kutim.name) region_code 64.08.05"])
    }

    func testADryRunCountsAndChangesNothing() async throws {
        let (_, postgres, _) = try await samplePair()
        let (changed, _) = try Self.changedKoperasiFiles()
        let before = try await Fixtures.contents(of: postgres)
        var dry = request(.koperasi, [changed])
        dry.dryRun = true
        let summary = try await postgres.importFiles(dry, progress: nil)
        XCTAssertTrue(summary.dryRun)
        XCTAssertEqual(Self.counts(summary), ["changed.csv: 5115 rows, +1 ~8 =5106"])
        let after = try await Fixtures.contents(of: postgres)
        XCTAssertTrue(after == before, "the server changed")
    }

    // MARK: Helpers

    private func request(_ kind: ImportKind, _ files: [String]) -> ImportRequest {
        var request = ImportRequest(kind: kind, files: files)
        request.lang = .en
        return request
    }

    /// `file: N rows, +inserted ~updated =unchanged`, a file a line.
    static func counts(_ summary: ImportSummary) -> [String] {
        summary.files.map { "\(($0.location as NSString).lastPathComponent): \($0.rows) rows, +\($0.inserted) ~\($0.updated) =\($0.unchanged)" }
    }

    private func failure(_ body: () async throws -> Any) async throws -> ImportFailure? {
        do {
            _ = try await body()
            XCTFail("the import went in")
            return nil
        } catch let failure as ImportFailure {
            return failure
        }
    }

    private func assertSame(_ sqlite: Store, _ postgres: PostgresStore, file: StaticString = #filePath, line: UInt = #line) async throws {
        let expected = try await Fixtures.contents(of: sqlite as any PantauStore)
        let actual = try await Fixtures.contents(of: postgres)
        XCTAssertTrue(actual == expected, "exports differ", file: file, line: line)
        let expectedLog = try await Fixtures.auditWithoutStamps(of: sqlite)
        let actualLog = try await Fixtures.auditWithoutStamps(of: postgres)
        XCTAssertEqual(actualLog.count, expectedLog.count, "audit entries", file: file, line: line)
        XCTAssertEqual(actualLog.difference(from: expectedLog).map { "\($0)" }, [], "audit", file: file, line: line)
        for scope in ["Indonesia", "64", "64.08", "64.08.03", "65"] {
            let years = try await sqlite.years(in: sqlite.resolveRegion(scope))
            XCTAssertFalse(years.isEmpty, scope, file: file, line: line)
            for year in years {
                let onFile = try await (sqlite as any PantauStore).report(scope: scope, year: year).rendered(.json, lang: .id)
                let onServer = try await (postgres as any PantauStore).report(scope: scope, year: year).rendered(.json, lang: .id)
                XCTAssertEqual(onServer, onFile, "\(scope) \(year)", file: file, line: line)
            }
        }
    }

    /// The sample's koperasi file with three names, two statuses, an evaluation, a RAT year and a member count
    /// changed, its sektor column dropped and a new koperasi added; and a second file that changes one of them again.
    static func changedKoperasiFiles() throws -> (String, String) {
        let text = try String(contentsOf: Fixtures.sample.folder.appendingPathComponent("koperasi.csv"), encoding: .utf8)
        var rows = text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        let header = rows[0]
        func column(_ name: String) -> Int { header.firstIndex(of: name)! }
        for i in 1...3 { rows[i][column("nama")] += " Baru" }
        for i in 4...5 { rows[i][column("aktif_2023")] = rows[i][column("aktif_2023")] == "ya" ? "tidak" : "ya" }
        rows[6][column("hasil_evaluasi")] = rows[6][column("hasil_evaluasi")] == "dibina" ? "usul-bekukan" : "dibina"
        rows[7][column("riwayat_rat")] = (rows[7][column("riwayat_rat")] + " 2015").trimmingCharacters(in: .whitespaces)
        rows[8][column("jumlah_anggota")] = "999"
        var added = header.map { _ in "" }
        added[column("nik")] = "6408039999999999"
        added[column("nama")] = "Koperasi Produsen Baru"
        added[column("kode_wilayah")] = "64.08.03"
        added[column("jenis")] = "produsen"
        added[column("aktif_2023")] = "ya"
        rows.append(added)
        let sektor = column("sektor")
        let changed = Fixtures.temporaryPath("changed.csv")
        try rows.map { row in row.enumerated().filter { $0.offset != sektor }.map(\.element).joined(separator: ",") }
            .joined(separator: "\n").write(toFile: changed, atomically: true, encoding: .utf8)
        let more = Fixtures.temporaryPath("more.csv")
        try "nik,nama,kode_wilayah,jenis,sektor\n\(rows[1][column("nik")]),Nama Kedua,\(rows[1][column("kode_wilayah")]),\(rows[1][column("jenis")]),Jasa\n6408039999999998,Koperasi Jasa Baru,64.08.03,jasa,Jasa\n"
            .write(toFile: more, atomically: true, encoding: .utf8)
        return (changed, more)
    }

    /// Two UMKM of the sample (one with a new sector and year), the same again, and two new ones (one without NIB).
    static func changedUmkmFile() throws -> String {
        let text = try String(contentsOf: Fixtures.sample.folder.appendingPathComponent("umkm.csv"), encoding: .utf8)
        let lines = text.split(separator: "\n")
        var first = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        first[3] = "Sektor Baru"
        first[4] = "2023"
        let path = Fixtures.temporaryPath("umkm-changed.csv")
        try ([String(lines[0]), first.joined(separator: ","), String(lines[2]),
              "6408030000001,Warung Baru,64.08.03,Kuliner,2023", ",Kios Tanpa NIB,64.08.03,Kuliner,2022"].joined(separator: "\n") + "\n")
            .write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    // MARK: The stores

    /// A new SQLite file and a new server database, both with the regions and thresholds only, office Kutai Timur.
    private func emptyPair() async throws -> (Store, PostgresStore, PostgresServer.Database) {
        let sqlite = try Fixtures.sample.createDatabase(at: Fixtures.temporaryPath(), withRecords: false, office: "64.08")
        let (postgres, database) = try await serverDatabase(from: sqlite)
        return (sqlite, postgres, database)
    }

    /// The sample in a SQLite file and on a new server database.
    private func samplePair() async throws -> (Store, PostgresStore, PostgresServer.Database) {
        let sqlite = try Store.open(at: Fixtures.freshSampleDatabase())
        let (postgres, database) = try await serverDatabase(from: sqlite)
        return (sqlite, postgres, database)
    }

    /// A new server database holding what the SQLite file holds, opened by its owner.
    private func serverDatabase(from sqlite: Store) async throws -> (PostgresStore, PostgresServer.Database) {
        let database = try server.freshDatabase()
        guard case .postgres(let address) = try StoreAddress.parse(database.url, environment: [:]) else { throw XCTSkip("not a server address") }
        try await PostgresStore.create(address, from: sqlite.tableContents())
        return (try await open(database.url), database)
    }

    private func open(_ url: String) async throws -> PostgresStore {
        guard case .postgres(let address) = try StoreAddress.parse(url, environment: [:]) else { throw XCTSkip("not a server address") }
        return try await PostgresStore.open(address, readOnly: false, importChecker: LocalImportCheck.checker(regionsOf: Fixtures.sample))
    }
}
