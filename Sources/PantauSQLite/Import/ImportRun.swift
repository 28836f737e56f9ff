import Foundation
import GRDB
import PantauCore

extension Store {
    /// Imports files all or nothing: every row is checked, and with any problem nothing is written.
    /// Rows stream from the files into a staging area outside the database, checked, without any lock on the database;
    /// only then is the write lock taken, to move the staged rows in, in one transaction. A dry run takes no lock at all.
    /// Memory stays small whatever the file size.
    public func importFiles(_ request: ImportRequest, progress: ((ImportProgress) -> Void)? = nil) throws -> ImportSummary {
        guard let writer = writerIfAny else {
            throw readOnlyRequested ? PantauError.readOnly(path: path) : PantauError.noWriteAccess(path: path)
        }
        var run = ImportRun(request: request, progress: progress)
        // SQLite's complaints (a damaged file, a full disk or temporary folder) become sentences.
        try mappingDatabaseErrors { try writer.writeWithoutTransaction { db in
            try ImportStaging.whileStaging { try ImportStaging.create(db) }
            defer { try? ImportStaging.drop(db) }
            var files: [FileImporter] = []
            // Read and check: a read transaction of the database; only the staging area is written.
            try ImportStaging.whileStaging { try db.inTransaction(.deferred) {
                files = try run.stage(db, regions: reader)
                // A dry run counts against the records as they are now, and writes nothing.
                if run.problems.isEmpty && request.dryRun {
                    run.summary.files = try files.indices.map { try files[$0].move() }
                }
                return .commit
            } }
            guard run.problems.isEmpty && !request.dryRun else { return }
            // A larger page cache while the indexes of a big table grow: much faster than the default 2 MB, and
            // bounded, so that an import stays within 64 MiB whatever the file size (twenty million UMKM: 63,8 MiB
            // with 12 MB, the write-ahead log's index growing with the transaction); 10 MB measured as fast as 12.
            try ImportStaging.settle(db)
            try db.execute(sql: "PRAGMA cache_size = -10240")
            defer { try? db.execute(sql: "PRAGMA cache_size = -2000") }
            let lockNote = WriteLockNote(who: request.who, started: run.started)
            defer { lockNote.remove(beside: path) }
            // Move in: the write lock is held from here to the commit. The counts are made against the records as they
            // are now, under the lock, whatever other officers changed while the files were read.
            try db.inTransaction(.immediate) {
                lockNote.write(beside: path)
                for index in files.indices {
                    let file = files[index].summary
                    progress?(ImportProgress(location: file.location, rows: file.rows, bytesRead: files[index].source.size,
                                             bytesTotal: files[index].source.size, seconds: run.elapsed(), writing: true))
                    run.summary.files.append(try files[index].move())
                }
                return .commit
            }
        } }
        return try run.finished()
    }
}

/// One import under way: what it has read so far, and the problems found (the first 50 listed, all counted).
struct ImportRun {
    let request: ImportRequest
    let progress: ((ImportProgress) -> Void)?
    let started = Date()
    var summary = ImportSummary()
    var problems: [ImportProblem] = []
    var unlisted = 0

    init(request: ImportRequest, progress: ((ImportProgress) -> Void)?) {
        self.request = request
        self.progress = progress
        summary.dryRun = request.dryRun
    }

    func elapsed() -> Double { Date().timeIntervalSince(started) }

    mutating func note(_ new: [ImportProblem]) {
        for p in new {
            if problems.count < ImportFailure.listLimit { problems.append(p) } else { unlisted += 1 }
        }
    }

    /// The summary, or with any problem the failure that lists them.
    mutating func finished() throws -> ImportSummary {
        summary.seconds = elapsed()
        if !problems.isEmpty { throw ImportFailure(problems: problems, unlisted: unlisted) }
        return summary
    }

    /// Reads every file and sheet of the request, checks each row and stages the good ones (see FileImporter.stage);
    /// the files that had a header come back, ready to be moved in. The checks look regions up through `regions`
    /// (another connection to the same database), on a thread of their own.
    mutating func stage(_ db: Database, regions: any DatabaseReader) throws -> [FileImporter] {
        var files: [FileImporter] = []
        // Every file or sheet gets its own number in the staging area, also one that fails part-way.
        var stagingNumber = 0
        for path in request.files {
            let units: [ImportUnit]
            do { units = try WorkbookSheets.units(of: path, request) } catch let problem as ImportProblem { note([problem]); continue }
            var withHeader = 0
            for unit in units {
                do {
                    defer { stagingNumber += 1 }
                    var importer = try FileImporter(unit, index: stagingNumber, request: request, db: db)
                    let (location, size) = (importer.source.location, importer.source.size)
                    withHeader += 1
                    try importer.stage(regions: regions, note: { note($0) }) { [progress, started] rows, bytes in
                        progress?(ImportProgress(location: location, rows: rows, bytesRead: bytes, bytesTotal: size,
                                                 seconds: Date().timeIntervalSince(started)))
                    }
                    summary.warnings += importer.warnings
                    files.append(importer)
                } catch let problem as ImportProblem {
                    note([problem])
                } catch let noHeader as NoHeader where unit.oneOfAllSheets {
                    withHeader -= 1
                    summary.sheetsWithoutHeader.append(noHeader.location)
                } catch let noHeader as NoHeader {
                    note([noHeader.problem])
                }
            }
            if request.allSheets && withHeader == 0 && units.contains(where: \.oneOfAllSheets) {
                note([.file(path: path, message: request.lang == .en
                    ? "no sheet has a header row in its first \(HeaderFinder.rowsSearched) rows; see pantau import --template \(request.kind.rawValue)"
                    : "tidak ada lembar yang punya baris judul kolom di \(HeaderFinder.rowsSearched) baris pertamanya; lihat pantau import --template \(request.kind.rawValue)")])
            }
        }
        return files
    }
}
