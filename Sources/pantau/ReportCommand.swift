import ArgumentParser
import PantauCore
import PantauSQLite

struct ReportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Print koperasi and UMKM figures of a region: its parts, totals, trend and Tipe A readiness.",
        discussion: """
            A province lists its kabupaten/kota, a kabupaten/kota its kecamatan, a kecamatan its koperasi.
            text and markdown use Indonesian number formatting (1.209, 38,8 %); csv and json use plain numbers.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("The region: a name (\"Kutai Timur\", Kutim), or a Kemendagri code (64.08). Default: the office's region.", valueName: "name|code"))
    var scope: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The year. Default: the latest year with data.", valueName: "yyyy"))
    var year: Int?

    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|markdown|csv|json"))
    var format: ReportFormat = .text

    func run() async throws {
        try await reportingUserErrors(lang: database.language) {
            let store = try await database.openStore()
            let report = try await store.report(scope: scope, year: year)
            print(report.rendered(format, lang: database.language), terminator: "")
        }
    }
}
