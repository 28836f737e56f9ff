import Foundation

extension Report {
    /// One self-contained page (no network, no external files) with the figures and inline SVG charts:
    /// readable on a phone, printable on A4, numbers formatted the Indonesian way.
    public func html(lang: Language, date: Date = Date()) -> String {
        let s = Strings(lang)
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: lang == .en ? "en_GB" : "id_ID")
        formatter.dateStyle = .long
        var body = ""
        body += "<header><p class=\"office\">\(h(officeName ?? "Pantau"))</p>"
        body += "<h1>\(h(s.reportTitle))</h1>"
        body += "<p class=\"meta\">\(h(scopeLabel)) · \(h(s.year)) \(year) · \(h(formatter.string(from: date)))</p></header>"
        if isDemo { body += "<p class=\"demo\">\(h(s.demoNotice))</p>" }
        if let tipeA { body += tipeASection(tipeA, s) }
        body += trendSection(s)
        body += tableSection(s)
        if evaluation.inactive > 0 { body += evaluationSection(s) }
        return """
            <!DOCTYPE html>
            <html lang="\(lang.rawValue)">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(h(s.reportTitle)) · \(h(scopeLabel)) · \(year)</title>
            <style>\(Self.css)</style>
            </head>
            <body>
            \(body)
            <footer>Pantau · \(h(formatter.string(from: date)))</footer>
            </body>
            </html>

            """
    }

    private func h(_ text: String) -> String {
        TerminalSafe.text(text).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// A horizontal gauge: the value's share of the threshold, with the threshold marked.
    private func gauge(_ p: ThresholdProgress, label: String, _ s: Strings) -> String {
        let scaleMax = max(Double(p.threshold), Double(p.value)) * 1.05
        let fill = Double(p.value) / scaleMax * 300, mark = Double(p.threshold) / scaleMax * 300
        let status = p.met ? "\(s.met) ✓" : s.gap(p.gap)
        return """
            <figure class="gauge \(p.met ? "met" : "short")">
            <figcaption><strong>\(h(label))</strong> <span class="big">\(NumberFormat.integer(p.value))</span> / \(NumberFormat.integer(p.threshold)) · \(NumberFormat.percent(p.ratio)) · \(h(status))</figcaption>
            <svg viewBox="0 0 300 28" role="img" aria-label="\(h(label)) \(NumberFormat.integer(p.value)) / \(NumberFormat.integer(p.threshold))">
            <rect x="0" y="4" width="300" height="20" class="track"/><rect x="0" y="4" width="\(String(format: "%.1f", fill))" height="20" class="fill"/>
            <line x1="\(String(format: "%.1f", mark))" y1="0" x2="\(String(format: "%.1f", mark))" y2="28" class="mark"/>
            </svg>
            </figure>
            """
    }

    private func tipeASection(_ r: TipeAReadiness, _ s: Strings) -> String {
        var html = "<section><h2>\(h(s.tipeA))</h2>"
        html += gauge(r.koperasiActive, label: s.koperasiActiveLabel, s) + gauge(r.umkm, label: s.umkmLabel, s)
        html += "<p class=\"verdict \(r.met ? "met" : "short")\">\(h(s.tipeAVerdict(r.met)))</p>"
        if let pace = r.umkmPace { html += "<p>\(h(s.pace(pace)))</p>" }
        if let year = r.downgradeYear, let trend = r.koperasiTrend {
            html += "<p class=\"warning\">\(h(s.downgrade(trend: trend, threshold: r.koperasiActive.threshold, year: year, alreadyBelow: !r.koperasiActive.met)))</p>"
        }
        return html + "</section>"
    }

    private func trendSection(_ s: Strings) -> String {
        guard !yearly.isEmpty else { return "" }
        let maxValue = max(1, yearly.map(\.koperasiActive).max() ?? 1)
        let width = max(200, yearly.count * 90)
        var bars = ""
        for (i, y) in yearly.enumerated() {
            let height = Double(y.koperasiActive) / Double(maxValue) * 120
            let x = i * 90 + 20
            bars += """
                <rect x="\(x)" y="\(String(format: "%.1f", 145 - height))" width="50" height="\(String(format: "%.1f", height))" class="column"/>
                <text x="\(x + 25)" y="\(String(format: "%.1f", 140 - height))" class="value">\(NumberFormat.integer(y.koperasiActive))</text>
                <text x="\(x + 25)" y="165" class="label">\(y.year)</text>
                """
        }
        let change = trend.map { "<p>\(h(s.change(from: $0)))</p>" } ?? ""
        return """
            <section><h2>\(h(s.activeByYear))</h2>
            <svg class="chart" style="max-width:\(width / 10)rem" viewBox="0 0 \(width) 175" role="img" aria-label="\(h(s.activeByYear))">\(bars)</svg>\(change)</section>
            """
    }

    private func tableSection(_ s: Strings) -> String {
        var html = "<section><h2>\(h(scope.level == .kecamatan ? s.koperasi : s.childLevelName(scope.level.childLevel ?? .kecamatan)))</h2><div class=\"scroll\"><table>"
        if scope.level == .kecamatan {
            html += "<thead><tr><th>NIK</th><th>\(h(s.name))</th><th>\(h(s.jenis))</th><th>\(h(s.active))</th><th class=\"n\">\(h(s.lastRAT))</th><th class=\"n\">\(h(s.members))</th></tr></thead><tbody>"
            for k in koperasiRows {
                html += "<tr><td>\(k.nik)</td><td>\(h(k.nama))</td><td>\(h(k.jenis))</td><td>\(k.active.map { $0 ? s.yes : s.no } ?? "–")</td>"
                html += "<td class=\"n\">\(k.lastRAT.map(String.init) ?? "–")</td><td class=\"n\">\(k.anggota.map(NumberFormat.integer) ?? "–")</td></tr>"
            }
        } else {
            html += "<thead><tr><th>\(h(s.code))</th><th>\(h(s.name))</th><th class=\"n\">\(h(s.koperasi))</th><th class=\"n\">\(h(s.active))</th><th class=\"n\">\(h(s.inactive))</th><th class=\"n\">\(h(s.activeRatio))</th><th></th><th class=\"n\">UMKM</th></tr></thead><tbody>"
            for f in regionRows {
                let unplaced = isUnplaced(f)
                let ratio = f.koperasiTotal == 0 || !f.hasStatus ? "–" : NumberFormat.percent(f.activeRatio)
                html += "<tr><td>\(unplaced ? "" : f.region.code)</td><td>\(h(unplaced ? s.unplaced : f.region.name))</td>"
                html += "<td class=\"n\">\(NumberFormat.integer(f.koperasiTotal))</td><td class=\"n\">\(f.hasStatus ? NumberFormat.integer(f.koperasiActive) : "–")</td>"
                html += "<td class=\"n\">\(f.hasStatus ? NumberFormat.integer(f.koperasiInactive) : "–")</td><td class=\"n\">\(ratio)</td>"
                html += "<td><svg class=\"bar\" viewBox=\"0 0 100 10\" aria-hidden=\"true\"><rect width=\"\(String(format: "%.1f", f.activeRatio * 100))\" height=\"10\"/></svg></td>"
                html += "<td class=\"n\">\(NumberFormat.integer(f.umkm))</td></tr>"
            }
            let t = totals
            html += "</tbody><tfoot><tr><td></td><td>\(h(s.total))</td><td class=\"n\">\(NumberFormat.integer(t.koperasiTotal))</td><td class=\"n\">\(NumberFormat.integer(t.koperasiActive))</td>"
            html += "<td class=\"n\">\(NumberFormat.integer(t.koperasiInactive))</td><td class=\"n\">\(NumberFormat.percent(t.activeRatio))</td><td></td><td class=\"n\">\(NumberFormat.integer(t.umkm))</td></tr></tfoot>"
            return html + "</table></div></section>"
        }
        return html + "</tbody></table></div></section>"
    }

    private func evaluationSection(_ s: Strings) -> String {
        var rows = ""
        for outcome in EvaluationOutcome.allCases {
            let n = evaluation.byOutcome[outcome] ?? 0
            let share = evaluation.evaluated == 0 ? 0 : Double(n) / Double(evaluation.evaluated) * 100
            rows += "<tr><td>\(outcome.rawValue)</td><td class=\"n\">\(NumberFormat.integer(n))</td><td><svg class=\"bar\" viewBox=\"0 0 100 10\" aria-hidden=\"true\"><rect width=\"\(String(format: "%.1f", share))\" height=\"10\"/></svg></td></tr>"
        }
        return """
            <section><h2>\(h(s.evaluationPane))</h2><p>\(h(s.evaluatedCaption(evaluation)))</p>
            <table class="small"><tbody>\(rows)</tbody></table></section>
            """
    }

    static let css = """
        body{font-family:"DejaVu Sans",Arial,sans-serif;color:#111;margin:0 auto;max-width:60rem;padding:1rem;line-height:1.4}
        h1{font-size:1.6rem;margin:.2rem 0}h2{font-size:1.2rem;border-bottom:2px solid #1f4e79;padding-bottom:.2rem;margin-top:1.6rem}
        .office{color:#1f4e79;font-weight:bold;margin:0}.meta{color:#444;margin:.2rem 0}
        .demo{background:#fff3cd;border:1px solid #c9a227;padding:.5rem}.warning{background:#fde2e1;border-left:4px solid #b00020;padding:.5rem;font-weight:bold}
        .verdict{font-weight:bold;font-size:1.1rem}.verdict.met{color:#1b5e20}.verdict.short{color:#b00020}
        .gauge{margin:.8rem 0}.gauge svg{width:100%;max-width:36rem;height:auto;display:block}.big{font-size:1.5rem;font-weight:bold}
        .track{fill:#e6e6e6}.met .fill{fill:#2e7d32}.short .fill{fill:#c62828}.mark{stroke:#111;stroke-width:2}
        .chart{width:100%;max-width:40rem;height:auto}.column{fill:#1f4e79}.value,.label{text-anchor:middle;font-size:12px}
        .scroll{overflow-x:auto}table{border-collapse:collapse;width:100%;font-size:.9rem}
        th,td{padding:.25rem .4rem;border-bottom:1px solid #ddd;text-align:left;vertical-align:middle}th{background:#f0f4f8}
        .n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}tfoot td{font-weight:bold;border-top:2px solid #111}
        .bar{width:6rem;height:.7rem}.bar rect{fill:#1f4e79}table.small{width:auto}
        footer{margin-top:2rem;color:#666;font-size:.8rem}
        @media (max-width:40rem){body{padding:.5rem}.bar{width:3rem}}
        @page{size:A4;margin:15mm}@media print{body{max-width:none;padding:0}section{break-inside:avoid}h2{break-after:avoid}}
        """
}
