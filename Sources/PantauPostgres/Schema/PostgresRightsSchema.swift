/// Migration "v4 rights": who may read and who may change what, enforced by the server whatever client is used.
///
/// Two group roles per database, named after it so that several Pantau databases can share a cluster:
/// `<db>_viewer` reads, `<db>_editor` (a member of the viewer role) also writes. A login gets one of them through
/// `pantau grant`, which also records its region in `office_grant`; row-level security then lets an editor change
/// only the records of that region and its children. The owner (who ran `init`) keeps every right: row-level
/// security is enabled, not forced, so it does not apply to the owner.
///
/// Reading is province- and nation-wide on purpose: the figures are the ministry's shared picture, and an office
/// compares itself with its neighbours. Writing is by region.
enum PostgresRightsSchema {
    static let v4 = """
        -- The group role of a kind ('viewer' or 'editor') for this database; as a name, a long database name is
        -- cut exactly as the server cuts a role name (63 bytes).
        CREATE FUNCTION pantau_group_role(kind text) RETURNS name LANGUAGE sql STABLE
        AS $$ SELECT (current_database() || '_' || kind)::name $$;

        DO $$
        DECLARE
            kind text;
        BEGIN
            FOREACH kind IN ARRAY ARRAY['viewer', 'editor'] LOOP
                IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = pantau_group_role(kind)) THEN
                    EXECUTE format('CREATE ROLE %I NOLOGIN', pantau_group_role(kind));
                END IF;
            END LOOP;
            IF NOT pg_has_role(pantau_group_role('editor'), pantau_group_role('viewer'), 'MEMBER') THEN
                EXECUTE format('GRANT %I TO %I', pantau_group_role('viewer'), pantau_group_role('editor'));
            END IF;
        END $$;

        -- The office of each login: editors change records of region_code and its children (NULL: everywhere);
        -- for a viewer the region is only a note, as every viewer reads everything.
        CREATE TABLE office_grant (
            login text COLLATE "C" PRIMARY KEY,
            role text COLLATE "C" NOT NULL CHECK (role IN ('editor', 'viewer')),
            region_code text COLLATE "C" REFERENCES region(code),
            granted_at text COLLATE "C",
            granted_by text COLLATE "C"
        );

        -- True when the login has an editor grant covering the region: 64.08 covers 64.08 and 64.08.03, not 64.080.
        -- Security definer, so that it reads office_grant whoever asks; its search path is fixed so that no
        -- login can put a table or function of its own in place of Pantau's.
        CREATE FUNCTION pantau_may_change(code text) RETURNS boolean
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp
        AS $$
            SELECT EXISTS (
                SELECT 1 FROM office_grant g
                WHERE g.login = session_user AND g.role = 'editor'
                  AND (g.region_code IS NULL OR code = g.region_code OR starts_with(code, g.region_code || '.'))
            )
        $$;

        -- Office data: everyone with the viewer role reads all of it; changes go through the region.
        ALTER TABLE koperasi ENABLE ROW LEVEL SECURITY;
        CREATE POLICY koperasi_read ON koperasi FOR SELECT USING (true);
        CREATE POLICY koperasi_change ON koperasi FOR ALL
            USING (pantau_may_change(region_code)) WITH CHECK (pantau_may_change(region_code));

        ALTER TABLE umkm ENABLE ROW LEVEL SECURITY;
        CREATE POLICY umkm_read ON umkm FOR SELECT USING (true);
        CREATE POLICY umkm_change ON umkm FOR ALL
            USING (pantau_may_change(region_code)) WITH CHECK (pantau_may_change(region_code));

        ALTER TABLE pelatihan ENABLE ROW LEVEL SECURITY;
        CREATE POLICY pelatihan_read ON pelatihan FOR SELECT USING (true);
        CREATE POLICY pelatihan_change ON pelatihan FOR ALL
            USING (pantau_may_change(region_code)) WITH CHECK (pantau_may_change(region_code));

        -- A koperasi's yearly status, RAT and evaluations belong to the koperasi's region.
        ALTER TABLE koperasi_status ENABLE ROW LEVEL SECURITY;
        CREATE POLICY koperasi_status_read ON koperasi_status FOR SELECT USING (true);
        CREATE POLICY koperasi_status_change ON koperasi_status FOR ALL
            USING (EXISTS (SELECT 1 FROM koperasi k WHERE k.nik = koperasi_status.nik AND pantau_may_change(k.region_code)))
            WITH CHECK (EXISTS (SELECT 1 FROM koperasi k WHERE k.nik = koperasi_status.nik AND pantau_may_change(k.region_code)));

        ALTER TABLE koperasi_rat ENABLE ROW LEVEL SECURITY;
        CREATE POLICY koperasi_rat_read ON koperasi_rat FOR SELECT USING (true);
        CREATE POLICY koperasi_rat_change ON koperasi_rat FOR ALL
            USING (EXISTS (SELECT 1 FROM koperasi k WHERE k.nik = koperasi_rat.nik AND pantau_may_change(k.region_code)))
            WITH CHECK (EXISTS (SELECT 1 FROM koperasi k WHERE k.nik = koperasi_rat.nik AND pantau_may_change(k.region_code)));

        ALTER TABLE evaluation ENABLE ROW LEVEL SECURITY;
        CREATE POLICY evaluation_read ON evaluation FOR SELECT USING (true);
        CREATE POLICY evaluation_change ON evaluation FOR ALL
            USING (EXISTS (SELECT 1 FROM koperasi k WHERE k.nik = evaluation.nik AND pantau_may_change(k.region_code)))
            WITH CHECK (EXISTS (SELECT 1 FROM koperasi k WHERE k.nik = evaluation.nik AND pantau_may_change(k.region_code)));

        -- Editors add entries (the server stamps who and when); nobody but the owner has any other right on it.
        ALTER TABLE audit ENABLE ROW LEVEL SECURITY;
        CREATE POLICY audit_read ON audit FOR SELECT USING (true);
        CREATE POLICY audit_add ON audit FOR INSERT WITH CHECK (true);

        -- Table rights: the gate before the policies. region, region_alias, target, setting, office_grant and
        -- pantau_migration are read-only to everyone but the owner. Tables a later migration adds are readable too.
        DO $$
        DECLARE
            viewer name := pantau_group_role('viewer');
            editor name := pantau_group_role('editor');
        BEGIN
            EXECUTE format('GRANT CONNECT, TEMPORARY ON DATABASE %I TO %I', current_database(), viewer);
            EXECUTE format('GRANT USAGE ON SCHEMA public TO %I', viewer);
            EXECUTE format('GRANT SELECT ON ALL TABLES IN SCHEMA public TO %I', viewer);
            EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO %I', viewer);
            EXECUTE format('GRANT INSERT, UPDATE, DELETE ON koperasi, koperasi_status, koperasi_rat, evaluation, umkm, pelatihan TO %I', editor);
            EXECUTE format('GRANT INSERT ON audit TO %I', editor);
            EXECUTE format('GRANT USAGE ON SEQUENCE evaluation_id_seq, umkm_id_seq, pelatihan_id_seq, audit_id_seq TO %I', editor);
        END $$;

        -- True when the login is itself a member of the group role (an editor is a viewer only through the editor role).
        CREATE FUNCTION pantau_holds(grantee text, kind text) RETURNS boolean LANGUAGE sql STABLE
        SET search_path = public, pg_temp
        AS $$
            SELECT EXISTS (
                SELECT 1 FROM pg_auth_members m
                JOIN pg_roles member ON member.oid = m.member
                JOIN pg_roles grp ON grp.oid = m.roleid
                WHERE member.rolname = grantee AND grp.rolname = pantau_group_role(kind)
            )
        $$;

        -- Grant and revoke, run by the owner (a login without the right to grant roles or to write office_grant
        -- fails inside): the role, the office and an audit entry change together or not at all.
        CREATE FUNCTION pantau_grant(grantee text, office_role text, region text) RETURNS void
        LANGUAGE plpgsql SET search_path = public, pg_temp
        AS $$
        DECLARE
            previous text;
            kind text;
        BEGIN
            IF office_role IS NULL OR office_role NOT IN ('editor', 'viewer') THEN
                RAISE EXCEPTION 'the role must be editor or viewer' USING ERRCODE = 'invalid_parameter_value';
            END IF;
            IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = grantee AND rolcanlogin) THEN
                RAISE EXCEPTION 'no login role named %', grantee USING ERRCODE = 'undefined_object';
            END IF;
            IF region IS NOT NULL AND NOT EXISTS (SELECT 1 FROM public.region r WHERE r.code = region) THEN
                RAISE EXCEPTION 'no region with code %', region USING ERRCODE = 'foreign_key_violation';
            END IF;
            SELECT g.role || coalesce(' ' || g.region_code, '') INTO previous FROM office_grant g WHERE g.login = grantee;
            FOREACH kind IN ARRAY ARRAY['editor', 'viewer'] LOOP
                IF kind <> office_role AND pantau_holds(grantee, kind) THEN
                    EXECUTE format('REVOKE %I FROM %I', pantau_group_role(kind), grantee);
                END IF;
            END LOOP;
            IF NOT pantau_holds(grantee, office_role) THEN
                EXECUTE format('GRANT %I TO %I', pantau_group_role(office_role), grantee);
            END IF;
            INSERT INTO office_grant(login, role, region_code, granted_at, granted_by)
            VALUES (grantee, office_role, region, pantau_now(), session_user)
            ON CONFLICT (login) DO UPDATE
                SET role = excluded.role, region_code = excluded.region_code,
                    granted_at = excluded.granted_at, granted_by = excluded.granted_by;
            INSERT INTO audit(who, entity, record, field, old_value, new_value)
            VALUES (session_user, 'grant', grantee, 'role', previous, office_role || coalesce(' ' || region, ''));
        END $$;

        -- True when the login had rights here; false (and nothing written) when it had none.
        CREATE FUNCTION pantau_revoke(grantee text) RETURNS boolean
        LANGUAGE plpgsql SET search_path = public, pg_temp
        AS $$
        DECLARE
            previous text;
            kind text;
            member boolean := false;
        BEGIN
            FOREACH kind IN ARRAY ARRAY['editor', 'viewer'] LOOP
                IF pantau_holds(grantee, kind) THEN
                    EXECUTE format('REVOKE %I FROM %I', pantau_group_role(kind), grantee);
                    member := true;
                END IF;
            END LOOP;
            DELETE FROM office_grant g WHERE g.login = grantee
                RETURNING g.role || coalesce(' ' || g.region_code, '') INTO previous;
            IF previous IS NULL AND NOT member THEN
                RETURN false;
            END IF;
            INSERT INTO audit(who, entity, record, field, old_value, new_value)
            VALUES (session_user, 'grant', grantee, 'role', previous, NULL);
            RETURN true;
        END $$;
        REVOKE ALL ON FUNCTION pantau_grant(text, text, text), pantau_revoke(text) FROM PUBLIC;
        """
}
