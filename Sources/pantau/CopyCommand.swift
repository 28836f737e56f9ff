import ArgumentParser
import Foundation
import PantauCore

struct CopyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "copy",
        abstract: "Copy an office's records from one database to another (a file or a server), as a mirror.",
        discussion: """
            Within the region (default: everything), TO ends up with FROM's records: koperasi with their yearly status, \
            RAT history and evaluations, UMKM, training batches and targets; records TO has and FROM has not are removed. \
            FROM's audit entries travel as history, with their own time and login and marked as copied from FROM; the \
            copy itself is one audit entry. Records are matched by their keys (NIK; NIB, else name and region; batch name \
            and angkatan), so copying again changes nothing. All or nothing, in one transaction.

            A file TO that does not exist yet is made, with FROM's office; a server database must be made with \
            `pantau init` first. FROM is only read.
            """)

    @Argument(help: ArgumentHelp("Where the records come from: a file path or postgresql://USER@HOST:PORT/DATABASE.", valueName: "from"))
    var from: String
    @Argument(help: ArgumentHelp("Where they go: a file path (made when missing) or a server database.", valueName: "to"))
    var to: String
    @Option(name: .long, help: ArgumentHelp("Only this region (name or code) and the regions inside it.", valueName: "name|code"))
    var region: String?
    @Option(name: .long, help: ArgumentHelp("Language of the text: id (Indonesian) or en (English). Default: from LANG.", valueName: "id|en"))
    var lang: Language?

    func run() async throws {
        let lang = lang ?? Language.fromEnvironment()
        let en = lang == .en
        let progress = isatty(STDERR_FILENO) == 1
        func say(_ id: String, _ english: String) {
            if progress { FileHandle.standardError.write(Data(("\r" + (en ? english : id) + "\u{1B}[K").utf8)) }
        }
        try await reportingUserErrors(lang: lang) {
            let source = try await StoreOpening.open(DatabaseLocation.resolve(option: from), readOnly: true, announce: { _ in })
            let scope = if let region { try await source.resolveRegion(region) } else { Region.indonesia }
            let label = scope.code.isEmpty ? "Indonesia" : try await source.label(scope)
            let target = try await openTarget(like: source)
            guard target.copyName != source.copyName else { throw PantauError.copyOntoItself(store: source.location) }
            say("Membaca \(source.location)…", "Reading \(source.location)…")
            let contents = try await source.copyContents(scope: scope)
            say("Menulis ke \(target.location)…", "Writing to \(target.location)…")
            let plan = try await target.mirror(contents, who: Operator.current)
            if progress { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
            if plan.isEmpty {
                print(en ? "\(target.location) already holds what \(source.location) holds in \(label); nothing was changed."
                         : "\(target.location) sudah memuat isi \(source.location) untuk \(label); tidak ada yang diubah.")
                return
            }
            print(en ? "Copied \(label) from \(source.location) to \(target.location):" : "Disalin \(label) dari \(source.location) ke \(target.location):")
            for line in plan.lines(lang) { print(line) }
        }
    }

    /// TO, opened for writing; a file that does not exist yet is made first, for FROM's office.
    private func openTarget(like source: any PantauStore) async throws -> any PantauStore {
        let location = try DatabaseLocation.resolve(option: to)
        if case .sqlite(let path) = location.address, !FileManager.default.fileExists(atPath: path) {
            // Demo data stays marked as demo data wherever it is copied.
            try await StoreOpening.create(location.address, withRecords: false, office: source.setting(.officeRegion), group: nil,
                                          demo: await source.isDemo())
            let target = try await StoreOpening.open(location, readOnly: false, announce: { _ in })
            if let name = try await source.setting(.officeName) { try await target.changeSetting(.officeName, to: name, who: Operator.current) }
            return target
        }
        return try await StoreOpening.open(location, readOnly: false, announce: { _ in })
    }
}
