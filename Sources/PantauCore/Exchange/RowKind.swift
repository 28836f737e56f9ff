/// What a row below the header holds. Office sheets mix records with rows that are none: empty rows, and total or
/// subtotal rows ("JUMLAH", "TOTAL", "Sub Total", "Jumlah Kec. Bengalon") whose sums are often formulas.
enum RowKind: Equatable {
    case record
    case empty
    /// A total or subtotal row, with the label it carries.
    case total(label: String)

    /// A total row has one label and otherwise only numbers, and no name or key of its own (the label may stand in the
    /// name column, as some offices write it). Anything else with text is a record, checked as such.
    static func of(_ fields: [String], map: ImportSchema.HeaderMap, kind: ImportKind) -> RowKind {
        // The common case first, cheaply: a record names itself.
        for name in identity(kind) {
            guard let column = map.index[name], column < fields.count, !fields[column].isEmpty else { continue }
            let text = ImportRow.trimmed(fields[column])
            if !text.isEmpty && !isTotalLabel(text) { return .record }
        }
        var label: String?
        var labelColumn = -1
        var anything = false
        for (column, field) in fields.enumerated() {
            let text = ImportRow.trimmed(field)
            // A number alone in the numbering column is a row numbered in advance and never filled in.
            if text.isEmpty || (map.numbering.contains(column) && isNumber(text)) { continue }
            anything = true
            if isNumber(text) { continue }
            guard label == nil, isTotalLabel(text) else { return .record }
            (label, labelColumn) = (text, column)
        }
        guard anything else { return .empty }
        guard let label else { return .record }
        for name in identity(kind) {
            guard let column = map.index[name], column < fields.count, column != labelColumn else { continue }
            if !ImportRow.trimmed(fields[column]).isEmpty { return .record }
        }
        return .total(label: label)
    }

    /// The columns that name a record: a row with any of them filled in is a record.
    private static func identity(_ kind: ImportKind) -> [String] {
        switch kind {
        case .koperasi: ["nik", "nama"]
        case .umkm: ["nib", "nama_usaha"]
        case .pelatihan: ["nama", "angkatan"]
        case .target: ["indikator"]
        }
    }

    private static let totalWords = ["jumlah", "total", "subtotal", "grandtotal"]

    static func isTotalLabel(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, "jJtTsSgG".unicodeScalars.contains(first) else { return false }
        let key = ImportSchema.key(text)
        return totalWords.contains { key.hasPrefix($0) }
    }

    /// `1778`, `1.778`, `12,5`, `-3`, `75%`: what a sum, a count or a share looks like.
    static func isNumber(_ text: String) -> Bool {
        var digits = 0
        for (i, c) in text.enumerated() {
            if c.isASCIIDigit { digits += 1 } else if c == "." || c == "," || c == " " || (c == "-" && i == 0) || c == "%" { continue } else { return false }
        }
        return digits > 0
    }
}
