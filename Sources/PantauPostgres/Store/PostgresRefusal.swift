import PantauCore
import PostgresNIO

/// What the server said when it refused a statement, as a sentence. Rights are refused by the server itself
/// (SQLSTATE 42501, or a row-level security policy); the sentence names the right that was missing.
enum PostgresRefusal {
    static func sentence(for error: any Error, store: String) -> PantauError {
        if let error = error as? PantauError { return error }
        guard let error = error as? PSQLError else { return .serverRefused(store: store, reason: "\(error)") }
        switch error.code {
        case .server:
            let state = error.serverInfo?[.sqlState] ?? ""
            let message = error.serverInfo?[.message] ?? ""
            return .serverRefused(store: store, reason: state.isEmpty ? message : "\(message) (SQLSTATE \(state))")
        case .serverClosedConnection, .connectionError, .uncleanShutdown:
            return .serverConnectionLost(store: store)
        default:
            return .serverRefused(store: store, reason: error.code.description)
        }
    }
}
