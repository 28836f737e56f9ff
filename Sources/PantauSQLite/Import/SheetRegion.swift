import GRDB
import PantauCore

/// The region a sheet's name gives its rows, for workbooks kept as one sheet per kecamatan without a region column.
/// Only a kecamatan of the office's own kabupaten/kota (`pantau setting office_region`), named as the region lookup
/// compares names ("Kec. Bengalon" = "Bengalon", aliases too), and only when exactly one matches: never a guess.
enum SheetRegion {
    enum Lookup {
        case found(Region, label: String)
        case notAKecamatan(office: String)
        case noOffice
    }

    static func lookup(sheet: String, _ db: Database) throws -> Lookup {
        guard let office = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = 'office_region'"),
              let officeRegion = try Store.fetchRegion(db, code: office) else { return .noOffice }
        let key = RegionName.key(sheet)
        let codes = try String.fetchAll(db, sql: """
            SELECT code FROM region WHERE name_key = ?1 AND level = 'kecamatan' AND code LIKE ?2 || '.%'
            UNION SELECT a.code FROM region_alias a JOIN region r ON r.code = a.code
                  WHERE a.alias_key = ?1 AND r.level = 'kecamatan' AND a.code LIKE ?2 || '.%'
            """, arguments: [key, office])
        guard codes.count == 1, let region = try Store.fetchRegion(db, code: codes[0]) else { return .notAKecamatan(office: officeRegion.name) }
        return .found(region, label: try Store.label(db, code: region.code))
    }
}
