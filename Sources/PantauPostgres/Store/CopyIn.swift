import NIOCore
import PantauCore
import PostgresNIO

extension PostgresConnection {
    /// Loads rows with `COPY … FROM STDIN`, the server's bulk path, in chunks of about 64 KiB; then moves the
    /// table's identity counter past them. Table and column names come from Pantau's own schema, never from a file.
    func copy(_ contents: TableContents) async throws {
        guard !contents.rows.isEmpty else { return }
        try await copyFrom(table: contents.table, columns: contents.columns, logger: PostgresStore.logger) { writer in
            var chunk = ByteBuffer()
            for row in contents.rows {
                chunk.writeString(CopyText.line(row))
                if chunk.readableBytes >= 65_536 {
                    try await writer.write(chunk)
                    chunk.clear()
                }
            }
            if chunk.readableBytes > 0 { try await writer.write(chunk) }
        }
        if let identity = contents.identity {
            try await run(PostgresQuery(unsafeSQL: """
                SELECT setval(pg_get_serial_sequence('\(contents.table)', '\(identity)'), (SELECT max(\(identity)) FROM \(contents.table)))
                """))
        }
    }
}

/// COPY's text format: fields split by tabs, `\N` for NULL, and a backslash before a backslash, tab or line end.
enum CopyText {
    static func line(_ fields: [String?]) -> String {
        fields.map { field in
            guard let field else { return "\\N" }
            // Most fields hold nothing to escape: checked on bytes, they go as they are.
            if !field.utf8.contains(where: { $0 == UInt8(ascii: "\\") || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) { return field }
            var escaped = ""
            for character in field.unicodeScalars {
                switch character {
                case "\\": escaped += "\\\\"
                case "\t": escaped += "\\t"
                case "\n": escaped += "\\n"
                case "\r": escaped += "\\r"
                default: escaped.unicodeScalars.append(character)
                }
            }
            return escaped
        }.joined(separator: "\t") + "\n"
    }
}
