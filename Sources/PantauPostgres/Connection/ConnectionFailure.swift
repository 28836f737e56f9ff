import Foundation
import PantauCore
import PostgresNIO

/// Turns whatever postgres-nio or SwiftNIO throws while connecting into the one `PantauError` sentence that says
/// what went wrong and what to do. `PSQLError` hides its details in `description` on purpose, so the mapping
/// reads its `code`, the server's SQLSTATE and routine, and the errno of the socket call underneath.
struct ConnectionFailure {
    let address: PostgresAddress
    let timeoutSeconds: Int

    func error(for error: any Error) -> PantauError {
        switch error {
        case let error as PantauError: return error
        case let error as PSQLError: return psqlError(error)
        default: return transportError(error)
        }
    }

    private var server: String { address.serverName }

    private func psqlError(_ error: PSQLError) -> PantauError {
        switch error.code {
        case .server:
            let info = error.serverInfo
            return serverRefusal(sqlState: info?[.sqlState] ?? "", routine: info?[.routine] ?? "", message: info?[.message] ?? "")
        case .sslUnsupported:
            return .postgresServerWithoutTLS(server: server)
        case .authMechanismRequiresPassword:
            return .postgresPasswordNeeded(server: server, user: address.user)
        case .unsupportedAuthMechanism:
            return .postgresUnsupportedAuthentication(server: server, user: address.user)
        case .saslError:
            return .postgresConnectionFailed(server: server, reason: "SCRAM")
        case .connectionError:
            return error.underlying.map(transportError) ?? .postgresConnectionFailed(server: server, reason: "connection error")
        case .serverClosedConnection, .uncleanShutdown:
            return .postgresConnectionFailed(server: server, reason: "the server closed the connection before the login ended")
        default:
            return .postgresConnectionFailed(server: server, reason: error.code.description)
        }
    }

    /// The server's own refusal. Routine names are not translated, unlike the messages, so they tell apart the
    /// refusals that share SQLSTATE 28000: a pg_hba.conf rule (`ClientAuthentication`) and the role
    /// (`InitializeSessionUserId`: missing, or not allowed to log in).
    func serverRefusal(sqlState: String, routine: String, message: String) -> PantauError {
        switch sqlState {
        case "28P01":
            return .postgresPasswordWrong(server: server, user: address.user)
        case "3D000":
            return .postgresUnknownDatabase(server: server, database: address.database)
        case "42501":
            return .postgresConnectDenied(server: server, user: address.user, database: address.database)
        case "53300":
            return .postgresTooManyConnections(server: server)
        case "57P03":
            return .postgresNotReady(server: server)
        case "28000" where routine == "ClientAuthentication":
            // A hostssl-only rule: the server's words end with "no encryption", or the address turned TLS off.
            if message.hasSuffix("no encryption") || address.sslMode == .disable {
                return .postgresEncryptionRequired(server: server, user: address.user, database: address.database)
            }
            return .postgresNoAccessRule(server: server, user: address.user, database: address.database)
        case "28000" where routine == "InitializeSessionUserId" && message.contains("not permitted to log in"):
            return .postgresRoleCannotLogIn(server: server, user: address.user)
        case "28000" where routine == "InitializeSessionUserId":
            return .postgresUnknownRole(server: server, user: address.user)
        default:
            return .postgresConnectionFailed(server: server, reason: "SQLSTATE \(sqlState): \(message)")
        }
    }

    /// Failures below PostgreSQL: name lookup, the socket, the clock, TLS.
    private func transportError(_ error: any Error) -> PantauError {
        switch error {
        case ChannelError.connectTimeout:
            return .postgresTimeout(server: server, seconds: timeoutSeconds)
        case let error as NIOConnectionError:
            if error.connectionErrors.isEmpty, error.dnsAError != nil || error.dnsAAAAError != nil {
                return .postgresHostUnknown(host: error.host)
            }
            // Every address of the host failed; the first failure speaks for them.
            return error.connectionErrors.first.map { transportError($0.error) }
                ?? .postgresConnectionFailed(server: server, reason: "no address to connect to")
        case let error as IOError:
            return socketError(errno: error.errnoCode)
        case let error as NIOSSLError:
            return .postgresConnectionFailed(server: server, reason: "TLS: \(Self.tlsReason(error))")
        default:
            return .postgresConnectionFailed(server: server, reason: String(describing: type(of: error)))
        }
    }

    private func socketError(errno code: CInt) -> PantauError {
        switch code {
        case ECONNREFUSED:
            return .postgresRefused(server: server)
        case ENOENT where address.socketPath != nil:
            return .postgresSocketMissing(socket: server)
        case ETIMEDOUT:
            return .postgresTimeout(server: server, seconds: timeoutSeconds)
        default:
            return .postgresConnectionFailed(server: server, reason: String(cString: strerror(code)))
        }
    }

    /// The name of the TLS failure, without the certificate or buffer dumps some cases carry.
    private static func tlsReason(_ error: NIOSSLError) -> String {
        String(describing: error).prefix { $0 != "(" }.description
    }
}
