/// libpq's percent-encoding of URL parts: `%` and two hex digits stand for one byte; `%00` is refused (it would cut
/// a C string short); `+` stays a plus. Decoding happens after the URL is split at its delimiters, so `%40` in a
/// user name is an `@` of the name, and `%2F` in a host makes it a socket folder.
enum PercentEncoding {
    /// The decoded text, or nil when a `%` is not followed by two hex digits, is `%00`, or the bytes are not UTF-8.
    static func decode(_ text: Substring) -> String? {
        guard text.contains("%") else { return String(text) }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.utf8.count)
        var iterator = text.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else { bytes.append(byte); continue }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            let decoded = high << 4 | low
            if decoded == 0 { return nil }
            bytes.append(decoded)
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// Encodes everything but unreserved characters (and `keeping`), so `description` parses back to the same address.
    static func encode(_ text: String, keeping: Set<Character> = []) -> String {
        var out = ""
        for character in text {
            if keeping.contains(character) || (character.isASCII && (character.isLetter || character.isNumber || "-._~".contains(character))) {
                out.append(character)
            } else {
                for byte in String(character).utf8 { out += "%" + (byte < 16 ? "0" : "") + String(byte, radix: 16, uppercase: true) }
            }
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
