import ArgumentParser
import CNcurses
import Foundation
import PantauCore
import PantauSQLite

extension ImportKind: ExpressibleByArgument {}
extension ExportFormat: ExpressibleByArgument {}

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import koperasi, UMKM, training batches or targets from .csv or .xlsx files, all or nothing.",
        discussion: """
            CSV may use comma, semicolon or tab, UTF-8 (with or without BOM) or Windows-1252, CRLF or LF. Headers are \
            matched without case, spaces or punctuation, in Indonesian or English, in any order. The header may stand \
            anywhere in the first 30 rows (below a title block); a No column, empty rows and total rows (JUMLAH, TOTAL) \
            are skipped. The summary (and --dry-run) shows the header row, what each column was read as, and the rows \
            skipped.

            Records are keyed (koperasi by NIK; UMKM by NIB, else name and region): existing ones are updated, new ones \
            added; importing the same file twice changes nothing. With any problem nothing is written.

            `pantau import --template KIND` prints the canonical columns.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("What the files hold.", valueName: "koperasi|umkm|pelatihan|target")) var kind: ImportKind
    @Argument(help: ArgumentHelp("The files (.csv or .xlsx).", valueName: "file")) var files: [String] = []
    @Flag(name: .long, help: "Check everything and report what would change, but write nothing.") var dryRun = false
    @Option(name: .long, help: ArgumentHelp("The text encoding of CSV files, when detection is not enough.", valueName: "utf-8|windows-1252"))
    var encoding: String?
    @Option(name: .long, help: ArgumentHelp("The sheet of an .xlsx workbook (default: the first).", valueName: "name")) var sheet: String?
    @Flag(name: .long, help: "Every sheet of an .xlsx workbook whose header matches, in one import (a sheet without a region column takes its kecamatan from its name).")
    var allSheets = false
    @Option(name: .long, help: ArgumentHelp("The summary and preview: a short table, or JSON for scripts.", valueName: "text|json"))
    var format: ImportOutputFormat = .text
    @Flag(name: .long, help: "Print the canonical header of this kind of file and exit.") var template = false

    func validate() throws {
        if !template && files.isEmpty { throw ValidationError("Give at least one file to import, or --template.") }
        if allSheets && sheet != nil { throw ValidationError("Give either --sheet or --all-sheets, not both.") }
        if let encoding, TextEncoding(name: encoding) == nil { throw ValidationError("Unknown encoding \"\(encoding)\"; give utf-8 or windows-1252.") }
    }

    func run() async throws {
        let lang = database.language
        if template {
            let years = [Today.year - 1, Today.year]
            print(ImportSchema.template(kind, years: years).joined(separator: ","))
            return
        }
        try await reportingUserErrors(lang: lang) {
            let store = try await database.openStore()
            reportingWaits(of: store, lang: lang)
            var request = ImportRequest(kind: kind, files: files)
            request.dryRun = dryRun
            request.encoding = encoding.flatMap(TextEncoding.init(name:))
            request.sheet = sheet
            request.allSheets = allSheets
            request.lang = lang
            let bar = isatty(STDERR_FILENO) == 1 ? ProgressBar(lang: lang) : nil
            do {
                let summary = try await store.importFiles(request) { bar?.show($0) }
                bar?.clear()
                for warning in summary.warnings { FileHandle.standardError.write(Data(((lang == .en ? "warning: " : "peringatan: ") + warning.description + "\n").utf8)) }
                print(format == .json ? summary.json() : summary.text(lang))
            } catch let failure as ImportFailure {
                bar?.clear()
                FileHandle.standardError.write(Data((failure.message(lang) + "\n").utf8))
                throw ExitCode(1)
            }
        }
    }
}

/// Rows, rows per second and time left, on one line of stderr.
final class ProgressBar {
    let lang: Language
    private var last = Date.distantPast

    init(lang: Language) { self.lang = lang }

    func show(_ p: ImportProgress) {
        if p.writing {
            // Moving the checked rows in: one statement, no rows to count.
            let rows = NumberFormat.integer(p.rows)
            let text = lang == .en ? ": writing \(rows) rows into the database…" : ": menulis \(rows) baris ke basis data…"
            let narrow = lang == .en ? ": writing \(rows) rows…" : ": menulis \(rows) baris…"
            FileHandle.standardError.write(Data(("\r" + fitted(p.location, text, narrow) + "\u{1B}[K").utf8))
            return
        }
        guard Date().timeIntervalSince(last) > 0.2 else { return }
        last = Date()
        let rate = p.seconds > 0 ? Double(p.rows) / p.seconds : 0
        let fraction = p.bytesTotal > 0 ? Double(p.bytesRead) / Double(p.bytesTotal) : 0
        let left = fraction > 0 ? p.seconds * (1 - fraction) / fraction : 0
        let width = 20, filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let (rows, perSecond, seconds) = (NumberFormat.integer(p.rows), NumberFormat.integer(Int(rate)), NumberFormat.integer(Int(left.rounded())))
        let full = lang == .en ? " [\(bar)] \(rows) rows, \(perSecond) rows/s, \(seconds) s left"
                               : " [\(bar)] \(rows) baris, \(perSecond) baris/d, sisa \(seconds) d"
        // On a narrow terminal (a phone), the rows and the time left without the bar.
        let narrow = lang == .en ? ": \(rows) rows, \(seconds) s left" : ": \(rows) baris, sisa \(seconds) d"
        FileHandle.standardError.write(Data(("\r" + fitted(p.location, full, narrow) + "\u{1B}[K").utf8))
    }

    /// The file's name and the figures on one row of the terminal. A longer line wraps, and the next update's return
    /// goes back only to its last row, leaving a line behind each time: the name gives way first (its end is kept).
    private func fitted(_ location: String, _ figures: String, _ narrowFigures: String? = nil) -> String {
        let name = TerminalSafe.text(location)
        var rows: Int32 = 0, width: Int32 = 0
        let columns = pantau_terminal_size(STDERR_FILENO, &rows, &width) == 1 ? Int(width) - 1 : 0
        guard columns > 0, name.count + figures.count > columns else { return name + figures }
        // Room for at least the end of the file's name, else the shorter figures, else the line cut at the edge.
        let figures = columns - figures.count >= 12 ? figures : narrowFigures ?? figures
        let room = columns - figures.count
        guard room >= 12 else { return String((name + figures).prefix(columns)) }
        return name.count <= room ? name + figures : "…" + String(name.suffix(room - 1)) + figures
    }

    func clear() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

enum ImportOutputFormat: String, ExpressibleByArgument { case text, json }

struct ExportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "Export koperasi, UMKM, training batches, targets or a report as CSV, .xlsx, Markdown, JSON or (a report) HTML.",
        discussion: "CSV is UTF-8 with the canonical header, as `pantau import` reads it; exporting twice gives the same bytes.")

    enum What: String, ExpressibleByArgument { case koperasi, umkm, pelatihan, target, report }

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("What to export.", valueName: "koperasi|umkm|pelatihan|target|report")) var what: What
    @Option(name: .long, help: ArgumentHelp("Only this region (name or code). Default: everything (a report: the office's region).", valueName: "name|code"))
    var scope: String?
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The year (koperasi: only that year's status; UMKM: under guidance by then).", valueName: "yyyy"))
    var year: Int?
    @Option(name: .long, help: ArgumentHelp("Output format (html: the report as one page with charts).", valueName: "csv|xlsx|markdown|json|html"))
    var format: ExportFormat = .csv
    @Option(name: .shortAndLong, help: ArgumentHelp("Write to this file instead of standard output.", valueName: "file")) var output: String?

    func validate() throws {
        if format == .xlsx && output == nil { throw ValidationError("An .xlsx workbook is a file: give -o FILE.xlsx.") }
        if format == .html && what != .report { throw ValidationError("HTML is for the report: use `pantau export report --format html`.") }
    }

    func run() async throws {
        try await reportingUserErrors(lang: database.language) {
            let store = try await database.openStore()
            let handle: FileHandle
            if let output {
                // A workbook is written at the end: its folder is checked first, so that no export is read in vain.
                let folder = (output as NSString).deletingLastPathComponent
                guard access(folder.isEmpty ? "." : folder, W_OK) == 0,
                      format == .xlsx || FileManager.default.createFile(atPath: output, contents: nil),
                      let h = format == .xlsx ? FileHandle.standardOutput : FileHandle(forWritingAtPath: output) else {
                    throw PantauError.outputUnwritable(path: output)
                }
                handle = h
            } else {
                handle = FileHandle.standardOutput
            }
            let sink: TableSink
            switch format {
            case .csv: sink = CSVSink(CSVWriter(handle: handle))
            case .json: sink = JSONSink(handle)
            case .markdown: sink = MarkdownSink(handle)
            case .xlsx: sink = try XLSXSink(path: output!, sheetName: what.rawValue)
            case .html: sink = CSVSink(CSVWriter(handle: handle))
            }
            if what == .report {
                let report = try await store.report(scope: scope, year: year)
                if format == .html {
                    handle.write(Data(report.html(lang: database.language).utf8))
                } else if format == .markdown || format == .json {
                    handle.write(Data(report.rendered(format == .json ? .json : .markdown, lang: database.language).utf8))
                } else {
                    try report.export(to: sink)
                }
            } else {
                let region = if let scope { try await store.resolveRegion(scope) } else { Region.indonesia }
                try await store.export(ImportKind(rawValue: what.rawValue)!, scope: region, year: year, to: sink)
            }
        }
    }
}
