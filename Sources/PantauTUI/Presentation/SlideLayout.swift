import PantauCore

/// Where a slide's title, content and footer go, from the terminal's size. The rules are named here so that
/// the projector layouts (80×24, 160×45) and the phone layouts (down to 40×15) come from one place.
struct SlideFrame {
    /// From this height up, blank rows frame the header and the footer, as on a projector.
    static let roomyHeight = 24
    /// Blank columns each side of the content: two on a projector, one from 50 columns, none on a phone held
    /// upright, where every column counts.
    static func margin(width: Int) -> Int { width >= 80 ? 2 : width >= 50 ? 1 : 0 }
    /// From this size up, big digits are drawn twice as large.
    static let doubleDigitsWidth = 140
    static let doubleDigitsHeight = 40

    let width: Int
    let height: Int

    var isRoomy: Bool { height >= Self.roomyHeight }
    var titleRow: Int { isRoomy ? 1 : 0 }
    var subtitleRow: Int { titleRow + 1 }
    var footerRow: Int { height - 1 }

    /// The rows between the header and the footer: one blank row below the header (two, and one above the
    /// footer, when roomy).
    var content: Rect {
        let margin = Self.margin(width: width)
        let top = subtitleRow + (isRoomy ? 3 : 2)
        let bottom = isRoomy ? footerRow - 1 : footerRow
        return Rect(x: margin, y: top, width: width - 2 * margin, height: bottom - top)
    }

    var largestDigitScale: Int { width >= Self.doubleDigitsWidth && height >= Self.doubleDigitsHeight ? 2 : 1 }
}

/// One piece of a slide's content; the content is a column of them, fitted to the rows it has.
enum SlideBlock {
    /// A figure: its label, the number (big digits where they fit, plain bold text otherwise) and a caption.
    case figure(label: String, number: String, caption: String, style: Style)
    /// Centred text, wrapped at spaces, so that a number is never cut.
    case text(String, Style)
    /// Centred text with a blank column either side of each line, for text on a band of colour.
    case banner(String, Style)
    /// Blank rows: the first thing given up when rows are short.
    case gap(Int)
    /// A chart that takes the rows left over, from `minimum` up to `maximum`.
    case chart(minimum: Int, maximum: Int, draw: (inout Canvas, Rect) -> Void)
    /// Columns of blocks side by side, of equal width.
    case columns([[SlideBlock]])
}

/// How a column of blocks is fitted; tried from the most generous to the tightest.
struct BlockFit {
    enum Digits { case big(scale: Int), plain }
    enum Gaps: CaseIterable {
        case full, single, none
        func rows(_ n: Int) -> Int { self == .full ? n : self == .single ? min(n, 1) : 0 }
    }

    var digits: Digits
    var gaps: Gaps

    static func choices(largestScale: Int) -> [BlockFit] {
        let digits = stride(from: largestScale, through: 1, by: -1).map { Digits.big(scale: $0) } + [.plain]
        return digits.flatMap { d in Gaps.allCases.map { BlockFit(digits: d, gaps: $0) } }
    }
}

/// Lays a column of blocks into a rectangle with the most generous fit whose rows it has; when even the tightest
/// is too tall, the blocks that do not fit are left out whole, never drawn in part.
struct BlockLayout {
    let appearance: Appearance

    func draw(_ blocks: [SlideBlock], _ canvas: inout Canvas, in rect: Rect, largestScale: Int) {
        let choices = BlockFit.choices(largestScale: largestScale)
        let fit = choices.first { (height(of: blocks, width: rect.width, fit: $0) ?? .max) <= rect.height } ?? choices[choices.count - 1]
        place(blocks, &canvas, in: rect, fit: fit)
    }

    /// Lines of centred text, as even in length as the line count allows (a short last word alone on a line
    /// looks like an accident on a slide). A percentage keeps its sign and a product its factors on one line.
    static func lines(_ text: String, _ width: Int) -> [String] {
        let glued = text.replacing(" %", with: "\u{A0}%").replacing(" × ", with: "\u{A0}×\u{A0}")
        let count = Fit.wrap(glued, width).count
        // Never narrower than the longest word, which would be split.
        let longestWord = glued.split(separator: " ").map(\.count).max() ?? 0
        let narrowest = (min(width, max(longestWord, glued.count / max(1, count)))...max(width, 1))
            .first { Fit.wrap(glued, $0).count == count } ?? width
        return Fit.wrap(glued, narrowest).map { $0.replacing("\u{A0}", with: " ") }
    }

