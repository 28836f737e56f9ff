import Foundation

/// Every region and alias of a database, held in memory: about 7.300 kecamatan and their parents. A store that
/// answers over a network reads them once, so that naming, lookups and labels never wait on it. Matching follows
/// the same rules as everywhere in Pantau: a code, a name or a short form, never a guess.
public struct RegionDirectory: Sendable {
    public struct Entry: Sendable {
        public var region: Region
        public var parent: String
        public var nameKey: String

        public init(region: Region, parent: String, nameKey: String) {
            self.region = region; self.parent = parent; self.nameKey = nameKey
        }
    }

    private let byCode: [String: Entry]
    private let childrenByParent: [String: [Region]]
    /// name or alias key → codes, in code order.
    private let byKey: [String: [String]]
    /// Every key with its code, for suggestions.
    private let keys: [(key: String, code: String)]

    public init(entries: [Entry], aliases: [(key: String, code: String)]) {
        let byCode = Dictionary(entries.map { ($0.region.code, $0) }, uniquingKeysWith: { first, _ in first })
        self.byCode = byCode
        childrenByParent = Dictionary(grouping: entries, by: \.parent).mapValues { $0.map(\.region).sorted { $0.code < $1.code } }
        let all = entries.map { (key: $0.nameKey, code: $0.region.code) } + aliases.filter { byCode[$0.code] != nil }
        byKey = Dictionary(grouping: all, by: \.key).mapValues { Array(Set($0.map(\.code))).sorted() }
        keys = all
    }

    public var count: Int { byCode.count }

    /// The region with this exact code, or nil. The empty code is the whole country.
    public func region(code: String) -> Region? {
        code.isEmpty ? .indonesia : byCode[code]?.region
    }

    /// The regions directly inside `code`, in code order.
    public func children(of code: String) -> [Region] { childrenByParent[code] ?? [] }

    /// A region named the way a person would name it: a code (`64.08`, `6408`), a name, or a short form.
    public func resolve(_ query: String) throws -> Region {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let key = RegionName.key(trimmed)
        if key == "indonesia" || key == "nasional" { return .indonesia }
        if let code = RegionName.codeForm(trimmed) {
            if let region = region(code: code) { return region }
            throw PantauError.regionNotFound(query: Excerpt.of(trimmed), suggestions: [])
        }
        let codes = byKey[key] ?? []
        if codes.count == 1, let region = region(code: codes[0]) { return region }
        if codes.count > 1 { throw PantauError.regionAmbiguous(query: Excerpt.of(trimmed), candidates: codes.map(label(code:))) }
        throw PantauError.regionNotFound(query: Excerpt.of(trimmed), suggestions: suggestions(for: key))
    }

    /// "Muara Bengkal, Kutai Timur (64.08.03)"; the country is just its name.
    public func label(_ region: Region) -> String {
        region.level == .nasional ? region.name : label(code: region.code)
    }

    public func label(code: String) -> String {
        guard let region = byCode[code]?.region else { return code }
        var name = region.name
        if region.level == .kecamatan, let parent = region.parentCode, let kab = byCode[parent]?.region {
            name += ", " + kab.shortName
        }
        return "\(name) (\(code))"
    }

    /// Up to five regions whose names contain the key, else the ones a few letters away from it.
    func suggestions(for key: String) -> [String] {
        let length = key.unicodeScalars.count
        guard length > 0, length <= RegionName.maxSuggestionKey else { return [] }
        var seen = Set<String>()
        var codes = keys.filter { $0.key.contains(key) }.map(\.code).filter { seen.insert($0).inserted }
            .sorted { ($0.count, $0) < ($1.count, $1) }.prefix(5).map { $0 }
        if codes.isEmpty {
            let limit = max(2, length / 3)
            let target = key.unicodeScalars.map(\.value)
            let scored: [(Int, String)] = keys.compactMap { entry in
                let bare = entry.key.replacingOccurrences(of: "kabupaten", with: "").replacingOccurrences(of: "kota", with: "")
                let scalars = bare.unicodeScalars.map(\.value)
                guard abs(scalars.count - length) <= limit else { return nil }
                let d = RegionName.distance(target, scalars, limit: limit)
                return d <= limit ? (d, entry.code) : nil
            }
            let best = scored.map(\.0).min() ?? 0
            seen = []
            codes = scored.filter { $0.0 <= best + 1 }.sorted { ($0.0, $0.1.count, $0.1) < ($1.0, $1.1.count, $1.1) }
                .map(\.1).filter { seen.insert($0).inserted }.prefix(5).map { $0 }
        }
        return codes.map(label(code:))
    }
}
