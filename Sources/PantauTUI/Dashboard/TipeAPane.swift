import PantauCore

/// The Tipe A pane: two gauges (active koperasi against 250, UMKM against 56.000), the gap and pace, and the downgrade risk.
struct TipeAPane {
    let readiness: TipeAReadiness?
    let appearance: Appearance

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let s = Strings(appearance.lang), g = appearance.glyphs, theme = appearance.theme
        guard let r = readiness else {
            let inner = Box.draw(&canvas, rect, title: s.tipeAPane, focused: false, appearance: appearance)
            canvas.put(Fit.truncate(s.noTipeA, inner.width, ellipsis: g.ellipsis), x: inner.x, y: inner.y, style: theme.muted, clip: inner)
            return
        }
        let title = "\(s.tipeAPane) \(g.separator) \(r.region.shortName) \(g.separator) \(r.year)"
        let inner = Box.draw(&canvas, rect, title: title, focused: false, appearance: appearance)
        // Extra height becomes air between the two gauges.
        let gap = inner.height >= 9 ? 1 : 0
        var y = inner.y
        func line(_ left: String, _ right: String, style: Style = .plain) {
            guard y < inner.maxY else { return }
            canvas.put(Fit.left(left, inner.width - right.count - 1, ellipsis: g.ellipsis), x: inner.x, y: y, style: style, clip: inner)
            canvas.put(right, x: inner.maxX - right.count, y: y, style: theme.total, clip: inner)
            y += 1
        }
        func gauge(_ p: ThresholdProgress) {
            guard y < inner.maxY else { return }
            GaugeWidget(ratio: p.ratio, met: p.met).draw(&canvas, inner.row(y - inner.y), percentText: NumberFormat.percent(p.ratio),
                                                         appearance: appearance)
            y += 1
        }
        line(s.koperasiActiveLabel, "\(NumberFormat.integer(r.koperasiActive.value)) / \(NumberFormat.integer(r.koperasiActive.threshold))")
        gauge(r.koperasiActive)
        if !r.koperasiActive.met { line(s.gap(r.koperasiActive.gap), "", style: theme.bad) }
        y += gap
        line(s.umkmLabel, "\(NumberFormat.integer(r.umkm.value)) / \(NumberFormat.integer(r.umkm.threshold))")
        gauge(r.umkm)
        if !r.umkm.met { line(s.gapPace(gap: r.umkm.gap, pace: r.umkmPace), "", style: theme.bad) }
        if let year = r.downgradeYear, let trend = r.koperasiTrend, y < inner.maxY {
            y = max(y, inner.maxY - 1)
            let full = " " + s.downgradeLine(threshold: r.koperasiActive.threshold, year: year, trend: trend) + " "
            let text = full.count <= inner.width ? full : " " + s.downgradeLine(threshold: r.koperasiActive.threshold, year: year, trend: nil) + " "
            canvas.put(Fit.truncate(text, inner.width, ellipsis: g.ellipsis), x: inner.x, y: y, style: theme.warning, clip: inner)
        }
    }
}