    /// The rows `blocks` take at `fit`, charts at their minimum; nil when big digits are wider than the column.
    func height(of blocks: [SlideBlock], width: Int, fit: BlockFit) -> Int? {
        var total = 0
        for block in blocks {
            guard let rows = height(of: block, width: width, fit: fit) else { return nil }
            total += rows
        }
        return total
    }

    private func height(of block: SlideBlock, width: Int, fit: BlockFit) -> Int? {
        switch block {
        case .figure(let label, let number, let caption, _):
            let text = Self.lines(label, width).count + Self.lines(caption, width).count
            switch fit.digits {
            case .big(let scale): return BigText.width(number, scale: scale) <= width ? text + 2 + BigText.height(scale: scale) : nil
            case .plain: return text + 1
            }
        case .text(let text, _): return Self.lines(text, width).count
        case .banner(let text, _): return Self.lines(text, width - 2).count
        case .gap(let rows): return fit.gaps.rows(rows)
        case .chart(let minimum, _, _): return minimum
        case .columns(let columns):
            var tallest = 0
            for (column, rect) in zip(columns, Self.split(Rect(x: 0, y: 0, width: width, height: 0), columns.count)) {
                guard let rows = height(of: column, width: rect.width, fit: fit) else { return nil }
                tallest = max(tallest, rows)
            }
            return tallest
        }
    }

    private static func split(_ rect: Rect, _ count: Int) -> [Rect] {
        (0..<count).map { i in
            let left = rect.width * i / count, right = rect.width * (i + 1) / count
            return Rect(x: rect.x + left, y: rect.y, width: right - left, height: rect.height)
        }
    }

    private func place(_ blocks: [SlideBlock], _ canvas: inout Canvas, in rect: Rect, fit: BlockFit) {
        var spare = max(0, rect.height - (height(of: blocks, width: rect.width, fit: fit) ?? rect.height))
        var y = rect.y
        for block in blocks {
            guard var rows = height(of: block, width: rect.width, fit: fit) else { continue }
            if case .chart(let minimum, let maximum, _) = block {
                let grow = min(spare, maximum - minimum)
                rows += grow; spare -= grow
            }
            guard y + rows <= rect.maxY else { break }
            draw(block, &canvas, Rect(x: rect.x, y: y, width: rect.width, height: rows), fit: fit)
            y += rows
        }
    }

    private func draw(_ block: SlideBlock, _ canvas: inout Canvas, _ rect: Rect, fit: BlockFit) {
        switch block {
        case .figure(let label, let number, let caption, let style):
            var y = center(Self.lines(label, rect.width), &canvas, rect, y: rect.y, style: Style(bold: true))
            switch fit.digits {
            case .big(let scale):
                let width = BigText.width(number, scale: scale)
                BigText.draw(number, &canvas, x: rect.x + max(0, (rect.width - width) / 2), y: y + 1, scale: scale,
                             glyphs: appearance.glyphs, style: style)
                y += 2 + BigText.height(scale: scale)
            case .plain:
                var bold = style
                bold.bold = true
                y = center([number], &canvas, rect, y: y, style: bold)
            }
            center(Self.lines(caption, rect.width), &canvas, rect, y: y, style: .plain)
        case .text(let text, let style): center(Self.lines(text, rect.width), &canvas, rect, y: rect.y, style: style)
        case .banner(let text, let style): center(Self.lines(text, rect.width - 2).map { " \($0) " }, &canvas, rect, y: rect.y, style: style)
        case .gap: break
        case .chart(_, _, let draw): draw(&canvas, rect)
        case .columns(let columns):
            for (column, area) in zip(columns, Self.split(rect, columns.count)) { place(column, &canvas, in: area, fit: fit) }
        }
    }

    /// Puts each line centred in `rect` from row `y`; returns the row after the last.
    @discardableResult
    private func center(_ lines: [String], _ canvas: inout Canvas, _ rect: Rect, y: Int, style: Style) -> Int {
        for (i, line) in lines.enumerated() {
            canvas.put(line, x: rect.x + max(0, (rect.width - line.count) / 2), y: y + i, style: style, clip: rect)
        }
        return y + lines.count
    }
}
