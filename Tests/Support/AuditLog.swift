import PantauCore
import PantauSQLite

// The whole audit trail at once, for tests to compare; `pantau log` reads it a page at a time.

extension PantauStore {
    public func auditLog(nik: String?, since: String?) async throws -> [AuditEntry] {
        try await auditLog(nik: nik, since: since, afterID: 0, limit: .max)
    }
}

extension Store {
    public func auditLog(nik: String? = nil, since: String? = nil) throws -> [AuditEntry] {
        try auditLog(nik: nik, since: since, afterID: 0, limit: .max)
    }
}
