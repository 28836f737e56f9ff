import Foundation
import PantauCore
@testable import PantauPostgres
import PostgresNIO
import XCTest

/// Connecting to a real server: what works, and the exact sentence for each way it fails, with how long it took.
/// The server is the superuser URL in PANTAU_TEST_POSTGRES; logins and databases the tests need are made here.
final class ConnectionTests: XCTestCase {
    static let password = "rahasia-123"

    /// The superuser's address and what the tests learn from the server before each test.
    struct Server {
        var superuser: PostgresAddress
        var socketDirectory: String
        var hbaRules: [String]
        var offersTLS: Bool
        var host: String { "127.0.0.1" }
        var port: Int { superuser.port }
        func url(_ userAndPassword: String, database: String = "postgres", query: String = "") -> String {
            "postgresql://\(userAndPassword)@\(host):\(port)/\(database)" + (query.isEmpty ? "" : "?" + query)
        }
        func socketURL(_ user: String, database: String = "postgres") -> String {
            "postgresql://\(user)@/\(database)?host=\(socketDirectory)&port=\(port)"
        }
    }

    var server: Server!
    /// No PGPASSWORD and a home without .pgpass, so a password comes only from the URL the test writes.
    var bareEnvironment: [String: String] = [:]

    override func setUp() async throws {
        let environment = ProcessInfo.processInfo.environment
        guard let text = environment["PANTAU_TEST_POSTGRES"], !text.isEmpty else {
            let note = "PostgreSQL tests skipped: no server (set PANTAU_TEST_POSTGRES=postgresql://… or run .ci/postgres start)"
            if environment["PANTAU_REQUIRE_POSTGRES"] == "1" { XCTFail(note) }
            throw XCTSkip(note)
        }
        guard case .postgres(let superuser) = try StoreAddress.parse(text, environment: environment) else {
            return XCTFail("PANTAU_TEST_POSTGRES is not a postgresql:// address")
        }
        let connection = try await PostgresConnector(address: superuser).connect()
        do {
            try await prepareLogins(on: connection)
            let socket = try await strings("SHOW unix_socket_directories", on: connection)[0]
            let rules = try await strings("SELECT type || ' ' || array_to_string(user_name, ',') || ' ' || auth_method FROM pg_hba_file_rules", on: connection)
            let ssl = try await strings("SHOW ssl", on: connection)
            server = Server(superuser: superuser, socketDirectory: String(socket.prefix { $0 != "," }), hbaRules: rules, offersTLS: ssl == ["on"])
        } catch {
            try await connection.close()
            throw error
        }
        try await connection.close()
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-no-pgpass").path
        bareEnvironment = ["HOME": home]
    }

    // MARK: What works

    func testPasswordLoginOverTCPWithTheApplicationName() async throws {
        try requireRule("host pantau_pw scram-sha-256")
        let connection = try await connect(server.url("pantau_pw:\(Self.password)", query: "application_name=kantor-kutim"))
        let row = try await strings("SELECT current_user || ' ' || current_setting('application_name')", on: connection)
        try await connection.close()
        XCTAssertEqual(row, ["pantau_pw kantor-kutim"])
    }

    func testUnixSocketLoginIsPantauByDefault() async throws {
        // The superuser's password, where the server asks for one over its socket too, comes as PGPASSWORD.
        var environment = bareEnvironment
        environment["PGPASSWORD"] = server.superuser.password?.revealed
        let connection = try await connect(server.socketURL(server.superuser.user), environment: environment)
        let row = try await strings("SELECT current_user || ' ' || current_setting('application_name')", on: connection)
        try await connection.close()
        XCTAssertEqual(row, ["\(server.superuser.user) pantau"])
    }

    func testPreferFallsBackToPlainOnAServerWithoutTLS() async throws {
        try XCTSkipIf(server.offersTLS, "the server has ssl on")
        try requireRule("host pantau_pw scram-sha-256")
        let connection = try await connect(server.url("pantau_pw:\(Self.password)", query: "sslmode=prefer"))
        let row = try await strings("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()", on: connection)
        try await connection.close()
        XCTAssertEqual(row, ["false"])
    }

    /// `require` checks no certificate, as in libpq, so a server's self-signed one is accepted.
    func testRequireConnectsOverTLSWhenTheServerOffersIt() async throws {
        try XCTSkipUnless(server.offersTLS, "the server has ssl off")
        try requireRule("hostssl pantau_tls scram-sha-256")
        let connection = try await connect(server.url("pantau_tls:\(Self.password)", query: "sslmode=require"))
        let row = try await strings("SELECT ssl::text FROM pg_stat_ssl WHERE pid = pg_backend_pid()", on: connection)
        try await connection.close()
        XCTAssertEqual(row, ["true"])
    }

