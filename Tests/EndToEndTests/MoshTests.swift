import Foundation
import PantauTestSupport
import Testing

/// The dashboard as a field officer on a mobile link reaches it: through mosh, here on loopback without sshd.
@Suite struct MoshTests {
    // In CI mosh must be there (.ci/run installs it): a missing one fails rather than skips.
    @Test(.enabled(if: MoshServer.installed || ProcessInfo.processInfo.environment["CI"] != nil,
                   "needs Debian's mosh (mosh-server and mosh-client), which .ci/run installs"))
    func drillToMuaraBengkalAndQuit() throws {
        try #require(MoshServer.installed, "mosh-server or mosh-client is missing; .ci/run installs the mosh package")
        let db = try Fixtures.freshSampleDatabase()
        let term = try TmuxTerminal()
        let server = try MoshServer(running: [Fixtures.binary, "--db", db], home: term.directory.path)
        defer { server.stop() }

        try server.clientScript(statusFile: term.path("status")).write(toFile: term.path("mosh.sh"), atomically: true, encoding: .utf8)
        try term.typeLine("sh \(term.path("mosh.sh"))")
        let opened = try term.waitFor("Kecamatan · Kabupaten Kutai Timur · 2023", timeout: 20)
        #expect(opened.ok, "mosh-server said: \(server.announcement)")
        #expect(opened.screen.contains("│Muara Bengkal      49    19    30  38,8 %"))
        #expect(opened.screen.contains("325 / 250"))
        #expect(opened.screen.contains("9.214 / 56.000"))
        // The server's own command line names the database too; the dashboard's starts with the binary.
        let pantau = try #require(try term.pid(of: "^\(Fixtures.binary) --db \(db)"))

        try term.press("Down", "Down", "Enter")
        let drilled = try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023")
        #expect(drilled.ok, "the screen was:\n\(drilled.screen)")
        #expect(drilled.screen.contains("KSP Berkah III Mulupan  6408031000000012 simpan pinjam ya         2023"))

        try term.press("q")
        let status = term.waitForFile("status")
        #expect(status == "0\n", "mosh-client ends with the dashboard")
        #expect(try term.waitFor { _ in !MoshServer.isRunning(pantau) }.ok, "no pantau is left on the server side")
        #expect(try term.waitFor { _ in !server.isRunning }.ok, "mosh-server ends when its command does")
        #expect(try term.waitFor { !$0.contains("Muara Bengkal") }.ok, "the dashboard leaves the screen")
    }
}
