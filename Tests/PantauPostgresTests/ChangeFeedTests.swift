import Foundation
import PantauCore
@testable import PantauPostgres
import PantauSQLite
import PantauTestSupport
import Testing

/// The count of other offices' changes a dashboard compares once a second: it moves for every change, and for the
/// moment the server first listens only when a count was handed out before that (a change may have been missed).
@Suite struct ChangeFeedTests {
    @Test func aDashboardHeardFromTheStartReadsOnceAndSeesTheNextChange() async throws {
        guard let (store, url) = try await sample(hearingChanges: true) else { return }
        try await waitUntil("the server listens") { store.changes.hasListened }
        let first = store.changeToken()
        #expect(first == "0", "the server listened before the first figures were read: nothing to read again")

        let writer = try await open(url, hearingChanges: false)
        try await writer.recordRAT(nik: "6408031000000023", year: 2023, heldOn: nil, note: "", who: "test")
        try await waitUntil("the change is heard") { store.changeToken() != first }
    }

    @Test func aCountHandedOutBeforeTheServerListenedMovesOnceItDoes() async throws {
        guard let (store, _) = try await sample(hearingChanges: false) else { return }
        #expect(store.changeToken() == "0")
        try await waitUntil("the server listens") { store.changes.hasListened }
        #expect(store.changeToken() == "1", "a change made before the server listened would have been missed")
    }

    /// A fresh server database holding the sample, opened by its owner.
    private func sample(hearingChanges: Bool) async throws -> (PostgresStore, String)? {
        guard let server = try PostgresServer.available() else { return nil }
        let database = try server.freshDatabase()
        try await PostgresStore.create(try #require(address(database.url)), from: Store.open(at: Fixtures.freshSampleDatabase()).tableContents())
        return (try await open(database.url, hearingChanges: hearingChanges), database.url)
    }

    private func address(_ url: String) throws -> PostgresAddress? {
        guard case .postgres(let address) = try StoreAddress.parse(url, environment: [:]) else { return nil }
        return address
    }

    private func open(_ url: String, hearingChanges: Bool) async throws -> PostgresStore {
        try await PostgresStore.open(try #require(address(url)), readOnly: false, hearingChanges: hearingChanges)
    }

    private func waitUntil(_ what: Comment, within seconds: Double = 10, _ condition: () -> Bool) async throws {
        let deadline = Date().addingTimeInterval(seconds)
        while !condition() {
            guard Date() < deadline else {
                Issue.record("\(what) within \(seconds) s")
                return
            }
            try await Task.sleep(for: .milliseconds(20))
        }
    }
}