    func testTimeLimitIsFiveSecondsUnlessTheAddressSaysOtherwise() {
        func seconds(_ timeout: Int?) -> Int {
            ConnectionSettings(address: PostgresAddress(user: "siti", connectTimeout: timeout), password: nil).timeoutSeconds
        }
        XCTAssertEqual([seconds(nil), seconds(0), seconds(2)], [5, 130, 2])
    }

    // MARK: Each failure, one sentence

    func testClosedPortIsRefused() async throws {
        let port = try closedPort()
        let error = try await failure(of: "postgresql://pantau_pw@127.0.0.1:\(port)/postgres", within: 1)
        XCTAssertEqual(error, .postgresRefused(server: "127.0.0.1:\(port)"))
        XCTAssertEqual(error.message(.en), "No PostgreSQL server answers at 127.0.0.1:\(port) (connection refused); check that the server is running and that the host and port in the address are right.")
        XCTAssertEqual(error.message(.id), "Tidak ada server PostgreSQL yang menjawab di 127.0.0.1:\(port) (koneksi ditolak); periksa apakah server berjalan dan host serta port dalam alamat sudah benar.")
    }

    func testWrongPasswordIsNamedWithoutThePassword() async throws {
        try requireRule("host pantau_pw scram-sha-256")
        let error = try await failure(of: server.url("pantau_pw:salah-sekali"), within: 2)
        XCTAssertEqual(error.message(.en), "The server 127.0.0.1:\(server.port) refused the password of user pantau_pw; check the password in the address, PGPASSWORD or ~/.pgpass.")
        XCTAssertEqual(error.message(.id), "Server 127.0.0.1:\(server.port) menolak kata sandi pengguna pantau_pw; periksa kata sandi dalam alamat, PGPASSWORD atau ~/.pgpass.")
        XCTAssertFalse(String(reflecting: error).contains("salah-sekali"))
    }

    func testMissingPasswordSaysWhereToPutIt() async throws {
        try requireRule("host pantau_pw scram-sha-256")
        let error = try await failure(of: server.url("pantau_pw"), within: 1)
        XCTAssertEqual(error.message(.en), "The server 127.0.0.1:\(server.port) asks for the password of user pantau_pw and none was given; put it in ~/.pgpass (HOST:PORT:DATABASE:USER:PASSWORD, mode 0600) or PGPASSWORD.")
    }

    func testPasswordFromPGPASSWORDLogsIn() async throws {
        try requireRule("host pantau_pw scram-sha-256")
        var environment = bareEnvironment
        environment["PGPASSWORD"] = Self.password
        let connection = try await connect(server.url("pantau_pw"), environment: environment)
        try await connection.close()
    }

    func testUnknownDatabase() async throws {
        try requireRule("host pantau_pw scram-sha-256")
        let error = try await failure(of: server.url("pantau_pw:\(Self.password)", database: "nodb"), within: 2)
        XCTAssertEqual(error.message(.en), "The server 127.0.0.1:\(server.port) has no database nodb; check the name in the address, or create it first (createdb nodb).")
        XCTAssertEqual(error.message(.id), "Server 127.0.0.1:\(server.port) tidak memiliki basis data nodb; periksa namanya dalam alamat, atau buat lebih dulu (createdb nodb).")
    }

    func testUnknownRoleOverTheSocket() async throws {
        try requireRule("local all trust")
        let error = try await failure(of: server.socketURL("pantau_nobody"), within: 1)
        let socket = "\(server.socketDirectory)/.s.PGSQL.\(server.port)"
        XCTAssertEqual(error.message(.en), "The server \(socket) has no user pantau_nobody; check the user name in the address or ask the server's administrator to create the login.")
    }

    func testRoleWithoutLogin() async throws {
        try requireRule("local all trust")
        let error = try await failure(of: server.socketURL("pantau_nologin"), within: 1)
        XCTAssertEqual(error, .postgresRoleCannotLogIn(server: "\(server.socketDirectory)/.s.PGSQL.\(server.port)", user: "pantau_nologin"))
    }

    func testNoConnectPrivilege() async throws {
        try requireRule("host pantau_closed scram-sha-256")
        let error = try await failure(of: server.url("pantau_closed:\(Self.password)", database: "pantau_closed"), within: 2)
        XCTAssertEqual(error.message(.en), "User pantau_closed may not connect to database pantau_closed on 127.0.0.1:\(server.port); ask the database's owner to run GRANT CONNECT ON DATABASE pantau_closed TO pantau_closed.")
    }

