import Foundation
import PantauTestSupport
import Testing

/// The real binary against a real PostgreSQL server: the same sample data gives the same bytes as the SQLite file;
/// init refuses a database that holds Pantau; rights are granted, listed, enforced by the server and revoked.
/// Without a server (PANTAU_TEST_POSTGRES) the suite says so in one line; with PANTAU_REQUIRE_POSTGRES=1 it fails.
@Suite(.serialized) struct PostgresCommandLineTests {
    /// One office database with the sample, made once through `pantau init --sample` by its owner.
    struct Office: Sendable {
        let server: PostgresServer
        let database: PostgresServer.Database
        let file: String
    }

    static let office: Result<Office?, any Error> = Result {
        guard let server = try PostgresServer.available() else { return nil }
        let database = try server.freshDatabase()
        let made = try CLI.run(["init", "--sample", "--office", "Kutim", "--db", database.url])
        guard made.status == 0 else { throw InitFailed(stderr: made.stderr) }
        let file = Fixtures.temporaryPath()
        _ = try CLI.run(["init", "--sample", "--office", "Kutim", "--db", file])
        return Office(server: server, database: database, file: file)
    }

    struct InitFailed: Error { let stderr: String }

    func office() throws -> Office? { try Self.office.get() }

    @Test func theSameSampleGivesTheSameReportsByteForByte() throws {
        guard let office = try office() else { return }
        for scope in ["Indonesia", "64", "65", "64.08", "64.08.03", "64.01", "65.71", "64.72.01"] {
            for year in [2019, 2020, 2021, 2022, 2023] {
                let onFile = try CLI.run(["report", "--db", office.file, "--scope", scope, "--year", String(year), "--format", "json"])
                let onServer = try CLI.run(["report", "--db", office.database.url, "--scope", scope, "--year", String(year), "--format", "json"])
                #expect(onServer.stdout == onFile.stdout, "\(scope) \(year)")
                #expect(onServer.status == onFile.status && onServer.stderr == onFile.stderr, "\(scope) \(year)")
            }
        }
        let facts = try CLI.run(["report", "--db", office.database.url, "--scope", "Kutai Timur", "--format", "csv"])
        #expect(facts.stdout.contains("\n64.08.03,Muara Bengkal,49,19,30,0.3878,512\n"))
    }

    @Test func initRefusesADatabaseThatHoldsPantau() throws {
        guard let office = try office() else { return }
        let again = try CLI.run(["init", "--db", office.database.url, "--lang", "en"])
        #expect(again.status == 1)
        #expect(again.stderr == "pantau: The database \(Self.shown(office.database.url)) already holds Pantau's tables; init never overwrites. Use it as it is, or create a new database for a new start.\n")
    }

    @Test func rightsAreGrantedListedEnforcedAndRevoked() throws {
        guard let office = try office() else { return }
        let owner = office.database.url
        let kutim = try office.server.createLogin("kutim")
        let kukar = try office.server.createLogin("kukar")
        #expect(try CLI.run(["grant", kutim.name, "--role", "editor", "--region", "Kutai Timur", "--db", owner, "--lang", "en"]).stdout
                == "\(kutim.name) is now editor of Kutai Timur.\n")
        #expect(try CLI.run(["grant", kukar.name, "--role", "viewer", "--db", owner]).status == 0)
        // login, role, region, when, by whom: the time changes, the rest does not.
        let list = try CLI.run(["grant", "--list", "--db", owner, "--lang", "en"]).stdout.split(separator: "\n")
            .map { $0.replacingOccurrences(of: #"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "TIME", options: .regularExpression) }
        #expect(list == ["\(kukar.name)  viewer  everywhere  TIME  \(office.database.owner.name)",
                         "\(kutim.name)  editor  Kabupaten Kutai Timur (64.08)  TIME  \(office.database.owner.name)"])

