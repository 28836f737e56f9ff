import Foundation
import Testing
@testable import PantauCore
@testable import PantauSQLite

/// `--db` and `PANTAU_DB`: which addresses are files, which are PostgreSQL servers (by libpq's URL rules and
/// environment defaults), and the one sentence every other address gets. The environment is always a dictionary
/// given to the parser, never this process's.
@Suite struct StoreAddressTests {
    static let login = "operator"

    func parse(_ text: String, _ environment: [String: String] = [:], login: String? = StoreAddressTests.login) throws -> StoreAddress {
        try StoreAddress.parse(text, environment: environment, loginName: login)
    }

    func postgres(_ text: String, _ environment: [String: String] = [:]) throws -> PostgresAddress {
        guard case .postgres(let address) = try parse(text, environment) else { throw PantauError.storeAddressNoUser }
        return address
    }

    // MARK: Files

    @Test(arguments: [
        ("/srv/pantau/kantor.db", "/srv/pantau/kantor.db"),
        ("kantor.db", "kantor.db"),
        ("sqlite:/tmp/x.db", "/tmp/x.db"),
        ("sqlite:relative/x.db", "relative/x.db"),
        ("sqlite:postgresql://not-a-url", "postgresql://not-a-url"),
        // A colon without `//` after letters is part of a file name.
        ("./data:2023.db", "./data:2023.db"),
        ("data:2023.db", "data:2023.db"),
        ("db:1", "db:1"),
        ("C:kantor.db", "C:kantor.db"),
        ("/srv/a://b.db", "/srv/a://b.db"),
    ])
    func filePaths(text: String, path: String) throws {
        #expect(try parse(text) == .sqlite(path: path))
    }

    // MARK: PostgreSQL URLs

    @Test func fullURL() throws {
        let address = try postgres("postgresql://siti:rahasia@db.kantor:5432/pantau")
        #expect(address == PostgresAddress(user: "siti", password: Secret("rahasia"), host: .name("db.kantor"), port: 5432, database: "pantau"))
        #expect(address.description == "postgresql://siti@db.kantor:5432/pantau")
        #expect(address.socketPath == nil)
    }

