import PantauCore

extension PostgresAddress {
    /// The server as messages name it: `db.kantor:5432`, `[::1]:5432`, or the socket file `/var/run/postgresql/.s.PGSQL.5432`.
    /// Never the user's password, which is not part of where a server is.
    public var serverName: String {
        switch host {
        case .name(let name): "\(name):\(port)"
        case .ipv6(let address): "[\(address)]:\(port)"
        case .socketDirectory: socketPath ?? ""
        }
    }
}
