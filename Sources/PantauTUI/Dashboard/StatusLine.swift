import PantauCore

/// The bottom line: where we are, which year, badges, and the keys that matter most.
struct StatusLine {
    let state: DashboardState
    let appearance: Appearance

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let s = Strings(appearance.lang), g = appearance.glyphs, theme = appearance.theme
        canvas.fill(rect, style: theme.status)
        var x = rect.x
        // While there is a message, it takes the place's room (the pane titles say where we are).
        let place = state.message == nil ? state.data.map { "\($0.scopeName) \(g.separator) \($0.year)" } ?? "" : ""
        x = canvas.put(" " + place + (place.isEmpty ? "" : " "), x: x, y: rect.y, style: theme.status, clip: rect)
        let readOnly = state.isSnapshot ? s.readOnlyBadge + " " + g.separator.description + " " + s.snapshotBadge : s.readOnlyBadge
        for (shown, badge) in [(state.isDemo, s.demoBadge), (state.isReadOnly, readOnly)] where shown {
            x = canvas.put(" " + badge + " ", x: x, y: rect.y, style: theme.badge, clip: rect)
            x = canvas.put(" ", x: x, y: rect.y, style: theme.status, clip: rect)
        }
        if state.editingFilter {
            let text = state.focus == .districts ? state.districts.filter : state.main.filter
            canvas.put(" \(s.filterPrompt): \(text)_", x: x, y: rect.y, style: theme.status, clip: rect)
            return
        }
        // A message wins over key hints; the hints keep what fits, help and quit last to go.
        var hints = [s.hintOpen, s.hintBack, s.hintFilter, s.hintHelp, s.hintQuit]
        let room = rect.maxX - x - (state.message.map { $0.count + 2 } ?? 0)
        var right = hints.joined(separator: "  ") + " "
        while !hints.isEmpty && right.count > room {
            hints.removeFirst()
            right = hints.isEmpty ? "" : hints.joined(separator: "  ") + " "
        }
        if let message = state.message {
            let space = max(0, rect.maxX - x - right.count - 1)
            canvas.put(Fit.truncate(message, space, ellipsis: g.ellipsis), x: x, y: rect.y, style: theme.status, clip: rect)
        }
        if !right.isEmpty {
            canvas.put(right, x: rect.maxX - right.count, y: rect.y, style: theme.status, clip: rect)
        }
    }
}

/// The help overlay: every key, from the same table that dispatches them.
struct HelpOverlay {
    let appearance: Appearance

    func draw(_ canvas: inout Canvas) {
        let s = Strings(appearance.lang)
        let lines = KeyMap.bindings.map { binding in
            (appearance.glyphs == .ascii ? asciiLabel(binding.label) : binding.label, binding.help(s))
        }
        let labelWidth = lines.map(\.0.count).max() ?? 0
        let entryWidth = labelWidth + 2 + (lines.map(\.1.count).max() ?? 0)
        // One column when it fits the height, else two side by side.
        let rowsAvailable = canvas.height - 3
        let columns = lines.count <= rowsAvailable ? 1 : 2
        let rows = (lines.count + columns - 1) / columns
        let width = min(canvas.width - 2, columns * entryWidth + (columns - 1) * 2 + 4)
        let height = min(canvas.height - 1, rows + 2)
        let rect = Rect(x: (canvas.width - width) / 2, y: max(0, (canvas.height - 1 - height) / 2), width: width, height: height)
        canvas.fill(rect)
        let inner = Box.draw(&canvas, rect, title: s.helpTitle, focused: true, appearance: appearance)
        let columnWidth = (inner.width - 2) / columns
        for (i, line) in lines.enumerated() {
            let column = i / rows, row = i % rows
            guard row < inner.height else { continue }
            let clip = Rect(x: inner.x + 1 + column * (columnWidth + 1), y: inner.y + row, width: columnWidth, height: 1)
            let x = canvas.put(Fit.left(line.0, labelWidth, ellipsis: appearance.glyphs.ellipsis) + "  ", x: clip.x, y: clip.y,
                               style: appearance.theme.header, clip: clip)
            canvas.put(line.1, x: x, y: clip.y, clip: clip)
        }
    }

    private func asciiLabel(_ label: String) -> String {
        label.replacingOccurrences(of: "↑", with: "Up").replacingOccurrences(of: "↓", with: "Down")
            .replacingOccurrences(of: "←", with: "Left").replacingOccurrences(of: "→", with: "Right")
    }
}
