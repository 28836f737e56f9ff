import Foundation

/// What an import did (or, with --dry-run, would do), file by file.
public struct ImportSummary: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var location: String
        public var rows = 0
        public var inserted = 0
        public var updated = 0
        public var unchanged = 0
        public var warned = 0
        /// The encoding a delimited text file was read in (nil for a workbook).
        public var encoding: TextEncoding?
        public var preview = ImportPreview()

        public init(location: String) { self.location = location }
    }

    public var files: [File] = []
    /// With `--all-sheets`, the sheets passed over for having no header (`file.xlsx:Rekap`).
    public var sheetsWithoutHeader: [String] = []
    public var warnings: [ImportProblem] = []
    public var seconds: Double = 0
    public var dryRun = false

    public init() {}
}

/// How far an import has come, for a progress bar.
public struct ImportProgress: Sendable {
    public var location: String
    public var rows: Int
    public var bytesRead: Int
    public var bytesTotal: Int
    public var seconds: Double
    /// Every row is checked and staged; the rows are being written into the database (under its write lock).
    public var writing = false

    public init(location: String, rows: Int, bytesRead: Int, bytesTotal: Int, seconds: Double, writing: Bool = false) {
        self.location = location; self.rows = rows; self.bytesRead = bytesRead; self.bytesTotal = bytesTotal
        self.seconds = seconds; self.writing = writing
    }
}

public struct ImportRequest: Sendable {
    public var kind: ImportKind
    public var files: [String]
    public var dryRun = false
    public var encoding: TextEncoding?
    public var sheet: String?
    /// Every sheet of a workbook whose header matches, in one import; a sheet without one is passed over.
    public var allSheets = false
    public var lang: Language = .id
    public var who = Operator.current
    /// Off only for loading the bundled sample into a new database: that is where the records start, not a change to them.
    public var audited = true

    public init(kind: ImportKind, files: [String]) { self.kind = kind; self.files = files }
}
