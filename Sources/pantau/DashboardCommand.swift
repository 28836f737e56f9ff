import ArgumentParser
import PantauCore

struct DashboardCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dashboard",
        abstract: "Open the full-screen dashboard (the default command).")

    @OptionGroup var database: DatabaseOptions

    func run() throws {
        try reportingUserErrors(lang: database.language) {
            _ = try database.openStore()
        }
    }
}
