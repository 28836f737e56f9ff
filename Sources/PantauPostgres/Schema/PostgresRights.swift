/// The statements behind `pantau grant`, `pantau grant --list` and `pantau revoke`, each one statement with
/// parameters ($1, $2, …). Role names are never spliced into SQL here: the server functions of migration
/// "v4 rights" quote them (`format('%I', …)`), and the role, the office and the audit entry change in one statement.
public enum PostgresRights {
    /// Run first, for a sentence of Pantau's own: no row when LOGIN is no role at all, `false` when it is a group
    /// role that cannot log in, `true` when it is a login. $1: login.
    public static let loginCanLogIn = """
        SELECT rolcanlogin FROM pg_roles WHERE rolname = $1
        """

    /// True when the region code exists (an editor's region must). $1: code.
    public static let regionExists = """
        SELECT EXISTS (SELECT 1 FROM region WHERE code = $1)
        """

    /// Gives the login the editor or viewer role of this database, replacing the other one, records its region
    /// (NULL: everywhere) and writes an audit entry (entity 'grant'). Owner only. $1: login, $2: 'editor' or
    /// 'viewer', $3: region code or NULL.
    public static let grant = """
        SELECT pantau_grant($1, $2, $3)
        """

    /// Takes both roles away and forgets the office, with an audit entry. Returns `false`, writing nothing, when
    /// the login had no rights here. Owner only. $1: login.
    public static let revoke = """
        SELECT pantau_revoke($1)
        """

    /// Who may do what: login, role, region code and name (NULL for everywhere), when and by whom, by login in
    /// byte order.
    public static let list = """
        SELECT g.login, g.role, g.region_code, r.name AS region_name, g.granted_at, g.granted_by
        FROM office_grant g LEFT JOIN region r ON r.code = g.region_code
        ORDER BY g.login COLLATE "C"
        """

    /// The connected login's own office: no row for the owner or a login without a grant. For `HANYA BACA` and for
    /// naming the region in a refusal.
    public static let ownGrant = """
        SELECT role, region_code FROM office_grant WHERE login = session_user
        """

    /// True when the connected login may change records of the region. $1: region code.
    public static let mayChange = """
        SELECT pantau_may_change($1)
        """

    /// True when the connected login owns the database's tables (or is a superuser): it has every right.
    public static let isOwner = """
        SELECT pantau_is_owner('koperasi'::regclass)
        """

    /// The login that owns the database's tables: the one that upgrades it.
    public static let databaseOwner = """
        SELECT pg_get_userbyid(relowner) FROM pg_class WHERE oid = 'koperasi'::regclass
        """
}
