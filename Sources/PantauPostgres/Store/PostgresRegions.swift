import PantauCore
import PostgresNIO

/// Regions come from the directory read at opening: no lookup waits on the network.
extension PostgresStore {
    public func region(code: String) async throws -> Region? { regions.region(code: code) }
    public func children(of code: String) async throws -> [Region] { regions.children(of: code) }
    public func resolveRegion(_ query: String) async throws -> Region { try regions.resolve(query) }
    public func label(_ region: Region) async throws -> String { regions.label(region) }

    /// Every region and alias of the database.
    static func readRegions(_ connection: PostgresConnection) async throws -> RegionDirectory {
        // As five arrays in one row (see ArrayColumn): every command on a server starts by reading the 7.800 regions.
        let columns = try await connection.rows("""
            SELECT array_agg(code) AS code, array_agg(name) AS name, array_agg(level) AS level, array_agg(parent) AS parent,
                   array_agg(name_key) AS name_key FROM region
            """) { row in
            (try row["code", as: ArrayColumn<String>?.self]?.values ?? [], try row["name", as: ArrayColumn<String>?.self]?.values ?? [],
             try row["level", as: ArrayColumn<String>?.self]?.values ?? [], try row["parent", as: ArrayColumn<String>?.self]?.values ?? [],
             try row["name_key", as: ArrayColumn<String>?.self]?.values ?? [])
        }.first ?? ([], [], [], [], [])
        let (codes, names, levels, parents, nameKeys) = columns
        guard [names.count, levels.count, parents.count, nameKeys.count].allSatisfy({ $0 == codes.count }) else {
            throw MalformedArray(reason: "the regions' columns differ in length")
        }
        let entries = codes.indices.map { i in
            RegionDirectory.Entry(region: Region(code: codes[i], name: names[i], level: RegionLevel(rawValue: levels[i]) ?? .kecamatan),
                                  parent: parents[i], nameKey: nameKeys[i])
        }
        let aliases = try await connection.rows("SELECT alias_key, code FROM region_alias") { row in
            (key: try row["alias_key", as: String.self], code: try row["code", as: String.self])
        }
        return RegionDirectory(entries: entries, aliases: aliases)
    }
}
