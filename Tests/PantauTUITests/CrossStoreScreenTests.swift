import Foundation
import PantauCore
import PantauPostgres
import PantauSQLite
import PantauTestSupport
import Testing
@testable import PantauTUI

/// The dashboard draws the same screens from a PostgreSQL server as from a SQLite file holding the same rows: the
/// same keys give the same frames, character for character, at 80×24 and at 40×15 (skipped without a server).
@Suite struct CrossStoreScreenTests {
    /// Drill from Kutai Timur into Muara Bengkal and a koperasi's detail, sort, filter, change the year, the help.
    static let keys: [Key] = [.down, .down, .enter, .tab, .enter, .escape, .character("f"), .character("s"), .character("["),
                              .character("]"), .escape, .character("?"), .escape, .tab, .tab]

    @Test(arguments: [(80, 24), (40, 15)]) func theSameKeysGiveTheSameScreens(_ width: Int, _ height: Int) async throws {
        guard let server = try PostgresServer.available() else { return }
        let file = try Fixtures.freshSampleDatabase()
        let database = try server.freshDatabase()
        guard case .postgres(let address) = try StoreAddress.parse(database.url, environment: [:]) else { return }
        try await PostgresStore.create(address, from: Store.open(at: file).tableContents())
        let postgres = try await PostgresStore.open(address, readOnly: false)

        var onFile = try Harness(width: width, height: height, source: DashboardLoader(store: try Store.open(at: file)))
        var onServer = try Harness(width: width, height: height, source: DashboardLoader(store: postgres))
        #expect(onServer.screen == onFile.screen, "first frame")
        #expect(onFile.screen.contains("Kutai Timur"))
        for (step, key) in Self.keys.enumerated() {
            try onFile.press(key)
            try onServer.press(key)
            #expect(onServer.screen == onFile.screen, "after key \(step + 1): \(key)")
        }
    }
}
