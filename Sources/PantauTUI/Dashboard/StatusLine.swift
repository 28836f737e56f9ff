import PantauCore

/// The bottom line: where we are, which year, badges, and the keys that matter most.
struct StatusLine {
    let state: DashboardState
    let appearance: Appearance

    func draw(_ canvas: inout Canvas, _ rect: Rect) {
        let s = Strings(appearance.lang), g = appearance.glyphs, theme = appearance.theme
        canvas.fill(rect, style: theme.status)
        var x = rect.x
        // While there is a message or a filter being typed, it takes the place's room (the pane titles say where we are).
        let place = state.message == nil && !state.editingFilter ? state.data.map { "\($0.scopeName) \(g.separator) \($0.year)" } ?? "" : ""
        x = canvas.put(" " + place + (place.isEmpty ? "" : " "), x: x, y: rect.y, style: theme.status, clip: rect)
        let readOnly = state.isSnapshot ? s.readOnlyBadge + " " + g.separator.description + " " + s.snapshotBadge : s.readOnlyBadge
        for (shown, badge) in [(state.isDisconnected, s.disconnectedBadge), (state.isDemo, s.demoBadge), (state.isReadOnly, readOnly)] where shown {
            x = canvas.put(" " + badge + " ", x: x, y: rect.y, style: theme.badge, clip: rect)
            x = canvas.put(" ", x: x, y: rect.y, style: theme.status, clip: rect)
        }
        if state.editingFilter {
            let text = state.focus == .districts ? state.districts.filter : state.main.filter
            canvas.put(" \(s.filterPrompt): \(text)_", x: x, y: rect.y, style: theme.status, clip: rect)
            return
        }
        // A message wins over key hints; the hints keep what fits, help and quit last to go.
        // A slow load's word stands before them and outlasts them all.
        var hints = [s.hintOpen, s.hintBack, s.hintFilter, s.hintHelp, s.hintQuit]
        let loadingWord = state.isLoadingSlowly ? [s.stillLoading] : []
        func rightText() -> String { (loadingWord + hints).isEmpty ? "" : (loadingWord + hints).joined(separator: "  ") + " " }
        let room = rect.maxX - x - (state.message.map { $0.count + 2 } ?? 0)
        var right = rightText()
        while !hints.isEmpty && right.count > room {
            hints.removeFirst()
            right = rightText()
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
