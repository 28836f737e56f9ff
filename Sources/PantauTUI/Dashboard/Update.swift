import PantauCore

/// Something that happened: a key, a new terminal size, data arriving, or the database changing underneath.
public enum Action: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    case loaded(DashboardData)
    case loadFailed(String)
    case detailLoaded(KoperasiDetail)
    /// A change was written; the figures must be read again.
    case saved
    case saveFailed(String)
    /// Another process changed the database.
    case databaseChanged
    /// The load under way has taken long enough to say so.
    case loadTakesLong
    /// A save waits for another writer; the text says for whom.
    case saveWaiting(String)
}

/// Work `update` asks the runtime to do; its result comes back as an action.
public enum Effect: Sendable, Equatable {
    case load(scope: String, year: Int?)
    case loadDetail(nik: String)
    case save(FieldChange)
    case repaint
    case quit
}

extension DashboardState {
    /// The dashboard's only way to change: pure, so every key can be tested with plain values.
    public mutating func update(_ action: Action) -> [Effect] {
        switch action {
        case .resize(let width, let height):
            keepingTheFilterWithItsList { $0.resize(width: width, height: height) }
            return []
        case .loaded(let data):
            isLoadingSlowly = false
            keepingTheFilterWithItsList { $0.accept(data) }
            return []
        case .loadFailed(let message):
            isLoadingSlowly = false
            self.message = message
            return []
        case .saveFailed(let message), .saveWaiting(let message):
            self.message = message
            return []
        case .loadTakesLong:
            isLoadingSlowly = true
            return []
        case .detailLoaded(let detail):
            let nik = detail.koperasi.nik
            // Only the detail still asked for opens, or a fresh copy of the one on screen (a reload after a change);
            // one that comes back after the user has left the koperasi list, or asked for another, is dropped.
            if nik == awaitingDetail {
                awaitingDetail = nil
            } else if self.detail?.koperasi.nik != nik {
                return []
            }
            if self.detail?.koperasi.nik != nik { detailScroll = 0 }
            self.detail = detail
            return []
        case .saved:
            message = Strings(language).saved
            return refresh()
        case .databaseChanged:
            return refresh()
        case .key(let key):
            return handle(key)
        }
    }

    /// Reads the figures (and the open detail) again, keeping what is selected.
    private func refresh() -> [Effect] {
        [.load(scope: scopeCode, year: year)] + (detail.map { [.loadDetail(nik: $0.koperasi.nik)] } ?? [])
    }

    private mutating func handle(_ key: Key) -> [Effect] {
        let effects = answer(key)
        // A detail asked for belongs to the koperasi list on screen; leaving it forgets the request.
        if focus != .main || tab != .main || !showsKoperasi { awaitingDetail = nil }
        return effects
    }

    private mutating func answer(_ key: Key) -> [Effect] {
        if form != nil { return handleForm(key) }
        if editingFilter, let effects = editFilter(key) { return effects }
        if showHelp, key == .character(" ") { return turnHelpPage(by: 1) }
        guard let command = KeyMap.command(for: key, in: layoutKind) else { return [] }
        if showHelp {
            switch command {
            case .help, .back: showHelp = false; helpPage = 0; return []
            case .pageDown: return turnHelpPage(by: 1)
            case .pageUp: return turnHelpPage(by: -1)
            case .quit: return run(.quit)
            default: return []
            }
        }
        message = nil
        if command == .choosePane {
            if case .character(let c) = key, let n = c.wholeNumberValue, let tab = Tab(rawValue: n - 1) { show(tab) }
            return []
        }
        if actsOnHiddenList(command) { return [] }
        return run(command)
    }

    /// The typing belonged to the list that had the focus; when `change` moves the focus, it does not follow.
    private mutating func keepingTheFilterWithItsList(_ change: (inout DashboardState) -> Void) {
        let focused = focus
        change(&self)
        if focus != focused { editingFilter = false }
    }

    /// Tabs in the narrow layout, panes side by side otherwise.
    private mutating func cyclePanes(by step: Int, wrap: Bool) {
        if isNarrow { cycleTab(by: step, wrap: wrap) } else { cycleFocus(by: step, wrap: wrap) }
    }

