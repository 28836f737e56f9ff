import Foundation
import GRDB
import PantauCore

/// One file of an import: header, rows and checks into the staging area, then the staged rows into the database.
struct FileImporter: SpeaksTheRequestsLanguage {
    /// The file being read. A server import lets it go once every row is staged (see `closeSource`): a workbook's
    /// shared strings may be large, and the staged rows are all it needs from then on.
    var source: TableSource!
    /// How problems name the file: its path, or `path:Sheet`.
    let location: String
    let unit: ImportUnit
    let index: Int
    let request: ImportRequest
    let db: Database
    var upsert: Upsert
    var warnings: [ImportProblem] = []
    private var unlistedWarnings = 0
    /// Rows read, and rows that repeat an earlier one exactly; the rest comes when the rows are moved in.
    var summary: ImportSummary.File
    var map = ImportSchema.HeaderMap()
    /// The region of every row of a sheet without a region column, from the sheet's name.
    var sheetRegion: String?
    /// How many fields the header row has.
    var headerWidth = 0
    /// What checked the rows, kept with the regions it looked up to parse the staged rows again (see move).
    private var checker: RowChecker?

    init(_ unit: ImportUnit, index: Int, request: ImportRequest, db: Database) throws {
        source = try TableSource(path: unit.path, encoding: request.encoding, sheet: unit.sheet, lang: request.lang)
        self.unit = unit
        self.index = index
        self.request = request
        self.db = db
        location = source.location
        summary = ImportSummary.File(location: location)
        upsert = Upsert(db: db, who: request.who, note: (request.lang == .en ? "import " : "impor ") + (unit.path as NSString).lastPathComponent,
                        audited: request.audited, dryRun: request.dryRun)
    }

    private var present: Set<String> { Set(map.index.keys) }

    /// Reads and checks every row, and stages the good ones; problems go to `note`. The rows are read and checked
    /// on a thread of their own ahead of the staging (see CheckAhead), looking regions up through `regions`.
    mutating func stage(regions: any DatabaseReader, note: ([ImportProblem]) -> Void, progress: (Int, Int) -> Void) throws {
        let firstRows = try readHeader()
        let ahead = CheckAhead(source: source, firstRows: firstRows,
                               checker: RowChecker(request: request, location: location, map: map, headerWidth: headerWidth,
                                                   delimited: source.encoding != nil, sheetRegion: sheetRegion),
                               regions: regions)
        // Also when staging fails: the thread stops before the file goes.
        defer { (source, checker) = ahead.finish() }
        while let batch = try ahead.next() {
            for checked in batch.rows {
                switch checked {
                case .total(let label, let line):
                    summary.preview.passOver(totalRow: label, line: line)
                case .rejected(let problems):
                    summary.rows += 1
                    note(problems)
                case .record(var row, let record):
                    summary.rows += 1
                    try stage(record, &row, note: note)
                }
            }
            progress(summary.rows, batch.bytesRead)
        }
        (source, checker) = ahead.finish()  // the encoding is decided as the file is read, to its end
        summary.warned = warnings.count + unlistedWarnings
        summary.encoding = source.encoding
    }

