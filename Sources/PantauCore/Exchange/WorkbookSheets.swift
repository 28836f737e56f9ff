import Foundation

/// One file, or one sheet of a workbook, read by an import.
package struct ImportUnit {
    package let path: String
    /// The sheet asked for (`--sheet`, or each sheet with `--all-sheets`); nil: the first, or a CSV file.
    package let sheet: String?
    /// One of every sheet of a workbook (`--all-sheets`): a sheet without a header is passed over, not a problem.
    package let oneOfAllSheets: Bool
}

/// The sheets of workbooks, for `--all-sheets` and for the hint to use it.
package enum WorkbookSheets {
    /// The file once, or with `--all-sheets` each sheet of a workbook, in order.
    package static func units(of path: String, _ request: ImportRequest) throws -> [ImportUnit] {
        guard request.allSheets, TableSource.isWorkbook(path) else { return [ImportUnit(path: path, sheet: request.sheet, oneOfAllSheets: false)] }
        return try XLSXReader(path: path, sheet: nil, lang: request.lang).sheets.map { ImportUnit(path: path, sheet: $0.name, oneOfAllSheets: true) }
    }

    /// The sheets among `names` (a workbook's), other than `except`, that have a header: where to point an officer
    /// whose first sheet has none, or who imported only the first. At most six are named, from the first 50 sheets;
    /// a sheet that cannot be read is left out.
    package static func withHeader(path: String, names: [String], except: String, kind: ImportKind, lang: Language) -> [String] {
        var found: [String] = []
        for name in names.prefix(50) where name != except && found.count < 6 {
            guard let source = try? TableSource(path: path, encoding: nil, sheet: name, lang: lang),
                  case .found? = try? HeaderFinder.find(in: source, kind: kind, regionElsewhere: true) else { continue }
            found.append(name)
        }
        return found
    }

    /// "Muara Bengkal, Sangatta Utara, …" for a message.
    package static func list(_ names: [String]) -> String {
        names.prefix(5).map { Excerpt.of($0) }.joined(separator: ", ") + (names.count > 5 ? ", …" : "")
    }
}
