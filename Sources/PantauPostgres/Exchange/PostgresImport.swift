import Foundation
import PantauCore
import PostgresNIO

/// Imports on a server. The files are read and checked on this machine by the SQLite store's own code (see
/// `CheckedImport`), so every problem reads the same on both stores. The checked records then go to the server with
/// COPY into temporary tables of this session (the server refuses COPY into a table with row-level security to
/// anyone but its owner), and move in from there with set-based statements under the officer's own rights, file
/// after file, in one transaction: all or nothing. A record outside the login's region is refused up front, naming
/// its file and line, since row-level security would otherwise pass it over without a word.
extension PostgresStore {
    public func importFiles(_ request: ImportRequest, progress: ((ImportProgress) -> Void)?) async throws -> ImportSummary {
        guard access == .readWrite else {
            throw readOnlyRequested ? PantauError.readOnly(path: location) : PantauError.noWriteAccess(path: location)
        }
        guard let importChecker else { throw PantauError.importWithoutChecker(store: location) }
        let started = Date()
        let checked = try importChecker(request, try await setting(.officeRegion), progress)
        var summary = ImportSummary()
        summary.dryRun = request.dryRun
        summary.warnings = checked.warnings
        summary.sheetsWithoutHeader = checked.sheetsWithoutHeader
        // A dry run does everything and rolls it back: its counts are the server's own.
        summary.files = try await write(commit: !request.dryRun) { connection in
            let plan = ImportPlan(request.kind)
            for statement in plan.createTables { try await connection.run(PostgresQuery(unsafeSQL: statement)) }
            var files: [ImportSummary.File] = []
            for index in checked.files.indices {
                var file = checked.files[index]
                progress?(ImportProgress(location: file.location, rows: file.rows, bytesRead: 0, bytesTotal: 0,
                                         seconds: Date().timeIntervalSince(started), writing: true))
                let context = ImportContext(store: location, location: file.location, columns: checked.columns(ofFile: index), lang: request.lang,
                                            note: (request.lang == .en ? "import " : "impor ") + (checked.path(ofFile: index) as NSString).lastPathComponent)
                try await stage(checked, file: index, plan: plan, on: connection)
                let counts = try await plan.move(context, on: connection, regions: regions)
                file.inserted += counts.inserted
                file.updated += counts.updated
                file.unchanged += counts.unchanged
                files.append(file)
            }
            return files
        }
        summary.seconds = Date().timeIntervalSince(started)
        return summary
    }

    /// One file's records into the session's temporary tables, 5.000 at a time: a koperasi brings its yearly status and
    /// RAT years along, and 20.000 of them at once took the import past its 64 MiB.
    private func stage(_ checked: any CheckedImport, file index: Int, plan: ImportPlan, on connection: PostgresConnection) async throws {
        try await connection.run(PostgresQuery(unsafeSQL: "TRUNCATE " + plan.tables.joined(separator: ", ")))
        var position = 0
        var seq = 0
        while true {
            let (batch, next) = try checked.records(ofFile: index, from: position, limit: 5_000)
            if batch.isEmpty { break }
            var rows: [String: [[String?]]] = [:]
            for checkedRecord in batch {
                seq += 1
                for (table, row) in ImportPlan.rows(of: checkedRecord, seq: seq) { rows[table, default: []].append(row) }
            }
            for table in plan.tables where rows[table] != nil {
                try await connection.copy(TableContents(table: table, columns: ImportPlan.columns[table]!, rows: rows[table]!))
            }
            position = next
        }
        try await connection.run(PostgresQuery(unsafeSQL: "ANALYZE " + plan.tables.joined(separator: ", ")))
    }
}

/// What the sentences and audit entries of one file need.
struct ImportContext {
    /// The server, as the user named it.
    let store: String
    let location: String
    /// The canonical columns the file has.
    let columns: Set<String>
    let lang: Language
    /// The audit note: "impor koperasi.csv".
    let note: String
}
