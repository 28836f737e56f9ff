import PantauCore

/// The detail of one koperasi: every field, status by year, RAT history, evaluations, audit entries.
struct DetailPane {
    let detail: KoperasiDetail
    let scroll: Int
    let appearance: Appearance
    /// Long lines continue on the next line (the narrow layout) instead of being cut.
    var wraps = false

    static let labelWidth = 12

    func lines(_ s: Strings) -> [(String, Bool)] {
        let k = detail.koperasi, g = appearance.glyphs
        let dash = String(g.dash)
        var lines: [(String, Bool)] = []
        func field(_ label: String, _ value: String) {
            lines.append(("\(label.padding(toLength: Self.labelWidth, withPad: " ", startingAt: 0)) \(value)", false))
        }
        func heading(_ text: String) { lines.append(("", false)); lines.append((text, true)) }
        field("NIK", k.nik)
        field(s.region, detail.regionLabel)
        field(s.jenis, k.jenis.rawValue)
        field(s.sector, k.sektor.isEmpty ? dash : k.sektor)
        field(s.partnership, k.kemitraan?.rawValue ?? dash)
        field(s.members, k.anggota.map(NumberFormat.integer) ?? dash)
        field(s.founded, k.tahunBerdiri.map(String.init) ?? dash)
        field(s.health, k.kesehatan?.rawValue ?? dash)
        field(s.evaluation, k.evaluation?.rawValue ?? dash)
        heading(s.statusByYear)
        let years = k.status.keys.sorted()
        lines.append((years.isEmpty ? s.none : years.map { "\($0): \(k.status[$0]! ? s.yes : s.no)" }.joined(separator: "   "), false))
        heading(s.ratHistory)
        let rat = k.ratYears.sorted()
        lines.append((rat.isEmpty ? s.none : rat.map { year in detail.ratDates[year].map { "\(year) (\($0))" } ?? String(year) }.joined(separator: ", "), false))
        heading(s.evaluationHistory)
        if detail.evaluations.isEmpty { lines.append((s.none, false)) }
        for e in detail.evaluations.reversed() {
            lines.append(("\(e.at.prefix(10))  \(e.outcome.rawValue)  \(e.who)\(e.note.isEmpty ? "" : "  \(g.separator) \(e.note)")", false))
        }
        heading(s.auditEntries)
        if detail.audit.isEmpty { lines.append((s.none, false)) }
        for a in detail.audit.reversed() {
            let change = "\(a.oldValue ?? dash) \(g.arrow) \(a.newValue ?? dash)"
            lines.append(("\(a.at.prefix(16).replacingOccurrences(of: "T", with: " "))  \(a.who)  \(a.field): \(change)\(a.note.isEmpty ? "" : "  (\(a.note))")", false))
        }
        return lines
    }

    /// Lines broken at spaces to `width`; a field's value continues under the value, not under the label.
    private func wrapped(_ lines: [(String, Bool)], width: Int) -> [(String, Bool)] {
        let indent = String(repeating: " ", count: Self.labelWidth + 1)
        return lines.flatMap { line, isHeading -> [(String, Bool)] in
            guard line.count > width else { return [(line, isHeading)] }
            let isField = !isHeading && line.dropFirst(Self.labelWidth).hasPrefix(" ") && line.count > Self.labelWidth + 1
            guard isField, width > indent.count + 8 else { return Fit.wrap(line, width).map { ($0, isHeading) } }
            let value = String(line.dropFirst(indent.count))
            return Fit.wrap(value, width - indent.count).enumerated().map { i, part in
                ((i == 0 ? String(line.prefix(indent.count)) : indent) + part, false)
            }
        }
    }

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let s = Strings(appearance.lang)
        let inner = Box.draw(&canvas, rect, title: "\(s.detailTitle) \(appearance.glyphs.separator) \(TerminalSafe.text(detail.koperasi.nama))",
                             focused: true, appearance: appearance)
        let all = wraps ? wrapped(lines(s), width: inner.width) : lines(s)
        let first = min(scroll, max(0, all.count - inner.height))
        for (i, line) in all.dropFirst(first).prefix(inner.height).enumerated() {
            canvas.put(Fit.truncate(TerminalSafe.text(line.0), inner.width, ellipsis: appearance.glyphs.ellipsis), x: inner.x, y: inner.y + i,
                       style: line.1 ? appearance.theme.header : .plain, clip: inner)
        }
    }
}

