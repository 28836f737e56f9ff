import GRDB
import PantauCore

/// The database schema, built by migrations so that every office database can be upgraded in place.
enum Schema {
    /// The `PRAGMA user_version` of every database this build makes or upgrades; any other value means a newer Pantau.
    static let userVersion = 0

    /// The tables the migrations make, which opening looks for. Named here because building the schema in memory
    /// (`expected`) costs a noticeable part of a start; a test holds the two alike.
    static let tables: Set<String> = ["grdb_migrations", "setting", "region", "region_alias", "koperasi", "koperasi_status", "koperasi_rat",
                                      "evaluation", "umkm", "pelatihan", "target", "audit", "tally"]

    /// The tables, indexes and triggers the migrations make, read from a database built in memory: what `pantau check`
    /// compares a file with.
    static let expected: (tables: Set<String>, others: Set<String>) = {
        do {
            let memory = try DatabaseQueue()
            try migrator.migrate(memory)
            return try memory.read { db in
                let rows = try Row.fetchAll(db, sql: "SELECT type, name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'")
                let names = { (wanted: Bool) in Set(rows.filter { ($0["type"] as String == "table") == wanted }.map { $0["name"] as String }) }
                return (names(true), names(false))
            }
        } catch {
            fatalError("the schema does not build: \(error)")
        }
    }()

    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1 regions, koperasi, umkm, programmes") { db in
            try db.execute(sql: """
                CREATE TABLE setting (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;

                -- Kemendagri codes: provinsi '64', kabupaten/kota '64.08', kecamatan '64.08.03'.
                CREATE TABLE region (
                    code TEXT PRIMARY KEY,
                    name TEXT NOT NULL,
                    level TEXT NOT NULL CHECK (level IN ('provinsi', 'kabupaten', 'kecamatan')),
                    parent TEXT NOT NULL,
                    name_key TEXT NOT NULL
                ) WITHOUT ROWID;
                CREATE INDEX region_parent ON region(parent);
                CREATE INDEX region_name_key ON region(name_key);
                CREATE TABLE region_alias (alias_key TEXT NOT NULL, code TEXT NOT NULL REFERENCES region(code),
                                           PRIMARY KEY (alias_key, code)) WITHOUT ROWID;

                -- prov/kab/kec are the region code's own parts, kept as columns so that
                -- every aggregate is an indexed GROUP BY.
                CREATE TABLE koperasi (
                    nik TEXT PRIMARY KEY,
                    nama TEXT NOT NULL,
                    region_code TEXT NOT NULL REFERENCES region(code),
                    prov TEXT NOT NULL, kab TEXT, kec TEXT,
                    jenis TEXT NOT NULL,
                    sektor TEXT NOT NULL DEFAULT '',
                    kemitraan TEXT,
                    anggota INTEGER,
                    tahun_berdiri INTEGER,
                    kesehatan TEXT
                ) WITHOUT ROWID;
                CREATE INDEX koperasi_kab ON koperasi(kab, kec);
                CREATE INDEX koperasi_prov ON koperasi(prov, kab);

                CREATE TABLE koperasi_status (
                    nik TEXT NOT NULL REFERENCES koperasi(nik) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    active INTEGER NOT NULL CHECK (active IN (0, 1)),
                    PRIMARY KEY (nik, year)
                ) WITHOUT ROWID;
                CREATE INDEX koperasi_status_year ON koperasi_status(year, active, nik);

                CREATE TABLE koperasi_rat (
                    nik TEXT NOT NULL REFERENCES koperasi(nik) ON DELETE CASCADE,
                    year INTEGER NOT NULL,
                    held_on TEXT,
                    PRIMARY KEY (nik, year)
                ) WITHOUT ROWID;

                CREATE TABLE evaluation (
                    id INTEGER PRIMARY KEY,
                    nik TEXT NOT NULL REFERENCES koperasi(nik) ON DELETE CASCADE,
                    outcome TEXT NOT NULL,
                    note TEXT NOT NULL DEFAULT '',
                    at TEXT NOT NULL,
                    who TEXT NOT NULL
                );
                CREATE INDEX evaluation_nik ON evaluation(nik, id);

                CREATE TABLE umkm (
                    id INTEGER PRIMARY KEY,
                    nib TEXT UNIQUE,
                    nama_usaha TEXT NOT NULL,
                    region_code TEXT NOT NULL REFERENCES region(code),
                    prov TEXT NOT NULL, kab TEXT, kec TEXT,
                    sektor TEXT NOT NULL DEFAULT '',
                    tahun_binaan INTEGER NOT NULL
                );
                CREATE INDEX umkm_prov ON umkm(prov, tahun_binaan);
                CREATE INDEX umkm_kab ON umkm(kab, tahun_binaan);
                CREATE INDEX umkm_kec ON umkm(kec, tahun_binaan);
                CREATE UNIQUE INDEX umkm_unnumbered ON umkm(region_code, nama_usaha) WHERE nib IS NULL;

                CREATE TABLE pelatihan (
                    id INTEGER PRIMARY KEY,
                    nama TEXT NOT NULL,
                    angkatan INTEGER NOT NULL,
                    tanggal_mulai TEXT, tanggal_selesai TEXT,
                    tempat TEXT NOT NULL DEFAULT '',
                    region_code TEXT NOT NULL,
                    jumlah_koperasi INTEGER, jumlah_peserta INTEGER,
                    topik TEXT NOT NULL DEFAULT '',
                    sumber_dana TEXT NOT NULL DEFAULT '',
                    UNIQUE (nama, angkatan)
                );

                -- An empty region_code means the target applies to every kabupaten/kota.
                CREATE TABLE target (
                    region_code TEXT NOT NULL,
                    indicator TEXT NOT NULL,
                    value INTEGER NOT NULL,
                    year INTEGER,
                    source TEXT NOT NULL,
                    PRIMARY KEY (region_code, indicator)
                ) WITHOUT ROWID;
                """)
        }
        migrator.registerMigration("v2 audit trail") { db in
            try db.execute(sql: """
                -- Every change, written in the same transaction as the change. Pantau never edits it.
                CREATE TABLE audit (
                    id INTEGER PRIMARY KEY,
                    at TEXT NOT NULL,
                    who TEXT NOT NULL,
                    entity TEXT NOT NULL,
                    record TEXT NOT NULL,
                    field TEXT NOT NULL,
                    old_value TEXT,
                    new_value TEXT,
                    note TEXT NOT NULL DEFAULT ''
                );
                CREATE INDEX audit_record ON audit(entity, record, id);
                CREATE INDEX audit_at ON audit(at);
                CREATE TRIGGER audit_is_append_only_update BEFORE UPDATE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
                CREATE TRIGGER audit_is_append_only_delete BEFORE DELETE ON audit
                BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
                """)
        }
        migrator.registerMigration("v3 audit ids are never reused") { db in
            // INSERT OR REPLACE on an existing id would delete the old entry without firing the delete trigger.
            try db.execute(sql: """
                CREATE TRIGGER audit_is_append_only_insert BEFORE INSERT ON audit
                WHEN NEW.id IS NOT NULL AND EXISTS (SELECT 1 FROM audit WHERE id = NEW.id)
                BEGIN SELECT RAISE(ABORT, 'the audit trail cannot be changed'); END;
                """)
        }
        migrator.registerMigration("v6 copied audit history") { db in
            // `pantau copy` brings another store's entries as history: they name the store they came from and their
            // id there, so that copying twice adds nothing. (A server database has these columns from v2 on; v4 and
            // v5 are the server's own.)
            try db.execute(sql: """
                ALTER TABLE audit ADD COLUMN copied_from TEXT;
                ALTER TABLE audit ADD COLUMN origin_id INTEGER;
                CREATE UNIQUE INDEX audit_origin ON audit(copied_from, origin_id);
                """)
        }
        migrator.registerMigration("v7 kept counts") { db in
            try db.execute(sql: TallySchema.v7)
        }
        migrator.registerMigration("v8 umkm without derived region columns") { db in
            // The kept counts took the place of the UMKM's prov/kab/kec columns (their indexes went in v7): a region's
            // UMKM are a range of region codes. The columns were a fifth of every row.
            try db.execute(sql: "ALTER TABLE umkm DROP COLUMN kec; ALTER TABLE umkm DROP COLUMN kab; ALTER TABLE umkm DROP COLUMN prov;")
        }
        return migrator
    }
}
