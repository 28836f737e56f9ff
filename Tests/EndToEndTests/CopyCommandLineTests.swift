import Foundation
import PantauTestSupport
import Testing

/// `pantau copy` between files, through the real binary: a region mirrored into a new file gives the same reports,
/// copying again changes nothing, field work travels with its audit history, and mistakes get one sentence.
@Suite struct CopyCommandLineTests {
    static let scopes = ["64.08", "64.08.03", "64.08.17"]

    @Test func aRegionCopiedIntoANewFileGivesTheSameReportsAndAgainChangesNothing() throws {
        let office = try Fixtures.freshSampleDatabase()
        let laptop = Fixtures.temporaryPath("laptop.db")
        let first = try CLI.run(["copy", office, laptop, "--region", "Kutai Timur", "--lang", "en"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout == """
            Copied Kabupaten Kutai Timur (64.08) from \(office) to \(laptop):
              koperasi: 1.209 added, 0 changed, 0 removed
              yearly status: 2.418 added, 0 changed, 0 removed
              RAT: 1.316 added, 0 changed, 0 removed
              UMKM: 9.214 added, 0 changed, 0 removed
              training batches: 3 added, 0 changed, 0 removed
              target: 4 added, 0 changed, 0 removed
              evaluations replaced for 126 koperasi
              audit history: 0 entries added

            """)
        try expectSameReports(office, laptop)

        let again = try CLI.run(["copy", office, laptop, "--region", "64.08", "--lang", "en"])
        #expect(again.stdout == "\(laptop) already holds what \(office) holds in Kabupaten Kutai Timur (64.08); nothing was changed.\n")

        // A RAT recorded on the trip goes back to the office with its own time and login, marked as copied.
        #expect(try CLI.run(["rat", "6408031000000004", "--year", "2023", "--note", "rapat di desa", "--db", laptop]).status == 0)
        let back = try CLI.run(["copy", laptop, office, "--region", "64.08.03", "--lang", "en"])
        #expect(back.stdout.contains("  yearly status: 0 added, 1 changed, 0 removed\n  RAT: 1 added, 0 changed, 0 removed\n"))
        #expect(back.stdout.hasSuffix("  audit history: 2 entries added\n"))
        let log = try CLI.run(["log", "--nik", "6408031000000004", "--db", office, "--lang", "en"]).stdout
        #expect(log.contains("6408031000000004  rat: – → 2023  (rapat di desa)  [copied from \(laptop)]\n"))
        try expectSameReports(office, laptop)
        #expect(try CLI.run(["copy", office, laptop, "--region", "64.08", "--lang", "en"]).stdout.hasSuffix("nothing was changed.\n"))
    }

    @Test func mistakesGetOneSentenceAndNothingIsMade() throws {
        let office = try Fixtures.freshSampleDatabase()
        let missing = Fixtures.temporaryPath("missing.db"), laptop = Fixtures.temporaryPath("laptop.db")
        let noSource = try CLI.run(["copy", missing, laptop, "--lang", "en"])
        #expect(noSource.status == 1)
        #expect(noSource.stderr == "pantau: There is no database at \(missing); create one with `pantau init --db \(missing)`.\n")
        let itself = try CLI.run(["copy", office, office, "--lang", "en"])
        #expect(itself.status == 1)
        #expect(itself.stderr == "pantau: FROM and TO are the same database (\(office)); give another database as TO, for example a new file path.\n")
        let unknown = try CLI.run(["copy", office, laptop, "--region", "Kutai Tmur", "--lang", "en"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr == "pantau: No region is called \"Kutai Tmur\"; give a Kemendagri code such as 64.08 or a name. Did you mean: Kabupaten Kutai Timur (64.08)?\n")
        #expect(!FileManager.default.fileExists(atPath: laptop))
    }

    func expectSameReports(_ a: String, _ b: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for scope in Self.scopes {
            for year in ["2022", "2023"] {
                let left = try CLI.run(["report", "--db", a, "--scope", scope, "--year", year, "--format", "json"])
                let right = try CLI.run(["report", "--db", b, "--scope", scope, "--year", year, "--format", "json"])
                #expect(left.status == 0 && right.stdout == left.stdout, "\(scope) \(year)", sourceLocation: sourceLocation)
            }
        }
    }
}
