import Foundation
import PantauCore
import PantauPostgres
import PantauSQLite
import PantauTestSupport
import Testing

/// A server database made by the Pantau before "server 1": UMKM kept in their regions by a foreign key, checked row
/// by row. Its owner's first command upgrades it to the check per statement, and the records stay as they were;
/// until then another login is told whom to ask.
@Suite struct ServerUpgradeTests {
    @Test func theOwnersFirstCommandChecksUMKMRegionsPerStatement() async throws {
        guard let server = try PostgresServer.available() else { return }
        let database = try server.freshDatabase()
        guard case .postgres(let address) = try StoreAddress.parse(database.url, environment: [:]) else { return }
        try await PostgresStore.create(address, from: Store.open(at: Fixtures.freshSampleDatabase()).tableContents())
        // As the Pantau before it left the database.
        try server.psql("""
            DROP TRIGGER umkm_region_insert ON umkm; DROP TRIGGER umkm_region_update ON umkm; DROP FUNCTION pantau_umkm_region_known();
            DROP TRIGGER region_fixed ON region; DROP TRIGGER region_fixed_whole ON region; DROP FUNCTION pantau_region_fixed();
            ALTER TABLE umkm ADD CONSTRAINT umkm_region_code_fkey FOREIGN KEY (region_code) REFERENCES region(code);
            DELETE FROM pantau_migration WHERE name = 'server 1 umkm regions checked per statement';
            """, as: database.url)
        let umkm = "SELECT count(*), sum(tahun_binaan) FROM umkm"
        let before = try server.psql(umkm, as: database.url)

        // Only the owner upgrades: an editor is told whom to ask, the owner with --read-only what to leave out.
        let editor = try server.createLogin("kutim")
        try server.psql("SELECT pantau_grant('\(editor.name)', 'editor', '64.08')", as: database.url)
        guard case .postgres(let asEditor) = try StoreAddress.parse(try server.url(of: database.name, as: editor), environment: [:]) else { return }
        await #expect(throws: PantauError.serverDatabaseFromOlderPantau(store: asEditor.description, owner: database.owner.name, isOwner: false)) {
            try await PostgresStore.open(asEditor, readOnly: false)
        }
        await #expect(throws: PantauError.serverDatabaseFromOlderPantau(store: address.description, owner: database.owner.name, isOwner: true)) {
            try await PostgresStore.open(address, readOnly: true)
        }
        #expect(PantauError.serverDatabaseFromOlderPantau(store: "postgresql://siti@db/kaltim", owner: "pantau_kaltim", isOwner: false).message(.en)
                == "The database postgresql://siti@db/kaltim was made by an older Pantau and must be upgraded before this one can read it, which only its owner may do; ask pantau_kaltim to run any pantau command on it once.")
        #expect(try server.psql("SELECT count(*) FROM pg_constraint WHERE conname = 'umkm_region_code_fkey'", as: database.url) == "1")

        let store = try await PostgresStore.open(address, readOnly: false)
        #expect(try await store.figures(of: Region(code: "64.08", name: "Kutai Timur", level: .kabupaten), year: 2023).umkm == 9_214)
        #expect(try server.psql(umkm, as: database.url) == before)
        #expect(try server.psql("SELECT count(*) FROM pg_constraint WHERE conname = 'umkm_region_code_fkey'", as: database.url) == "0")
        #expect(try server.psql("SELECT name FROM pantau_migration WHERE name LIKE 'server%'", as: database.url) == "server 1 umkm regions checked per statement")
        let refusal = #expect(throws: PostgresServer.Failure.self) {
            try server.psql("INSERT INTO umkm(nib, nama_usaha, region_code, tahun_binaan) VALUES ('1', 'Warung', '64.08.99', 2020)", as: database.url)
        }
        #expect(refusal?.description == #"ERROR:  insert or update on table "umkm" violates the check "umkm_region_known""#)
    }
}
