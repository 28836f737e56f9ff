import Foundation

/// Which store `--db` or `PANTAU_DB` names: a SQLite file or a PostgreSQL server.
///
/// The rule that tells them apart, so that no address is ever taken for a path by accident:
/// - `sqlite:PATH` is the file PATH (everything after the prefix, as written);
/// - `postgresql://…` or `postgres://…` (any letter case) is a PostgreSQL server;
/// - any other scheme — letters, then letters, digits, `+`, `-` or `.`, then `://` (`mysql://`, `file://`) — is refused;
/// - `postgresql:` or `postgres:` without `//` is refused too: it is a mistyped address far more often than a file name;
/// - anything else is a path, colons included: `./data:2023.db`, `db:1`, `C:kantor.db`.
public enum StoreAddress: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresAddress)

    /// Reads an address. `environment` supplies libpq's defaults for what a PostgreSQL URL leaves out (see
    /// `PostgresDefaults`); `loginName` is the last default for the user, as in libpq.
    public static func parse(_ text: String, environment: [String: String], loginName: String? = PostgresDefaults.loginName()) throws -> StoreAddress {
        if text.hasPrefix("sqlite:") {
            let path = text.dropFirst("sqlite:".count)
            guard !path.isEmpty else { throw PantauError.storeAddressSQLiteWithoutPath }
            return .sqlite(path: String(path))
        }
        if let scheme = scheme(of: text) {
            let lowered = scheme.lowercased()
            guard lowered == "postgresql" || lowered == "postgres" else { throw PantauError.storeAddressUnknownScheme(scheme: scheme) }
            let url = try PostgresURL.parse(text.dropFirst(scheme.count + 3))
            return .postgres(try PostgresDefaults(environment: environment, loginName: loginName).complete(url))
        }
        for scheme in ["postgresql:", "postgres:"] where text.lowercased().hasPrefix(scheme) {
            throw PantauError.storeAddressWithoutSlashes(scheme: String(text.prefix(scheme.count - 1)))
        }
        return .sqlite(path: text)
    }

    /// The scheme before `://`, when the text starts with one (RFC 3986's scheme characters).
    static func scheme(of text: String) -> String? {
        guard let range = text.range(of: "://") else { return nil }
        let scheme = text[..<range.lowerBound]
        guard let first = scheme.first, first.isASCII, first.isLetter,
              scheme.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }) else { return nil }
        return String(scheme)
    }
}

extension StoreAddress: CustomStringConvertible {
    /// The file's path, or the PostgreSQL URL without its password.
    public var description: String {
        switch self {
        case .sqlite(let path): path
        case .postgres(let address): address.description
        }
    }
}
