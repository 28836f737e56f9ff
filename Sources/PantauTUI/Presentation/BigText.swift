/// Numbers drawn large with block characters, readable from the back of a room.
/// Each glyph is 3 columns by 5 rows; `scale` doubles both for a projector-sized terminal.
public enum BigText {
    static let font: [Character: [String]] = [
        "0": ["###", "# #", "# #", "# #", "###"], "1": [" # ", "## ", " # ", " # ", "###"],
        "2": ["###", "  #", "###", "#  ", "###"], "3": ["###", "  #", " ##", "  #", "###"],
        "4": ["# #", "# #", "###", "  #", "  #"], "5": ["###", "#  ", "###", "  #", "###"],
        "6": ["###", "#  ", "###", "# #", "###"], "7": ["###", "  #", "  #", "  #", "  #"],
        "8": ["###", "# #", "###", "# #", "###"], "9": ["###", "# #", "###", "  #", "###"],
        ".": ["   ", "   ", "   ", "   ", " # "], ",": ["   ", "   ", "   ", " # ", "#  "],
        "%": ["# #", "  #", " # ", "#  ", "# #"], "/": ["  #", "  #", " # ", "#  ", "#  "],
        "−": ["   ", "   ", "###", "   ", "   "], "-": ["   ", "   ", "###", "   ", "   "],
        "+": ["   ", " # ", "###", " # ", "   "], " ": ["   ", "   ", "   ", "   ", "   "],
        "→": ["   ", " # ", "###", " # ", "   "],
    ]

    public static func height(scale: Int) -> Int { 5 * scale }

    public static func width(_ text: String, scale: Int) -> Int {
        let glyphs = text.filter { font[$0] != nil }.count
        return max(0, glyphs * 4 * scale - scale)
    }

    /// Draws `text` with its top left at (x, y); characters without a glyph are skipped.
    public static func draw(_ text: String, _ canvas: inout Canvas, x: Int, y: Int, scale: Int, glyphs: Glyphs, style: Style) {
        var column = x
        for character in text {
            guard let rows = font[character] else { continue }
            for (r, row) in rows.enumerated() {
                for (c, mark) in row.enumerated() where mark == "#" {
                    canvas.fill(Rect(x: column + c * scale, y: y + r * scale, width: scale, height: scale), with: glyphs.full, style: style)
                }
            }
            column += 4 * scale
        }
    }
}
