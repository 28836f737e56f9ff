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
        let entries = try await connection.rows("SELECT code, name, level, parent, name_key FROM region") { row in
            RegionDirectory.Entry(region: Region(code: try row["code"], name: try row["name"], level: RegionLevel(rawValue: try row["level"]) ?? .kecamatan),
                                  parent: try row["parent"], nameKey: try row["name_key"])
        }
        let aliases = try await connection.rows("SELECT alias_key, code FROM region_alias") { row in
            (key: try row["alias_key", as: String.self], code: try row["code", as: String.self])
        }
        return RegionDirectory(entries: entries, aliases: aliases)
    }
}
