import ArgumentParser
import CNcurses
import Foundation
import PantauCore
import PantauTUI

struct DashboardCommand: ParsableCommand {
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

    func run() throws {
        // Before anything else: without it ncurses loses every non-ASCII character.
        setlocale(LC_ALL, "")
        try reportingUserErrors(lang: database.language) {
            let store = try database.openStore()
            let start = try scope.map { try store.resolveRegion($0) } ?? store.officeRegion() ?? .indonesia
            let (terminal, appearance) = try screen.start(lang: database.language)
            defer { terminal.stop() }
            var state = DashboardState(width: terminal.width, height: terminal.height, path: scopePath(to: start.code), year: year,
                                       isDemo: store.isDemo, isReadOnly: store.isReadOnly)
            state.language = database.language
            state.isSnapshot = store.isSnapshot
            DashboardRunner(terminal: terminal, loader: DashboardLoader(store: store), appearance: appearance).run(&state)
            terminal.stopAndExit()
        }
    }
}

/// The dashboard's loop: draw, wait for a key, update, carry out the effects, draw again.
/// While idle it looks about once a second whether another process changed the database.
final class DashboardRunner {
    let terminal: Terminal
    var loader: DashboardLoader
    let appearance: Appearance
    private var lastChange: String
    /// A confirmed change being written; keys are answered meanwhile.
    private var save: BackgroundSave?
    /// Changes confirmed while another was still being written: written next, in order.
    private var nextChanges: [FieldChange] = []

    init(terminal: Terminal, loader: DashboardLoader, appearance: Appearance) {
        self.terminal = terminal
        self.loader = loader
        self.appearance = appearance
        lastChange = loader.store.changeToken()
    }

    func run(_ state: inout DashboardState) {
        // The first frame appears before the data is read.
        draw(state)
        perform([.load(scope: state.scopeCode, year: state.year)], on: &state)
        draw(state)
        while !state.quitting {
            // While a save runs, look at it often; idle, wake once a second to see whether the data changed.
            let event = terminal.readKey(timeout: save == nil ? 1000 : 50)
            followSave(&state)
            guard let event else {
                if save == nil && databaseChanged() {
                    state.isSnapshot = isSnapshot
                    perform(state.update(.databaseChanged), on: &state)
                    draw(state)
                }
                continue
            }
            let effects: [Effect]
            switch event {
            case .key(let key): effects = state.update(.key(key))
            case .resized(let width, let height): effects = state.update(.resize(width: width, height: height))
            case .ignored: continue
            }
            perform(effects, on: &state)
            if !state.quitting { draw(state) }
        }
        finishSave(&state)
    }

    /// Shows what a running save waits for, and its result when it is done.
    private func followSave(_ state: inout DashboardState) {
        guard let save else { return }
        if let waiting = save.takeWaitingMessage() {
            state.message = waiting
            draw(state)
        }
        guard let result = save.takeResult() else { return }
        self.save = nil
        if !nextChanges.isEmpty { startSave(nextChanges.removeFirst()) }
        lastChange = loader.store.changeToken()
        perform(state.update(result), on: &state)
        draw(state)
    }

    private func startSave(_ change: FieldChange) {
        let (loader, lang) = (self.loader, appearance.lang)
        save = BackgroundSave(store: loader.store.path, lang: lang) {
            Self.attempt({ try loader.save(change); return .saved }, failure: Action.saveFailed, lang: lang)
        }
    }

    /// Quitting never drops a confirmed change: it is written first (Ctrl-C still leaves at once, unsaved).
    private func finishSave(_ state: inout DashboardState) {
        guard save != nil else { return }
        state.message = Strings(appearance.lang).savingBeforeQuit
        draw(state)
        while save != nil {
            usleep(50_000)
            followSave(&state)
        }
    }

    /// True when the database changed since the last look. A frozen snapshot is reopened, live if it can be now.
    private func databaseChanged() -> Bool {
        let token = loader.store.changeToken()
        guard token != lastChange else { return false }
        lastChange = token
        if loader.store.isSnapshot, let reopened = try? Store.open(at: loader.store.path, readOnly: loader.store.readOnlyRequested) {
            loader = DashboardLoader(store: reopened)
            lastChange = reopened.changeToken()
        }
        return true
    }

    /// Whether the store in use is a frozen snapshot (it may become live when reopened).
    var isSnapshot: Bool { loader.store.isSnapshot }

    /// Carries out effects, and the effects their results lead to.
    private func perform(_ effects: [Effect], on state: inout DashboardState) {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            let action: Action?
            switch effect {
            case .load(let scope, let year):
                action = Self.attempt({ .loaded(try loader.load(scopeCode: scope, year: year)) }, failure: Action.loadFailed, lang: appearance.lang)
            case .loadDetail(let nik):
                action = Self.attempt({ .detailLoaded(try loader.detail(nik: nik)) }, failure: Action.loadFailed, lang: appearance.lang)
            case .save(let change):
                if save == nil { startSave(change) } else { nextChanges.append(change) }
                action = nil
            case .repaint:
                terminal.repaintAll()
                action = nil
            case .quit:
                action = nil
            }
            if let action { queue.append(contentsOf: state.update(action)) }
        }
    }

    private static func attempt(_ body: () throws -> Action, failure: (String) -> Action, lang: Language) -> Action {
        do {
            return try body()
        } catch let error as PantauError {
            return failure(error.message(lang))
        } catch {
            return failure(PantauError.explaining(error)?.message(lang) ?? "\(error)")
        }
    }

    private func draw(_ state: DashboardState) {
        terminal.draw(DashboardView(state: state, appearance: appearance).render())
    }
}
