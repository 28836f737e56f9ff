import Foundation
import GRDB
import PantauCore

/// The rows of an import, checked and waiting in the connection's temporary database until they are moved in.
/// SQLite keeps that database in a file of its own in the temporary folder (never in the office database), with a
/// bounded cache: staging a million rows takes disk, not memory. Writing it takes no lock on the office database.
enum ImportStaging {
    /// What staging one UMKM row found.
    enum Staged { case staged, sameAsEarlier, differsFromEarlier }

    /// `cacheKiB`: the staging file's cache while rows are staged. Their indexes grow at random places: 12 MB
    /// instead of SQLite's 2 saves about a second per million rows (see settle).
    static func create(_ db: Database, cacheKiB: Int = 12288) throws {
        try drop(db)
        try db.execute(sql: """
            PRAGMA temp_store = FILE;
            PRAGMA temp.cache_size = -\(cacheKiB);
            CREATE TEMP TABLE import_umkm (
                seq INTEGER PRIMARY KEY, file INTEGER NOT NULL, line INTEGER NOT NULL, nib TEXT, nama_usaha TEXT NOT NULL,
                region_code TEXT NOT NULL, sektor TEXT NOT NULL, tahun_binaan INTEGER NOT NULL);
            -- An UMKM's key within one file: its NIB, else its name and region (as the umkm table keys them).
            CREATE UNIQUE INDEX temp.import_umkm_nib ON import_umkm(file, nib);
            CREATE UNIQUE INDEX temp.import_umkm_unnumbered ON import_umkm(file, region_code, nama_usaha) WHERE nib IS NULL;
            -- UMKM of one file that are already in the database, and whether they are exactly as the file has them.
            CREATE TEMP TABLE import_matched (seq INTEGER PRIMARY KEY, id INTEGER NOT NULL, same INTEGER NOT NULL);
            -- Rows of the other kinds, as the file has them: checked, and parsed again when moved in.
            CREATE TEMP TABLE import_rows (file INTEGER NOT NULL, line INTEGER NOT NULL, fields TEXT NOT NULL,
                                           PRIMARY KEY (file, line)) WITHOUT ROWID;
            CREATE TEMP TABLE import_seen (file INTEGER NOT NULL, key TEXT NOT NULL, digest TEXT NOT NULL, line INTEGER NOT NULL,
                                           PRIMARY KEY (file, key)) WITHOUT ROWID;
            -- With --all-sheets: where each key of a workbook was met first (see SheetKeys).
            CREATE TEMP TABLE \(SheetKeys.table) (path TEXT NOT NULL, key TEXT NOT NULL, sheet TEXT NOT NULL, line INTEGER NOT NULL,
                                                  PRIMARY KEY (path, key)) WITHOUT ROWID;
            """)
    }

    /// Once every row is staged, the staging file's cache goes back to SQLite's default and its memory is given back,
    /// so that it does not add to the database's own cache while the rows move in (an import stays within 64 MiB).
    static func settle(_ db: Database) throws {
        try db.execute(sql: "PRAGMA temp.cache_size = -2000; PRAGMA shrink_memory")
        // What the checking thread used (see CheckAhead) is free, but still held for that thread.
        Allocator.giveBackFreed()
    }