/// A form in a box over the dashboard.
struct FormOverlay {
    let form: Form
    let appearance: Appearance
    /// The narrow layout: the form takes the whole width.
    var fullWidth = false

    func draw(_ canvas: inout Canvas) {
        let s = Strings(appearance.lang), g = appearance.glyphs, theme = appearance.theme
        let title: String
        switch form.kind {
        case .rat: title = s.formRAT
        case .evaluate: title = s.formEvaluate
        case .edit: title = s.formEdit
        }
        let width = fullWidth ? canvas.width : min(canvas.width - 4, 64)
        let height = form.fields.count * 2 + 5
        let rect = Rect(x: (canvas.width - width) / 2, y: max(0, (canvas.height - height) / 2), width: width, height: height)
        canvas.fill(rect)
        let inner = Box.draw(&canvas, rect, title: "\(title) \(g.separator) \(TerminalSafe.text(form.nama))", focused: true, appearance: appearance)
        canvas.put("NIK " + form.nik, x: inner.x + 1, y: inner.y, style: theme.muted, clip: inner)
        for (i, field) in form.fields.enumerated() {
            let y = inner.y + 2 + i * 2
            let current = i == form.index && !form.confirming
            canvas.put(field.label, x: inner.x + 1, y: y - 1, style: theme.header, clip: inner)
            let value = field.choices.isEmpty ? field.value + (current ? "_" : "")
                : "\(g == .ascii ? "<" : "◂") \(field.value) \(g == .ascii ? ">" : "▸")"
            let box = Rect(x: inner.x + 1, y: y, width: inner.width - 2, height: 1)
            canvas.fill(box, style: current ? theme.selected : theme.selectedUnfocused)
            canvas.put(Fit.truncate(value, box.width, ellipsis: g.ellipsis), x: box.x, y: y, style: current ? theme.selected : theme.selectedUnfocused, clip: box)
        }
        let hint = form.confirming ? s.confirmSave : s.formHint
        canvas.put(Fit.truncate(hint, inner.width - 2, ellipsis: g.ellipsis), x: inner.x + 1, y: inner.maxY - 1,
                   style: form.confirming ? theme.warning : theme.muted, clip: inner)
    }
}

/// How many inactive koperasi have been evaluated, and with which outcome.
struct EvaluationPane {
    let progress: EvaluationProgress
    let appearance: Appearance

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let s = Strings(appearance.lang), theme = appearance.theme
        let inner = Box.draw(&canvas, rect, title: s.evaluationPane, focused: false, appearance: appearance)
        guard inner.height > 0 else { return }
        var rows: [(String, String, Style)] = [
            (s.evaluated, "\(NumberFormat.integer(progress.evaluated))/\(NumberFormat.integer(progress.inactive))", theme.total),
        ]
        for outcome in EvaluationOutcome.allCases {
            rows.append((outcome.rawValue, NumberFormat.integer(progress.byOutcome[outcome] ?? 0), .plain))
        }
        var y = inner.y
        func put(_ row: (String, String, Style)) {
            guard y < inner.maxY else { return }
            canvas.put(Fit.left(row.0, inner.width - row.1.count - 1, ellipsis: appearance.glyphs.ellipsis), x: inner.x, y: y, style: row.2, clip: inner)
            canvas.put(row.1, x: inner.maxX - row.1.count, y: y, style: row.2, clip: inner)
            y += 1
        }
        put(rows[0])
        if y < inner.maxY {
            GaugeWidget(ratio: progress.ratio, met: false).draw(&canvas, inner.row(y - inner.y), percentText: NumberFormat.percent(progress.ratio),
                                                               appearance: appearance)
            y += 1
        }
        rows.dropFirst().forEach(put)
    }
}
