import Foundation

/// The formats `pantau export` writes.
public enum ExportFormat: String, Sendable, CaseIterable {
    case csv, xlsx, markdown, json
    /// A one-page report with charts (report only).
    case html
}

/// Receives an exported table: the header once, then the rows, in a stable order.
public protocol TableSink: AnyObject, Sendable {
    func header(_ columns: [String]) throws
    func row(_ fields: [String]) throws
    func finish() throws
}



/// CSV: UTF-8, canonical header, plain numbers.
public final class CSVSink: TableSink, @unchecked Sendable {
    let writer: CSVWriter
    public init(_ writer: CSVWriter) { self.writer = writer }
    public func header(_ columns: [String]) throws { writer.write(columns) }
    public func row(_ fields: [String]) throws { writer.write(fields) }
    public func finish() throws { writer.flush() }
}

/// JSON: an array of objects keyed by the canonical column names, all values as text.
public final class JSONSink: TableSink, @unchecked Sendable {
    let handle: FileHandle
    private var columns: [String] = []
    private var first = true
    public init(_ handle: FileHandle) { self.handle = handle }
    public func header(_ columns: [String]) throws { self.columns = columns; handle.write(Data("[".utf8)) }
    public func row(_ fields: [String]) throws {
        var object = "{"
        for (i, (name, value)) in zip(columns, fields).enumerated() {
            object += (i > 0 ? ", " : "") + Self.quote(name) + ": " + Self.quote(value)
        }
        handle.write(Data(((first ? "\n  " : ",\n  ") + object + "}").utf8))
        first = false
    }
    public func finish() throws { handle.write(Data((first ? "]\n" : "\n]\n").utf8)) }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 { out += String(format: "\\u%04x", scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}

/// Markdown: a table for people (the values as stored, Indonesian text).
public final class MarkdownSink: TableSink, @unchecked Sendable {
    let handle: FileHandle
    public init(_ handle: FileHandle) { self.handle = handle }
    public func header(_ columns: [String]) throws {
        handle.write(Data(("| " + columns.joined(separator: " | ") + " |\n|" + columns.map { _ in " --- |" }.joined() + "\n").utf8))
    }
    public func row(_ fields: [String]) throws {
        handle.write(Data(("| " + fields.map { TerminalSafe.text($0).replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n").utf8))
    }
    public func finish() throws {}
}
