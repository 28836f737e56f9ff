import PantauCore

/// The panes that can have the focus, left to right, top to bottom.
public enum Pane: Int, CaseIterable, Sendable {
    case districts, main, ratio
}

/// Selection, scroll, filter and sort of one list.
public struct ListState: Sendable, Equatable {
    public var selected = 0
    public var offset = 0
    public var filter = ""
    /// Index into the list's sort keys; 0 is its natural order (codes, or names for koperasi).
    public var sort = 0
    public var descending = false
    /// The koperasi list's status filter: all, active, inactive, not evaluated, no RAT for N years.
    public var status = 0

    public init() {}
}

/// The whole dashboard as a value: what is open, what is selected, what is shown.
public struct DashboardState: Sendable, Equatable {
    public var width: Int
    public var height: Int
    /// The scopes opened so far, outermost first; the last one fills the main table.
    public var path: [String]
    public var year: Int?
    public var data: DashboardData?
    public var focus: Pane = .main
    public var districts = ListState()
    /// One list state per opened scope, so going back restores where one was.
    public var mainLists: [ListState]
    public var ratio = ListState()
    public var editingFilter = false
    public var showHelp = false
    /// The page of the help shown when it does not fit on one screen.
    public var helpPage = 0
    /// The pane shown in the narrow layout; kept in step with the focus in the others.
    public var tab: Tab = .main
    public var message: String?
    public var isDemo: Bool
    public var isReadOnly: Bool
    /// Read from a frozen copy because SQLite's shared-memory file could not be made; reopened when the file changes.
    public var isSnapshot = false
    /// The server cannot be reached: the figures shown are the last ones read, and Pantau keeps trying.
    public var isDisconnected = false
    public var quitting = false
    /// A load has been running for a noticeable time; the status line says so until its result arrives.
    public var isLoadingSlowly = false
    /// The koperasi whose details fill the top of the screen, if one is open.
    public var detail: KoperasiDetail?
    public var detailScroll = 0
    /// The NIK of the koperasi whose detail was asked for and has not arrived; a detail for any other is not shown.
    public var awaitingDetail: String?
    /// A form being filled in (RAT, evaluation, edit).
    public var form: Form?
    /// Whether the middle bottom pane shows the evaluation progress instead of the ratio chart (narrow screens).
    public var showEvaluation = false
    /// The language of messages set by `update`; the view takes the rest of its appearance from outside.
    public var language: PantauCore.Language = .id

    public init(width: Int, height: Int, path: [String], year: Int?, isDemo: Bool = false, isReadOnly: Bool = false) {
        self.width = width; self.height = height; self.path = path; self.year = year
        self.isDemo = isDemo; self.isReadOnly = isReadOnly
        mainLists = path.map { _ in ListState() }
    }

    public var scopeCode: String { path.last ?? "" }
    public var main: ListState {
        get { mainLists.last ?? ListState() }
        set { if mainLists.isEmpty { mainLists = [newValue] } else { mainLists[mainLists.count - 1] = newValue } }
    }

    /// True when the main table lists koperasi (a kecamatan is open).
    public var showsKoperasi: Bool { data?.scope.level == .kecamatan }

    public var isTooSmall: Bool { !TooSmallNotice.fits(width: width, height: height) }

    /// One pane at a time under a tab bar.
    public var layoutKind: LayoutKind { LayoutKind(width: width, height: height) }
    public var isNarrow: Bool { layoutKind == .narrow }

    /// The panes on screen now: the district list is hidden while a kecamatan's koperasi fill the top.
    public var visiblePanes: [Pane] {
        if isNarrow { return Pane.allCases }
        if detail != nil { return [.main] }
        return showsKoperasi ? [.main, .ratio] : Pane.allCases
    }
}

/// The path of scopes from the country down to `code`, as the dashboard opens them: province, kabupaten, kecamatan.
public func scopePath(to code: String) -> [String] {
    guard !code.isEmpty else { return [""] }
    let parts = code.split(separator: ".").map(String.init)
    return (1...parts.count).map { parts.prefix($0).joined(separator: ".") }
}
