/// Migration "v7 kept counts", the server's translation of the SQLite migration of that name: the table `tally`,
/// the view `koperasi_tally` (a koperasi's part of the counts), the counts filled from the records, and triggers
/// that keep them in the same transaction as every change.
///
/// The server runs AFTER row triggers only when the statement ends, so a koperasi's part cannot be taken away and
/// added back row by row as on SQLite. Instead, before the first row of a koperasi changes, its part as it was is
/// noted in temporary tables of the session; when the statement ends, the counts move by the difference between
/// the noted koperasi's parts now and before, in one statement. UMKM count one each, by statement, from the
/// transition tables.
///
/// The counts live under row-level security like the records: an editor's change moves the counts of their own
/// region only, and the triggers run with the editor's rights.
enum PostgresTally {
    static let v7 = """
        CREATE TABLE tally (
            place text COLLATE "C" NOT NULL,
            measure text COLLATE "C" NOT NULL,
            year integer NOT NULL,
            n integer NOT NULL,
            PRIMARY KEY (place, measure, year)
        );

        CREATE VIEW koperasi_tally AS
            SELECT k.nik, 'koperasi' AS part, NULL::integer AS status_year, k.region_code AS place, 'koperasi' AS measure,
                   COALESCE(k.tahun_berdiri, 0) AS year, 1 AS n
            FROM koperasi k
            UNION ALL
            SELECT k.nik, 'koperasi', NULL, k.region_code, 'health:' || k.kesehatan, 0, 1 FROM koperasi k WHERE k.kesehatan IS NOT NULL
            UNION ALL
            SELECT k.nik, 'rat', NULL, k.region_code, 'rat', COALESCE((SELECT MAX(r.year) FROM koperasi_rat r WHERE r.nik = k.nik), 0), 1
            FROM koperasi k
            UNION ALL
            SELECT k.nik, 'status', s.year, k.region_code, 'known', s.year, 1
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik WHERE k.tahun_berdiri IS NULL OR k.tahun_berdiri <= s.year
            UNION ALL
            SELECT k.nik, 'status', s.year, k.region_code, 'active', s.year, 1
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik
            WHERE s.active = 1 AND (k.tahun_berdiri IS NULL OR k.tahun_berdiri <= s.year)
            UNION ALL
            SELECT k.nik, 'inactive', s.year, k.region_code,
                   'inactive:' || COALESCE((SELECT e.outcome FROM evaluation e WHERE e.nik = k.nik ORDER BY e.id DESC LIMIT 1), ''), s.year, 1
            FROM koperasi k JOIN koperasi_status s ON s.nik = k.nik WHERE s.active = 0;

        INSERT INTO tally(place, measure, year, n)
        SELECT place, measure, year, SUM(n) FROM (
            SELECT place, measure, year, n FROM koperasi_tally
            UNION ALL SELECT region_code, 'umkm', tahun_binaan, 1 FROM umkm
        ) AS records GROUP BY place, measure, year;

        -- The per-level UMKM indexes served counts; the kept counts replace them.
        DROP INDEX umkm_prov;
        DROP INDEX umkm_kab;
        DROP INDEX umkm_kec;

        -- Before the first row of a koperasi changes in a statement, its part as it was is noted, negated.
        CREATE FUNCTION pantau_tally_before_row() RETURNS trigger LANGUAGE plpgsql
        AS $$
        DECLARE
            niks text[];
            one text;
        BEGIN
            IF to_regclass('pg_temp.pantau_tally_changed') IS NULL THEN
                CREATE TEMPORARY TABLE pantau_tally_changed (nik text COLLATE "C" PRIMARY KEY) ON COMMIT DELETE ROWS;
                CREATE TEMPORARY TABLE pantau_tally_before (place text COLLATE "C", measure text COLLATE "C", year integer, n integer)
                    ON COMMIT DELETE ROWS;
            END IF;
            IF TG_OP = 'INSERT' THEN
                niks := ARRAY[NEW.nik];
            ELSIF TG_OP = 'DELETE' THEN
                niks := ARRAY[OLD.nik];
            ELSE
                niks := ARRAY[OLD.nik, NEW.nik];
            END IF;
            FOREACH one IN ARRAY niks LOOP
                INSERT INTO pg_temp.pantau_tally_changed VALUES (one) ON CONFLICT DO NOTHING;
                IF FOUND THEN
                    INSERT INTO pg_temp.pantau_tally_before SELECT place, measure, year, -n FROM koperasi_tally WHERE nik = one;
                END IF;
            END LOOP;
            IF TG_OP = 'DELETE' THEN
                RETURN OLD;
            END IF;
            RETURN NEW;
        END $$;

        -- When the statement ends (after every row passed the records' own policies), the counts move by the
        -- difference between the noted koperasi's parts now and before; counts that did not change are not written.
        CREATE FUNCTION pantau_tally_after_statement() RETURNS trigger LANGUAGE plpgsql
        AS $$
        DECLARE
            niks text[];
        BEGIN
            IF to_regclass('pg_temp.pantau_tally_changed') IS NULL THEN
                RETURN NULL;
            END IF;
            WITH noted AS (DELETE FROM pg_temp.pantau_tally_changed RETURNING nik) SELECT array_agg(nik) INTO niks FROM noted;
            IF niks IS NOT NULL THEN
                WITH before AS (DELETE FROM pg_temp.pantau_tally_before RETURNING place, measure, year, n)
                INSERT INTO tally(place, measure, year, n)
                SELECT place, measure, year, SUM(n) FROM (
                    SELECT place, measure, year, n FROM before
                    UNION ALL SELECT place, measure, year, n FROM koperasi_tally WHERE nik = ANY(niks)
                ) AS parts GROUP BY place, measure, year HAVING SUM(n) <> 0
                ON CONFLICT (place, measure, year) DO UPDATE SET n = tally.n + excluded.n;
            END IF;
            RETURN NULL;
        END $$;

        CREATE TRIGGER tally_koperasi_before BEFORE INSERT OR DELETE OR UPDATE OF nik, region_code, tahun_berdiri, kesehatan ON koperasi
            FOR EACH ROW EXECUTE FUNCTION pantau_tally_before_row();
        CREATE TRIGGER tally_koperasi_after AFTER INSERT OR DELETE OR UPDATE ON koperasi
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_after_statement();
        CREATE TRIGGER tally_status_before BEFORE INSERT OR DELETE OR UPDATE ON koperasi_status
            FOR EACH ROW EXECUTE FUNCTION pantau_tally_before_row();
        CREATE TRIGGER tally_status_after AFTER INSERT OR DELETE OR UPDATE ON koperasi_status
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_after_statement();
        CREATE TRIGGER tally_rat_before BEFORE INSERT OR DELETE OR UPDATE OF nik, year ON koperasi_rat
            FOR EACH ROW EXECUTE FUNCTION pantau_tally_before_row();
        CREATE TRIGGER tally_rat_after AFTER INSERT OR DELETE OR UPDATE ON koperasi_rat
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_after_statement();
        CREATE TRIGGER tally_evaluation_before BEFORE INSERT OR DELETE OR UPDATE OF id, nik, outcome ON evaluation
            FOR EACH ROW EXECUTE FUNCTION pantau_tally_before_row();
        CREATE TRIGGER tally_evaluation_after AFTER INSERT OR DELETE OR UPDATE ON evaluation
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_after_statement();

        CREATE FUNCTION pantau_tally_umkm() RETURNS trigger LANGUAGE plpgsql
        AS $$
        BEGIN
            IF TG_OP IN ('UPDATE', 'DELETE') THEN
                INSERT INTO tally(place, measure, year, n)
                SELECT region_code, 'umkm', tahun_binaan, -COUNT(*) FROM removed GROUP BY region_code, tahun_binaan
                ON CONFLICT (place, measure, year) DO UPDATE SET n = tally.n + excluded.n;
            END IF;
            IF TG_OP IN ('UPDATE', 'INSERT') THEN
                INSERT INTO tally(place, measure, year, n)
                SELECT region_code, 'umkm', tahun_binaan, COUNT(*) FROM added GROUP BY region_code, tahun_binaan
                ON CONFLICT (place, measure, year) DO UPDATE SET n = tally.n + excluded.n;
            END IF;
            RETURN NULL;
        END $$;
        CREATE TRIGGER tally_umkm_insert AFTER INSERT ON umkm REFERENCING NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_umkm();
        CREATE TRIGGER tally_umkm_update AFTER UPDATE ON umkm REFERENCING OLD TABLE AS removed NEW TABLE AS added
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_umkm();
        CREATE TRIGGER tally_umkm_delete AFTER DELETE ON umkm REFERENCING OLD TABLE AS removed
            FOR EACH STATEMENT EXECUTE FUNCTION pantau_tally_umkm();

        -- Everyone reads the counts; an editor's changes move those of their own region.
        ALTER TABLE tally ENABLE ROW LEVEL SECURITY;
        CREATE POLICY tally_read ON tally FOR SELECT USING (true);
        CREATE POLICY tally_change ON tally FOR ALL USING (pantau_may_change(place)) WITH CHECK (pantau_may_change(place));
        DO $$
        BEGIN
            EXECUTE format('GRANT INSERT, UPDATE ON tally TO %I', pantau_group_role('editor'));
        END $$;
        """
}
