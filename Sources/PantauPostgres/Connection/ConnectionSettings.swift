import PantauCore
import PostgresNIO

/// What postgres-nio needs to reach the server an address names, and nothing else decided anywhere else.
struct ConnectionSettings {
    /// libpq waits as long as the system does; a dashboard on a field officer's link must not, so without
    /// `connect_timeout` a silent server is given up after this many seconds.
    static let defaultTimeout = 5
    /// `connect_timeout=0` means "no limit of Pantau's own" as in libpq; the system gives up on a TCP connection
    /// after about two minutes anyway.
    static let unlimitedTimeout = 130
    /// How the connection appears in the server's `pg_stat_activity` when the address names no application.
    static let fallbackApplicationName = "pantau"

    let address: PostgresAddress
    let password: Secret?

    /// The seconds allowed for reaching the server, TLS and logging in, together.
    var timeoutSeconds: Int {
        switch address.connectTimeout {
        case nil: Self.defaultTimeout
        case 0?: Self.unlimitedTimeout
        case let seconds?: seconds
        }
    }

    func configuration() throws -> PostgresConnection.Configuration {
        var configuration: PostgresConnection.Configuration
        switch address.host {
        case .name(let host), .ipv6(let host):
            configuration = .init(host: host, port: address.port, username: address.user, password: password?.revealed,
                                  database: address.database, tls: try tls())
        case .socketDirectory:
            // libpq never uses TLS over a unix socket: the bytes do not leave the machine.
            configuration = .init(unixSocketPath: address.socketPath ?? "", username: address.user,
                                  password: password?.revealed, database: address.database)
        }
        configuration.options.connectTimeout = .seconds(Int64(timeoutSeconds))
        configuration.options.additionalStartupParameters = [
            ("application_name", address.applicationName ?? Self.fallbackApplicationName),
        ]
        return configuration
    }

    /// libpq's meaning of the modes: `prefer` tries TLS and goes on in plain text when the server has none;
    /// `require` insists on TLS but, like libpq, does not check the certificate (that is `verify-ca`/`verify-full`).
    private func tls() throws -> PostgresConnection.Configuration.TLS {
        switch address.sslMode {
        case .disable: return .disable
        case .prefer: return .prefer(try Self.unverifiedContext())
        case .require: return .require(try Self.unverifiedContext())
        }
    }

    private static func unverifiedContext() throws -> NIOSSLContext {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none
        return try NIOSSLContext(configuration: tls)
    }
}
