/// A table laid out in fixed-width columns (for terminals) or as a Markdown table.
struct TextTable {
    enum Align { case left, right }
    struct Column {
        var title: String
        var align: Align
    }

    var columns: [Column]
    var rows: [[String]] = []
    /// Rows drawn after a rule, e.g. the totals.
    var footer: [[String]] = []

    func plain() -> [String] {
        let all = [columns.map(\.title)] + rows + footer
        let widths = columns.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            zip(cells, columns.indices).map { cell, i in
                let pad = String(repeating: " ", count: widths[i] - cell.count)
                return columns[i].align == .left ? cell + pad : pad + cell
            }.joined(separator: "  ").trimmingTrailingSpaces()
        }
        let rule = String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1))
        return [line(columns.map(\.title)), rule] + rows.map(line) + (footer.isEmpty ? [] : [rule] + footer.map(line))
    }

    func markdown() -> [String] {
        func line(_ cells: [String]) -> String {
            "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |"
        }
        let rule = "|" + columns.map { $0.align == .left ? " --- |" : " ---: |" }.joined()
        return [line(columns.map(\.title)), rule] + rows.map(line) + footer.map { line($0.map { $0.isEmpty ? "" : "**\($0)**" }) }
    }
}

extension String {
    func trimmingTrailingSpaces() -> String {
        var s = self
        while s.last == " " { s.removeLast() }
        return s
    }
}