    func testServerRequiringTLSAgainstSSLModeDisable() async throws {
        try requireRule("hostssl pantau_tls scram-sha-256")
        let error = try await failure(of: server.url("pantau_tls:\(Self.password)", query: "sslmode=disable"), within: 1)
        XCTAssertEqual(error.message(.en), "The server 127.0.0.1:\(server.port) accepts user pantau_tls for database postgres only over an encrypted connection; use sslmode=require (or leave sslmode out) instead of sslmode=disable.")
    }

    func testSSLModeRequireAgainstAServerWithoutTLS() async throws {
        try XCTSkipIf(server.offersTLS, "the server has ssl on")
        try requireRule("host pantau_pw scram-sha-256")
        let error = try await failure(of: server.url("pantau_pw:\(Self.password)", query: "sslmode=require"), within: 1)
        XCTAssertEqual(error.message(.en), "The address asks for sslmode=require but the server 127.0.0.1:\(server.port) does not offer encrypted connections; ask its administrator to enable ssl, or use sslmode=prefer on a network you trust.")
    }

    func testMissingSocket() async throws {
        let error = try await failure(of: "postgresql://postgres@/postgres?host=/nonexistent-pantau&port=5432", within: 1)
        XCTAssertEqual(error, .postgresSocketMissing(socket: "/nonexistent-pantau/.s.PGSQL.5432"))
    }

    func testUnknownHost() async throws {
        let error = try await failure(of: "postgresql://pantau_pw@nosuchhost.invalid:5432/postgres?connect_timeout=3", within: 3.5)
        XCTAssertEqual(error.message(.en), "The host name nosuchhost.invalid is not known (DNS found no address for it); check its spelling in the address or give the server's IP address.")
    }

    /// 192.0.2.77 is in TEST-NET-1 (RFC 5737): on a real network it is routed nowhere and the SYN is dropped; on a
    /// machine whose own link is 192.0.2.0/24 (this one's) no host answers its ARP. Either way nothing replies,
    /// and the limit of 1 s must hold.
    func testBlackHoledHostGivesUpWithinTheTimeout() async throws {
        let error = try await failure(of: "postgresql://pantau_pw@192.0.2.77:5432/postgres?connect_timeout=1", within: 1.5)
        XCTAssertEqual(error.message(.en), "The PostgreSQL server at 192.0.2.77:5432 did not answer within 1 s; check the host and port, the network and any firewall between, or allow more time with connect_timeout.")
        XCTAssertEqual(error.message(.id), "Server PostgreSQL di 192.0.2.77:5432 tidak menjawab dalam 1 detik; periksa host dan port, jaringan dan firewall di antaranya, atau beri waktu lebih dengan connect_timeout.")
    }

    func testServerThatAcceptsButNeverSpeaksTimesOut() async throws {
        let (socket, port) = try silentListener()
        defer { close(socket) }
        let error = try await failure(of: "postgresql://pantau_pw@127.0.0.1:\(port)/postgres?connect_timeout=1", within: 1.5)
        XCTAssertEqual(error, .postgresTimeout(server: "127.0.0.1:\(port)", seconds: 1))
    }

    // MARK: Pure parts

    func testVersionOlderThan13IsRefusedWithBothVersions() throws {
        XCTAssertNoThrow(try ServerVersion.check(130000, server: "db.kantor:5432"))
        XCTAssertNoThrow(try ServerVersion.check(150018, server: "db.kantor:5432"))
        XCTAssertThrowsError(try ServerVersion.check(120004, server: "db.kantor:5432")) { error in
            XCTAssertEqual((error as? PantauError)?.message(.en), "The server db.kantor:5432 runs PostgreSQL 12.4, but Pantau needs PostgreSQL 13 or newer; ask its administrator to upgrade it.")
            XCTAssertEqual((error as? PantauError)?.message(.id), "Server db.kantor:5432 menjalankan PostgreSQL 12.4, padahal Pantau memerlukan PostgreSQL 13 atau yang lebih baru; minta administratornya memperbaruinya.")
        }
        XCTAssertEqual(ServerVersion.text(90624), "9.6.24")
    }

    func testPgHbaRefusalsAreToldApartByTheirWords() throws {
        let address = PostgresAddress(user: "siti", host: .name("db.kantor"), database: "pantau", sslMode: .prefer)
        let failure = ConnectionFailure(address: address, timeoutSeconds: 5)
        XCTAssertEqual(failure.serverRefusal(sqlState: "28000", routine: "ClientAuthentication",
                                             message: "no pg_hba.conf entry for host \"10.0.0.9\", user \"siti\", database \"pantau\", no encryption"),
                       .postgresEncryptionRequired(server: "db.kantor:5432", user: "siti", database: "pantau"))
        XCTAssertEqual(failure.serverRefusal(sqlState: "28000", routine: "ClientAuthentication",
                                             message: "no pg_hba.conf entry for host \"10.0.0.9\", user \"siti\", database \"pantau\", SSL encryption"),
                       .postgresNoAccessRule(server: "db.kantor:5432", user: "siti", database: "pantau"))
    }

