import ArgumentParser
import Foundation
import PantauCore
import PantauPostgres

extension OfficeGrant.Role: ExpressibleByArgument {}

struct GrantCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grant",
        abstract: "On a PostgreSQL server: let an officer's login read, or read and change one region's records.",
        discussion: """
            Run by the database's owner. LOGIN is an existing login role of the server. An editor changes the records \
            of its region and the regions inside it (64.08: Kutai Timur and its kecamatan); every granted login reads \
            all figures. The server enforces it, whatever client is used. --list shows who may do what. On a SQLite \
            file, rights are the file's permissions.
            """)

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The officer's login role on the server.") var login: String?
    @Option(name: .long, help: ArgumentHelp("editor (read and change) or viewer (read).", valueName: "editor|viewer")) var role: OfficeGrant.Role?
    @Option(name: .long, help: ArgumentHelp("The region an editor may change, by name or code. Default: everywhere.", valueName: "name|code"))
    var region: String?
    @Flag(name: .long, help: "List every login's rights instead.") var list = false

    func validate() throws {
        if list && (login != nil || role != nil || region != nil) { throw ValidationError("--list takes no login, role or region.") }
        if !list && (login == nil || role == nil) { throw ValidationError("Give a login and --role editor|viewer, or --list.") }
    }

    func run() async throws {
        let lang = database.language
        try await reportingUserErrors(lang: lang) {
            let server = try await database.openServer(for: "grant")
            if list {
                for grant in try await server.grants() {
                    let place = grant.regionCode.map { "\(grant.regionName ?? $0) (\($0))" } ?? (lang == .en ? "everywhere" : "semua wilayah")
                    print(TerminalSafe.text("\(grant.login)  \(grant.role.rawValue)  \(place)  \(grant.grantedAt ?? "")  \(grant.grantedBy ?? "")"))
                }
                return
            }
            guard let login, let role else { return }
            try await server.grant(login, role: role, region: region)
            print(lang == .en ? "\(login) is now \(role.rawValue)\(region.map { " of \($0)" } ?? "")."
                              : "\(login) kini \(role.rawValue)\(region.map { " untuk \($0)" } ?? "").")
        }
    }
}

struct RevokeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "revoke",
        abstract: "On a PostgreSQL server: take every right of an officer's login away (run by the database's owner).")

    @OptionGroup var database: DatabaseOptions
    @Argument(help: "The officer's login role on the server.") var login: String

    func run() async throws {
        let lang = database.language
        try await reportingUserErrors(lang: lang) {
            let revoked = try await database.openServer(for: "revoke").revoke(login)
            print(revoked ? (lang == .en ? "\(login) has no rights here any more." : "Hak \(login) di sini dicabut.")
                          : (lang == .en ? "\(login) had no rights here; nothing changed." : "\(login) memang tidak punya hak di sini; tidak ada yang berubah."))
        }
    }
}

extension DatabaseOptions {
    /// The server a rights command works on; a SQLite file gets the sentence about its permissions.
    func openServer(for command: String) async throws -> PostgresStore {
        let location = try DatabaseLocation.resolve(option: db)
        guard case .postgres(let address) = location.address else { throw PantauError.rightsOnlyOnServer(path: try location.sqlitePath()) }
        return try await PostgresStore.open(address, readOnly: false)
    }
}
