/// A frame with a title; returns the inside.
public enum Box {
    @discardableResult
    public static func draw(_ canvas: inout Canvas, _ rect: Rect, title: String, focused: Bool, appearance: Appearance) -> Rect {
        guard rect.width >= 2, rect.height >= 2 else { return Rect(x: rect.x, y: rect.y, width: 0, height: 0) }
        let g = appearance.glyphs
        let style = focused ? appearance.theme.focusedBorder : appearance.theme.border
        let horizontal = String(repeating: g.horizontal, count: rect.width - 2)
        canvas.put(String(g.topLeft) + horizontal + String(g.topRight), x: rect.x, y: rect.y, style: style)
        canvas.put(String(g.bottomLeft) + horizontal + String(g.bottomRight), x: rect.x, y: rect.maxY - 1, style: style)
        for y in (rect.y + 1)..<(rect.maxY - 1) {
            canvas.put(String(g.vertical), x: rect.x, y: y, style: style)
            canvas.put(String(g.vertical), x: rect.maxX - 1, y: y, style: style)
        }
        if !title.isEmpty && rect.width > 4 {
            let text = " " + Fit.truncate(title, rect.width - 4, ellipsis: g.ellipsis) + " "
            canvas.put(text, x: rect.x + 1, y: rect.y, style: focused ? appearance.theme.focusedTitle : appearance.theme.title)
        }
        return rect.inset(1)
    }
}
