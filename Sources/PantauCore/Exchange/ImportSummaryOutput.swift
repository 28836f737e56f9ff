import Foundation

/// The summary of an import, with the preview of each file: a short table for a terminal, JSON for scripts.
extension ImportSummary {
    public func text(_ lang: Language) -> String {
        let en = lang == .en
        func n(_ value: Int) -> String { NumberFormat.integer(value) }
        var lines: [String] = []
        for f in files {
            let encoding = f.encoding.map { " (\($0.displayName))" } ?? ""
            lines.append(en ? "\(f.location)\(encoding): \(n(f.rows)) rows: \(n(f.inserted)) inserted, \(n(f.updated)) updated, \(n(f.unchanged)) unchanged, \(n(f.warned)) warnings"
                            : "\(f.location)\(encoding): \(n(f.rows)) baris: \(n(f.inserted)) ditambah, \(n(f.updated)) diubah, \(n(f.unchanged)) tetap, \(n(f.warned)) peringatan")
            lines += f.preview.lines(lang).map { "  " + $0 }
        }
        if !sheetsWithoutHeader.isEmpty {
            let sheets = sheetsWithoutHeader.joined(separator: ", ")
            lines.append(en ? "Sheets without a header in their first \(HeaderFinder.rowsSearched) rows, passed over: \(sheets)"
                            : "Lembar tanpa judul kolom di \(HeaderFinder.rowsSearched) baris pertamanya, dilewati: \(sheets)")
        }
        let time = NumberFormat.decimal(seconds, places: 1)
        if dryRun {
            lines.append(en ? "Dry run in \(time) s: nothing was written." : "Uji coba dalam \(time) detik: tidak ada yang ditulis.")
        } else {
            lines.append(en ? "Done in \(time) s." : "Selesai dalam \(time) detik.")
        }
        // A file's name and its column names may hold anything, escape sequences included.
        return lines.map(TerminalSafe.text).joined(separator: "\n")
    }

    /// The same for scripts: every count, column and skipped row, in the file's own words (JSON escapes control characters).
    public func json() -> String {
        struct Column: Encodable { var column: String; var field: String?; var ignored: String? }
        struct Skipped: Encodable { var row: Int; var label: String }
        struct File: Encodable {
            var location: String, sheet: String?, encoding: String?, header_row: Int, region_from_sheet: String?
            var columns: [Column], total_rows_skipped: [Skipped], total_rows_skipped_count: Int
            var rows: Int, added: Int, changed: Int, unchanged: Int, warnings: Int
        }
        struct Document: Encodable {
            var dry_run: Bool, files: [File], sheets_without_header: [String], warnings: [String], seconds: Double
        }
        let document = Document(
            dry_run: dryRun,
            files: files.map { f in
                let p = f.preview
                return File(location: f.location, sheet: p.sheet, encoding: f.encoding?.displayName, header_row: p.headerLine,
                            region_from_sheet: p.regionFromSheet,
                            columns: p.columns.map { Column(column: $0.name, field: $0.field, ignored: $0.field != nil ? nil : $0.numbering ? "numbering" : "unknown") },
                            total_rows_skipped: p.totalRows.map { Skipped(row: $0.line, label: $0.label) }, total_rows_skipped_count: p.totalRowCount,
                            rows: f.rows, added: f.inserted, changed: f.updated, unchanged: f.unchanged, warnings: f.warned)
            },
            sheets_without_header: sheetsWithoutHeader, warnings: warnings.map(\.description), seconds: (seconds * 10).rounded() / 10)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data = (try? encoder.encode(document)) ?? Data("{}".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}

extension ImportPreview {
    /// The header row, a table of the columns, where the region came from and the rows passed over.
    func lines(_ lang: Language) -> [String] {
        let en = lang == .en
        var lines = [en ? "header: row \(headerLine)" : "judul kolom: baris \(headerLine)"]
        var table = TextTable(columns: [.init(title: en ? "file column" : "kolom berkas", align: .left),
                                        .init(title: en ? "read as" : "dibaca sebagai", align: .left)])
        table.rows = columns.map { column in
            let ignored = column.numbering ? (en ? "ignored (numbering)" : "diabaikan (nomor urut)")
                                           : (en ? "ignored (unknown column)" : "diabaikan (kolom tidak dikenal)")
            return [Excerpt.of(column.name), column.field ?? ignored]
        }
        lines += table.plain()
        if let regionFromSheet {
            lines.append(en ? "region: from the sheet name, \(regionFromSheet)" : "wilayah: dari nama lembar, \(regionFromSheet)")
        }
        if totalRowCount > 0 {
            var listed = totalRows.map { "\($0.line) (\(Excerpt.of($0.label)))" }.joined(separator: ", ")
            if totalRowCount > totalRows.count { listed += en ? ", … (\(totalRowCount) in all)" : ", … (\(totalRowCount) seluruhnya)" }
            let rows = totalRowCount == 1 ? (en ? "row" : "baris") : (en ? "rows" : "baris")
            lines.append(en ? "total rows skipped: \(rows) \(listed)" : "baris jumlah dilewati: \(rows) \(listed)")
        }
        return lines
    }
}
