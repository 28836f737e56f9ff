import Foundation
import ZIPFoundation

/// Writes one sheet as an .xlsx workbook that Excel and LibreOffice open. Rows stream to a temporary
/// file; the workbook is zipped at the end with fixed dates, so the same table gives the same bytes.
public final class XLSXSink: TableSink, @unchecked Sendable {
    package let path: String
    let sheetName: String
    private let sheetURL: URL
    private let sheet: FileHandle
    private var rowNumber = 0
    private var buffer = ""

    public init(path: String, sheetName: String) throws {
        self.path = path
        self.sheetName = sheetName
        sheetURL = FileManager.default.temporaryDirectory.appendingPathComponent("pantau-sheet-\(UUID().uuidString).xml")
        FileManager.default.createFile(atPath: sheetURL.path, contents: nil)
        sheet = try FileHandle(forWritingTo: sheetURL)
        buffer = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
    }

    deinit { try? FileManager.default.removeItem(at: sheetURL) }

    public func header(_ columns: [String]) throws { try row(columns, numbers: false) }
    public func row(_ fields: [String]) throws { try row(fields, numbers: true) }

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
        sheet.write(Data(buffer.utf8))
        buffer = ""
    }

    public func finish() throws {
        buffer += "</sheetData></worksheet>"
        flushBuffer()
        try sheet.close()
        try? FileManager.default.removeItem(atPath: path)
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        let fixedDate = Date(timeIntervalSince1970: 1_672_531_200)  // 2023-01-01: the same bytes every time
        func add(_ name: String, _ text: String) throws {
            let data = Data(text.utf8)
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 compressionMethod: .deflate) { position, size in data.subdata(in: Int(position)..<Int(position) + size) }
        }
        let head = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        try add("[Content_Types].xml", head + """
            <Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
            <Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
            <Default Extension="xml" ContentType="application/xml"/>\
            <Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
            <Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>\
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
            <sheets><sheet name="\(Self.escape(sheetName))" sheetId="1" r:id="rId1"/></sheets></workbook>
            """)
        try add("xl/_rels/workbook.xml.rels", head + """
            <Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>\
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>\
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
        let size = (try FileManager.default.attributesOfItem(atPath: sheetURL.path)[.size] as? Int) ?? 0
        let reader = try FileHandle(forReadingFrom: sheetURL)
        defer { try? reader.close() }
        try archive.addEntry(with: "xl/worksheets/sheet1.xml", type: .file, uncompressedSize: Int64(size), modificationDate: fixedDate,
                             compressionMethod: .deflate) { position, chunk in
            try reader.seek(toOffset: UInt64(position))
            return try reader.read(upToCount: chunk) ?? Data()
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
