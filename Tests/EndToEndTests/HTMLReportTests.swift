import Foundation
import PantauTestSupport
import Testing

/// The one-page report, checked as a person would see it: rendered by a real headless browser to a PNG and a PDF.
@Suite struct HTMLReportTests {
    static let browser = ["/usr/bin/chromium", "/usr/bin/chromium-browser"].first { FileManager.default.isExecutableFile(atPath: $0) }

    func chromium(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.browser!)
        process.arguments = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run", "--enable-logging=stderr", "--v=0"] + arguments
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
        #expect(dom.status == 0)
        #expect(!dom.output.contains("Uncaught") && !dom.output.contains(":CONSOLE"), "the page loads without errors")
        for figure in ["Kabupaten Kutai Timur (64.08)", "325", "/ 250 · 130,0 %", "9.214", "/ 56.000 · 16,5 % · kurang 46.786",
                       "Muara Bengkal", "38,8 %", "1.209", "655 → 325 (−50,4 %)", "126 dari 884", "Laju yang dibutuhkan: 1.950 UMKM per bulan hingga akhir 2025."] {
            #expect(dom.output.contains(figure), "the rendered page shows \(figure)")
        }

        let png = Fixtures.temporaryPath("laporan.png"), pdf = Fixtures.temporaryPath("laporan.pdf")
        #expect(try chromium(["--screenshot=" + png, "--window-size=1000,1800", "file://" + page]).status == 0)
        #expect(try chromium(["--print-to-pdf=" + pdf, "file://" + page]).status == 0)
        let pngData = try Data(contentsOf: URL(fileURLWithPath: png)), pdfData = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(pngData.starts(with: [0x89, 0x50, 0x4E, 0x47]) && pngData.count > 20_000)
        #expect(pdfData.starts(with: Array("%PDF".utf8)) && pdfData.count > 10_000)
    }
}
