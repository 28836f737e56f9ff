import ArgumentParser
import PantauCore
import PantauSQLite

struct SettingCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "setting",
        abstract: "Show the office's settings, or change one: office_region, office_name, rat_stale_years.",
        discussion: """
            office_region: the office's kabupaten/kota (name or code), where reports and the dashboard start. \
            office_name: the office's name on reports. rat_stale_years: after how many years without a RAT a koperasi \
            is listed under "no RAT" (default 3).
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: ArgumentHelp("The setting to change.", valueName: "key")) var key: SettingKey?
    @Argument(help: ArgumentHelp("Its new value.", valueName: "value")) var value: String?

    func validate() throws {
        if key == .demo { throw ValidationError("demo is set by Pantau itself; start a real database with `pantau init`.") }
        if key != nil && value == nil { throw ValidationError("Give the new value after the key.") }
    }

    func run() async throws {
        try await reportingUserErrors(lang: database.language) {
            let store = try await database.openStore()
            reportingWaits(of: store, lang: database.language)
            if let key, let value {
                try await store.changeSetting(key, to: value, who: Operator.current)
            }
            for key in [SettingKey.officeRegion, .officeName, .ratStaleYears] {
                let shown = key == .ratStaleYears ? String(try await store.staleRATYears()) : try await store.setting(key) ?? "–"
                print("\(key.rawValue) = \(TerminalSafe.text(shown))")
            }
        }
    }
}

extension SettingKey: ExpressibleByArgument {}