    @Test(arguments: [
        ("postgres://siti@db.kantor/pantau",
         PostgresAddress(user: "siti", host: .name("db.kantor"), port: 5432, database: "pantau"),
         "postgresql://siti@db.kantor:5432/pantau"),
        ("POSTGRESQL://siti@db.kantor/pantau",
         PostgresAddress(user: "siti", host: .name("db.kantor"), port: 5432, database: "pantau"),
         "postgresql://siti@db.kantor:5432/pantau"),
        ("postgresql://siti@10.0.0.5:6432/pantau?sslmode=require",
         PostgresAddress(user: "siti", host: .name("10.0.0.5"), port: 6432, database: "pantau", sslMode: .require),
         "postgresql://siti@10.0.0.5:6432/pantau?sslmode=require"),
        ("postgresql://siti@db.kantor:/pantau?sslmode=disable",
         PostgresAddress(user: "siti", host: .name("db.kantor"), port: 5432, database: "pantau", sslMode: .disable),
         "postgresql://siti@db.kantor:5432/pantau?sslmode=disable"),
        ("postgresql://siti@[::1]:5433/pantau",
         PostgresAddress(user: "siti", host: .ipv6("::1"), port: 5433, database: "pantau"),
         "postgresql://siti@[::1]:5433/pantau"),
        ("postgresql://siti@[fd00::5]/pantau",
         PostgresAddress(user: "siti", host: .ipv6("fd00::5"), port: 5432, database: "pantau"),
         "postgresql://siti@[fd00::5]:5432/pantau"),
        ("postgresql://siti@db.kantor/pantau?host=::1",
         PostgresAddress(user: "siti", host: .ipv6("::1"), port: 5432, database: "pantau"),
         "postgresql://siti@[::1]:5432/pantau"),
        // libpq's percent-encoded socket folder in the authority.
        ("postgresql://%2Fvar%2Frun%2Fpostgresql/pantau",
         PostgresAddress(user: "operator", host: .socketDirectory("/var/run/postgresql"), port: 5432, database: "pantau"),
         "postgresql://operator@:5432/pantau?host=/var/run/postgresql"),
        ("postgresql:///pantau?host=/srv/pg&port=5433",
         PostgresAddress(user: "operator", host: .socketDirectory("/srv/pg"), port: 5433, database: "pantau"),
         "postgresql://operator@:5433/pantau?host=/srv/pg"),
        // Nothing given: libpq's defaults (the login name, the Debian socket folder, 5432, the user's database).
        ("postgresql://",
         PostgresAddress(user: "operator", host: .socketDirectory("/var/run/postgresql"), port: 5432, database: "operator"),
         "postgresql://operator@:5432/operator?host=/var/run/postgresql"),
        ("postgresql://db.kantor",
         PostgresAddress(user: "operator", host: .name("db.kantor"), port: 5432, database: "operator"),
         "postgresql://operator@db.kantor:5432/operator"),
        // Every part is percent-decoded after the URL is split, so %40 and %2F stay inside their part.
        ("postgresql://si%40ti@db.kantor/data%20base%2Fkaltim",
         PostgresAddress(user: "si@ti", host: .name("db.kantor"), port: 5432, database: "data base/kaltim"),
         "postgresql://si%40ti@db.kantor:5432/data%20base%2Fkaltim"),
        ("postgresql://db.kantor/pantau?user=budi&dbname=lain&application_name=pantau%20kutim&connect_timeout=10",
         PostgresAddress(user: "budi", host: .name("db.kantor"), port: 5432, database: "lain", applicationName: "pantau kutim", connectTimeout: 10),
         "postgresql://budi@db.kantor:5432/lain?application_name=pantau%20kutim&connect_timeout=10"),
        // A later parameter overrides the authority, as in libpq; empty parameters count as not given.
        ("postgresql://siti@db.kantor:5432/pantau?port=6000&host=&&sslmode=prefer",
         PostgresAddress(user: "siti", host: .socketDirectory("/var/run/postgresql"), port: 6000, database: "pantau"),
         "postgresql://siti@:6000/pantau?host=/var/run/postgresql"),
    ])
    func postgresURLs(text: String, expected: PostgresAddress, description: String) throws {
        let address = try postgres(text)
        #expect(address == expected)
        #expect(address.description == description)
        #expect(try postgres(description) == address, "the description reads back as the same address")
    }

    @Test func passwordsAreDecodedAndAnUnencodedAtStaysInThePassword() throws {
        #expect(try postgres("postgresql://siti:p%3Aw%2Fd%40x%25@db.kantor/pantau").password == Secret("p:w/d@x%"))
        #expect(try postgres("postgresql://siti:pa@ss@db.kantor/pantau").password == Secret("pa@ss"))
        #expect(try postgres("postgresql://siti:a:b@db.kantor/pantau").password == Secret("a:b"))
        #expect(try postgres("postgresql://siti:@db.kantor/pantau").password == nil)
        #expect(try postgres("postgresql://db.kantor/pantau?user=siti&password=kunci").password == Secret("kunci"))
    }

    @Test func theSocketFileIsInTheSocketFolder() throws {
        #expect(try postgres("postgresql:///pantau?host=/srv/pg&port=5433").socketPath == "/srv/pg/.s.PGSQL.5433")
        #expect(try postgres("postgresql://").socketPath == "/var/run/postgresql/.s.PGSQL.5432")
        #expect(try postgres("postgresql:///pantau?host=/tmp/").socketPath == "/tmp/.s.PGSQL.5432")
    }

    // MARK: libpq's environment defaults

