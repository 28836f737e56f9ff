import Foundation
import GRDB
import PantauCore

/// Loads the Kemendagri region list and the short names people use for regions.
enum RegionLoader {
    static func load(_ regionsCSV: URL, aliases: URL?, into db: Database) throws {
        let insert = try db.makeStatement(sql: "INSERT INTO region(code, name, level, parent, name_key) VALUES (?, ?, ?, ?, ?)")
        let alias = try db.makeStatement(sql: "INSERT OR IGNORE INTO region_alias(alias_key, code) VALUES (?, ?)")
        try rows(of: regionsCSV, columns: ["kode", "nama", "tingkat"]) { line, values in
            let (code, name, levelText) = (values[0], values[1], values[2])
            guard let level = RegionLevel(rawValue: levelText), level != .nasional, RegionLevel(code: code) == level else {
                throw PantauError.badFile(path: regionsCSV.lastPathComponent, line: line, message: "tingkat: \"\(levelText)\" does not fit code \(code)")
            }
            let region = Region(code: code, name: name, level: level)
            try insert.execute(arguments: [code, name, levelText, region.parentCode ?? "", RegionName.key(name)])
            // People leave out "Kabupaten" and "Kota": "Kutai Timur", "Balikpapan".
            for prefix in ["Kabupaten ", "Kota Administrasi ", "Kota "] where name.hasPrefix(prefix) {
                try alias.execute(arguments: [RegionName.key(String(name.dropFirst(prefix.count))), code])
                break
            }
        }
        guard let aliases else { return }
        try rows(of: aliases, columns: ["alias", "kode"]) { line, values in
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM region WHERE code = ?", arguments: [values[1]]) == true else {
                throw PantauError.badFile(path: aliases.lastPathComponent, line: line, message: "kode: \(values[1]) is not in the region list")
            }
            try alias.execute(arguments: [RegionName.key(values[0]), values[1]])
        }
    }

    /// The named columns of every row of a bundled CSV file.
    private static func rows(of url: URL, columns: [String], _ body: (Int, [String]) throws -> Void) throws {
        let reader = try DelimitedReader(path: url.path, forcedEncoding: .utf8)
        guard let header = try reader.nextRow()?.fields else { return }
        let indices = try columns.map { name in
            guard let i = header.firstIndex(of: name) else { throw PantauError.badFile(path: url.lastPathComponent, line: 1, message: "has no column \(name)") }
            return i
        }
        while let (line, fields) = try reader.nextRow() {
            guard fields.count >= header.count else {
                throw PantauError.badFile(path: url.lastPathComponent, line: line, message: "has \(fields.count) fields, not \(header.count)")
            }
            try body(line, indices.map { fields[$0] })
        }
    }
}
