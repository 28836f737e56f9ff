import Foundation

/// A cell as the sheet stores it.
struct SheetCell {
    enum Kind { case number, sharedString, inlineString, formulaString, boolean, error, date }
    /// Zero-based: A is 0.
    let column: Int
    let kind: Kind
    /// The cell holds a formula (`<f>`).
    let hasFormula: Bool
    /// The text of `<v>` (a shared string resolved) or of the inline string; nil when the cell has none, as a
    /// formula whose result was never calculated.
    let value: String?
}

struct SheetRow {
    let number: Int
    var cells: [SheetCell]
}

/// The rows of a worksheet, one `<row>` at a time, as the XML streams past. Cells at or right of
/// `columnLimit` are skipped without being kept; every cell reference is checked against XFD1048576.
final class SheetReader {
    private var parser: XMLPullParser
    private let shared: SharedStrings
    var columnLimit = XLSXLimits.columns
    /// The row being read (or last read), for the location of a problem; 0 before the first.
    private(set) var rowNumber = 0
    private var inSheetData = false

    init(parser: XMLPullParser, shared: SharedStrings) {
        self.parser = parser
        self.shared = shared
    }

    /// The next `<row>`, or nil at the end of the sheet (once the whole part has been read and checked).
    package func nextRow() throws -> SheetRow? {
        while true {
            switch try parser.next() {
            case .start where parser.name == Self.sheetData:
                inSheetData = true
            case .start where inSheetData && parser.name == Self.row:
                return try readRow()
            case .end where parser.name == Self.sheetData:
                inSheetData = false
            case .endOfDocument:
                return nil
            default:
                break
            }
        }
    }

    private func readRow() throws -> SheetRow {
        if let r = parser.attribute(Self.r) {
            guard let number = Self.number(r), (1...XLSXLimits.rows).contains(number) else {
                throw XLSXFault.badRowNumber(Self.excerpt(r))
            }
            // Rows come in order, each once: a row number twice would be two rows on one line.
            guard number > rowNumber else { throw XLSXFault.rowsOutOfOrder(number) }
            rowNumber = number
        } else {
            guard rowNumber < XLSXLimits.rows else { throw XLSXFault.badRowNumber(String(rowNumber + 1)) }
            rowNumber += 1
        }
        var row = SheetRow(number: rowNumber, cells: [])
        var column = -1, rowBytes = 0
        let rowDepth = parser.depth
        while true {
            switch try parser.next() {
            case .start where parser.name == Self.c && parser.depth == rowDepth + 1:
                let reference = parser.attribute(Self.r)
                let next = try reference.map(cellColumn) ?? column + 1
                guard next > column, next < XLSXLimits.columns else {
                    throw next >= XLSXLimits.columns ? XLSXFault.badReference(Self.reference(min(next, 99_999), rowNumber)) : XLSXFault.outOfOrder
                }
                column = next
                let cell = try readCell(column: column, type: parser.attribute(Self.t) ?? [])
                if let cell, column < columnLimit {
                    rowBytes += cell.value?.utf8.count ?? 0
                    guard rowBytes <= XLSXLimits.rowBytes else { throw XLSXFault.rowTooLong }
                    row.cells.append(cell)
                }
            case .end where parser.depth < rowDepth:
                return row
            case .endOfDocument:
                throw XLSXFault.truncated(parser.part)
            default:
                break
            }
        }
    }

    /// Reads a `<c>` up to its end; nil when the cell lies beyond `columnLimit` (read, but neither kept nor resolved).
    private func readCell(column: Int, type: [UInt8]) throws -> SheetCell? {
        let depth = parser.depth
        let wanted = column < columnLimit
        var value: [UInt8]? = nil
        var hasFormula = false, collecting = false, inInline = false, phoneticDepth = 0
        while true {
            switch try parser.next() {
            case .start:
                switch parser.name {
                case Self.v where parser.depth == depth + 1: (collecting, value) = (true, value ?? [])
                case Self.f where parser.depth == depth + 1: hasFormula = true
                case Self.is where parser.depth == depth + 1: (inInline, value) = (true, value ?? [])
                case Self.rPh: phoneticDepth += 1
                case Self.t where inInline && phoneticDepth == 0: collecting = true
                default: break
                }
            case .text where collecting && wanted:
                value! += parser.text
                guard value!.count <= XLSXLimits.cellBytes else { throw XLSXFault.cellTooLong(Self.reference(column, rowNumber)) }
            case .end where parser.depth < depth:
                return wanted ? try cell(column: column, type: type, value: value, hasFormula: hasFormula) : nil
            case .end:
                switch parser.name {
                case Self.v, Self.t: collecting = false
                case Self.is: inInline = false
                case Self.rPh: phoneticDepth -= 1
                default: break
                }
            case .endOfDocument:
                throw XLSXFault.truncated(parser.part)
            default:
                break
            }
        }
    }

    private func cell(column: Int, type: [UInt8], value: [UInt8]?, hasFormula: Bool) throws -> SheetCell {
        let kind: SheetCell.Kind = switch type {
        case Self.s: .sharedString
        case Self.inlineStr: .inlineString
        case Self.str: .formulaString
        case Self.b: .boolean
        case Self.e: .error
        case Self.d: .date
        default: .number
        }
        guard let value else { return SheetCell(column: column, kind: kind, hasFormula: hasFormula, value: nil) }
        guard let text = String(validating: value, as: UTF8.self) else { throw XLSXFault.notUTF8(Self.reference(column, rowNumber)) }
        guard kind == .sharedString else { return SheetCell(column: column, kind: kind, hasFormula: hasFormula, value: text) }
        let reference = Self.reference(column, rowNumber)
        let digits = text.trimmingCharacters(in: .whitespaces)
        guard !digits.isEmpty else { return SheetCell(column: column, kind: kind, hasFormula: hasFormula, value: nil) }
        guard let index = Self.number(Array(digits.utf8)) else { throw XLSXFault.sharedStringIndex(reference, nil, count: shared.count) }
        switch shared.lookup(index) {
        case .text(let string): return SheetCell(column: column, kind: kind, hasFormula: hasFormula, value: string)
        case .tooLong: throw XLSXFault.cellTooLong(reference)
        case .missing: throw XLSXFault.sharedStringIndex(reference, index, count: shared.count)
        }
    }

