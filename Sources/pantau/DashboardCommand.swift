import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite
import PantauTUI

struct DashboardCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default command).",
        discussion: "Press ? in the dashboard for every key. Needs a terminal of at least 40×15.")

    @OptionGroup var database: DatabaseOptions

    @Option(name: .long, help: ArgumentHelp("Where to open: a province, kabupaten/kota or kecamatan, by name or code. Default: the office's region.", valueName: "name|code"))
    var scope: String?

    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The year to show. Default: the latest year with data.", valueName: "yyyy"))
    var year: Int?

    @OptionGroup var screen: ScreenOptions

    func run() async throws {
        // Before anything else: without it ncurses loses every non-ASCII character.
        setlocale(LC_ALL, "")
        let (lang, screen, year) = (database.language, screen, year)
        try await reportingUserErrors(lang: lang) {
            let store = try await database.openStore(hearingChanges: true)
            let start = try await store.startRegion(scope)
            let isDemo = await store.isDemo()
            // The terminal belongs to the main thread: the key loop runs there, loads run as tasks elsewhere.
            try await MainActor.run {
                let (terminal, appearance) = try screen.start(lang: lang)
                defer { terminal.stop() }
                var state = DashboardState(width: terminal.width, height: terminal.height, path: scopePath(to: start.code), year: year,
                                           isDemo: isDemo, isReadOnly: store.isReadOnly)
                state.language = lang
                state.isSnapshot = store.isSnapshot
                DashboardRuntime(terminal: terminal, source: DashboardLoader(store: store), appearance: appearance, state: state).run()
                terminal.stopAndExit()
            }
        }
    }
}
