import PantauCore

/// The help overlay: every key that works here, from the same table that dispatches them.
/// On wide screens in one or two columns; in the narrow layout one column over the whole screen, in pages.
struct HelpOverlay {
    let appearance: Appearance
    var narrow = false
    var page = 0

    func draw(_ canvas: inout Canvas) {
        if narrow { drawPaged(&canvas) } else { drawColumns(&canvas) }
    }

    private func drawColumns(_ canvas: inout Canvas) {
        let s = Strings(appearance.lang)
        let lines = Self.bindings(narrow: false).map { binding in
            (appearance.glyphs == .ascii ? Self.asciiLabel(binding.label) : binding.label, binding.help(s))
        }
        let labelWidth = lines.map(\.0.count).max() ?? 0
        let entryWidth = labelWidth + 2 + (lines.map(\.1.count).max() ?? 0)
        // One column when it fits the height, else two side by side.
        let rowsAvailable = canvas.height - 3
        let columns = lines.count <= rowsAvailable ? 1 : 2
        let rows = (lines.count + columns - 1) / columns
        let width = min(canvas.width - 2, columns * entryWidth + (columns - 1) * 2 + 4)
        let height = min(canvas.height - 1, rows + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: max(0, (canvas.height - 1 - height) / 2), width: width, height: height)
        canvas.fill(rect)
        let inner = Box.draw(&canvas, rect, title: s.helpTitle, focused: true, appearance: appearance)
        let columnWidth = (inner.width - 2) / columns
        for (i, line) in lines.enumerated() {
            let column = i / rows, row = i % rows
            guard row < inner.height else { continue }
            let clip = Rect(x: inner.x + 1 + column * (columnWidth + 1), y: inner.y + row, width: columnWidth, height: 1)
            let x = canvas.put(Fit.left(line.0, labelWidth, ellipsis: appearance.glyphs.ellipsis) + "  ", x: clip.x, y: clip.y,
                               style: appearance.theme.header, clip: clip)
            canvas.put(line.1, x: x, y: clip.y, clip: clip)
        }
    }

    private func drawPaged(_ canvas: inout Canvas) {
        let s = Strings(appearance.lang), theme = appearance.theme
        let rect = Self.pagedRect(width: canvas.width, height: canvas.height)
        let pages = Self.pages(width: canvas.width, height: canvas.height, lang: appearance.lang)
        let shown = min(page, pages.count - 1)
        canvas.fill(rect)
        let title = pages.count > 1 ? "\(s.helpTitle) \(appearance.glyphs.separator) \(s.helpPageOf(shown + 1, pages.count))" : s.helpTitle
        let inner = Box.draw(&canvas, rect, title: title, focused: true, appearance: appearance)
        for (row, line) in pages[shown].enumerated() {
            let label = appearance.glyphs == .ascii ? Self.asciiLabel(line.label) : line.label
            let x = canvas.put(Fit.left(label, Self.labelWidth, ellipsis: appearance.glyphs.ellipsis) + "  ", x: inner.x + 1,
                               y: inner.y + row, style: theme.header, clip: inner)
            canvas.put(line.text, x: x, y: inner.y + row, clip: inner)
        }
        if pages.count > 1, shown < pages.count - 1 {
            let hint = " " + s.helpNextPage + " "
            if hint.count + 2 <= rect.width { canvas.put(hint, x: rect.maxX - hint.count - 1, y: rect.maxY - 1, style: theme.muted) }
        }
    }

    /// The keys listed: those that work in the layout shown.
    static func bindings(narrow: Bool) -> [KeyBinding] { KeyMap.bindings.filter { $0.layouts.contains(narrow ? .narrow : .standard) } }

    /// The label column is as wide as the longest label in ASCII (the longer spelling), so both glyph sets page alike.
    static let labelWidth = KeyMap.bindings.map { asciiLabel($0.label).count }.max() ?? 0

    static func pagedRect(width: Int, height: Int) -> Rect { Rect(x: 0, y: 0, width: width, height: height - 1) }

    /// The help's lines cut into pages: a text too long for its line continues on the next, under itself.
    static func pages(width: Int, height: Int, lang: Language) -> [[(label: String, text: String)]] {
        let s = Strings(lang)
        let inner = pagedRect(width: width, height: height).inset(1)
        let textWidth = max(1, inner.width - 1 - labelWidth - 2)
        var lines: [(label: String, text: String)] = []
        for binding in bindings(narrow: true) {
            for (i, part) in Fit.wrap(binding.help(s), textWidth).enumerated() { lines.append((i == 0 ? binding.label : "", part)) }
        }
        let perPage = max(1, inner.height)
        return stride(from: 0, to: lines.count, by: perPage).map { Array(lines[$0..<min(lines.count, $0 + perPage)]) }
    }

    static func pageCount(width: Int, height: Int, lang: Language) -> Int { max(1, pages(width: width, height: height, lang: lang).count) }

    static func asciiLabel(_ label: String) -> String {
        label.replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
            .replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
    }
}
