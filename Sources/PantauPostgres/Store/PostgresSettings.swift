import PantauCore
import PostgresNIO

extension PostgresStore {
    public func setting(_ key: SettingKey) async throws -> String? {
        try await row("SELECT value FROM setting WHERE key = \(key.rawValue)") { try $0["value", as: String.self] }
    }

    /// Only the database's owner may change the office's settings: the server refuses anyone else.
    public func changeSetting(_ key: SettingKey, to text: String, who: String) async throws {
        let value = try SettingValue.checked(key, text) { try regions.resolve($0).code }
        try await write { connection in
            let old = try await connection.rows("SELECT value FROM setting WHERE key = \(key.rawValue)") { try $0["value", as: String.self] }.first
            try await connection.run("""
                INSERT INTO setting(key, value) VALUES (\(key.rawValue), \(value)) ON CONFLICT (key) DO UPDATE SET value = excluded.value
                """)
            try await connection.run("""
                INSERT INTO audit(entity, record, field, old_value, new_value, note)
                VALUES ('setting', \(key.rawValue), \(key.rawValue), \(old), \(value), '')
                """)
        }
    }
}
