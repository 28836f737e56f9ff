/// The three shapes of the dashboard, chosen from the terminal size every time it changes.
public enum LayoutKind: Sendable, Hashable {
    /// One pane at a time under a tab bar: phones held upright, small windows.
    case narrow
    /// Lists on top, Tipe A and two charts below.
    case standard
    /// As standard, with the evaluation pane of its own at the bottom.
    case wide

    /// The smallest terminal the panes side by side are made for.
    static let standardWidth = 80
    static let standardHeight = 24
    /// From this width the bottom row has room for four panes.
    static let wideWidth = 120

    public init(width: Int, height: Int) {
        if width < Self.standardWidth || height < Self.standardHeight {
            self = .narrow
        } else {
            self = width >= Self.wideWidth ? .wide : .standard
        }
    }
}

/// Where each pane goes for a terminal size. Used by the view to draw and by `update` to know page sizes.
/// In the narrow layout every pane gets the same full-width body; the view draws the one whose tab is chosen.
public struct Layout: Sendable, Equatable {
    public var kind: LayoutKind
    /// The one-line tab bar of the narrow layout.
    public var tabs: Rect?
    public var districts: Rect?
    public var main: Rect
    public var tipeA: Rect
    public var ratio: Rect
    /// The evaluation pane of its own, on screens wide enough for four bottom panes (and in the narrow layout).
    public var evaluation: Rect?
    public var years: Rect
    public var status: Rect

    /// The sizes, as data: the screen over the status line, then the top and bottom rows of panes.
    enum Plan {
        static let screen: [Constraint] = [.fill, .fixed(1)]
        static let narrowScreen: [Constraint] = [.fixed(1), .fill, .fixed(1)]
        static let topAndBottom: [Constraint] = [.fill, .ratio(1, 3, minimum: 8)]
        static let districtsAndMain: [Constraint] = [.ratio(2, 5, minimum: 32), .fill]
        static let gaugesAndCharts: [Constraint] = [.ratio(2, 5, minimum: 40), .fill]
        static let standardCharts: [Constraint] = [.ratio(11, 20), .fill]
        static let wideCharts: [Constraint] = [.ratio(2, 5), .ratio(3, 10, minimum: 22), .fill]
    }

    public init(width: Int, height: Int, showsKoperasi: Bool) {
        kind = LayoutKind(width: width, height: height)
        let screen = Rect(x: 0, y: 0, width: width, height: height)
        if kind == .narrow {
            let rows = screen.split(.rows, Plan.narrowScreen)
            (tabs, status) = (rows[0], rows[2])
            let body = rows[1]
            (districts, main, tipeA, ratio, evaluation, years) = (body, body, body, body, body, body)
            return
        }
        let rows = screen.split(.rows, Plan.screen)
        status = rows[1]
        let body = rows[0].split(.rows, Plan.topAndBottom)
        if showsKoperasi {
            districts = nil
            main = body[0]
        } else {
            let top = body[0].split(.columns, Plan.districtsAndMain)
            (districts, main) = (top[0], top[1])
        }
        let bottom = body[1].split(.columns, Plan.gaugesAndCharts)
        tipeA = bottom[0]
        if kind == .wide {
            let charts = bottom[1].split(.columns, Plan.wideCharts)
            (ratio, evaluation, years) = (charts[0], charts[1], charts[2])
        } else {
            let charts = bottom[1].split(.columns, Plan.standardCharts)
            (ratio, years) = (charts[0], charts[1])
        }
    }

    /// Rows of a list pane that show records (inside the box, below the header, above any footer).
    public func listRows(_ pane: Pane, hasFooter: Bool) -> Int {
        switch pane {
        case .districts: max(1, TableWidget.visibleRows(height: (districts?.height ?? 2) - 2, hasFooter: false))
        case .main: max(1, TableWidget.visibleRows(height: main.height - 2, hasFooter: hasFooter))
        case .ratio: max(1, ratio.height - 2)
        }
    }
}
