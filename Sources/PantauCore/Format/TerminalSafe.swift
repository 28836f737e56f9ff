/// Text from files may hold control characters or escape sequences; nothing stored reaches a terminal raw.
public enum TerminalSafe {
    /// Control characters as visible escapes: ESC → `^[`, TAB → `^I`, DEL → `^?`, C1 controls → `<U+009B>`.
    public static func text(_ s: String) -> String {
        guard s.unicodeScalars.contains(where: isControl) else { return s }
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar.value {
            case 0x00...0x1F: out += "^" + String(UnicodeScalar(UInt8(scalar.value + 0x40)))
            case 0x7F: out += "^?"
            case 0x80...0x9F: out += "<U+00\(String(scalar.value, radix: 16, uppercase: true))>"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    package static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }
}
