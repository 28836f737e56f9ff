import PantauCore
import PantauTestSupport
@testable import PantauTUI

/// A dashboard driven in memory: keys in, frames out, with the core's real queries behind it.
struct Harness {
    var state: DashboardState
    var effects: [Effect] = []
    let loader = DashboardLoader(store: Fixtures.sampleStore)
    var appearance: Appearance

    init(width: Int = 80, height: Int = 24, scope: String = "64.08", year: Int? = nil, ascii: Bool = false,
         color: Bool = false, lang: Language = .id) throws {
        state = DashboardState(width: width, height: height, path: scopePath(to: scope), year: year, isDemo: true)
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

    mutating func type(_ text: String) throws {
        for c in text { try press(.character(c)) }
    }

    private mutating func perform(_ effects: [Effect]) throws {
        for case .load(let scope, let year) in effects {
            _ = state.update(.loaded(try loader.load(scopeCode: scope, year: year)))
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
