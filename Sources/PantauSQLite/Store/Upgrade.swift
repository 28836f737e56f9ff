import Foundation
import GRDB
import PantauCore

extension Store {
    /// Brings a database made by an older Pantau up to this one's schema. Before the first migration it writes a
    /// backup beside the file, named after the old schema's latest migration, so an upgrade can always be undone;
    /// without room for that backup nothing is migrated.
    func upgradeIfNeeded(_ pool: DatabasePool) throws {
        let applied = try mappingDatabaseErrors { try pool.read(Schema.migrator.appliedMigrations) }
        guard applied.count < Schema.migrator.migrations.count else { return }
        if let oldSchema = applied.last {
            let copy = Self.upgradeBackupPath(for: path, schema: oldSchema)
            do {
                try backup(to: copy)
            } catch PantauError.backupFailed(_, let reason) {
                throw PantauError.upgradeWithoutBackup(path: path, backup: copy, reason: reason)
            }
        }
        try mappingDatabaseErrors { try Schema.migrator.migrate(pool) }
    }

    /// `kutim.db` at schema "v2 audit trail" → `kutim.db.v2-audit-trail.backup` (or `….backup-2` when that exists).
    static func upgradeBackupPath(for path: String, schema: String) -> String {
        let slug = schema.lowercased().map { $0.isLetter || $0.isNumber ? String($0) : "-" }.joined()
        let base = "\(path).\(slug).backup"
        var candidate = base
        var n = 1
        while FileManager.default.fileExists(atPath: candidate) { n += 1; candidate = "\(base)-\(n)" }
        return candidate
    }
}