    private mutating func turnHelpPage(by step: Int) -> [Effect] {
        let pages = HelpOverlay.pageCount(width: width, height: height, lang: language)
        helpPage = max(0, min(pages - 1, helpPage + step))
        return []
    }

    /// Typing into the filter of the focused list; nil lets the key act as a command.
    private mutating func editFilter(_ key: Key) -> [Effect]? {
        switch key {
        case .character(let c):
            setFilter(filter(of: focus) + String(c))
        case .backspace:
            setFilter(String(filter(of: focus).dropLast()))
        case .enter:
            editingFilter = false
        case .escape:
            setFilter("")
            editingFilter = false
        case .tab, .backTab, .left, .right:
            // Keys that change the pane or tab would leave the typing going into a list that is not the one
            // being filtered (or not on screen at all); while typing they do nothing.
            break
        default:
            return nil
        }
        return []
    }

    private func filter(of pane: Pane) -> String {
        pane == .districts ? districts.filter : main.filter
    }

    private mutating func setFilter(_ text: String) {
        if focus == .districts {
            districts.filter = text; districts.selected = 0; districts.offset = 0
        } else {
            main.filter = text; main.selected = 0; main.offset = 0
        }
    }

    private mutating func run(_ command: Command) -> [Effect] {
        let layout = Layout(width: width, height: height, showsKoperasi: showsKoperasi)
        let page = layout.listRows(focus, hasFooter: focus == .main && !showsKoperasi)
        switch command {
        case .moveUp: move(by: -1)
        case .moveDown: move(by: 1)
        case .pageUp: move(by: -page)
        case .pageDown: move(by: page)
        // Far enough to reach either end of a list, or of the detail text (whose length the view decides).
        case .first: move(by: -max(rowCount(focus), 1000))
        case .last: move(by: max(rowCount(focus), 1000))
        case .nextPane, .paneRight: cyclePanes(by: 1, wrap: command == .nextPane)
        case .previousPane, .paneLeft: cyclePanes(by: -1, wrap: command == .previousPane)
        case .choosePane: break  // answered in `handle`, which knows the key that chose the pane
        case .open: return open()
        case .back: return back()
        case .filter:
            // Not the ratio chart, nor the koperasi list while the detail covers it: the typing would go out of sight.
            if focus != .ratio && !(focus == .main && detail != nil) { editingFilter = true }
        case .sort:
            let count = focus == .main && showsKoperasi ? DashboardState.koperasiSortCount : DashboardState.regionSortCount
            changeSort { $0.sort = ($0.sort + 1) % count }
        case .reverseSort: changeSort { $0.descending.toggle() }
        case .previousYear: return changeYear(by: -1)
        case .nextYear: return changeYear(by: 1)
        case .reload: return [.load(scope: scopeCode, year: year)]
        case .repaint: return [.repaint]
        case .help: showHelp = true
        case .quit:
            quitting = true
            return [.quit]
        case .statusFilter:
            guard showsKoperasi else { return [] }
            main.status = (main.status + 1) % 5
            main.selected = 0
            main.offset = 0
        case .togglePanel:
            showEvaluation.toggle()
        case .recordRAT, .evaluate, .edit:
            return openForm(command)
        }
        return []
    }

    private mutating func move(by delta: Int) {
        if detail != nil && focus == .main {
            detailScroll = max(0, detailScroll + delta)
            return
        }
        let count = rowCount(focus)
        guard count > 0 else { return }
        func moved(_ list: inout ListState) { list.selected = min(count - 1, max(0, list.selected + delta)) }
        switch focus {
        case .districts: moved(&districts)
        case .main: moved(&mainLists[mainLists.count - 1])
        case .ratio: moved(&ratio)
        }
    }

    private mutating func cycleFocus(by step: Int, wrap: Bool) {
        let panes = visiblePanes
        guard let index = panes.firstIndex(of: focus) else { focus = panes[0]; return }
        let next = index + step
        if wrap {
            focus = panes[(next + panes.count) % panes.count]
        } else if panes.indices.contains(next) {
            focus = panes[next]
        }
        tab = Tab(focus)
    }

