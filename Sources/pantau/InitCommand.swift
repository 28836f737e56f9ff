import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty office database holding the official region codes of Indonesia.",
        discussion: """
            It never overwrites: an existing file is left alone and the command fails. The database is built in a \
            temporary file beside it (.NAME.pantau-init-PID) and appears under its name only when complete; what an \
            interrupted init left behind is removed by the next one.
            """)

    @Option(name: .long, help: ArgumentHelp("The new database file (or sqlite:PATH), or an empty database on a PostgreSQL server (postgresql://USER@HOST:PORT/DATABASE), made by its owner.", valueName: "address"))
    var db: String

    @Flag(name: .long, help: "Also load the bundled sample data (the Kutai Timur office and Kalimantan Timur/Utara).")
    var sample = false

    @Option(name: .long, help: ArgumentHelp("The office's own region, as a name or code (e.g. \"Kutai Timur\" or 64.08); reports start there.", valueName: "region"))
    var office: String?

    @Option(name: .long, help: ArgumentHelp("Share the database with this group of editors (mode 0660); without it only you may open it (mode 0600).", valueName: "group"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("Language of the messages: id or en.", valueName: "id|en"))
    var lang: Language?

    func run() async throws {
        let language = lang ?? Language.fromEnvironment()
        try await reportingUserErrors(lang: language) {
            let address = try StoreAddress.parse(db, environment: ProcessInfo.processInfo.environment)
            try await StoreOpening.create(address, withRecords: sample, office: office, group: group)
            print(language == .en ? "Created \(address)." : "Basis data \(address) dibuat.")
        }
    }
}