    /// "C12" → 2; throws when the letters go past XFD, or the digits past row 1048576.
    private func cellColumn(_ reference: [UInt8]) throws -> Int {
        var column = 0, index = 0
        while index < reference.count, reference[index] >= UInt8(ascii: "A"), reference[index] <= UInt8(ascii: "Z") {
            column = column * 26 + Int(reference[index] - UInt8(ascii: "A") + 1)
            index += 1
            guard column <= XLSXLimits.columns else { throw XLSXFault.badReference(Self.excerpt(reference)) }
        }
        let row = Self.number(reference, from: index)
        guard column > 0, let row, (1...XLSXLimits.rows).contains(row) else {
            throw XLSXFault.badReference(Self.excerpt(reference))
        }
        return column - 1
    }

    /// A decimal number of at most 9 digits (so that it cannot overflow), else nil.
    static func number(_ digits: [UInt8], from start: Int = 0) -> Int? {
        guard start < digits.count, digits.count - start <= 9 else { return nil }
        var value = 0
        for i in start..<digits.count {
            guard digits[i] >= 0x30, digits[i] <= 0x39 else { return nil }
            value = value * 10 + Int(digits[i] - 0x30)
        }
        return value
    }

    /// 2, 5 → "C5".
    static func reference(_ column: Int, _ row: Int) -> String {
        var letters = "", n = column + 1
        while n > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + letters
            n = (n - 1) / 26
        }
        return letters + String(row)
    }

    /// A reference from the file, fit to be quoted: letters and digits, at most 20 of them.
    static func excerpt(_ bytes: [UInt8]) -> String {
        let shown = bytes.prefix(20).filter { (0x30...0x39).contains($0) || (0x41...0x5A).contains($0) || (0x61...0x7A).contains($0) }
        return String(decoding: shown, as: UTF8.self) + (bytes.count > 20 ? "…" : "")
    }

    private static let sheetData = Array("sheetData".utf8), row = Array("row".utf8), c = Array("c".utf8)
    private static let v = Array("v".utf8), f = Array("f".utf8), `is` = Array("is".utf8), t = Array("t".utf8), rPh = Array("rPh".utf8)
    private static let r = Array("r".utf8), s = Array("s".utf8), inlineStr = Array("inlineStr".utf8), str = Array("str".utf8)
    private static let b = Array("b".utf8), e = Array("e".utf8), d = Array("d".utf8)
}

extension XLSXFault {
    static func badRowNumber(_ number: String) -> XLSXFault {
        var fault = XLSXFault("nomor baris \(number) tidak di antara 1 dan \(XLSXLimits.rows); \(saveAgain.id)",
                              "the row number \(number) is not between 1 and \(XLSXLimits.rows); \(saveAgain.en)")
        fault.locatesRow = false
        return fault
    }

    static func badReference(_ reference: String) -> XLSXFault {
        XLSXFault("rujukan sel \(reference) bukan sel lembar kerja (A1 sampai XFD1048576); \(saveAgain.id)",
                  "the cell reference \(reference) is not a cell of a sheet (A1 to XFD1048576); \(saveAgain.en)")
    }

    static let outOfOrder = XLSXFault("sel-selnya tidak urut (ada sel di kiri sel sebelumnya); \(saveAgain.id)",
                                      "its cells are out of order (a cell left of the one before it); \(saveAgain.en)")

    static func rowsOutOfOrder(_ number: Int) -> XLSXFault {
        XLSXFault("baris \(number) muncul lagi atau tidak urut di lembar ini; \(saveAgain.id)",
                  "row \(number) comes again, or out of order, in this sheet; \(saveAgain.en)")
    }

    static let rowTooLong = XLSXFault("baris ini berisi teks lebih dari 1 MB, padahal satu baris paling banyak 1 MB; pendekkan isinya",
                                      "this row holds more than 1 MB of text, and a row holds at most 1 MB; shorten its cells")

    static func cellTooLong(_ reference: String) -> XLSXFault {
        XLSXFault("sel \(reference) berisi teks lebih dari 64 KB, padahal satu sel (seperti satu kolom CSV) paling banyak 64 KB; pendekkan isinya",
                  "cell \(reference) holds more than 64 KB of text, and a cell (like a field of a CSV file) holds at most 64 KB; shorten it")
    }

    static func notUTF8(_ reference: String) -> XLSXFault {
        XLSXFault("sel \(reference) bukan teks UTF-8 yang sah; \(saveAgain.id)", "cell \(reference) is not valid UTF-8 text; \(saveAgain.en)")
    }

    static func sharedStringIndex(_ reference: String, _ index: Int?, count: Int) -> XLSXFault {
        guard let index else {
            return XLSXFault("sel \(reference) merujuk teks bersama dengan sesuatu yang bukan angka; \(saveAgain.id)",
                             "cell \(reference) refers to a shared string by something that is not a number; \(saveAgain.en)")
        }
        return XLSXFault("sel \(reference) merujuk teks bersama nomor \(index), padahal buku kerja ini hanya punya \(count); \(saveAgain.id)",
                         "cell \(reference) refers to shared string \(index), but the workbook has only \(count); \(saveAgain.en)")
    }
}
