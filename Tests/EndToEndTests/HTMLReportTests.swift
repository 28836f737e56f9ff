import Foundation
import PantauTestSupport
import Testing

/// The one-page report, checked as a person would see it: rendered by a real headless browser to a PNG and a PDF.
@Suite struct HTMLReportTests {
    /// The browser itself rather than Debian's launcher script, whose start-up checks (shared memory, extensions,
    /// the user's profile) depend on the machine and are not what this test is about.
    static let browser = ["/usr/lib/chromium/chromium", "/usr/bin/chromium", "/usr/bin/chromium-browser"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Runs the browser with a profile and home of its own, so that nothing left by another run is shared.
    func chromium(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let home = Fixtures.temporaryPath("home")
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.browser!)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                             "--disable-crash-reporter", "--user-data-dir=" + home + "/profile", "--enable-logging=stderr", "--v=0"] + arguments
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home
        environment["XDG_CONFIG_HOME"] = home + "/.config"
        environment["XDG_CACHE_HOME"] = home + "/.cache"
        process.environment = environment
        let log = URL(fileURLWithPath: Fixtures.temporaryPath("chromium.log"))
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        process.standardInput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return (process.terminationStatus, (try? String(contentsOf: log, encoding: .utf8)) ?? "")
    }

    @Test(.enabled(if: browser != nil, "needs Debian's chromium, which .ci/run installs"))
    func theReportRendersInABrowserWithItsFigures() throws {
        let db = try Fixtures.freshSampleDatabase()
        let page = Fixtures.temporaryPath("laporan.html")
        let export = try CLI.run(["export", "report", "--db", db, "--format", "html", "-o", page])
        #expect(export.status == 0 && export.stderr.isEmpty)
        let html = try String(contentsOfFile: page, encoding: .utf8)
        #expect(!html.contains("src=") && !html.contains("href=") && !html.contains("@import"), "no external files or network")

        let dom = try chromium(["--dump-dom", "file://" + page])
        #expect(dom.status == 0, "chromium said: \(dom.output.suffix(2000))")
        #expect(!dom.output.contains("Uncaught") && !dom.output.contains(":CONSOLE"), "the page loads without errors")
        for figure in ["Kabupaten Kutai Timur (64.08)", "325", "/ 250 · 130,0 %", "9.214", "/ 56.000 · 16,5 % · kurang 46.786",
                       "Muara Bengkal", "38,8 %", "1.209", "655 → 325 (−50,4 %)", "126 dari 884", "Laju yang dibutuhkan: 1.950 UMKM per bulan hingga akhir 2025."] {
            #expect(dom.output.contains(figure), "the rendered page shows \(figure)")
        }

        let png = Fixtures.temporaryPath("laporan.png"), pdf = Fixtures.temporaryPath("laporan.pdf")
        let screenshot = try chromium(["--screenshot=" + png, "--window-size=1000,1800", "file://" + page])
        #expect(screenshot.status == 0, "chromium said: \(screenshot.output.suffix(2000))")
        let printed = try chromium(["--print-to-pdf=" + pdf, "file://" + page])
        #expect(printed.status == 0, "chromium said: \(printed.output.suffix(2000))")
        let pngData = try Data(contentsOf: URL(fileURLWithPath: png)), pdfData = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(pngData.starts(with: [0x89, 0x50, 0x4E, 0x47]) && pngData.count > 20_000)
        #expect(pdfData.starts(with: Array("%PDF".utf8)) && pdfData.count > 10_000)
    }
}
