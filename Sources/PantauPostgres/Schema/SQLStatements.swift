import Foundation

/// Splits a migration's SQL into single statements: postgres-nio sends each query as a prepared statement, which
/// holds one command. Semicolons inside quotes, dollar-quoted bodies (`$$ … $$`, `$tag$ … $tag$`) and `--` comments
/// do not split.
enum SQLStatements {
    static func split(_ sql: String) -> [String] {
        var statements: [String] = []
        var current = ""
        let chars = Array(sql)
        var i = 0
        var dollarTag: String?
        var inQuote = false
        while i < chars.count {
            let c = chars[i]
            if let tag = dollarTag {
                if c == "$", String(chars[i..<min(chars.count, i + tag.count)]) == tag {
                    current += tag
                    i += tag.count
                    dollarTag = nil
                    continue
                }
            } else if inQuote {
                if c == "'" { inQuote = false }
            } else if c == "'" {
                inQuote = true
            } else if c == "-", i + 1 < chars.count, chars[i + 1] == "-" {
                while i < chars.count, chars[i] != "\n" { i += 1 }
                continue
            } else if c == "$", let end = chars[(i + 1)...].firstIndex(where: { !($0.isLetter || $0.isNumber || $0 == "_") }), chars[end] == "$" {
                let tag = String(chars[i...end])
                dollarTag = tag
                current += tag
                i = end + 1
                continue
            } else if c == ";" {
                let statement = current.trimmingCharacters(in: .whitespacesAndNewlines)
                if !statement.isEmpty { statements.append(statement) }
                current = ""
                i += 1
                continue
            }
            current.append(c)
            i += 1
        }
        let last = current.trimmingCharacters(in: .whitespacesAndNewlines)
        if !last.isEmpty { statements.append(last) }
        return statements
    }
}
