/// Bars drawn with block characters, filled to a fraction of a width.
public enum Bar {
    /// A bar of `width` cells filled to `fraction` (0…1): eighth-cell precision in Unicode, whole cells in ASCII.
    public static func filled(_ fraction: Double, width: Int, glyphs: Glyphs, emptyFill: Bool = false) -> String {
        guard width > 0 else { return "" }
        let steps = steps(fraction, cells: width, glyphs: glyphs)
        var text = String(repeating: glyphs.full, count: steps / glyphs.stepsPerCell)
        if steps % glyphs.stepsPerCell > 0 { text.append(glyphs.eighths[steps % glyphs.stepsPerCell - 1]) }
        let pad: Character = emptyFill ? glyphs.barEmpty : " "
        return text + String(repeating: pad, count: max(0, width - text.count))
    }

    /// How many steps of a bar `cells` long show `fraction` (0…1). A step is an eighth of a cell where the glyphs
    /// have partial blocks (Unicode) and a whole cell where they have none (ASCII), so an ASCII bar never has a
    /// partial cell drawn as a gap or as a whole mark.
    ///
    /// Steps are rounded half up (2,5 cells → 3). With whole cells, the two ends of a bar keep their meaning, at a
    /// cost of less than one cell: empty means none, so a value above zero shows at least one mark; full means all
    /// (a gauge full is a target reached), so a value below the whole leaves its last cell empty even where it would
    /// round up to the full width. On a one-cell bar the mark wins. Eighths are fine enough to need neither rule.
    public static func steps(_ fraction: Double, cells: Int, glyphs: Glyphs) -> Int {
        guard cells > 0 else { return 0 }
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        var steps = Int((clamped * Double(cells) * Double(glyphs.stepsPerCell)).rounded())
        guard glyphs.stepsPerCell == 1 else { return steps }
        if clamped < 1 { steps = min(steps, cells - 1) }
        if clamped > 0 { steps = max(steps, 1) }
        return steps
    }
}

/// Horizontal bars with a label and a value, one per row (e.g. kecamatan by active ratio).
public struct BarChartWidget {
    public struct Item: Sendable {
        public var label: String
        public var fraction: Double
        public var value: String
        public init(label: String, fraction: Double, value: String) { self.label = label; self.fraction = fraction; self.value = value }
    }

    public var items: [Item]
    public var labelWidth: Int
    public var selected: Int?
    public var highlighted: Int?
    public var offset: Int
    public var focused: Bool

    public init(items: [Item], labelWidth: Int, selected: Int?, highlighted: Int?, offset: Int, focused: Bool) {
        self.items = items; self.labelWidth = labelWidth; self.selected = selected
        self.highlighted = highlighted; self.offset = offset; self.focused = focused
    }

    public func draw(_ canvas: inout Canvas, _ rect: Rect, appearance: Appearance) {
        let g = appearance.glyphs, theme = appearance.theme
        let valueWidth = items.map(\.value.count).max() ?? 0
        let barWidth = max(1, rect.width - labelWidth - valueWidth - 2)
        let first = selected.map { TableWidget.scrolled(offset: offset, selected: $0, visible: rect.height, count: items.count) } ?? offset
        for (i, item) in items.dropFirst(first).prefix(rect.height).enumerated() {
            let index = first + i, y = rect.y + i
            var style = index == highlighted ? theme.total : Style.plain
            if index == selected { style = focused ? theme.selected : theme.selectedUnfocused }
            canvas.fill(rect.row(i), style: style)
            var x = canvas.put(Fit.left(item.label, labelWidth, ellipsis: g.ellipsis) + " ", x: rect.x, y: y, style: style, clip: rect)
            x = canvas.put(Bar.filled(item.fraction, width: barWidth, glyphs: g), x: x, y: y,
                           style: index == selected ? style : theme.bar, clip: rect)
            canvas.put(" " + Fit.right(item.value, valueWidth), x: x, y: y, style: style, clip: rect)
        }
    }
}

/// Columns by year, each labelled with its year below and its value above.
public struct ColumnChartWidget {
    public struct Item: Sendable {
        public var label: String
        public var value: Int
        public var text: String
        public init(label: String, value: Int, text: String) { self.label = label; self.value = value; self.text = text }
    }

    public var items: [Item]

    public init(items: [Item]) { self.items = items }

    public func draw(_ canvas: inout Canvas, _ rect: Rect, appearance: Appearance) {
        guard rect.height >= 3, !items.isEmpty else { return }
        let g = appearance.glyphs
        // Columns grow with the room, up to twice their label.
        let labelWidth = max(4, items.map { max($0.label.count, $0.text.count) }.max() ?? 4)
        let columnWidth = max(labelWidth, min(labelWidth * 2, (rect.width + 1) / items.count - 1))
        let fitting = max(1, (rect.width + 1) / (columnWidth + 1))
        let shown = Array(items.suffix(fitting))
        let barRows = rect.height - 2
        let maxValue = max(1, shown.map(\.value).max() ?? 1)
        for (i, item) in shown.enumerated() {
            let x = rect.x + i * (columnWidth + 1)
            let steps = Bar.steps(Double(item.value) / Double(maxValue), cells: barRows, glyphs: g)
            let perCell = g.stepsPerCell, rows = (steps + perCell - 1) / perCell
            let topRow = rect.maxY - 2 - rows
            // The value sits just above its column.
            canvas.put(Fit.right(item.text, columnWidth), x: x, y: max(rect.y, topRow), style: appearance.theme.total, clip: rect)
            for r in 0..<rows {
                let level = min(perCell, steps - r * perCell)
                let glyph = level == perCell ? g.full : g.verticalEighths[level - 1]
                canvas.put(String(repeating: glyph, count: columnWidth - 1), x: x + 1, y: rect.maxY - 2 - r,
                           style: appearance.theme.bar, clip: rect)
            }
            canvas.put(Fit.right(item.label, columnWidth), x: x, y: rect.maxY - 1, style: appearance.theme.muted, clip: rect)
        }
    }
}
