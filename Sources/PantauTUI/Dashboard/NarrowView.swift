import PantauCore

/// The narrow layout: the tab bar, then the chosen pane over the full width.
extension DashboardView {
    func drawNarrow(_ canvas: inout Canvas, _ layout: Layout, _ data: DashboardData) {
        if let tabs = layout.tabs { TabBar(state: state, appearance: appearance).draw(&canvas, tabs) }
        let body = layout.main
        switch state.tab {
        case .districts: drawDistricts(&canvas, body)
        case .main:
            if let detail = state.detail {
                DetailPane(detail: detail, scroll: state.detailScroll, appearance: appearance, wraps: true).draw(&canvas, body)
            } else if state.showsKoperasi {
                drawKoperasi(&canvas, body, data)
            } else {
                drawChildren(&canvas, body, data)
            }
        case .tipeA: TipeAPane(readiness: data.tipeA, appearance: appearance).draw(&canvas, body)
        case .ratio: drawRatio(&canvas, body, data)
        case .years: drawYears(&canvas, body, data)
        case .evaluation: EvaluationPane(progress: data.evaluation, appearance: appearance).draw(&canvas, body)
        }
    }
}
