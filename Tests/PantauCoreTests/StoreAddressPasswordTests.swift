import Foundation
import Testing
@testable import PantauCore
@testable import PantauSQLite
import PantauTestSupport

/// Where a PostgreSQL password comes from: the URL, `PGPASSWORD`, then the password file in libpq's format,
/// which is ignored (with one warning) when others may read it, and refused when it is implausibly large.
@Suite struct StoreAddressPasswordTests {
    let kantor = PostgresAddress(user: "siti", host: .name("db.kantor"), port: 5432, database: "pantau")

    func file(_ text: String) throws -> PasswordFile { try PasswordFile(text: text, path: "/home/siti/.pgpass") }

    /// A password file on disk with the given mode, and the environment that points at it.
    func passwordFile(_ text: String, mode: mode_t = 0o600) -> (path: String, environment: [String: String]) {
        let path = Fixtures.temporaryPath("pgpass")
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        chmod(path, mode)
        return (path, ["PGPASSFILE": path])
    }

    @Test func firstMatchingLineWinsAndStarsMatchAnything() throws {
        let lines = """
            # hostname:port:database:username:password
            db.kantor:5432:pantau:budi:budis
            *:*:*:siti:any-for-siti
            db.kantor:5432:pantau:siti:too-late
            """
        #expect(try file(lines).password(for: kantor) == "any-for-siti")
        #expect(try file(lines).password(for: PostgresAddress(user: "budi", host: .name("db.kantor"), database: "pantau")) == "budis")
        #expect(try file(lines).password(for: PostgresAddress(user: "andi", host: .name("db.kantor"), database: "pantau")) == nil)
    }

    @Test func everyFieldMustMatch() throws {
        let line = "db.kantor:5432:pantau:siti:tepat\n"
        #expect(try file(line).password(for: kantor) == "tepat")
        var other = kantor
        other.port = 5433
        #expect(try file(line).password(for: other) == nil)
        other = kantor
        other.database = "lain"
        #expect(try file(line).password(for: other) == nil)
        other = kantor
        other.host = .name("db.prov")
        #expect(try file(line).password(for: other) == nil)
    }

    @Test func escapesCommentsAndShortLines() throws {
        let lines = "#db.kantor:5432:pantau:siti:commented\r\n"
            + "db.kantor:5432:pantau:siti\r\n"                      // four fields: matches nothing
            + "\\:\\:1:5432:pantau:siti:v6\r\n"                      // the IPv6 host ::1, its colons escaped
            + "db.kantor:5432:pantau:siti:pa\\:ss\\\\word:ignored\r\n"
        #expect(try file(lines).password(for: kantor) == "pa:ss\\word")
        #expect(try file(lines).password(for: PostgresAddress(user: "siti", host: .ipv6("::1"), database: "pantau")) == "v6")
        #expect(try file("\\*:*:*:*:literal-star\n").password(for: kantor) == nil, "an escaped star is a star, not a wildcard")
        #expect(try file("*:*:*:*:\n").password(for: kantor) == nil, "an empty password is no password")
    }

    @Test func aUnixSocketMatchesLocalhostInTheDefaultFolderAndItsPathElsewhere() throws {
        let lines = "localhost:5432:*:siti:lokal\n/srv/pg:5433:*:siti:srv\n"
        let defaultSocket = PostgresAddress(user: "siti", host: .socketDirectory("/var/run/postgresql"), port: 5432, database: "pantau")
        #expect(try file(lines).password(for: defaultSocket) == "lokal")
        #expect(try file(lines).password(for: PostgresAddress(user: "siti", host: .name("localhost"), database: "pantau")) == "lokal")
        #expect(try file(lines).password(for: PostgresAddress(user: "siti", host: .socketDirectory("/srv/pg"), port: 5433, database: "pantau")) == "srv")
        #expect(try file(lines).password(for: PostgresAddress(user: "siti", host: .socketDirectory("/tmp"), database: "pantau")) == nil)
    }

