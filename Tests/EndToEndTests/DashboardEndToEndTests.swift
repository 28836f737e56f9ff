import Foundation
import PantauTestSupport
import Testing

/// The real binary in a real terminal (tmux), driven by keys, read from the screen.
@Suite(.serialized) struct DashboardEndToEndTests {
    let db: String

    init() throws { db = try Fixtures.freshSampleDatabase() }

    @Test func drillIntoKutaiTimurHelpResizeQuit() throws {
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db) --scope Kaltim"))
        #expect(try term.waitFor("Kabupaten/kota · Kalimantan Timur · 2023").ok)
        try term.press("Down", "Down", "Down", "Down", "Enter")
        let opened = try term.waitFor("Kecamatan · Kabupaten Kutai Timur · 2023")
        #expect(opened.ok)
        #expect(opened.screen.contains("│Muara Bengkal      49    19    30  38,8 %"))
        #expect(opened.screen.contains("325 / 250"))
        #expect(opened.screen.contains("9.214 / 56.000"))

        try term.press("?")
        #expect(try term.waitFor("Bantuan · tombol").ok)
        try term.press("?")
        #expect(try term.waitFor { !$0.contains("Bantuan · tombol") }.ok)

        try term.resize(width: 39, height: 14)
        #expect(try term.waitFor { $0.contains("Layar 39×14 terlalu kecil: perbesar ke") && $0.contains("paling sedikit 40×15.") }.ok)
        try term.resize(width: 80, height: 24)
        #expect(try term.waitFor("│Muara Bengkal      49    19    30  38,8 %").ok)

        try term.press("q")
        let modes = term.modesAfterExit()
        #expect(modes.status == "0")
        #expect(modes.after != nil && modes.before == modes.after, "the shell's terminal modes are as before")
        #expect(try term.waitFor { !$0.contains("Kecamatan ·") }.ok, "the dashboard leaves the screen")
    }

    @Test(arguments: ["C-c", "TERM", "HUP", "SEGV", "ABRT"])
    func terminalIsRestoredWhenThe(ending: String) throws {
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db)"))
        #expect(try term.waitFor("Kecamatan · Kabupaten Kutai Timur").ok)
        if ending == "C-c" {
            try term.press("C-c")
        } else {
            let pid = try #require(try term.pid(of: db))
            kill(pid, ending == "TERM" ? SIGTERM : ending == "HUP" ? SIGHUP : ending == "SEGV" ? SIGSEGV : SIGABRT)
        }
        let modes = term.modesAfterExit()
        #expect(modes.status != nil && modes.status != "0")
        #expect(modes.after != nil && modes.before == modes.after, "echo and line mode are back after \(ending)")
    }

    @Test func oneRowDownSendsOnlyTheChangedCells() throws {
        let term = try TmuxTerminal()
        let capture = term.path("output")
        try term.tmux("pipe-pane", "-t", "e2e", "-o", "cat >> \(capture)")
        try term.typeLine(try term.pantauLine("--db \(db)"))
        #expect(try term.waitFor("│Muara Ancalong").ok)
        Thread.sleep(forTimeInterval: 0.5)
        let before = (try? Data(contentsOf: URL(fileURLWithPath: capture)).count) ?? 0
        try term.press("Down")
        #expect(try term.waitFor(timeout: 5) { _ in
            ((try? Data(contentsOf: URL(fileURLWithPath: capture)).count) ?? 0) > before
        }.ok)
        Thread.sleep(forTimeInterval: 0.5)
        let after = (try? Data(contentsOf: URL(fileURLWithPath: capture)).count) ?? 0
        #expect(after - before > 0 && after - before < 400, "one row down wrote \(after - before) bytes")
        try term.press("q")
        _ = term.modesAfterExit()
    }

    @Test func idleMeansIdle() throws {
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db)"))
        #expect(try term.waitFor("Kecamatan · Kabupaten Kutai Timur").ok)
        let pid = try #require(try term.pid(of: db))
        func cpuTicks() throws -> Int {
            let stat = try String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)
            let fields = stat.split(separator: ")").last!.split(separator: " ")
            return Int(fields[11])! + Int(fields[12])!
        }
        let start = try cpuTicks()
        Thread.sleep(forTimeInterval: 3)
        #expect(try cpuTicks() - start <= 3, "an idle dashboard uses almost no CPU (ticks of 10 ms over 3 s)")
        try term.press("q")
        _ = term.modesAfterExit()
    }

    @Test func asciiInTheCLocaleAndNoColourWithNO_COLOR() throws {
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db)", environment: "LANG=C NO_COLOR=1"))
        let shown = try term.waitFor("+ Kecamatan | Kabupaten Kutai Timur | 2023")
        #expect(shown.ok)
        #expect(shown.screen.unicodeScalars.allSatisfy { $0.isASCII })
        #expect(shown.screen.contains("|Muara Bengkal      49    19    30  38,8 %"))
        let sgr = try term.screen(escapes: true)
        #expect(sgr.range(of: #"\x1B\[([0-9;]*;)?(3[0-7]|4[0-7]|38|48)[;m]"#, options: .regularExpression) == nil, "no colour codes")
        #expect(sgr.contains("\u{1B}[7m"), "the selection is in reverse video")
        try term.press("q")
        _ = term.modesAfterExit()
    }

    @Test func coloursWhenTheTerminalHasThem() throws {
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db)"))
        #expect(try term.waitFor("Kecamatan · Kabupaten Kutai Timur").ok)
        #expect(try term.screen(escapes: true).range(of: #"\x1B\[([0-9;]*;)?3[0-7][;m]"#, options: .regularExpression) != nil)
        try term.press("q")
        _ = term.modesAfterExit()
    }

    @Test func dumbAndUnknownTerminalsGetAClearError() throws {
        let term = try TmuxTerminal()
        try term.typeLine("TERM=dumb \(Fixtures.binary) --db \(db); echo exit=$?")
        #expect(try term.waitFor("pantau: Jenis terminal \"dumb\" tidak dapat menampilkan dasbor; atur TERM (misalnya TERM=xterm-256color) atau gunakan `pantau report`.").ok)
        #expect(try term.waitFor("exit=1").ok)
        try term.typeLine("clear; TERM=no-such-term \(Fixtures.binary) --db \(db) --lang en; echo exit=$?")
        #expect(try term.waitFor("pantau: The terminal type \"no-such-term\" is unknown here; set TERM to a known one").ok)
        #expect(try term.waitFor("exit=1").ok)
    }
}

