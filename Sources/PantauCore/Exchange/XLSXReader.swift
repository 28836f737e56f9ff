import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation

/// Reads the rows of one sheet of an .xlsx workbook (a zip of XML parts), as text, with their row numbers.
final class XLSXReader {
    let path: String
    let sheetName: String
    private var rows: [(line: Int, fields: [String])] = []
    private var index = 0

    /// Opens the first sheet, or the one named `sheet`.
    init(path: String, sheet: String?, lang: Language = .id) throws {
        self.path = path
        func t(_ id: String, _ en: String) -> String { lang == .en ? en : id }
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw ImportProblem.file(path: path, message: t("bukan buku kerja .xlsx yang terbaca; simpan ulang dari Excel atau LibreOffice", "is not a readable .xlsx workbook; save it again from Excel or LibreOffice"))
        }
        func part(_ name: String) throws -> Data? {
            guard let entry = archive[name] else { return nil }
            var data = Data()
            _ = try archive.extract(entry, skipCRC32: true) { data.append($0) }
            return data
        }
        guard let workbook = try part("xl/workbook.xml"), let relations = try part("xl/_rels/workbook.xml.rels") else {
            throw ImportProblem.file(path: path, message: t("bukan buku kerja .xlsx (tidak ada xl/workbook.xml); simpan sebagai .xlsx atau .csv", "is not an .xlsx workbook (no xl/workbook.xml); save it as .xlsx or .csv"))
        }
        let sheets = XMLElements(data: workbook, element: "sheet").attributes
        let targets = Dictionary(XMLElements(data: relations, element: "Relationship").attributes.map { ($0["Id"] ?? "", $0["Target"] ?? "") },
                                 uniquingKeysWith: { a, _ in a })
        let chosen = sheet.map { name in sheets.first { $0["name"] == name } } ?? sheets.first
        guard let found = chosen else {
            let names = sheets.compactMap { $0["name"] }.joined(separator: ", ")
            throw ImportProblem.file(path: path, message: t("tidak punya lembar bernama \"\(sheet ?? "")\"; lembarnya: \(names)", "has no sheet named \"\(sheet ?? "")\"; its sheets are: \(names)"))
        }
        sheetName = found["name"] ?? "Sheet1"
        var target = targets[found["r:id"] ?? ""] ?? "worksheets/sheet1.xml"
        target = target.hasPrefix("/") ? String(target.dropFirst()) : "xl/" + target
        let shared = try part("xl/sharedStrings.xml").map(SharedStrings.parse) ?? []
        guard let sheetData = try part(target) else {
            throw ImportProblem.file(path: path, message: t("lembar \(sheetName) tidak ada; simpan ulang dari Excel atau LibreOffice", "lacks its sheet \(sheetName); save it again from Excel or LibreOffice"))
        }
        rows = SheetRows.parse(sheetData, shared: shared)
    }

    /// Where a row is, as problems name it: `file.xlsx:Sheet1`.
    var location: String { "\(path):\(sheetName)" }

    func nextRow() -> (line: Int, fields: [String])? {
        while index < rows.count {
            defer { index += 1 }
            if rows[index].fields.contains(where: { !$0.isEmpty }) { return rows[index] }
        }
        return nil
    }
}

/// Collects the attributes of every element with one name.
private final class XMLElements: NSObject, XMLParserDelegate {
    let element: String
    var attributes: [[String: String]] = []

    init(data: Data, element: String) {
        self.element = element
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parser.parse()
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == element { self.attributes.append(attributes) }
    }
}

/// The shared string table: every `<si>`, its `<t>` runs joined.
private final class SharedStrings: NSObject, XMLParserDelegate {
    var strings: [String] = []
    private var current = ""
    private var inText = false

    static func parse(_ data: Data) -> [String] {
        let table = SharedStrings()
        let parser = XMLParser(data: data)
        parser.delegate = table
        parser.parse()
        return table.strings
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        if name == "si" { current = "" }
        if name == "t" { inText = true }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inText { current += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "t" { inText = false }
        if name == "si" { strings.append(current) }
    }
}

/// The rows of a worksheet as text: shared and inline strings resolved, numbers written plainly.
private final class SheetRows: NSObject, XMLParserDelegate {
    let shared: [String]
    var rows: [(line: Int, fields: [String])] = []
    private var row: [String] = []
    private var rowNumber = 0
    private var cellColumn = 0
    private var cellType = ""
    private var value = ""
    private var inValue = false

    init(shared: [String]) { self.shared = shared }

    static func parse(_ data: Data, shared: [String]) -> [(line: Int, fields: [String])] {
        let sheet = SheetRows(shared: shared)
        let parser = XMLParser(data: data)
        parser.delegate = sheet
        parser.parse()
        return sheet.rows
    }

    /// "C12" → 2 (zero-based column).
    static func column(of reference: String) -> Int {
        var n = 0
        for scalar in reference.unicodeScalars {
            guard (65...90).contains(scalar.value) else { break }
            n = n * 26 + Int(scalar.value - 64)
        }
        return max(0, n - 1)
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "row":
            row = []
            rowNumber = Int(attributes["r"] ?? "") ?? rowNumber + 1
        case "c":
            cellColumn = attributes["r"].map(Self.column) ?? row.count
            cellType = attributes["t"] ?? "n"
            value = ""
        case "v", "t":
            inValue = true
        default:
            break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { if inValue { value += string } }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        switch name {
        case "v", "t":
            inValue = false
        case "c":
            while row.count < cellColumn { row.append("") }
            row.append(text())
        case "row":
            rows.append((rowNumber, row))
        default:
            break
        }
    }

    private func text() -> String {
        switch cellType {
        case "s": return Int(value).flatMap { shared.indices.contains($0) ? shared[$0] : nil } ?? ""
        case "n":
            // Spreadsheets store every number as a double: give whole numbers back without ".0" or an exponent.
            // From 15 digits on, a double has already lost digits (a NIK typed into a number cell): keep the
            // exponent so that the check of that column says what happened.
            if let number = Double(value), number == number.rounded(), abs(number) < 1e15 { return String(Int64(number)) }
            if let number = Double(value), abs(number) >= 1e15 { return String(format: "%.10E", number) }
            return value
        default: return value
        }
    }
}
