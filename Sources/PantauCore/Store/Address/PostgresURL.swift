/// The parts written in a `postgresql://` or `postgres://` URL, decoded, before any default is applied.
/// The grammar is libpq's (its "Connection URIs" section), for the subset Pantau uses:
/// `postgresql://[user[:password]@][host][:port][/database][?name=value&...]`.
struct PostgresURL: Equatable {
    var user: String?
    var password: String?
    var host: PostgresAddress.Host?
    var port: Int?
    var database: String?
    var sslMode: String?
    var applicationName: String?
    var connectTimeout: Int?

    /// Query parameters Pantau understands: libpq's names. libpq refuses names it does not know; so does Pantau,
    /// and it refuses libpq's other options too rather than silently ignore, say, `sslrootcert`.
    static let parameterNames = ["host", "port", "dbname", "user", "password", "sslmode", "application_name", "connect_timeout"]

    /// `rest` is what follows `scheme://`.
    static func parse(_ rest: Substring) throws -> PostgresURL {
        var url = PostgresURL()
        // An `@` after the first `/` or `?` most likely ends a user name or password holding an unencoded `/` or `?`:
        // split there, part of the password would become the database or a parameter, and a message could show it.
        // It cannot be told from an `@` written in a later part, so the address is refused without quoting any of it.
        if let end = rest.firstIndex(where: { $0 == "/" || $0 == "?" }), rest[end...].contains("@") {
            throw PantauError.storeAddressUnencodedCredentials
        }
        let (beforeQuery, query) = split(rest, at: "?")
        let (authority, path) = split(beforeQuery, at: "/")

        // The last `@` ends the user part: an unencoded `@` in a password then stays in the password
        // instead of spilling into the host name (where a message might show it).
        var hostAndPort = authority
        if let at = authority.lastIndex(of: "@") {
            let credentials = authority[..<at]
            hostAndPort = authority[authority.index(after: at)...]
            let (user, password) = split(credentials, at: ":")
            url.user = try nonEmpty(decode(user, .user))
            if let password { url.password = try nonEmpty(decode(password, .password)) }
        }
        try url.readHostAndPort(hostAndPort)
        if let path { url.database = try nonEmpty(decode(path, .database)) }
        if let query { try url.readQuery(query) }
        return url
    }

    private mutating func readHostAndPort(_ text: Substring) throws {
        if text.contains(",") { throw PantauError.storeAddressSeveralHosts }
        var portText: Substring?
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw PantauError.storeAddressBadIPv6 }
            let inside = text[text.index(after: text.startIndex)..<close]
            let after = text[text.index(after: close)...]
            guard !inside.isEmpty, inside.allSatisfy({ $0.isHexDigit || $0 == ":" || $0 == "." }), inside.contains(":"),
                  after.isEmpty || after.hasPrefix(":") else { throw PantauError.storeAddressBadIPv6 }
            host = .ipv6(String(inside))
            if !after.isEmpty { portText = after.dropFirst() }
        } else {
            let (name, port) = Self.split(text, at: ":")
            host = try Self.nonEmpty(Self.decode(name, .host)).map(Self.host(named:))
            portText = port
        }
        if let portText, !portText.isEmpty { port = try Self.port(Self.decode(portText, .port), variable: nil) }
    }

    private mutating func readQuery(_ query: Substring) throws {
        // After `password=`, an unencoded `&` in the password makes its rest look like further parameters: from
        // there on, messages quote no name or value that is not one of libpq's words.
        var afterPassword = false
        for pair in query.split(separator: "&", omittingEmptySubsequences: true) {
            // Exactly one `=`: libpq refuses a parameter without one or with a second one (`=` in a value is `%3D`).
            let pieces = pair.split(separator: "=", omittingEmptySubsequences: false)
            // A name that does not decode is not shown: it is not a word.
            guard let name = PercentEncoding.decode(pieces[0]) else { throw PantauError.storeAddressBadPercentEncoding(part: .parameter(nil)) }
            let shownName = Self.parameterNames.contains(name) || (!afterPassword && Self.isPlainName(name)) ? name : nil
            guard pieces.count == 2 else { throw PantauError.storeAddressMalformedParameter(name: shownName) }
            guard Self.parameterNames.contains(name) else { throw PantauError.storeAddressUnknownParameter(name: shownName) }
            let value = try Self.decode(pieces[1], .parameter(name))
            if name == "password" { afterPassword = true }
            if name == "sslmode", afterPassword, !value.isEmpty, !Self.sslModeWords.contains(value) {
                throw PantauError.storeAddressUnknownSSLMode(mode: nil, variable: nil)
            }
            // As in libpq, a parameter overrides what the authority said, and an empty value means "not given".
            switch name {
            case "host": host = Self.nonEmpty(value).map(Self.host(named:))
            case "port": port = value.isEmpty ? nil : try Self.port(value, variable: nil)
            case "dbname": database = Self.nonEmpty(value)
            case "user": user = Self.nonEmpty(value)
            case "password": password = Self.nonEmpty(value)
            case "sslmode": sslMode = Self.nonEmpty(value)
            case "application_name": applicationName = Self.nonEmpty(value)
            default:
                if value.isEmpty { connectTimeout = nil; continue }
                guard value.count <= 9, value.allSatisfy({ $0.isASCII && $0.isNumber }), let seconds = Int(value) else {
                    throw PantauError.storeAddressBadConnectTimeout
                }
                connectTimeout = seconds
            }
        }
    }

    /// The `sslmode` values a message may quote; `PostgresDefaults` says which of them Pantau accepts.
    static let sslModeWords: Set<String> = ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"]

    /// A parameter name a message may quote: lower-case letters and `_`, as libpq's names are, at most 40.
    static func isPlainName(_ name: String) -> Bool {
        (1...40).contains(name.count) && name.allSatisfy { ("a"..."z").contains($0) || $0 == "_" }
    }

    /// A host written as a path is a socket folder (libpq's rule for `host=` and for `%2F…` in the authority);
    /// one with a colon can only be an IPv6 address (a query parameter carries it without brackets).
    static func host(named name: String) -> PostgresAddress.Host {
        if name.hasPrefix("/") { return .socketDirectory(name) }
        return name.contains(":") ? .ipv6(name) : .name(name)
    }

    /// A port: digits only, 1–65535. `variable` names the environment variable it came from, if any.
    static func port(_ text: String, variable: String?) throws -> Int {
        guard (1...5).contains(text.count), text.allSatisfy({ $0.isASCII && $0.isNumber }),
              let number = Int(text), (1...65535).contains(number) else { throw PantauError.storeAddressBadPort(variable: variable) }
        return number
    }

    private static func decode(_ text: Substring, _ part: StoreAddressPart) throws -> String {
        guard let decoded = PercentEncoding.decode(text) else { throw PantauError.storeAddressBadPercentEncoding(part: part) }
        return decoded
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }

    private static func split(_ text: Substring, at separator: Character) -> (Substring, Substring?) {
        guard let index = text.firstIndex(of: separator) else { return (text, nil) }
        return (text[..<index], text[text.index(after: index)...])
    }
}
