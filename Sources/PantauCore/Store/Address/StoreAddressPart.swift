/// The part of a PostgreSQL address a message is about. Messages name the part, never its value:
/// the value may be, or may hold a piece of, the password.
public enum StoreAddressPart: Sendable, Equatable {
    case user, password, host, port, database
    /// A query parameter, by its name; nil when the name is not shown (it may be a piece of a password).
    case parameter(String?)
}
