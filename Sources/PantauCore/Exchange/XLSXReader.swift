import Foundation

/// Reads the rows of one sheet of an .xlsx workbook (a zip of XML parts), as text, with their row numbers.
/// The sheet streams: one row at a time is in memory, whatever the size of the workbook. A damaged or hostile
/// workbook is refused with one sentence, at the point where the damage shows (at the latest when the sheet's
/// checksum fails at its end), so that the import, all or nothing, writes nothing.
final class XLSXReader {
    package let path: String
    let sheetName: String
    /// The sheets of the workbook, in order: their names and their parts in the zip.
    let sheets: [(name: String, part: String)]
    private let lang: Language
    private let sheet: SheetReader
    /// The sheet's part, and the bytes of the file outside it (read before the rows).
    private let sheetStream: (stream: ZipEntryStream, otherBytes: UInt64)

    /// Opens the first sheet, or the one named `sheet`.
    init(path: String, sheet wanted: String?, lang: Language = .id) throws {
        self.path = path
        self.lang = lang
        var location = path
        do {
            let zip = try ZipDirectory(path: path)
            func parser(_ part: String) throws -> XMLPullParser? {
                guard let entry = zip[part] else { return nil }
                let stream = try ZipEntryStream(directory: zip, entry: entry)
                return XMLPullParser(part: part, source: stream.next)
            }
            guard let workbook = try parser("xl/workbook.xml"), let relations = try parser("xl/_rels/workbook.xml.rels") else {
                throw XLSXFault("bukan buku kerja .xlsx (tidak ada xl/workbook.xml); simpan sebagai .xlsx atau .csv",
                                "is not an .xlsx workbook (no xl/workbook.xml); save it as .xlsx or .csv")
            }
            let sheets = try Self.sheets(workbook: workbook, relations: relations)
            self.sheets = sheets
            guard let chosen = wanted.map({ name in sheets.first { $0.name == name } }) ?? sheets.first else {
                let names = sheets.prefix(20).map(\.name).joined(separator: ", ") + (sheets.count > 20 ? ", …" : "")
                throw XLSXFault("tidak punya lembar bernama \"\(wanted ?? "")\"; lembarnya: \(names)", "has no sheet named \"\(wanted ?? "")\"; its sheets are: \(names)")
            }
            sheetName = chosen.name
            location = "\(path):\(chosen.name)"
            let shared = try parser("xl/sharedStrings.xml").map(SharedStrings.init(parser:)) ?? SharedStrings()
            guard let entry = zip[chosen.part] else {
                throw XLSXFault("lembar \(chosen.name) tidak ada; \(XLSXFault.saveAgain.id)", "lacks its sheet \(chosen.name); \(XLSXFault.saveAgain.en)")
            }
            let stream = try ZipEntryStream(directory: zip, entry: entry)
            sheetStream = (stream, zip.fileSize - min(zip.fileSize, entry.compressedSize))
            sheet = SheetReader(parser: XMLPullParser(part: chosen.part, source: stream.next), shared: shared)
            // Until the header is found (it may lie below a title block), only the first columns are kept: no header is wider.
            sheet.columnLimit = Self.headerSearchColumns
        } catch let fault as XLSXFault {
            throw ImportProblem.file(path: location, message: fault.message(lang))
        }
    }

    /// Where a row is, as problems name it: `file.xlsx:Sheet1`.
    package var location: String { "\(path):\(sheetName)" }

    /// Bytes of the file read so far, for progress: the other parts, then the sheet as it streams.
    package var bytesRead: Int { Int(sheetStream.otherBytes + sheetStream.stream.compressedRead) }

    static let headerSearchColumns = 1024

    /// Once the header is found, cells right of its last column are skipped unread: no header names them, so no
    /// import needs them.
    package func limitColumns(to count: Int) { sheet.columnLimit = count }

    /// The next row holding any text.
    package func nextRow() throws -> SourceRow? {
        do {
            while let row = try sheet.nextRow() {
                let fields = Self.fields(row)
                guard !fields.isEmpty else { continue }
                // A formula whose result was never calculated has no value to read (files written by some libraries):
                // no <v>, or an empty one that is not a text result.
                let uncalculated = row.cells.filter { $0.hasFormula && ($0.value == nil || ($0.kind == .number && $0.value == "")) }.map(\.column)
                return SourceRow(line: row.number, fields: fields, formulasWithoutValue: uncalculated)
            }
            return nil
        } catch let fault as XLSXFault {
            guard fault.locatesRow, sheet.rowNumber > 0 else { throw ImportProblem.file(path: location, message: fault.message(lang)) }
            throw ImportProblem.row(path: location, line: sheet.rowNumber, column: nil, message: fault.message(lang))
        }
    }

    /// The text of a row up to its last non-empty cell; the empty cells before it become "".
    private static func fields(_ row: SheetRow) -> [String] {
        var fields: [String] = []
        for cell in row.cells {
            let text = text(cell)
            guard !text.isEmpty else { continue }
            while fields.count < cell.column { fields.append("") }
            fields.append(text)
        }
        return fields
    }

    private static func text(_ cell: SheetCell) -> String {
        guard let value = cell.value else { return "" }
        guard cell.kind == .number else { return value }
        // Spreadsheets store every number as a double: give whole numbers back without ".0" or an exponent.
        // From 15 digits on, a double has already lost digits (a NIK typed into a number cell): keep the
        // exponent so that the check of that column says what happened.
        if let number = Double(value), number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
        if let number = Double(value), abs(number) >= 1e15 { return String(format: "%.10E", number) }
        return value
    }

    /// The sheets listed in xl/workbook.xml, each with its part found through xl/_rels/workbook.xml.rels.
    private static func sheets(workbook: XMLPullParser, relations: XMLPullParser) throws -> [(name: String, part: String)] {
        var (workbook, relations) = (workbook, relations)
        var listed: [(name: String, id: String)] = []
        var kept = 0
        let tooMany = XLSXFault("xl/workbook.xml mendaftar lebih banyak lembar daripada yang mungkin dimuat buku kerja; \(XLSXFault.saveAgain.id)",
                                "xl/workbook.xml lists more sheets than a workbook can hold; \(XLSXFault.saveAgain.en)")
        while case let event = try workbook.next(), event != .endOfDocument {
            guard event == .start, workbook.name == Array("sheet".utf8) else { continue }
            let name = String(decoding: workbook.attribute(Array("name".utf8)) ?? [], as: UTF8.self)
            let id = workbook.attributes.first { $0.name.count > 3 && $0.name.suffix(3) == Array(":id".utf8) }.map { String(decoding: $0.value, as: UTF8.self) } ?? ""
            kept += name.utf8.count + id.utf8.count
            guard kept <= 1 << 20 else { throw tooMany }
            listed.append((name.isEmpty ? "Sheet\(listed.count + 1)" : name, id))
        }
        let wanted = Set(listed.map(\.id))
        var targets: [String: String] = [:]
        while case let event = try relations.next(), event != .endOfDocument {
            guard event == .start, relations.name == Array("Relationship".utf8),
                  let id = relations.attribute(Array("Id".utf8)).map({ String(decoding: $0, as: UTF8.self) }), wanted.contains(id), targets[id] == nil,
                  let target = relations.attribute(Array("Target".utf8)) else { continue }
            kept += target.count
            guard kept <= 1 << 20 else { throw tooMany }
            targets[id] = String(decoding: target, as: UTF8.self)
        }
        return listed.enumerated().map { index, sheet in
            let target = targets[sheet.id] ?? "worksheets/sheet\(index + 1).xml"
            return (sheet.name, target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target)
        }
    }
}