    private mutating func changeSort(_ change: (inout ListState) -> Void) {
        switch focus {
        case .districts: change(&districts)
        case .main: change(&mainLists[mainLists.count - 1])
        case .ratio: return
        }
    }

    private mutating func open() -> [Effect] {
        switch focus {
        case .districts:
            let rows = districtRows
            guard rows.indices.contains(districts.selected) else { return [] }
            return openPath(scopePath(to: rows[districts.selected].figures.region.code))
        case .main:
            if showsKoperasi {
                guard detail == nil else { return [] }
                let rows = mainKoperasiRows
                guard rows.indices.contains(main.selected) else { return [] }
                awaitingDetail = rows[main.selected].nik
                return [.loadDetail(nik: rows[main.selected].nik)]
            }
            // While another scope's figures are still loading, the rows on screen are not that scope's parts.
            guard data?.scope.code == scopeCode else { return [] }
            let rows = mainRegionRows
            guard rows.indices.contains(main.selected), rows[main.selected].region.level != data?.scope.level else { return [] }
            return openPath(path + [rows[main.selected].region.code])
        case .ratio:
            let rows = ratioRows
            guard rows.indices.contains(ratio.selected) else { return [] }
            return openPath(scopePath(to: rows[ratio.selected].region.code))
        }
    }

    /// Opens a new path, keeping the list states of the scopes it shares with the current one.
    private mutating func openPath(_ newPath: [String]) -> [Effect] {
        var lists: [ListState] = []
        for (i, code) in newPath.enumerated() {
            lists.append(i < path.count && path[i] == code && i < mainLists.count ? mainLists[i] : ListState())
        }
        path = newPath
        mainLists = lists
        show(.main)
        detail = nil
        awaitingDetail = nil
        editingFilter = false
        return [.load(scope: scopeCode, year: year)]
    }

    private mutating func back() -> [Effect] {
        // Esc before an asked-for detail arrives takes the request back, as Esc would close the detail.
        if awaitingDetail != nil {
            awaitingDetail = nil
            if detail == nil { return [] }
        }
        if detail != nil {
            detail = nil
            return []
        }
        if !filter(of: focus).isEmpty && focus != .ratio {
            setFilter("")
            return []
        }
        guard path.count > 1 else { return [] }
        path.removeLast()
        mainLists.removeLast()
        show(.main)
        return [.load(scope: scopeCode, year: year)]
    }

    private mutating func changeYear(by step: Int) -> [Effect] {
        guard let data, let year, let index = data.years.firstIndex(of: year) else { return [] }
        let next = index + step
        guard data.years.indices.contains(next) else {
            message = Strings(language).noOtherYear(year + step)
            return []
        }
        // Asked for at once, so keys pressed before the figures arrive (another year, a drill) build on it.
        self.year = data.years[next]
        awaitingDetail = nil
        return [.load(scope: scopeCode, year: data.years[next])]
    }

    private mutating func accept(_ data: DashboardData) {
        let first = self.data == nil
        let sameScope = self.data?.scope == data.scope
        if data.yearWasAdjusted { message = Strings(language).yearChanged(data.year) }
        // A reload of the same scope keeps the same records selected, wherever they moved.
        let keep = sameScope ? selectedKeys() : nil
        if !sameScope { showEvaluation = data.scope.level == .kecamatan }
        self.data = data
        year = data.year
        if let keep { reselect(keep) }
        if first {
            // Start with the open district selected in the district list.
            let code = path.count >= 2 ? path[1] : path.first ?? ""
            if let index = districtRows.firstIndex(where: { $0.figures.region.code == code }) { districts.selected = index }
        }
        if showsKoperasi, let index = ratioRows.firstIndex(where: { $0.region.code == data.scope.code }) { ratio.selected = index }
        if !visiblePanes.contains(focus) { show(.main) }
        clampSelections()
    }

    private mutating func clampSelections() {
        for pane in Pane.allCases {
            let count = rowCount(pane)
            func clamp(_ list: inout ListState) { list.selected = max(0, min(list.selected, count - 1)) }
            switch pane {
            case .districts: clamp(&districts)
            case .main: if !mainLists.isEmpty { clamp(&mainLists[mainLists.count - 1]) }
            case .ratio: clamp(&ratio)
            }
        }
    }
}
