/// Which Pantau this is. The release number lives here and nowhere else: `pantau --version`, the release
/// archive and the Debian package all take it from the built binary.
public enum PantauVersion {
    public static let number = "0.9.0"

    /// The database schema this build expects: the name of its latest migration (a test holds each store to it).
    public static let schema = "v8 umkm without derived region columns"

    /// What `pantau --version` prints.
    public static var summary: String { "pantau \(number) (database schema \"\(schema)\")" }
}
