/// The shared string table of a workbook (xl/sharedStrings.xml): every `<si>`, its text runs joined, kept as
/// UTF-8 bytes in pages of 1 MiB so that the whole table stays within `XLSXLimits.sharedStringsBytes`.
struct SharedStrings {
    enum Lookup: Equatable { case text(String), tooLong, missing }

    private var pages: [[UInt8]] = []
    /// Per string: page << 40 | start << 20 | length; a length of `tooLongMark` marks a string over the cell limit.
    private var spans: [UInt64] = []
    private static let pageSize = 1 << 20
    private static let tooLongMark: UInt64 = (1 << 20) - 1

    package var count: Int { spans.count }

    init() {}

    /// Reads the table; phonetic runs (`<rPh>`) are not part of the text, as in Excel.
    init(parser: XMLPullParser) throws {
        var parser = parser
        var current: [UInt8] = []
        var inItem = false, inText = false, phoneticDepth = 0, tooLong = false
        while true {
            switch try parser.next() {
            case .start:
                switch parser.name {
                case Self.si: (inItem, current, tooLong) = (true, [], false)
                case Self.t: inText = inItem && phoneticDepth == 0
                case Self.rPh: phoneticDepth += 1
                default: break
                }
            case .text where inText && !tooLong:
                current += parser.text
                if current.count > XLSXLimits.cellBytes { (tooLong, current) = (true, []) }
            case .end:
                switch parser.name {
                case Self.si:
                    try append(tooLong ? nil : current)
                    inItem = false
                case Self.t: inText = false
                case Self.rPh: phoneticDepth -= 1
                default: break
                }
            case .text: break
            case .endOfDocument: return
            }
        }
    }

    /// The string at a position of the table, as a cell's `<v>` gives it.
    func lookup(_ index: Int) -> Lookup {
        guard spans.indices.contains(index) else { return .missing }
        let span = spans[index]
        let length = span & Self.tooLongMark
        guard length != Self.tooLongMark else { return .tooLong }
        let page = Int(span >> 40), start = Int((span >> 20) & Self.tooLongMark)
        return .text(String(decoding: pages[page][start..<(start + Int(length))], as: UTF8.self))
    }

    private mutating func append(_ bytes: [UInt8]?) throws {
        guard let bytes else { spans.append(Self.tooLongMark); return }
        // A page never fills to its last byte: a start of pageSize would not fit in the span's 20 bits.
        if pages.isEmpty || pages[pages.count - 1].count + bytes.count >= Self.pageSize {
            guard (pages.count + 1) * Self.pageSize + spans.count * 16 <= XLSXLimits.sharedStringsBytes else { throw Self.tooLarge }
            pages.append([])
            pages[pages.count - 1].reserveCapacity(Self.pageSize)
        }
        guard pages.count * Self.pageSize + spans.count * 16 <= XLSXLimits.sharedStringsBytes else { throw Self.tooLarge }
        let page = pages.count - 1
        spans.append(UInt64(page) << 40 | UInt64(pages[page].count) << 20 | UInt64(bytes.count))
        pages[page] += bytes
    }

    private static let tooLarge = XLSXFault(
        "teks bersamanya (xl/sharedStrings.xml) lebih dari \(XLSXLimits.sharedStringsBytes >> 20) MB; bagi buku kerja itu menjadi beberapa berkas",
        "its shared strings (xl/sharedStrings.xml) take more than \(XLSXLimits.sharedStringsBytes >> 20) MB; split the workbook into smaller files")

    private static let si = Array("si".utf8), t = Array("t".utf8), rPh = Array("rPh".utf8)
}
