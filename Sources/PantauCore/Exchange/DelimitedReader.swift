import Foundation

/// The character encodings office files come in.
public enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case windows1252 = "windows-1252"

    /// Accepts the usual spellings: `utf8`, `UTF-8`, `cp1252`, `latin1`, `windows-1252`.
    public init?(name: String) {
        switch name.lowercased().filter({ $0.isLetter || $0.isNumber }) {
        case "utf8": self = .utf8
        case "windows1252", "cp1252", "latin1", "iso88591", "ansi": self = .windows1252
        default: return nil
        }
    }
}

/// Reads CSV and other delimited text byte by byte, streaming, with the line each row starts on.
/// Written for this job rather than taken from a CSV package: it must sniff the delimiter and the encoding,
/// count lines the way an editor shows them (quoted newlines included), and keep up with SQLite's own import.
final class DelimitedReader {
    let path: String
    private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private(set) var encoding: TextEncoding = .utf8
    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var position = 0
    private var atEnd = false
    /// The line the next byte is on (the header is line 1).
    private var line = 1
    /// Bytes consumed so far, for progress.
    private(set) var bytesRead = 0
    private var field: [UInt8] = []

    let lang: Language

    init(path: String, forcedEncoding: TextEncoding?, lang: Language = .id) throws {
        self.path = path
        self.lang = lang
        func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportProblem.file(path: path, message: t("tidak dapat dibaca; periksa nama dan izin berkasnya", "cannot be read; check the name and the permissions"))
        }
        self.handle = handle
        try fill()
        let sample = buffer.prefix(1 << 16)
        if sample.starts(with: [0xFF, 0xFE]) || sample.starts(with: [0xFE, 0xFF]) {
            throw ImportProblem.file(path: path, message: t("berupa teks UTF-16; simpan sebagai CSV UTF-8 (Excel: \"CSV UTF-8\")", "is UTF-16 text; save it as CSV UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")"))
        }
        if sample.contains(0) {
            throw ImportProblem.file(path: path, message: t("bukan berkas teks (memuat byte NUL); berikan berkas .csv atau .xlsx", "is not a text file (it holds NUL bytes); give a .csv or .xlsx file"))
        }
        if sample.starts(with: [0xEF, 0xBB, 0xBF]) { position = 3 }
        encoding = forcedEncoding ?? (Self.isUTF8(Array(sample[position...])) ? .utf8 : .windows1252)
        delimiter = Self.sniffDelimiter(Array(sample[position...]))
    }

    /// The delimiter used most often outside quotes on the first line: comma, semicolon or tab.
    static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
        var counts: [UInt8: Int] = [UInt8(ascii: ","): 0, UInt8(ascii: ";"): 0, UInt8(ascii: "\t"): 0]
        var quoted = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if !quoted && (byte == 0x0A || byte == 0x0D) { break }
            if !quoted, counts[byte] != nil { counts[byte]! += 1 }
        }
        let best = counts.max { ($0.value, $0.key == UInt8(ascii: ",") ? 1 : 0) < ($1.value, $1.key == UInt8(ascii: ",") ? 1 : 0) }
        return best?.value ?? 0 > 0 ? best!.key : UInt8(ascii: ",")
    }

    /// Valid UTF-8, allowing a sequence cut off at the end of the sample.
    static func isUTF8(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length = b < 0x80 ? 1 : b >> 5 == 0b110 ? 2 : b >> 4 == 0b1110 ? 3 : b >> 3 == 0b11110 ? 4 : 0
            if length == 0 { return false }
            if i + length > bytes.count { return true }
            for j in 1..<length where bytes[i + j] >> 6 != 0b10 { return false }
            i += length
        }
        return true
    }

    private func fill() throws {
        guard !atEnd else { return }
        let chunk = try handle.read(upToCount: 1 << 20) ?? Data()
        if chunk.isEmpty { atEnd = true; return }
        if position > 0 { buffer.removeFirst(position); position = 0 }
        buffer.append(contentsOf: chunk)
    }

    private func next() throws -> UInt8? {
        if position >= buffer.count { try fill() }
        guard position < buffer.count else { return nil }
        defer { position += 1; bytesRead += 1 }
        return buffer[position]
    }

    private func peek() throws -> UInt8? {
        if position >= buffer.count { try fill() }
        return position < buffer.count ? buffer[position] : nil
    }

    /// The next row and the line it starts on, or nil at the end of the file. Blank lines are skipped.
    func nextRow() throws -> (line: Int, fields: [String])? {
        while true {
            let start = line
            var fields: [String] = []
            var quoted = false
            var fieldWasQuoted = false
            field.removeAll(keepingCapacity: true)
            var sawAnything = false
            while true {
                guard let byte = try next() else {
                    if !sawAnything { return nil }
                    if quoted { throw ImportProblem.row(path: path, line: start, column: nil, message: lang == .en ? "a quoted field is never closed; add the closing \" or remove the opening one" : "tanda kutip tidak pernah ditutup; tambahkan \" penutup atau hapus pembukanya") }
                    fields.append(try decode(field, line: start))
                    return (start, fields)
                }
                sawAnything = true
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if try peek() == UInt8(ascii: "\"") { _ = try next(); field.append(byte) } else { quoted = false }
                    } else {
                        if byte == 0x0A { line += 1 } else if byte == 0x0D, try peek() != 0x0A { line += 1 }
                        field.append(byte)
                    }
                } else if byte == delimiter {
                    fields.append(try decode(field, line: start))
                    field.removeAll(keepingCapacity: true)
                    fieldWasQuoted = false
                } else if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, try peek() == 0x0A { _ = try next() }
                    line += 1
                    fields.append(try decode(field, line: start))
                    break
                } else if byte == UInt8(ascii: "\"") && field.isEmpty && !fieldWasQuoted {
                    quoted = true
                    fieldWasQuoted = true
                } else {
                    field.append(byte)
                }
            }
            if fields.count == 1 && fields[0].isEmpty { continue }
            return (start, fields)
        }
    }

    private func decode(_ bytes: [UInt8], line: Int) throws -> String {
        switch encoding {
        case .utf8:
            guard let text = String(validating: bytes, as: UTF8.self) else {
                throw ImportProblem.row(path: path, line: line, column: nil, message: lang == .en
                    ? "is not valid UTF-8; save the file as CSV UTF-8 or give --encoding windows-1252"
                    : "bukan UTF-8 yang sah; simpan berkas sebagai CSV UTF-8 atau berikan --encoding windows-1252")
            }
            return text
        case .windows1252:
            return String(String.UnicodeScalarView(bytes.map { Self.windows1252[Int($0)] }))
        }
    }

    /// Windows-1252 to Unicode: Latin-1, except 0x80–0x9F, which hold typographic characters.
    static let windows1252: [Unicode.Scalar] = (0..<256).map { byte -> Unicode.Scalar in
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return Unicode.Scalar((0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte))!
    }
}
