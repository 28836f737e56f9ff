/// Migration "v5 change notices": every committed change to the office data tells listeners (an open dashboard)
/// on the channel `pantau_change`, once per statement; the server delivers it at commit, never for a rollback.
enum PostgresChangeNotices {
    static let v5 = """
        CREATE FUNCTION pantau_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            PERFORM pg_notify('pantau_change', TG_TABLE_NAME);
            RETURN NULL;
        END $$;

        DO $$
        DECLARE
            t text;
        BEGIN
            FOREACH t IN ARRAY ARRAY['koperasi', 'koperasi_status', 'koperasi_rat', 'evaluation', 'umkm', 'pelatihan',
                                     'target', 'setting'] LOOP
                EXECUTE format('CREATE TRIGGER %I AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON %I
                                FOR EACH STATEMENT EXECUTE FUNCTION pantau_notify_change()', t || '_notifies', t);
            END LOOP;
        END $$;
        """
}
