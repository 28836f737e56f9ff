import PantauCore

/// Draws one slide: one idea, few words, big numbers each also written once in plain text.
/// The frame and the fitting of the content to the room are in `SlideLayout.swift`.
public struct SlideView {
    public let state: PresentationState
    public let data: PresentationData
    public let appearance: Appearance
    var s: Strings { Strings(appearance.lang) }
    var theme: Theme { appearance.theme }
    var frame: SlideFrame { SlideFrame(width: state.width, height: state.height) }

    /// The ranking shows this many kecamatan at each end (the title says so; 40×15 has the rows for it).
    static let rankingPerList = 5
    /// Kecamatan names are shortened before a ranking bar gets narrower than this.
    static let minimumBarWidth = 6

    public init(state: PresentationState, data: PresentationData, appearance: Appearance) {
        self.state = state; self.data = data; self.appearance = appearance
    }

    public func render() -> Canvas {
        var canvas = Canvas(width: state.width, height: state.height)
        if !TooSmallNotice.fits(width: state.width, height: state.height) {
            TooSmallNotice(width: state.width, height: state.height, appearance: appearance).draw(&canvas)
        } else {
            let titles = [[s.slideReadiness], [s.slideYears], [s.slideRanking, s.slideRankingShort], [s.slideEvaluation],
                          [s.slideProgrammes], [s.slidePace]]
            center(&canvas, fitting(titles[state.slide]), y: frame.titleRow, style: Style(bold: true, underline: true))
            let year = " \(appearance.glyphs.separator) \(data.year)"
            center(&canvas, Fit.truncate(data.region.name, state.width - year.count, ellipsis: appearance.glyphs.ellipsis) + year,
                   y: frame.subtitleRow, style: theme.muted)
            let content = frame.content
            switch state.slide {
            case 0: layout(readiness(content), &canvas, content)
            case 1: layout(years(), &canvas, content)
            case 2: ranking(&canvas, content)
            case 3: layout(evaluation(), &canvas, content)
            case 4: layout(programmes(), &canvas, content)
            default: layout(pace(), &canvas, content)
            }
            let footer = "\(state.paused ? s.paused + "  " : "")\(state.slide + 1)/\(PresentationState.slideCount)"
            canvas.put(footer, x: state.width - footer.count - 1, y: frame.footerRow, style: theme.muted)
        }
        if appearance.glyphs == .ascii { canvas.foldToASCII() }
        return canvas
    }

    private func layout(_ blocks: [SlideBlock], _ canvas: inout Canvas, _ content: Rect) {
        BlockLayout(appearance: appearance).draw(blocks, &canvas, in: content, largestScale: frame.largestDigitScale)
    }

    /// The first of the texts that fits the width, the last one shortened if none does.
    private func fitting(_ texts: [String]) -> String {
        texts.first { $0.count <= state.width } ?? Fit.truncate(texts[texts.count - 1], state.width, ellipsis: appearance.glyphs.ellipsis)
    }

    private func center(_ canvas: inout Canvas, _ text: String, y: Int, style: Style) {
        canvas.put(text, x: max(0, (state.width - text.count) / 2), y: y, style: style)
    }

    /// A rectangle of at most `width` columns, centred in `content`.
    private func centered(_ content: Rect, width: Int) -> Rect {
        let w = min(content.width, width)
        return Rect(x: content.x + (content.width - w) / 2, y: content.y, width: w, height: content.height)
    }

    private func readiness(_ content: Rect) -> [SlideBlock] {
        guard let r = data.readiness else { return [.gap(1), .text(s.noTipeA, .plain)] }
        let measures = [(s.koperasiActiveLabel, r.koperasiActive), (s.umkmLabel, r.umkm)].map { label, p in
            let status = "\(NumberFormat.percent(p.ratio)) \(appearance.glyphs.separator) " + (p.met ? "\(s.met) \(appearance.glyphs.check)" : s.gap(p.gap))
            let style = p.met ? theme.good : theme.bad
            return (texts: [label, s.of(p.value, p.threshold), status],
                    blocks: [SlideBlock.figure(label: label, number: NumberFormat.integer(p.value), caption: s.of(p.value, p.threshold), style: style),
                             .text(status, style)])
        }
        let verdict = SlideBlock.banner(r.met ? s.metVerdict : s.notMetVerdict,
                                        !theme.isColor ? Style(bold: true, reverse: true)
                                            : r.met ? Style(foreground: .black, background: .green, bold: true) : Style(foreground: .white, background: .red, bold: true))
        // Side by side while every line fits half the width; one above the other on a narrow screen.
        let sideBySide = measures.allSatisfy { $0.texts.allSatisfy { $0.count <= content.width / 2 } }
        let figures = sideBySide ? [.columns(measures.map(\.blocks))] : measures[0].blocks + [.gap(1)] + measures[1].blocks
        return figures + [.gap(2), verdict]
    }

    private func years() -> [SlideBlock] {
        let chart = SlideBlock.chart(minimum: 4, maximum: .max) { canvas, rect in
            ColumnChartWidget(items: data.yearly.map { .init(label: String($0.year), value: $0.koperasiActive, text: NumberFormat.integer($0.koperasiActive)) })
                .draw(&canvas, centered(rect, width: max(30, data.yearly.count * 16)), appearance: appearance)
        }
        guard let trend = Trend(lastTwoOf: data.yearly.map { ($0.year, $0.koperasiActive) }) else { return [chart, .gap(3)] }
        let change = trend.change.map { " (\(NumberFormat.signedPercent($0)))" } ?? ""
        return [chart, .gap(1),
                .text("\(NumberFormat.integer(trend.fromValue)) \(appearance.glyphs.arrow) \(NumberFormat.integer(trend.toValue))\(change)",
                      (trend.change ?? 0) < 0 ? theme.bad : theme.good),
                .gap(1)]
    }