    // MARK: Helpers

    /// The error of a connection that must fail, measured: it must come within `seconds` (printed for the record).
    func failure(of url: String, within seconds: Double, file: StaticString = #filePath, line: UInt = #line) async throws -> PantauError {
        let start = Date()
        do {
            let connection = try await connect(url)
            try await connection.close()
            XCTFail("connected to \(url)", file: file, line: line)
            return .postgresConnectionFailed(server: "", reason: "connected")
        } catch let error as PantauError {
            let elapsed = Date().timeIntervalSince(start)
            print("connection failure after \(String(format: "%.3f", elapsed)) s: \(name)")
            XCTAssertLessThan(elapsed, seconds, file: file, line: line)
            return error
        }
    }

    func connect(_ url: String, environment: [String: String]? = nil) async throws -> PostgresConnection {
        guard case .postgres(let address) = try StoreAddress.parse(url, environment: [:]) else { throw PantauError.storeAddressNoUser }
        return try await PostgresConnector(address: address, environment: environment ?? bareEnvironment).connect()
    }

    /// Skips a test the server's pg_hba.conf cannot show, naming the rule it needs (`TYPE USERS METHOD`).
    func requireRule(_ rule: String) throws {
        guard server.hbaRules.contains(where: { Self.ruleCovers($0, rule) }) else {
            throw XCTSkip("the server's pg_hba.conf has no rule \"\(rule)\" for 127.0.0.1 or its socket")
        }
    }

    /// `host pantau_pw,pantau_closed scram-sha-256` covers `host pantau_pw scram-sha-256`.
    static func ruleCovers(_ line: String, _ rule: String) -> Bool {
        let have = line.split(separator: " "), want = rule.split(separator: " ")
        return have.count == 3 && want.count == 3 && have[0] == want[0] && have[2] == want[2]
            && have[1].split(separator: ",").contains(where: { $0 == want[1] || $0 == "all" })
    }

    func strings(_ sql: String, on connection: PostgresConnection) async throws -> [String] {
        var result: [String] = []
        for try await value in try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test")).decode(String.self) {
            result.append(value)
        }
        return result
    }

    /// The logins and the closed database the failures need; run as superuser, repeatable.
    func prepareLogins(on connection: PostgresConnection) async throws {
        let statements = [
            "DO $$ BEGIN CREATE ROLE pantau_pw LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
            "DO $$ BEGIN CREATE ROLE pantau_tls LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
            "DO $$ BEGIN CREATE ROLE pantau_closed LOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
            "DO $$ BEGIN CREATE ROLE pantau_nologin NOLOGIN; EXCEPTION WHEN duplicate_object THEN NULL; END $$",
            "ALTER ROLE pantau_pw PASSWORD '\(Self.password)'",
            "ALTER ROLE pantau_tls PASSWORD '\(Self.password)'",
            "ALTER ROLE pantau_closed PASSWORD '\(Self.password)'",
        ]
        for sql in statements { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: Logger(label: "test")) }
        if try await strings("SELECT datname::text FROM pg_database WHERE datname = 'pantau_closed'", on: connection).isEmpty {
            try await connection.query("CREATE DATABASE pantau_closed", logger: Logger(label: "test"))
        }
        try await connection.query("REVOKE CONNECT ON DATABASE pantau_closed FROM PUBLIC", logger: Logger(label: "test"))
    }

    /// A port on 127.0.0.1 that nothing listens on: bound, read, and let go.
    func closedPort() throws -> Int {
        let (socket, port) = try boundSocket()
        close(socket)
        return port
    }

    /// A listening socket that never accepts: the kernel completes the TCP handshake and then nothing is said.
    func silentListener() throws -> (socket: Int32, port: Int) {
        let (socket, port) = try boundSocket()
        guard listen(socket, 4) == 0 else { close(socket); throw POSIXError(.EADDRINUSE) }
        return (socket, port)
    }

    private func boundSocket() throws -> (Int32, Int) {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0
            }
        }
        guard bound else { close(socket); throw POSIXError(.EADDRNOTAVAIL) }
        return (socket, Int(UInt16(bigEndian: address.sin_port)))
    }
}
