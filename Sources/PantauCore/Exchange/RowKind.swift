/// What a row below the header holds. Office sheets mix records with rows that are none: empty rows, and total or
/// subtotal rows ("JUMLAH", "TOTAL", "Sub Total", "Jumlah Kec. Bengalon") whose sums are often formulas.
package enum RowKind: Equatable {
    case record
    case empty
    /// A total or subtotal row, with the label it carries.
    case total(label: String)
}

/// Tells the rows of one file apart, with the header's columns looked up once.
package struct RowClassifier {
    /// The columns that name a record (NIK and name, NIB and name…): a row with any of them filled in is a record.
    private let identity: [Int]
    private let numbering: [Int]

    package init(map: ImportSchema.HeaderMap, kind: ImportKind) {
        let names = switch kind {
        case .koperasi: ["nik", "nama"]
        case .umkm: ["nama_usaha", "nib"]
        case .pelatihan: ["nama", "angkatan"]
        case .target: ["indikator"]
        }
        identity = names.compactMap { map.index[$0] }
        numbering = map.numbering
    }

    /// A total row has one label and otherwise only numbers, and no name or key of its own (the label may stand in the
    /// name column, as some offices write it). Anything else with text is a record, checked as such.
    package func kind(of fields: [String]) -> RowKind {
        // The common case first, cheaply: a record names itself.
        for column in identity where column < fields.count && !fields[column].isEmpty {
            let text = ImportRow.trimmed(fields[column])
            if !text.isEmpty && !Self.isTotalLabel(text) { return .record }
        }
        var label: String?
        var labelColumn = -1
        var anything = false
        for (column, field) in fields.enumerated() {
            let text = ImportRow.trimmed(field)
            // A number alone in the numbering column is a row numbered in advance and never filled in.
            if text.isEmpty || (numbering.contains(column) && Self.isNumber(text)) { continue }
            anything = true
            if Self.isNumber(text) { continue }
            guard label == nil, Self.isTotalLabel(text) else { return .record }
            (label, labelColumn) = (text, column)
        }
        guard anything else { return .empty }
        guard let label else { return .record }
        for column in identity where column < fields.count {
            // In the name column only the bare word counts as a label: "Total Servis Motor" may well be an UMKM.
            if column == labelColumn ? !Self.isBareTotalWord(label) : !ImportRow.trimmed(fields[column]).isEmpty { return .record }
        }
        return .total(label: label)
    }

    /// The labels of total rows, as header keys write them (no case, spaces or punctuation).
    private static let totalWords = ["jumlah", "total", "subtotal", "grandtotal"]

    package static func isBareTotalWord(_ text: String) -> Bool {
        totalWords.contains(ImportSchema.key(text))
    }

    package static func isTotalLabel(_ text: String) -> Bool {
        // Cheaply first, on the first three letters (ASCII, any case): this runs on a name in every row.
        var letters = text.utf8.makeIterator()
        guard let a = letters.next(), let b = letters.next(), let c = letters.next() else { return false }
        let head = UInt32(a | 0x20) << 16 | UInt32(b | 0x20) << 8 | UInt32(c | 0x20)
        guard Self.totalHeads.contains(head) else { return false }
        let key = ImportSchema.key(text)
        return totalWords.contains { key.hasPrefix($0) }
    }

    /// The first three letters of each total word ("jum", "tot", …) as three bytes in one number.
    private static let totalHeads: [UInt32] = totalWords.map { $0.utf8.prefix(3).reduce(0) { $0 << 8 | UInt32($1) } }

    /// `1778`, `1.778`, `12,5`, `-3`, `75%`: what a sum, a count or a share looks like.
    package static func isNumber(_ text: String) -> Bool {
        var digits = 0
        for (i, c) in text.utf8.enumerated() {
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digits += 1
            case UInt8(ascii: "."), UInt8(ascii: ","), UInt8(ascii: " "), UInt8(ascii: "%"): continue
            case UInt8(ascii: "-") where i == 0: continue
            default: return false
            }
        }
        return digits > 0
    }
}
