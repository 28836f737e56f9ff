import PantauCore

/// A key press, as the terminal backend decodes it.
public enum Key: Hashable, Sendable {
    case character(Character)
    case up, down, left, right, pageUp, pageDown, home, end
    case enter, escape, backspace, tab, backTab
    /// Ctrl plus a letter, e.g. `.control("l")`.
    case control(Character)
}

/// What a key asks the dashboard to do. Keys map to commands through one table, which also writes the help.
public enum Command: String, CaseIterable, Sendable {
    case moveUp, moveDown, pageUp, pageDown, first, last
    case nextPane, previousPane, paneLeft, paneRight
    case open, back
    case filter, sort, reverseSort
    case previousYear, nextYear
    case reload, repaint, help, quit
    case recordRAT, evaluate, edit, statusFilter, togglePanel
    /// A pane of the narrow layout by its number, 1 to 6.
    case choosePane
}

/// One line of the key table: the keys, the command, and how the help overlay names them.
public struct KeyBinding: Sendable {
    public var keys: [Key]
    public var command: Command
    public var label: String
    /// The layouts where the keys work (and are listed in the help).
    public var layouts: Set<LayoutKind> = [.narrow, .standard, .wide]
    public var help: @Sendable (Strings) -> String
}

public enum KeyMap {
    /// The one table that both dispatches keys and lists them in the help overlay.
    public static let bindings: [KeyBinding] = [
        .init(keys: [.up, .character("k")], command: .moveUp, label: "↑ k") { $0.helpMoveUp },
        .init(keys: [.down, .character("j")], command: .moveDown, label: "↓ j") { $0.helpMoveDown },
        .init(keys: [.pageUp, .control("b")], command: .pageUp, label: "PgUp") { $0.helpPageUp },
        .init(keys: [.pageDown, .control("f")], command: .pageDown, label: "PgDn") { $0.helpPageDown },
        .init(keys: [.home, .character("g")], command: .first, label: "Home g") { $0.helpFirst },
        .init(keys: [.end, .character("G")], command: .last, label: "End G") { $0.helpLast },
        .init(keys: [.tab], command: .nextPane, label: "Tab") { $0.helpNextPane },
        .init(keys: [.backTab], command: .previousPane, label: "Shift-Tab") { $0.helpPreviousPane },
        .init(keys: [.left, .character("h")], command: .paneLeft, label: "← h") { $0.helpPaneLeft },
        .init(keys: [.right, .character("l")], command: .paneRight, label: "→ l") { $0.helpPaneRight },
        .init(keys: Tab.allCases.map { .character(Character(String($0.rawValue + 1))) }, command: .choosePane, label: "1-6",
              layouts: [.narrow]) { $0.helpChoosePane },
        .init(keys: [.enter], command: .open, label: "Enter") { $0.helpOpen },
        .init(keys: [.escape, .backspace], command: .back, label: "Esc Bksp") { $0.helpBack },
        .init(keys: [.character("/")], command: .filter, label: "/") { $0.helpFilter },
        .init(keys: [.character("s")], command: .sort, label: "s") { $0.helpSort },
        .init(keys: [.character("S")], command: .reverseSort, label: "S") { $0.helpReverseSort },
        .init(keys: [.character("[")], command: .previousYear, label: "[") { $0.helpPreviousYear },
        .init(keys: [.character("]")], command: .nextYear, label: "]") { $0.helpNextYear },
        .init(keys: [.character("f")], command: .statusFilter, label: "f") { $0.helpStatusFilter },
        .init(keys: [.character("v")], command: .togglePanel, label: "v", layouts: [.standard, .wide]) { $0.helpTogglePanel },
        .init(keys: [.character("R")], command: .recordRAT, label: "R") { $0.helpRecordRAT },
        .init(keys: [.character("e")], command: .evaluate, label: "e") { $0.helpEvaluate },
        .init(keys: [.character("E")], command: .edit, label: "E") { $0.helpEdit },
        .init(keys: [.character("r")], command: .reload, label: "r") { $0.helpReload },
        .init(keys: [.control("l")], command: .repaint, label: "Ctrl-L") { $0.helpRepaint },
        .init(keys: [.character("?")], command: .help, label: "?") { $0.helpHelp },
        .init(keys: [.character("q")], command: .quit, label: "q") { $0.helpQuit },
    ]

    private static let table: [Key: KeyBinding] = {
        var table: [Key: KeyBinding] = [:]
        for binding in bindings { for key in binding.keys { table[key] = binding } }
        return table
    }()

    public static func command(for key: Key) -> Command? { table[key]?.command }

    /// The command of `key` where it works in `layout`.
    public static func command(for key: Key, in layout: LayoutKind) -> Command? {
        table[key].flatMap { $0.layouts.contains(layout) ? $0.command : nil }
    }
}
