import Foundation
import PantauTestSupport
import Testing

/// `--db` and `PANTAU_DB` from the command line: a PostgreSQL address is a server (where none answers, one
/// sentence), never a folder named `postgresql:`; an unknown scheme gets one sentence; `sqlite:PATH` is the file PATH.
@Suite struct StoreAddressCommandLineTests {
    let refused = "pantau: No PostgreSQL server answers at 127.0.0.1:1 (connection refused); check that the server is running and that the host and port in the address are right.\n"

    /// An empty working directory, to see that a refused address left nothing in it.
    func emptyDirectory() throws -> String {
        let directory = Fixtures.temporaryPath("cwd")
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        return directory
    }

    func contents(_ directory: String) throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: directory).sorted() }

    @Test func aPostgreSQLAddressGetsOneSentenceAndCreatesNothing() throws {
        let directory = try emptyDirectory()
        let address = "postgresql://u:secret@127.0.0.1:1/x"
        for (arguments, sentence) in [(["report", "--db", address, "--lang", "en"], refused), (["init", "--db", address, "--lang", "en"], refused),
                                      (["check", "--db", address, "--lang", "en"], refused), (["--db", address, "--lang", "en"], refused),
                                      (["rat", "6408031000000023", "--year", "2023", "--db", address, "--lang", "en"], refused)] {
            let result = try CLI.run(arguments, environment: ["XDG_DATA_HOME": directory], directory: directory)
            #expect(result.status == 1, "\(arguments)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == sentence, "\(arguments)")
            #expect(!result.stderr.contains("secret"))
        }
        let indonesian = try CLI.run(["report", "--db", address], directory: directory)
        #expect(indonesian.status == 1)
        #expect(indonesian.stderr == "pantau: Tidak ada server PostgreSQL yang menjawab di 127.0.0.1:1 (koneksi ditolak); periksa apakah server berjalan dan host serta port dalam alamat sudah benar.\n")
        #expect(try contents(directory) == [], "no folder postgresql: and no demo database")
    }

    @Test func pantauDBIsReadTheSameWay() throws {
        let directory = try emptyDirectory()
        let result = try CLI.run(["report", "--lang", "en"], environment: ["PANTAU_DB": "postgres://u:secret@127.0.0.1:1/x", "XDG_DATA_HOME": directory],
                                 directory: directory)
        #expect(result.status == 1 && result.stdout.isEmpty)
        #expect(result.stderr == refused)
        let mysql = try CLI.run(["report", "--lang", "en"], environment: ["PANTAU_DB": "mysql://x", "XDG_DATA_HOME": directory], directory: directory)
        #expect(mysql.status == 1)
        #expect(mysql.stderr == "pantau: mysql:// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE.\n")
        #expect(try contents(directory) == [])
    }

    @Test func otherSchemesAndMalformedURLsGetOneSentence() throws {
        let directory = try emptyDirectory()
        let cases = [
            ("mysql://x", "pantau: mysql:// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE.\n"),
            ("file:///tmp/x.db", "pantau: file:// is not a kind of database Pantau can open; give a file path, sqlite:PATH or postgresql://USER@HOST:PORT/DATABASE.\n"),
            ("postgresql://u:secret@h:99999/x", "pantau: The port in the PostgreSQL address must be a whole number from 1 to 65535, e.g. postgresql://siti@db.kantor:5432/pantau.\n"),
            ("postgresql://u:secret@[::1/x", "pantau: An IPv6 host in a PostgreSQL address is written whole between [ and ], followed by nothing or :PORT, e.g. postgresql://siti@[::1]:5432/pantau.\n"),
            ("postgresql://u:secret@h/x?sslmode=verify-full", "pantau: sslmode verify-full is not supported yet (Pantau does not check server certificates yet); use sslmode=require for an encrypted connection.\n"),
            ("postgresql:x", "pantau: A PostgreSQL address starts with postgresql://, e.g. postgresql://siti@db.kantor:5432/pantau; a file whose name starts with postgresql: is given as ./postgresql:NAME.\n"),
        ]
        for (address, message) in cases {
            for command in ["report", "init"] {
                let result = try CLI.run([command, "--db", address, "--lang", "en"], directory: directory)
                #expect(result.status == 1, "\(command) \(address)")
                #expect(result.stderr == message, "\(command) \(address)")
            }
        }
        #expect(try contents(directory) == [], "no folder mysql:, file: or postgresql:")
    }

    @Test func sqlitePrefixOpensTheFileItNames() throws {
        let path = Fixtures.temporaryPath("prefixed.db")
        let created = try CLI.run(["init", "--db", "sqlite:" + path, "--sample", "--lang", "en"])
        #expect(created.status == 0)
        #expect(created.stdout == "Created \(path).\n")
        #expect(FileManager.default.fileExists(atPath: path))
        let prefixed = try CLI.run(["report", "--db", "sqlite:" + path, "--scope", "64.08.03", "--format", "csv"])
        let plain = try CLI.run(["report", "--db", path, "--scope", "64.08.03", "--format", "csv"])
        #expect(prefixed.status == 0 && prefixed.stderr.isEmpty)
        #expect(prefixed.stdout == plain.stdout && prefixed.stdout.contains("6408031000000023"))
        let checked = try CLI.run(["check", "--db", "sqlite:" + path])
        #expect(checked.status == 0)
    }

    @Test func aColonInAFileNameIsStillAFile() throws {
        let directory = try emptyDirectory()
        let result = try CLI.run(["init", "--db", "data:2023.db", "--lang", "en"], directory: directory)
        #expect(result.status == 0 && result.stdout == "Created data:2023.db.\n")
        #expect(try contents(directory) == ["data:2023.db"])
    }

    @Test func helpShowsThePostgreSQLForm() throws {
        for command in ["report", "init", "check"] {
            let help = try CLI.run(["help", command])
            #expect(help.stdout.contains("postgresql://USER@HOST:PORT/DATABASE"), "\(command)")
        }
    }
}
