import PantauCore

/// The oldest server Pantau talks to, and the check made right after connecting.
public enum ServerVersion {
    /// PostgreSQL 13, the oldest release Pantau supports: the store's SQL must use nothing newer.
    public static let minimum = 130000

    /// Throws `postgresServerTooOld` naming the version found when `number` (`server_version_num`) is below `minimum`.
    public static func check(_ number: Int, server: String) throws {
        guard number < minimum else { return }
        throw PantauError.postgresServerTooOld(server: server, version: text(number), needed: "\(minimum / 10000)")
    }

    /// `server_version_num` as people write it: 150018 → "15.18", 130000 → "13.0", 90624 → "9.6.24" (before 10
    /// the second part was part of the major version).
    public static func text(_ number: Int) -> String {
        let major = number / 10000
        if major >= 10 { return "\(major).\(number % 10000)" }
        return "\(major).\(number / 100 % 100).\(number % 100)"
    }
}
