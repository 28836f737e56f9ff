import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite

@main
struct Pantau: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pantau",
        abstract: "Keep watch over koperasi and UMKM: a terminal dashboard and reports for the offices that guide them.",
        discussion: """
            Without a command, pantau opens the dashboard.

            Which database: --db ADDRESS, else the PANTAU_DB environment variable, else $XDG_DATA_HOME/pantau/pantau.db \
            (normally ~/.local/share/pantau/pantau.db). An address is a file path (or sqlite:PATH); \
            postgresql://USER@HOST:PORT/DATABASE names a PostgreSQL server (see the README). When no database is named and none is there yet, pantau creates a \
            demo database from the bundled sample data; start a real office database with `pantau init --db PATH`.
            """,
        version: PantauVersion.summary,
        subcommands: [DashboardCommand.self, ReportCommand.self, PresentCommand.self, InitCommand.self, ImportCommand.self, ExportCommand.self,
                      RATCommand.self, EvaluateCommand.self, LogCommand.self, SettingCommand.self, GrantCommand.self, RevokeCommand.self,
                      CheckCommand.self, BackupCommand.self, CopyCommand.self],
        defaultSubcommand: DashboardCommand.self)

    static func main() async {
        // Before any other thread allocates: an import's memory stays within its bound (see Allocator).
        Allocator.shareArenas()
        await main(nil)
    }
}

/// Options of every command that opens a database.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database: a file path (or sqlite:PATH), or a PostgreSQL server as postgresql://USER@HOST:PORT/DATABASE. Else $PANTAU_DB, else ~/.local/share/pantau/pantau.db.", valueName: "address"))
    var db: String?

    @Flag(name: .long, help: "Open the database read-only: nothing is written, not even the demo database.")
    var readOnly = false

    @Option(name: .long, help: ArgumentHelp("Language of the text: id (Indonesian) or en (English). Default: from LANG.", valueName: "id|en"))
    var lang: Language?

    var language: Language { lang ?? Language.fromEnvironment() }

    func openStore(hearingChanges: Bool = false) async throws -> any PantauStore {
        let lang = language
        return try await StoreOpening.open(DatabaseLocation.resolve(option: db), readOnly: readOnly, hearingChanges: hearingChanges) { path in
            FileHandle.standardError.write(Data((lang == .en
                ? "No database yet: creating the demo database at \(path) from the sample data.\n"
                : "Belum ada basis data: membuat basis data demo di \(path) dari data contoh.\n").utf8))
        }
    }
}

extension Language: ExpressibleByArgument {}
extension ReportFormat: ExpressibleByArgument {}

/// Runs a command body; a mistake the user can fix becomes one sentence on stderr and exit status 1.
func reportingUserErrors(lang: Language, _ body: () throws -> Void) throws {
    do { try body() } catch { throw exitCode(for: error, lang: lang) }
}

/// The same for a command that talks to a store.
func reportingUserErrors(lang: Language, _ body: () async throws -> Void) async throws {
    do { try await body() } catch { throw exitCode(for: error, lang: lang) }
}

/// Says what went wrong on stderr, in one sentence, and gives the exit status for it.
private func exitCode(for error: any Error, lang: Language) -> ExitCode {
    if let exit = error as? ExitCode { return exit }
    // A store's own error that escaped its wrappers (a damaged or vanished database) is still the user's sentence.
    if let known = error as? PantauError ?? PantauError.explaining(error) {
        FileHandle.standardError.write(Data(("pantau: " + known.message(lang) + "\n").utf8))
        return ExitCode(1)
    }
    // Not a user's mistake: say so plainly rather than dump a trace.
    FileHandle.standardError.write(Data(("pantau: unexpected error: \(error)\n").utf8))
    return ExitCode(2)
}
