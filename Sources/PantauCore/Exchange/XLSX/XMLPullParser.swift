import Foundation

/// A small pull parser for the XML parts of a workbook, fed a chunk of bytes at a time. It keeps at most one tag
/// and one piece of text in memory, checks that the document is well-formed and complete, and refuses what a
/// workbook never holds: a DTD, entities other than the five predefined ones, absurd nesting, endless tags.
struct XMLPullParser {
    enum Event { case start, end, text, endOfDocument }

    /// The local name (without prefix) of the element just started or ended.
    private(set) var name: [UInt8] = []
    /// The attributes of the element just started, by qualified name, their entities decoded.
    private(set) var attributes: [(name: [UInt8], value: [UInt8])] = []
    /// A piece of text, its entities decoded; a long text comes in several pieces.
    private(set) var text: [UInt8] = []

    let part: String
    private let source: () throws -> [UInt8]?
    private var buffer: [UInt8] = []
    private var position = 0
    private var open: [[UInt8]] = []
    private var names: [[UInt8]] = []
    private var closeSelfClosing = false
    private var rootSeen = false
    private var sourceEnded = false
    private static let textPiece = 64 * 1024

    init(part: String, source: @escaping () throws -> [UInt8]?) {
        self.part = part
        self.source = source
    }

    var depth: Int { open.count }

    /// The value of the attribute with this qualified name.
    func attribute(_ qualified: [UInt8]) -> [UInt8]? { attributes.first { $0.name == qualified }?.value }

    mutating func next() throws -> Event {
        if closeSelfClosing {
            closeSelfClosing = false
            name = XMLBytes.local(open.removeLast())
            return .end
        }
        while true {
            guard let byte = try peek() else {
                guard rootSeen, open.isEmpty else { throw XLSXFault.truncated(part) }
                return .endOfDocument
            }
            if byte != UInt8(ascii: "<") {
                try readText()
                if open.isEmpty {
                    // Outside the root only white space (and a byte order mark at the start) may stand.
                    let blank = text.allSatisfy { $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }
                    let bom = !rootSeen && text.starts(with: [0xEF, 0xBB, 0xBF]) && text.dropFirst(3).allSatisfy { $0 <= 0x20 }
                    guard blank || bom else { throw malformed("ada teks di luar elemen akar", "text outside the root element") }
                    continue
                }
                return .text
            }
            position += 1
            switch try peek() {
            case UInt8(ascii: "/")?:
                position += 1
                return try readEndTag()
            case UInt8(ascii: "?")?:
                try skip(until: Array("?>".utf8))
            case UInt8(ascii: "!")?:
                position += 1
                if try readDeclaration() { return .text }
            case let first?:
                guard XMLBytes.startsName(first) else { throw malformed("tanda < yang salah tempat", "a misplaced <") }
                return try readStartTag()
            case nil:
                throw XLSXFault.truncated(part)
            }
        }
    }

    // MARK: - Markup

    /// Reads a start tag whole from the buffer (its name starts at `position`).
    private mutating func readStartTag() throws -> Event {
        guard !rootSeen || !open.isEmpty else { throw malformed("elemen kedua di luar elemen akar", "a second root element") }
        guard open.count < XLSXLimits.depth else {
            throw malformed("elemen bersarang lebih dari \(XLSXLimits.depth) tingkat", "elements nested more than \(XLSXLimits.depth) deep")
        }
        let end = try tagEnd()
        var qualified: [UInt8] = []
        // Reused from the previous tag (swapped out, so that it is not shared and keeps its capacity).
        var attributes: [(name: [UInt8], value: [UInt8])] = []
        swap(&attributes, &self.attributes)
        attributes.removeAll(keepingCapacity: true)
        var selfClosing = false
        let whole = buffer
        try whole.withUnsafeBufferPointer { bytes in
            var i = position
            qualified = name(bytes, &i, end)
            while true {
                XMLBytes.skipSpace(bytes, &i, end)
                if i == end { break }
                if bytes[i] == UInt8(ascii: "/"), i + 1 == end {
                    selfClosing = true
                    break
                }
                guard XMLBytes.startsName(bytes[i]) else { throw badAttribute }
                let attribute = name(bytes, &i, end)
                XMLBytes.skipSpace(bytes, &i, end)
                guard i < end, bytes[i] == UInt8(ascii: "=") else { throw badAttribute }
                i += 1
                XMLBytes.skipSpace(bytes, &i, end)
                guard i < end, bytes[i] == UInt8(ascii: "\"") || bytes[i] == UInt8(ascii: "'") else { throw badAttribute }
                let quote = bytes[i]
                i += 1
                var value: [UInt8] = []
                while true {
                    var run = i
                    while run < end, bytes[run] != quote, bytes[run] != UInt8(ascii: "&"), bytes[run] != UInt8(ascii: "<") { run += 1 }
                    value += XMLBytes.copy(bytes, i..<run)
                    i = run
                    guard i < end, bytes[i] != UInt8(ascii: "<") else { throw badAttribute }
                    if bytes[i] == quote { break }
                    try decodeEntity(bytes, at: &i, end: end, into: &value)
                }
                i += 1
                attributes.append((attribute, value))
            }
        }
        self.attributes = attributes
        closeSelfClosing = selfClosing
        position = end + 1
        open.append(qualified)
        rootSeen = true
        name = XMLBytes.local(qualified)
        return .start
    }

