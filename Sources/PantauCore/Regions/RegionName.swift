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
    static func distance(_ a: String, _ b: String, limit: Int = .max - 1) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = previous
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            if current.min()! > limit { return limit + 1 }
            swap(&previous, &current)
        }
        return min(previous[b.count], limit + 1)
    }
}
