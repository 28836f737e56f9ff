import ArgumentParser
import Foundation
import PantauCore

@main
struct Pantau: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pantau",
        abstract: "Keep watch over koperasi and UMKM: a terminal dashboard and reports for the offices that guide them.",
        discussion: """
            Without a command, pantau opens the dashboard.

            Which database: --db ADDRESS, else the PANTAU_DB environment variable, else $XDG_DATA_HOME/pantau/pantau.db \
            (normally ~/.local/share/pantau/pantau.db). An address is a file path (or sqlite:PATH); \
            postgresql://USER@HOST:PORT/DATABASE names a PostgreSQL server, which this version cannot open yet. When no database is named and none is there yet, pantau creates a \
            demo database from the bundled sample data; start a real office database with `pantau init --db PATH`.
            """,
        version: PantauVersion.summary,
        subcommands: [DashboardCommand.self, ReportCommand.self, PresentCommand.self, InitCommand.self, ImportCommand.self, ExportCommand.self,
                      RATCommand.self, EvaluateCommand.self, LogCommand.self, SettingCommand.self, CheckCommand.self, BackupCommand.self],
        defaultSubcommand: DashboardCommand.self)
}

/// Options of every command that opens a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database: a file path (or sqlite:PATH), or a PostgreSQL server as postgresql://USER@HOST:PORT/DATABASE (not available yet). Else $PANTAU_DB, else ~/.local/share/pantau/pantau.db.", valueName: "address"))
    var db: String?

    @Flag(name: .long, help: "Open the database read-only: nothing is written, not even the demo database.")
    var readOnly = false

    @Option(name: .long, help: ArgumentHelp("Language of the text: id (Indonesian) or en (English). Default: from LANG.", valueName: "id|en"))
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment() }

    func openStore() throws -> Store {
        let location = try DatabaseLocation.resolve(option: db)
        let strings = Strings(language)
        return try location.open(readOnly: readOnly) { path in
            FileHandle.standardError.write(Data((strings.lang == .en
                ? "No database yet: creating the demo database at \(path) from the sample data.\n"
                : "Belum ada basis data: membuat basis data demo di \(path) dari data contoh.\n").utf8))
        }
    }
}

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Runs a command body; a mistake the user can fix becomes one sentence on stderr and exit status 1.
func reportingUserErrors(lang: Language, _ body: () throws -> Void) throws {
    do {
        try body()
    } catch let error as PantauError {
        FileHandle.standardError.write(Data(("pantau: " + error.message(lang) + "\n").utf8))
        throw ExitCode(1)
    } catch let error as ExitCode {
        throw error
    } catch {
        // A damaged or vanished database reached here past the store's own wrappers: still the user's sentence.
        if let known = PantauError.explaining(error) {
            FileHandle.standardError.write(Data(("pantau: " + known.message(lang) + "\n").utf8))
            throw ExitCode(1)
        }
        // Not a user's mistake: say so plainly rather than dump a trace.
        FileHandle.standardError.write(Data(("pantau: unexpected error: \(error)\n").utf8))
        throw ExitCode(2)
    }
}
