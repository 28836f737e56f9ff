/// libpq's password file (`~/.pgpass`, or the file `PGPASSFILE` names), read the way libpq reads it:
/// lines `hostname:port:database:username:password`; `*` in one of the first four fields matches anything;
/// `\:` and `\\` stand for `:` and `\`; lines starting with `#` are comments; the first matching line wins.
public struct PasswordFile: Sendable, Equatable {
    /// No password file is this large; a bigger one is the wrong file (a log, a device), so it is refused
    /// before it can fill memory. The same for one line.
    public static let byteLimit = 1 << 20
    public static let lineByteLimit = 1 << 16

    enum Field: Sendable, Equatable {
        case any
        case exactly(String)

        func matches(_ value: String) -> Bool {
            switch self {
            case .any: true
            case .exactly(let text): text == value
            }
        }
    }

    struct Entry: Sendable, Equatable {
        var host, port, database, user: Field
        var password: String
    }

    let entries: [Entry]

    /// Reads the lines of a password file; `path` only names it in messages. A line with fewer than five fields
    /// matches nothing, as in libpq.
    public init(text: String, path: String) throws {
        var entries: [Entry] = []
        var lineNumber = 0
        // "\r\n" is one Character in Swift, so it is a line end of its own.
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" }) {
            lineNumber += 1
            guard rawLine.utf8.count <= Self.lineByteLimit else { throw PantauError.passwordFileLineTooLong(path: path, line: lineNumber) }
            let line = rawLine.hasSuffix("\r") ? rawLine.dropLast() : rawLine
            if line.isEmpty || line.hasPrefix("#") { continue }
            let fields = Self.fields(of: line)
            guard fields.count >= 5 else { continue }
            entries.append(Entry(host: fields[0].field, port: fields[1].field, database: fields[2].field, user: fields[3].field,
                                 password: fields[4].text))
        }
        self.entries = entries
    }

    /// The password of the first line that matches the connection, if any. For a unix-socket connection libpq
    /// looks for the host name `localhost` when the socket is in the default folder, and for the folder's path otherwise.
    public func password(for address: PostgresAddress) -> String? {
        let host: String
        switch address.host {
        case .name(let name): host = name
        case .ipv6(let ip): host = ip
        case .socketDirectory(let directory): host = directory == PostgresAddress.defaultSocketDirectory ? "localhost" : directory
        }
        let port = String(address.port)
        let entry = entries.first {
            $0.host.matches(host) && $0.port.matches(port) && $0.database.matches(address.database) && $0.user.matches(address.user)
        }
        return entry.flatMap { $0.password.isEmpty ? nil : $0.password }
    }

    /// Splits a line at unescaped colons and removes the escapes. A field written as a bare `*` is the wildcard;
    /// `\*` is a literal star, as libpq tests for the wildcard before it removes escapes.
    private static func fields(of line: Substring) -> [(text: String, field: Field)] {
        var fields: [(String, Field)] = []
        var text = ""
        var bare = ""
        var escaping = false
        func finish() { fields.append((text, bare == "*" ? .any : .exactly(text))); text = ""; bare = "" }
        for character in line {
            if escaping {
                text.append(character); bare.append("\\"); bare.append(character); escaping = false
            } else if character == "\\" {
                escaping = true
            } else if character == ":" {
                finish()
            } else {
                text.append(character); bare.append(character)
            }
        }
        finish()
        return fields
    }
}
