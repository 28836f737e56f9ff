import Foundation
import PantauTestSupport
import Testing

/// The server restarted under an open dashboard: the status line says so, the last figures stay, keys are still
/// answered, and when the server is back the badge goes and other offices' changes show again by themselves.
/// The server is a cluster of this test's own (its own port), so that stopping it disturbs no other test.
@Suite struct PostgresReconnectTests {
    static let port = "55499"
    static let script = Fixtures.repository.appendingPathComponent(".ci/postgres").path

    /// Runs `.ci/postgres COMMAND` on this test's port. Its output goes through a file: the server it starts keeps
    /// inherited descriptors open, so a pipe would never reach its end.
    @discardableResult
    func cluster(_ command: String) throws -> String {
        try TmuxTerminal.run("/usr/bin/env", ["PANTAU_PG_PORT=\(Self.port)", "/bin/bash", Self.script, command])
    }

    @Test func aRestartedServerIsShownAndTheDashboardCarriesOn() throws {
        // Only where the server tests run (a cluster of the CI's own, or one a developer started).
        guard let server = try PostgresServer.available() else { return }
        try cluster("stop")
        let started = try cluster("start")
        defer { _ = try? cluster("stop") }
        let superuser = try #require(started.split(separator: "=", maxSplits: 1).last.map { String($0).trimmingCharacters(in: .whitespacesAndNewlines) },
                                     "the cluster started")
        let base = String(superuser.dropLast("/postgres".count))
        try server.psql("CREATE DATABASE office", as: superuser)
        let url = base + "/office"
        #expect(try CLI.run(["init", "--sample", "--office", "Kutim", "--db", url]).status == 0)

        let term = try TmuxTerminal()
        try term.typeLine(try term.pantauLine("--db '\(url)' --scope 64.08.03 --lang id"))
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023").ok)

        try cluster("pause")
        let lost = try term.waitFor("TERPUTUS · mencoba lagi", timeout: 10)
        #expect(lost.ok, "the lost server is shown")
        #expect(lost.screen.contains("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 19 · 2023"), "the last figures stay")
        // Keys are still answered: the help opens and closes while the server is away.
        try term.press("?")
        #expect(try term.waitFor("Bantuan · tombol").ok)
        try term.press("Escape")
        #expect(try term.waitFor { !$0.contains("Bantuan · tombol") && $0.contains("TERPUTUS · mencoba lagi") }.ok)

        try cluster("resume")
        #expect(try term.waitFor(timeout: 15) { !$0.contains("TERPUTUS") }.ok, "the badge goes when the server is back")
        #expect(try CLI.run(["rat", "6408031000000023", "--year", "2023", "--db", url]).status == 0)
        #expect(try term.waitFor("Koperasi · Muara Bengkal, Kutai Timur: 49, aktif 20 · 2023", timeout: 3).ok, "changes show again by themselves")
        try term.press("q")
        #expect(term.modesAfterExit().status == "0")
    }
}
