import PantauCore

/// What a screen shows when the terminal is smaller than the layout needs: the sentence wrapped to the width,
/// so that the size needed is always on screen, however narrow the terminal.
struct TooSmallNotice {
    /// The smallest terminal the dashboard and the slides are laid out for.
    static let minimumWidth = 40
    static let minimumHeight = 15

    static func fits(width: Int, height: Int) -> Bool { width >= minimumWidth && height >= minimumHeight }

    let width: Int
    let height: Int
    let appearance: Appearance

    func draw(_ canvas: inout Canvas) {
        let s = Strings(appearance.lang)
        var lines = Fit.wrap(s.tooSmall(width: width, height: height, needed: "\(Self.minimumWidth)×\(Self.minimumHeight)"), width)
        // Too few rows for the sentence: the size needed alone still fits.
        if lines.count > height { lines = Fit.wrap(s.tooSmallShort(needed: "\(Self.minimumWidth)×\(Self.minimumHeight)"), width) }
        for (y, line) in lines.prefix(height).enumerated() {
            canvas.put(line, x: 0, y: y, style: appearance.theme.warning)
        }
    }
}
