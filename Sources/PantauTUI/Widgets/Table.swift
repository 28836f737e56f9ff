/// A column of a table: a fixed width, or 0 to share the room that is left.
public struct TableColumn: Sendable {
    public enum Align: Sendable { case left, right }
    public var title: String
    public var width: Int
    public var align: Align
    /// Cells drawn in the bar style (inline bars).
    public var isBar: Bool
    /// 0: always shown. Otherwise the column may go when the table is too narrow; the highest goes first.
    public var dropOrder: Int

    public init(_ title: String, width: Int, align: Align = .right, isBar: Bool = false, dropOrder: Int = 0) {
        self.title = title; self.width = width; self.align = align; self.isBar = isBar; self.dropOrder = dropOrder
    }
}

/// A table with a header, rows that scroll, a selected row and an optional footer (totals).
public struct TableWidget {
    public var columns: [TableColumn]
    public var rows: [[String]]
    /// Rows shown emphasised (e.g. a province among its kabupaten).
    public var emphasised: Set<Int> = []
    public var selected: Int?
    public var offset: Int = 0
    public var footer: [String]?
    public var focused: Bool
    /// When set, columns are dropped (by their `dropOrder`) until the shared columns get at least this width,
    /// so a narrow table loses whole columns instead of cutting names to nothing or numbers at all.
    public var minimumFillWidth: Int?

    public init(columns: [TableColumn], rows: [[String]], selected: Int?, offset: Int, focused: Bool) {
        self.columns = columns; self.rows = rows; self.selected = selected; self.offset = offset; self.focused = focused
    }

    /// How many rows fit below the header (and above the footer) in `height` rows.
    public static func visibleRows(height: Int, hasFooter: Bool) -> Int { max(0, height - 1 - (hasFooter ? 1 : 0)) }

    /// The first row to show so that `selected` stays visible, moving as little as possible from `offset`.
    public static func scrolled(offset: Int, selected: Int, visible: Int, count: Int) -> Int {
        guard visible > 0 else { return 0 }
        var o = min(offset, max(0, count - visible))
        if selected < o { o = selected }
        if selected >= o + visible { o = selected - visible + 1 }
        return max(0, o)
    }

    /// Each column's width before the shared columns (0) divide what is left. A right-aligned column is as wide as
    /// its widest cell among `shown` (the rows on screen and the footer), so that a figure is never cut and every
    /// row stays aligned when a total outgrows the width planned for it (the country's 129.758 koperasi in a
    /// column of 5); the shared columns give up the room.
    func plannedWidths(shown: [[String]]) -> [Int] {
        columns.indices.map { i in
            let column = columns[i]
            guard column.width > 0, column.align == .right, !column.isBar else { return column.width }
            return shown.reduce(column.width) { widest, cells in cells.indices.contains(i) ? max(widest, cells[i].count) : widest }
        }
    }

    /// The table with the columns that fit `width`, the others counted at their `planned` widths.
    func fitted(to width: Int, planned: [Int]) -> TableWidget {
        guard let minimum = minimumFillWidth else { return self }
        var kept = Array(columns.indices)
        func fillWidth() -> Int { width - kept.reduce(0) { $0 + planned[$1] } - (kept.count - 1) }
        for i in columns.indices.filter({ columns[$0].dropOrder > 0 }).sorted(by: { columns[$0].dropOrder > columns[$1].dropOrder }) {
            guard fillWidth() < minimum else { break }
            kept.removeAll { $0 == i }
        }
        func pick(_ cells: [String]) -> [String] { kept.map { cells.indices.contains($0) ? cells[$0] : "" } }
        var table = self
        table.columns = kept.map { columns[$0] }
        table.rows = rows.map(pick)
        table.footer = footer.map(pick)
        table.minimumFillWidth = nil
        return table
    }

    public func draw(_ canvas: inout Canvas, _ rect: Rect, appearance: Appearance) {
        guard rect.height > 0, rect.width > 0 else { return }
        let visible = Self.visibleRows(height: rect.height, hasFooter: footer != nil)
        let first = selected.map { Self.scrolled(offset: offset, selected: $0, visible: visible, count: rows.count) } ?? offset
        let shownRows = rows.dropFirst(first).prefix(visible)
        let planned = plannedWidths(shown: Array(shownRows) + (footer.map { [$0] } ?? []))
        guard minimumFillWidth == nil else {
            return fitted(to: rect.width, planned: planned).draw(&canvas, rect, appearance: appearance)
        }
        let fixed = planned.reduce(0, +) + (columns.count - 1)
        let flexible = planned.filter { $0 == 0 }.count
        let share = flexible > 0 ? max(1, (rect.width - fixed) / flexible) : 0
        let widths = planned.map { $0 == 0 ? share : $0 }
        let g = appearance.glyphs, theme = appearance.theme
        func line(_ cells: [String]) -> [(String, Bool)] {
            zip(columns, zip(cells, widths)).map { column, pair in
                let (text, width) = pair
                let fitted = column.align == .left || column.isBar ? Fit.left(text, width, ellipsis: g.ellipsis) : Fit.right(text, width)
                return (fitted, column.isBar)
            }
        }
        func draw(_ cells: [String], y: Int, style: Style, barStyle: Style) {
            var x = rect.x
            for (text, isBar) in line(cells) {
                x = canvas.put(text, x: x, y: y, style: isBar ? barStyle : style, clip: rect)
                x = canvas.put(" ", x: x, y: y, style: style, clip: rect)
            }
        }
        draw(columns.map(\.title), y: rect.y, style: theme.header, barStyle: theme.header)
        for (i, row) in shownRows.enumerated() {
            let index = first + i, y = rect.y + 1 + i
            let isSelected = index == selected
            var style = emphasised.contains(index) ? theme.total : Style.plain
            if isSelected { style = focused ? theme.selected : theme.selectedUnfocused }
            canvas.fill(rect.row(1 + i), style: style)
            draw(row, y: y, style: style, barStyle: isSelected ? style : theme.bar)
        }
        if rows.count > visible, visible > 0, rect.maxY < canvas.height {
            // Where we are in a long list, "12/49", on the frame's bottom edge where it hides no figure.
            let marker = " \((selected ?? first) + 1)/\(rows.count) "
            if marker.count + 2 < rect.width { canvas.put(marker, x: rect.maxX - marker.count - 1, y: rect.maxY, style: theme.muted) }
        }
        if let footer {
            draw(footer, y: rect.maxY - 1, style: theme.total, barStyle: theme.total)
        }
    }
}
