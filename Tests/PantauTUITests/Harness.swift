import PantauCore
import PantauTestSupport
@testable import PantauTUI

/// A dashboard driven in memory: keys in, frames out, with the core's real queries behind it.
struct Harness {
    var state: DashboardState
    var effects: [Effect] = []
    let loader: DashboardLoader
    var appearance: Appearance

    /// A dashboard on the shared sample database, or on `store` (a fresh one, for tests that write).
    init(width: Int = 80, height: Int = 24, scope: String = "64.08", year: Int? = nil, ascii: Bool = false,
         color: Bool = false, lang: Language = .id, store: Store = Fixtures.sampleStore) throws {
        loader = DashboardLoader(store: store)
        state = DashboardState(width: width, height: height, path: scopePath(to: scope), year: year, isDemo: true,
                               isReadOnly: store.isReadOnly)
        state.language = lang
        appearance = Appearance(ascii: ascii, color: color, lang: lang)
        try perform([.load(scope: state.scopeCode, year: year)])
    }

    /// Presses keys, carrying out loads as the runtime would.
    mutating func press(_ keys: Key...) throws {
        for key in keys {
            effects = state.update(.key(key))
            try perform(effects)
        }
    }

    /// Sends an action from outside (the runtime noticing a change), carrying out its effects.
    mutating func send(_ action: Action) throws {
        effects = state.update(action)
        try perform(effects)
    }

    mutating func type(_ text: String) throws {
        for c in text { try press(.character(c)) }
    }

    /// Carries out effects as the runtime does, including the effects their results lead to.
    private mutating func perform(_ effects: [Effect]) throws {
        var queue = effects[...]
        while let effect = queue.popFirst() {
            switch effect {
            case .load(let scope, let year): queue += state.update(.loaded(try loader.load(scopeCode: scope, year: year)))
            case .loadDetail(let nik): queue += state.update(.detailLoaded(try loader.detail(nik: nik)))
            case .save(let change):
                do {
                    try loader.save(change)
                    queue += state.update(.saved)
                } catch let error as PantauError {
                    queue += state.update(.saveFailed(error.message(state.language)))
                }
            case .repaint, .quit: break
            }
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
