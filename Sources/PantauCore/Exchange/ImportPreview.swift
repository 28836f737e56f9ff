/// What an import understood of one file or sheet, shown before anything is written (`--dry-run`) and in the summary
/// of a real import: where the header is, which field each column feeds, which rows were passed over and why.
public struct ImportPreview: Sendable, Equatable {
    public struct Column: Sendable, Equatable {
        /// As the file names it.
        public var name: String
        /// The field it feeds (`nik`, `aktif_2023`); nil when it is ignored.
        public var field: String?
        /// Ignored as the office's own numbering (`No`), not as an unknown column.
        public var numbering = false
    }

    /// A total or subtotal row, passed over.
    public struct TotalRow: Sendable, Equatable {
        public var line: Int
        public var label: String
    }

    /// The sheet of a workbook; nil for a CSV file.
    public var sheet: String?
    public var headerLine = 1
    public var columns: [Column] = []
    /// The kecamatan a sheet's name gave its rows, as "Muara Bengkal, Kutai Timur (64.08.03)", when the sheet has no
    /// region column.
    public var regionFromSheet: String?
    /// The first total rows (at most `listLimit`); `totalRowCount` counts them all.
    public var totalRows: [TotalRow] = []
    public var totalRowCount = 0

    static let listLimit = 20

    package init() {}

    package init(header: HeaderFinder.Header, sheet: String?) {
        self.sheet = sheet
        headerLine = header.line
        for (column, name) in header.names.enumerated() {
            let name = ImportRow.trimmed(name)
            guard !name.isEmpty else { continue }
            columns.append(Column(name: name, field: header.map.field(at: column), numbering: header.map.numbering.contains(column)))
        }
    }

    package mutating func passOver(totalRow label: String, line: Int) {
        totalRowCount += 1
        if totalRows.count < Self.listLimit { totalRows.append(TotalRow(line: line, label: label)) }
    }
}
