import PantauCore
import PantauSQLite
import PantauTestSupport
@testable import PantauTUI

/// A dashboard driven in memory through the real runtime loop: keys in, frames out, with the core's real queries
/// behind it. Each press waits until the loop has answered the key and every load it started has come back.
struct Harness {
    let runtime: DashboardRuntime
    let terminal: HeadlessTerminal
    let loader: DashboardLoader
    var appearance: Appearance

    var state: DashboardState {
        get { runtime.state }
        nonmutating set { runtime.state = newValue }
    }
    /// What the last key or action asked the runtime to do.
    var effects: [Effect] = []

    /// A dashboard on the shared sample database, or on `store` (a fresh one, for tests that write).
    init(width: Int = 80, height: Int = 24, scope: String = "64.08", year: Int? = nil, ascii: Bool = false,
         color: Bool = false, lang: Language = .id, store: Store = Fixtures.sampleStore) throws {
        try self.init(width: width, height: height, scope: scope, year: year, ascii: ascii, color: color, lang: lang,
                      source: DashboardLoader(store: store))
    }

    /// A dashboard whose figures come through `source` (one that holds loads back, for the runtime's own tests).
    init(width: Int = 80, height: Int = 24, scope: String = "64.08", year: Int? = nil, ascii: Bool = false,
         color: Bool = false, lang: Language = .id, source: some DashboardDataSource, clock: any RuntimeClock = SystemRuntimeClock(),
         settle: Bool = true) throws {
        let loader = (source as? DashboardLoader) ?? (source as? GatedSource)?.loader
        self.loader = loader ?? DashboardLoader(store: Fixtures.sampleStore)
        var state = DashboardState(width: width, height: height, path: scopePath(to: scope), year: year, isDemo: true,
                                   isReadOnly: self.loader.store.isReadOnly)
        state.language = lang
        appearance = Appearance(ascii: ascii, color: color, lang: lang)
        terminal = HeadlessTerminal(width: width, height: height)
        runtime = DashboardRuntime(terminal: terminal, source: source, appearance: appearance, state: state, clock: clock)
        runtime.start()
        if settle { try self.settle() }
    }

    /// Presses keys, each answered by the runtime with the loads it starts finished.
    mutating func press(_ keys: Key...) throws {
        for key in keys {
            terminal.feed(.key(key))
            try settle()
            effects = runtime.lastEventEffects
        }
    }

    /// Sends an action from outside (the runtime noticing a change), waiting for the work it starts.
    mutating func send(_ action: Action) throws {
        effects = runtime.apply(action)
        try settle()
    }

    /// Presses keys while work may be under way: each key is answered and drawn, no load is waited for.
    mutating func pressWithoutWaiting(_ keys: Key...) {
        for key in keys {
            terminal.feed(.key(key))
            while terminal.hasQueuedEvents { runtime.step() }
            effects = runtime.lastEventEffects
        }
    }

    mutating func type(_ text: String) throws {
        for c in text { try press(.character(c)) }
    }

    /// Turns the loop until every fed key is answered and no current load or save is under way.
    func settle(within seconds: Double = 30) throws {
        let deadline = ContinuousClock.now + .seconds(seconds)
        while terminal.hasQueuedEvents || runtime.isBusy {
            guard ContinuousClock.now < deadline else { throw HarnessTimeout() }
            runtime.step()
        }
    }

    var canvas: Canvas { DashboardView(state: state, appearance: appearance).render() }
    var screen: String { canvas.lines().joined(separator: "\n") }

    /// The text of one pane, cut from the full frame.
    func pane(_ rect: Rect) -> String {
        let canvas = self.canvas
        return (rect.y..<rect.maxY).map { y in canvas.text(in: Rect(x: rect.x, y: y, width: rect.width, height: 1)) }.joined(separator: "\n")
    }

    var layout: Layout { Layout(width: state.width, height: state.height, showsKoperasi: state.showsKoperasi) }
}

/// The runtime did not settle in time: a load or save never came back.
struct HarnessTimeout: Error {}
