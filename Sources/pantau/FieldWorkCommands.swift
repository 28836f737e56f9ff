import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite

extension EvaluationOutcome: ExpressibleByArgument {}

struct RATCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "rat",
        abstract: "Record a koperasi's annual members' meeting (RAT); it makes the koperasi active for that book year.")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The koperasi's NIK (Nomor Induk Koperasi).") var nik: String
    @Option(name: .long, parsing: .unconditional, help: ArgumentHelp("The book year the RAT is for.", valueName: "yyyy")) var year: Int
    @Option(name: .long, help: ArgumentHelp("The day it was held.", valueName: "yyyy-mm-dd")) var date: String?
    @Option(name: .long, help: "A note for the audit trail.") var note = ""

    func run() async throws {
        try await reportingUserErrors(lang: database.language) {
            let store = try await database.openStore()
            reportingWaits(of: store, lang: database.language)
            try await store.recordRAT(nik: nik, year: year, heldOn: date, note: note, who: Operator.current)
            print(database.language == .en ? "RAT \(year) recorded for \(nik)." : "RAT \(year) dicatat untuk \(nik).")
        }
    }
}

struct EvaluateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evaluate",
        abstract: "Record the outcome of evaluating a koperasi: dibina (guidance), usul-bekukan (propose freezing), usul-bubarkan (propose dissolution) or aktif-kembali (revived).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The koperasi's NIK.") var nik: String
    @Option(name: .long, help: ArgumentHelp("The outcome.", valueName: "dibina|usul-bekukan|usul-bubarkan|aktif-kembali"))
    var outcome: EvaluationOutcome
    @Option(name: .long, help: "Why: a note kept with the evaluation and in the audit trail.") var note = ""

    func run() async throws {
        try await reportingUserErrors(lang: database.language) {
            let store = try await database.openStore()
            reportingWaits(of: store, lang: database.language)
            try await store.evaluate(nik: nik, outcome: outcome, note: note, who: Operator.current)
            print(database.language == .en ? "Evaluation of \(nik): \(outcome.rawValue)." : "Evaluasi \(nik): \(outcome.rawValue).")
        }
    }
}

/// While another officer holds the database's write lock, a write waits for it: this says once on stderr what for.
func reportingWaits(of store: any PantauStore, lang: Language) {
    // On a terminal, over whatever progress line is showing.
    let clearLine = isatty(STDERR_FILENO) == 1 ? "\r\u{1B}[K" : ""
    store.reportWriteWaits { holder in
        FileHandle.standardError.write(Data((clearLine + "pantau: " + TerminalSafe.text(holder.waitingMessage(lang)) + "\n").utf8))
    }
}

struct LogCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "List the audit trail: every change, when, by whom, old and new value.")

    enum Format: String, ExpressibleByArgument { case text, json }

    @OptionGroup var database: DatabaseOptions
    @Option(name: .long, help: "Only the changes to this koperasi.") var nik: String?
    @Option(name: .long, help: ArgumentHelp("Only changes from this day on.", valueName: "yyyy-mm-dd")) var since: String?
    @Option(name: .long, help: ArgumentHelp("Output format.", valueName: "text|json")) var format: Format = .text

    /// Entries read at a time: a trail of any length is listed in the same memory (the country's 130.000
    /// import entries took 148 MB when read at once).
    static let pageSize = 1_000

    func run() async throws {
        try await reportingUserErrors(lang: database.language) {
            let store = try await database.openStore()
            // The first page before any output: a date it refuses leaves nothing half-written.
            var page = try await store.auditLog(nik: nik, since: since, afterID: 0, limit: Self.pageSize)
            var listing = AuditListing(format: format, language: database.language)
            while true {
                for entry in page { try listing.write(entry) }
                guard page.count == Self.pageSize, let last = page.last else { break }
                page = try await store.auditLog(nik: nik, since: since, afterID: last.id, limit: Self.pageSize)
            }
            listing.finish()
        }
    }
}

/// Writes audit entries as they are read: a line each, or the elements of one JSON array, laid out as JSONEncoder lays
/// out the whole array (two spaces in, sorted keys).
private struct AuditListing {
    let format: LogCommand.Format
    let language: Language
    private var written = 0
    private let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return encoder
    }()

    init(format: LogCommand.Format, language: Language) {
        self.format = format
        self.language = language
        if format == .json { print("[", terminator: "") }
    }

    mutating func write(_ e: AuditEntry) throws {
        defer { written += 1 }
        switch format {
        case .json:
            // A newline inside a value is escaped, so every line break here is the layout's.
            let object = String(decoding: try encoder.encode(e), as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            print((written == 0 ? "\n" : ",\n") + object.map { "  " + $0 }.joined(separator: "\n"), terminator: "")
        case .text:
            let change = "\(e.oldValue ?? "–") → \(e.newValue ?? "–")"
            let note = e.note.isEmpty ? "" : "  (\(e.note))"
            let copied = e.copiedFrom.map { language == .en ? "  [copied from \($0)]" : "  [disalin dari \($0)]" } ?? ""
            print(TerminalSafe.text("\(e.at)  \(e.who)  \(e.record)  \(e.field): \(change)\(note)\(copied)"))
        }
    }

    func finish() {
        if format == .json { print(written == 0 ? "\n\n]" : "\n]") }
    }
}
