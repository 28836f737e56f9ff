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

    /// The name as people write it: `UTF-8`, `Windows-1252`.
    public var displayName: String {
        switch self {
        case .utf8: "UTF-8"
        case .windows1252: "Windows-1252"
        }
    }
}

/// Decodes the fields of one file and decides its encoding on the way, in one pass over the whole file.
/// Until the first byte above 0x7F, UTF-8 and Windows-1252 read the same, so nothing needs deciding before that.
/// The rule: `--encoding` wins; a UTF-8 BOM means UTF-8; valid UTF-8 is UTF-8; a file without a single
/// well-formed multi-byte UTF-8 sequence is Windows-1252 (old Excel); a file with both is refused.
struct TextDecoder {
    enum Basis: Equatable { case forced(TextEncoding), byteOrderMark, content }

    /// Why a field cannot be decoded; LINE is the line of the first byte that is not UTF-8.
    enum Refusal: Error, Equatable {
        /// Given `--encoding utf-8`, or a UTF-8 BOM, and this is not UTF-8.
        case notUTF8(line: Int, basis: Basis)
        /// UTF-8 text (first on `utf8Line`) and bytes that are not UTF-8 (first on `line`) in one file.
        case mixed(line: Int, utf8Line: Int)

        package var line: Int {
            switch self {
            case .notUTF8(let line, _), .mixed(let line, _): line
            }
        }
    }

    let basis: Basis
    private var firstUTF8Line: Int?
    private var firstBadLine: Int?

    init(basis: Basis) { self.basis = basis }

    /// The encoding the file is read in, as far as it has been read.
    package var encoding: TextEncoding {
        switch basis {
        case .forced(let encoding): encoding
        case .byteOrderMark: .utf8
        case .content: firstBadLine == nil ? .utf8 : .windows1252
        }
    }

    /// A field's text; `line` is the line the field starts on (a quoted field may hold line breaks).
    mutating func decode(_ bytes: [UInt8], line: Int) throws(Refusal) -> String {
        if !bytes.contains(where: { $0 >= 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        if basis == .forced(.windows1252) { return Self.windows1252(bytes) }
        let (wellFormed, firstInvalid) = Self.scan(bytes)
        let badLine = firstInvalid.map { line + Self.lineBreaks(in: bytes[..<$0]) }
        if basis != .content {
            if let badLine { throw .notUTF8(line: badLine, basis: basis) }
            return String(decoding: bytes, as: UTF8.self)
        }
        if firstBadLine == nil { firstBadLine = badLine }
        if firstUTF8Line == nil && wellFormed { firstUTF8Line = line }
        if let bad = firstBadLine, let good = firstUTF8Line { throw .mixed(line: bad, utf8Line: good) }
        return firstBadLine == nil ? String(decoding: bytes, as: UTF8.self) : Self.windows1252(bytes)
    }

    /// Whether the bytes hold a well-formed multi-byte UTF-8 sequence, and where the first byte is that is not UTF-8.
    /// The whole field is looked at: UTF-8 after a stray byte in the same field still counts.
    static func scan(_ bytes: [UInt8]) -> (wellFormed: Bool, firstInvalid: Int?) {
        var wellFormed = false
        var firstInvalid: Int?
        var i = 0
        while i < bytes.count {
            if bytes[i] < 0x80 { i += 1; continue }
            let length = sequenceLength(bytes, at: i)
            if length == 0 {
                if firstInvalid == nil { firstInvalid = i }
                i += 1
                continue
            }
            wellFormed = true
            i += length
        }
        return (wellFormed, firstInvalid)
    }

    /// The length of the well-formed UTF-8 sequence starting at `i` (Unicode's table 3-7), or 0.
    static func sequenceLength(_ bytes: [UInt8], at i: Int) -> Int {
        let (length, second): (Int, ClosedRange<UInt8>)
        switch bytes[i] {
        case 0xC2...0xDF: (length, second) = (2, 0x80...0xBF)
        case 0xE0: (length, second) = (3, 0xA0...0xBF)
        case 0xE1...0xEC, 0xEE...0xEF: (length, second) = (3, 0x80...0xBF)
        case 0xED: (length, second) = (3, 0x80...0x9F)
        case 0xF0: (length, second) = (4, 0x90...0xBF)
        case 0xF1...0xF3: (length, second) = (4, 0x80...0xBF)
        case 0xF4: (length, second) = (4, 0x80...0x8F)
        default: return 0
        }
        guard i + length <= bytes.count, second.contains(bytes[i + 1]) else { return 0 }
        for j in 2..<length where !(0x80...0xBF).contains(bytes[i + j]) { return 0 }
        return length
    }

    /// Line breaks as an editor counts them: LF, CR LF, or a lone CR.
    static func lineBreaks(in bytes: ArraySlice<UInt8>) -> Int {
        var count = 0
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == 0x0A { count += 1 } else if previous == 0x0D { count += 1 }
            previous = byte
        }
        return previous == 0x0D ? count + 1 : count
    }

    static func windows1252(_ bytes: [UInt8]) -> String {
        String(String.UnicodeScalarView(bytes.map { windows1252Table[Int($0)] }))
    }

    /// Windows-1252 to Unicode: Latin-1, except 0x80–0x9F, which hold typographic characters.
    static let windows1252Table: [Unicode.Scalar] = (0..<256).map { byte -> Unicode.Scalar in
        let high: [UInt32] = [0x20AC, 0x81, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x8D, 0x017D, 0x8F,
                              0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x9D, 0x017E, 0x0178]
        return Unicode.Scalar((0x80..<0xA0).contains(byte) ? high[byte - 0x80] : UInt32(byte))!
    }
}
