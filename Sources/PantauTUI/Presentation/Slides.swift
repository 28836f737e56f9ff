import PantauCore

/// Draws one slide: one idea, few words, big numbers each also written once in plain text.
public struct SlideView {
    public let state: PresentationState
    public let data: PresentationData
    public let appearance: Appearance
    var s: Strings { Strings(appearance.lang) }
    var theme: Theme { appearance.theme }
    var scale: Int { state.width >= 140 && state.height >= 40 ? 2 : 1 }

    public init(state: PresentationState, data: PresentationData, appearance: Appearance) {
        self.state = state; self.data = data; self.appearance = appearance
    }

    public func render() -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        if !TooSmallNotice.fits(width: state.width, height: state.height) {
            TooSmallNotice(width: state.width, height: state.height, appearance: appearance).draw(&canvas)
        } else {
            let titles = [s.slideReadiness, s.slideYears, s.slideRanking, s.slideEvaluation, s.slideProgrammes, s.slidePace]
            center(&canvas, titles[state.slide], y: 1, style: Style(bold: true, underline: true))
            center(&canvas, "\(data.region.name) \(appearance.glyphs.separator) \(data.year)", y: 2, style: theme.muted)
            let body = Rect(x: 2, y: 4, width: state.width - 4, height: state.height - 6)
            switch state.slide {
            case 0: readiness(&canvas, body)
            case 1: years(&canvas, body)
            case 2: ranking(&canvas, body)
            case 3: evaluation(&canvas, body)
            case 4: programmes(&canvas, body)
            default: pace(&canvas, body)
            }
            let footer = "\(state.paused ? s.paused + "  " : "")\(state.slide + 1)/\(PresentationState.slideCount)"
            canvas.put(footer, x: state.width - footer.count - 1, y: state.height - 1, style: theme.muted)
        }
        if appearance.glyphs == .ascii { canvas.foldToASCII() }
        return canvas
    }

    private func center(_ canvas: inout Canvas, _ text: String, y: Int, style: Style = .plain, in rect: Rect? = nil) {
        let area = rect ?? canvas.bounds
        let cut = Fit.truncate(text, area.width, ellipsis: appearance.glyphs.ellipsis)
        canvas.put(cut, x: area.x + max(0, (area.width - cut.count) / 2), y: y, style: style)
    }

    /// A label, a big number, and the number once more in words below it. Returns the next free row.
    @discardableResult
    private func bigNumber(_ canvas: inout Canvas, label: String, number: String, caption: String, in rect: Rect, y: Int, style: Style) -> Int {
        var s = scale
        if BigText.width(number, scale: s) > rect.width { s = 1 }
        center(&canvas, label, y: y, style: Style(bold: true), in: rect)
        let w = BigText.width(number, scale: s)
        BigText.draw(number, &canvas, x: rect.x + max(0, (rect.width - w) / 2), y: y + 2, scale: s, glyphs: appearance.glyphs, style: style)
        let below = y + 3 + BigText.height(scale: s)
        center(&canvas, caption, y: below, in: rect)
        return below + 1
    }

    private func readiness(_ canvas: inout Canvas, _ body: Rect) {
        guard let r = data.readiness else { center(&canvas, s.noTipeA, y: body.y + 2); return }
        let (left, right) = body.splitColumns(body.width / 2)
        var bottom = body.y
        for (rect, label, p) in [(left, s.koperasiActiveLabel, r.koperasiActive), (right, s.umkmLabel, r.umkm)] {
            let y = bigNumber(&canvas, label: label, number: NumberFormat.integer(p.value),
                              caption: s.of(p.value, p.threshold), in: rect, y: body.y + 1, style: p.met ? theme.good : theme.bad)
            let status = "\(NumberFormat.percent(p.ratio)) \(appearance.glyphs.separator) " + (p.met ? "\(s.met) \(appearance.glyphs.check)" : s.gap(p.gap))
            center(&canvas, status, y: y, style: p.met ? theme.good : theme.bad, in: rect)
            bottom = max(bottom, y + 2)
        }
        center(&canvas, " " + (r.met ? s.metVerdict : s.notMetVerdict) + " ", y: min(body.maxY - 1, bottom + 1),
               style: !theme.isColor ? Style(bold: true, reverse: true)
                   : r.met ? Style(foreground: .black, background: .green, bold: true) : Style(foreground: .white, background: .red, bold: true))
    }

    private func years(_ canvas: inout Canvas, _ body: Rect) {
        let width = min(body.width, max(30, data.yearly.count * 16))
        let chart = Rect(x: body.x + (body.width - width) / 2, y: body.y + 1, width: width, height: body.height - 4)
        ColumnChartWidget(items: data.yearly.map { .init(label: String($0.year), value: $0.koperasiActive, text: NumberFormat.integer($0.koperasiActive)) })
            .draw(&canvas, chart, appearance: appearance)
        if let trend = Trend(lastTwoOf: data.yearly.map { ($0.year, $0.koperasiActive) }) {
            let change = trend.change.map { " (\(NumberFormat.signedPercent($0)))" } ?? ""
            center(&canvas, "\(NumberFormat.integer(trend.fromValue)) \(appearance.glyphs.arrow) \(NumberFormat.integer(trend.toValue))\(change)",
                   y: body.maxY - 2, style: (trend.change ?? 0) < 0 ? theme.bad : theme.good)
        }
    }

    private func ranking(_ canvas: inout Canvas, _ body: Rect) {
        let sorted = data.kecamatan.sorted { ($0.activeRatio, $1.region.name) > ($1.activeRatio, $0.region.name) }
        let best = Array(sorted.prefix(5)), worst = Array(sorted.suffix(min(5, max(0, sorted.count - 5))))
        let width = min(body.width, 90)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: body.y + 1, width: width, height: body.height - 1)
        func value(_ f: RegionFigures) -> String {
            "\(NumberFormat.percent(f.activeRatio))  (\(NumberFormat.integer(f.koperasiActive))/\(NumberFormat.integer(f.koperasiTotal)))"
        }
        // Both lists share one value width, so that their bars line up.
        let valueWidth = (best + worst).map { value($0).count }.max() ?? 0
        func items(_ rows: [RegionFigures]) -> [BarChartWidget.Item] {
            rows.map { .init(label: $0.region.name, fraction: $0.activeRatio, value: value($0).padding(toLength: valueWidth, withPad: " ", startingAt: 0)) }
        }
        let gap = rect.height >= 13 ? 1 : 0
        BarChartWidget(items: items(best), labelWidth: 18, selected: nil, highlighted: nil, offset: 0, focused: false)
            .draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: best.count), appearance: appearance)
        canvas.put(String(repeating: appearance.glyphs.horizontal, count: rect.width), x: rect.x, y: rect.y + best.count + gap, style: theme.muted)
        BarChartWidget(items: items(worst), labelWidth: 18, selected: nil, highlighted: nil, offset: 0, focused: false)
            .draw(&canvas, Rect(x: rect.x, y: rect.y + best.count + 1 + 2 * gap, width: rect.width, height: worst.count), appearance: appearance)
    }

    private func evaluation(_ canvas: inout Canvas, _ body: Rect) {
        let p = data.evaluation
        var y = bigNumber(&canvas, label: s.evaluated, number: NumberFormat.integer(p.evaluated), caption: s.evaluatedCaption(p),
                          in: body, y: body.y + 1, style: Style(bold: true))
        let width = min(body.width, 70)
        let rect = Rect(x: body.x + (body.width - width) / 2, y: y + 1, width: width, height: min(4, body.maxY - y - 1))
        BarChartWidget(items: EvaluationOutcome.allCases.map { o in
            let n = p.byOutcome[o] ?? 0
            return .init(label: o.rawValue, fraction: p.evaluated == 0 ? 0 : Double(n) / Double(p.evaluated), value: NumberFormat.integer(n))
        }, labelWidth: 14, selected: nil, highlighted: nil, offset: 0, focused: false).draw(&canvas, rect, appearance: appearance)
        y = rect.maxY
    }

    private func programmes(_ canvas: inout Canvas, _ body: Rect) {
        var y = body.y + 1
        if let plan = data.batchPlan {
            y = bigNumber(&canvas, label: s.batchesLabel, number: "\(data.batchesHeld)/\(plan.value)",
                          caption: s.batchesCaption(held: data.batchesHeld, plan: plan.value,
                                                    perBatch: data.koperasiPlan.map { $0.value / max(1, plan.value) }, year: plan.year ?? data.year),
                          in: body, y: y, style: Style(bold: true)) + 1
            if let koperasi = data.koperasiPlan { center(&canvas, s.trained(data.koperasiTrained, koperasi.value), y: y); y += 1 }
        } else {
            center(&canvas, s.noPlan, y: y); y += 2
        }
        if let province = data.provinceTrainingTarget { center(&canvas, s.provinceTraining(province), y: y); y += 1 }
        center(&canvas, s.assistants(data.assistants), y: y)
    }

    private func pace(_ canvas: inout Canvas, _ body: Rect) {
        guard let r = data.readiness else { center(&canvas, s.noTipeA, y: body.y + 2); return }
        var y = body.y + 1
        if let trend = r.umkmTrend {
            let projection = Projection(trend: trend, target: r.umkm.threshold, targetYear: r.umkm.targetYear ?? r.year + 1)
            if let pace = projection.pace {
                y = bigNumber(&canvas, label: s.umkmLabel, number: NumberFormat.integer(pace.perMonth), caption: s.paceCaption(pace, target: r.umkm.threshold),
                              in: body, y: y, style: theme.bad) + 1
            }
            center(&canvas, "\(s.umkmTrendLabel): \(s.crossing(projection))", y: y, style: Style(bold: true))
            center(&canvas, s.assumption(trend), y: y + 1, style: theme.muted)
            y += 3
        }
        if let trend = r.koperasiTrend {
            let projection = Projection(trend: trend, target: r.koperasiActive.threshold, targetYear: nil)
            center(&canvas, " \(s.koperasiTrendLabel): \(s.crossing(projection)) ", y: y,
                   style: r.downgradeYear != nil ? theme.warning : Style(bold: true))
            center(&canvas, s.assumption(trend), y: y + 1, style: theme.muted)
        }
    }
}
