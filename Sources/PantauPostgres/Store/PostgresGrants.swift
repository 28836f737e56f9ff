import PantauCore
import PostgresNIO

/// `pantau grant` and `pantau revoke`: the database's owner gives an officer's login the right to read, or to read
/// and change the records of one region and its children. The server keeps the rights (roles, row-level security).
extension PostgresStore {
    public func grant(_ login: String, role: OfficeGrant.Role, region: String?) async throws {
        try await requireLogin(login)
        let code = try region.map { try regions.resolve($0).code }
        try await write { connection in
            try await connection.run("SELECT pantau_grant(\(login), \(role.rawValue), \(code))")
        }
    }

    /// False when the login had no rights here (nothing is written then).
    public func revoke(_ login: String) async throws -> Bool {
        try await requireLogin(login)
        return try await write { connection in
            try await connection.rows("SELECT pantau_revoke(\(login)) AS revoked") { try $0["revoked", as: Bool.self] }.first ?? false
        }
    }

    public func grants() async throws -> [OfficeGrant] {
        try await rows(PostgresQuery(unsafeSQL: PostgresRights.list)) { row in
            OfficeGrant(login: try row["login"], role: OfficeGrant.Role(rawValue: try row["role"]) ?? .viewer,
                        regionCode: try row["region_code"], regionName: try row["region_name"],
                        grantedAt: try row["granted_at"], grantedBy: try row["granted_by"])
        }
    }

    private func requireLogin(_ login: String) async throws {
        let canLogIn = try await row("SELECT rolcanlogin FROM pg_roles WHERE rolname = \(login)") { try $0["rolcanlogin", as: Bool.self] }
        switch canLogIn {
        case nil: throw PantauError.unknownLogin(login: Excerpt.of(login))
        case false?: throw PantauError.notALogin(login: Excerpt.of(login))
        case true?: break
        }
    }
}
