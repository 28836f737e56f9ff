import PantauCore

/// The eight terminal colours, and the terminal's own default.
public enum Color: Int, Sendable, Hashable, CaseIterable {
    case standard = -1, black, red, green, yellow, blue, magenta, cyan, white
}

/// How a cell looks. Monochrome terminals use only the attributes.
public struct Style: Sendable, Hashable {
    public var foreground: Color = .standard
    public var background: Color = .standard
    public var bold = false
    public var reverse = false
    public var dim = false
    public var underline = false

    public init(foreground: Color = .standard, background: Color = .standard, bold: Bool = false,
                reverse: Bool = false, dim: Bool = false, underline: Bool = false) {
        self.foreground = foreground; self.background = background; self.bold = bold
        self.reverse = reverse; self.dim = dim; self.underline = underline
    }

    public static let plain = Style()
}

/// One character cell of the screen.
public struct Cell: Sendable, Hashable {
    public var character: Character
    public var style: Style

    public static let blank = Cell(character: " ", style: .plain)
}

/// A rectangle of cells, in columns and rows from the top left.
public struct Rect: Sendable, Hashable {
    public var x, y, width, height: Int

    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x; self.y = y; self.width = max(0, width); self.height = max(0, height)
    }

    public var maxX: Int { x + width }
    public var maxY: Int { y + height }
    public var isEmpty: Bool { width == 0 || height == 0 }

    /// The rectangle shrunk by `n` on every side (the inside of a box).
    public func inset(_ n: Int) -> Rect { Rect(x: x + n, y: y + n, width: width - 2 * n, height: height - 2 * n) }

    /// Cuts off `columns` from the left: (left part, the rest).
    public func splitColumns(_ columns: Int) -> (Rect, Rect) {
        let w = min(width, max(0, columns))
        return (Rect(x: x, y: y, width: w, height: height), Rect(x: x + w, y: y, width: width - w, height: height))
    }

    /// Cuts off `rows` from the top: (top part, the rest).
    public func splitRows(_ rows: Int) -> (Rect, Rect) {
        let h = min(height, max(0, rows))
        return (Rect(x: x, y: y, width: width, height: h), Rect(x: x, y: y + h, width: width, height: height - h))
    }

    /// One row of the rectangle.
    public func row(_ i: Int) -> Rect { Rect(x: x, y: y + i, width: width, height: 1) }
}

/// A full frame of the screen, drawn in memory. The terminal backend puts it on screen;
/// tests compare its text with snapshot files.
public struct Canvas: Sendable, Equatable {
    public let width: Int
    public let height: Int
    public private(set) var cells: [Cell]

    public init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        cells = Array(repeating: .blank, count: self.width * self.height)
    }

    public var bounds: Rect { Rect(x: 0, y: 0, width: width, height: height) }

    /// How many cells differ from `other` (every cell when the sizes differ): what a terminal must be sent.
    public func changedCells(from other: Canvas) -> Int {
        guard width == other.width && height == other.height else { return cells.count }
        return zip(cells, other.cells).reduce(0) { $0 + ($1.0 == $1.1 ? 0 : 1) }
    }

    public subscript(x: Int, y: Int) -> Cell {
        get { cells[y * width + x] }
        set { if x >= 0, y >= 0, x < width, y < height { cells[y * width + x] = newValue } }
    }

    /// Writes text from (x, y), cut at `clip`'s right edge; returns the column after the last character.
    @discardableResult
    public mutating func put(_ text: String, x: Int, y: Int, style: Style = .plain, clip: Rect? = nil) -> Int {
        let area = clip ?? bounds
        guard y >= area.y, y < area.maxY, y >= 0, y < height else { return x }
        var column = x
        for character in TerminalSafe.text(text) {
            if column >= area.maxX || column >= width { break }
            if column >= area.x && column >= 0 { self[column, y] = Cell(character: character, style: style) }
            column += 1
        }
        return column
    }

    /// Sets the style of every cell in `rect`, keeping the characters.
    public mutating func paint(_ rect: Rect, style: Style) {
        for y in rect.y..<rect.maxY where y >= 0 && y < height {
            for x in rect.x..<rect.maxX where x >= 0 && x < width { self[x, y].style = style }
        }
    }

    /// Fills `rect` with one character.
    public mutating func fill(_ rect: Rect, with character: Character = " ", style: Style = .plain) {
        for y in rect.y..<rect.maxY where y >= 0 && y < height {
            for x in rect.x..<rect.maxX where x >= 0 && x < width { self[x, y] = Cell(character: character, style: style) }
        }
    }

    /// The frame as lines of text, trailing spaces removed: what a snapshot compares.
    public func lines() -> [String] {
        (0..<height).map { y in
            var line = String((0..<width).map { self[$0, y].character })
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    /// The characters of one row of `rect`, for tests.
    public func text(in rect: Rect) -> String {
        String((rect.x..<rect.maxX).map { self[$0, rect.y].character })
    }
}

extension Canvas {
    /// Replaces every non-ASCII character with its closest ASCII look-alike, for terminals that show only ASCII.
    /// (ncurses does not do this itself; in a non-UTF-8 locale it would print garbage and shift the line.)
    public mutating func foldToASCII() {
        for i in cells.indices where !cells[i].character.isASCII {
            cells[i].character = Self.asciiLookAlike(cells[i].character)
        }
    }

    static func asciiLookAlike(_ c: Character) -> Character {
        switch c {
        case "−", "–", "—", "─": return "-"
        case "·", "│": return "|"
        case "×": return "x"
        case "→": return ">"
        case "←": return "<"
        case "↑": return "^"
        case "↓": return "v"
        case "…": return "~"
        case "✓": return "v"
        default:
            let folded = String(c).folding(options: [.diacriticInsensitive, .widthInsensitive], locale: nil)
            if let first = folded.first, first.isASCII { return first }
            return "?"
        }
    }
}

import Foundation
