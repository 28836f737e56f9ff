import Foundation

/// The language of text shown to people. Numbers are formatted the Indonesian way in both.
public enum Language: String, Sendable, CaseIterable {
    case id, en

    /// English when asked for, or when the locale variables name English; Indonesian otherwise.
    public static func fromEnvironment(_ env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("en") ? .en : .id
            }
        }
        return .id
    }
}