        // A viewer reads everything and changes nothing; an editor may not change the office's settings.
        let asKukar = try office.server.url(of: office.database.name, as: kukar)
        #expect(try CLI.run(["report", "--db", asKukar, "--scope", "64.08", "--format", "csv"]).stdout.contains("\n64.08.03,Muara Bengkal,49,19,30,0.3878,512\n"))
        let asKutim = try office.server.url(of: office.database.name, as: kutim)
        let setting = try CLI.run(["setting", "office_name", "Lain", "--db", asKutim, "--lang", "en"])
        #expect(setting.status == 1)
        #expect(setting.stderr == "pantau: The server at \(Self.shown(asKutim)) refused: permission denied for table setting (SQLSTATE 42501). Nothing was changed.\n")

        #expect(try CLI.run(["revoke", kukar.name, "--db", owner, "--lang", "en"]).stdout == "\(kukar.name) has no rights here any more.\n")
        #expect(try CLI.run(["revoke", kukar.name, "--db", owner, "--lang", "en"]).stdout == "\(kukar.name) had no rights here; nothing changed.\n")
        let revoked = try CLI.run(["report", "--db", asKukar, "--lang", "en"])
        #expect(revoked.status == 1)
        #expect(revoked.stderr == "pantau: \(kukar.name) may not read the Pantau database \(Self.shown(asKukar)); its owner gives the right with `pantau grant \(kukar.name) --role viewer` (or editor).\n")
        let unknown = try CLI.run(["grant", "nobody_here", "--role", "viewer", "--db", owner, "--lang", "en"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "pantau: There is no login named nobody_here on this server; the server's administrator creates it first (CREATE ROLE nobody_here LOGIN PASSWORD '…').\n")
    }

