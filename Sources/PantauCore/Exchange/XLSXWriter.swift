import Foundation
import ZIPFoundation

/// Writes a table as an .xlsx workbook that Excel and LibreOffice open. Rows stream to temporary files; the workbook
/// is zipped at the end with fixed dates, so the same table gives the same bytes. A sheet holds at most 1.048.576 rows
/// (Excel's last row, and what `pantau import` reads): a longer table goes on in further sheets, each with the header
/// again ("umkm", "umkm (2)", …), which `pantau import --all-sheets` reads back whole.
public final class XLSXSink: TableSink, @unchecked Sendable {
    package let path: String
    let sheetName: String
    /// The rows a sheet holds, its header included.
    private let rowsPerSheet: Int
    /// The sheets written so far; the last is the one being written.
    private var sheetURLs: [URL] = []
    private var sheet: FileHandle?
    private var columns: [String] = []
    private var rowNumber = 0
    private var buffer = ""

    public convenience init(path: String, sheetName: String) throws {
        try self.init(path: path, sheetName: sheetName, rowsPerSheet: XLSXLimits.rows)
    }

    package init(path: String, sheetName: String, rowsPerSheet: Int) throws {
        precondition(rowsPerSheet >= 2, "a sheet holds its header and at least one row")
        self.path = path
        self.sheetName = sheetName
        self.rowsPerSheet = rowsPerSheet
        try startSheet()
    }

    deinit {
        try? sheet?.close()
        for url in sheetURLs { try? FileManager.default.removeItem(at: url) }
    }

    /// The sheets' names: the table's name, then "name (2)", "name (3)", … (at most 31 characters, as Excel allows).
    var sheetNames: [String] {
        sheetURLs.indices.map { i in
            guard i > 0 else { return String(sheetName.prefix(31)) }
            let suffix = " (\(i + 1))"
            return String(sheetName.prefix(31 - suffix.count)) + suffix
        }
    }

    public func header(_ columns: [String]) throws {
        self.columns = columns
        try row(columns, numbers: false)
    }

    public func row(_ fields: [String]) throws {
        if rowNumber == rowsPerSheet {
            try endSheet()
            try startSheet()
            try row(columns, numbers: false)
        }
        try row(fields, numbers: true)
    }

    private func startSheet() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-sheet-\(UUID().uuidString).xml")
        FileManager.default.createFile(atPath: url.path, contents: nil)
        sheetURLs.append(url)
        sheet = try FileHandle(forWritingTo: url)
        rowNumber = 0
        buffer = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    }

    private func endSheet() throws {
        buffer += "</sheetData></worksheet>"
        flushBuffer()
        try sheet?.close()
        sheet = nil
    }

    private func row(_ fields: [String], numbers: Bool) throws {
        rowNumber += 1
        buffer += "<row r=\"\(rowNumber)\">"
        for (i, value) in fields.enumerated() where !value.isEmpty {
            let ref = Self.columnName(i) + String(rowNumber)
            // Small whole numbers are numbers; codes, NIK and NIB stay text so that no digit is lost.
            if numbers, value.count <= 9, Int(value) != nil, !value.hasPrefix("0") || value == "0" {
                buffer += "<c r=\"\(ref)\"><v>\(value)</v></c>"
            } else {
                buffer += "<c r=\"\(ref)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(Self.escape(value))</t></is></c>"
            }
        }
        buffer += "</row>"
        if buffer.utf8.count > 1 << 16 { flushBuffer() }
    }

    private func flushBuffer() {
        sheet?.write(Data(buffer.utf8))
        buffer = ""
    }

    public func finish() throws {
        try endSheet()
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 1_672_531_200)  // 2023-01-01: the same bytes every time
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let sheets = sheetURLs.indices.map { $0 + 1 }
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        try add("[Content_Types].xml", head + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            \(sheets.map { #"<Override PartName="/xl/worksheets/sheet\#($0).xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"# }.joined())\
            <Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>\
            </Types>
            """)
        try add("_rels/.rels", head + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>\
            </Relationships>
            """)
        try add("xl/workbook.xml", head + """
            <workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
            xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
            <sheets>\(zip(sheets, sheetNames).map { #"<sheet name="\#(Self.escape($1))" sheetId="\#($0)" r:id="rId\#($0)"/>"# }.joined())</sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", head + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            \(sheets.map { #"<Relationship Id="rId\#($0)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet\#($0).xml"/>"# }.joined())\
            <Relationship Id="rId\(sheets.count + 1)" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
            </Relationships>
            """)
        try add("xl/styles.xml", head + """
            <styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">\
            <fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>\
            <fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>\
            <borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>\
            <cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>\
            <cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>\
            </styleSheet>
            """)
        for (number, url) in zip(sheets, sheetURLs) {
            let size = (try FileManager.default.attributesOfItem(atPath: url.path)[.size] as? Int) ?? 0
            let reader = try FileHandle(forReadingFrom: url)
            defer { try? reader.close() }
            try archive.addEntry(with: "xl/worksheets/sheet\(number).xml", type: .file, uncompressedSize: Int64(size), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, chunk in
                try reader.seek(toOffset: UInt64(position))
                return try reader.read(upToCount: chunk) ?? Data()
            }
        }
    }

    /// 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ index: Int) -> String {
        var n = index + 1, name = ""
        while n > 0 {
            let r = (n - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + r))) + name
            n = (n - 1) / 26
        }
        return name
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: if scalar.value >= 0x20 || scalar == "\t" || scalar == "\n" { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
