/// The characters the widgets draw with: Unicode box drawing and blocks, or plain ASCII for
/// terminals and locales that cannot show them (ncurses does not downgrade by itself).
public struct Glyphs: Sendable, Equatable {
    public var topLeft, topRight, bottomLeft, bottomRight, horizontal, vertical: Character
    public var ellipsis: Character
    /// A whole cell of a bar or column.
    public var full: Character
    /// Partial blocks from one to seven eighths of a cell, for smooth bars; none in ASCII, whose bars fill whole cells.
    public var eighths: [Character]
    /// Vertical partial blocks from one to seven eighths, for column charts; none in ASCII.
    public var verticalEighths: [Character]
    public var barEmpty: Character
    public var arrow: String
    public var dash: Character
    public var check: Character
    public var warning: Character
    public var separator: Character

    public static let unicode = Glyphs(
        topLeft: "┌", topRight: "┐", bottomLeft: "└", bottomRight: "┘", horizontal: "─", vertical: "│",
        ellipsis: "…", full: "█", eighths: ["▏", "▎", "▍", "▌", "▋", "▊", "▉"],
        verticalEighths: ["▁", "▂", "▃", "▄", "▅", "▆", "▇"], barEmpty: "░", arrow: "→", dash: "–",
        check: "✓", warning: "▲", separator: "·")

    public static let ascii = Glyphs(
        topLeft: "+", topRight: "+", bottomLeft: "+", bottomRight: "+", horizontal: "-", vertical: "|",
        ellipsis: "~", full: "#", eighths: [], verticalEighths: [], barEmpty: ".", arrow: "->", dash: "-",
        check: "v", warning: "!", separator: "|")

    /// The steps a bar can show in one cell: eighths with partial blocks, the whole cell without.
    public var stepsPerCell: Int { eighths.count + 1 }
}

/// Fitting text into columns.
public enum Fit {
    /// Cuts `text` to `width` columns, ending with the ellipsis when something was cut.
    public static func truncate(_ text: String, _ width: Int, ellipsis: Character) -> String {
        guard width > 0 else { return "" }
        guard text.count > width else { return text }
        return String(text.prefix(width - 1)) + String(ellipsis)
    }

    /// Breaks `text` into lines of at most `width` columns at spaces; a word longer than a line is split.
    public static func wrap(_ text: String, _ width: Int) -> [String] {
        guard width > 0 else { return [] }
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ") {
            var word = Substring(word)
            if !line.isEmpty && line.count + 1 + word.count <= width { line += " " + word; continue }
            if !line.isEmpty { lines.append(line) }
            while word.count > width { lines.append(String(word.prefix(width))); word = word.dropFirst(width) }
            line = String(word)
        }
        if !line.isEmpty { lines.append(line) }
        return lines
    }

    /// Pads or truncates to exactly `width` columns.
    public static func left(_ text: String, _ width: Int, ellipsis: Character) -> String {
        let cut = truncate(text, width, ellipsis: ellipsis)
        return cut + String(repeating: " ", count: max(0, width - cut.count))
    }

    /// Right-aligns in `width` columns. Numbers are never cut: a number wider than its column keeps all its digits.
    public static func right(_ text: String, _ width: Int) -> String {
        String(repeating: " ", count: max(0, width - text.count)) + text
    }
}
