import Foundation
import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

@Suite struct StoreTests {
    @Test func initCreatesTheSchemaAndTheWholeRegionList() async throws {
        let path = Fixtures.temporaryPath()
        let store = try Fixtures.sample.createDatabase(at: path, withRecords: false)
        let counts = try store.read { db in
            try ["provinsi", "kabupaten", "kecamatan"].map {
                try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM region WHERE level = ?", arguments: [$0]) ?? 0
            }
        }
        #expect(counts == [38, 514, 7285])
        let journal = try store.read { db in try String.fetchOne(db, sql: "PRAGMA journal_mode") }
        #expect(journal == "wal")
        #expect(try store.read { db in try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM koperasi") } == 0)
        // The regulation's thresholds come with every database; an office's own records do not.
        #expect(try store.target(.tipeAKoperasiAktif, for: try store.resolveRegion("Kutim"))?.value == 250)
        #expect(!(await store.isDemo()))
        await #expect(throws: PantauError.noData(scope: "Kabupaten Kutai Timur (64.08)")) { try await store.report(scope: "Kutim", year: nil) }
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }

    @Test func openingLooksForEveryTableTheMigrationsMake() throws {
        #expect(Schema.tables == Schema.expected.tables)
    }

    @Test func initRefusesToOverwrite() throws {
        let path = Fixtures.temporaryPath()
        try Data("office records".utf8).write(to: URL(fileURLWithPath: path))
        #expect(throws: PantauError.databaseExists(path: path)) {
            try Fixtures.sample.createDatabase(at: path, withRecords: true)
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("office records".utf8))
    }

    @Test func openingAMissingOrForeignFileSaysWhatToDo() throws {
        let missing = Fixtures.temporaryPath()
        #expect(throws: PantauError.databaseMissing(path: missing)) { try Store.open(at: missing) }
        let text = Fixtures.temporaryPath("notes.txt")
        try Data("not a database".utf8).write(to: URL(fileURLWithPath: text))
        #expect(throws: PantauError.self) { try Store.open(at: text) }
    }

    @Test func readOnlyStoreRefusesWrites() throws {
        let path = Fixtures.temporaryPath()
        _ = try Fixtures.sample.createDatabase(at: path, withRecords: false)
        let store = try Store.open(at: path, readOnly: true)
        #expect(store.isReadOnly)
        #expect(throws: PantauError.readOnly(path: path)) { try store.setSetting(.officeRegion, "64.08") }
    }

    @Test func databaseLocationRules() throws {
        #expect(try DatabaseLocation.resolve(option: "/data/a.db", environment: ["PANTAU_DB": "/data/b.db"]) == .init(path: "/data/a.db", isDefault: false))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["PANTAU_DB": "/data/b.db"]) == .init(path: "/data/b.db", isDefault: false))
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["XDG_DATA_HOME": "/x", "HOME": "/home/u"]).sqlitePath() == "/x/pantau/pantau.db")
        #expect(try DatabaseLocation.resolve(option: nil, environment: ["HOME": "/home/u"]) == .init(path: "/home/u/.local/share/pantau/pantau.db", isDefault: true))
    }

    @Test func demoDatabaseIsCreatedOnFirstUseAtTheDefaultPlaceOnly() async throws {
        let path = Fixtures.temporaryPath()
        var announced: String?
        let store = try DatabaseLocation(path: path, isDefault: true).open(readOnly: false) { announced = $0 }
        #expect(announced == path)
        #expect(await store.isDemo())
        let other = Fixtures.temporaryPath()
        #expect(throws: PantauError.databaseMissing(path: other)) { try DatabaseLocation(path: other, isDefault: false).open(readOnly: false) }
    }
}