    private func ranking(_ canvas: inout Canvas, _ content: Rect) {
        let sorted = data.kecamatan.sorted { ($0.activeRatio, $1.region.name) > ($1.activeRatio, $0.region.name) }
        let perList = min(Self.rankingPerList, (content.height - 1) / 2)
        let best = Array(sorted.prefix(perList)), worst = Array(sorted.suffix(min(perList, max(0, sorted.count - perList))))
        let rect = centered(content, width: 90)
        func value(_ f: RegionFigures) -> String {
            "\(NumberFormat.percent(f.activeRatio))  (\(NumberFormat.integer(f.koperasiActive))/\(NumberFormat.integer(f.koperasiTotal)))"
        }
        // Both lists share one value width, so that their bars line up; names give way before the bars do.
        let valueWidth = (best + worst).map { value($0).count }.max() ?? 0
        let labelWidth = min(18, rect.width - valueWidth - 2 - Self.minimumBarWidth)
        func chart(_ rows: [RegionFigures]) -> BarChartWidget {
            BarChartWidget(items: rows.map { .init(label: $0.region.name, fraction: $0.activeRatio, value: value($0).padding(toLength: valueWidth, withPad: " ", startingAt: 0)) },
                           labelWidth: labelWidth, selected: nil, highlighted: nil, offset: 0, focused: false)
        }
        let gap = rect.height >= 2 * perList + 3 ? 1 : 0
        chart(best).draw(&canvas, Rect(x: rect.x, y: rect.y, width: rect.width, height: best.count), appearance: appearance)
        canvas.put(String(repeating: appearance.glyphs.horizontal, count: rect.width), x: rect.x, y: rect.y + best.count + gap, style: theme.muted)
        chart(worst).draw(&canvas, Rect(x: rect.x, y: rect.y + best.count + 1 + 2 * gap, width: rect.width, height: worst.count), appearance: appearance)
    }

    private func evaluation() -> [SlideBlock] {
        let p = data.evaluation
        let outcomes = EvaluationOutcome.allCases
        let bars = SlideBlock.chart(minimum: outcomes.count, maximum: outcomes.count) { canvas, rect in
            BarChartWidget(items: outcomes.map { o in
                let n = p.byOutcome[o] ?? 0
                return .init(label: o.rawValue, fraction: p.evaluated == 0 ? 0 : Double(n) / Double(p.evaluated), value: NumberFormat.integer(n))
            }, labelWidth: 14, selected: nil, highlighted: nil, offset: 0, focused: false).draw(&canvas, centered(rect, width: 70), appearance: appearance)
        }
        return [.figure(label: s.evaluated, number: NumberFormat.integer(p.evaluated), caption: s.evaluatedCaption(p), style: Style(bold: true)),
                .gap(1), bars]
    }

    private func programmes() -> [SlideBlock] {
        var blocks: [SlideBlock]
        if let plan = data.batchPlan {
            let caption = s.batchesCaption(held: data.batchesHeld, plan: plan.value,
                                           perBatch: data.koperasiPlan.map { $0.value / max(1, plan.value) }, year: plan.year ?? data.year)
            blocks = [.figure(label: s.batchesLabel, number: "\(data.batchesHeld)/\(plan.value)", caption: caption, style: Style(bold: true)), .gap(1)]
            if let koperasi = data.koperasiPlan { blocks.append(.text(s.trained(data.koperasiTrained, koperasi.value), .plain)) }
        } else {
            blocks = [.text(s.noPlan, .plain), .gap(1)]
        }
        if let province = data.provinceTrainingTarget { blocks.append(.text(s.provinceTraining(province), .plain)) }
        return blocks + [.text(s.assistants(data.assistants), .plain)]
    }

    private func pace() -> [SlideBlock] {
        guard let r = data.readiness else { return [.gap(1), .text(s.noTipeA, .plain)] }
        var blocks: [SlideBlock] = []
        if let trend = r.umkmTrend {
            let projection = Projection(trend: trend, target: r.umkm.threshold, targetYear: r.umkm.targetYear ?? r.year + 1)
            if let pace = projection.pace {
                blocks += [.figure(label: s.umkmLabel, number: NumberFormat.integer(pace.perMonth),
                                   caption: s.paceCaption(pace, target: r.umkm.threshold), style: theme.bad), .gap(1)]
            }
            blocks += [.text("\(s.umkmTrendLabel): \(s.crossing(projection))", Style(bold: true)), .text(s.assumption(trend), theme.muted), .gap(1)]
        }
        if let trend = r.koperasiTrend {
            let projection = Projection(trend: trend, target: r.koperasiActive.threshold, targetYear: nil)
            blocks += [.banner("\(s.koperasiTrendLabel): \(s.crossing(projection))", r.downgradeYear != nil ? theme.warning : Style(bold: true)),
                       .text(s.assumption(trend), theme.muted)]
        }
        return blocks
    }
}
