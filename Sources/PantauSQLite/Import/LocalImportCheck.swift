import Foundation
import GRDB
import PantauCore

/// The checking half of an import, for a store that is not a SQLite file: the files are read, checked and staged
/// by the very code the SQLite store imports with, in a private scratch database that holds only the region list
/// (and the office's region, for sheets named after their kecamatan). Its problems, warnings and previews are
/// therefore the SQLite store's, word for word. The scratch database goes when the check does.
public final class LocalImportCheck: CheckedImport, @unchecked Sendable {
    public let files: [ImportSummary.File]
    public let warnings: [ImportProblem]
    public let sheetsWithoutHeader: [String]
    private let folder: URL
    private let scratch: Store
    private let kind: ImportKind
    /// Per file: its number in the staging area, its path and its columns, and the importer that parses its staged rows
    /// again into records (every kind but UMKM, whose records wait whole in the staging area).
    private let staged: [(number: Int, path: String, columns: Set<String>, importer: FileImporter?)]

    /// A checker that builds its scratch database from the region list of `sample`.
    public static func checker(regionsOf sample: SampleData) -> ImportChecker {
        { request, officeRegion, progress in try LocalImportCheck(request, regionsOf: sample, officeRegion: officeRegion, progress: progress) }
    }

    init(_ request: ImportRequest, regionsOf sample: SampleData, officeRegion: String?, progress: ((ImportProgress) -> Void)?) throws {
        let temporary = FileManager.default.temporaryDirectory
        let folder = temporary.appendingPathComponent("pantau-check-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: false, attributes: [.posixPermissions: 0o700])
        } catch let error as CocoaError where error.code == .fileWriteOutOfSpace {
            throw PantauError.stagingFolderFull(folder: temporary.path)
        }
        let scratch: Store
        do {
            scratch = try Store.create(at: folder.appendingPathComponent("check.db").path, regionsCSV: sample.regions, aliasesCSV: sample.aliases, group: nil)
            if let officeRegion { try scratch.setSetting(.officeRegion, officeRegion) }
        } catch {
            try? FileManager.default.removeItem(at: folder)
            // The scratch database is the temporary folder's: a full disk there is not the office's database.
            if case PantauError.databaseDiskProblem = error { throw PantauError.stagingFolderFull(folder: temporary.path) }
            throw error
        }
        var run = ImportRun(request: request, progress: progress)
        var staged: [(number: Int, path: String, columns: Set<String>, importer: FileImporter?)] = []
        do {
            // The staging tables are the writer connection's own: they stay until the scratch database is closed.
            try scratch.mappingDatabaseErrors { try scratch.writerIfAny!.writeWithoutTransaction { db in
                // The server's client already holds a share of the 64 MiB an import may take: half the staging cache.
                try ImportStaging.whileStaging { try ImportStaging.create(db, cacheKiB: 6144) }
                // In one transaction, as on a SQLite file: outside one, every staged row would be a commit of its own.
                var files: [FileImporter] = []
                try ImportStaging.whileStaging { try db.inTransaction(.deferred) {
                    files = try run.stage(db, regions: scratch.reader)
                    return .commit
                } }
                // The files go first, so that what they held is given back with the rest.
                for index in files.indices { files[index].closeSource() }
                try ImportStaging.settle(db)
                guard run.problems.isEmpty else { return }
                for file in files {
                    staged.append((file.index, file.unit.path, file.columns, request.kind == .umkm ? nil : file))
                    run.summary.files.append(file.summary)
                }
            } }
            _ = try run.finished()
        } catch {
            try? scratch.close()
            try? FileManager.default.removeItem(at: folder)
            throw error
        }
        self.folder = folder
        self.scratch = scratch
        self.kind = request.kind
        self.staged = staged
        files = run.summary.files
        warnings = run.summary.warnings
        sheetsWithoutHeader = run.summary.sheetsWithoutHeader
    }

    deinit {
        try? scratch.close()
        try? FileManager.default.removeItem(at: folder)
    }

    public func columns(ofFile index: Int) -> Set<String> { staged[index].columns }

    public func path(ofFile index: Int) -> String { staged[index].path }

    public func records(ofFile index: Int, from position: Int, limit: Int) throws -> (records: [CheckedRecord], next: Int) {
        let file = staged[index]
        if var importer = file.importer {
            // Parsed again from the staged rows a batch at a time (`position`: the last line given), so that memory
            // stays the same whatever the file's size. The importer works on the scratch database's one connection.
            return try scratch.mappingDatabaseErrors { try scratch.writerIfAny!.writeWithoutTransaction { _ in
                var records: [CheckedRecord] = []
                try importer.forEachCheckedRecord(afterLine: position, limit: limit) { records.append($0) }
                return (records, records.last?.line ?? position)
            } }
        }
        // UMKM wait in the staging table, in file order by their sequence number: read a batch at a time.
        return try scratch.mappingDatabaseErrors { try scratch.writerIfAny!.writeWithoutTransaction { db in
            // Along the sequence numbers (no index: through the file's key index, every batch would pass over the
            // rows of the batches before it), columns read by position.
            let rows = try Row.fetchCursor(db, sql: """
                SELECT seq, line, nib, nama_usaha, region_code, sektor, tahun_binaan FROM temp.import_umkm NOT INDEXED
                WHERE seq > ? AND file = ? ORDER BY seq LIMIT ?
                """, arguments: [position, file.number, limit])
            var records: [CheckedRecord] = []
            var last = position
            while let row = try rows.next() {
                last = row[0]
                records.append(CheckedRecord(line: row[1], record: .umkm(Umkm(nib: row[2], namaUsaha: row[3], regionCode: row[4],
                                                                                sektor: row[5], tahunBinaan: row[6]))))
            }
            return (records, last)
        } }
    }
}
