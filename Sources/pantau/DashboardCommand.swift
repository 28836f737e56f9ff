import ArgumentParser
import CNcurses
import Foundation
import PantauCore
import PantauTUI

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default command).",
        discussion: "Press ? in the dashboard for every key. Needs a terminal of at least 80×24.")

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
            guard let event = terminal.readKey(timeout: 1000) else {
                if databaseChanged() {
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
                action = attempt({ .loaded(try loader.load(scopeCode: scope, year: year)) }, failure: Action.loadFailed)
            case .loadDetail(let nik):
                action = attempt({ .detailLoaded(try loader.detail(nik: nik)) }, failure: Action.loadFailed)
            case .save(let change):
                reportWaits(over: state)
                action = attempt({ try loader.save(change); return .saved }, failure: Action.saveFailed)
                WriteWait.stopReporting()
                lastChange = loader.store.changeToken()
            case .repaint:
                terminal.repaintAll()
                action = nil
            case .quit:
                action = nil
            }
            if let action { queue.append(contentsOf: state.update(action)) }
        }
    }

    private func attempt(_ body: () throws -> Action, failure: (String) -> Action) -> Action {
        do {
            return try body()
        } catch let error as PantauError {
            return failure(error.message(appearance.lang))
        } catch {
            return failure("\(error)")
        }
    }

    /// A save that has to wait for another officer's write says in the status line what it waits for. The screen
    /// shows that frame until the save is done: keys wait too, as the dashboard reads and writes on one thread.
    private func reportWaits(over state: DashboardState) {
        let frame = WaitingFrame(runner: self, state: state)
        WriteWait.report(waitsOn: loader.store.path) { holder in frame.show(holder) }
    }

    fileprivate func draw(_ state: DashboardState) {
        terminal.draw(DashboardView(state: state, appearance: appearance).render())
    }
}

/// The dashboard as it was when a save began, drawn again with what the save waits for in the status line.
/// Drawn only while the dashboard's own thread is blocked in that save, so never at the same time as another frame.
private final class WaitingFrame: @unchecked Sendable {
    let runner: DashboardRunner
    var state: DashboardState

    init(runner: DashboardRunner, state: DashboardState) {
        self.runner = runner
        self.state = state
    }

    func show(_ holder: WriteHolder) {
        state.message = TerminalSafe.text(holder.waitingMessage(runner.appearance.lang))
        runner.draw(state)
    }
}
