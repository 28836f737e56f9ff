import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite
import PantauTUI

struct PresentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "present",
        abstract: "Full-screen slides for a meeting: Tipe A readiness, trend, ranking, evaluation, programmes, pace.",
        discussion: "Space or → next, ← previous, p pause or resume, 1–6 jump to a slide, q quit.")

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: ArgumentHelp("The kabupaten/kota (name or code). Default: the office's region.", valueName: "name|code"))
    var scope: String?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The year. Default: the latest year with data.", valueName: "yyyy")) var year: Int?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("Seconds before the next slide.", valueName: "seconds")) var interval = 15
    @OptionGroup var screen: ScreenOptions

    func validate() throws {
        if interval < 1 { throw ValidationError("The interval must be at least 1 second.") }
    }

    func run() async throws {
        setlocale(LC_ALL, "")
        let (lang, screen, interval) = (database.language, screen, interval)
        try await reportingUserErrors(lang: lang) {
            let store = try await database.openStore()
            let region = try await store.startRegion(scope)
            let data = try await DashboardLoader(store: store).presentation(scope: region, year: year)
            try await MainActor.run { try Self.show(data, screen: screen, interval: interval, lang: lang) }
        }
    }

    /// The slides on the main thread's terminal until the user quits.
    private static func show(_ data: PresentationData, screen: ScreenOptions, interval: Int, lang: Language) throws {
        let (terminal, appearance) = try screen.start(lang: lang)
        defer { terminal.stop() }
        var state = PresentationState(width: terminal.width, height: terminal.height, interval: interval)
        var shownSince = Date()
        terminal.draw(SlideView(state: state, data: data, appearance: appearance).render())
        while !state.quitting {
            // Wake when the slide is due, so that an idle presentation uses no CPU between slides.
            let due = max(0.05, Double(state.interval) - Date().timeIntervalSince(shownSince))
            let before = state.slide
            switch terminal.readKey(timeout: state.paused ? 1000 : Int32(min(due, 1) * 1000)) {
            case .key(let key)?: state.update(.key(key))
            case .resized(let w, let h)?: state.update(.resize(width: w, height: h))
            case .ignored?: continue
            case nil:
                if state.paused || Date().timeIntervalSince(shownSince) < Double(state.interval) { continue }
                state.update(.tick)
            }
            if state.slide != before || state.paused { shownSince = Date() }
            if !state.quitting { terminal.draw(SlideView(state: state, data: data, appearance: appearance).render()) }
        }
        terminal.stopAndExit()
    }
}
