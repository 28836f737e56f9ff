import PantauCore
import PostgresNIO

extension PostgresStore {
    public func setting(_ key: SettingKey) async throws -> String? {
        try await row("SELECT value FROM setting WHERE key = \(key.rawValue)") { try $0["value", as: String.self] }
    }

    public func changeSetting(_ key: SettingKey, to text: String, who: String) async throws {
        throw PantauError.serverRefused(store: location, reason: "not written yet")
    }
}