/// Two officers on one database: one writes from the command line, the other's open dashboard follows.
@Suite struct LiveUpdateEndToEndTests {
    @Test func aRATFromAnotherProcessShowsWithoutAKeyPress() throws {
        let db = try Fixtures.freshSampleDatabase()
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db \(db) --scope 64.08.03"))
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023").ok)
        let rat = try CLI.run(["rat", "6408031000000023", "--year", "2023", "--db", db])
        #expect(rat.status == 0)
        let shown = try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 20 · 2023", timeout: 3)
        #expect(shown.ok, "the open screen shows 20 within 2 seconds")
        #expect(shown.screen.contains("KSP Al-Ikhlas V Muara … 6408031000000023 simpan pinjam ya         2023"))
        try term.press("q")
        _ = term.modesAfterExit()
    }
}

/// The presentation follows the same terminal rules as the dashboard.
@Suite struct PresentationEndToEndTests {
    @Test func slidesMoveAndTheTerminalIsRestored() throws {
        let db = try Fixtures.freshSampleDatabase()
        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("present --db \(db) --interval 60"))
        let first = try term.waitFor("325 dari 250")
        #expect(first.ok && first.screen.contains("9.214 dari 56.000"))
        try term.press("Space")
        #expect(try term.waitFor("655 → 325 (−50,4 %)").ok)
        try term.press("6")
        #expect(try term.waitFor("1.950 UMKM per bulan agar 56.000 tercapai pada akhir 2025").ok)
        try term.resize(width: 160, height: 45)
        #expect(try term.waitFor("1.950 UMKM per bulan agar 56.000 tercapai pada akhir 2025").ok)
        try term.press("q")
        let modes = term.modesAfterExit()
        #expect(modes.status == "0")
        #expect(modes.after != nil && modes.before == modes.after)
    }
}
