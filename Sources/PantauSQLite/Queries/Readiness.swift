import GRDB
import PantauCore

extension Store {
    /// The thresholds for an indicator in a region: its own, else the one for every kabupaten/kota.
    public func target(_ indicator: Indicator, for region: Region) throws -> Target? {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: """
                SELECT region_code, value, year, source FROM target WHERE indicator = ? AND region_code IN (?, '')
                ORDER BY region_code DESC LIMIT 1
                """, arguments: [indicator.rawValue, region.code]) else { return nil }
            return Target(regionCode: row["region_code"], indicator: indicator, value: row["value"], year: row["year"], source: row["source"])
        }
    }
}
