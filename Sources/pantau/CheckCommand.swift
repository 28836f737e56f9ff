import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite

struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check a database: a file's integrity, schema, migrations and references, and on every store the kept counts against the records.",
        discussion: """
            Reads everything and changes nothing, unless --recount is given: then kept counts that differ from the records are written \
            again from them (on a server, by the database's owner). Exit status 0 when all is well, 1 with the problems listed.
            """)

    @Option(name: .long, help: ArgumentHelp("The database file (a path, or sqlite:PATH), or a PostgreSQL server (postgresql://USER@HOST:PORT/DATABASE), whose own tools check the rest. Else $PANTAU_DB, else ~/.local/share/pantau/pantau.db.", valueName: "address"))
    var db: String?

    @Flag(name: .long, help: "Write the kept counts again from the records when any differs (one transaction, audited).")
    var recount = false

    @Option(name: .long, help: ArgumentHelp("Language of the text: id (Indonesian) or en (English). Default: from LANG.", valueName: "id|en"))
    var lang: Language?

    func run() async throws {
        let language = lang ?? Language.fromEnvironment()
        try await reportingUserErrors(lang: language) {
            let location = try DatabaseLocation.resolve(option: db)
            var findings: [DatabaseCheck.Finding]
            var server: (any PantauStore)?
            switch location.address {
            case .sqlite(let path): findings = try DatabaseCheck.run(at: path, lang: language)
            case .postgres:
                server = try await StoreOpening.open(location, readOnly: !recount) { _ in }
                findings = [try await keptCounts(in: server!, language)]
            }
            let store = location.address.description
            let countsOnly = findings.dropLast().allSatisfy(\.isFine) && !(findings.last?.isFine ?? true)
            if recount && countsOnly {
                let opened: any PantauStore
                if let server { opened = server } else { opened = try await StoreOpening.open(location, readOnly: false) { _ in } }
                let rewritten = try await opened.recountKeptCounts(who: Operator.current)
                FileHandle.standardError.write(Data((language == .en
                    ? "pantau: \(rewritten) kept count\(rewritten == 1 ? "" : "s") written again from the records.\n"
                    : "pantau: \(rewritten) hitungan tersimpan ditulis ulang dari catatan.\n").utf8))
                findings[findings.count - 1] = try await keptCounts(in: opened, language)
            }
            let (fine, problem) = language == .en ? ("ok     ", "PROBLEM") : ("baik   ", "MASALAH")
            for finding in findings {
                print("\(finding.isFine ? fine : problem)  \(finding.title)")
                for line in finding.problems { print("         - \(line)") }
            }
            let count = findings.reduce(0) { $0 + $1.problems.count }
            guard count > 0 else { return }
            if findings.dropLast().allSatisfy(\.isFine) { throw PantauError.keptCountsDiffer(store: store) }
            throw PantauError.checkFoundProblems(path: store, count: count)
        }
    }

    private func keptCounts(in store: any PantauStore, _ language: Language) async throws -> DatabaseCheck.Finding {
        DatabaseCheck.Finding(title: DatabaseCheck.keptCountsTitle(language),
                              problems: DatabaseCheck.keptCountProblems(try await store.keptCountDifferences(limit: 11), language))
    }
}
