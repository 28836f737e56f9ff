import Foundation
import PantauTestSupport
import Testing

/// What reaches a terminal: stored and typed text never carries a live escape sequence, and odd arguments get a
/// true, specific sentence.
@Suite struct OutputSafetyTests {
    let esc = "\u{1B}"

    @Test func settingsRefuseControlCharacters() throws {
        let db = try Fixtures.freshSampleDatabase()
        let before = try CLI.run(["setting", "--db", db]).stdout
        for value in ["Dinas\(esc)[2J", "Dinas\u{9B}31m", "Dinas\tKoperasi", "Dinas\nKoperasi"] {
            let result = try CLI.run(["setting", "office_name", value, "--db", db, "--lang", "en"])
            #expect(result.status == 1)
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == "pantau: office_name cannot hold control characters (such as Esc, Tab or a line break); type it as plain text.\n")
        }
        #expect(try CLI.run(["setting", "--db", db]).stdout == before)
        #expect(try CLI.run(["log", "--db", db]).stdout.isEmpty, "nothing was audited")
    }

    /// A database written before settings were checked, or by another tool, may already hold escapes.
    @Test func storedEscapesAreShownNotObeyed() throws {
        let db = try Fixtures.freshSampleDatabase()
        try sqlite(db, "UPDATE setting SET value = 'Dinas' || char(27) || '[31mMerah' || char(155) || 'X' WHERE key = 'office_name'")
        for format in ["text", "markdown"] {
            let report = try CLI.run(["report", "--db", db, "--scope", "64.08", "--format", format])
            #expect(report.status == 0)
            #expect(report.stdout.contains("Dinas^[[31mMerah<U+009B>X"), "\(format)")
            #expect(!report.stdout.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B }, "\(format)")
        }
        let out = Fixtures.temporaryPath("laporan.md")
        #expect(try CLI.run(["export", "report", "--db", db, "--scope", "64.08", "--format", "markdown", "-o", out]).status == 0)
        let markdown = try String(contentsOfFile: out, encoding: .utf8)
        #expect(markdown.contains("Dinas^[[31mMerah<U+009B>X") && !markdown.contains(esc))
        let shown = try CLI.run(["setting", "--db", db])
        #expect(shown.stdout.contains("office_name = Dinas^[[31mMerah<U+009B>X\n"))
        // Machine formats keep the data exact: JSON escapes the control character itself.
        let json = try CLI.run(["report", "--db", db, "--scope", "64.08", "--format", "json"]).stdout
        #expect(json.contains("Dinas\\u001b[31mMerah") || json.contains("Dinas\\u001B[31mMerah"))
    }

    @Test func messagesShowTypedEscapes() throws {
        let db = try Fixtures.freshSampleDatabase()
        let result = try CLI.run(["report", "--db", db, "--scope", "Kutai\(esc)]0;owned\u{7}", "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("pantau: No region is called \"Kutai^[]0;owned^G\"; give a Kemendagri code"))
        #expect(!result.stderr.contains(esc))
    }

    @Test func importMessagesShowEscapesFromTheFile() throws {
        let db = try Fixtures.freshSampleDatabase()
        let file = Fixtures.temporaryPath("kop\(esc)[2J.csv")
        let header = "nik,nama,kode_wilayah,jenis,catatan\(esc)[31m\n"
        try Data((header + "6408031000000099,KSP Baru,Muara Bengkal,konsumen,x\n").utf8).write(to: URL(fileURLWithPath: file))
        let warned = try CLI.run(["import", "koperasi", file, "--db", db, "--dry-run", "--lang", "en"])
        #expect(warned.status == 0)
        #expect(warned.stderr.contains("kop^[[2J.csv:1: catatan^[[31m: unknown column, ignored"))
        try Data((header + "6408031000000099,KSP Baru,\u{9B}2J Bengkal,konsumen,x\n").utf8).write(to: URL(fileURLWithPath: file))
        let refused = try CLI.run(["import", "koperasi", file, "--db", db, "--lang", "en"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("kop^[[2J.csv:2: kode_wilayah: No region is called \"<U+009B>2J Bengkal\""))
        for output in [warned.stdout, warned.stderr, refused.stderr] {
            #expect(!output.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x9B })
        }
    }

    @Test func aNegativeYearIsAYearNotAnOption() throws {
        let db = try Fixtures.freshSampleDatabase()
        let report = try CLI.run(["report", "--db", db, "--scope", "64.08", "--year", "-1", "--lang", "en"])
        #expect(report.status == 1)
        #expect(report.stderr == "pantau: There is no data for -1 in Kabupaten Kutai Timur (64.08); choose one of: 2022, 2023.\n")
        let rat = try CLI.run(["rat", "6408031000000023", "--year", "-1", "--db", db, "--lang", "en"])
        #expect(rat.status == 1)
        #expect(rat.stderr == "pantau: The year -1 is not plausible; give a year from 1900 on.\n")
    }

    @Test func impossibleDaysAreRefused() throws {
        let db = try Fixtures.freshSampleDatabase()
        for day in ["2023-13-45", "2023-02-29", "2023-04-31", "2023-1-05", "２０２３-01-05"] {
            let log = try CLI.run(["log", "--since", day, "--db", db, "--lang", "en"])
            #expect(log.status == 1, "\(day)")
            #expect(log.stderr == "pantau: \"\(day)\" is not a date; write it as YYYY-MM-DD, e.g. 2024-03-15.\n")
            let rat = try CLI.run(["rat", "6408031000000023", "--year", "2023", "--date", day, "--db", db, "--lang", "en"])
            #expect(rat.status == 1 && rat.stderr == log.stderr, "\(day)")
        }
        #expect(try CLI.run(["log", "--since", "2024-02-29", "--db", db]).status == 0, "a leap day is a day")
        #expect(try CLI.run(["log", "--db", db]).stdout.isEmpty, "nothing was written")
    }

    private func sqlite(_ db: String, _ sql: String) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
        process.arguments = [db, sql]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
    }
}