    @Test func environmentFillsWhatTheURLLeavesOut() throws {
        let environment = ["PGUSER": "budi", "PGHOST": "db.prov", "PGPORT": "6543", "PGDATABASE": "kaltim", "PGSSLMODE": "require"]
        #expect(try postgres("postgresql://", environment)
            == PostgresAddress(user: "budi", host: .name("db.prov"), port: 6543, database: "kaltim", sslMode: .require))
        #expect(try postgres("postgresql://siti@db.kantor:5432/pantau?sslmode=disable", environment)
            == PostgresAddress(user: "siti", host: .name("db.kantor"), port: 5432, database: "pantau", sslMode: .disable))
        #expect(try postgres("postgresql://", ["PGHOST": "/run/pg"]).host == .socketDirectory("/run/pg"))
        #expect(try postgres("postgresql://", ["PGUSER": "budi"]).database == "budi", "the database defaults to the user's name")
        #expect(try postgres("postgresql://", ["PGUSER": "", "PGPORT": ""]) == PostgresAddress(user: "operator"), "empty counts as unset")
    }

    @Test func withoutAnyUserTheAddressIsRefused() throws {
        #expect(throws: PantauError.storeAddressNoUser) { try parse("postgresql://db.kantor/pantau", login: nil) }
        #expect(try parse("postgresql://db.kantor/pantau", ["PGUSER": "budi"], login: nil)
            == .postgres(PostgresAddress(user: "budi", host: .name("db.kantor"), database: "pantau")))
    }

    @Test func pantauDBAndTheOptionGoThroughTheSameParser() throws {
        let environment = ["PANTAU_DB": "postgres://siti@db.kantor/pantau", "HOME": "/home/u"]
        let location = try DatabaseLocation.resolve(option: nil, environment: environment, loginName: "operator")
        #expect(location == DatabaseLocation(address: .postgres(PostgresAddress(user: "siti", host: .name("db.kantor"), database: "pantau")),
                                             isDefault: false))
        #expect(throws: PantauError.onlyOnSQLite(what: "pantau backup", store: "postgresql://siti@db.kantor:5432/pantau")) {
            try location.sqlitePath(for: "pantau backup")
        }
        #expect(throws: PantauError.storeAddressUnknownScheme(scheme: "mysql")) {
            try DatabaseLocation.resolve(option: "mysql://x", environment: environment, loginName: "operator")
        }
        #expect(try DatabaseLocation.resolve(option: "sqlite:/data/a.db", environment: environment, loginName: nil) == .init(path: "/data/a.db", isDefault: false))
    }

    // MARK: Refused, with one sentence each

    @Test(arguments: [
        ("mysql://x", "mysql:// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE."),
        ("file:///tmp/x.db", "file:// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE."),
        ("svn+ssh://h/x", "svn+ssh:// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE."),
        ("postgresql:pantau", "A PostgreSQL address starts with postgresql://, e.g. postgresql://siti@db.kantor:5432/pantau; a file whose name starts with postgresql: is given as ./postgresql:NAME."),
        ("Postgres:/db", "A PostgreSQL address starts with Postgres://, e.g. postgresql://siti@db.kantor:5432/pantau; a file whose name starts with Postgres: is given as ./Postgres:NAME."),
        ("sqlite:", "sqlite: needs the path of the database file after it, e.g. sqlite:/srv/pantau/kantor.db."),
        ("postgresql://h:0/db", "The port in the PostgreSQL address must be a whole number from 1 to 65535, e.g. postgresql://siti@db.kantor:5432/pantau."),
        ("postgresql://h:65536/db", "The port in the PostgreSQL address must be a whole number from 1 to 65535, e.g. postgresql://siti@db.kantor:5432/pantau."),
        ("postgresql://h:54x2/db", "The port in the PostgreSQL address must be a whole number from 1 to 65535, e.g. postgresql://siti@db.kantor:5432/pantau."),
        ("postgresql://h/db?port=-1", "The port in the PostgreSQL address must be a whole number from 1 to 65535, e.g. postgresql://siti@db.kantor:5432/pantau."),
        ("postgresql://[::1/db", "An IPv6 host in a PostgreSQL address is written whole between [ and ], followed by nothing or :PORT, e.g. postgresql://siti@[::1]:5432/pantau."),
        ("postgresql://[]/db", "An IPv6 host in a PostgreSQL address is written whole between [ and ], followed by nothing or :PORT, e.g. postgresql://siti@[::1]:5432/pantau."),
        ("postgresql://[::1]x/db", "An IPv6 host in a PostgreSQL address is written whole between [ and ], followed by nothing or :PORT, e.g. postgresql://siti@[::1]:5432/pantau."),
        ("postgresql://[db.kantor]/db", "An IPv6 host in a PostgreSQL address is written whole between [ and ], followed by nothing or :PORT, e.g. postgresql://siti@[::1]:5432/pantau."),
        ("postgresql://a,b/db", "Pantau connects to one PostgreSQL server; give one host, not a list separated by commas."),
        ("postgresql://h/db?foo=1", "The PostgreSQL address has the parameter \"foo\", which Pantau does not know; use host, port, dbname, user, password, sslmode, application_name or connect_timeout."),
        ("postgresql://h/db?sslrootcert=/x", "The PostgreSQL address has the parameter \"sslrootcert\", which Pantau does not know; use host, port, dbname, user, password, sslmode, application_name or connect_timeout."),
        ("postgresql://h/db?sslmode", "The parameter \"sslmode\" of the PostgreSQL address must be written NAME=VALUE with one =, e.g. ?sslmode=require."),
        ("postgresql://h/db?sslmode=a=b", "The parameter \"sslmode\" of the PostgreSQL address must be written NAME=VALUE with one =, e.g. ?sslmode=require."),
        ("postgresql://h/db?sslmode=verify-ca", "sslmode verify-ca is not supported yet (Pantau does not check server certificates yet); use sslmode=require for an encrypted connection."),
        ("postgresql://h/db?sslmode=verify-full", "sslmode verify-full is not supported yet (Pantau does not check server certificates yet); use sslmode=require for an encrypted connection."),
        ("postgresql://h/db?sslmode=allow", "sslmode \"allow\" is not a TLS mode Pantau knows; give disable, prefer or require."),
        ("postgresql://h/db?connect_timeout=abc", "connect_timeout in the PostgreSQL address must be a whole number of seconds, e.g. connect_timeout=10."),
        ("postgresql://h/db?connect_timeout=-5", "connect_timeout in the PostgreSQL address must be a whole number of seconds, e.g. connect_timeout=10."),
        ("postgresql://h/db%2", "The database name in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        ("postgresql://si%zzti@h/db", "The user name in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        ("postgresql://siti:ab%00cd@h/db", "The password in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        ("postgresql://%2Fvar%ZZ/db", "The host in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        ("postgresql://h:%35%3/db", "The port in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        ("postgresql://h/db?application_name=%FF", "The parameter \"application_name\" in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        ("postgresql://h/db?x%zz=1", "A parameter in the PostgreSQL address has a broken %-escape; write two hex digits after each % (%40 for @, %25 for %; %00 is not allowed)."),
        // Only a name that looks like one of libpq's is quoted.
        ("postgresql://h/db?Foo=1", "The PostgreSQL address has a parameter Pantau does not know; use host, port, dbname, user, password, sslmode, application_name or connect_timeout, and write & and = inside a value as %26 and %3D."),
        ("postgresql://h/db?a%26b", "A parameter of the PostgreSQL address is not written NAME=VALUE with one =; write & and = inside a value as %26 and %3D."),
        // libpq refuses a second = in a parameter, in a password too.
        ("postgresql://h/db?password=ab=cd", "The parameter \"password\" of the PostgreSQL address must be written NAME=VALUE with one =, e.g. ?sslmode=require."),
        // An @ after the first / or ? : refused, since a / or ? in the user name or password may have split it.
        ("postgresql://siti@db/data@base", "The PostgreSQL address has an @ after a / or ?; write /, ? and @ in the user name or password as %2F, %3F and %40, and any other @ as %40."),
        ("postgresql://siti@db/pantau?application_name=ops@kantor", "The PostgreSQL address has an @ after a / or ?; write /, ? and @ in the user name or password as %2F, %3F and %40, and any other @ as %40."),
    ])
    func refusedAddresses(text: String, message: String) {
        #expect(throws: (any Error).self) { try parse(text) }
        do {
            _ = try parse(text)
        } catch let error as PantauError {
            #expect(error.message(.en) == message)
            #expect(!error.message(.id).isEmpty && error.message(.id) != message, "an Indonesian sentence too")
        } catch {
            Issue.record("not a PantauError: \(error)")
        }
    }

    /// A password with an unencoded `/`, `?`, `&` or `=` once split into the database or a parameter name, and the
    /// message quoted that piece. Now the address is refused with a sentence that quotes nothing of it.
    @Test(arguments: [
        ("postgresql://siti:ab/cd@db/pantau", "ab/cd", "cd",
         "The PostgreSQL address has an @ after a / or ?; write /, ? and @ in the user name or password as %2F, %3F and %40, and any other @ as %40.",
         "Alamat PostgreSQL memuat @ sesudah / atau ?; tulis /, ? dan @ dalam nama pengguna atau kata sandi sebagai %2F, %3F dan %40, dan @ lainnya sebagai %40."),
        ("postgresql://siti:ab?cd@db/p", "ab?cd", "cd",
         "The PostgreSQL address has an @ after a / or ?; write /, ? and @ in the user name or password as %2F, %3F and %40, and any other @ as %40.",
         "Alamat PostgreSQL memuat @ sesudah / atau ?; tulis /, ? dan @ dalam nama pengguna atau kata sandi sebagai %2F, %3F dan %40, dan @ lainnya sebagai %40."),
        ("postgresql://siti@db/pantau?password=ab&cd", "ab&cd", "cd",
         "A parameter of the PostgreSQL address is not written NAME=VALUE with one =; write & and = inside a value as %26 and %3D.",
         "Salah satu parameter dalam alamat PostgreSQL tidak ditulis NAMA=NILAI dengan satu =; tulis & dan = di dalam nilai sebagai %26 dan %3D."),
        ("postgresql://siti@db/pantau?password=ab&cd=ef", "ab&cd=ef", "cd",
         "The PostgreSQL address has a parameter Pantau does not know; use host, port, dbname, user, password, sslmode, application_name or connect_timeout, and write & and = inside a value as %26 and %3D.",
         "Alamat PostgreSQL memuat parameter yang tidak dikenal Pantau; gunakan host, port, dbname, user, password, sslmode, application_name atau connect_timeout, dan tulis & dan = di dalam nilai sebagai %26 dan %3D."),
        ("postgresql://siti@db/pantau?password=ab&sslmode=cdef", "ab&sslmode=cdef", "cdef",
         "sslmode in the PostgreSQL address is not a TLS mode Pantau knows; give disable, prefer or require.",
         "sslmode dalam alamat PostgreSQL bukan mode TLS yang dikenal Pantau; berikan disable, prefer atau require."),
    ])
    func anUnencodedPasswordIsRefusedWithoutQuotingIt(text: String, password: String, piece: String, english: String, indonesian: String) {
        do {
            let address = try parse(text)
            Issue.record("\(text) was accepted as \(address)")
        } catch let error as PantauError {
            #expect(error.message(.en) == english)
            #expect(error.message(.id) == indonesian)
            for message in [error.message(.en), error.message(.id), "\(error)", String(reflecting: error)] {
                #expect(!message.contains(piece) && !message.contains(password), "\(text): \(message)")
            }
        } catch {
            Issue.record("not a PantauError: \(error)")
        }
    }

    @Test func environmentMistakesNameTheVariable() {
        #expect(throws: PantauError.storeAddressBadPort(variable: "PGPORT")) { try parse("postgresql://h/db", ["PGPORT": "abc"]) }
        #expect(PantauError.storeAddressBadPort(variable: "PGPORT").message(.en)
            == "PGPORT must be a whole number from 1 to 65535 (the server's port, usually 5432); correct it or unset it.")
        #expect(throws: PantauError.storeAddressUnknownSSLMode(mode: "bogus", variable: "PGSSLMODE")) { try parse("postgresql://h/db", ["PGSSLMODE": "bogus"]) }
        #expect(PantauError.storeAddressUnknownSSLMode(mode: "bogus", variable: "PGSSLMODE").message(.en)
            == "PGSSLMODE \"bogus\" is not a TLS mode Pantau knows; give disable, prefer or require.")
        #expect(throws: PantauError.storeAddressSeveralHosts) { try parse("postgresql:///db", ["PGHOST": "a,b"]) }
        #expect(PantauError.storeAddressNoUser.message(.id)
            == "Alamat PostgreSQL tidak menyebut pengguna dan nama login tidak ditemukan; tulis sebagai postgresql://PENGGUNA@HOST/BASISDATA atau isi PGUSER.")
    }

    @Test func whatOnlyAFileDoesIsRefusedOnAServerInBothLanguages() {
        let error = PantauError.onlyOnSQLite(what: "pantau backup", store: "postgresql://siti@db.kantor:5432/pantau")
        #expect(error.message(.en) == "pantau backup works on a SQLite file; postgresql://siti@db.kantor:5432/pantau is a PostgreSQL server, whose administrator backs it up and checks it with the server's own tools (pg_dump, amcheck).")
        #expect(error.message(.id) == "pantau backup berlaku untuk berkas SQLite; postgresql://siti@db.kantor:5432/pantau adalah server PostgreSQL, yang dicadangkan dan diperiksa administratornya dengan alat server itu sendiri (pg_dump, amcheck).")
    }

    // MARK: The password is never printed

    /// Deterministic passwords full of the characters that break URLs and messages.
    static func passwords(count: Int) -> [String] {
        let alphabet = Array("abcXYZ019 !\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~éü€😀")
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        return (0..<count).map { _ in
            String((0..<(8 + Int(next() % 12))).map { _ in alphabet[Int(next() % UInt64(alphabet.count))] })
        }
    }

    /// A password of the characters that split a URL, unencoded (`/ ? @ & = # :`), and the letters X, Y, Z, which no
    /// message or description holds. A Y comes before every other character, so every piece of three characters
    /// holds a Y and can be looked for in what is shown without matching the sentence's own words.
    static func unencodedPassword(from password: String) -> String {
        let alphabet = Array("/?@&=#:XZ")
        return password.unicodeScalars.map { "Y" + String(alphabet[Int($0.value) % alphabet.count]) }.joined()
    }

    static func pieces(of text: String, length: Int) -> Set<String> {
        let characters = Array(text)
        guard characters.count >= length else { return [text] }
        return Set((0...(characters.count - length)).map { String(characters[$0..<($0 + length)]) })
    }

    @Test func noDescriptionOrMessageHoldsThePassword() throws {
        for password in Self.passwords(count: 300) {
            let encoded = PercentEncoding.encode(password)
            for text in ["postgresql://siti:\(encoded)@db.kantor:5432/pantau", "postgres://db.kantor/pantau?user=siti&password=\(encoded)",
                         "postgresql://siti:\(encoded)@[::1]/pantau?host=/srv/pg&sslmode=require"] {
                let address = try postgres(text)
                #expect(address.password?.revealed == password)
                var dumped = ""
                dump(address, to: &dumped)
                for shown in [address.description, String(describing: address), String(reflecting: address), dumped,
                              StoreAddress.postgres(address).description, "\(address.password!)",
                              PantauError.serverConnectionLost(store: address.description).message(.en)] {
                    #expect(!shown.contains(password), "\(text) shows its password in \(shown)")
                }
            }
            // Written unencoded, as people do: accepted (without the password in what is shown) or refused with a
            // sentence that holds no piece of it.
            let raw = Self.unencodedPassword(from: password)
            for text in ["postgresql://siti:\(raw)@db.kantor:5432/pantau", "postgres://db.kantor/pantau?user=siti&password=\(raw)",
                         "postgresql://siti:\(raw)@[::1]/pantau?host=/srv/pg&sslmode=require",
                         "postgresql://db.kantor/pantau?password=\(raw)&sslmode=require"] {
                var shown: [String]
                do {
                    let address = try parse(text)
                    var dumped = ""
                    dump(address, to: &dumped)
                    shown = [address.description, String(reflecting: address), dumped,
                             PantauError.serverConnectionLost(store: address.description).message(.en)]
                } catch let error as PantauError {
                    shown = [error.message(.en), error.message(.id), "\(error)"]
                }
                for text in shown {
                    for piece in Self.pieces(of: raw, length: 3) { #expect(!text.contains(piece), "\(raw) shows \(piece) in \(text)") }
                }
            }
            // Mistakes elsewhere in the URL: the sentence names the part, never the password.
            for text in ["postgresql://siti:\(encoded)@db.kantor:99999/pantau", "postgresql://siti:\(encoded)@[::1/pantau",
                         "postgresql://siti:\(encoded)@h/pantau?sslmode=verify-full", "postgresql://siti:\(encoded)%@h/pantau"] {
                do {
                    _ = try parse(text)
                    Issue.record("\(text) was accepted")
                } catch let error as PantauError {
                    #expect(!error.message(.en).contains(password) && !error.message(.id).contains(password))
                }
            }
        }
    }
}