    private mutating func readEndTag() throws -> Event {
        let end = try tagEnd()
        let whole = buffer
        let (qualified, rest) = whole.withUnsafeBufferPointer { bytes in
            var i = position
            let qualified = name(bytes, &i, end)
            XMLBytes.skipSpace(bytes, &i, end)
            return (qualified, i)
        }
        position = end + 1
        guard rest == end, let last = open.last, last == qualified else {
            throw malformed("tag penutup yang tidak cocok", "an end tag that does not match its start tag")
        }
        open.removeLast()
        name = XMLBytes.local(qualified)
        return .end
    }

    /// Makes sure the tag from `position` is whole in the buffer, and gives the index of its closing `>`
    /// (outside quoted values); refuses a tag longer than the limit.
    private mutating func tagEnd() throws -> Int {
        var scanned = position, quote: UInt8 = 0
        while true {
            let found: Int? = buffer.withUnsafeBufferPointer { bytes in
                while scanned < bytes.count {
                    let byte = bytes[scanned]
                    if quote != 0 {
                        if byte == quote { quote = 0 }
                    } else if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                        quote = byte
                    } else if byte == UInt8(ascii: ">") {
                        return scanned
                    }
                    scanned += 1
                }
                return nil
            }
            if let found { return found }
            guard scanned - position <= XLSXLimits.tagBytes else { throw tagTooLong }
            let shift = position
            guard try refill() else { throw XLSXFault.truncated(part) }
            scanned -= shift
        }
    }

    /// The name at `i`; a name seen before is given back as the same array, not a new one (a sheet uses a
    /// dozen names millions of times).
    private mutating func name(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) -> [UInt8] {
        let start = i
        while i < end, !XMLBytes.endsName(bytes[i]) { i += 1 }
        let count = i - start
        guard count > 0, let base = bytes.baseAddress else { return [] }
        for known in names where known.count == count {
            if known.withUnsafeBufferPointer({ memcmp($0.baseAddress!, base + start, count) == 0 }) { return known }
        }
        let new = XMLBytes.copy(bytes, start..<i)
        if names.count < 64 { names.append(new) }
        return new
    }

    /// `<!--…-->` is skipped, `<![CDATA[…]]>` read as text (true); anything else (a DTD) is refused.
    private mutating func readDeclaration() throws -> Bool {
        if try lookingAt(Array("--".utf8)) {
            try skip(until: Array("-->".utf8))
            return false
        }
        guard try lookingAt(Array("[CDATA[".utf8)), !open.isEmpty else {
            throw XLSXFault("\(part) memuat DTD atau deklarasi (<!…>), yang tidak pernah ada di buku kerja; \(XLSXFault.saveAgain.id)",
                            "\(part) holds a DTD or declaration (<!…>), which no workbook has; \(XLSXFault.saveAgain.en)")
        }
        text.removeAll(keepingCapacity: true)
        let end = Array("]]>".utf8)
        while !text.reversed().starts(with: end.reversed()) {
            text.append(try byteOrEnd())
            guard text.count <= XLSXLimits.cellBytes + 3 else { throw tagTooLong }
        }
        text.removeLast(3)
        return true
    }

    /// Text up to the next `<`, or a piece of it when it is long.
    private mutating func readText() throws {
        text.removeAll(keepingCapacity: true)
        var afterCR = false
        while text.count < Self.textPiece {
            if position == buffer.count, try !refill() { return }
            var end = position
            buffer.withUnsafeBufferPointer { bytes in
                while end < bytes.count, bytes[end] != UInt8(ascii: "<"), bytes[end] != UInt8(ascii: "&") { end += 1 }
            }
            XMLBytes.appendLineEnds(buffer[position..<end], to: &text, afterCR: &afterCR)
            position = end
            guard end < buffer.count else { continue }
            if buffer[end] == UInt8(ascii: "<") { return }
            // An entity is at most a dozen bytes: have it whole in the buffer.
            while buffer.count - position < 12, !buffer[position...].contains(UInt8(ascii: ";")), try refill() {}
            let whole = buffer
            try whole.withUnsafeBufferPointer { bytes in try decodeEntity(bytes, at: &position, end: bytes.count, into: &text) }
            afterCR = false
        }
    }

    /// At `&`: one of the five predefined entities or a character reference, whole before `end`.
    private func decodeEntity(_ bytes: UnsafeBufferPointer<UInt8>, at i: inout Int, end: Int, into out: inout [UInt8]) throws {
        var semicolon = i + 1
        while semicolon < min(end, i + 12), bytes[semicolon] != UInt8(ascii: ";") { semicolon += 1 }
        guard semicolon < end, bytes[semicolon] == UInt8(ascii: ";") else { throw undefinedEntity }
        let name = Array(bytes[(i + 1)..<semicolon])
        i = semicolon + 1
        switch String(decoding: name, as: UTF8.self) {
        case "lt": out.append(UInt8(ascii: "<"))
        case "gt": out.append(UInt8(ascii: ">"))
        case "amp": out.append(UInt8(ascii: "&"))
        case "quot": out.append(UInt8(ascii: "\""))
        case "apos": out.append(UInt8(ascii: "'"))
        case let reference where reference.hasPrefix("#"):
            let digits = reference.dropFirst()
            let code = digits.hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let code, code != 0, let scalar = Unicode.Scalar(code) else { throw undefinedEntity }
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw undefinedEntity
        }
    }

    // MARK: - Bytes

    private mutating func refill() throws -> Bool {
        if position > 0 {
            buffer.removeSubrange(0..<position)
            position = 0
        }
        while !sourceEnded {
            guard let chunk = try source() else { sourceEnded = true; break }
            if !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
                return true
            }
        }
        return false
    }

    private mutating func peek() throws -> UInt8? {
        if position == buffer.count, try !refill() { return nil }
        return buffer[position]
    }

    private mutating func byteOrEnd() throws -> UInt8 {
        guard let byte = try peek() else { throw XLSXFault.truncated(part) }
        position += 1
        return byte
    }

    /// Consumes `expected` if the input continues with it.
    private mutating func lookingAt(_ expected: [UInt8]) throws -> Bool {
        while buffer.count - position < expected.count, try refill() {}
        guard buffer[position...].starts(with: expected) else { return false }
        position += expected.count
        return true
    }

    private mutating func skip(until terminator: [UInt8]) throws {
        var recent: [UInt8] = []
        while recent != terminator {
            if recent.count == terminator.count { recent.removeFirst() }
            recent.append(try byteOrEnd())
        }
    }

    // MARK: - Faults

    private func malformed(_ id: String, _ en: String) -> XLSXFault { XLSXFault.xml(part, (id, en)) }
    private var badAttribute: XLSXFault { malformed("atribut yang salah bentuk", "a malformed attribute") }
    private var undefinedEntity: XLSXFault { malformed("entitas yang tidak dikenal", "an undefined entity") }
    private var tagTooLong: XLSXFault {
        malformed("tag atau CDATA lebih panjang dari 64 KB", "a tag or CDATA section longer than 64 KB")
    }
}
