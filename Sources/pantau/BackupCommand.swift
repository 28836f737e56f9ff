import ArgumentParser
import Foundation
import PantauCore
import PantauSQLite

struct BackupCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "Write a consistent copy of the database while others keep working.",
        discussion: """
            The copy holds every change committed before the backup began, is readable by you only (mode 0600), and \
            never overwrites a file. For a nightly backup kept 30 days, see the README.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The new backup file.", valueName: "file")) var file: String

    func run() throws {
        try reportingUserErrors(lang: database.language) {
            try database.sqliteStore(for: "pantau backup").backup(to: file)
            print(database.language == .en ? "Backup written to \(file)." : "Cadangan ditulis ke \(file).")
        }
    }
}
