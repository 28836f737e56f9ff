import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a database file: its integrity, schema, migrations and the references between its tables.",
        discussion: "Reads the whole file and changes nothing. Exit status 0 when all is well, 1 with the problems listed.")

    @Option(name: .long, help: ArgumentHelp("The database file (a path, or sqlite:PATH); a PostgreSQL server (postgresql://USER@HOST:PORT/DATABASE) is checked with its own tools instead. Else $PANTAU_DB, else ~/.local/share/pantau/pantau.db.", valueName: "address"))
    var db: String?

    @Option(name: .long, help: ArgumentHelp("Language of the text: id (Indonesian) or en (English). Default: from LANG.", valueName: "id|en"))
    var lang: Language?

    func run() throws {
        let language = lang ?? Language.fromEnvironment()
        try reportingUserErrors(lang: language) {
            let path = try DatabaseLocation.resolve(option: db).sqlitePath(for: "pantau check")
            let findings = try DatabaseCheck.run(at: path, lang: language)
            let (fine, problem) = language == .en ? ("ok     ", "PROBLEM") : ("baik   ", "MASALAH")
            for finding in findings {
                print("\(finding.isFine ? fine : problem)  \(finding.title)")
                for line in finding.problems { print("         - \(line)") }
            }
            let count = findings.reduce(0) { $0 + $1.problems.count }
            if count > 0 { throw PantauError.checkFoundProblems(path: path, count: count) }
        }
    }
}
