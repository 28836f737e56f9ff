import Foundation
import GRDB

/// Loads the Kemendagri region list and the short names people use for regions.
enum RegionLoader {
    static func load(_ regionsCSV: URL, aliases: URL?, into db: Database) throws {
        var rows = try CSVRows(regionsCSV)
        let insert = try db.makeStatement(sql: "INSERT INTO region(code, name, level, parent, name_key) VALUES (?, ?, ?, ?, ?)")
        let alias = try db.makeStatement(sql: "INSERT OR IGNORE INTO region_alias(alias_key, code) VALUES (?, ?)")
        while let row = rows.next() {
            let code = try rows.required(row, "kode")
            let name = try rows.required(row, "nama")
            let levelText = try rows.required(row, "tingkat")
            guard let level = RegionLevel(rawValue: levelText), level != .nasional, RegionLevel(code: code) == level else {
                throw rows.fail("tingkat: \"\(levelText)\" does not fit code \(code)")
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
        var aliasRows = try CSVRows(aliases)
        while let row = aliasRows.next() {
            let code = try aliasRows.required(row, "kode")
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM region WHERE code = ?", arguments: [code]) == true else {
                throw aliasRows.fail("kode: \(code) is not in the region list")
            }
            try alias.execute(arguments: [RegionName.key(try aliasRows.required(row, "alias")), code])
        }
    }
}
