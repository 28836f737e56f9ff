import Foundation
import PantauTestSupport
import Testing

/// What reaches the officer's terminal: one write(2) per frame, so that one key is one packet over SSH;
/// nothing while idle; and no frame left behind on a terminal without an alternate screen.
@Suite(.serialized) struct TerminalOutputTests {
    let db: String

    init() throws { db = try Fixtures.freshSampleDatabase() }

    @Test func everyKeyLeavesInOneWriteAndIdleWritesNothing() throws {
        let dashboard = try TracedDashboard(database: db)
        let start = try #require(dashboard.startup(), "the dashboard starts under strace")
        #expect(start.count == 2, "the frame before the data is read and the frame with it, one write each: \(start)")
        #expect(start.first?.contains(#"\33[?1049h"#) == true, "the alternate screen is entered in the first frame's write: \(start)")
        #expect(try dashboard.term.waitFor("│Muara Bengkal      49    19    30  38,8 %").ok)

        let keys: [(name: String, read: String, shows: String)] = [
            ("j", "j", "Kecamatan · Kabupaten Kutai Timur · 2023"),
            ("k", "k", "Kecamatan · Kabupaten Kutai Timur · 2023"),
            ("j", "j", "Kecamatan · Kabupaten Kutai Timur · 2023"),
            ("j", "j", "Kecamatan · Kabupaten Kutai Timur · 2023"),
            ("Enter", "\\r", "Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023"),
            ("Escape", "\\33", "│Muara Bengkal      49    19    30  38,8 %"),
        ]
        for key in keys {
            let writes = try #require(try dashboard.press(key.name, read: key.read), "\(key.name) is read and answered")
            #expect(writes.count == 1, "\(key.name) reaches the terminal in one write: \(writes)")
            #expect(try dashboard.term.waitFor(key.shows).ok, "after \(key.name) the screen shows \(key.shows)")
        }

        let idle = try #require(dashboard.idle(wakeUps: 3), "the dashboard wakes once a second while idle")
        #expect(idle.isEmpty, "an idle dashboard writes nothing: \(idle)")

        try dashboard.term.press("q")
        #expect(try dashboard.term.waitFor { !$0.contains("Kecamatan ·") && !$0.contains("Koperasi ·") }.ok)
    }

    /// The import's progress stays on one row, also at a phone's width with a long file name: a line that wraps
    /// leaves a row behind at every update, since the return goes back only to its last row.
    @Test func importProgressStaysOnOneRowOfANarrowTerminal() throws {
        let term = try TmuxTerminal(width: 50, height: 24)
        let csv = term.path("umkm-of-muara-bengkal-for-the-regents-meeting.csv")
        let rows = (1...60_000).map { "9\(String(format: "%012d", $0)),Warung \($0),64.08.03,kuliner,2020" }
        try ("nib,nama_usaha,kode_wilayah,sektor,tahun_binaan\n" + rows.joined(separator: "\n") + "\n").write(toFile: csv, atomically: true, encoding: .utf8)
        try term.typeLine("env LANG=C.UTF-8 \(Fixtures.binary) import umkm \(csv) --db \(db) --lang en")
        let shown = try term.waitFor(timeout: 60) { $0.contains(" rows, ") && $0.contains(" s left") }
        #expect(shown.ok, "the progress is shown: \(shown.screen)")
        let done = try term.waitFor(timeout: 120) { $0.contains("Done in") }
        #expect(done.ok, "the import ends: \(done.screen)")
        let progressRows = done.screen.split(separator: "\n").filter { $0.contains(" rows, ") || $0.contains(" s left") || $0.contains("writing") }
        #expect(progressRows.isEmpty, "no progress row is left behind: \(done.screen)")
    }

    /// vt100 has no alternate screen: without clearing, the last frame would stay under the shell's prompt.
    @Test(arguments: ["q", "TERM"])
    func aTerminalWithoutAnAlternateScreenIsLeftEmpty(ending: String) throws {
        let term = try TmuxTerminal()
        try term.typeLine("env TERM=vt100 LANG=C.UTF-8 \(Fixtures.binary) --db \(db)")
        #expect(try term.waitFor("Kecamatan · Kabupaten Kutai Timur").ok)
        if ending == "q" {
            try term.press("q")
        } else {
            kill(try #require(try term.pid(of: db)), SIGTERM)
        }
        let left = try term.waitFor { Self.lines(of: $0).last == "$" }
        #expect(left.ok, "the shell's prompt is back")
        let lines = Self.lines(of: left.screen)
        // The shell reports a program that a signal ended ("Terminated") before its prompt.
        #expect(lines == (ending == "q" ? ["$"] : ["Terminated", "$"]), "nothing of the dashboard is left: \(left.screen)")
    }

    /// A terminal with an alternate screen gives the shell's own screen back, the command line included.
    @Test func aTerminalWithAnAlternateScreenGetsTheShellsScreenBack() throws {
        let term = try TmuxTerminal()
        try term.typeLine("env LANG=C.UTF-8 \(Fixtures.binary) --db \(db)")
        #expect(try term.waitFor("Kecamatan · Kabupaten Kutai Timur").ok)
        try term.press("q")
        let back = try term.waitFor { Self.lines(of: $0).last == "$" }
        #expect(back.ok)
        #expect(Self.lines(of: back.screen) == ["$ env LANG=C.UTF-8 \(Fixtures.binary) --db \(db)", "$"])
    }

    /// The screen's lines that show something, without trailing blanks.
    static func lines(of screen: String) -> [String] {
        screen.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
