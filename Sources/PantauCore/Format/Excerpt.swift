/// A value quoted in a message: a region name or a cell may be 64 KB long or hold escape sequences,
/// and a message shows one short line of it, safe for a terminal.
public enum Excerpt {
    /// The characters of a value a message shows.
    public static let length = 40

    /// The first 40 characters (then `…`), with control characters made visible.
    public static func of(_ value: String) -> String {
        guard let end = value.index(value.startIndex, offsetBy: length, limitedBy: value.endIndex), end < value.endIndex else {
            return TerminalSafe.text(value)
        }
        return TerminalSafe.text(String(value[..<end])) + "…"
    }
}
