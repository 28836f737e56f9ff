import Foundation
import PantauTestSupport
import Testing
import ZIPFoundation
@testable import PantauCore
@testable import PantauSQLite

/// The .xlsx reader against crafted, damaged and hostile workbooks: one sentence naming FILE:Sheet:ROW, nothing
/// imported; and the cells it reports.
@Suite struct XLSXReaderTests {
    static let header = ["nik", "nama", "kode_wilayah", "jenis", "jumlah_anggota", "tahun_berdiri", "aktif_2023"]
    static let saveAgain = "save it again from Excel or LibreOffice"

    /// A valid koperasi row of the sample region, its NIK made from `n`.
    static func row(_ n: Int) -> [String] {
        [String(format: "64080399990%05d", n), "KSU Uji \(n)", "64.08.03", "serba usaha", "12", "2000", "ya"]
    }

    static func cell(_ column: Int, _ row: Int, _ text: String) -> String {
        "<c r=\"\(SheetReader.reference(column, row))\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
    }

    /// The XML of a sheet with these rows, as inline strings; `extra` goes inside each `<row>` after the cells.
    static func sheet(_ rows: [[String]], extra: (Int) -> String = { _ in "" }) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>"#
        for (i, fields) in rows.enumerated() {
            xml += "<row r=\"\(i + 1)\">" + fields.enumerated().map { cell($0.offset, i + 1, $0.element) }.joined() + extra(i + 1) + "</row>"
        }
        return xml + "</sheetData></worksheet>"
    }

    static let workbook = #"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#
    static let relations = #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#

    /// Writes a workbook of these parts (the workbook and its relations added unless given).
    static func workbook(_ parts: [String: Data], method: CompressionMethod = .deflate, withWorkbook: Bool = true) throws -> String {
        let path = Fixtures.temporaryPath("book.xlsx")
        let archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .create)
        var all = parts
        if withWorkbook {
            all["xl/workbook.xml"] = all["xl/workbook.xml"] ?? Data(workbook.utf8)
            all["xl/_rels/workbook.xml.rels"] = all["xl/_rels/workbook.xml.rels"] ?? Data(relations.utf8)
        }
        for (name, data) in all.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(with: name, type: .file, uncompressedSize: Int64(data.count), compressionMethod: method) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return path
    }

    static func workbook(sheet: String, shared: String? = nil, method: CompressionMethod = .deflate) throws -> String {
        var parts = ["xl/worksheets/sheet1.xml": Data(sheet.utf8)]
        if let shared { parts["xl/sharedStrings.xml"] = Data(shared.utf8) }
        return try workbook(parts, method: method)
    }

    func request(_ path: String) -> ImportRequest {
        var r = ImportRequest(kind: .koperasi, files: [path])
        r.lang = .en
        r.who = "tester"
        return r
    }

    /// Imports a workbook that must be refused with exactly this problem; the database must be left as it was.
    func expectRefusal(_ path: String, _ expected: String) throws {
        let store = try Store.open(at: try Fixtures.freshSampleDatabase())
        let before = try ImportTests().contents(store)
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(request(path)) }
        #expect(error?.problems.map(\.description) == [expected])
        #expect(try ImportTests().contents(store) == before, "a refused workbook changes nothing")
    }

    @Test func aValidWorkbookImports() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header] + (1...3).map(Self.row)))
        let store = try Store.open(at: try Fixtures.freshSampleDatabase())
        let summary = try store.importFiles(request(path))
        #expect(summary.files.first?.location == "\(path):Sheet1" && summary.files.first?.inserted == 3)
        #expect(try store.koperasiDetail(nik: "6408039999000002").koperasi.nama == "KSU Uji 2")
    }

    @Test func cellReferenceFarBeyondTheLastCell() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header, Self.row(1)]) { row in
            row == 2 ? #"<c r="ZZZZZZZZZZZZZZZ2" t="inlineStr"><is><t>x</t></is></c>"# : ""
        })
        try expectRefusal(path, "\(path):Sheet1:2: the cell reference ZZZZZZZZZZZZZZZ2 is not a cell of a sheet (A1 to XFD1048576); \(Self.saveAgain)")
    }

    /// What an officer sees: one sentence, exit status 1, no trap, nothing written.
    @Test func commandLineRefusesTheCraftedReference() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header, Self.row(1)]) { row in row == 2 ? #"<c r="ZZZZZZZZZZZZZZZ2"><v>1</v></c>"# : "" })
        let db = try Fixtures.freshSampleDatabase()
        let before = try ImportTests().contents(try Store.open(at: db))
        let result = try CLI.run(["import", "koperasi", path, "--db", db, "--lang", "en"])
        #expect(result.status == 1)
        #expect(result.stderr == """
            \(path):Sheet1:2: the cell reference ZZZZZZZZZZZZZZZ2 is not a cell of a sheet (A1 to XFD1048576); \(Self.saveAgain)
            Nothing was imported: fix the problem above and import again.

            """)
        #expect(try ImportTests().contents(try Store.open(at: db)) == before)
    }

    @Test func cellReferenceOneColumnPastXFD() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header, Self.row(1)]) { row in row == 2 ? #"<c r="AAAAAAA2"><v>1</v></c>"# : "" })
        try expectRefusal(path, "\(path):Sheet1:2: the cell reference AAAAAAA2 is not a cell of a sheet (A1 to XFD1048576); \(Self.saveAgain)")
        let past = try Self.workbook(sheet: Self.sheet([Self.header, Self.row(1)]) { row in row == 2 ? #"<c r="XFE2"><v>1</v></c>"# : "" })
        try expectRefusal(past, "\(past):Sheet1:2: the cell reference XFE2 is not a cell of a sheet (A1 to XFD1048576); \(Self.saveAgain)")
    }

    @Test func rowNumberBeyondTheLastRow() throws {
        let sheet = Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: "<row r=\"2\">", with: "<row r=\"99999999999999999999\">")
        let path = try Self.workbook(sheet: sheet)
        try expectRefusal(path, "\(path):Sheet1: the row number 99999999999999999999 is not between 1 and 1048576; \(Self.saveAgain)")
    }

    @Test func aRowNumberTwiceIsRefused() throws {
        let sheet = Self.sheet([Self.header, Self.row(1), Self.row(2)]).replacingOccurrences(of: "<row r=\"3\">", with: "<row r=\"2\">")
        let path = try Self.workbook(sheet: sheet)
        try expectRefusal(path, "\(path):Sheet1:2: row 2 comes again, or out of order, in this sheet; \(Self.saveAgain)")
    }

    /// Sixteen strings of 64 KB fill a page of the table to its last byte; the empty string after them starts a new one.
    @Test func anEmptySharedStringAfterAFullPage() throws {
        let long = String(repeating: "x", count: 65_536)
        let strings = Array(repeating: "<si><t>\(long)</t></si>", count: 16).joined() + "<si><t></t></si><si><t>KSU Penuh</t></si>"
        let shared = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"# + strings + "</sst>"
        let path = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>17</v></c>"#), shared: shared)
        let store = try Store.open(at: try Fixtures.freshSampleDatabase())
        _ = try store.importFiles(request(path))
        #expect(try store.koperasiDetail(nik: "6408039999000001").koperasi.nama == "KSU Penuh")
        let empty = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>16</v></c>"#), shared: shared)
        try expectRefusal(empty, "\(empty):Sheet1:2: nama: is empty; every row needs a value here")
    }

    /// Cells right of the header's last column are read past without being kept: the row imports as if they
    /// were not there, even at XFD.
    @Test func cellsRightOfTheHeaderAreIgnored() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header] + (1...3).map(Self.row)) { row in
            row > 1 ? "<c r=\"XFD\(row)\" t=\"inlineStr\"><is><t>far away</t></is></c>" : ""
        })
        let reader = try XLSXReader(path: path, sheet: nil, lang: .en)
        #expect(try reader.nextRow()?.fields == Self.header)
        #expect(try reader.nextRow()?.fields == Self.row(1))
        let store = try Store.open(at: try Fixtures.freshSampleDatabase())
        #expect(try store.importFiles(request(path)).files.first?.inserted == 3)
    }

    @Test func truncatedSheetImportsNothing() throws {
        let full = Self.sheet([Self.header] + (1...1000).map(Self.row))
        let cut = String(full.prefix(upTo: full.range(of: "<row r=\"500\">")!.upperBound)) + "<c r=\"A500\" t=\"inl"
        let path = try Self.workbook(sheet: cut)
        try expectRefusal(path, "\(path):Sheet1:500: xl/worksheets/sheet1.xml is cut off before its end (the file is damaged); \(Self.saveAgain)")
    }

    /// The damage shows only in the checksum, after every row was read and written in the transaction: the
    /// import still writes nothing.
    @Test func failedChecksumImportsNothing() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header] + (1...1000).map(Self.row)), method: .none)
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let marker = Data("KSU Uji 999<".utf8)
        let at = bytes.range(of: marker)!.lowerBound + 4
        bytes[at] = UInt8(ascii: "X")
        try bytes.write(to: URL(fileURLWithPath: path))
        try expectRefusal(path, "\(path):Sheet1: is damaged: its part xl/worksheets/sheet1.xml is incomplete or fails its checksum; \(Self.saveAgain)")
    }

    /// Damage inside the compressed bytes of the sheet: the deflate stream, the XML it turns into or the
    /// checksum gives it away (which one first depends on how zlib compressed the sheet).
    @Test func damagedCompressedSheetImportsNothing() throws {
        let path = try Self.workbook(sheet: Self.sheet([Self.header] + (1...1000).map(Self.row)))
        var bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        for offset in stride(from: bytes.count / 2, to: bytes.count / 2 + 64, by: 8) { bytes[offset] ^= 0xFF }
        try bytes.write(to: URL(fileURLWithPath: path))
        let store = try Store.open(at: try Fixtures.freshSampleDatabase())
        let before = try ImportTests().contents(store)
        let error = #expect(throws: ImportFailure.self) { try store.importFiles(request(path)) }
        #expect(error?.problems.count == 1)
        let problem = error?.problems.first?.description ?? ""
        #expect(problem.hasPrefix("\(path):Sheet1") && problem.hasSuffix(Self.saveAgain), "\(problem)")
        #expect(try ImportTests().contents(store) == before, "a damaged workbook changes nothing")
    }

    @Test func malformedXML() throws {
        let sheet = Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: "</row></sheetData>", with: "</rows></sheetData>")
        let path = try Self.workbook(sheet: sheet)
        try expectRefusal(path, "\(path):Sheet1:2: xl/worksheets/sheet1.xml is not well-formed XML (an end tag that does not match its start tag); \(Self.saveAgain)")
    }

    @Test func entityExpansionIsRefused() throws {
        let laughs = #"<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>"#
        let sheet = Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: #"<?xml version="1.0" encoding="UTF-8"?>"#, with: laughs)
            .replacingOccurrences(of: "KSU Uji 1", with: "&lol2;")
        let path = try Self.workbook(sheet: sheet)
        try expectRefusal(path, "\(path):Sheet1: xl/worksheets/sheet1.xml holds a DTD or declaration (<!…>), which no workbook has; \(Self.saveAgain)")
        let undeclared = try Self.workbook(sheet: Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: "KSU Uji 1", with: "&lol;"))
        try expectRefusal(undeclared, "\(undeclared):Sheet1:2: xl/worksheets/sheet1.xml is not well-formed XML (an undefined entity); \(Self.saveAgain)")
    }

    @Test func deepNestingIsRefused() throws {
        let deep = String(repeating: "<a>", count: 100_000)
        let sheet = Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: "</sheetData>", with: "</sheetData>" + deep)
        let path = try Self.workbook(sheet: sheet)
        try expectRefusal(path, "\(path):Sheet1:2: xl/worksheets/sheet1.xml is not well-formed XML (elements nested more than 64 deep); \(Self.saveAgain)")
    }

    @Test func zipBombIsRefused() throws {
        let blank = String(repeating: " ", count: 40 << 20)
        let sheet = Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: "</sheetData>", with: blank + "</sheetData>")
        let path = try Self.workbook(sheet: sheet)
        try expectRefusal(path, "\(path):Sheet1:2: its part xl/worksheets/sheet1.xml expands to more than 100 times its compressed size, which no workbook does (a zip bomb); \(Self.saveAgain)")
    }

    @Test func cellLongerThan64KB() throws {
        var row = Self.row(1)
        row[1] = String(repeating: "n", count: 64 * 1024 + 1)
        let path = try Self.workbook(sheet: Self.sheet([Self.header, row]))
        try expectRefusal(path, "\(path):Sheet1:2: cell B2 holds more than 64 KB of text, and a cell (like a field of a CSV file) holds at most 64 KB; shorten it")
    }

    static let shared = #"<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="2" uniqueCount="2"><si><t>KSU Bersama</t></si><si><r><t>KSU </t></r><r><t>Kaya</t></r><rPh><t>kana</t></rPh></si></sst>"#

    static func sheet(nameCell: String) -> String {
        Self.sheet([Self.header, Self.row(1)]).replacingOccurrences(of: Self.cell(1, 2, "KSU Uji 1"), with: nameCell)
    }

    @Test func sharedStringsResolve() throws {
        let path = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>1</v></c>"#), shared: Self.shared)
        let store = try Store.open(at: try Fixtures.freshSampleDatabase())
        _ = try store.importFiles(request(path))
        #expect(try store.koperasiDetail(nik: "6408039999000001").koperasi.nama == "KSU Kaya")
    }

    @Test func sharedStringIndexOutOfRange() throws {
        let path = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>99</v></c>"#), shared: Self.shared)
        try expectRefusal(path, "\(path):Sheet1:2: cell B2 refers to shared string 99, but the workbook has only 2; \(Self.saveAgain)")
        let huge = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>99999999999999999999999</v></c>"#), shared: Self.shared)
        try expectRefusal(huge, "\(huge):Sheet1:2: cell B2 refers to a shared string by something that is not a number; \(Self.saveAgain)")
        let word = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>one</v></c>"#), shared: Self.shared)
        try expectRefusal(word, "\(word):Sheet1:2: cell B2 refers to a shared string by something that is not a number; \(Self.saveAgain)")
    }

    @Test func missingParts() throws {
        let noSheet = try Self.workbook([:])
        try expectRefusal(noSheet, "\(noSheet):Sheet1: lacks its sheet Sheet1; \(Self.saveAgain)")
        let noWorkbook = try Self.workbook(["xl/worksheets/sheet1.xml": Data(Self.sheet([Self.header]).utf8)], withWorkbook: false)
        try expectRefusal(noWorkbook, "\(noWorkbook): is not an .xlsx workbook (no xl/workbook.xml); save it as .xlsx or .csv")
    }

    @Test func notAZipFile() throws {
        let path = Fixtures.temporaryPath("book.xlsx")
        _ = FileManager.default.createFile(atPath: path, contents: Data([0x50, 0x4B, 0x03, 0x04] + Array(repeating: 0x41, count: 100)))
        try expectRefusal(path, "\(path): is not a readable .xlsx workbook; \(Self.saveAgain)")
    }

    @Test func indonesianMessage() throws {
        let path = try Self.workbook(sheet: Self.sheet(nameCell: #"<c r="B2" t="s"><v>7</v></c>"#), shared: Self.shared)
        let reader = try XLSXReader(path: path, sheet: nil, lang: .id)
        _ = try reader.nextRow()
        #expect(throws: ImportProblem.row(path: "\(path):Sheet1", line: 2, column: nil,
                                          message: "sel B2 merujuk teks bersama nomor 7, padahal buku kerja ini hanya punya 2; simpan ulang dari Excel atau LibreOffice")) {
            try reader.nextRow()
        }
    }

    /// Line ends inside a cell read as XML reads them: CR LF and CR become LF; a CR written as `&#13;` stays.
    @Test func lineEndsInACell() throws {
        let sheet = "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>Jl. Merdeka\r\nRT 2\rRW 3&#13;\nno. 4</t></is></c></row></sheetData></worksheet>"
        let reader = try XLSXReader(path: try Self.workbook(sheet: sheet), sheet: nil, lang: .en)
        #expect(try reader.nextRow()?.fields == ["Jl. Merdeka\nRT 2\nRW 3\r\nno. 4"])
    }

    /// What a later reader of several sheets needs: each cell's kind, and a formula never calculated told
    /// apart from an empty value.
    @Test func cellKinds() throws {
        let cells = #"<c r="A1" t="s"><v>0</v></c><c r="B1"><v>12.5</v></c><c r="C1"><f>SUM(B1)</f></c><c r="D1" t="str"><f>A1</f><v>KSU</v></c><c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#N/A</v></c><c r="H1" t="inlineStr"><is><t>a &amp; b</t></is></c>"#
        let sheet = #"<worksheet><sheetData><row r="1">"# + cells + "</row></sheetData></worksheet>"
        let path = try Self.workbook(sheet: sheet, shared: Self.shared)
        let zip = try ZipDirectory(path: path)
        func parser(_ part: String) throws -> XMLPullParser {
            XMLPullParser(part: part, source: try ZipEntryStream(directory: zip, entry: zip[part]!).next)
        }
        let reader = SheetReader(parser: try parser("xl/worksheets/sheet1.xml"), shared: try SharedStrings(parser: parser("xl/sharedStrings.xml")))
        let row = try #require(try reader.nextRow())
        #expect(row.number == 1)
        #expect(row.cells.map(\.column) == [0, 1, 2, 3, 4, 5, 7])
        #expect(row.cells.map(\.kind) == [.sharedString, .number, .number, .formulaString, .boolean, .error, .inlineString])
        #expect(row.cells.map(\.hasFormula) == [false, false, true, true, false, false, false])
        #expect(row.cells.map(\.value) == ["KSU Bersama", "12.5", nil, "KSU", "1", "#N/A", "a & b"])
        #expect(try reader.nextRow() == nil)
    }
}
