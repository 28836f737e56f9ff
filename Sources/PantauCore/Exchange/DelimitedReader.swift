import Foundation

/// Reads CSV and other delimited text byte by byte, streaming, with the line each row starts on.
/// Written for this job rather than taken from a CSV package: it must sniff the delimiter, judge the encoding on the whole file,
/// count lines the way an editor shows them (quoted newlines included), and keep up with SQLite's own import.
/// A row (a line, or several when a quoted field holds line breaks) may be at most 64 KB, so that a hostile
/// or broken file fails at once instead of being read whole into memory.
package final class DelimitedReader {
    /// The longest row read, in bytes.
    static let maxRowBytes = 1 << 16

    package let path: String
    private(set) var delimiter: UInt8 = UInt8(ascii: ",")
    private var decoder = TextDecoder(basis: .content)
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

    package init(path: String, forcedEncoding: TextEncoding?, lang: Language = .id) throws {
        self.path = path
        self.lang = lang
        func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }  // self is not whole yet
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportProblem.file(path: path, message: t("tidak dapat dibaca; periksa nama dan izin berkasnya", "cannot be read; check the name and the permissions"))
        }
        self.handle = handle
        try fill()
        let unicode = buffer.starts(with: [0xFF, 0xFE, 0, 0]) || buffer.starts(with: [0, 0, 0xFE, 0xFF]) ? "UTF-32"
            : buffer.starts(with: [0xFF, 0xFE]) || buffer.starts(with: [0xFE, 0xFF]) ? "UTF-16" : nil
        if let unicode {
            throw ImportProblem.file(path: path, message: t("berupa teks \(unicode); simpan sebagai CSV UTF-8 (Excel: \"CSV UTF-8\")",
                                                            "is \(unicode) text; save it as CSV UTF-8 (Excel: \"CSV UTF-8 (Comma delimited)\")"))
        }
        let bom = buffer.starts(with: [0xEF, 0xBB, 0xBF])
        if bom { position = 3 }
        decoder = TextDecoder(basis: forcedEncoding.map { .forced($0) } ?? (bom ? .byteOrderMark : .content))
        delimiter = Self.sniffDelimiter(Array(buffer[position...].prefix(Self.maxRowBytes)))
    }

    /// The encoding the file is read in (decided as it is read: see `TextDecoder`).
    package var encoding: TextEncoding { decoder.encoding }

    /// The delimiter used most often outside quotes on the first line that holds at least two of one kind (title lines
    /// above an office's header hold none, or one comma in a sentence); else on the first line: comma, semicolon or tab.
    static func sniffDelimiter(_ bytes: [UInt8]) -> UInt8 {
        let candidates = [UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: "\t")]
        var counts = [0, 0, 0]
        var firstLine: [Int]?
        var quoted = false
        func most(_ counts: [Int]) -> UInt8 {
            // Ties go to the comma.
            let top = counts.indices.max { (counts[$0], $0 == 0 ? 1 : 0) < (counts[$1], $1 == 0 ? 1 : 0) }!
            return counts[top] > 0 ? candidates[top] : candidates[0]
        }
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { quoted.toggle(); continue }
            if !quoted && (byte == 0x0A || byte == 0x0D) {
                if counts.max()! >= 2 { return most(counts) }
                if firstLine == nil { firstLine = counts }
                counts = [0, 0, 0]
            } else if !quoted, let k = candidates.firstIndex(of: byte) {
                counts[k] += 1
            }
        }
        if counts.max()! >= 2 { return most(counts) }
        return most(firstLine ?? counts)
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

    /// Moves the bytes up to the next delimiter, line end, quote or NUL of the buffer into `field` in one step (at
    /// most `limit`); returns how many. Outside quotes they need no decision, and most bytes of a file are such.
    private func takePlainRun(upTo limit: Int) -> Int {
        let (start, delimiter) = (position, delimiter)
        let end = buffer.withUnsafeBufferPointer { bytes in
            var end = start
            let last = min(bytes.count, start + limit)
            while end < last {
                let byte = bytes[end]
                if byte == delimiter || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: "\"") || byte == 0 { break }
                end += 1
            }
            return end
        }
        guard end > start else { return 0 }
        field.append(contentsOf: buffer[start..<end])
        position = end
        bytesRead += end - start
        return end - start
    }

    /// The next row and the line it starts on, or nil at the end of the file. Blank lines are skipped.
    package func nextRow() throws -> (line: Int, fields: [String])? {
        while true {
            let start = line
            var fieldLine = line
            var fields: [String] = []
            var quoted = false
            var fieldWasQuoted = false
            field.removeAll(keepingCapacity: true)
            var rowBytes = 0
            while true {
                if !quoted {
                    rowBytes += takePlainRun(upTo: Self.maxRowBytes + 1 - rowBytes)
                    if rowBytes > Self.maxRowBytes { throw tooLong(start, quoted: quoted) }
                }
                guard let byte = try next() else {
                    if rowBytes == 0 { return nil }
                    if quoted { throw problem(start, t("tanda kutip tidak pernah ditutup; tambahkan \" penutup atau hapus pembukanya", "a quoted field is never closed; add the closing \" or remove the opening one")) }
                    fields.append(try decode(field, line: fieldLine))
                    return (start, fields)
                }
                rowBytes += 1
                if rowBytes > Self.maxRowBytes { throw tooLong(start, quoted: quoted) }
                if byte == 0 {
                    throw problem(line, t("memuat byte NUL, jadi bukan berkas teks; berikan berkas .csv atau .xlsx", "holds a NUL byte, so this is not a text file; give a .csv or .xlsx file"))
                }
                if quoted {
                    if byte == UInt8(ascii: "\"") {
                        if try peek() == UInt8(ascii: "\"") { _ = try next(); field.append(byte) } else { quoted = false }
                    } else {
                        if byte == 0x0A { line += 1 } else if byte == 0x0D, try peek() != 0x0A { line += 1 }
                        field.append(byte)
                    }
                } else if byte == delimiter {
                    fields.append(try decode(field, line: fieldLine))
                    field.removeAll(keepingCapacity: true)
                    fieldWasQuoted = false
                    fieldLine = line
                } else if byte == 0x0A || byte == 0x0D {
                    if byte == 0x0D, try peek() == 0x0A { _ = try next() }
                    line += 1
                    fields.append(try decode(field, line: fieldLine))
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

    private func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }

    private func problem(_ line: Int, _ message: String) -> ImportProblem {
        .row(path: path, line: line, column: nil, message: message)
    }

    private func tooLong(_ line: Int, quoted: Bool) -> ImportProblem {
        quoted
            ? problem(line, t("kolom bertanda kutip berlanjut lebih dari 64 KB; tanda \" penutupnya mungkin hilang",
                              "a quoted field runs on for more than 64 KB; its closing \" is probably missing"))
            : problem(line, t("baris lebih panjang dari 64 KB, batas Pantau untuk satu baris; periksa bahwa berkas ini tabel CSV",
                              "the line is longer than 64 KB, Pantau's limit for one line; check that the file is a CSV table"))
    }

    private func decode(_ bytes: [UInt8], line: Int) throws -> String {
        do {
            return try decoder.decode(bytes, line: line)
        } catch {
            throw problem(error.line, message(error))
        }
    }

    private func message(_ refusal: TextDecoder.Refusal) -> String {
        switch refusal {
        case .notUTF8(_, .byteOrderMark):
            return t("bukan UTF-8 yang sah, padahal berkas diawali tanda UTF-8 (BOM); simpan ulang sebagai CSV UTF-8, atau berikan --encoding windows-1252 bila berkas memang Windows-1252",
                     "is not valid UTF-8, though the file starts with a UTF-8 mark (BOM); save it again as CSV UTF-8, or give --encoding windows-1252 if it is Windows-1252")
        case .notUTF8:
            return t("bukan UTF-8 yang sah; simpan berkas sebagai CSV UTF-8 atau berikan --encoding windows-1252",
                     "is not valid UTF-8; save the file as CSV UTF-8 or give --encoding windows-1252")
        case .mixed(_, let utf8Line):
            return t("memuat byte yang bukan UTF-8, padahal berkas juga berisi teks UTF-8 (baris \(utf8Line)); simpan ulang sebagai CSV UTF-8, atau berikan --encoding windows-1252 untuk membaca semuanya sebagai Windows-1252",
                     "holds a byte that is not UTF-8, though the file also holds UTF-8 text (line \(utf8Line)); save it again as CSV UTF-8, or give --encoding windows-1252 to read it all as Windows-1252")
        }
    }
}
