/// Finds the header of a sheet or CSV file as offices make them: the row, among the first 30, that names the most
/// known columns and at least the required ones. Rows above it (titles, merged cells, a logo's empty rows) are not data.
package enum HeaderFinder {
    package static let rowsSearched = 30

    package struct Header {
        package var line: Int
        package var names: [String]
        package var map: ImportSchema.HeaderMap
    }

    package enum Outcome {
        /// The header, and the rows read past it while looking (the first rows of data, in order).
        case found(Header, rowsAfter: [SourceRow])
        /// No header; the row that came closest (two known columns or more), if any, and whether the file had text at all.
        case notFound(closest: Header?, empty: Bool)
    }

    /// `regionElsewhere`: a sheet may lack the region column when its name says where its rows are.
    package static func find(in source: TableSource, kind: ImportKind, regionElsewhere: Bool) throws -> Outcome {
        var rows: [SourceRow] = []
        var overflow: SourceRow?
        while let row = try source.nextRow() {
            if row.line > rowsSearched { overflow = row; break }
            rows.append(row)
        }
        var best: (index: Int, header: Header)?
        var closest: Header?
        for (index, row) in rows.enumerated() {
            let map = ImportSchema.map(header: row.fields, kind: kind)
            let header = Header(line: row.line, names: row.fields, map: map)
            let missing = regionElsewhere ? map.missing.filter { $0 != ImportSchema.region.name } : map.missing
            if missing.isEmpty {
                if map.matched > best?.header.map.matched ?? 0 { best = (index, header) }
            } else if map.matched >= 2, map.matched > closest?.map.matched ?? 0 {
                closest = header
            }
        }
        guard let best else { return .notFound(closest: closest, empty: rows.isEmpty && overflow == nil) }
        return .found(best.header, rowsAfter: Array(rows[(best.index + 1)...]) + (overflow.map { [$0] } ?? []))
    }
}
