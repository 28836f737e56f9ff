/// A value against a threshold: a bar filled to the share reached, then the percentage.
/// In ASCII the bar is full only once the threshold is met (see `Bar.steps`), so a full bar always means reached.
public struct GaugeWidget {
    public var ratio: Double
    public var met: Bool

    public init(ratio: Double, met: Bool) { self.ratio = ratio; self.met = met }

    public func draw(_ canvas: inout Canvas, _ rect: Rect, percentText: String, appearance: Appearance) {
        let g = appearance.glyphs, theme = appearance.theme
        let suffix = " " + percentText + " " + (met ? String(g.check) : " ")
        let width = max(1, rect.width - suffix.count)
        let x = canvas.put(Bar.filled(ratio, width: width, glyphs: g, emptyFill: true), x: rect.x, y: rect.y,
                           style: met ? theme.good : theme.bar, clip: rect)
        canvas.put(suffix, x: x, y: rect.y, style: met ? theme.good : theme.bad, clip: rect)
    }
}
