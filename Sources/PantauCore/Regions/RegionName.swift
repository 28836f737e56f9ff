import Foundation

/// Loose matching of region names: case, accents, punctuation and the usual prefixes do not matter.
public enum RegionName {
    /// The comparable form of a name: `"Kab. Kutai Timur"` → `"kabupatenkutaitimur"`, `"Kutim"` → `"kutim"`.
    public static func key(_ text: String) -> String {
        var s = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).lowercased()
        for (short, long) in [("kab.", "kabupaten "), ("kab ", "kabupaten "), ("prov.", ""), ("provinsi ", ""), ("kec.", ""), ("kecamatan ", "")]
            where s.hasPrefix(short) {
            s = long + s.dropFirst(short.count)
        }
        return String(s.unicodeScalars.filter { CharacterSet.alphanumerics.contains($0) }.map(Character.init))
    }

    /// Edit distance between two keys, for "did you mean" suggestions; any distance above `limit` is `limit + 1`,
    /// found without finishing the table (keys of lengths further apart than `limit` are not compared at all).
    package static func distance(_ a: String, _ b: String, limit: Int = .max - 1) -> Int {
        distance(Array(a.unicodeScalars).map(\.value), Array(b.unicodeScalars).map(\.value), limit: limit)
    }

    /// The same on code points. Plain loops over buffers: a suggestion search compares thousands of keys.
    package static func distance(_ a: [UInt32], _ b: [UInt32], limit: Int) -> Int {
        let (m, n) = (a.count, b.count)
        if abs(m - n) > limit { return limit + 1 }
        if m == 0 || n == 0 { return max(m, n) }
        var previous = [Int](repeating: 0, count: n + 1), current = previous
        return a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                var j = 0
                while j <= n { previous[j] = j; j += 1 }
                var i = 1
                while i <= m {
                    current[0] = i
                    var rowMinimum = i
                    j = 1
                    while j <= n {
                        let cell = Swift.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                        current[j] = cell
                        if cell < rowMinimum { rowMinimum = cell }
                        j += 1
                    }
                    if rowMinimum > limit { return limit + 1 }
                    swap(&previous, &current)
                    i += 1
                }
                return Swift.min(previous[n], limit + 1)
            }
        }
    }

    /// `64.08`, `6408` or `64.08.03` → the dotted code; anything else → nil.
    package static func codeForm(_ text: String) -> String? {
        // On bytes: an import asks this of every new value in its region column.
        let bytes = Array(text.utf8)
        let isDigit = { (byte: UInt8) in (48...57).contains(byte) }
        if [2, 5, 8].contains(bytes.count), bytes.indices.allSatisfy({ $0 % 3 == 2 ? bytes[$0] == UInt8(ascii: ".") : isDigit(bytes[$0]) }) {
            return text
        }
        guard [2, 4, 6].contains(bytes.count), bytes.allSatisfy(isDigit) else { return nil }
        return stride(from: 0, to: bytes.count, by: 2).map { String(decoding: bytes[$0..<$0 + 2], as: UTF8.self) }.joined(separator: ".")
    }

    /// The longest key a suggestion is looked for: longer than any region's name (the longest has 39 letters).
    /// A longer query gets no suggestion, and a pattern stays far below any database's limit.
    package static let maxSuggestionKey = 64
}
