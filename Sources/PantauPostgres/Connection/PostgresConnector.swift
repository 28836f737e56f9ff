import Foundation
import PantauCore
import PostgresNIO

/// The one place a `PostgresAddress` becomes a live `PostgresConnection`: password lookup, TLS, the time limit,
/// the version check, and every failure turned into one `PantauError` sentence.
///
/// It hands out plain connections rather than a `PostgresClient` pool: a command needs one connection and the
/// dashboard two (queries, and one kept for LISTEN), and a pool would retry a refused login in the background
/// and report it only at the first query, where the sentence must come at once. Reconnecting after a lost
/// connection is the dashboard's decision, made by calling `connect()` again.
public struct PostgresConnector: Sendable {
    public let address: PostgresAddress
    private let environment: [String: String]
    private let warn: @Sendable (PasswordFileWarning) -> Void

    /// `environment` supplies `PGPASSWORD` and the password file's location; `warn` hears why a password file
    /// was passed over (open to others, not a file), as libpq warns.
    public init(address: PostgresAddress, environment: [String: String] = ProcessInfo.processInfo.environment,
                warn: @escaping @Sendable (PasswordFileWarning) -> Void = { _ in }) {
        self.address = address
        self.environment = environment
        self.warn = warn
    }

    /// A connection to a server of a supported version, logged in. Throws only `PantauError`. The caller
    /// closes it with `try await connection.close()`.
    public func connect() async throws -> PostgresConnection {
        let password = try PostgresPassword.find(for: address, environment: environment, warn: warn)?.password
        let settings = ConnectionSettings(address: address, password: password)
        let failure = ConnectionFailure(address: address, timeoutSeconds: settings.timeoutSeconds)
        let connection: PostgresConnection
        do {
            connection = try await PostgresConnection.connect(
                on: Self.eventLoops.any(), configuration: try settings.configuration(),
                id: 0, logger: Self.logger)
        } catch {
            throw failure.error(for: error)
        }
        do {
            try ServerVersion.check(try await versionNumber(of: connection), server: address.serverName)
            return connection
        } catch {
            try? await connection.close()
            throw failure.error(for: error)
        }
    }

    /// `server_version_num`, e.g. 150018 for 15.18.
    private func versionNumber(of connection: PostgresConnection) async throws -> Int {
        let rows = try await connection.query("SELECT current_setting('server_version_num')::int4", logger: Self.logger)
        for try await (number) in rows.decode(Int32.self) { return Int(number) }
        return 0
    }

    /// SwiftNIO's process-wide threads: started on first use, never shut down, shared with anything else
    /// in the process that uses NIO, so connections need no group of their own to stop.
    private static var eventLoops: any EventLoopGroup { MultiThreadedEventLoopGroup.singleton }

    /// postgres-nio logs through swift-log; at `.critical` nothing it says reaches the terminal the dashboard
    /// draws on (it logs nothing that severe), and failures arrive as errors instead. With no log to read,
    /// the connection id it asks for (log metadata only) is always 0.
    private static let logger: Logger = {
        var logger = Logger(label: "pantau.postgres")
        logger.logLevel = .critical
        return logger
    }()
}
