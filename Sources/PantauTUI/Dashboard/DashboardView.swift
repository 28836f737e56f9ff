import PantauCore

/// Draws the whole dashboard for a state into a canvas. Pure: the same state gives the same frame.
public struct DashboardView {
    public let state: DashboardState
    public let appearance: Appearance
    var s: Strings { Strings(appearance.lang) }
    var g: Glyphs { appearance.glyphs }
    /// One pane at a time: titles leave out what the tab bar says, tables drop columns.
    var narrow: Bool { state.isNarrow }

    public init(state: DashboardState, appearance: Appearance) {
        self.state = state
        self.appearance = appearance
    }

    public func render() -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        if state.isTooSmall {
            TooSmallNotice(width: state.width, height: state.height, appearance: appearance).draw(&canvas)
            if appearance.glyphs == .ascii { canvas.foldToASCII() }
            return canvas
        }
        let layout = Layout(width: state.width, height: state.height, showsKoperasi: state.showsKoperasi)
        if let data = state.data {
            if layout.kind == .narrow { drawNarrow(&canvas, layout, data) } else { drawPanes(&canvas, layout, data) }
        } else {
            canvas.put(s.loading, x: 2, y: 1, style: appearance.theme.muted)
        }
        StatusLine(state: state, appearance: appearance).draw(&canvas, layout.status)
        if let form = state.form { FormOverlay(form: form, appearance: appearance, fullWidth: narrow).draw(&canvas) }
        if state.showHelp { HelpOverlay(appearance: appearance, narrow: narrow, page: state.helpPage).draw(&canvas) }
        if appearance.glyphs == .ascii { canvas.foldToASCII() }
        return canvas
    }

    /// The standard and wide layouts: every pane at once.
    private func drawPanes(_ canvas: inout Canvas, _ layout: Layout, _ data: DashboardData) {
        if let detail = state.detail {
            DetailPane(detail: detail, scroll: state.detailScroll, appearance: appearance)
                .draw(&canvas, Rect(x: 0, y: 0, width: state.width, height: layout.main.maxY))
        } else {
            if let rect = layout.districts { drawDistricts(&canvas, rect) }
            if state.showsKoperasi { drawKoperasi(&canvas, layout.main, data) } else { drawChildren(&canvas, layout.main, data) }
        }
        TipeAPane(readiness: data.tipeA, appearance: appearance).draw(&canvas, layout.tipeA)
        if let rect = layout.evaluation {
            drawRatio(&canvas, layout.ratio, data)
            EvaluationPane(progress: data.evaluation, appearance: appearance).draw(&canvas, rect)
        } else if state.showEvaluation {
            EvaluationPane(progress: data.evaluation, appearance: appearance).draw(&canvas, layout.ratio)
        } else {
            drawRatio(&canvas, layout.ratio, data)
        }
        drawYears(&canvas, layout.years, data)
    }

    // MARK: panes

    private func ratioText(_ f: RegionFigures) -> String {
        f.koperasiTotal == 0 || !f.hasStatus ? String(g.dash) : NumberFormat.percent(f.activeRatio)
    }

    private func activeText(_ f: RegionFigures) -> String {
        f.hasStatus ? NumberFormat.integer(f.koperasiActive) : String(g.dash)
    }

    func drawDistricts(_ canvas: inout Canvas, _ rect: Rect) {
        let focused = state.focus == .districts
        let inner = Box.draw(&canvas, rect, title: s.districts + filterSuffix(state.districts, focused: focused), focused: focused,
                             appearance: appearance)
        let rows = state.districtRows
        var table = TableWidget(
            columns: [TableColumn(s.wilayah, width: 0, align: .left), TableColumn(s.koperasi.prefix(3) + ".", width: 5),
                      TableColumn(s.active, width: headed(s.active, 5)), TableColumn("%", width: 5)],
            rows: rows.map { row in
                let f = row.figures
                let name = row.isProvince ? f.region.name : " " + f.region.shortName
                return [name, NumberFormat.integer(f.koperasiTotal), activeText(f),
                        f.koperasiTotal == 0 || !f.hasStatus ? String(g.dash) : NumberFormat.decimal(f.activeRatio * 100)]
            },
            selected: rows.isEmpty ? nil : state.districts.selected, offset: state.districts.offset, focused: focused)
        table.emphasised = Set(rows.indices.filter { rows[$0].isProvince })
        table.draw(&canvas, inner, appearance: appearance)
        drawFilterOnBorder(&canvas, rect, state.districts)
    }

    func drawChildren(_ canvas: inout Canvas, _ rect: Rect, _ data: DashboardData) {
        let focused = state.focus == .main
        let level = data.scope.level.childLevel ?? .kecamatan
        let title = (narrow ? "" : "\(s.childLevelName(level)) \(g.separator) ") + "\(data.scopeName) \(g.separator) \(data.year)"
            + sortSuffix(state.main, names: s.sortNames) + filterSuffix(state.main, focused: focused)
        let inner = Box.draw(&canvas, rect, title: title, focused: focused, appearance: appearance)
        let rows = state.mainRegionRows
        let maxTotal = max(1, rows.map(\.koperasiTotal).max() ?? 1)
        // Names come first: the bar gets only what the numbers (3 × 5 + 7 columns, 5 gaps) and a wide
        // name column leave, and at least 4 cells.
        let barWidth = max(4, inner.width - 14 - 5 * 3 - 7 - 5 - max(14, inner.width / 4))
        // One pane at a time, a bar shorter than 8 cells says too little to take the names' room.
        let showsBar = !narrow || barWidth >= 8
        let columns = [TableColumn(s.childLevelName(level), width: 0, align: .left), TableColumn(s.totalShort, width: 5),
                       TableColumn(s.active, width: headed(s.active, 5)), TableColumn(s.inactiveShort, width: headed(s.inactiveShort, 5), dropOrder: 1),
                       TableColumn(s.ratio, width: 7)] + (showsBar ? [TableColumn("", width: barWidth, isBar: true, dropOrder: 2)] : [])
        // The bar shows active (full blocks) within total (light shade), scaled to the largest total.
        func bar(_ f: RegionFigures) -> String {
            let totalCells = Double(f.koperasiTotal) / Double(maxTotal) * Double(barWidth)
            let active = Bar.filled(Double(f.koperasiActive) / Double(maxTotal), width: barWidth, glyphs: g)
            let activeCells = active.filter { $0 != " " }.count
            // Inactive koperasi always show as at least one shaded cell, so a small total never reads as all active.
            let inactiveCells = max(Int(totalCells.rounded()) - activeCells, f.koperasiTotal > f.koperasiActive ? 1 : 0)
            let shade = String(repeating: g.barEmpty, count: min(inactiveCells, barWidth - activeCells))
            return String(active.prefix(activeCells)) + shade
        }
        var table = TableWidget(
            columns: columns,
            rows: rows.map { f in
                let name = f.region.level == data.scope.level ? s.unplaced : f.region.shortName
                return [name, NumberFormat.integer(f.koperasiTotal), activeText(f), f.hasStatus ? NumberFormat.integer(f.koperasiInactive) : String(g.dash),
                        ratioText(f), bar(f)]
            },
            selected: rows.isEmpty ? nil : state.main.selected, offset: state.main.offset, focused: focused)
        let t = data.scopeFigures
        if narrow { table.minimumFillWidth = 14 }
        table.footer = [s.total, NumberFormat.integer(t.koperasiTotal), activeText(t), t.hasStatus ? NumberFormat.integer(t.koperasiInactive) : String(g.dash),
                        ratioText(t), ""]
        table.draw(&canvas, inner, appearance: appearance)
        drawFilterOnBorder(&canvas, rect, state.main)
    }

    func drawKoperasi(_ canvas: inout Canvas, _ rect: Rect, _ data: DashboardData) {
        let focused = state.focus == .main
        let f = data.scopeFigures
        let statusName = s.statusFilterNames(staleYears: data.staleRATYears)[state.main.status]
        let heading = narrow ? s.koperasiTitleShort(data.scope.name, total: f.koperasiTotal, active: f.koperasiActive)
                             : s.koperasiTitle(data.scopeName, total: f.koperasiTotal, active: f.koperasiActive)
        let title = heading + " \(g.separator) \(data.year)"
            + (state.main.status == 0 ? "" : " \(g.separator) \(statusName): \(state.mainKoperasiRows.count)")
            + sortSuffix(state.main, names: s.koperasiSortNames) + filterSuffix(state.main, focused: focused)
        let inner = Box.draw(&canvas, rect, title: title, focused: focused, appearance: appearance)
        let rows = state.mainKoperasiRows
        // The evaluation outcome gets a column once there is room for it.
        let wide = inner.width >= 100
        var columns = [TableColumn(s.name, width: 0, align: .left), TableColumn("NIK", width: 16, align: .left, dropOrder: 2),
                       TableColumn(s.jenis, width: 13, align: .left, dropOrder: 3), TableColumn(s.active, width: headed(s.active, 5), align: .left),
                       TableColumn(s.lastRAT, width: 9), TableColumn(s.members, width: 7, dropOrder: 1)]
        if wide { columns.append(TableColumn(s.evaluation, width: 13, align: .left)) }
        var table = TableWidget(
            columns: columns,
            rows: rows.map { k in
                [k.nama, k.nik, k.jenis, k.active.map { $0 ? s.yes : s.no } ?? String(g.dash),
                 k.lastRAT.map(String.init) ?? String(g.dash), k.anggota.map(NumberFormat.integer) ?? String(g.dash)]
                    + (wide ? [k.evaluation ?? String(g.dash)] : [])
            },
            selected: rows.isEmpty ? nil : state.main.selected, offset: state.main.offset, focused: focused)
        if narrow { table.minimumFillWidth = 16 }
        table.draw(&canvas, inner, appearance: appearance)
        drawFilterOnBorder(&canvas, rect, state.main)
    }

    func drawRatio(_ canvas: inout Canvas, _ rect: Rect, _ data: DashboardData) {
        let focused = state.focus == .ratio
        let inner = Box.draw(&canvas, rect, title: s.ratioPane, focused: focused, appearance: appearance)
        let rows = state.ratioRows
        let chart = BarChartWidget(
            items: rows.map { .init(label: $0.region.level == .kabupaten ? $0.region.shortName : $0.region.name,
                                    fraction: $0.activeRatio, value: ratioText($0)) },
            labelWidth: max(6, inner.width * 2 / 5),
            selected: focused && !rows.isEmpty ? state.ratio.selected : nil,
            highlighted: rows.firstIndex { $0.region.code == data.scope.code },
            offset: focused ? state.ratio.offset : 0, focused: focused)
        chart.draw(&canvas, inner, appearance: appearance)
    }

    func drawYears(_ canvas: inout Canvas, _ rect: Rect, _ data: DashboardData) {
        let inner = Box.draw(&canvas, rect, title: s.yearsPane, focused: false, appearance: appearance)
        guard inner.height > 0 else { return }
        let series = data.yearly.filter { $0.year <= data.year }
        if let trend = Trend(lastTwoOf: series.map { ($0.year, $0.koperasiActive) }), let change = trend.change {
            // Shorter year labels before cutting: the percentage must stay whole.
            let pct = " " + NumberFormat.signedPercent(change)
            let long = "\(trend.fromYear)\(g.arrow)\(trend.toYear)" + pct
            let text = long.count <= inner.width ? long : "\(trend.fromYear % 100)\(g.arrow)\(trend.toYear % 100)" + pct
            canvas.put(text, x: inner.x, y: inner.y,
                       style: change < 0 ? appearance.theme.bad : appearance.theme.good)
        }
        let chart = ColumnChartWidget(items: series.map { .init(label: String($0.year), value: $0.koperasiActive,
                                                                 text: NumberFormat.integer($0.koperasiActive)) })
        chart.draw(&canvas, Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: inner.height - 1), appearance: appearance)
    }

    private func filterSuffix(_ list: ListState, focused: Bool) -> String {
        list.filter.isEmpty || narrow ? "" : " \(g.separator) /\(list.filter)"
    }

    /// One pane at a time, a column is at least as wide as its heading ("Active" in English), so no heading
    /// pushes the last column off the pane. (Side by side the widths stay as they are: the bar takes up the slack.)
    private func headed(_ title: String, _ width: Int) -> Int { narrow ? max(width, title.count) : width }

    /// One pane at a time, the title has no room to spare: the filter goes on the bottom edge, left of the "12/49" marker.
    private func drawFilterOnBorder(_ canvas: inout Canvas, _ rect: Rect, _ list: ListState) {
        guard narrow, !list.filter.isEmpty, rect.height >= 2 else { return }
        let text = " " + Fit.truncate("/" + list.filter, rect.width - 14, ellipsis: g.ellipsis) + " "
        canvas.put(text, x: rect.x + 1, y: rect.maxY - 1, style: appearance.theme.focusedTitle, clip: rect)
    }

    private func sortSuffix(_ list: ListState, names: [String]) -> String {
        list.sort == 0 && !list.descending ? "" : " \(g.separator) \(s.sortLabel) \(names[list.sort])\(list.descending ? " ↓" : "")"
    }
}
