import PantauCore

/// The panes of the narrow layout, in the order of the tab bar; the number key of each is its position.
public enum Tab: Int, CaseIterable, Sendable {
    case districts, main, tipeA, ratio, years, evaluation

    /// The list the tab shows, which then has the focus; the charts and gauges have none.
    public var pane: Pane? {
        switch self {
        case .districts: .districts
        case .main: .main
        case .ratio: .ratio
        case .tipeA, .years, .evaluation: nil
        }
    }

    init(_ pane: Pane) {
        switch pane {
        case .districts: self = .districts
        case .main: self = .main
        case .ratio: self = .ratio
        }
    }
}

/// Choosing the pane of the narrow layout.
extension DashboardState {
    /// Shows `tab` and gives its list the focus.
    mutating func show(_ tab: Tab) {
        self.tab = tab
        if let pane = tab.pane { focus = pane }
    }

    /// The next or previous tab; Tab and Shift-Tab go round, ← and → stop at the ends.
    mutating func cycleTab(by step: Int, wrap: Bool) {
        let count = Tab.allCases.count
        let next = tab.rawValue + step
        if wrap {
            show(Tab(rawValue: (next + count) % count)!)
        } else if let tab = Tab(rawValue: next) {
            show(tab)
        }
    }

    /// Keeps the tab and the focus in step when the terminal changes between the narrow layout and the others.
    mutating func resize(width: Int, height: Int) {
        let wasNarrow = isNarrow
        self.width = width
        self.height = height
        guard wasNarrow != isNarrow else { return }
        if isNarrow {
            tab = Tab(focus)
        } else {
            if !visiblePanes.contains(focus) { focus = .main }
            tab = Tab(focus)
        }
        helpPage = 0
    }

    /// In the narrow layout, list keys do nothing on a tab without a list (instead of acting on a list out of sight).
    func actsOnHiddenList(_ command: Command) -> Bool {
        guard isNarrow, tab.pane == nil else { return false }
        switch command {
        case .moveUp, .moveDown, .pageUp, .pageDown, .first, .last, .open, .filter, .sort, .reverseSort: return true
        default: return false
        }
    }
}

/// The one-line tab bar of the narrow layout. The chosen tab is in reverse video and in brackets,
/// so it shows in monochrome and in plain text too; where full names do not fit, the others shorten.
struct TabBar {
    let state: DashboardState
    let appearance: Appearance

    func names(_ s: Strings) -> [String] {
        let mainName: String
        if state.showsKoperasi {
            mainName = s.koperasi
        } else {
            mainName = s.childLevelName(state.data?.scope.level.childLevel ?? .kecamatan)
        }
        return [s.wilayah, mainName, s.tipeAPane, s.ratio, s.year, s.evaluation]
    }

    /// The labels that fit `width`: all in full, else the chosen one in full and the others by three letters, else by number.
    func labels(width: Int, _ s: Strings) -> [String] {
        let names = names(s)
        let chosen = state.tab.rawValue
        func numbered(_ shorten: (String) -> String) -> [String] {
            names.enumerated().map { i, name in
                let label = "\(i + 1)" + (i == chosen ? " " + name : shorten(name).isEmpty ? "" : " " + shorten(name))
                return i == chosen ? "[" + label + "]" : label
            }
        }
        for candidate in [numbered { $0 }, numbered { String($0.prefix(3)) }, numbered { _ in "" }] {
            if candidate.joined(separator: " ").count + 1 <= width { return candidate }
        }
        return numbered { _ in "" }
    }

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let s = Strings(appearance.lang), theme = appearance.theme
        var x = rect.x + 1
        for (i, label) in labels(width: rect.width, s).enumerated() {
            let chosen = i == state.tab.rawValue
            x = canvas.put(label, x: x, y: rect.y, style: chosen ? theme.selected : .plain, clip: rect)
            x += 1
        }
    }
}
