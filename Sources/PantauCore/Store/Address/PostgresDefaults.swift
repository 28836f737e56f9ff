import Foundation

/// What libpq takes from the environment when a URL leaves a part out. Pantau honours the same variables for
/// the same parts: `PGUSER` (else the login name), `PGHOST` (else the socket folder `/var/run/postgresql`),
/// `PGPORT` (else 5432), `PGDATABASE` (else the user name), `PGSSLMODE` (else `prefer`); `PGPASSWORD` and
/// `PGPASSFILE` are read by `PostgresPassword`. An empty variable counts as unset. Others (`PGHOSTADDR`,
/// `PGSERVICE`, `PGSSLROOTCERT`, …) are not read.
public struct PostgresDefaults: Sendable {
    let environment: [String: String]
    let loginName: String?

    init(environment: [String: String], loginName: String?) {
        self.environment = environment
        self.loginName = loginName
    }

    /// The name of the account this process runs as, which libpq uses when nothing names a user.
    public static func loginName() -> String? {
        guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return nil }
        return String(cString: name)
    }

    /// The URL's parts, with the environment's and libpq's defaults where it is silent.
    func complete(_ url: PostgresURL) throws -> PostgresAddress {
        guard let user = url.user ?? variable("PGUSER") ?? loginName.flatMap({ $0.isEmpty ? nil : $0 }) else {
            throw PantauError.storeAddressNoUser
        }
        var host = url.host
        if host == nil, let variable = variable("PGHOST") {
            if variable.contains(",") { throw PantauError.storeAddressSeveralHosts }
            host = PostgresURL.host(named: variable)
        }
        var port = url.port
        if port == nil, let variable = variable("PGPORT") { port = try PostgresURL.port(variable, variable: "PGPORT") }
        return PostgresAddress(
            user: user, password: url.password.map(Secret.init),
            host: host ?? .socketDirectory(PostgresAddress.defaultSocketDirectory), port: port ?? PostgresAddress.defaultPort,
            database: url.database ?? variable("PGDATABASE") ?? user,
            sslMode: try sslMode(url.sslMode.map { ($0, nil) } ?? variable("PGSSLMODE").map { ($0, "PGSSLMODE") }),
            applicationName: url.applicationName, connectTimeout: url.connectTimeout)
    }

    private func sslMode(_ given: (text: String, variable: String?)?) throws -> PostgresAddress.SSLMode {
        guard let given else { return .prefer }
        if let mode = PostgresAddress.SSLMode(rawValue: given.text) { return mode }
        if given.text == "verify-ca" || given.text == "verify-full" { throw PantauError.storeAddressSSLModeNotSupported(mode: given.text) }
        throw PantauError.storeAddressUnknownSSLMode(mode: given.text, variable: given.variable)
    }

    private func variable(_ name: String) -> String? {
        guard let value = environment[name], !value.isEmpty else { return nil }
        return value
    }
}