    /// The round trip an office makes: its file onto the province's server, the server onto a laptop's file for a
    /// trip, and the trip's field work back onto the server by the office's own editor.
    @Test func aCopyRoundTripFileServerFileGivesTheSameReports() throws {
        guard let office = try office() else { return }
        let server = try office.server.freshDatabase()
        #expect(try CLI.run(["init", "--office", "Kutim", "--db", server.url]).status == 0)
        #expect(try CLI.run(["setting", "office_name", "Dinas Koperasi dan UKM Kabupaten Kutai Timur", "--db", server.url]).status == 0)
        let kutim = try office.server.createLogin("kutim"), kukar = try office.server.createLogin("kukar")
        #expect(try CLI.run(["grant", kutim.name, "--role", "editor", "--region", "64.08", "--db", server.url]).status == 0)
        #expect(try CLI.run(["grant", kukar.name, "--role", "editor", "--region", "64.02", "--db", server.url]).status == 0)
        let asKutim = try office.server.url(of: server.name, as: kutim), asKukar = try office.server.url(of: server.name, as: kukar)

        let file = office.file
        let refused = try CLI.run(["copy", file, asKukar, "--region", "64.08", "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "pantau: The server refused the change: \(kukar.name) may not change records of Kabupaten Kutai Timur (64.08); the database's owner can give that right with `pantau grant \(kukar.name) --role editor --region CODE`. Nothing was changed.\n")

        // Targets on a server are the owner's: the office's own editor may copy records, not targets.
        let targets = try CLI.run(["copy", file, asKutim, "--region", "64.08", "--lang", "en"])
        #expect(targets.status == 1)
        #expect(targets.stderr == "pantau: The server at \(Self.shown(asKutim)) refused: only the database's owner may change targets and thresholds. Nothing was changed.\n")
        let up = try CLI.run(["copy", file, server.url, "--region", "64.08", "--lang", "en"])
        #expect(up.status == 0, "\(up.stderr)")
        #expect(up.stdout.contains("  koperasi: 1.209 added, 0 changed, 0 removed\n"))
        let laptop = Fixtures.temporaryPath("laptop.db")
        let down = try CLI.run(["copy", server.url, laptop, "--region", "64.08", "--lang", "en"])
        #expect(down.status == 0, "\(down.stderr)")
        #expect(down.stdout.contains("  UMKM: 9.214 added, 0 changed, 0 removed\n"))
        for scope in ["64.08", "64.08.03", "64.08.17"] {
            for year in ["2022", "2023"] {
                let reports = try [file, server.url, laptop].map { try CLI.run(["report", "--db", $0, "--scope", scope, "--year", year, "--format", "json"]).stdout }
                #expect(reports[0].contains("\"koperasi_total\""), "\(scope) \(year)")
                #expect(reports[1] == reports[0] && reports[2] == reports[0], "\(scope) \(year)")
            }
        }

        // Field work on the trip, back onto the server: the entries keep the officer's time and login.
        #expect(try CLI.run(["rat", "6408031000000004", "--year", "2023", "--db", laptop]).status == 0)
        let back = try CLI.run(["copy", laptop, asKutim, "--region", "64.08.03", "--lang", "en"])
        #expect(back.status == 0, "\(back.stderr)")
        #expect(back.stdout.hasSuffix("  audit history: 2 entries added\n"))
        let log = try CLI.run(["log", "--nik", "6408031000000004", "--db", server.url, "--lang", "en"]).stdout
        #expect(log.contains("  root  6408031000000004  rat: – → 2023  [copied from \(laptop)]\n"), "\(log)")
        #expect(try CLI.run(["report", "--db", server.url, "--scope", "64.08", "--format", "csv"]).stdout.contains("\n64.08.03,Muara Bengkal,49,20,29,0.4082,512\n"))
        #expect(try CLI.run(["copy", laptop, asKutim, "--region", "64.08", "--lang", "en"]).stdout.hasSuffix("nothing was changed.\n"))
    }

    @Test func aFileSaysItsRightsAreItsPermissions() throws {
        let file = try Fixtures.freshSampleDatabase()
        let grant = try CLI.run(["grant", "siti", "--role", "editor", "--db", file, "--lang", "en"])
        #expect(grant.status == 1)
        #expect(grant.stderr == "pantau: \(file) is a SQLite file: who may read or change it is decided by the file's permissions (see the README, \"A shared server\"); grant and revoke are for a PostgreSQL server.\n")
    }

    @Test func checkComparesTheKeptCountsAndTheOwnerRecounts() throws {
        guard let server = try PostgresServer.available() else { return }
        let database = try server.freshDatabase()
        #expect(try CLI.run(["init", "--sample", "--office", "Kutim", "--db", database.url]).status == 0)
        let kutim = try server.createLogin("kutim")
        #expect(try CLI.run(["grant", kutim.name, "--role", "editor", "--region", "64.08", "--db", database.url]).status == 0)
        let asKutim = try server.url(of: database.name, as: kutim)
        let fine = try CLI.run(["check", "--db", database.url, "--lang", "en"])
        #expect(fine.status == 0 && fine.stdout == "ok       kept counts against the records\n" && fine.stderr.isEmpty, "\(fine.stderr)")

        _ = try server.psql("UPDATE tally SET n = n + 2 WHERE place = '64.08.03' AND measure = 'active' AND year = 2023", as: database.url)
        let found = try CLI.run(["check", "--db", asKutim, "--lang", "en"])
        #expect(found.status == 1)
        #expect(found.stdout == "PROBLEM  kept counts against the records\n         - 64.08.03 active 2023: kept 21, the records give 19\n")
        let kutimShown = Self.shown(asKutim)
        #expect(found.stderr == "pantau: pantau check found kept counts in \(kutimShown) that differ from the records (listed above); `pantau check --recount --db \(kutimShown)` writes them again from the records.\n")
        let refused = try CLI.run(["check", "--recount", "--db", asKutim, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "pantau: The server at \(kutimShown) refused: only the database's owner may write the kept counts again, as they span every office; ask the owner to run `pantau check --recount --db ADDRESS`. Nothing was changed.\n")
        let recounted = try CLI.run(["check", "--recount", "--db", database.url, "--lang", "en"])
        #expect(recounted.status == 0, "\(recounted.stderr)")
        #expect(recounted.stderr == "pantau: 1 kept count written again from the records.\n")
        #expect(recounted.stdout == "ok       kept counts against the records\n")
        #expect(try server.psql("SELECT who = current_user, old_value FROM audit WHERE entity = 'tally'", as: database.url) == "t|1")
        #expect(try CLI.run(["report", "--db", database.url, "--scope", "64.08", "--format", "csv"]).stdout
                    .contains("\n64.08.03,Muara Bengkal,49,19,30,"))
    }

    /// An address as Pantau shows it: without the password.
    static func shown(_ url: String) -> String {
        url.replacingOccurrences(of: #":[^:@/]*@"#, with: "@", options: .regularExpression)
    }
}

/// The dashboard on a server in a real terminal: another office's change appears by itself, and a change outside
/// a login's region is refused by the server, whatever client asks.
@Suite struct PostgresDashboardEndToEndTests {
    @Test func aChangeFromASecondLoginShowsAndAForeignRegionIsRefused() throws {
        guard let server = try PostgresServer.available() else { return }
        let database = try server.freshDatabase()
        #expect(try CLI.run(["init", "--sample", "--office", "Kutim", "--db", database.url]).status == 0)
        let kutim = try server.createLogin("kutim"), kukar = try server.createLogin("kukar")
        #expect(try CLI.run(["grant", kutim.name, "--role", "editor", "--region", "64.08", "--db", database.url]).status == 0)
        #expect(try CLI.run(["grant", kukar.name, "--role", "editor", "--region", "64.02", "--db", database.url]).status == 0)
        let asKutim = try server.url(of: database.name, as: kutim), asKukar = try server.url(of: database.name, as: kukar)

        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db '\(asKutim)' --scope 64.08.03"))
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023").ok)

        let rat = try CLI.run(["rat", "6408031000000023", "--year", "2023", "--db", asKutim])
        #expect(rat.status == 0, "\(rat.stderr)")
        let shown = try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 20 · 2023", timeout: 3)
        #expect(shown.ok, "the open screen shows 20 within 2 seconds")

        let refused = try CLI.run(["rat", "6408031000000010", "--year", "2023", "--db", asKukar, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr == "pantau: The server refused the change: \(kukar.name) may not change records of Muara Bengkal, Kutai Timur (64.08.03); the database's owner can give that right with `pantau grant \(kukar.name) --role editor --region CODE`. Nothing was changed.\n")
        #expect(try CLI.run(["report", "--db", database.url, "--scope", "64.08", "--format", "csv"]).stdout.contains("\n64.08.03,Muara Bengkal,49,20,29,0.4082,512\n"))

        // An office file imported into the server: checked here, moved in under the login's rights, seen at once.
        let file = Fixtures.temporaryPath("muara-bengkal.csv")
        try "nik,nama,kode_wilayah,jenis,aktif_2023\n6408031000000004,Koperasi Simpan Pinjam Tunas Harapan Senambah,64.08.03,simpan pinjam,ya\n"
            .write(toFile: file, atomically: true, encoding: .utf8)
        let foreign = try CLI.run(["import", "koperasi", file, "--db", asKukar, "--lang", "en"])
        #expect(foreign.status == 1)
        #expect(foreign.stdout.isEmpty)
        #expect(foreign.stderr == "\(file):2: the server refuses this change: \(kukar.name) may not change records of Muara Bengkal, Kutai Timur (64.08.03); the database's owner can give that right with `pantau grant \(kukar.name) --role editor --region CODE`\nNothing was imported: fix the problem above and import again.\n")
        let imported = try CLI.run(["import", "koperasi", file, "--db", asKutim, "--lang", "en"])
        #expect(imported.status == 0, "\(imported.stderr)")
        #expect(imported.stdout.hasPrefix("\(file) (UTF-8): 1 rows: 0 inserted, 1 updated, 0 unchanged, 0 warnings\n"))
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 21 · 2023", timeout: 3).ok, "the import shows within 2 seconds")
        try term.press("q")
        #expect(term.modesAfterExit().status == "0")
    }
}
