import CSV
import Foundation

/// Reads a UTF-8 CSV file with a header row, one row at a time, as column-name → value.
struct CSVRows: Sequence, IteratorProtocol {
    let url: URL
    let header: [String]
    private let reader: CSVReader
    /// The line of the last row returned, the header being line 1.
    private(set) var line = 1

    init(_ url: URL) throws {
        guard let stream = InputStream(url: url) else {
            throw PantauError.badFile(path: url.path, line: 0, message: "cannot be read")
        }
        do {
            reader = try CSVReader(stream: stream, hasHeaderRow: true, trimFields: false)
        } catch {
            throw PantauError.badFile(path: url.path, line: 1, message: "is not a CSV file (\(error))")
        }
        header = (reader.headerRow ?? []).map { $0.replacingOccurrences(of: "\u{FEFF}", with: "") }
        self.url = url
    }

    mutating func next() -> [String: String]? {
        guard let fields = reader.next() else { return nil }
        line += 1
        var row: [String: String] = [:]
        for (name, value) in zip(header, fields) { row[name] = value }
        return row
    }

    func fail(_ message: String) -> PantauError {
        .badFile(path: url.lastPathComponent, line: line, message: message)
    }

    func required(_ row: [String: String], _ column: String) throws -> String {
        guard let value = row[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else {
            throw fail("\(column): is empty; every row needs a value here")
        }
        return value
    }

    func optional(_ row: [String: String], _ column: String) -> String? {
        guard let value = row[column]?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    func int(_ row: [String: String], _ column: String) throws -> Int? {
        guard let text = optional(row, column) else { return nil }
        guard let value = Int(text) else { throw fail("\(column): \"\(text)\" is not a whole number") }
        return value
    }
}