    @Test func theURLComesFirstThenPGPASSWORDThenTheFile() throws {
        let (path, environment) = passwordFile("*:*:*:*:from-file\n")
        var noWarnings: [PasswordFileWarning] = []
        var withURL = kantor
        withURL.password = Secret("from-url")
        #expect(try PostgresPassword.find(for: withURL, environment: environment.merging(["PGPASSWORD": "from-env"]) { $1 }) { noWarnings.append($0) }?
            .source == .url)
        let fromEnvironment = try #require(try PostgresPassword.find(for: kantor, environment: environment.merging(["PGPASSWORD": "from-env"]) { $1 }) { noWarnings.append($0) })
        #expect(fromEnvironment.password == Secret("from-env") && fromEnvironment.source == .environment)
        let fromFile = try #require(try PostgresPassword.find(for: kantor, environment: environment) { noWarnings.append($0) })
        #expect(fromFile.password == Secret("from-file") && fromFile.source == .file(path: path))
        #expect(noWarnings.isEmpty)
    }

    @Test func theFileIsInTheHomeFolderUnlessPGPASSFILENamesOne() throws {
        #expect(PostgresPassword.passwordFilePath(environment: ["HOME": "/home/siti"]) == "/home/siti/.pgpass")
        #expect(PostgresPassword.passwordFilePath(environment: ["HOME": "/home/siti", "PGPASSFILE": "/etc/pantau/pgpass"]) == "/etc/pantau/pgpass")
        let home = Fixtures.temporaryPath("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: home + "/.pgpass", contents: Data("db.kantor:5432:pantau:siti:di-rumah\n".utf8))
        chmod(home + "/.pgpass", 0o600)
        #expect(try PostgresPassword.find(for: kantor, environment: ["HOME": home]) { _ in }?.password == Secret("di-rumah"))
        #expect(try PostgresPassword.find(for: kantor, environment: ["HOME": home + "/missing"]) { _ in } == nil, "no file, no password, no warning")
    }

    @Test func aFileOthersMayReadIsIgnoredWithOneWarning() throws {
        for mode: mode_t in [0o644, 0o640, 0o604, 0o620] {
            let (path, environment) = passwordFile("*:*:*:*:terbuka\n", mode: mode)
            var warnings: [PasswordFileWarning] = []
            #expect(try PostgresPassword.find(for: kantor, environment: environment) { warnings.append($0) } == nil)
            #expect(warnings == [.openToOthers(path: path)])
            #expect(warnings.first?.message(.en)
                == "Warning: the password file \(path) may be read by other users, so it is ignored; protect it with chmod 600 \(path).")
            #expect(warnings.first?.message(.id)
                == "Peringatan: berkas kata sandi \(path) dapat dibaca pengguna lain, jadi diabaikan; lindungi dengan chmod 600 \(path).")
            chmod(path, 0o600)
            #expect(try PostgresPassword.find(for: kantor, environment: environment) { warnings.append($0) }?.password == Secret("terbuka"))
            #expect(warnings.count == 1)
        }
    }

    @Test func aFolderIsNotAPasswordFile() throws {
        let folder = Fixtures.temporaryPath("pgpass-folder")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var warnings: [PasswordFileWarning] = []
        #expect(try PostgresPassword.find(for: kantor, environment: ["PGPASSFILE": folder]) { warnings.append($0) } == nil)
        #expect(warnings == [.notAFile(path: folder)])
        #expect(warnings.first?.message(.en) == "Warning: \(folder) is not a plain file, so it is not used as the password file; check PGPASSFILE or ~/.pgpass.")
    }

    @Test func anOversizeFileOrLineIsRefusedWithASentence() throws {
        let line = "*:*:*:*:x\n"
        let big = String(repeating: line, count: PasswordFile.byteLimit / line.utf8.count + 1)
        let (bigPath, bigEnvironment) = passwordFile(big)
        #expect(throws: PantauError.passwordFileTooLarge(path: bigPath)) {
            try PostgresPassword.find(for: kantor, environment: bigEnvironment) { _ in }
        }
        #expect(PantauError.passwordFileTooLarge(path: bigPath).message(.en)
            == "The password file \(bigPath) is larger than 1 MB, which no password file needs; check that it is the right file (HOST:PORT:DATABASE:USER:PASSWORD lines).")

        let long = "# fine\n" + String(repeating: "x", count: PasswordFile.lineByteLimit + 1) + "\n*:*:*:*:x\n"
        let (longPath, longEnvironment) = passwordFile(long)
        #expect(throws: PantauError.passwordFileLineTooLong(path: longPath, line: 2)) {
            try PostgresPassword.find(for: kantor, environment: longEnvironment) { _ in }
        }
        #expect(PantauError.passwordFileLineTooLong(path: longPath, line: 2).message(.en)
            == "Line 2 of the password file \(longPath) is longer than 64 KB, which no password file needs; check that it is the right file (HOST:PORT:DATABASE:USER:PASSWORD lines).")
    }
}
