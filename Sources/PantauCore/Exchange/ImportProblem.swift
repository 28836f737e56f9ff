/// A problem in a file being imported, located as a text editor (or a spreadsheet) shows it.
public enum ImportProblem: Error, Equatable, Sendable {
    /// The file as a whole: cannot be read, not text, no such sheet, a required column missing.
    case file(path: String, message: String)
    /// One row (LINE counts the header as 1; for .xlsx, `path` is `file.xlsx:Sheet` and LINE is the row).
    case row(path: String, line: Int, column: String?, message: String)

    /// `FILE:LINE: column: what is wrong, and how to fix it`. A column is named as the file has it (an unknown one too), so it is shown as an excerpt.
    /// The line goes to a terminal: whatever a file name or a message quotes, no control character reaches it raw.
    public var description: String {
        switch self {
        case .file(let path, let message): TerminalSafe.text("\(path): \(message)")
        case .row(let path, let line, let column, let message): TerminalSafe.text("\(path):\(line): " + (column.map { "\(Excerpt.of($0)): " } ?? "") + message)
        }
    }
}

/// Why an import stopped: the problems found (at most 50 listed) and how many more there were.
public struct ImportFailure: Error, Equatable, Sendable {
    public var problems: [ImportProblem]
    public var unlisted: Int

    public static let listLimit = 50

    public init(problems: [ImportProblem], unlisted: Int) { self.problems = problems; self.unlisted = unlisted }

    public func message(_ lang: Language) -> String {
        var lines = problems.map(\.description)
        if unlisted > 0 {
            lines.append(lang == .en ? "… and \(unlisted) more problems." : "… dan \(unlisted) masalah lain.")
        }
        let total = problems.count + unlisted
        lines.append(lang == .en ? "Nothing was imported: fix the \(total == 1 ? "problem" : "\(total) problems") above and import again."
                                 : "Tidak ada yang diimpor: perbaiki \(total == 1 ? "masalah" : "\(total) masalah") di atas lalu impor lagi.")
        return lines.joined(separator: "\n")
    }
}
