/// Byte-level pieces of the XML pull parser: names, white space, line ends, copies out of its buffer.
enum XMLBytes {
    /// The bytes of a range, copied at once (not element by element, as a generic slice copy does).
    static func copy(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> [UInt8] {
        guard let base = bytes.baseAddress, !range.isEmpty else { return [] }
        return [UInt8](unsafeUninitializedCapacity: range.count) { target, count in
            target.baseAddress!.initialize(from: base + range.lowerBound, count: range.count)
            count = range.count
        }
    }

    /// Past XML white space (space, tab, CR, LF).
    static func skipSpace(_ bytes: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ end: Int) {
        while i < end, bytes[i] <= 0x20, bytes[i] == 0x20 || bytes[i] == 0x0A || bytes[i] == 0x0D || bytes[i] == 0x09 { i += 1 }
    }

    /// Appends raw text with its line ends made LF, as XML reads them: CR LF and a lone CR become LF (a CR
    /// written as `&#13;` stays). `afterCR` carries a CR at the end of one run over to the next.
    static func appendLineEnds(_ run: ArraySlice<UInt8>, to text: inout [UInt8], afterCR: inout Bool) {
        guard run.contains(0x0D) || (afterCR && run.first == 0x0A) else {
            text.append(contentsOf: run)
            if !run.isEmpty { afterCR = false }
            return
        }
        for byte in run {
            if byte == 0x0A, afterCR {
                afterCR = false
                continue
            }
            afterCR = byte == 0x0D
            text.append(afterCR ? 0x0A : byte)
        }
    }

    static func startsName(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte >= 0x80
    }

    static func endsName(_ byte: UInt8) -> Bool {
        byte <= 0x20 || byte == UInt8(ascii: "/") || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "=")
    }

    /// `x:row` → `row`.
    static func local(_ qualified: [UInt8]) -> [UInt8] {
        guard let colon = qualified.lastIndex(of: UInt8(ascii: ":")) else { return qualified }
        return Array(qualified[(colon + 1)...])
    }
}
