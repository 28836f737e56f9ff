import Foundation
import GRDB
import PantauCore

extension Store {
    /// The region with this exact code, or nil. The empty code is the whole country.
    public func region(code: String) throws -> Region? {
        if code.isEmpty { return .indonesia }
        return try read { db in try Self.fetchRegion(db, code: code) }
    }

    static func fetchRegion(_ db: Database, code: String) throws -> Region? {
        guard let row = try Row.fetchOne(db, sql: "SELECT code, name, level FROM region WHERE code = ?", arguments: [code]),
              let level = RegionLevel(rawValue: row["level"]) else { return nil }
        return Region(code: row["code"], name: row["name"], level: level)
    }

    /// The regions directly inside `code`, in code order.
    public func children(of code: String) throws -> [Region] {
        try read { db in try Self.fetchChildren(db, of: code) }
    }

    static func fetchChildren(_ db: Database, of code: String) throws -> [Region] {
        try Row.fetchAll(db.cachedStatement(sql: "SELECT code, name, level FROM region WHERE parent = ? ORDER BY code"), arguments: [code])
            .compactMap { row in RegionLevel(rawValue: row["level"]).map { Region(code: row["code"], name: row["name"], level: $0) } }
    }

    /// A region named the way a person would name it: a code (`64.08`, `6408`), a name, or a short form.
    /// Never guesses: an unknown name lists the closest ones, an ambiguous name lists every candidate.
    public func resolveRegion(_ query: String) throws -> Region {
        try read { db in try Self.resolveRegion(db, query) }
    }

    static func resolveRegion(_ db: Database, _ query: String, suggesting: Bool = true) throws -> Region {
        let trimmed = query.trimmingCharacters(in: .whitespaces)
        let key = RegionName.key(trimmed)
        if key == "indonesia" || key == "nasional" { return .indonesia }
        if let code = RegionName.codeForm(trimmed) {
            if let region = try fetchRegion(db, code: code) { return region }
            throw PantauError.regionNotFound(query: Excerpt.of(trimmed), suggestions: [])
        }
        let codes = try String.fetchAll(db, sql: """
            SELECT code FROM region WHERE name_key = ?1
            UNION SELECT code FROM region_alias WHERE alias_key = ?1
            ORDER BY code
            """, arguments: [key])
        if codes.count == 1, let region = try fetchRegion(db, code: codes[0]) { return region }
        if codes.count > 1 {
            throw PantauError.regionAmbiguous(query: Excerpt.of(trimmed), candidates: try codes.map { try label(db, code: $0) })
        }
        throw PantauError.regionNotFound(query: Excerpt.of(trimmed), suggestions: suggesting ? try suggestions(db, key: key) : [])
    }

    /// A region's name with its enclosing kabupaten (for kecamatan) and code: "Muara Bengkal, Kutai Timur (64.08.03)".
    public func label(_ region: Region) throws -> String {
        if region.level == .nasional { return region.name }
        return try read { db in try Self.label(db, code: region.code) }
    }

    static func label(_ db: Database, code: String) throws -> String {
        guard let region = try fetchRegion(db, code: code) else { return code }
        var name = region.name
        if region.level == .kecamatan, let parent = region.parentCode, let kab = try fetchRegion(db, code: parent) {
            name += ", " + kab.shortName
        }
        return "\(name) (\(code))"
    }

    /// Up to five regions whose names contain the key, or are a few letters away from it.
    static func suggestions(_ db: Database, key: String) throws -> [String] {
        let length = key.unicodeScalars.count
        guard length > 0, length <= RegionName.maxSuggestionKey else { return [] }
        var codes = try String.fetchAll(db, sql: """
            SELECT code FROM (SELECT code FROM region WHERE name_key LIKE '%' || ?1 || '%'
                              UNION SELECT code FROM region_alias WHERE alias_key LIKE '%' || ?1 || '%')
            ORDER BY length(code), code LIMIT 5
            """, arguments: [key])
        if codes.isEmpty {
            // Only keys of a length within reach are compared; SQLite drops the prefixes and counts the length.
            let limit = max(2, length / 3)
            var scored: [(Int, String)] = []
            let rows = try Row.fetchCursor(db, sql: """
                SELECT code, k FROM (SELECT code, replace(replace(name_key, 'kabupaten', ''), 'kota', '') AS k FROM region
                                     UNION ALL SELECT code, replace(replace(alias_key, 'kabupaten', ''), 'kota', '') FROM region_alias)
                WHERE length(k) BETWEEN ?1 AND ?2
                """, arguments: [length - limit, length + limit])
            let target = key.unicodeScalars.map(\.value)
            while let row = try rows.next() {
                let d = RegionName.distance(target, (row["k"] as String).unicodeScalars.map(\.value), limit: limit)
                if d <= limit { scored.append((d, row["code"])) }
            }
            let best = scored.map(\.0).min() ?? 0
            var seen = Set<String>()
            codes = scored.filter { $0.0 <= best + 1 }.sorted { ($0.0, $0.1.count, $0.1) < ($1.0, $1.1.count, $1.1) }
                .map(\.1).filter { seen.insert($0).inserted }.prefix(5).map { $0 }
        }
        return try codes.map { try label(db, code: $0) }
    }
}
