import Foundation

/// One row of a file: its line (or sheet row) number and the text of its cells.
package struct SourceRow {
    package var line: Int
    package var fields: [String]
    /// Columns whose cell is a formula without a saved value: nothing to read there.
    package var formulasWithoutValue: [Int] = []
}

/// The rows of one file to import, whatever its format: delimited text or an .xlsx sheet (told by its first bytes).
package struct TableSource {
    private enum Reader { case delimited(DelimitedReader), xlsx(XLSXReader) }
    private let reader: Reader
    /// How problems name this file: the path, or `path:Sheet` for a workbook.
    package let location: String
    package let size: Int

    package init(path: String, encoding: TextEncoding?, sheet: String?, lang: Language = .id) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw ImportProblem.file(path: path, message: lang == .en ? "does not exist; check the file name" : "tidak ada; periksa nama berkasnya")
        }
        if isFolder.boolValue {
            throw ImportProblem.file(path: path, message: lang == .en ? "is a folder, not a file; give the .csv or .xlsx file inside it" : "adalah folder, bukan berkas; berikan berkas .csv atau .xlsx di dalamnya")
        }
        size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        if Self.isWorkbook(path) {
            let xlsx = try XLSXReader(path: path, sheet: sheet, lang: lang)
            reader = .xlsx(xlsx)
            location = xlsx.location
        } else {
            reader = .delimited(try DelimitedReader(path: path, forcedEncoding: encoding, lang: lang))
            location = path
        }
    }

    /// Bytes read so far (for progress).
    package var bytesRead: Int {
        switch reader {
        case .delimited(let r): r.bytesRead
        case .xlsx(let r): r.bytesRead
        }
    }

    package var encoding: TextEncoding? {
        if case .delimited(let r) = reader { return r.encoding }
        return nil
    }

    /// The sheet of a workbook; nil for delimited text.
    package var sheet: String? {
        if case .xlsx(let r) = reader { return r.sheetName }
        return nil
    }

    /// The names of all the sheets of a workbook; empty for delimited text.
    package var sheetNames: [String] {
        if case .xlsx(let r) = reader { return r.sheets.map(\.name) }
        return []
    }

    /// A zip file, so an .xlsx workbook (told by its first bytes, whatever its name).
    static func isWorkbook(_ path: String) -> Bool {
        let magic = FileHandle(forReadingAtPath: path).flatMap { try? $0.read(upToCount: 4) } ?? Data()
        return magic.starts(with: [0x50, 0x4B, 0x03, 0x04])
    }

    /// The header has this many columns: cells right of them are not read.
    package func limitColumns(to count: Int) {
        if case .xlsx(let r) = reader { r.limitColumns(to: count) }
    }

    package func nextRow() throws -> SourceRow? {
        switch reader {
        case .delimited(let r): try r.nextRow().map { SourceRow(line: $0.line, fields: $0.fields) }
        case .xlsx(let r): try r.nextRow()
        }
    }
}
