import Foundation
import PantauTestSupport
import Testing

/// The real binary on a phone-sized terminal (40×20 in tmux): one pane at a time, driven by keys, read from the screen.
@Suite(.serialized) struct NarrowDashboardTests {
    let db: String

    init() throws { db = try Fixtures.freshSampleDatabase() }

    @Test func drillToMuaraBengkalRecordARATAndQuit() throws {
        let term = try TmuxTerminal(width: 40, height: 20)
        try term.typeLine(try term.pantauLine("--db \(db)"))
        let opened = try term.waitFor("┌ Kabupaten Kutai Timur · 2023 ")
        #expect(opened.ok)
        #expect(opened.screen.contains(" 1 [2 Kecamatan] 3 4 5 6"))
        #expect(opened.screen.contains("│Muara Bengkal         49    19  38,8 %│"))
        #expect(opened.screen.contains("│Jumlah             1.209   325  26,9 %│"))

        try term.press("3")
        #expect(try term.waitFor("│Koperasi aktif               325 / 250│").ok)
        try term.press("2", "Down", "Down", "Enter")
        let koperasi = try term.waitFor("┌ Muara Bengkal: 49, aktif 19 · 2023 ")
        #expect(koperasi.ok, "drilled into Muara Bengkal: 49 koperasi, 19 active")
        #expect(koperasi.screen.contains("│KSP Al-Ikhlas V Muara… tidak      2015│"))

        try term.press("R")
        #expect(try term.waitFor("┌ Catat RAT · KSP Al-Ikhlas V Muara B… ┐").ok)
        try term.press("Enter")
        try term.tmux("send-keys", "-t", "e2e", "-l", "2024-03-10")
        try term.press("Enter", "Enter")
        #expect(try term.waitFor("Simpan? y = ya, n = batal").ok)
        try term.press("y")
        let saved = try term.waitFor("┌ Muara Bengkal: 49, aktif 20 · 2023 ")
        #expect(saved.ok, "the count of active koperasi goes from 19 to 20")
        #expect(saved.screen.contains("Tersimpan."))
        #expect(saved.screen.contains("│KSP Al-Ikhlas V Muara… ya         2023│"))

        try term.press("q")
        let modes = term.modesAfterExit()
        #expect(modes.status == "0")
        #expect(modes.after != nil && modes.before == modes.after, "the shell's terminal modes are as before")
        #expect(try term.waitFor { !$0.contains("Muara Bengkal:") }.ok, "the dashboard leaves the screen")
    }

    @Test func resizingChoosesTheLayoutEachTime() throws {
        let term = try TmuxTerminal(width: 80, height: 24)
        try term.typeLine(try term.pantauLine("--db \(db)"))
        #expect(try term.waitFor("│Muara Bengkal      49    19    30  38,8 %").ok)
        try term.press("Down", "Down")
        try term.resize(width: 40, height: 15)
        let narrow = try term.waitFor(" 1 [2 Kecamatan] 3 4 5 6")
        #expect(narrow.ok, "\(narrow.screen)")
        try term.resize(width: 30, height: 10)
        let small = try term.waitFor("40×15.")
        #expect(small.ok && small.screen.contains("Layar 30×10 terlalu kecil:\nperbesar ke paling sedikit\n40×15."))
        try term.resize(width: 80, height: 24)
        #expect(try term.waitFor("Kecamatan · Kabupaten Kutai Timur · 2023").ok)
        try term.press("Enter")
        #expect(try term.waitFor("Muara Bengkal, Kutai Timur: 49, aktif 19").ok, "the selection survived the resizes")
        try term.press("q")
        #expect(term.modesAfterExit().status == "0")
    }
}
