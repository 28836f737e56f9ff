/// Where each pane goes for a terminal size. Used by the view to draw and by `update` to know page sizes.
public struct Layout: Sendable, Equatable {
    public var districts: Rect?
    public var main: Rect
    public var tipeA: Rect
    public var ratio: Rect
    /// The evaluation pane of its own, on screens wide enough for four bottom panes.
    public var evaluation: Rect?
    public var years: Rect
    public var status: Rect

    public init(width: Int, height: Int, showsKoperasi: Bool) {
        status = Rect(x: 0, y: height - 1, width: width, height: 1)
        let bottomHeight = max(8, (height - 1) / 3)
        let (top, bottom) = Rect(x: 0, y: 0, width: width, height: height - 1).splitRows(height - 1 - bottomHeight)
        if showsKoperasi {
            districts = nil
            main = top
        } else {
            let (left, right) = top.splitColumns(max(32, width * 2 / 5))
            districts = left
            main = right
        }
        let (gauges, charts) = bottom.splitColumns(max(40, width * 2 / 5))
        tipeA = gauges
        if width >= 120 {
            let (left, rest) = charts.splitColumns(charts.width * 2 / 5)
            let (middle, right) = rest.splitColumns(max(22, charts.width * 3 / 10))
            (ratio, evaluation, years) = (left, middle, right)
        } else {
            (ratio, years) = charts.splitColumns(charts.width * 11 / 20)
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
