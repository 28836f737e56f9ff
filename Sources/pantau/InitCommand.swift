import ArgumentParser
import Foundation
import PantauCore

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create a new, empty office database holding the official region codes of Indonesia.",
        discussion: "It never overwrites: an existing file is left alone and the command fails.")

    @Option(name: .long, help: ArgumentHelp("The new database file.", valueName: "path"))
    var db: String

    @Flag(name: .long, help: "Also load the bundled sample data (the Kutai Timur office and Kalimantan Timur/Utara).")
    var sample = false

    @Option(name: .long, help: ArgumentHelp("The office's own region, as a name or code (e.g. \"Kutai Timur\" or 64.08); reports start there.", valueName: "region"))
    var office: String?

    @Option(name: .long, help: ArgumentHelp("Share the database with this group of editors (mode 0660); without it only you may open it (mode 0600).", valueName: "group"))
    var group: String?

    @Option(name: .long, help: ArgumentHelp("Language of the messages: id or en.", valueName: "id|en"))
    var lang: Language?

    func run() throws {
        let language = lang ?? Language.fromEnvironment()
        try reportingUserErrors(lang: language) {
            if let group, getgrnam(group) == nil { throw PantauError.unknownGroup(name: group) }
            let store = try SampleData.locate().createDatabase(at: db, withRecords: sample)
            if let group { try store.share(withGroup: group) }
            if let office {
                do {
                    let region = try store.resolveRegion(office)
                    try store.setSetting(.officeRegion, region.code)
                } catch {
                    try? FileManager.default.removeItem(atPath: db)
                    throw error
                }
            }
            print(language == .en ? "Created \(db)." : "Basis data \(db) dibuat.")
        }
    }
}
