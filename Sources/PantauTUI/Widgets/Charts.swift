/// Bars drawn with block characters, filled to a fraction of a width.
public enum Bar {
    /// A bar of `width` cells filled to `fraction` (0…1), with eighth-cell precision in Unicode.
    public static func filled(_ fraction: Double, width: Int, glyphs: Glyphs, emptyFill: Bool = false) -> String {
        guard width > 0 else { return "" }
        let clamped = min(1, max(0, fraction.isFinite ? fraction : 0))
        let eighths = Int((clamped * Double(width) * 8).rounded())
        var text = String(repeating: glyphs.full, count: eighths / 8)
        if eighths % 8 > 0 { text.append(glyphs.eighths[eighths % 8 - 1]) }
        let pad: Character = emptyFill ? glyphs.barEmpty : " "
        return text + String(repeating: pad, count: max(0, width - text.count))
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
            let eighths = Int((Double(item.value) / Double(maxValue) * Double(barRows) * 8).rounded())
            let topRow = rect.maxY - 2 - (eighths + 7) / 8
            // The value sits just above its column.
            canvas.put(Fit.right(item.text, columnWidth), x: x, y: max(rect.y, topRow), style: appearance.theme.total, clip: rect)
            for r in 0..<barRows {
                let level = min(8, max(0, eighths - r * 8))
                guard level > 0 else { continue }
                let glyph = level == 8 ? g.full : g.verticalEighths[level - 1]
                canvas.put(String(repeating: glyph, count: columnWidth - 1), x: x + 1, y: rect.maxY - 2 - r,
                           style: appearance.theme.bar, clip: rect)
            }
            canvas.put(Fit.right(item.label, columnWidth), x: x, y: rect.maxY - 1, style: appearance.theme.muted, clip: rect)
        }
    }
}