    /// The folder SQLite keeps the staging file in, found as SQLite finds it: SQLITE_TMPDIR, TMPDIR, /var/tmp,
    /// /usr/tmp, /tmp, the current folder, the first that is a folder one may write in.
    static var folder: String {
        let environment = ProcessInfo.processInfo.environment
        let candidates = [environment["SQLITE_TMPDIR"], environment["TMPDIR"], "/var/tmp", "/usr/tmp", "/tmp"].compactMap { $0 }
        return candidates.first { folder in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) && isFolder.boolValue && access(folder, W_OK | X_OK) == 0
        } ?? "."
    }

    /// Staging writes only the staging file: a full disk while staging is the staging folder's, not the database's,
    /// and so is a file SQLite cannot make there (a folder without a free inode: its access was checked above).
    static func whileStaging<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let error as DatabaseError where error.resultCode == .SQLITE_FULL || error.resultCode == .SQLITE_CANTOPEN {
            throw PantauError.stagingFolderFull(folder: folder)
        }
    }

    static func drop(_ db: Database) throws {
        for table in ["import_umkm", "import_matched", "import_rows", "import_seen", SheetKeys.table] {
            try db.execute(sql: "DROP TABLE IF EXISTS temp.\(table)")
        }
    }

    // MARK: UMKM

    /// Stages an UMKM row; the same key twice in one file must say the same thing.
    static func stage(_ db: Database, file: Int, line: Int, _ u: Umkm) throws -> Staged {
        try DirectInsert(db, sql: """
            INSERT INTO temp.import_umkm(file, line, nib, nama_usaha, region_code, sektor, tahun_binaan)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING
            """).run(.int(file), .int(line), .text(u.nib), .text(u.namaUsaha), .text(u.regionCode), .text(u.sektor), .int(u.tahunBinaan))
        if db.changesCount > 0 { return .staged }
        let earlier: Row? = u.nib != nil
            ? try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM temp.import_umkm WHERE file = ? AND nib = ?"), arguments: [file, u.nib])
            : try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM temp.import_umkm WHERE file = ? AND nib IS NULL AND region_code = ? AND nama_usaha = ?"),
                               arguments: [file, u.regionCode, u.namaUsaha])
        guard let earlier else { return .differsFromEarlier }
        let same = earlier["nama_usaha"] == u.namaUsaha && earlier["region_code"] == u.regionCode
            && earlier["sektor"] == u.sektor && earlier["tahun_binaan"] == u.tahunBinaan
        return same ? .sameAsEarlier : .differsFromEarlier
    }

    /// Moves one file's staged UMKM in, counted against the records as they are now: those already there are updated
    /// field by field (each change audited), the new ones added all at once in file order. A dry run only counts.
    static func moveUmkm(_ db: Database, file: Int, fields: Set<String>, upsert: Upsert)
        throws -> (inserted: Int, updated: Int, unchanged: Int) {
        let sektor = fields.contains("sektor")
        try db.execute(sql: "DELETE FROM temp.import_matched")
        try db.execute(sql: """
            INSERT INTO temp.import_matched(seq, id, same)
            SELECT s.seq, u.id, \(sameSQL) FROM temp.import_umkm s JOIN main.umkm u ON u.nib = s.nib
            WHERE s.file = ?1 AND s.nib IS NOT NULL
            UNION ALL
            SELECT s.seq, u.id, \(sameSQL) FROM temp.import_umkm s
            JOIN main.umkm u ON u.nib IS NULL AND u.region_code = s.region_code AND u.nama_usaha = s.nama_usaha
            WHERE s.file = ?1 AND s.nib IS NULL
            """, arguments: [file, sektor])
        var updated = 0
        var unchanged = try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM temp.import_matched WHERE same") ?? 0
        let differing = try Row.fetchCursor(db, sql: """
            SELECT m.id AS existing, s.* FROM temp.import_matched m JOIN temp.import_umkm s USING (seq) WHERE NOT m.same ORDER BY m.seq
            """)
        while let row = try differing.next() {
            let u = Umkm(nib: row["nib"], namaUsaha: row["nama_usaha"], regionCode: row["region_code"], sektor: row["sektor"],
                         tahunBinaan: row["tahun_binaan"])
            if try upsert.umkm(u, existing: row["existing"], fields: fields) == .updated { updated += 1 } else { unchanged += 1 }
        }
        // In staging order, read straight from the table: through an index, the rows would need sorting in memory first.
        let new = "FROM temp.import_umkm s NOT INDEXED WHERE s.file = ? AND NOT EXISTS (SELECT 1 FROM temp.import_matched m WHERE m.seq = s.seq)"
        if upsert.dryRun {
            return (try Int.fetchOne(db, sql: "SELECT COUNT(*) \(new)", arguments: [file]) ?? 0, updated, unchanged)
        }
        // The insert trigger would count the new rows one at a time (more than half of this statement's time): it
        // steps aside for the one statement, and the rows are counted in one grouped statement. Both in this
        // transaction, so the counts and the trigger are never seen otherwise.
        let counting = try setAside(db, triggersWhere: "name = 'tally_umkm_insert'")
        try db.execute(sql: """
            INSERT INTO main.umkm(nib, nama_usaha, region_code, sektor, tahun_binaan)
            SELECT nib, nama_usaha, region_code, sektor, tahun_binaan \(new) ORDER BY s.seq
            """, arguments: [file])
        let inserted = db.changesCount
        if !counting.isEmpty {
            try withDefaultCache(db) {
                try db.execute(sql: """
                    INSERT INTO main.tally(place, measure, year, n)
                    SELECT region_code, 'umkm', tahun_binaan, COUNT(*) \(new) GROUP BY region_code, tahun_binaan
                    ON CONFLICT DO UPDATE SET n = n + excluded.n
                    """, arguments: [file])
            }
            try restore(db, counting)
        }
        return (inserted, updated, unchanged)
    }

    // MARK: koperasi

    /// A koperasi's part of the kept counts is recounted by row triggers at every row written for it (see
    /// TallySchema): five or more times per record, most of a koperasi import's time. For one file, the parts of
    /// its koperasi are taken away once before its records are written and added once after, while the triggers
    /// step aside; `koperasiCountsBack` must follow in the same transaction, which rolls both back on a failure.
    static func koperasiCountsStepAside(_ db: Database, file: Int) throws -> [String] {
        try withDefaultCache(db) { try db.execute(sql: koperasiParts(sign: "-"), arguments: [file]) }
        return try setAside(db, triggersWhere: """
            substr(name, 1, 6) = 'tally_' AND tbl_name IN ('koperasi', 'koperasi_status', 'koperasi_rat', 'evaluation')
            """)
    }

    static func koperasiCountsBack(_ db: Database, file: Int, triggers: [String]) throws {
        try restore(db, triggers)
        try withDefaultCache(db) { try db.execute(sql: koperasiParts(sign: ""), arguments: [file]) }
    }

    // MARK: kept-count triggers

    /// Drops the triggers `condition` picks out of the schema and returns them, to be made again by `restore` in
    /// the same transaction: only inside the move's transaction, so that a failure meanwhile rolls their absence
    /// back too.
    private static func setAside(_ db: Database, triggersWhere condition: String) throws -> [String] {
        precondition(db.isInsideTransaction, "triggers step aside only inside the move's transaction")
        let triggers = try Row.fetchAll(db, sql: "SELECT name, sql FROM main.sqlite_master WHERE type = 'trigger' AND \(condition)")
        for trigger in triggers { try db.execute(sql: "DROP TRIGGER main.\(trigger["name"] as String)") }
        return triggers.map { $0["sql"] }
    }

    private static func restore(_ db: Database, _ triggers: [String]) throws {
        for trigger in triggers { try db.makeStatement(sql: trigger).execute() }  // one statement, whatever the schema's text holds
    }

    /// SQLite sorts for a grouping with as much memory as the page cache has: the default cache keeps an import
    /// within its memory bound, the sort going to the temporary folder.
    private static func withDefaultCache(_ db: Database, _ body: () throws -> Void) throws {
        let cache = try Int.fetchOne(db, sql: "PRAGMA cache_size") ?? -2000
        try db.execute(sql: "PRAGMA cache_size = -2000")
        defer { try? db.execute(sql: "PRAGMA cache_size = \(cache)") }
        try body()
    }

    /// Adds (`sign` "") or takes away ("-") the parts of the koperasi of a file (their NIKs are its keys).
    private static func koperasiParts(sign: String) -> String {
        """
        INSERT INTO main.tally(place, measure, year, n)
        SELECT place, measure, year, \(sign)SUM(n) FROM main.koperasi_tally WHERE nik IN (SELECT key FROM temp.import_seen WHERE file = ?)
        GROUP BY place, measure, year
        ON CONFLICT DO UPDATE SET n = n + excluded.n
        """
    }

    /// Whether an UMKM already stored holds exactly what the file says (?2: whether the file has a sektor column).
    private static let sameSQL = """
        (u.nama_usaha IS s.nama_usaha AND u.region_code IS s.region_code AND u.tahun_binaan IS s.tahun_binaan \
        AND (NOT ?2 OR u.sektor IS s.sektor))
        """

    // MARK: other kinds

    static func stage(_ db: Database, file: Int, line: Int, fields: [String]) throws {
        let text = String(decoding: try JSONEncoder().encode(fields), as: UTF8.self)
        try db.cachedStatement(sql: "INSERT INTO temp.import_rows(file, line, fields) VALUES (?, ?, ?)").execute(arguments: [file, line, text])
    }

    /// The staged rows of one file in file order, from the line after `afterLine`, at most `limit`.
    static func rows(_ db: Database, file: Int, afterLine: Int, limit: Int) throws -> RowCursor {
        try Row.fetchCursor(db, sql: "SELECT line, fields FROM temp.import_rows WHERE file = ? AND line > ? ORDER BY line LIMIT ?",
                            arguments: [file, afterLine, limit])
    }

    static func fields(_ row: Row) throws -> [String] {
        try JSONDecoder().decode([String].self, from: Data((row["fields"] as String).utf8))
    }
}