    /// Stages one checked record, unless the staging area finds it on another sheet or, with other contents, earlier
    /// in the file.
    private mutating func stage(_ record: RowChecker.Parsed, _ row: inout ImportRow, note: ([ImportProblem]) -> Void) throws {
        if try isOnAnotherSheet(record, &row) { note(row.problems); return }
        // One warning per cell could be a million: the first few are listed, all are counted.
        for warning in row.warnings {
            if warnings.count < ImportFailure.listLimit { warnings.append(warning) } else { unlistedWarnings += 1 }
        }
        if case .umkm(let u) = record.value {
            switch try ImportStaging.stage(db, file: index, line: row.line, u) {
            case .staged: break
            case .sameAsEarlier: summary.unchanged += 1
            case .differsFromEarlier:
                row.problem(record.keyColumn, t("\(record.keyLabel) sudah ada di baris sebelumnya dengan isi berbeda; simpan salah satunya saja",
                                                "\(record.keyLabel) is also on an earlier line with different contents; keep only one of the rows"))
                note(row.problems)
            }
            return
        }
        // The same key twice in one file must say the same thing.
        try db.cachedStatement(sql: "INSERT INTO temp.import_seen(file, key, digest, line) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
            .execute(arguments: [index, record.key, record.digest, row.line])
        if db.changesCount == 0 {
            let earlier = try Row.fetchOne(db.cachedStatement(sql: "SELECT digest, line FROM temp.import_seen WHERE file = ? AND key = ?"),
                                           arguments: [index, record.key])!
            if earlier["digest"] as String != record.digest {
                row.problem(record.keyColumn, t("\(record.keyLabel) sama dengan baris \(earlier["line"] as Int) tetapi isinya berbeda; simpan salah satunya saja",
                                                "\(record.keyLabel) is also on line \(earlier["line"] as Int) with different contents; keep only one of the two rows"))
                note(row.problems)
            } else {
                summary.unchanged += 1
            }
            return
        }
        try ImportStaging.stage(db, file: index, line: row.line, fields: row.fields)
    }

    /// Writes the staged rows (a dry run only counts them), counted against the records as they are now.
    mutating func move() throws -> ImportSummary.File {
        var file = summary
        upsert.now = Store.now()
        if request.kind == .umkm {
            let counts = try ImportStaging.moveUmkm(db, file: index, fields: present, upsert: upsert)
            file.inserted += counts.inserted
            file.updated += counts.updated
            file.unchanged += counts.unchanged
        } else {
            // One record at a time, as it comes out of the staging area: memory stays the same whatever the file's size.
            let (upsert, present) = (upsert, present)
            let counting = request.kind == .koperasi && !upsert.dryRun ? try ImportStaging.koperasiCountsStepAside(db, file: index) : nil
            try forEachCheckedRecord { record in
                switch try Self.write(record.record, with: upsert, present: present) {
                case .inserted: file.inserted += 1
                case .updated: file.updated += 1
                case .unchanged: file.unchanged += 1
                }
            }
            if let counting { try ImportStaging.koperasiCountsBack(db, file: index, triggers: counting) }
        }
        if request.kind == .umkm && file.inserted > 0 && request.audited && !request.dryRun {
            try Store.audit(db, entity: "umkm", record: (location as NSString).lastPathComponent, field: "impor", old: nil,
                            new: t("\(NumberFormat.integer(file.inserted)) ditambah", "\(NumberFormat.integer(file.inserted)) added"), note: upsert.note, who: request.who)
        }
        return file
    }

    /// The staged rows of a file of any kind but UMKM (those stay in the staging area), parsed again into records one
    /// at a time in file order, from the line after `afterLine` and at most `limit` of them: checked when staged, so
    /// parsing again gives the same records.
    mutating func forEachCheckedRecord(afterLine: Int = 0, limit: Int = .max, _ body: (CheckedRecord) throws -> Void) throws {
        guard var checker else { preconditionFailure("rows are parsed again only once staged") }
        defer { self.checker = checker }
        let rows = try ImportStaging.rows(db, file: index, afterLine: afterLine, limit: limit)
        while let staged = try rows.next() {
            var row = ImportRow(fields: try ImportStaging.fields(staged), map: map, location: location, line: staged["line"], lang: request.lang)
            guard let record = checker.parse(&row, db) else { throw ImportFailure(problems: row.problems, unlisted: 0) }
            try body(CheckedRecord(line: row.line, record: record.value))
        }
    }

    /// Lets the file go (its records are parsed again from the staging area).
    mutating func closeSource() { source = nil }

    /// The canonical columns the file has.
    var columns: Set<String> { present }

    private static func write(_ record: ImportRecord, with upsert: Upsert, present: Set<String>) throws -> UpsertOutcome {
        switch record {
        case .koperasi(let k): try upsert.koperasi(k, fields: present)
        case .umkm: .unchanged  // moved in all at once (see ImportStaging.moveUmkm)
        case .pelatihan(let p): try upsert.pelatihan(p)
        case .target(let t): try upsert.target(t)
        }
    }
}
