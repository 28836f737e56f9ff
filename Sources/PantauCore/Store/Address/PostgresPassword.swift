import Foundation

/// Where a PostgreSQL password comes from, in libpq's order: the URL, else `PGPASSWORD`, else the password file.
public enum PostgresPassword {
    public enum Source: Sendable, Equatable {
        case url
        case environment
        case file(path: String)
    }

    /// The password for `address`, and where it was found; nil when none is given anywhere (the server may not
    /// need one). `warn` hears, in one sentence each, why a password file was passed over.
    public static func find(for address: PostgresAddress, environment: [String: String],
                            warn: (PasswordFileWarning) -> Void) throws -> (password: Secret, source: Source)? {
        if let password = address.password { return (password, .url) }
        if let password = environment["PGPASSWORD"], !password.isEmpty { return (Secret(password), .environment) }
        let path = passwordFilePath(environment: environment)
        guard let text = try readPasswordFile(at: path, warn: warn),
              let password = try PasswordFile(text: text, path: path).password(for: address) else { return nil }
        return (Secret(password), .file(path: path))
    }

    /// `PGPASSFILE`, else `.pgpass` in the home folder.
    public static func passwordFilePath(environment: [String: String]) -> String {
        if let file = environment["PGPASSFILE"], !file.isEmpty { return file }
        let home = environment["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()
        return (home.hasSuffix("/") ? home : home + "/") + ".pgpass"
    }

    /// The file's text, or nil when it is missing or unreadable (silently, as in libpq), not a plain file, or open
    /// to the group or others (with a warning, as in libpq). Its size is checked while reading, never trusted
    /// from `stat`, and O_NONBLOCK keeps a named pipe from hanging the command.
    static func readPasswordFile(at path: String, warn: (PasswordFileWarning) -> Void) throws -> String? {
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else { return nil }
        guard status.st_mode & S_IFMT == S_IFREG else { warn(.notAFile(path: path)); return nil }
        guard status.st_mode & (S_IRWXG | S_IRWXO) == 0 else { warn(.openToOthers(path: path)); return nil }

        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            bytes.append(contentsOf: buffer[..<count])
            guard bytes.count <= PasswordFile.byteLimit else { throw PantauError.passwordFileTooLarge(path: path) }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

/// Why a password file was passed over. A warning, not an error: libpq then goes on without the file, and so does Pantau.
public enum PasswordFileWarning: Sendable, Equatable {
    case openToOthers(path: String)
    case notAFile(path: String)

    public func message(_ lang: Language) -> String {
        let strings = Strings(lang)
        switch self {
        case .openToOthers(let path): return TerminalSafe.text(strings.passwordFileOpenToOthers(path))
        case .notAFile(let path): return TerminalSafe.text(strings.passwordFileNotAFile(path))
        }
    }
}
