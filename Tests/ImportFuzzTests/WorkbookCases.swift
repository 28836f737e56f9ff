import Foundation

/// Crafted .xlsx workbooks derived from the sample exports: cell references, bombs, entities, damaged and missing parts.
enum WorkbookCases {
    static let sheetPart = "xl/worksheets/sheet1.xml"
    static let sharedPart = "xl/sharedStrings.xml"
    static let secret = "PANTAU-FUZZ-SECRET"

    /// The export with the sheet replaced (and other parts changed) as text.
    static func edited(_ e: BaseExport, sheet: String, _ more: [String: Data?] = [:]) -> [WorkbookPart] {
        e.parts(replacing: more.merging([sheetPart: Data(sheet.utf8)]) { a, _ in a })
    }

    /// The export rewritten with a shared-string table; `edit` changes its sheet first.
    static func sharedVersion(_ e: BaseExport, edit: (String, Int) -> String = { s, _ in s }) -> [WorkbookPart] {
        let (sheet, table, count) = SheetXML.shared(e.sheet)
        return edited(e, sheet: edit(sheet, count), [sharedPart: Data(table.utf8)])
    }

    static func crafted(_ make: inout CaseMaker, _ base: SampleBase) {
        func add(_ family: String, _ e: BaseExport, _ expect: Expectation, _ parts: @escaping @Sendable (URL) -> [WorkbookPart]) {
            make.add(family, e.kind, "xlsx", expect) { url, _ in try Workbook.write(parts(url), to: url) }
        }
        let k = base.koperasi, all = Expectation.either(rows: k.rows)
        for e in [base.koperasi, base.umkm] {
            make.add("xlsx.control", e.kind, "xlsx", .imported(rows: e.rows), bytes: e.xlsx)
            add("xlsx.shared", e, .imported(rows: e.rows)) { _ in sharedVersion(e) }
        }
        make.add("xlsx.stored", k.kind, "xlsx", .imported(rows: k.rows)) { url, _ in try Workbook.write(k.parts, to: url, compression: .none) }

        // Past Excel's last cell, XFD1048576: an error with the sheet and row, never a trap or a row of millions of cells (item 1).
        for reference in ["ZZZZZZZZZZZZZZZ2", "AAAAAAA2", "XFD1048577", "XFE2", "A99999999999999999999", "A9223372036854775808"] {
            add("xlsx.cellref", k, .refused) { _ in edited(k, sheet: SheetXML.replacingFirst(k.sheet, "r=\"B2\"", with: "r=\"\(reference)\"")) }
        }
        for row in ["1048577", "99999999999999999999"] {
            add("xlsx.rownumber", k, .refused) { _ in edited(k, sheet: SheetXML.replacingFirst(k.sheet, "<row r=\"2\">", with: "<row r=\"\(row)\">")) }
        }
        for row in ["0", "-1", "", "x"] {
            add("xlsx.rownumber", k, .either) { _ in edited(k, sheet: SheetXML.replacingFirst(k.sheet, "<row r=\"2\">", with: "<row r=\"\(row)\">")) }
        }
        add("xlsx.farcell", k, all) { _ in
            edited(k, sheet: SheetXML.replacingFirst(k.sheet, "</row><row r=\"3\">",
                                                     with: #"<c r="XFD2" t="inlineStr"><is><t>far</t></is></c></row><row r="3">"#))
        }

        // Bombs: a few hundred KB that expand to 300 MB (items 1 and 3).
        let afterHeader = k.sheet.range(of: "</row>")!.upperBound
        add("xlsx.bomb", k, all) { _ in
            k.parts(replacing: [sheetPart: nil]) + [WorkbookPart(sheetPart, pieces: [
                .bytes(Data(k.sheet[..<afterHeader].utf8)), .run(UInt8(ascii: " "), count: 300_000_000), .bytes(Data(k.sheet[afterHeader...].utf8)),
            ])]
        }
        add("xlsx.bomb", k, all) { _ in
            k.parts + [WorkbookPart(sharedPart, pieces: [
                .bytes(Data((SheetXML.declaration + #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>"#).utf8)),
                .run(UInt8(ascii: "A"), count: 300_000_000), .bytes(Data("</t></si></sst>".utf8)),
            ])]
        }
        let name = SheetXML.valueRange(k.sheet, cell: "B2")!
        add("xlsx.bigcell", k, .either) { _ in
            k.parts(replacing: [sheetPart: nil]) + [WorkbookPart(sheetPart, pieces: [
                .bytes(Data(k.sheet[..<name.lowerBound].utf8)), .run(UInt8(ascii: "K"), count: 20_000_000), .bytes(Data(k.sheet[name.upperBound...].utf8)),
            ])]
        }

        // Entities: expansion, and files of this machine pulled in through external entities.
        add("xlsx.entities", k, all) { _ in
            edited(k, sheet: SheetXML.withDoctype(SheetXML.replacingValue(k.sheet, cell: "B2", with: "&lol9;"), SheetXML.billionLaughs))
        }
        add("xlsx.entities", k, Expectation(outcome: .either, rows: k.rows, forbidden: secret)) { url in
            let file = url.deletingLastPathComponent().appendingPathComponent("secret.txt")
            try? Data("\(secret) of this machine".utf8).write(to: file)
            return edited(k, sheet: SheetXML.withDoctype(SheetXML.replacingValue(k.sheet, cell: "B2", with: "&xxe;"),
                                                         "<!DOCTYPE worksheet [<!ENTITY xxe SYSTEM \"\(file.absoluteString)\">]>"))
        }
        add("xlsx.entities", k, Expectation(outcome: .either, rows: k.rows, forbidden: secret)) { url in
            let dtd = url.deletingLastPathComponent().appendingPathComponent("secret.dtd")
            try? Data("<!ENTITY xxe \"\(secret)\">".utf8).write(to: dtd)
            return edited(k, sheet: SheetXML.withDoctype(SheetXML.replacingValue(k.sheet, cell: "B2", with: "&xxe;"),
                                                         "<!DOCTYPE worksheet SYSTEM \"\(dtd.absoluteString)\">"))
        }
        add("xlsx.entities", k, Expectation(outcome: .either, forbidden: secret)) { url in
            let file = url.deletingLastPathComponent().appendingPathComponent("secret.txt")
            try? Data(secret.utf8).write(to: file)
            let workbook = String(decoding: k.part("xl/workbook.xml")!, as: UTF8.self)
            let named = SheetXML.replacingFirst(workbook, "name=\"koperasi\"", with: "name=\"&xxe;\"")
            return k.parts(replacing: ["xl/workbook.xml": Data(SheetXML.withDoctype(named, "<!DOCTYPE workbook [<!ENTITY xxe SYSTEM \"\(file.absoluteString)\">]>").utf8)])
        }
        add("xlsx.nesting", k, all) { _ in
            edited(k, sheet: SheetXML.replacingFirst(k.sheet, "<row r=\"2\">",
                                                     with: String(repeating: "<x>", count: 100_000) + String(repeating: "</x>", count: 100_000) + "<row r=\"2\">"))
        }
        add("xlsx.nesting", k, all) { _ in
            edited(k, sheet: SheetXML.replacingValue(k.sheet, cell: "B2", with: String(repeating: "<b>", count: 100_000) + "Nested"
                                                                                  + String(repeating: "</b>", count: 100_000)))
        }

        // Parts missing, or pointing where nothing is.
        let rels = String(decoding: k.part("xl/_rels/workbook.xml.rels")!, as: UTF8.self)
        for missing in ["xl/workbook.xml", "xl/_rels/workbook.xml.rels", sheetPart] {
            add("xlsx.missing", k, .refused) { _ in k.parts(replacing: [missing: nil]) }
        }
        add("xlsx.missing", k, .either(rows: k.rows)) { _ in k.parts(replacing: ["[Content_Types].xml": nil]) }
        for target in ["worksheets/sheet9.xml", "../../../../etc/passwd", "/etc/passwd", ""] {
            add("xlsx.missing", k, .refused) { _ in
                k.parts(replacing: ["xl/_rels/workbook.xml.rels": Data(SheetXML.replacingFirst(rels, "worksheets/sheet1.xml", with: target).utf8)])
            }
        }
        add("xlsx.missing", k, .refused) { _ in
            let workbook = String(decoding: k.part("xl/workbook.xml")!, as: UTF8.self)
            return k.parts(replacing: ["xl/workbook.xml": Data(workbook.replacing(#/<sheet [^>]*/>/#, with: "").utf8)])
        }
        add("xlsx.missing", k, .refused) { _ in sharedVersion(k).filter { $0.name != sharedPart } }

        // Shared-string indexes that point at nothing (item 6).
        for index in ["-1", "99999999999999999999", "x", "", "1.5"] {
            add("xlsx.sharedindex", k, .refused) { _ in sharedVersion(k) { sheet, _ in SheetXML.replacingValue(sheet, cell: "B2", with: index) } }
        }
        add("xlsx.sharedindex", k, .refused) { _ in sharedVersion(k) { sheet, count in SheetXML.replacingValue(sheet, cell: "B2", with: "\(count)") } }

        // Zips that are not workbooks, or hold a part twice; XML in another encoding.
        make.add("xlsx.notzip", k.kind, "xlsx", .refused) { url, random in
            try (Data([0x50, 0x4B, 0x03, 0x04]) + Data((0 ..< 4096).map { _ in random.byte() })).write(to: url)
        }
        make.add("xlsx.notzip", k.kind, "xlsx", .refused) { url, _ in try Workbook.write([], to: url) }
        add("xlsx.duplicate", k, .either) { _ in k.parts + [WorkbookPart(sheetPart, Data(k.sheet.utf8.prefix(5_000)))] }
        add("xlsx.encoding", k, .either(rows: k.rows)) { _ in
            let utf16 = SheetXML.replacingFirst(k.sheet, "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")
            return k.parts(replacing: [sheetPart: Data([0xFF, 0xFE]) + utf16.data(using: .utf16LittleEndian)!])
        }
        add("xlsx.encoding", k, .either) { _ in edited(k, sheet: SheetXML.replacingFirst(k.sheet, "encoding=\"UTF-8\"", with: "encoding=\"UTF-16\"")) }

        // Checksums that do not match the data (item 2).
        for part in [sheetPart, "xl/workbook.xml", "xl/_rels/workbook.xml.rels"] {
            make.add("xlsx.badcrc", k.kind, "xlsx", .refused) { url, _ in try Workbook.withWrongCRC(k.xlsx, entry: part).write(to: url) }
        }
        make.add("xlsx.badcrc", k.kind, "xlsx", .refused) { url, _ in
            try Workbook.write(sharedVersion(k), to: url)
            try Workbook.withWrongCRC(try Data(contentsOf: url), entry: sharedPart).write(to: url)
        }
    }
}
